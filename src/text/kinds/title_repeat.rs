//! drop_title_repeat: remove the headline where the page prints it again.
//!
//! With a known title, lines in the region that read the same (ignoring case,
//! spacing and Markdown marks) are dropped. With no title yet, a line that occurs
//! twice in the region is taken as the headline: it becomes the title and every
//! copy leaves the body.

use crate::buffer::Edit;
use crate::dates::is_date_line;
use crate::normalize::{cut_mid_sentence, split_lines};
use crate::text::doc::Doc;
use caseless::Caseless;

use crate::text::pystr::{char_count, is_space, rstrip, word_count};

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
fn key(line: &str) -> String {
    let mut out = Vec::with_capacity(line.len());
    key_bytes(line, &mut out);
    String::from_utf8(out).expect("a key is made of whole characters")
}

/// `key(line)` as UTF-8 bytes, written over `out` (a buffer reused line after line).
fn key_bytes(line: &str, out: &mut Vec<u8>) {
    key_opening(line, out, usize::MAX);
}

/// At least the first `limit` bytes of `key(line)`, written over `out`: the whole key
/// when it is no longer (then the answer is true), else an opening of it that is
/// longer than `limit` bytes, of which only the first `limit` are sure to be the key's
/// (its ends are not stripped yet).
///
/// One pass: marks dropped, whitespace runs collapsed, letters case-folded (folding
/// neither makes nor takes whitespace, so the order does not matter), the ends (ASCII
/// bytes) left out at the start as they come and stripped at the end.
fn key_opening(line: &str, out: &mut Vec<u8>, limit: usize) -> bool {
    out.clear();
    let whole = push_key(line, out, limit);
    if whole {
        let end = out.len() - out.iter().rev().take_while(|b| is_key_end(**b)).count();
        out.truncate(end);
    }
    whole
}

fn is_key_end(byte: u8) -> bool {
    matches!(byte, b' ' | b'.' | b':')
}

/// Add a key's byte to `out`, leaving out the ends before its first other byte; false
/// once `out` holds more than `limit` bytes and ends in a byte no strip can take, so
/// its first `limit` bytes are the key's.
fn push_key_byte(out: &mut Vec<u8>, byte: u8, limit: usize) -> bool {
    if out.is_empty() && is_key_end(byte) {
        return true;
    }
    out.push(byte);
    out.len() <= limit || is_key_end(byte)
}

/// `key_opening`'s pass over the line's characters (ASCII ones lowered, others case-folded).
fn push_key(line: &str, out: &mut Vec<u8>, limit: usize) -> bool {
    let mut space = false;
    let mut utf8 = [0; 4];
    for c in line.chars() {
        if MARKS.contains(&c) {
            continue;
        }
        if is_space(c) {
            space = !out.is_empty();
            continue;
        }
        if space {
            space = false;
            if !push_key_byte(out, b' ', limit) {
                return false;
            }
        }
        if c.is_ascii() {
            if !push_key_byte(out, c.to_ascii_lowercase() as u8, limit) {
                return false;
            }
            continue;
        }
        let mut more = true;
        for folded in std::iter::once(c).default_case_fold() {
            for &byte in folded.encode_utf8(&mut utf8).as_bytes() {
                more &= push_key_byte(out, byte, limit);
            }
        }
        if !more {
            return false;
        }
    }
    true
}

/// (start, end) of the lines in `text[start..end]` short enough to be a headline
/// whose key is `key`.
fn copies_of(text: &str, start: usize, end: usize, key: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut position = start;
    for line in split_lines(&text[start..end]) {
        let stop = position + line.len();
        if has_key(line, key) && short_enough(line) {
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
///
/// A key's words are one space apart with none at its ends, so it has three words
/// when it has two spaces.
fn headline_sized(key: &[u8]) -> bool {
    let wanted = MIN_HEADLINE_WORDS - 1;
    let spaces = memchr::memchr_iter(b' ', key).take(wanted).count();
    if spaces >= wanted {
        return true;
    }
    spaces == 0
        && !key.is_ascii()
        && key.iter().filter(|&&b| b & 0xC0 != 0x80).count() >= MIN_UNSPACED_CHARS
}

/// A paragraph printed twice, not a headline: long, or a full sentence with its period.
fn reads_as_sentence(line: &str) -> bool {
    let words = word_count(line);
    words > MAX_HEADLINE_WORDS
        || (words > MAX_SENTENCE_HEADLINE_WORDS && rstrip(line).ends_with('.'))
}

/// Not longer than a headline may be (a line of no more bytes has no more characters).
fn short_enough(line: &str) -> bool {
    line.len() <= MAX_HEADLINE || char_count(line) <= MAX_HEADLINE
}

/// Bytes of a key's opening compared before whole keys are made.
const OPENING: usize = 16;

/// The key of the first line of `region` that repeats an earlier one and can be a
/// headline (`may_be_headline`), where the earlier copy is one of the region's first
/// HEADLINE_LINES lines with text: a page prints its headline at the top, while a
/// line that recurs further down (a date two posts share, a quoted reply, a label
/// over each product) is no headline.
///
/// Lines are compared by their keys' openings (a few bytes) first; whole keys are
/// made only for a line whose opening is a top line's, and for that top line.
fn repeated_key(region: &str) -> Option<String> {
    let mut top: Vec<TopLine<'_>> = Vec::with_capacity(HEADLINE_LINES);
    let mut opening = Vec::with_capacity(OPENING + 4);
    let mut line_key = Vec::new();
    for (ordinal, (line, within_sentence)) in lines_with_text(region).enumerate() {
        if ordinal >= HEADLINE_LINES && top.is_empty() {
            return None;
        }
        if !short_enough(line) || within_sentence {
            continue;
        }
        key_opening(line, &mut opening, OPENING);
        opening.truncate(OPENING);
        if top.iter().any(|earlier| earlier.opening == opening) {
            key_bytes(line, &mut line_key);
            // A key too short for a headline never makes one, nor does any copy of it.
            let repeats = headline_sized(&line_key)
                && top
                    .iter_mut()
                    .any(|earlier| earlier.opening == opening && earlier.key() == line_key);
            if repeats && may_be_headline(line) {
                return Some(
                    String::from_utf8(line_key).expect("a key is made of whole characters"),
                );
            }
        }
        if ordinal < HEADLINE_LINES {
            top.push(TopLine {
                line,
                opening: opening.clone(),
                key: None,
            });
        }
    }
    None
}

/// The lines of `region` with text, each with whether it sits inside a sentence a wrap
/// cut (`within_wrapped_sentence`).
fn lines_with_text(region: &str) -> impl Iterator<Item = (&str, bool)> {
    let lines: Vec<&str> = split_lines(region).collect();
    (0..lines.len()).filter_map(move |index| {
        let line = lines[index];
        if line.trim().is_empty() {
            return None;
        }
        let previous = index.checked_sub(1).map(|above| lines[above]);
        let next = lines.get(index + 1).copied();
        Some((line, within_wrapped_sentence(previous, next)))
    })
}

/// Whether a line goes on with a sentence that the line right above it, as long as a
/// wrapped line and not ended, began, and the line right below it finishes: a link's
/// text that a converter put on a line of its own ("… used in the" / "Unified
/// Tutorial" / ". The code …"). Such a line is no headline, however often the text
/// repeats it.
fn within_wrapped_sentence(previous: Option<&str>, next: Option<&str>) -> bool {
    let goes_on = |line: &str| {
        let start = line.trim_start_matches(is_space);
        start
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || SENTENCE_GOES_ON.contains(&c))
    };
    next.is_some_and(goes_on) && previous.is_some_and(cut_mid_sentence)
}

/// What a sentence's next part may open with, right after a line break.
const SENTENCE_GOES_ON: &[char] = &['.', ',', ';', ':', ')'];

/// One of the region's first lines with text, its key made when first asked for.
struct TopLine<'a> {
    line: &'a str,
    opening: Vec<u8>,
    key: Option<Vec<u8>>,
}

impl TopLine<'_> {
    fn key(&mut self) -> &[u8] {
        let line = self.line;
        self.key.get_or_insert_with(|| {
            let mut key = Vec::new();
            key_bytes(line, &mut key);
            key
        })
    }
}

/// How far down the region (in lines with text) an untold headline's first copy may be.
const HEADLINE_LINES: usize = 3;

/// Whether a line printed twice may be the headline: not a paragraph (`reads_as_sentence`),
/// not a label that introduces what follows (`…:`), and not a date.
fn may_be_headline(line: &str) -> bool {
    let trimmed = line.trim();
    !reads_as_sentence(line) && !trimmed.ends_with(':') && !is_date_line(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    #[test]
    fn an_untold_headline_is_printed_at_the_top() {
        let page = "World\n\nFerry timetable changes next week\n\nFerry timetable changes next week\nThe body.";
        assert_eq!(
            repeated_key(page).as_deref(),
            Some("ferry timetable changes next week")
        );
        // Lines a forum thread or a product list repeats further down are no headline.
        let thread = "kevin\nJan 10, 2024\nWho knows?\nmaria\nJan 10, 2024\nNice camera.";
        assert_eq!(repeated_key(thread), None);
        let deep =
            "One\nTwo\nThree\nFour: the list\nTop expert picks here\nA\nTop expert picks here";
        assert_eq!(repeated_key(deep), None);
        let label = "Top expert recommendations:\nFluke 117\nTop expert recommendations:";
        assert_eq!(repeated_key(label), None);
        // A link's text on a line of its own inside a wrapped sentence, twice.
        let wrapped = "Read the short version of the mappings and the examples in the\n\
                       Harbour Ferry Guide\n, then come back.\nOr go on to the complete\n\
                       Harbour Ferry Guide\nfor the details.";
        assert_eq!(repeated_key(wrapped), None);
        let headline = "Harbour Ferry Guide\n\nHarbour Ferry Guide\nfor every pier.";
        assert_eq!(
            repeated_key(headline).as_deref(),
            Some("harbour ferry guide")
        );
    }

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

    /// `repeated_key` as first written: every line keyed.
    fn repeated_key_by_every_line(region: &str) -> Option<String> {
        let mut seen = HashSet::new();
        let lines: Vec<&str> = split_lines(region).collect();
        let with_text = (0..lines.len()).filter(|&index| !lines[index].trim().is_empty());
        for (ordinal, index) in with_text.enumerate() {
            let line = lines[index];
            let previous = (index > 0).then(|| lines[index - 1]);
            if char_count(line) > MAX_HEADLINE
                || within_wrapped_sentence(previous, lines.get(index + 1).copied())
            {
                continue;
            }
            let line_key = key(line);
            if seen.contains(&line_key)
                && headline_sized(line_key.as_bytes())
                && may_be_headline(line)
            {
                return Some(line_key);
            }
            if ordinal < HEADLINE_LINES {
                seen.insert(line_key);
            }
        }
        None
    }

    proptest! {
        #[test]
        fn a_key_opening_opens_the_key(line in "[aAßİ#*_ .:\t\u{a0}xX]{0,24}", limit in 0usize..8) {
            let mut opening = Vec::new();
            let whole = key_opening(&line, &mut opening, limit);
            let key = key(&line);
            if whole {
                prop_assert_eq!(&opening[..], key.as_bytes());
            } else {
                prop_assert!(opening.len() > limit);
                prop_assert_eq!(&opening[..limit], &key.as_bytes()[..limit]);
            }
        }

        #[test]
        fn repeats_are_found_as_by_keying_every_line(
            pool in proptest::collection::vec("[aAb#* .:\u{a0}ß]{0,24}", 1..4),
            picks in proptest::collection::vec((0usize..4, any::<bool>(), "[#* ]{0,2}"), 0..8),
        ) {
            // Lines drawn from a few, some in capitals or with marks: many repeat a key.
            let lines: Vec<String> = picks
                .iter()
                .map(|(pick, upper, marks)| {
                    let line = &pool[pick % pool.len()];
                    let line = if *upper { line.to_uppercase() } else { line.clone() };
                    format!("{marks}{line}")
                })
                .collect();
            let region = lines.join("\n");
            prop_assert_eq!(repeated_key(&region), repeated_key_by_every_line(&region));
        }

        #[test]
        fn headline_size_is_counted_in_words(line in "[aé. \t:#]{0,16}") {
            let key = key(&line);
            let words = word_count(&key);
            let unspaced = !key.contains(' ') && !key.is_ascii() && char_count(&key) >= MIN_UNSPACED_CHARS;
            prop_assert_eq!(headline_sized(key.as_bytes()), words >= MIN_HEADLINE_WORDS || unspaced);
        }

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
