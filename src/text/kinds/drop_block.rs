//! drop_block: remove a run of lines from a `start` line through an `end` line found
//! within `max_lines` lines of it, so a stray opening phrase never eats an article.

use crate::buffer::Edit;
use crate::text::doc::Doc;
use crate::text::kinds::Pat;
use crate::text::pystr::next_char;
use crate::text::regions::{end_of_lines, line_bounds};

use super::{first_in, whole, Run};

pub struct DropBlock {
    pub start: Pat,
    pub end: Pat,
    pub max_lines: usize,
}

impl DropBlock {
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        let text = doc.text();
        let (region_start, region_end) = run.region;
        let mut edits = Vec::new();
        let mut position = region_start;
        while let Some(opening) = first_in(&self.start, text, position, region_end) {
            let (open_start, open_end) = whole(&opening);
            let (block_start, _) = line_bounds(text, open_start, open_end);
            let limit = end_of_lines(text, block_start, self.max_lines);
            let Some(closing) = first_in(&self.end, text, open_end, limit.min(region_end)) else {
                position = open_end.max(next_char(text, open_start));
                continue;
            };
            let (close_start, close_end) = whole(&closing);
            let (_, block_end) = line_bounds(text, close_start, close_end);
            edits.push(Edit::delete(block_start, block_end));
            position = block_end.max(close_end);
        }
        let count = edits.len();
        doc.edit(edits, run.index);
        count
    }
}
