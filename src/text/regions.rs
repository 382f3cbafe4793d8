//! The head and tail regions of a text, counted in non-blank lines, and the whole
//! lines a match touches. Offsets are byte offsets into the text.

use memchr::{memchr, memrchr};

use super::pystr::is_blank;

/// Offset just past the `count`-th non-blank line (its newline included, so `$` matches).
pub fn head_end(text: &str, count: usize) -> usize {
    let mut seen = 0;
    let mut position = 0;
    loop {
        let newline = memchr(b'\n', &text.as_bytes()[position..]).map(|at| position + at);
        let stop = newline.unwrap_or(text.len());
        if stop > position && !is_blank(&text[position..stop]) {
            seen += 1;
            if seen == count {
                return (stop + 1).min(text.len());
            }
        }
        match newline {
            None => return text.len(),
            Some(at) => position = at + 1,
        }
    }
}

/// Offset where the `count`-th non-blank line from the end starts.
pub fn tail_start(text: &str, count: usize) -> usize {
    let mut seen = 0;
    let mut stop = text.len();
    while stop > 0 {
        let newline = memrchr(b'\n', &text.as_bytes()[..stop]);
        let line_start = newline.map_or(0, |at| at + 1);
        if !is_blank(&text[line_start..stop]) {
            seen += 1;
            if seen == count {
                return line_start;
            }
        }
        stop = newline.unwrap_or(0);
    }
    0
}

/// The whole lines (without the final newline) that `text[start..end]` touches.
pub fn line_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let line_start = memrchr(b'\n', &bytes[..start]).map_or(0, |at| at + 1);
    let end = if end > start && bytes[end - 1] == b'\n' {
        end - 1
    } else {
        end
    };
    let line_end = memchr(b'\n', &bytes[end..]).map_or(text.len(), |at| end + at);
    (line_start, line_end)
}

/// Offset just past `count` lines beginning at `start`.
pub fn end_of_lines(text: &str, start: usize, count: usize) -> usize {
    let mut position = start;
    for _ in 0..count {
        match memchr(b'\n', &text.as_bytes()[position..]) {
            None => return text.len(),
            Some(at) => position += at + 1,
        }
    }
    position
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_count_non_blank_lines() {
        let text = "one\n\n  \ntwo\nthree\n";
        assert_eq!(head_end(text, 2), 12);
        assert_eq!(head_end(text, 9), text.len());
        assert_eq!(tail_start(text, 1), 12);
        assert_eq!(tail_start(text, 2), 8);
        assert_eq!(tail_start(text, 5), 0);
    }

    #[test]
    fn a_match_takes_its_whole_lines() {
        let text = "ab\ncd ef\ngh";
        assert_eq!(line_bounds(text, 4, 5), (3, 8));
        assert_eq!(line_bounds(text, 3, 9), (3, 8));
        assert_eq!(end_of_lines(text, 0, 2), 9);
        assert_eq!(end_of_lines(text, 0, 5), text.len());
    }
}
