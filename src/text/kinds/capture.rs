//! capture: take a metadata field from the text (the group named like the field) and
//! drop the matched text, the captured group only, or nothing; `followed_by` asks for
//! evidence on the next line.

use crate::buffer::Edit;
use crate::text::doc::Doc;
use crate::text::kinds::Pat;

use super::{group, whole, Run};

/// What of a match leaves the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drop {
    Match,
    Group,
    Nothing,
}

pub struct Capture {
    pub pattern: Pat,
    pub field: String,
    /// The index of the group named like the field.
    pub group: usize,
    pub drop: Drop,
    pub max_matches: usize,
    /// A pattern the next line with text after a match must match for the match to
    /// count (evidence below it, such as the body under a headline); None: no condition.
    pub followed_by: Option<Pat>,
}

impl Capture {
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        let source = format!("rule:{}", run.id);
        let mut edits = Vec::new();
        for spans in run.matches(&self.pattern, doc.text()) {
            let (start, end) = whole(&spans);
            if start == end || !self.is_followed(doc.text(), end) {
                continue;
            }
            let captured = group(&spans, self.group);
            let value = captured.map(|(lo, hi)| doc.text()[lo..hi].to_string());
            doc.set_field(&self.field, value.as_deref(), &source);
            let dropped = match self.drop {
                Drop::Match => Some((start, end)),
                Drop::Group => captured,
                Drop::Nothing => None,
            };
            if let Some((lo, hi)) = dropped {
                edits.push(Edit::delete(lo, hi));
            }
            if edits.len() >= self.max_matches {
                break;
            }
        }
        let count = edits.len();
        doc.edit(edits, run.index);
        count
    }
}

impl Capture {
    /// Whether the next line with text after `end` matches `followed_by` (at its start).
    fn is_followed(&self, text: &str, end: usize) -> bool {
        let Some(pattern) = &self.followed_by else {
            return true;
        };
        let Some((start, stop)) = next_line_with_text(text, end) else {
            return false;
        };
        pattern.compiled.matches_at(text.as_bytes(), start, stop)
    }
}

/// The (start, end) of the first line after offset `at` that holds more than
/// whitespace, without its line break (the line `at` is in counts when `at` opens it).
fn next_line_with_text(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut start = if at == 0 || text.as_bytes()[at - 1] == b'\n' {
        at
    } else {
        text[at..].find('\n').map(|found| at + found + 1)?
    };
    while start < text.len() {
        let stop = text[start..]
            .find('\n')
            .map_or(text.len(), |found| start + found);
        if !text[start..stop].trim().is_empty() {
            return Some((start, stop));
        }
        start = stop + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::next_line_with_text;

    #[test]
    fn the_line_after_a_match_is_the_next_with_text() {
        let text = "Title\n\n  \nBody here.\nMore.";
        assert_eq!(next_line_with_text(text, 6), Some((10, 20)));
        assert_eq!(next_line_with_text(text, 2), Some((10, 20)));
        assert_eq!(next_line_with_text("Title\n", 6), None);
    }
}
