//! keep_main_run: in a whole-page dump, keep the run of lines that reads as the article
//! and drop the page furniture around it.
//!
//! A page converted to Markdown or text whole (html2text, a crawler's Markdown) holds
//! its menus, breadcrumbs, share bars, related links and footer columns as lines that
//! are mostly link text or images, and the article somewhere among them as lines of
//! prose. Each line is scored as the HTML extractor scores blocks, from what a reader
//! sees of it: prose counts for its length, link and image lines count against, short
//! labels a little against, code and table lines not at all. The run of lines with the
//! best total is the article; the headings just above it belong to it. Only the
//! stretches before and after it go, and only when they are mostly furniture. A text is taken for a dump only when furniture is a
//! fifth of its lines and gathers at its start or end (a page's header or footer); an
//! article, a clean text or an extractor's output is left as it is.

use std::borrow::Cow;

use crate::buffer::Edit;
use crate::text::code::{code_spans, touches_code};
use crate::text::doc::Doc;

use super::Run;

pub struct KeepMainRun {
    /// Link or image lines a text needs to be taken for a whole-page dump.
    pub min_furniture: usize,
    /// Visible characters from which a line is prose whatever its ending.
    pub min_prose_chars: usize,
}

/// A line is link text from this share of its visible characters.
const LINK_SHARE: f64 = 0.5;
/// A line ending like a sentence is prose from this many words.
const SENTENCE_WORDS: usize = 8;
/// Characters of prose worth one point.
const PROSE_SCALE: f64 = 40.0;
/// What a link line costs, plus one point per this many of its characters.
const LINK_COST: f64 = 1.0;
const LINK_SCALE: f64 = 50.0;
/// What an image-only line costs.
const IMAGE_COST: f64 = 2.0;
/// What a short line that is neither prose nor links (a label, a heading) costs.
const SHORT_COST: f64 = 0.3;
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

/// A stretch outside the kept runs goes only when at most this share of it is prose.
const STRETCH_PROSE_SHARE: f64 = 0.5;

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
/// Lines above the run looked at for its headings.
const HEADING_REACH: usize = 3;

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
            .filter_map(|&(s, e)| read_line(&text[s..e]))
            .filter(Line::is_furniture)
            .count();
        if furniture < self.min_furniture {
            return 0;
        }
        let mut looks: Vec<Option<Line>> =
            lines.iter().map(|&(s, e)| read_line(&text[s..e])).collect();
        mark_code(&mut looks, &lines, &code_spans(text));
        if !has_furniture_at_an_edge(&looks)
            || !is_mostly_furnished(&looks)
            || self.lists_items(&looks)
        {
            return 0;
        }
        let scores: Vec<f64> = looks.iter().map(|line| self.score(line.as_ref())).collect();
        let runs = kept_runs(&scores);
        // Only the stretches before the first run and after the last go, each when it is
        // furniture (prose there is better kept: the runs are a judgement): a page's
        // header and footer. Between the runs lies the page's own content (product
        // tiles, a feature list, a post's links); the line rules deal with a share bar
        // or a related-links box there.
        let (Some(&(first, _)), Some(&(_, last))) = (runs.first(), runs.last()) else {
            return 0; // nothing reads as prose: not the finder's to empty the text
        };
        let first = with_headings_above(&looks, first);
        let mut edits = Vec::new();
        let head_end = lines[first].0;
        if head_end > start && self.is_furniture_stretch(&looks[..first]) {
            edits.push(Edit::delete(start, head_end));
        }
        let tail_start = lines[last].1;
        if end > tail_start && self.is_furniture_stretch(&looks[last + 1..]) {
            edits.push(Edit::delete(tail_start, end));
        }
        let count = edits.len();
        doc.edit(edits, run.index);
        count
    }

    /// Whether a stretch of lines before or after the kept runs is furniture to remove: at most
    /// STRETCH_PROSE_SHARE of what a reader sees there is prose.
    fn is_furniture_stretch(&self, lines: &[Option<Line>]) -> bool {
        let visible: usize = lines.iter().flatten().map(|line| line.visible).sum();
        let prose: usize = lines
            .iter()
            .flatten()
            .filter(|line| line.structured || self.is_prose(line))
            .map(|line| line.visible)
            .sum();
        prose as f64 <= STRETCH_PROSE_SHARE * visible as f64
    }

    /// Whether the dump is a list of items (a listing, a search result page): more lines
    /// of link text long enough to be an item's title than ITEM_SHARE times its prose
    /// lines. There the link lines are the content, and no run of prose stands for it.
    fn lists_items(&self, lines: &[Option<Line>]) -> bool {
        let items = lines.iter().flatten().filter(|line| line.is_item()).count();
        let prose = lines
            .iter()
            .flatten()
            .filter(|line| self.is_prose(line))
            .count();
        items >= self.min_furniture && items as f64 >= ITEM_SHARE * prose.max(1) as f64
    }

    fn is_prose(&self, line: &Line) -> bool {
        !line.is_furniture()
            && (line.visible >= self.min_prose_chars
                || (line.sentence && line.words >= SENTENCE_WORDS))
    }

    fn score(&self, line: Option<&Line>) -> f64 {
        let Some(line) = line else {
            return 0.0;
        };
        if line.images_only {
            return -IMAGE_COST;
        }
        if line.structured {
            return 0.0;
        }
        if line.is_furniture() {
            return -(LINK_COST + line.visible as f64 / LINK_SCALE);
        }
        if self.is_prose(line) {
            return line.visible as f64 / PROSE_SCALE;
        }
        -SHORT_COST
    }
}

/// What a reader sees of one line.
struct Line {
    /// Visible characters: no Markdown link or image syntax, URLs or list and heading marks.
    visible: usize,
    /// Visible characters that are link text.
    link: usize,
    words: usize,
    /// Whether the visible text ends like a sentence.
    sentence: bool,
    heading: bool,
    /// Whether the line shows images and nothing else.
    images_only: bool,
    /// Whether the line is code or a table row: content that is neither prose nor
    /// furniture (set from the text's code spans after reading).
    structured: bool,
}

impl Line {
    /// A link line long enough to be an item's title rather than a menu entry.
    fn is_item(&self) -> bool {
        !self.images_only
            && self.is_furniture()
            && self.visible >= ITEM_CHARS
            && self.words >= ITEM_WORDS
    }

    fn is_furniture(&self) -> bool {
        self.images_only || (self.link as f64) >= LINK_SHARE * (self.visible.max(1) as f64)
    }
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

/// A line as a reader sees it; None for a blank line.
fn read_line(raw: &str) -> Option<Line> {
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
    // Characters as a reader sees them: a run of spaces is one.
    let words = body.split_whitespace().count();
    let visible = body
        .split_whitespace()
        .map(|word| word.chars().count())
        .sum::<usize>()
        + words.saturating_sub(1);
    Some(Line {
        visible,
        link: link.min(visible),
        words,
        sentence: ends_like_a_sentence(body),
        heading,
        images_only: images > 0 && visible == 0,
        structured: trimmed.starts_with('|'),
    })
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

fn ends_like_a_sentence(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '”', '’', ')', '»', '*', '_']);
    end.ends_with(['.', '!', '?', ':', '…'])
}

/// A run beside the best one is kept too when its total is this share of the best's (a
/// forum's later posts, an article's second part after an inline link list).
const SIDE_RUN_SHARE: f64 = 0.25;

/// The runs of lines that stay, in order: the best run, and on either side of it the
/// best run there when it scores SIDE_RUN_SHARE of the best.
fn kept_runs(scores: &[f64]) -> Vec<(usize, usize)> {
    let Some((first, last, total)) = best_run_in(scores, 0) else {
        return Vec::new();
    };
    let mut runs = Vec::with_capacity(3);
    let sides = [(&scores[..first], 0), (&scores[last + 1..], last + 1)];
    for (index, (side, offset)) in sides.into_iter().enumerate() {
        if index == 1 {
            runs.push((first, last));
        }
        if let Some((a, b, sum)) = best_run_in(side, offset) {
            if sum >= SIDE_RUN_SHARE * total {
                runs.push((a, b));
            }
        }
    }
    runs
}

/// `best_run` with its total, its indexes moved by `offset`.
fn best_run_in(scores: &[f64], offset: usize) -> Option<(usize, usize, f64)> {
    let (first, last) = best_run(scores)?;
    let total = scores[first..=last].iter().sum();
    Some((first + offset, last + offset, total))
}

/// The first and last index of the run of scores with the greatest sum (None when no
/// score is positive).
fn best_run(scores: &[f64]) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let mut total = 0.0;
    let mut start = 0;
    for (index, &score) in scores.iter().enumerate() {
        if total <= 0.0 {
            total = 0.0;
            start = index;
        }
        total += score;
        if total > 0.0 && best.map_or(true, |(sum, _, _)| total > sum) {
            best = Some((total, start, index));
        }
    }
    best.map(|(_, first, last)| (first, last))
}

/// The run's first line, moved up over blank lines to the headings just above it.
fn with_headings_above(lines: &[Option<Line>], first: usize) -> usize {
    let mut start = first;
    for index in (first.saturating_sub(HEADING_REACH)..first).rev() {
        match &lines[index] {
            None => {}
            Some(line) if line.heading && !line.is_furniture() => start = index,
            Some(_) => break,
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buffer::TextBuffer;
    use crate::text::doc::Format;

    const MENU: &str = "* [Home](/)\n* [News](/news)\n* [Sport](/sport)\n* [About us](/about)\n";
    const FOOTER: &str = "[Privacy](/p) | [Terms](/t)\n![logo](/logo.png)\n[Contact](/c)\n";
    const BODY: &str = "The harbour authority will change the ferry timetable from next Monday, adding two early departures.\n\nPassengers with season tickets keep them, and the old timetable stays on the boards until May.\n";

    fn kept(text: &str) -> String {
        let rule = KeepMainRun {
            min_furniture: 5,
            min_prose_chars: 80,
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
    fn a_dump_keeps_its_article_and_headline() {
        let dump = format!("{MENU}\n# Ferry timetable changes\n\n{BODY}\n{FOOTER}");
        assert_eq!(
            kept(&dump),
            format!("# Ferry timetable changes\n\n{}", BODY.trim_end())
        );
    }

    #[test]
    fn a_text_with_little_furniture_is_left_alone() {
        let article = format!("# Ferry timetable changes\n\n{BODY}\n[Contact](/c)\n");
        assert_eq!(kept(&article), article);
    }

    #[test]
    fn lines_are_read_as_a_reader_sees_them() {
        let menu = read_line("* [Home](/) [News](/news)").unwrap();
        assert!(menu.is_furniture());
        let image = read_line("[![Logo](/l.png)](/)").unwrap();
        assert!(image.images_only);
        let prose =
            read_line("The council met on [Monday](/m) to approve the budget for the year.")
                .unwrap();
        assert!(!prose.is_furniture() && prose.sentence);
        assert_eq!(best_run(&[-1.0, 2.0, -0.5, 3.0, -4.0]), Some((1, 3)));
        assert_eq!(best_run(&[-1.0, -2.0]), None);
        assert_eq!(lines_with_links(b"[a](b) [c](d)\nno\n[e](f)"), 2);
        assert_eq!(
            kept_runs(&[2.0, -5.0, 4.0, 1.0, -9.0, 0.5]),
            vec![(0, 0), (2, 3)]
        );
    }
}
