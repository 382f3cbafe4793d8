//! capture: take a metadata field from the text (the group named like the field) and
//! drop the matched text, the captured group only, the lines it stands on, or nothing.

use crate::buffer::Edit;
use crate::text::doc::Doc;
use crate::text::kinds::Pat;
use crate::text::regions::line_bounds;

use super::{group, whole, Run};

/// What of a match leaves the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drop {
    Match,
    Group,
    /// The lines the captured group stands on, with the line break that ends them.
    Line,
    Nothing,
}

pub struct Capture {
    pub pattern: Pat,
    pub field: String,
    /// The index of the group named like the field.
    pub group: usize,
    pub drop: Drop,
    pub max_matches: usize,
}

impl Capture {
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        let source = format!("rule:{}", run.id);
        let mut edits = Vec::new();
        for spans in run.matches(&self.pattern, doc.text()) {
            let (start, end) = whole(&spans);
            if start == end {
                continue;
            }
            let captured = group(&spans, self.group);
            let value = captured.map(|(lo, hi)| doc.text()[lo..hi].to_string());
            doc.set_field(&self.field, value.as_deref(), &source);
            let dropped = match self.drop {
                Drop::Match => Some((start, end)),
                Drop::Group => captured,
                Drop::Line => captured.map(|(lo, hi)| lines_of(doc.text(), lo, hi)),
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

/// The span of the lines `text[start..end]` stands on, with the line break after them
/// (none at the end of the text).
fn lines_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (line_start, line_end) = line_bounds(text, start, end);
    (line_start, (line_end + 1).min(text.len()))
}

#[cfg(test)]
mod tests {
    use super::lines_of;

    #[test]
    fn a_group_s_lines_end_with_their_line_break() {
        let text = "Title here\nThe body follows.";
        assert_eq!(lines_of(text, 0, 5), (0, 11));
        assert_eq!(lines_of(text, 13, 16), (11, text.len()));
    }
}
