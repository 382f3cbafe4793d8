//! Python's `str` semantics that the rules were written against, on Rust strings.
//!
//! Whitespace is `str.isspace` (Unicode White_Space plus U+001C..U+001F), words
//! are `str.split()`'s, lengths that rules compare with limits are counted in
//! characters. (Case folding, `str.casefold`, is the `caseless` crate's full Unicode
//! case folding, where a kind needs it.)

pub use crate::normalize::{collapse_spaces, is_space};

/// The words of `text` as `str.split()` gives them.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_space).filter(|word| !word.is_empty())
}

/// How many words `str.split()` finds in `text`.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// `len(text)`: characters, not bytes.
pub fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// `text.strip(chars)`.
pub fn strip_chars<'a>(text: &'a str, chars: &[char]) -> &'a str {
    text.trim_matches(|c| chars.contains(&c))
}

/// `text.rstrip(chars)`.
pub fn rstrip_chars<'a>(text: &'a str, chars: &[char]) -> &'a str {
    text.trim_end_matches(|c| chars.contains(&c))
}

/// `text.rstrip()`: without trailing whitespace.
pub fn rstrip(text: &str) -> &str {
    text.trim_end_matches(is_space)
}

/// Whether `text` is empty or all whitespace (`not text.strip()`).
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_space)
}

/// The offset just past the character that starts at `offset` (the text's length at its end).
pub fn next_char(text: &str, offset: usize) -> usize {
    text[offset..]
        .chars()
        .next()
        .map_or(text.len(), |c| offset + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_string_semantics() {
        assert_eq!(word_count(" a\u{1c}b\u{a0}c  "), 3);
        assert_eq!(char_count("été"), 3);
        assert_eq!(strip_chars(". Title:", &[' ', '.', ':']), "Title");
        assert_eq!(next_char("é!", 0), 2);
        assert!(is_blank(" \u{2003}\n"));
    }
}
