//! The lines of a whole-page dump as the learned line model reads them: what a reader sees
//! of each line (`Line`), and each line's feature row (`feature_rows`).
//!
//! The same code builds the rows at run time (`keep_main_run`) and for training
//! (`_core.dump_line_rows`, read by bench/train_dump_lines.py), so the two cannot drift.
//! A row says what the line shows (length, link share, punctuation, headings, list and
//! table marks), where it stands (position in the text, distance from prose) and what
//! lies around it (its neighbours, and the link and prose shares of windows of lines, of
//! its run of list items and of its section under a heading).

use std::collections::HashMap;

/// What a reader sees of one line.
pub struct Line {
    /// Visible characters: no Markdown link or image syntax, URLs or list and heading marks.
    pub visible: usize,
    /// `visible` as a space-separated script would write as much: each character of an
    /// unspaced script (Chinese, Japanese, Thai) counts for LATIN_CHARS_PER_UNSPACED. The
    /// model's length columns and the prose test read this, so a Chinese line reads as
    /// long as the English line that says as much.
    pub reads: usize,
    /// Visible characters that are link text.
    pub link: usize,
    pub words: usize,
    /// Whether the visible text ends like a sentence.
    pub sentence: bool,
    pub heading: bool,
    /// How many `#` open the line (0 when it is no ATX heading).
    pub heading_level: usize,
    /// Whether the line is a Markdown list item (`*`, `+`, `-` or `1.`).
    pub list_item: bool,
    /// Spaces and tabs before the line's first mark.
    pub indent: usize,
    /// Whether the line shows images and nothing else.
    pub images_only: bool,
    /// Whether the line is code or a table row: content that is neither prose nor
    /// furniture (set from the text's code spans after reading).
    pub structured: bool,
    /// Commas, periods, digits and capital letters of the visible text.
    pub commas: usize,
    pub periods: usize,
    pub digits: usize,
    pub capitals: usize,
    /// The visible text, for spotting lines the page repeats.
    pub shown: String,
}

/// A line is link text from this share of its visible characters.
pub const LINK_SHARE: f64 = 0.5;
/// A line ending like a sentence is prose from this many words.
pub const SENTENCE_WORDS: usize = 8;

impl Line {
    pub fn is_furniture(&self) -> bool {
        self.images_only || (self.link as f64) >= LINK_SHARE * (self.visible.max(1) as f64)
    }

    /// Whether the line reads as prose: `min_chars` visible characters or a sentence of
    /// SENTENCE_WORDS words, and not mostly links.
    pub fn is_prose(&self, min_chars: usize) -> bool {
        !self.is_furniture()
            && (self.reads >= min_chars || (self.sentence && self.words >= SENTENCE_WORDS))
    }

    fn link_share(&self) -> f64 {
        if self.images_only {
            1.0
        } else {
            self.link as f64 / self.visible.max(1) as f64
        }
    }
}

/// The names of the feature columns, in order (the model file records them).
pub const COLUMNS: [&str; 55] = [
    "log_visible",
    "words",
    "link_share",
    "images_only",
    "heading",
    "heading_level",
    "list_item",
    "structured",
    "sentence",
    "commas",
    "periods",
    "digit_share",
    "capital_share",
    "indent",
    "position",
    "char_position",
    "log_lines",
    "prose",
    "repeated",
    "prose_distance",
    "prev1_log_visible",
    "prev1_link_share",
    "prev1_prose",
    "next1_log_visible",
    "next1_link_share",
    "next1_prose",
    "prev2_log_visible",
    "prev2_link_share",
    "prev2_prose",
    "next2_log_visible",
    "next2_link_share",
    "next2_prose",
    "prev3_log_visible",
    "prev3_link_share",
    "prev3_prose",
    "next3_log_visible",
    "next3_link_share",
    "next3_prose",
    "window3_link_share",
    "window3_prose",
    "window3_prose_chars",
    "window10_link_share",
    "window10_prose",
    "window10_prose_chars",
    "window30_link_share",
    "window30_prose",
    "window30_prose_chars",
    "prose_lines_before",
    "prose_chars_before",
    "list_run_lines",
    "list_run_link_share",
    "section_prose_share",
    "section_link_share",
    "section_lines",
    "chrome_words",
];

/// How far a neighbour's own columns are read, and the half-widths of the windows.
const NEIGHBOURS: usize = 3;
const WINDOWS: [usize; 3] = [3, 10, 30];
/// Distances to prose past this are all alike.
const FAR: usize = 30;
/// Indents past this are all alike.
const DEEP: usize = 12;

/// The feature rows of a dump's lines with text (one row of COLUMNS per line), row after
/// row, each value rounded to float32 as the model was trained on. `min_prose_chars`:
/// from how many visible characters a line is prose whatever its ending.
pub fn feature_rows(lines: &[&Line], min_prose_chars: usize) -> Vec<f64> {
    let count = lines.len();
    let mut rows = Vec::with_capacity(count * COLUMNS.len());
    if count == 0 {
        return rows;
    }
    let context = Context::of(lines, min_prose_chars);
    for (index, line) in lines.iter().enumerate() {
        own_columns(line, &mut rows);
        context.columns(index, line, &mut rows);
    }
    rows.iter_mut()
        .for_each(|value| *value = *value as f32 as f64);
    rows
}

fn own_columns(line: &Line, rows: &mut Vec<f64>) {
    let size = line.reads as f64 + 1.0;
    rows.extend([
        (line.reads as f64).ln_1p(),
        line.words as f64,
        line.link_share(),
        flag(line.images_only),
        flag(line.heading),
        line.heading_level as f64,
        flag(line.list_item),
        flag(line.structured),
        flag(line.sentence),
        line.commas as f64 * 100.0 / size,
        line.periods as f64 * 100.0 / size,
        line.digits as f64 / size,
        line.capitals as f64 / size,
        line.indent.min(DEEP) as f64,
    ]);
}

fn flag(value: bool) -> f64 {
    if value {
        1.0
    } else {
        0.0
    }
}

/// What the rows read of the lines around each line: per-line values and prefix sums.
struct Context<'a> {
    log_visible: Vec<f64>,
    link_share: Vec<f64>,
    prose: Vec<f64>,
    /// Prefix sums (one more entry than lines) of the visible characters, of link share
    /// weighted by visible characters (+1), of those weights, of prose lines and of prose
    /// characters.
    visible_before: Vec<f64>,
    weighted_link: Vec<f64>,
    weights: Vec<f64>,
    prose_lines: Vec<f64>,
    prose_chars: Vec<f64>,
    /// Prose lines' indexes, in order.
    prose_at: Vec<usize>,
    repeats: HashMap<&'a str, usize>,
    /// Per line, the span of lines (start, end) of its run of list items (empty when it
    /// is no list item) and of its section: from a heading to the next one.
    list_runs: Vec<(usize, usize)>,
    sections: Vec<(usize, usize)>,
}

impl<'a> Context<'a> {
    fn of(lines: &[&'a Line], min_prose_chars: usize) -> Context<'a> {
        let prose: Vec<f64> = lines
            .iter()
            .map(|line| flag(line.is_prose(min_prose_chars)))
            .collect();
        let link_share: Vec<f64> = lines.iter().map(|line| line.link_share()).collect();
        let mut repeats: HashMap<&'a str, usize> = HashMap::new();
        for line in lines {
            *repeats.entry(line.shown.as_str()).or_default() += 1;
        }
        Context {
            log_visible: lines
                .iter()
                .map(|line| (line.reads as f64).ln_1p())
                .collect(),
            visible_before: prefix(lines.iter().map(|line| line.visible as f64)),
            weighted_link: prefix(
                lines
                    .iter()
                    .zip(&link_share)
                    .map(|(line, share)| share * (line.visible as f64 + 1.0)),
            ),
            weights: prefix(lines.iter().map(|line| line.visible as f64 + 1.0)),
            prose_lines: prefix(prose.iter().copied()),
            prose_chars: prefix(
                lines
                    .iter()
                    .zip(&prose)
                    .map(|(line, prose)| prose * line.visible as f64),
            ),
            prose_at: (0..lines.len())
                .filter(|&index| prose[index] > 0.0)
                .collect(),
            link_share,
            prose,
            repeats,
            list_runs: spans(lines.len(), |index| lines[index].list_item, false),
            sections: sections(lines.len(), |index| lines[index].heading),
        }
    }

    fn columns(&self, index: usize, line: &Line, rows: &mut Vec<f64>) {
        let count = self.prose.len();
        let total_chars = self.visible_before[count] + 1.0;
        rows.extend([
            index as f64 / count as f64,
            self.visible_before[index] / total_chars,
            (count as f64).ln_1p(),
            self.prose[index],
            flag(
                self.repeats
                    .get(line.shown.as_str())
                    .is_some_and(|&seen| seen > 1),
            ),
            self.prose_distance(index) as f64,
        ]);
        for step in 1..=NEIGHBOURS {
            for other in [index.checked_sub(step), Some(index + step)] {
                match other.filter(|&other| other < count) {
                    Some(other) => rows.extend([
                        self.log_visible[other],
                        self.link_share[other],
                        self.prose[other],
                    ]),
                    None => rows.extend([-1.0, -1.0, -1.0]),
                }
            }
        }
        for half in WINDOWS {
            let (start, end) = (index.saturating_sub(half), (index + half + 1).min(count));
            let lines = (end - start) as f64;
            let weights = self.weights[end] - self.weights[start];
            rows.extend([
                self.link_share_of(start, end),
                (self.prose_lines[end] - self.prose_lines[start]) / lines,
                (self.prose_chars[end] - self.prose_chars[start]) / weights,
            ]);
        }
        rows.extend([
            self.prose_lines[index] / self.prose_lines[count].max(1.0),
            self.prose_chars[index] / self.prose_chars[count].max(1.0),
        ]);
        let (start, end) = self.list_runs[index];
        rows.extend([
            ((end - start) as f64).ln_1p(),
            if end > start {
                self.link_share_of(start, end)
            } else {
                0.0
            },
        ]);
        let (start, end) = self.sections[index];
        rows.extend([
            (self.prose_chars[end] - self.prose_chars[start]) / (self.prose_chars[count] + 1.0),
            self.link_share_of(start, end),
            ((end - start) as f64).ln_1p(),
            flag(has_chrome_words(&line.shown)),
        ]);
    }

    /// The link share of lines `start..end`, each weighted by its visible characters (+1).
    fn link_share_of(&self, start: usize, end: usize) -> f64 {
        (self.weighted_link[end] - self.weighted_link[start])
            / (self.weights[end] - self.weights[start])
    }

    /// Lines from `index` to the nearest prose line (FAR when there is none that near).
    fn prose_distance(&self, index: usize) -> usize {
        let after = self.prose_at.partition_point(|&at| at < index);
        let next = self.prose_at.get(after).map(|&at| at - index);
        let previous = after
            .checked_sub(1)
            .map(|before| index - self.prose_at[before]);
        next.into_iter()
            .chain(previous)
            .min()
            .unwrap_or(FAR)
            .min(FAR)
    }
}

/// The columns the second stage adds to a line's row (after COLUMNS): the first stage's
/// probability for the line, for its neighbours, on average over windows of lines and
/// over its section, and the share of the lines it keeps before the line and in all.
/// Menus and footers come in runs: a line the first stage doubts among lines it keeps
/// is likelier content than the same line among lines it drops.
pub const CONTEXT_COLUMNS: [&str; 9] = [
    "first",
    "first_prev",
    "first_next",
    "first_window2",
    "first_window5",
    "first_window15",
    "first_section",
    "first_kept_before",
    "first_kept_share",
];
const CONTEXT_WINDOWS: [usize; 3] = [2, 5, 15];

/// The second stage's rows: each line's row of COLUMNS (`rows`), then CONTEXT_COLUMNS
/// from the first stage's probabilities (`first`, one per line) and the probability from
/// which the first stage keeps a line. Values rounded to float32, as trained.
pub fn context_rows(rows: &[f64], first: &[f64], threshold: f64) -> Vec<f64> {
    let width = COLUMNS.len();
    let count = first.len();
    let heading = COLUMNS.iter().position(|&name| name == "heading");
    let headings: Vec<bool> = rows
        .chunks_exact(width)
        .map(|row| heading.is_some_and(|at| row[at] > 0.0))
        .collect();
    let sums = prefix(first.iter().copied());
    let kept = prefix(first.iter().map(|&p| flag(p >= threshold)));
    let mean = |start: usize, end: usize| (sums[end] - sums[start]) / (end - start).max(1) as f64;
    let sections = sections(count, |index| headings[index]);
    let mut out = Vec::with_capacity(count * (width + CONTEXT_COLUMNS.len()));
    for (index, row) in rows.chunks_exact(width).enumerate().take(count) {
        out.extend_from_slice(row);
        out.extend([
            first[index],
            index.checked_sub(1).map_or(-1.0, |before| first[before]),
            first.get(index + 1).copied().unwrap_or(-1.0),
        ]);
        for half in CONTEXT_WINDOWS {
            out.push(mean(
                index.saturating_sub(half),
                (index + half + 1).min(count),
            ));
        }
        let (start, end) = sections[index];
        out.extend([
            mean(start, end),
            kept[index] / kept[count].max(1.0),
            kept[count] / count as f64,
        ]);
    }
    out.iter_mut()
        .for_each(|value| *value = *value as f32 as f64);
    out
}

/// Per line of `count`, the span (start, end) of its section: from a line where `heading`
/// holds (or the first) to the next such line.
fn sections(count: usize, heading: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    spans(count, |index| !heading(index), true)
}

/// Per line, the span (start, end) of the run it belongs to: lines for which `continues`
/// holds after the run's first. With `every_line`, every line starts or continues a run
/// (sections: a heading starts one); without, a line for which `continues` fails belongs
/// to none (an empty span at it).
fn spans(count: usize, continues: impl Fn(usize) -> bool, every_line: bool) -> Vec<(usize, usize)> {
    let mut found = vec![(0, 0); count];
    let mut start = 0;
    while start < count {
        if !every_line && !continues(start) {
            found[start] = (start, start);
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < count && continues(end) {
            end += 1;
        }
        found[start..end].fill((start, end));
        start = end;
    }
    found
}

/// Words of site chrome in many sites' English, looked for in lines shorter than
/// CHROME_CHARS characters (labels and notices, not prose). The block model's features
/// read the same list (`_core.chrome_words`).
pub const CHROME_WORDS: [&str; 14] = [
    "cookie",
    "privacy",
    "copyright",
    "©",
    "all rights reserved",
    "sign in",
    "log in",
    "login",
    "subscribe",
    "newsletter",
    "terms of",
    "follow us",
    "share",
    "skip to",
];
const CHROME_CHARS: usize = 300;

fn has_chrome_words(shown: &str) -> bool {
    if shown.chars().nth(CHROME_CHARS).is_some() {
        return false;
    }
    let lowered = shown.to_lowercase();
    CHROME_WORDS.iter().any(|word| lowered.contains(word))
}

fn prefix(values: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut sums = vec![0.0];
    let mut total = 0.0;
    for value in values {
        total += value;
        sums.push(total);
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(visible: usize, link: usize, sentence: bool, shown: &str) -> Line {
        Line {
            visible,
            reads: visible,
            link,
            words: visible / 6,
            sentence,
            heading: false,
            heading_level: 0,
            list_item: false,
            indent: 0,
            images_only: false,
            structured: false,
            commas: 0,
            periods: usize::from(sentence),
            digits: 0,
            capitals: 1,
            shown: shown.to_string(),
        }
    }

    #[test]
    fn every_line_gets_a_full_row() {
        let menu = line(10, 10, false, "Home");
        let prose = line(120, 0, true, "The council met.");
        let lines = [&menu, &menu, &prose];
        let rows = feature_rows(&lines, 80);
        assert_eq!(rows.len(), 3 * COLUMNS.len());
        let column = |row: usize, name: &str| {
            rows[row * COLUMNS.len() + COLUMNS.iter().position(|&c| c == name).unwrap()]
        };
        assert_eq!(column(0, "link_share"), 1.0);
        assert_eq!(column(2, "prose"), 1.0);
        assert_eq!(column(0, "repeated"), 1.0);
        assert_eq!(column(2, "repeated"), 0.0);
        assert_eq!(column(0, "prose_distance"), 2.0);
        assert_eq!(column(0, "prev1_log_visible"), -1.0);
        assert_eq!(column(2, "prose_lines_before"), 0.0);
    }

    #[test]
    fn list_runs_sections_and_chrome_words_are_read() {
        let mut item = line(12, 12, false, "Home");
        item.list_item = true;
        let mut heading = line(20, 0, false, "Share this story");
        heading.heading = true;
        let prose = line(120, 0, true, "The council met.");
        let lines = [&item, &item, &item, &prose, &heading, &prose, &prose];
        let rows = feature_rows(&lines, 80);
        let column = |row: usize, name: &str| {
            rows[row * COLUMNS.len() + COLUMNS.iter().position(|&c| c == name).unwrap()]
        };
        assert_eq!(column(0, "list_run_lines"), (3.0f64).ln_1p() as f32 as f64);
        assert_eq!(column(1, "list_run_link_share"), 1.0);
        assert_eq!(column(3, "list_run_lines"), 0.0);
        // Two sections: the menu and a paragraph, then the heading and two paragraphs.
        assert_eq!(column(0, "section_lines"), (4.0f64).ln_1p() as f32 as f64);
        assert_eq!(column(6, "section_lines"), (3.0f64).ln_1p() as f32 as f64);
        assert!(column(5, "section_prose_share") > column(3, "section_prose_share"));
        assert_eq!(column(4, "chrome_words"), 1.0);
        assert_eq!(column(0, "chrome_words"), 0.0);
    }

    #[test]
    fn the_second_stage_reads_the_first_around_each_line() {
        let prose = line(120, 0, true, "The council met.");
        let mut heading = line(20, 0, false, "More");
        heading.heading = true;
        let lines = [&prose, &prose, &heading, &prose];
        let rows = feature_rows(&lines, 80);
        let first = [0.9, 0.7, 0.2, 0.1];
        let out = context_rows(&rows, &first, 0.5);
        let width = COLUMNS.len() + CONTEXT_COLUMNS.len();
        assert_eq!(out.len(), 4 * width);
        let column = |row: usize, name: &str| {
            let at = CONTEXT_COLUMNS.iter().position(|&c| c == name).unwrap();
            out[row * width + COLUMNS.len() + at]
        };
        assert_eq!(column(0, "first_prev"), -1.0);
        assert_eq!(column(1, "first_next"), 0.2f32 as f64);
        assert_eq!(column(0, "first_section"), 0.8f32 as f64);
        assert_eq!(column(3, "first_section"), (0.15f64) as f32 as f64);
        assert_eq!(column(2, "first_kept_before"), 1.0);
        assert_eq!(column(0, "first_kept_share"), 0.5);
        assert_eq!(&out[..COLUMNS.len()], &rows[..COLUMNS.len()]);
    }

    #[test]
    fn no_lines_no_rows() {
        assert!(feature_rows(&[], 80).is_empty());
    }
}
