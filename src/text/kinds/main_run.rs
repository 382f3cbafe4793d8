//! keep_main_run: in a whole-page dump, keep the lines that read as the article and
//! drop the page furniture around and among them.
//!
//! A page converted to Markdown or text whole (html2text, a crawler's Markdown) holds
//! its menus, breadcrumbs, share bars, related links and footer columns as lines that
//! are mostly link text or images, and the article somewhere among them as lines of
//! prose. A text is taken for a dump only when furniture is a fifth of its lines and
//! gathers at its start or end (a page's header or footer); an article, a clean text or
//! an extractor's output is left as it is. In a dump, a learned line model
//! (gradient-boosted trees trained by bench/train_dump_lines.py on whole-page dumps, see
//! `dump_lines`) scores each line from what a reader sees of it and of the lines around
//! it, and a second stage scores it again with the first stage's probabilities around it
//! (`dump_lines::context_rows`); the lines it keeps stay, and each run of the others goes
//! as one removal. In a dump that lists items (a listing, a search result page), each
//! item's title line stays whatever the model says: there the links are the content.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Arc;

use crate::buffer::Edit;
use crate::text::code::{code_spans, touches_code};
use crate::text::doc::Doc;
use crate::text::scripts::{
    ends_a_sentence, is_comma, is_full_stop, is_unspaced, CHARS_PER_WORD, LATIN_CHARS_PER_UNSPACED,
};
use crate::trees::Forest;

use super::dump_lines::{context_rows, feature_rows, Line, COLUMNS, CONTEXT_COLUMNS};
use super::Run;

pub struct KeepMainRun {
    /// Link or image lines a text needs to be taken for a whole-page dump.
    pub min_furniture: usize,
    /// Visible characters from which a line is prose whatever its ending.
    pub min_prose_chars: usize,
    /// The line model, and the probability from which it keeps a line.
    pub model: Arc<Forest>,
    pub threshold: f64,
    /// The second stage, which reads the first's probabilities around each line (see
    /// `dump_lines::context_rows`), and the probability from which it keeps a line.
    pub context: Option<(Arc<Forest>, f64)>,
}

/// A whole-page dump opens with the page's header or closes with its footer: this many of
/// its first or last EDGE_LINES lines with text are furniture.
const EDGE_FURNITURE: usize = 3;
const EDGE_LINES: usize = 10;

/// Whether furniture gathers at the start or the end of the text, as a page's header and
/// footer do. An extractor's output that keeps link lists inside the article (a
/// documentation page's references) has furniture only in its middle, and is no dump.
fn has_furniture_at_an_edge(lines: &[Option<Line>]) -> bool {
    let with_text: Vec<&Line> = lines.iter().flatten().collect();
    let furniture = |edge: &[&Line]| edge.iter().filter(|line| line.is_furniture()).count();
    let head = &with_text[..EDGE_LINES.min(with_text.len())];
    let tail = &with_text[with_text.len().saturating_sub(EDGE_LINES)..];
    furniture(head) >= EDGE_FURNITURE || furniture(tail) >= EDGE_FURNITURE
}

/// A whole-page dump has at least this share of its lines with text as furniture; an
/// extractor's output, or an article with a link list, has less.
const FURNITURE_SHARE: f64 = 0.2;

fn is_mostly_furnished(lines: &[Option<Line>]) -> bool {
    let with_text = lines.iter().flatten().count();
    let furniture = lines
        .iter()
        .flatten()
        .filter(|line| line.is_furniture())
        .count();
    furniture as f64 >= FURNITURE_SHARE * with_text as f64
}

/// A link line of this many visible characters and words reads as an item's title.
const ITEM_CHARS: usize = 40;
const ITEM_WORDS: usize = 5;
/// A dump with this many times as many item lines as prose lines lists items.
const ITEM_SHARE: f64 = 3.0;

impl KeepMainRun {
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        let text = doc.text();
        let (start, end) = run.region;
        // Every furniture line holds a link or an image, and so a `](`: a text with
        // fewer such lines is no dump, and is not read line by line.
        if lines_with_links(&text.as_bytes()[start..end]) < self.min_furniture {
            return 0;
        }
        let lines = lines_of(text, start, end);
        // Only a line with a link or an image can be furniture: those are read first, and
        // the rest only when they make the text a dump.
        let furniture = lines
            .iter()
            .filter(|&&(s, e)| text[s..e].contains("]("))
            .filter_map(|&(s, e)| read_line(&text[s..e], false))
            .filter(Line::is_furniture)
            .count();
        if furniture < self.min_furniture {
            return 0;
        }
        let mut looks: Vec<Option<Line>> = lines
            .iter()
            .map(|&(s, e)| read_line(&text[s..e], false))
            .collect();
        mark_code(&mut looks, &lines, &code_spans(text));
        if !has_furniture_at_an_edge(&looks) || !is_mostly_furnished(&looks) {
            return 0;
        }
        let listing = self.lists_items(&looks);
        // A dump: every line read again in full, for the line model.
        let detailed = detailed_lines(text, &lines, looks);
        let mut keep = self.kept_lines(&detailed);
        if listing {
            keep_items(&detailed, &mut keep);
        }
        drop_repeats(text, &lines, &detailed, &mut keep);
        if !keep.iter().flatten().any(|&kept| kept) {
            return 0; // nothing reads as content: not the finder's to empty the text
        }
        let edits = dropped_runs(&lines, &keep, (start, end));
        let count = edits.len();
        doc.edit(edits, run.index);
        count
    }

    /// Per line, whether the model keeps it (None for a blank line).
    fn kept_lines(&self, looks: &[Option<Line>]) -> Vec<Option<bool>> {
        let with_text: Vec<&Line> = looks.iter().flatten().collect();
        let rows = feature_rows(&with_text, self.min_prose_chars);
        let first = probabilities(&self.model, &rows, COLUMNS.len());
        let kept: Vec<bool> = match &self.context {
            None => first.iter().map(|&p| p >= self.threshold).collect(),
            Some((second, threshold)) => {
                let rows = context_rows(&rows, &first, self.threshold);
                let width = COLUMNS.len() + CONTEXT_COLUMNS.len();
                let probabilities = probabilities(second, &rows, width);
                probabilities.iter().map(|&p| p >= *threshold).collect()
            }
        };
        let mut kept = kept.into_iter();
        looks
            .iter()
            .map(|look| look.as_ref().and_then(|_| kept.next()))
            .collect()
    }

    /// Whether the dump is a list of items (a listing, a search result page): more lines
    /// of link text long enough to be an item's title than ITEM_SHARE times its prose
    /// lines. There those link lines are the content, and no run of prose stands for it;
    /// its menus and footer are furniture as anywhere.
    fn lists_items(&self, lines: &[Option<Line>]) -> bool {
        let items = lines.iter().flatten().filter(|line| is_item(line)).count();
        let prose = lines
            .iter()
            .flatten()
            .filter(|line| line.is_prose(self.min_prose_chars))
            .count();
        items >= self.min_furniture && items as f64 >= ITEM_SHARE * prose.max(1) as f64
    }
}

/// `looks` read again with the detail the line model needs (their code marks kept).
fn detailed_lines(
    text: &str,
    lines: &[(usize, usize)],
    looks: Vec<Option<Line>>,
) -> Vec<Option<Line>> {
    lines
        .iter()
        .zip(looks)
        .map(|(&(s, e), look)| {
            let structured = look.as_ref()?.structured;
            let mut line = read_line(&text[s..e], true)?;
            line.structured = structured;
            Some(line)
        })
        .collect()
}

/// Every line of `text` with text, read as `keep_main_run` reads it (code lines marked):
/// what bench/train_dump_lines.py labels and featurizes.
pub fn read_dump_lines(text: &str) -> Vec<Line> {
    let lines = lines_of(text, 0, text.len());
    let mut looks: Vec<Option<Line>> = lines
        .iter()
        .map(|&(s, e)| read_line(&text[s..e], true))
        .collect();
    mark_code(&mut looks, &lines, &code_spans(text));
    looks.into_iter().flatten().collect()
}

/// A kept line of this many characters that repeats an earlier kept line is the page showing
/// the same text twice (a desktop and a mobile layout, a tab and an accordion); shorter
/// lines ("Reply", a price) repeat for good reasons.
const MIN_REPEAT_CHARS: usize = 40;

/// Leave out every kept line that repeats an earlier kept line's text (trimmed) and is
/// MIN_REPEAT_CHARS long, unless it is code or a table row: a dump flattens the page's
/// layouts into one text, and the reader saw the text once.
fn drop_repeats(
    text: &str,
    lines: &[(usize, usize)],
    looks: &[Option<Line>],
    keep: &mut [Option<bool>],
) {
    let mut seen: HashSet<&str> = HashSet::new();
    for ((&(start, end), look), kept) in lines.iter().zip(looks).zip(keep.iter_mut()) {
        let (Some(line), Some(true)) = (look, *kept) else {
            continue;
        };
        let shown = text[start..end].trim();
        if line.structured || shown.chars().count() < MIN_REPEAT_CHARS {
            continue;
        }
        if !seen.insert(shown) {
            *kept = Some(false);
        }
    }
}

/// Each row's probability under `model` (rows of `width` values, one after another).
fn probabilities(model: &Forest, rows: &[f64], width: usize) -> Vec<f64> {
    let mut scores = [0.0];
    rows.chunks_exact(width)
        .map(|row| {
            model.scores(row, &mut scores);
            logistic(scores[0])
        })
        .collect()
}

/// A line's probability from its raw score.
fn logistic(raw: f64) -> f64 {
    1.0 / (1.0 + (-raw).exp())
}

/// Keep every item's title line of a listing, whatever the model says of it: there the
/// links are the content, and a model that reads each line among its neighbours takes a
/// page of nothing but links for furniture.
fn keep_items(looks: &[Option<Line>], keep: &mut [Option<bool>]) {
    for (look, kept) in looks.iter().zip(keep.iter_mut()) {
        if look.as_ref().is_some_and(is_item) {
            *kept = Some(true);
        }
    }
}

/// Whether a line is an item's title: a link line long enough to be more than a menu entry.
fn is_item(line: &Line) -> bool {
    !line.images_only
        && line.is_furniture()
        && line.visible >= ITEM_CHARS
        && line.words >= ITEM_WORDS
}

/// The edits that delete each run of lines the model left out (`keep`: per line of
/// `lines`, None for a blank one), with the blank lines after it; a run at the end of
/// the region goes from the end of the last kept line.
fn dropped_runs(
    lines: &[(usize, usize)],
    keep: &[Option<bool>],
    (start, end): (usize, usize),
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut run_start: Option<usize> = None;
    let mut last_kept_end: Option<usize> = None;
    for (&(line_start, line_end), kept) in lines.iter().zip(keep) {
        match kept {
            Some(false) if run_start.is_none() => {
                run_start = Some(if last_kept_end.is_none() {
                    start
                } else {
                    line_start
                });
            }
            Some(true) => {
                if let Some(from) = run_start.take() {
                    edits.push(Edit::delete(from, line_start));
                }
                last_kept_end = Some(line_end);
            }
            _ => {}
        }
    }
    if let (Some(_), Some(kept_end)) = (run_start, last_kept_end) {
        edits.push(Edit::delete(kept_end, end));
    }
    edits
}

/// How many lines of `data` hold a `](`.
fn lines_with_links(data: &[u8]) -> usize {
    let mut count = 0;
    let mut line_end = 0;
    for at in memchr::memmem::find_iter(data, b"](") {
        if at >= line_end {
            count += 1;
            line_end = memchr::memchr(b'\n', &data[at..]).map_or(data.len(), |found| at + found);
        }
    }
    count
}

/// Mark the lines that lie in Markdown code as structured content.
fn mark_code(looks: &mut [Option<Line>], lines: &[(usize, usize)], code: &[(usize, usize)]) {
    if code.is_empty() {
        return;
    }
    for (look, &(start, end)) in looks.iter_mut().zip(lines) {
        if let Some(line) = look {
            if touches_code(code, start, end) && !line.is_furniture() {
                line.structured = true;
            }
        }
    }
}

/// The (start, end) of each line of `text[start..end]`, line breaks left out.
fn lines_of(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut at = start;
    while at <= end {
        let stop = text[at..end].find('\n').map_or(end, |found| at + found);
        lines.push((at, stop));
        at = stop + 1;
    }
    lines
}

/// A line as a reader sees it; None for a blank line. Its `shown` text and the counts of
/// its marks (what only the line model reads) are left empty unless `detailed`.
fn read_line(raw: &str, detailed: bool) -> Option<Line> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    let heading = trimmed.starts_with('#');
    // Most lines hold no link and no URL, and are read as they are.
    let (shown, link, images) = if trimmed.contains('[') {
        let (shown, link, images) = without_link_syntax(trimmed);
        (Cow::Owned(shown), link, images)
    } else {
        (Cow::Borrowed(trimmed), 0, 0)
    };
    let shown = if shown.contains("http") {
        Cow::Owned(without_urls(&shown))
    } else {
        shown
    };
    let body = shown.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '#' | '>' | '*' | '+' | '-' | '|' | '.')
            || c.is_ascii_digit()
    });
    let body = body.trim_end();
    // Characters as a reader sees them: a run of spaces is one. A run of an unspaced
    // script (Chinese, Japanese) holds a word per CHARS_PER_WORD characters.
    let spaced_words = body.split_whitespace().count();
    let visible = body
        .split_whitespace()
        .map(|word| word.chars().count())
        .sum::<usize>()
        + spaced_words.saturating_sub(1);
    let unspaced = if body.is_ascii() {
        0
    } else {
        body.chars().filter(|&c| is_unspaced(c)).count()
    };
    let marks = if detailed { marks_of(body) } else { [0; 4] };
    Some(Line {
        visible,
        reads: visible + (LATIN_CHARS_PER_UNSPACED - 1) * unspaced,
        link: link.min(visible),
        words: spaced_words + unspaced / CHARS_PER_WORD,
        sentence: ends_like_a_sentence(body),
        heading,
        heading_level: trimmed.len() - trimmed.trim_start_matches('#').len(),
        list_item: is_list_item(trimmed),
        indent: raw.len() - raw.trim_start().len(),
        images_only: images > 0 && visible == 0,
        structured: trimmed.starts_with('|'),
        commas: marks[0],
        periods: marks[1],
        digits: marks[2],
        capitals: marks[3],
        shown: if detailed {
            body.to_string()
        } else {
            String::new()
        },
    })
}

/// The commas, full stops (in every script's form), digits and capital letters of a
/// line's visible text.
fn marks_of(body: &str) -> [usize; 4] {
    let mut marks = [0; 4];
    for c in body.chars() {
        match c {
            _ if is_comma(c) => marks[0] += 1,
            _ if is_full_stop(c) => marks[1] += 1,
            _ if c.is_numeric() => marks[2] += 1,
            _ if c.is_uppercase() => marks[3] += 1,
            _ => {}
        }
    }
    marks
}

/// Whether a line opens with a Markdown list mark (`*`, `+`, `-` or a number and a `.`
/// or `)`) and a space.
fn is_list_item(trimmed: &str) -> bool {
    let rest = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = if rest.len() < trimmed.len() {
        rest.strip_prefix(['.', ')'])
    } else {
        rest.strip_prefix(['*', '+', '-'])
    };
    rest.is_some_and(|rest| rest.starts_with([' ', '\t']))
}

/// The line with Markdown links as their text and images as nothing: (shown text, link
/// text characters, images).
fn without_link_syntax(line: &str) -> (String, usize, usize) {
    let mut shown = String::with_capacity(line.len());
    let mut link = 0;
    let mut images = 0;
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let image = open > 0 && rest.as_bytes()[open - 1] == b'!';
        let Some((label, after)) = link_parts(&rest[open + 1..]) else {
            shown.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        shown.push_str(&rest[..if image { open - 1 } else { open }]);
        if image {
            images += 1;
        } else {
            let (inner, inner_link, inner_images) = without_link_syntax(label);
            images += inner_images;
            link += inner.chars().count() + inner_link;
            shown.push_str(&inner);
        }
        rest = after;
    }
    shown.push_str(rest);
    (shown, link, images)
}

/// For `label](target)rest` (the text after a `[`): the label and the rest; None when
/// the brackets do not make a link on this line. A label may hold one image (`[![alt](src)](href)`).
fn link_parts(text: &str) -> Option<(&str, &str)> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            ']' => {
                let after = &text[at + 1..];
                let target = after.strip_prefix('(')?;
                let close = target.find(')')?;
                return Some((&text[..at], &target[close + 1..]));
            }
            _ => {}
        }
    }
    None
}

/// The text without its http(s) URLs.
fn without_urls(text: &str) -> String {
    text.split_whitespace()
        .filter(|word| !(word.starts_with("http://") || word.starts_with("https://")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the text ends as a sentence does, in some script, before closing quotes,
/// brackets and emphasis marks.
fn ends_like_a_sentence(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '”', '’', ')', '»', '*', '_', '」', '』', '）']);
    end.chars().next_back().is_some_and(ends_a_sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buffer::TextBuffer;
    use crate::text::doc::Format;
    use crate::trees::Nodes;

    const MENU: &str = "* [Home](/)\n* [News](/news)\n* [Sport](/sport)\n* [About us](/about)\n";
    const FOOTER: &str = "[Privacy](/p) | [Terms](/t)\n![logo](/logo.png)\n[Contact](/c)\n";
    const BODY: &str = "The harbour authority will change the ferry timetable from next Monday, adding two early departures.\n\nPassengers with season tickets keep them, and the old timetable stays on the boards until May.\n";

    /// A one-split model: a prose line stays, any other goes.
    fn prose_model() -> Arc<Forest> {
        let prose = COLUMNS.iter().position(|&name| name == "prose").unwrap();
        let nodes = Nodes {
            feature: vec![prose, 0, 0],
            threshold: vec![0.5, 0.0, 0.0],
            left: vec![1, 1, 2],
            right: vec![2, 1, 2],
            value: vec![0.0, -3.0, 3.0],
        };
        Arc::new(Forest::new(nodes, vec![0], vec![0], 1).unwrap())
    }

    fn kept(text: &str) -> String {
        let rule = KeepMainRun {
            min_furniture: 5,
            min_prose_chars: 80,
            model: prose_model(),
            threshold: 0.5,
            context: None,
        };
        let mut doc = Doc::new(TextBuffer::new(text), Format::Markdown);
        let run = Run {
            index: 0,
            id: "page-furniture",
            region: (0, text.len()),
            code: None,
        };
        rule.apply(&run, &mut doc);
        doc.text().to_string()
    }

    #[test]
    fn a_dump_keeps_the_lines_the_model_keeps() {
        let dump = format!("{MENU}\n# Ferry timetable changes\n\n{BODY}\n{FOOTER}");
        assert_eq!(kept(&dump), BODY.trim_end());
    }

    #[test]
    fn furniture_among_the_kept_lines_goes_with_the_blank_lines_after_it() {
        let (first, second) = BODY.split_once("\n\n").unwrap();
        let dump = format!("{MENU}\n{first}\n\n[Share](/s) [Tweet](/t)\n\n{second}{FOOTER}");
        assert_eq!(kept(&dump), format!("{first}\n\n{}", second.trim_end()));
    }

    #[test]
    fn a_line_the_dump_shows_twice_is_kept_once() {
        // The mobile layout's copy of the body, after the desktop one.
        let dump = format!("{MENU}\n{BODY}\n{BODY}\n{FOOTER}");
        assert_eq!(kept(&dump), BODY.trim_end());
    }

    #[test]
    fn short_lines_and_code_may_repeat() {
        let code = "let total = harbour.ferries().map(|f| f.seats()).sum();";
        let text = format!("Reply\n{code}\nReply\n{code}");
        let lines = lines_of(&text, 0, text.len());
        let mut looks: Vec<Option<Line>> = lines
            .iter()
            .map(|&(s, e)| read_line(&text[s..e], true))
            .collect();
        for look in looks.iter_mut().skip(1).step_by(2) {
            look.as_mut().unwrap().structured = true; // as `mark_code` marks a fence's lines
        }
        let mut keep = vec![Some(true); lines.len()];
        drop_repeats(&text, &lines, &looks, &mut keep);
        assert_eq!(keep, vec![Some(true); 4]);
    }

    #[test]
    fn a_text_with_little_furniture_is_left_alone() {
        let article = format!("# Ferry timetable changes\n\n{BODY}\n[Contact](/c)\n");
        assert_eq!(kept(&article), article);
    }

    #[test]
    fn lines_are_read_as_a_reader_sees_them() {
        let menu = read_line("* [Home](/) [News](/news)", true).unwrap();
        assert!(menu.is_furniture() && menu.list_item);
        let image = read_line("[![Logo](/l.png)](/)", true).unwrap();
        assert!(image.images_only);
        let prose = read_line(
            "The council met on [Monday](/m) to approve the budget for the year.",
            true,
        )
        .unwrap();
        assert!(!prose.is_furniture() && prose.sentence && !prose.list_item);
        assert_eq!(
            prose.shown,
            "The council met on Monday to approve the budget for the year."
        );
        let heading = read_line("  ## Results, 2024", true).unwrap();
        assert_eq!(
            (heading.heading_level, heading.indent, heading.commas),
            (2, 2, 1)
        );
        assert!(is_list_item("12. Twelfth") && !is_list_item("12.5 percent"));
        assert_eq!(lines_with_links(b"[a](b) [c](d)\nno\n[e](f)"), 2);
    }

    #[test]
    fn a_chinese_line_reads_as_the_english_line_that_says_as_much() {
        let english = read_line(
            "The new metro line opened this morning, after four years of work.",
            true,
        )
        .unwrap();
        let chinese = read_line("经过四年的建设，地铁五号线今天上午正式开通。", true).unwrap();
        assert!(chinese.sentence && english.sentence);
        assert_eq!((chinese.commas, chinese.periods), (1, 1));
        assert_eq!(chinese.visible, 22);
        assert_eq!(chinese.reads, 20 * LATIN_CHARS_PER_UNSPACED + 2);
        assert_eq!(chinese.words, 1 + 20 / CHARS_PER_WORD); // as cleaner/words.py counts
        assert!(chinese.is_prose(60) && english.is_prose(60));
        let quoted = read_line("李女士说：「现在方便多了。」", true).unwrap();
        assert!(quoted.sentence);
        let menu = read_line("  * [地铁四号线客流量突破百万](/r1)", true).unwrap();
        assert!(menu.is_furniture() && !menu.is_prose(60));
    }

    #[test]
    fn runs_of_dropped_lines_become_one_edit_each() {
        let lines = [(0, 4), (5, 5), (6, 10), (11, 15), (16, 20)];
        let keep = [Some(false), None, Some(true), Some(false), Some(true)];
        let edits = dropped_runs(&lines, &keep, (0, 20));
        assert_eq!(edits.len(), 2);
        let tail = [Some(true), None, Some(false), Some(false), Some(false)];
        assert_eq!(dropped_runs(&lines, &tail, (0, 20)).len(), 1);
    }
}
