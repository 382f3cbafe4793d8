//! Where a Markdown text holds code: fenced blocks, indented blocks and inline code
//! spans, as byte spans of the text.
//!
//! Rules that reduce Markdown syntax (`skip_code: true`) leave code alone: `*`, `_`,
//! `#` and `>` there are the program's, not emphasis, headings or quotes. The reading
//! is CommonMark's, simplified on the safe side: an indented block needs a blank line
//! (or another code line) above it, and inline code is looked for within a line. Inside
//! a list item, as CommonMark reads it, a line is code only when indented four columns
//! past the item's text: converters indent nested lists ("  * Menu" then, after a
//! blank line, "    * Submenu"), and those are list items, not code. Taking a little
//! too much for code only leaves marks in place; taking too little would cut characters
//! out of a program.

/// Spaces a line is indented by to be an indented code block's line (a tab counts as
/// four, as CommonMark counts it).
const CODE_INDENT: usize = 4;
/// Spaces a fence may be indented by.
const MAX_FENCE_INDENT: usize = 3;
/// Backticks or tildes that open a fence.
const FENCE_MARKS: usize = 3;

/// The code spans of `text`, in order and not overlapping.
pub fn code_spans(text: &str) -> Vec<(usize, usize)> {
    let data = text.as_bytes();
    if memchr::memchr3(b'`', b'~', b'\t', data).is_none()
        && memchr::memmem::find(data, b"    ").is_none()
    {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut fence: Option<(u8, usize, usize)> = None; // mark, length, block start
    let mut previous_blank = true;
    let mut previous_code = false;
    // The column where the text of the list item the text is in opens, while in one.
    let mut item_text: Option<usize> = None;
    let mut start = 0;
    while start <= data.len() {
        let end = memchr::memchr(b'\n', &data[start..]).map_or(data.len(), |at| start + at);
        let line = &data[start..end];
        let next = end + 1;
        if let Some((mark, length, block)) = fence {
            if closes_fence(line, mark, length) {
                spans.push((block, end));
                fence = None;
            }
        } else if let Some((mark, length)) = opens_fence(line) {
            fence = Some((mark, length, start));
            previous_code = false;
        } else if is_blank(line) {
            previous_blank = true;
            previous_code = false;
            start = next;
            continue;
        } else if indent(line) >= code_indent(item_text) && (previous_blank || previous_code) {
            push_joined(&mut spans, (start, end));
            previous_code = true;
        } else {
            previous_code = false;
            item_text = match list_item_text(line) {
                Some(column) => Some(column),
                // A line less indented than the item's text ends the list, unless it
                // continues the line above (a lazy continuation).
                None if previous_blank && indent(line) < item_text.unwrap_or(0) => None,
                None => item_text,
            };
            inline_spans(line, start, &mut spans);
        }
        previous_blank = false;
        start = next;
    }
    if let Some((_, _, block)) = fence {
        spans.push((block, data.len())); // an unclosed fence runs to the end
    }
    spans
}

/// Whether any code span overlaps `text[start..end]` (an empty match counts at its
/// position). `spans` come from `code_spans`.
pub fn touches_code(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let end = end.max(start + 1);
    let after = spans.partition_point(|&(_, span_end)| span_end <= start);
    spans
        .get(after)
        .is_some_and(|&(span_start, _)| span_start < end)
}

/// Whether a rule's match over `text[start..end]` cuts into code: it overlaps a code
/// block, or an inline code span it does not hold whole. A match holding whole inline
/// spans (a link or bold marks around `code`) takes each span as one piece, kept or
/// dropped with the match's own group, so no program loses a character of its own.
pub fn cuts_code(text: &str, spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let reach = end.max(start + 1);
    let first = spans.partition_point(|&(_, span_end)| span_end <= start);
    spans[first..]
        .iter()
        .take_while(|&&(span_start, _)| span_start < reach)
        .any(|&(span_start, span_end)| {
            span_start < start
                || span_end > end
                || !is_inline_span(&text.as_bytes()[span_start..span_end])
        })
}

/// Whether a code span is an inline one (`` `x` ``): within a line, between backticks.
fn is_inline_span(span: &[u8]) -> bool {
    span.len() >= 2
        && span.first() == Some(&b'`')
        && span.last() == Some(&b'`')
        && !span.contains(&b'\n')
}

/// The indentation a line needs to be code: four columns, or four past the text of the
/// list item it is in.
fn code_indent(item_text: Option<usize>) -> usize {
    item_text.unwrap_or(0) + CODE_INDENT
}

/// The column where a list item's text opens, for a line that opens a list item: its
/// indentation, a bullet (`*`, `+`, `-`) or a number of up to nine digits with `.` or
/// `)`, then one to four spaces.
fn list_item_text(line: &[u8]) -> Option<usize> {
    let column = indent(line);
    let spaces = line
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    let rest = &line[spaces..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = match rest.get(digits) {
        Some(b'*' | b'+' | b'-') if digits == 0 => 1,
        Some(b'.' | b')') if (1..=9).contains(&digits) => digits + 1,
        _ => return None,
    };
    let spaces = rest[marker..].iter().take_while(|&&b| b == b' ').count();
    let has_text = rest.len() > marker + spaces;
    let item = (1..=4).contains(&spaces) && has_text && !is_thematic_break(rest);
    item.then_some(column + marker + spaces)
}

/// Whether a line (its indentation left out) is a thematic break, "* * *" or "- - -":
/// three or more of one mark, spaces between, nothing else; no list item.
fn is_thematic_break(rest: &[u8]) -> bool {
    let mark = rest[0];
    let marks = rest.iter().filter(|&&b| b == mark).count();
    matches!(mark, b'*' | b'-' | b'_')
        && marks >= 3
        && rest.iter().all(|&b| b == mark || b == b' ' || b == b'\t')
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|byte| matches!(byte, b' ' | b'\t' | b'\r'))
}

/// Columns of leading whitespace, a tab counting as reaching the next multiple of four.
fn indent(line: &[u8]) -> usize {
    let mut columns = 0;
    for &byte in line {
        match byte {
            b' ' => columns += 1,
            b'\t' => columns += CODE_INDENT - columns % CODE_INDENT,
            _ => break,
        }
    }
    columns
}

/// The mark and length of the fence `line` opens, if it opens one.
fn opens_fence(line: &[u8]) -> Option<(u8, usize)> {
    let spaces = line.iter().take_while(|&&byte| byte == b' ').count();
    if spaces > MAX_FENCE_INDENT {
        return None;
    }
    let rest = &line[spaces..];
    let mark = *rest.first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let length = rest.iter().take_while(|&&byte| byte == mark).count();
    // A backtick fence's info string holds no backtick (else it is inline code).
    let info_ok = mark == b'~' || !rest[length..].contains(&b'`');
    (length >= FENCE_MARKS && info_ok).then_some((mark, length))
}

fn closes_fence(line: &[u8], mark: u8, length: usize) -> bool {
    let spaces = line.iter().take_while(|&&byte| byte == b' ').count();
    if spaces > MAX_FENCE_INDENT {
        return false;
    }
    let rest = &line[spaces..];
    let marks = rest.iter().take_while(|&&byte| byte == mark).count();
    marks >= length && is_blank(&rest[marks..])
}

/// The inline code spans of one line (`offset`: where it starts in the text): a run of
/// backticks up to the next run of as many.
fn inline_spans(line: &[u8], offset: usize, spans: &mut Vec<(usize, usize)>) {
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'`', &line[at..]) {
        let open = at + found;
        let length = run_length(line, open);
        let mut search = open + length;
        let mut closed = None;
        while let Some(next) = memchr::memchr(b'`', &line[search..]) {
            let close = search + next;
            let close_length = run_length(line, close);
            if close_length == length {
                closed = Some(close + close_length);
                break;
            }
            search = close + close_length;
        }
        match closed {
            Some(end) => {
                spans.push((offset + open, offset + end));
                at = end;
            }
            None => at = open + length,
        }
    }
}

fn run_length(line: &[u8], at: usize) -> usize {
    line[at..].iter().take_while(|&&byte| byte == b'`').count()
}

/// Add a span, joined to the last one when it continues it (the lines of one block).
fn push_joined(spans: &mut Vec<(usize, usize)>, span: (usize, usize)) {
    match spans.last_mut() {
        Some(last) if last.1 + 1 >= span.0 && last.0 <= span.0 => last.1 = span.1,
        _ => spans.push(span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(text: &str) -> Vec<&str> {
        code_spans(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn fenced_indented_and_inline_code_are_found() {
        let text = "Intro with `a*b*c` inline.\n\n```python\nx = __init__\n```\n\nText.\n\n    # a comment\n    y = *z\n\nEnd.";
        assert_eq!(
            code_of(text),
            vec![
                "`a*b*c`",
                "```python\nx = __init__\n```",
                "    # a comment\n    y = *z"
            ]
        );
    }

    #[test]
    fn a_nested_list_item_after_a_blank_line_is_not_code() {
        let text = "  * [Menu](/m)\n\n    * **Submenu** here\n\n      1. [Deeper](/d)\n";
        assert!(code_of(text).is_empty());
        // Four columns past the item's text, it is code; a paragraph ends the list.
        let text = "- Item\n\n      let x = *y;\n\nA paragraph.\n\n    * code again\n";
        assert_eq!(code_of(text), vec!["      let x = *y;", "    * code again"]);
        // A list marker needs a space and text after it.
        assert_eq!(list_item_text(b"  * x"), Some(4));
        assert_eq!(list_item_text(b"12. x"), Some(4));
        assert_eq!(list_item_text(b"*x"), None);
        assert_eq!(list_item_text(b"- "), None);
        assert_eq!(list_item_text(b"1234567890. x"), None);
        assert_eq!(list_item_text(b"* * *"), None);
        assert_eq!(list_item_text(b"  - - -  "), None);
        assert_eq!(list_item_text(b"- -x"), Some(2));
    }

    #[test]
    fn an_indented_line_continuing_a_paragraph_is_not_code() {
        assert!(code_of("A paragraph\n    goes on here.").is_empty());
    }

    #[test]
    fn an_unclosed_fence_runs_to_the_end_and_unmatched_backticks_are_text() {
        assert_eq!(code_of("a ``b` c\n~~~\ncode *x*"), vec!["~~~\ncode *x*"]);
    }

    #[test]
    fn a_match_holding_whole_inline_spans_does_not_cut_code() {
        let text = "See [`patch`](/p) and **`x`** here.\n```\n[`a`](b)\n```\n";
        let spans = code_spans(text);
        let link = text.find('[').unwrap();
        assert!(!cuts_code(text, &spans, link, link + 13));
        assert!(cuts_code(text, &spans, link, link + 6)); // ends inside `patch`
        let fenced = text.rfind('[').unwrap();
        assert!(cuts_code(text, &spans, fenced, fenced + 9)); // inside a fenced block
        assert!(!cuts_code(text, &spans, 0, 3));
    }

    #[test]
    fn matches_touching_code_are_told() {
        let spans = vec![(5, 10), (20, 30)];
        assert!(touches_code(&spans, 8, 12));
        assert!(touches_code(&spans, 0, 6));
        assert!(!touches_code(&spans, 10, 20));
        assert!(touches_code(&spans, 25, 25));
        assert!(!touches_code(&spans, 30, 30));
    }
}
