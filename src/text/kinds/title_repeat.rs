//! drop_title_repeat: remove the headline where the page prints it again.
//!
//! With a known title, lines in the region that read the same (ignoring case,
//! spacing and Markdown marks) are dropped. With no title yet, a line that occurs
//! twice in the region is taken as the headline: it becomes the title and every
//! copy leaves the body.

use std::collections::HashSet;

use crate::buffer::Edit;
use crate::text::doc::Doc;
use caseless::Caseless;

use crate::text::pystr::{char_count, is_space, rstrip, strip_chars, word_count};

use super::Run;

const MARKS: &[char] = &['#', '*', '_', '`', '>'];
/// A line longer than this (in characters) is not a headline.
const MAX_HEADLINE: usize = 300;
/// A headline has at least this many words, or characters in a script written
/// without spaces.
const MIN_HEADLINE_WORDS: usize = 3;
const MIN_UNSPACED_CHARS: usize = 6;
/// A line longer than this many words is prose, not a headline...
const MAX_HEADLINE_WORDS: usize = 25;
/// ...and so is one of more than this many words that ends like a sentence.
const MAX_SENTENCE_HEADLINE_WORDS: usize = 12;
/// What a key's ends lose.
const KEY_ENDS: &[char] = &[' ', '.', ':'];

pub struct TitleRepeat;

impl TitleRepeat {
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        let (start, end) = run.region;
        let text = doc.text();
        let region = &text[start..end];
        let title = doc.fields.get("title").filter(|title| !title.is_empty());
        let key = match title {
            Some(title) => Some(key(title)),
            None => repeated_key(region),
        };
        let Some(key) = key.filter(|key| !key.is_empty()) else {
            return 0;
        };
        let copies = copies_of(text, start, end, &key);
        let Some(&(first_start, first_end)) = copies.first() else {
            return 0;
        };
        if title.is_none() {
            let found: String = text[first_start..first_end]
                .chars()
                .filter(|c| !MARKS.contains(c))
                .collect();
            doc.set_field("title", Some(&found), &format!("rule:{}", run.id));
        }
        let count = copies.len();
        let edits = copies
            .into_iter()
            .map(|(lo, hi)| Edit::delete(lo, hi))
            .collect();
        doc.edit(edits, run.index);
        count
    }
}

/// A line's comparison key: no Markdown marks, case or spacing differences, and no
/// spaces, periods or colons at its ends.
///
/// One pass: marks dropped, whitespace runs collapsed, letters case-folded
/// (folding neither makes nor takes whitespace, so the order does not matter).
fn key(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if MARKS.contains(&c) {
            continue;
        }
        if is_space(c) {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(std::iter::once(c).default_case_fold());
        }
    }
    let trimmed = strip_chars(&out, KEY_ENDS);
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// (start, end) of the lines in `text[start..end]` short enough to be a headline
/// whose key is `key`.
fn copies_of(text: &str, start: usize, end: usize, key: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut position = start;
    for line in text[start..end].split('\n') {
        let stop = position + line.len();
        if has_key(line, key) && char_count(line) <= MAX_HEADLINE {
            found.push((position, stop));
        }
        position = stop + 1;
    }
    found
}

/// Whether `key(line) == key`, for a non-empty `key`, worked out as the line's key is
/// made and given up at the first character that differs: most lines differ at once.
fn has_key(line: &str, key: &str) -> bool {
    let mut wanted = key.chars();
    // Before the first character: the ends `key` strips. After the last: only they.
    let mut started = false;
    let mut space = false;
    let mut rest_only_ends = false;
    let mut folded = String::new();
    for c in line.chars() {
        if MARKS.contains(&c) {
            continue;
        }
        if is_space(c) {
            space = started;
            continue;
        }
        folded.clear();
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            folded.extend(std::iter::once(c).default_case_fold());
        }
        if space {
            space = false;
            if !take(&mut wanted, ' ', &mut rest_only_ends) {
                return false;
            }
        }
        for f in folded.chars() {
            if !started && KEY_ENDS.contains(&f) {
                continue;
            }
            started = true;
            if !take(&mut wanted, f, &mut rest_only_ends) {
                return false;
            }
        }
    }
    wanted.next().is_none()
}

/// Match the next character of a key against `wanted`; once `wanted` is used up, only
/// the characters a key strips from its end may follow.
fn take(wanted: &mut std::str::Chars<'_>, c: char, rest_only_ends: &mut bool) -> bool {
    if *rest_only_ends {
        return KEY_ENDS.contains(&c);
    }
    match wanted.next() {
        Some(w) if w == c => true,
        Some(_) => false,
        None => {
            *rest_only_ends = true;
            KEY_ENDS.contains(&c)
        }
    }
}

/// Long enough to be a headline rather than a repeated label ("Yes.", "Share").
fn headline_sized(key: &str) -> bool {
    if word_count(key) >= MIN_HEADLINE_WORDS {
        return true;
    }
    !key.contains(' ') && !key.is_ascii() && char_count(key) >= MIN_UNSPACED_CHARS
}

/// A paragraph printed twice, not a headline: long, or a full sentence with its period.
fn reads_as_sentence(line: &str) -> bool {
    let words = word_count(line);
    words > MAX_HEADLINE_WORDS
        || (words > MAX_SENTENCE_HEADLINE_WORDS && rstrip(line).ends_with('.'))
}

/// The key of the first line of `region` that repeats an earlier one and is long
/// enough to be a headline.
fn repeated_key(region: &str) -> Option<String> {
    let mut seen: HashSet<String> = HashSet::new();
    for line in region.split('\n') {
        if line.is_empty() || char_count(line) > MAX_HEADLINE {
            continue;
        }
        let line_key = key(line);
        if seen.contains(&line_key) && headline_sized(&line_key) && !reads_as_sentence(line) {
            return Some(line_key);
        }
        seen.insert(line_key);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keys_ignore_marks_case_spacing_and_ends() {
        assert_eq!(
            key("## **Ferry  Timetable** changes:"),
            "ferry timetable changes"
        );
        assert_eq!(key(". : Straße ."), "strasse");
        assert!(has_key(
            "  ## FERRY timetable  changes .",
            "ferry timetable changes"
        ));
        assert!(!has_key(
            "Ferry timetable changes today",
            "ferry timetable changes"
        ));
        assert!(!has_key(
            "Ferry. timetable changes",
            "ferry timetable changes"
        ));
    }

    proptest! {
        #[test]
        fn a_key_is_found_as_it_is_made(
            line in "[aAßİ#*_ .:\t\u{a0}xX]{0,12}",
            other in "[aAßİ#*_ .:\t\u{a0}xX]{0,12}",
        ) {
            let wanted = key(&other);
            prop_assume!(!wanted.is_empty());
            prop_assert_eq!(has_key(&line, &wanted), key(&line) == wanted);
            prop_assert!(has_key(&other, &wanted));
        }
    }
}
