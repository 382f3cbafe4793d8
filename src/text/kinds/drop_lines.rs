//! drop_lines: remove every whole line on which `pattern` matches.

use crate::buffer::Edit;
use crate::text::doc::Doc;
use crate::text::kinds::Pat;
use crate::text::regions::line_bounds;

use super::{whole, Run};

pub struct DropLines {
    pub pattern: Pat,
}

impl DropLines {
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        let text = doc.text();
        let edits: Vec<Edit> = run
            .whole_matches(&self.pattern, text)
            .iter()
            .map(|spans| {
                let (start, end) = whole(spans);
                let (start, end) = line_bounds(text, start, end);
                Edit::delete(start, end)
            })
            .collect();
        let count = edits.len();
        doc.edit(edits, run.index);
        count
    }
}
