//! The canonical body: paragraphs one blank line apart, plain spaces, NFC; a fenced
//! code block kept line for line, with its indentation.
//!
//! A port of `cleaner/normalize.py`. Whitespace is Python's `str.isspace`
//! (Unicode White_Space plus the four information separators U+001C..U+001F),
//! lengths that decide a hard-wrapped block are counted in characters, and
//! edits are in byte offsets of the text they respace.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

const SENTENCE_END: &[char] = &['.', '!', '?', ':', ';', '"', '”', '’', '»', ')', '…'];
const WRAP_WIDTH: usize = 100;

/// An edit of a text: replace `text[start..end]` with the string.
pub type Respacing = (usize, usize, String);

/// `text.split('\n')`, the line breaks found by memchr's vector search (the standard
/// library's looks at a word at a time).
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain([None])
        .map(move |found| {
            let end = found.unwrap_or(text.len());
            let line = &text[start..end];
            start = end + 1;
            line
        })
}

/// Whether Python's `str.isspace` holds for the character.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `" ".join(line.split())`: whitespace runs as one space, none at the ends.
pub fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    push_collapsed(line, &mut out);
    out
}

/// `len(" ".join(text.split()))` in Python: the characters of a text's words, and one
/// space between each two.
pub fn collapsed_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words: usize = 0;
    let mut chars = 0;
    let mut at = 0;
    while let Some((word, end)) = next_word(bytes, at) {
        words += 1;
        chars += bytes[word..end]
            .iter()
            .filter(|&&byte| byte & 0xC0 != 0x80)
            .count();
        at = end;
    }
    chars + words.saturating_sub(1)
}

/// Append `collapse_spaces(line)` to `out`: runs of words found byte by byte, each
/// copied at once (most lines are a single run).
fn push_collapsed(line: &str, out: &mut String) {
    let start = out.len();
    let mut at = 0;
    while let Some((run, end)) = next_run(line.as_bytes(), at) {
        if out.len() > start {
            out.push(' ');
        }
        out.push_str(&line[run..end]);
        at = end;
    }
}

/// The byte span of the first run of words one plain space apart (text its collapsed
/// form leaves as it is) of a UTF-8 text at or after byte `at`; None when only spaces
/// are left.
#[inline(always)]
fn next_run(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
    while let Some(length) = space_at(bytes, at) {
        at += length;
    }
    let run = at;
    while at < bytes.len() {
        if let Some(word) = bytes.get(at..at + 8) {
            if plain_run_word(u64::from_le_bytes(word.try_into().expect("eight bytes"))) {
                at += 8;
                continue;
            }
        }
        let byte = bytes[at];
        // Printable ASCII is never a space: one comparison for most bytes; a plain
        // space with a word right after it stays in the run.
        let inside = (b'!'..=b'~').contains(&byte)
            || (byte == b' ' && at + 1 < bytes.len() && space_at(bytes, at + 1).is_none())
            || space_at(bytes, at).is_none();
        if !inside {
            break;
        }
        at += 1;
    }
    (run < at).then_some((run, at))
}

/// The byte span of the first word (a run of characters that are not `is_space`) of a
/// UTF-8 text at or after byte `at`; None when only spaces are left.
#[inline(always)]
fn next_word(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
    while let Some(length) = space_at(bytes, at) {
        at += length;
    }
    let word = at;
    while at < bytes.len() {
        // Printable ASCII is never a space: one comparison for most bytes.
        let byte = bytes[at];
        if !(b'!'..=b'~').contains(&byte) && space_at(bytes, at).is_some() {
            break;
        }
        at += 1;
    }
    (word < at).then_some((word, at))
}

/// Whether eight bytes (little-endian) all stay in a run: printable ASCII or plain
/// spaces, no two spaces side by side, the last byte not a space (what follows it is
/// not known here). Most of a line's text passes eight bytes at a time.
#[inline(always)]
fn plain_run_word(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // Any byte below 0x20, or above 0x7E: one that is not ASCII, or 0x7F, which one
    // more carries into its high bit.
    let below = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let above = ((word & LOW7).wrapping_add(ONES) | word) & HIGH;
    if below | above != 0 {
        return false;
    }
    // Each space's high bit (exact: no carry between bytes once all are ASCII).
    let flipped = word ^ (ONES * u64::from(b' '));
    let spaces = !((flipped & LOW7).wrapping_add(LOW7) | flipped) & HIGH;
    spaces & (spaces >> 8) == 0 && spaces >> 63 == 0
}

/// The length in bytes of the whitespace character (`is_space`) that starts at byte
/// `at` of a UTF-8 text; None when none does (or `at` is its end, or mid-character).
fn space_at(bytes: &[u8], at: usize) -> Option<usize> {
    let next = |offset: usize| bytes.get(at + offset).copied().unwrap_or(0);
    match *bytes.get(at)? {
        b' ' | b'\t'..=b'\r' | 0x1c..=0x1f => Some(1),
        // U+0085, U+00A0
        0xC2 => matches!(next(1), 0x85 | 0xA0).then_some(2),
        // U+1680
        0xE1 => (next(1) == 0x9A && next(2) == 0x80).then_some(3),
        // U+2000..U+200A, U+2028, U+2029, U+202F; U+205F
        0xE2 => match (next(1), next(2)) {
            (0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F) => Some(3),
            _ => None,
        },
        // U+3000
        0xE3 => (next(1) == 0x80 && next(2) == 0x80).then_some(3),
        _ => None,
    }
}

/// Paragraphs separated by exactly one blank line; whitespace runs as one space; NFC.
/// A fenced code block (see `code_blocks`) is one paragraph that keeps its lines, blank
/// ones included, and their indentation (`code_line`).
///
/// Built in one output string: each block's lines are collapsed into a scratch string,
/// then written out joined (a hard-wrapped block) or as paragraphs of their own.
pub fn canonical(text: &str) -> String {
    if may_hold_fences(text) {
        return canonical_with_code(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut lines = String::new();
    let mut block: Vec<(usize, usize)> = Vec::new();
    for raw in split_lines(text) {
        let start = lines.len();
        push_collapsed(raw, &mut lines);
        if lines.len() > start {
            block.push((start, lines.len()));
        } else {
            write_block(&lines, &block, &mut out);
            block.clear();
            lines.clear();
        }
    }
    write_block(&lines, &block, &mut out);
    nfc_owned(out)
}

/// `canonical` of a text that may hold fenced code, from its located blocks.
fn canonical_with_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for block in located_blocks(text) {
        let lines: Vec<&str> = block.lines.iter().map(|line| line.text.as_str()).collect();
        write_lines(&lines, block.separator(), &mut out);
    }
    nfc_owned(out)
}

/// Write a block of collapsed lines (`lines[start..end]` each) to the canonical body.
fn write_block(lines: &str, block: &[(usize, usize)], out: &mut String) {
    if block.is_empty() {
        return;
    }
    let texts: Vec<&str> = block
        .iter()
        .map(|&(start, end)| &lines[start..end])
        .collect();
    let separator = if looks_hard_wrapped(&texts) {
        " "
    } else {
        "\n\n"
    };
    write_lines(&texts, separator, out);
}

/// Write a block's lines to the canonical body, `separator` between them, one blank
/// line after what the body holds already.
fn write_lines(lines: &[&str], separator: &str, out: &mut String) {
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            out.push_str(separator);
        } else if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
}

/// `text` in Unicode normal form C.
pub fn nfc(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// `nfc`, keeping the string when it is already in form C.
fn nfc_owned(text: String) -> String {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    text.nfc().collect()
}

/// Edits that turn `text` into `canonical(text)`, NFC aside: whitespace only, sorted,
/// never overlapping; none for a text already in canonical layout.
pub fn canonical_edits(text: &str) -> Vec<Respacing> {
    let mut edits = Vec::new();
    let mut previous: Option<usize> = None;
    for block in located_blocks(text) {
        let separator = block.separator();
        for (index, line) in block.lines.iter().enumerate() {
            let gap = match previous {
                None => "",
                Some(_) if index > 0 => separator,
                Some(_) => "\n\n",
            };
            respace(text, previous.unwrap_or(0), line.start, gap, &mut edits);
            if text[line.start..line.end] != line.text {
                let odd = if block.code {
                    code_spaces(&text[line.start..line.end])
                } else {
                    odd_spaces(&text[line.start..line.end])
                };
                for (gap_start, gap_end) in odd {
                    respace(
                        text,
                        line.start + gap_start,
                        line.start + gap_end,
                        " ",
                        &mut edits,
                    );
                }
            }
            previous = Some(line.end);
        }
    }
    respace(text, previous.unwrap_or(0), text.len(), "", &mut edits);
    edits
}

/// Runs of whitespace within a line that the canonical body does not keep as they are:
/// two or more characters, or one that is not a plain space (Python's `\s{2,}|[^\S ]`).
fn odd_spaces(line: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // (start, end, characters)
    for (at, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), 'x')))
    {
        if at < line.len() && is_space(c) {
            run = Some(match run {
                Some((start, _, count)) => (start, at + c.len_utf8(), count + 1),
                None => (at, at + c.len_utf8(), 1),
            });
            continue;
        }
        if let Some((start, end, count)) = run.take() {
            if count >= 2 || &line[start..end] != " " {
                found.push((start, end));
            }
        }
    }
    found
}

/// The whitespace characters of a code line that its canonical form (`code_line`)
/// writes as a plain space: every one but the plain space itself.
fn code_spaces(line: &str) -> Vec<(usize, usize)> {
    line.char_indices()
        .filter(|&(_, c)| c != ' ' && is_space(c))
        .map(|(at, c)| (at, at + c.len_utf8()))
        .collect()
}

/// A line of fenced code as the canonical body writes it: its indentation and inner
/// spacing kept, a plain space for any other whitespace character (a tab included, as
/// the view the rules read has it: one character for one), none at its end.
fn code_line(raw: &str) -> String {
    let kept = raw.trim_end_matches(is_space);
    if !kept.contains(|c: char| c != ' ' && is_space(c)) {
        return kept.to_string();
    }
    kept.chars()
        .map(|c| if is_space(c) { ' ' } else { c })
        .collect()
}

/// One line of a located block: its visible span in the text and what the canonical
/// body writes of it.
struct LocatedLine {
    start: usize,
    end: usize,
    text: String,
}

/// A paragraph of lines with text, or a fenced code block (its fences and every line
/// between them, blank ones too).
struct LocatedBlock {
    code: bool,
    lines: Vec<LocatedLine>,
}

impl LocatedBlock {
    /// An empty block of prose lines.
    fn prose() -> LocatedBlock {
        LocatedBlock {
            code: false,
            lines: Vec::new(),
        }
    }

    /// What the canonical body puts between the block's lines.
    fn separator(&self) -> &'static str {
        if self.code {
            return "\n";
        }
        let lines: Vec<&str> = self.lines.iter().map(|line| line.text.as_str()).collect();
        if looks_hard_wrapped(&lines) {
            " "
        } else {
            "\n\n"
        }
    }
}

/// The text's blocks, each line with its visible span: the lines with text between blank
/// lines, and the fenced code blocks.
fn located_blocks(text: &str) -> Vec<LocatedBlock> {
    let lines: Vec<&str> = split_lines(text).collect();
    let mut code = code_blocks(&lines).into_iter().peekable();
    let mut blocks = vec![LocatedBlock::prose()];
    let mut position = 0;
    let mut index = 0;
    while index < lines.len() {
        if let Some((first, last)) = code.next_if(|&(first, _)| first == index) {
            let (block, after) = located_code(&lines[first..=last], position);
            blocks.extend([block, LocatedBlock::prose()]);
            position = after;
            index = last + 1;
            continue;
        }
        let raw = lines[index];
        let line = collapse_spaces(raw);
        if line.is_empty() {
            if !blocks.last().is_some_and(|block| block.lines.is_empty()) {
                blocks.push(LocatedBlock::prose());
            }
        } else if let Some(block) = blocks.last_mut() {
            block.lines.push(LocatedLine {
                start: position + raw.len() - raw.trim_start_matches(is_space).len(),
                end: position + raw.trim_end_matches(is_space).len(),
                text: line,
            });
        }
        position += raw.len() + 1;
        index += 1;
    }
    blocks.retain(|block| !block.lines.is_empty());
    blocks
}

/// A fenced code block of `lines` (its fences included) starting at byte `position`, and
/// the position after its last line's break.
fn located_code(lines: &[&str], mut position: usize) -> (LocatedBlock, usize) {
    let mut block = LocatedBlock {
        code: true,
        lines: Vec::with_capacity(lines.len()),
    };
    for raw in lines {
        block.lines.push(LocatedLine {
            start: position,
            end: position + raw.trim_end_matches(is_space).len(),
            text: code_line(raw),
        });
        position += raw.len() + 1;
    }
    (block, position)
}

/// Whether a text may hold a code fence: three backticks or tildes in a row.
fn may_hold_fences(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find(bytes, b"```").is_some() || memchr::memmem::find(bytes, b"~~~").is_some()
}

/// The fenced code blocks among `lines`, as (first, last) line indices, fences included.
///
/// A fence is a line that, spaces aside, opens with three or more backticks (and holds
/// no other backtick) or tildes; the block ends at the next line of nothing but at
/// least as many of the same mark. A fence never closed opens no block: its line is
/// text like any other (a stray "```" must not keep the rest of a text unspaced).
/// Lines are read spaces aside, as the canonical body writes them, so the body's
/// blocks are the text's: canonical layout is its own canonical layout.
fn code_blocks(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        if let Some((mark, length)) = fence_opening(lines[index]) {
            let close = (index + 1..lines.len()).find(|&at| fence_closes(lines[at], mark, length));
            if let Some(close) = close {
                blocks.push((index, close));
                index = close + 1;
                continue;
            }
        }
        index += 1;
    }
    blocks
}

/// The mark and length of the fence `line` opens, if it opens one.
fn fence_opening(line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_matches(is_space).as_bytes();
    let mark = *trimmed.first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let length = trimmed.iter().take_while(|&&byte| byte == mark).count();
    let info_ok = mark == b'~' || !trimmed[length..].contains(&b'`');
    (length >= 3 && info_ok).then_some((mark, length))
}

/// Whether `line` closes a fence of `length` `mark`s.
fn fence_closes(line: &str, mark: u8, length: usize) -> bool {
    let trimmed = line.trim_matches(is_space).as_bytes();
    trimmed.len() >= length && trimmed.iter().all(|&byte| byte == mark)
}

/// Add the edit that makes the whitespace `text[start..end]` read `wanted`, if needed;
/// a deletion when the text already opens with `wanted`.
fn respace(text: &str, start: usize, end: usize, wanted: &str, edits: &mut Vec<Respacing>) {
    let gap = &text[start..end];
    if gap == wanted {
        return;
    }
    if gap.starts_with(wanted) {
        edits.push((start + wanted.len(), end, String::new()));
    } else {
        edits.push((start, end, wanted.to_string()));
    }
}

/// A block of three or more short lines, most of them cut mid-sentence by a wrap
/// (`cut_by_a_wrap`), is one hard-wrapped paragraph; the rows of a table (every line
/// holding a `|` between its cells, as a Markdown table's rows and the text of an HTML
/// table's do) are not. Two lines are one paragraph wrapped once when the first is a
/// wrapped line's length and stops mid-sentence and the second goes on in lower case
/// (`continues_wrapped`).
fn looks_hard_wrapped<S: AsRef<str>>(block: &[S]) -> bool {
    if block.len() < 2 || block.iter().all(|line| line.as_ref().contains('|')) {
        return false;
    }
    if let [first, second] = block {
        return continues_wrapped(first.as_ref(), second.as_ref());
    }
    let body = &block[..block.len() - 1];
    if body.iter().map(|line| line.as_ref().chars().count()).max() > Some(WRAP_WIDTH) {
        return false;
    }
    let open_ended = body
        .iter()
        .zip(&block[1..])
        .filter(|(line, next)| cut_by_a_wrap(line.as_ref(), next.as_ref()))
        .count();
    open_ended * 2 > body.len()
}

/// A line cut mid-sentence that is at least this long reads as cut by a wrap whatever
/// follows it. A shorter one does only when the next line goes on in lower case;
/// otherwise it is a menu's or a list's item, a label or a heading ("Home", "News",
/// "Sport", one per line, are no paragraph).
const SHORTEST_WRAPPED: usize = 30;

/// Whether `line` stops mid-sentence where a wrap cut it, `next` being the line after it.
fn cut_by_a_wrap(line: &str, next: &str) -> bool {
    !line.ends_with(SENTENCE_END)
        && (line.chars().count() >= SHORTEST_WRAPPED
            || next.chars().next().is_some_and(char::is_lowercase))
}

/// The fewest characters of a line that a converter wrapped (at 70 to 80 columns, as
/// html2text and most text tools do): a shorter line before a lower-case one is a
/// heading, a label or a list's line more often than half a sentence.
const WRAPPED_LINE_CHARS: usize = 50;

/// Whether a line is as long as a wrapped line and stops mid-sentence (spaces at its end
/// aside): the next line goes on with its sentence, unless it opens a paragraph.
pub fn cut_mid_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(is_space);
    // The end first, and the characters counted only as far as the length asked for:
    // the line may be a long paragraph.
    !line.ends_with(SENTENCE_END)
        && line.len() >= WRAPPED_LINE_CHARS
        && line.chars().nth(WRAPPED_LINE_CHARS - 1).is_some()
}

/// Whether `second` goes on with the sentence `first` stopped in: `first` is as long as
/// a wrapped line, ends without closing a sentence, and `second` opens in lower case.
fn continues_wrapped(first: &str, second: &str) -> bool {
    second.chars().next().is_some_and(char::is_lowercase)
        && cut_mid_sentence(first)
        && first.chars().nth(WRAP_WIDTH).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn apply(text: &str, edits: &[Respacing]) -> String {
        let mut out = String::new();
        let mut cursor = 0;
        for (start, end, replacement) in edits {
            out.push_str(&text[cursor..*start]);
            out.push_str(replacement);
            cursor = *end;
        }
        out.push_str(&text[cursor..]);
        out
    }

    #[test]
    fn a_paragraph_wrapped_once_is_one_paragraph() {
        let wrapped = "The harbour authority will change the ferry timetable from next\n\
                       week, adding two early departures from the north pier.\n";
        assert_eq!(
            canonical(wrapped),
            "The harbour authority will change the ferry timetable from next week, adding two \
             early departures from the north pier."
        );
        let heading = "Ferry timetable changes\nthe harbour authority said on Monday.\n";
        assert_eq!(
            canonical(heading),
            "Ferry timetable changes\n\nthe harbour authority said on Monday."
        );
    }

    #[test]
    fn a_menu_one_item_a_line_is_no_paragraph() {
        let menu = "Home\nNews\nSport\nWeather\nHarbour authority changes ferry timetable\n";
        assert_eq!(
            canonical(menu),
            "Home\n\nNews\n\nSport\n\nWeather\n\nHarbour authority changes ferry timetable"
        );
    }

    #[test]
    fn table_rows_stay_lines_of_their_own() {
        let rows = "Route | Old | New\nNorth pier | 07:15 | 06:45\nSouth pier | 08:00 | 07:30\n";
        assert_eq!(
            canonical(rows),
            "Route | Old | New\n\nNorth pier | 07:15 | 06:45\n\nSouth pier | 08:00 | 07:30"
        );
        let wrapped = "The harbour authority said it will change\nthe ferry timetable from next Monday and\nadd two early departures, it said.\n";
        assert_eq!(
            canonical(wrapped),
            "The harbour authority said it will change the ferry timetable from next Monday and \
             add two early departures, it said."
        );
    }

    #[test]
    fn fenced_code_keeps_its_lines_and_indentation() {
        let text = "Loops run a body once per item.\n```python\nfor name in names:\n    if name:\n\t\tprint(name)  \n\n\nprint(\"done\")\n```\nThat is all.\n";
        assert_eq!(
            canonical(text),
            "Loops run a body once per item.\n\n```python\nfor name in names:\n    if name:\n  print(name)\n\n\nprint(\"done\")\n```\n\nThat is all."
        );
        let tildes = "~~~\na  =  1\n~~~~\n";
        assert_eq!(canonical(tildes), "~~~\na  =  1\n~~~~");
    }

    #[test]
    fn a_fence_never_closed_is_text() {
        assert_eq!(
            canonical("```\nOne  line.\nTwo."),
            "```\n\nOne line.\n\nTwo."
        );
        assert_eq!(canonical("``` a ` b\nx  y\n```"), "``` a ` b\n\nx y\n\n```");
    }

    #[test]
    fn spaces_are_told_byte_by_byte_as_by_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let expected = is_space(c).then_some(bytes.len());
            assert_eq!(space_at(bytes, 0), expected, "{c:?}");
        }
    }

    #[test]
    fn paragraphs_and_spaces() {
        assert_eq!(canonical("  a  b \n\n\n c\u{a0}d\n"), "a b\n\nc d");
        assert_eq!(
            canonical(
                "the first line of a wrapped paragraph\ngoes on in the second line of it and\nends here."
            ),
            "the first line of a wrapped paragraph goes on in the second line of it and ends here."
        );
        assert_eq!(canonical("one\ntwo\nthree\nfour."), "one two three four.");
        assert_eq!(canonical("One.\nTwo.\nThree."), "One.\n\nTwo.\n\nThree.");
        assert_eq!(canonical("e\u{301}"), "é");
        assert_eq!(collapse_spaces("\u{1c}a\x0b\x0c b\r"), "a b");
    }

    #[test]
    fn words_of_a_plain_run_are_told_as_byte_by_byte() {
        // The byte-at-a-time rule for eight bytes followed by a word.
        let plain = |bytes: &[u8; 8]| {
            bytes.iter().enumerate().all(|(at, &byte)| {
                (b'!'..=b'~').contains(&byte) || (byte == b' ' && at < 7 && bytes[at + 1] != b' ')
            })
        };
        let samples = [
            b'a', b' ', b'~', b'!', 0x7F, 0x1F, b'\t', b'\n', 0x80, 0xC2, 0xFF, 0,
        ];
        for byte in 0..=255u8 {
            for place in 0..8usize {
                for filler in samples {
                    for second in [place + 1, place.wrapping_sub(1)] {
                        let mut bytes = [filler; 8];
                        bytes[place] = byte;
                        if second < 8 {
                            bytes[second] = b' ';
                        }
                        let word = u64::from_le_bytes(bytes);
                        assert_eq!(plain_run_word(word), plain(&bytes), "{bytes:?}");
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn lines_collapse_as_split_on_spaces(line in "[ab \t\x0b\x0c\r\x1c-\x1f\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}-\u{2030}\u{205f}\u{3000}é]{0,30}") {
            let words: Vec<&str> = line.split(is_space).filter(|word| !word.is_empty()).collect();
            prop_assert_eq!(collapse_spaces(&line), words.join(" "));
        }

        #[test]
        fn collapsed_length_is_the_collapsed_lines_length(line in "[ab \t\x0b\x0c\r\x1c-\x1f\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}-\u{2030}\u{205f}\u{3000}é]{0,30}") {
            prop_assert_eq!(collapsed_len(&line), collapse_spaces(&line).chars().count());
        }

        #[test]
        fn lines_split_as_the_standard_library_splits_them(text in "[a\né]{0,20}") {
            prop_assert_eq!(split_lines(&text).collect::<Vec<_>>(), text.split('\n').collect::<Vec<_>>());
        }

        #[test]
        fn the_canonical_body_is_its_own_plain_view(text in "(?s:.{0,40})|[ab.\n\r \t\x0b\x0c\x1c-\x1f\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}-\u{2030}\u{205f}\u{3000}\u{301}e\u{fb01}]{0,40}") {
            let body = canonical(&text);
            prop_assert!(!crate::buffer::changes_in_view(&body), "{:?}", body);
        }

        #[test]
        fn edits_make_the_canonical_layout(text in "[ab. \n\t\u{a0}\u{1c}é]{0,40}") {
            let edits = canonical_edits(&text);
            let edited = apply(&text, &edits);
            prop_assert_eq!(nfc(&edited), canonical(&text));
            prop_assert!(canonical_edits(&canonical(&text)).is_empty());
        }

        #[test]
        fn fenced_texts_settle_in_one_step(text in "(```|~~~|````|``` a|[ab `~. \t\u{a0}]{0,6}|)(\n(```|~~~|````|``` a|[ab `~. \t\u{a0}]{0,6}|)){0,12}") {
            let body = canonical(&text);
            prop_assert_eq!(&canonical(&body), &body);
            prop_assert!(!crate::buffer::changes_in_view(&body), "{:?}", body);
            let edits = canonical_edits(&text);
            prop_assert_eq!(nfc(&apply(&text, &edits)), body.clone());
            prop_assert!(canonical_edits(&body).is_empty());
        }
    }
}
