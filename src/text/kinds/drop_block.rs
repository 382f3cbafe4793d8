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
            if run.in_code(open_start, open_end) {
                position = open_end.max(next_char(text, open_start));
                continue;
            }
            let (block_start, _) = line_bounds(text, open_start, open_end);
            let limit = end_of_lines(text, block_start, self.max_lines);
            let next = match first_in(&self.end, text, open_end, limit.min(region_end)) {
                None => open_end.max(next_char(text, open_start)),
                Some(closing) => {
                    let (close_start, close_end) = whole(&closing);
                    let (_, block_end) = line_bounds(text, close_start, close_end);
                    edits.push(Edit::delete(block_start, block_end));
                    block_end.max(close_end)
                }
            };
            // Patterns may match nothing where a line ends (`^$`): the search always moves
            // on past the opening, and stops at the region's end.
            if next <= open_start && open_start >= region_end {
                break;
            }
            position = next.max(next_char(text, open_start));
        }
        let count = edits.len();
        doc.edit(edits, run.index);
        count
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::buffer::TextBuffer;
    use crate::pattern::Pattern;
    use crate::text::doc::Format;

    fn pat(source: &str) -> Pat {
        Pat {
            source: source.to_string(),
            compiled: Arc::new(Pattern::new(source).unwrap()),
        }
    }

    fn dropped(start: &str, end: &str, text: &str) -> String {
        let rule = DropBlock {
            start: pat(start),
            end: pat(end),
            max_lines: 3,
        };
        let mut doc = Doc::new(TextBuffer::new(text), Format::Text);
        let run = Run {
            index: 0,
            id: "block",
            region: (0, text.len()),
            code: None,
        };
        rule.apply(&run, &mut doc);
        doc.text().to_string()
    }

    #[test]
    fn a_block_goes_from_its_start_line_to_its_end_line() {
        let text = "Body.\nSupport us:\nGive now.\nThanks!\nMore body.";
        assert_eq!(
            dropped("^Support us:$", "^Thanks!$", text),
            "Body.\n\nMore body."
        );
        assert_eq!(dropped("^Support us:$", "^Never$", text), text);
    }

    #[test]
    fn patterns_that_match_nothing_at_a_line_end_end_the_search() {
        assert_eq!(dropped("^$", "^$", "a\n\nb\n"), "a\n\nb\n");
        assert_eq!(dropped("$", "^b$", "a\nb"), "");
        assert_eq!(dropped("^$", "^x$", ""), "");
    }
}
