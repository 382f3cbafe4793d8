//! caption: lift an image caption (group `text`) and its credit (group `credit`) out
//! of the body; the whole line the match touches leaves it.

use crate::buffer::Edit;
use crate::pattern::Spans;
use crate::text::doc::{self, Doc};
use crate::text::kinds::Pat;
use crate::text::pystr::{collapse_spaces, rstrip_chars};
use crate::text::regions::line_bounds;

use super::{group, whole, Run};

/// Separators a caption pattern may leave between the caption text and its credit.
pub const TRAILING_SEPARATORS: &[char] = &[' ', '|', '/', '–', '—', '-', '(', ':'];

pub struct Caption {
    pub pattern: Pat,
    /// The indices of the groups named `text` and `credit`, when the pattern has them.
    pub text_group: Option<usize>,
    pub credit_group: Option<usize>,
}

impl Caption {
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        let text = doc.text();
        let mut edits = Vec::new();
        let mut captions = Vec::new();
        for spans in run.matches(&self.pattern, text) {
            let (start, end) = whole(&spans);
            let (start, end) = line_bounds(text, start, end);
            edits.push(Edit::delete(start, end));
            captions.push(doc::Caption {
                text: value(text, &spans, self.text_group),
                credit: value(text, &spans, self.credit_group),
            });
        }
        let count = edits.len();
        doc.captions.extend(captions);
        doc.edit(edits, run.index);
        count
    }
}

/// A caption group's text, spaces collapsed and trailing separators gone; None when
/// the pattern lacks the group or nothing is left.
fn value(text: &str, spans: &Spans, index: Option<usize>) -> Option<String> {
    let (start, end) = index
        .and_then(|index| group(spans, index))
        .unwrap_or((0, 0));
    let collapsed = collapse_spaces(&text[start..end]);
    let found = rstrip_chars(&collapsed, TRAILING_SEPARATORS);
    (!found.is_empty()).then(|| found.to_string())
}
