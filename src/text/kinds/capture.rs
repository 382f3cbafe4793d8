//! capture: take a metadata field from the text (the group named like the field) and
//! drop the matched text, the captured group only, or nothing.

use crate::buffer::Edit;
use crate::text::doc::Doc;
use crate::text::kinds::Pat;

use super::{group, matches_in, whole, Run};

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
}

impl Capture {
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        let source = format!("rule:{}", run.id);
        let mut edits = Vec::new();
        for spans in matches_in(&self.pattern, doc.text(), run.region) {
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
