//! Which of many literal strings occur in a text, ignoring case, and which occur as a
//! whole word, anywhere or within the values of a given attribute: one pass.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind as LiteralMatchKind, StartKind};
use regex_automata::meta::Regex;
use regex_automata::{Input, MatchKind, PatternSet as Found};

use crate::attribute_values::Markup;
use crate::dialect::{self, SyntaxError};
use crate::pattern::{build, config};
use crate::raw_text::without_raw_text;

/// Which of many literal strings occur in a text, ignoring case: one pass.
///
/// ASCII literals go through an Aho-Corasick DFA with ASCII case folding, which
/// also tells which occur as a whole word (see `is_word_byte`), and, for a literal
/// given an attribute, counts only the occurrences that may lie in a value of that
/// attribute (see `attribute_values`); the few with other letters through a
/// case-insensitive pattern set, which folds them as the pattern dialect's `(?i)`
/// does, and which counts each occurrence, wherever it is, as a whole word.
pub struct LiteralSet {
    ascii: Option<AsciiLiterals>,
    other: Option<(Regex, Vec<usize>)>,
}

/// The ASCII literals' automaton, each pattern's index among all literals, and the
/// attribute (lower case) whose values each must lie in, if any.
struct AsciiLiterals {
    automaton: DFA,
    indices: Vec<usize>,
    places: Vec<Option<Vec<u8>>>,
}

/// The literals found in a text, by their index in the order given: those that occur
/// somewhere, and those that occur as a whole word (every one of which is also in
/// `anywhere`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Occurrences {
    pub anywhere: Vec<usize>,
    pub whole: Vec<usize>,
}

impl LiteralSet {
    /// The set of `literals`, each to be found anywhere, or, where `attributes` names
    /// one for it (`attributes` may be shorter), within that attribute's values.
    pub fn new(
        literals: &[String],
        attributes: &[Option<String>],
    ) -> Result<LiteralSet, SyntaxError> {
        let (ascii, other): (Vec<_>, Vec<_>) = literals
            .iter()
            .enumerate()
            .filter(|(_, literal)| !literal.is_empty())
            .partition(|(_, literal)| literal.is_ascii());
        let place = |index: usize| {
            let name = attributes.get(index).and_then(Option::as_ref);
            name.map(|name| name.to_ascii_lowercase().into_bytes())
        };
        let ascii = if ascii.is_empty() {
            None
        } else {
            // A full DFA: a few hundred selector literals make a small one, and it scans
            // a page's markup several times faster than the default NFA. Without a
            // prefilter or anchored starts, only match states are special (see `scan`).
            let automaton = DFA::builder()
                .ascii_case_insensitive(true)
                .match_kind(LiteralMatchKind::Standard)
                .start_kind(StartKind::Unanchored)
                .prefilter(false)
                .build(ascii.iter().map(|(_, literal)| literal.as_bytes()))
                .map_err(|error| SyntaxError(error.to_string()))?;
            let indices = ascii.iter().map(|(index, _)| *index).collect();
            let places = ascii.iter().map(|(index, _)| place(*index)).collect();
            Some(AsciiLiterals {
                automaton,
                indices,
                places,
            })
        };
        let other = if other.is_empty() {
            None
        } else {
            let hirs = other
                .iter()
                .map(|(_, literal)| dialect::parse(&format!("(?i:{})", escape(literal))))
                .collect::<Result<Vec<_>, _>>()?;
            let regex = build(&hirs, config().match_kind(MatchKind::All))?;
            Some((regex, other.iter().map(|(index, _)| *index).collect()))
        };
        Ok(LiteralSet { ascii, other })
    }

    /// The literals found in a page's markup where an element may be: the text of its
    /// script and style elements is not read (see `raw_text`).
    pub fn markup_occurrences(&self, data: &[u8]) -> Occurrences {
        self.occurrences(&without_raw_text(data))
    }

    /// The literals found in `data`: anywhere, and as a whole word.
    pub fn occurrences(&self, data: &[u8]) -> Occurrences {
        let mut found = Occurrences::default();
        if let Some(AsciiLiterals {
            automaton,
            indices,
            places,
        }) = &self.ascii
        {
            let seen = scan(automaton, places, data);
            found
                .anywhere
                .extend(seen.anywhere.iter().map(|&slot| indices[slot]));
            found
                .whole
                .extend(seen.whole.iter().map(|&slot| indices[slot]));
        }
        if let Some((regex, indices)) = &self.other {
            let mut set = Found::new(regex.pattern_len());
            regex.which_overlapping_matches(&Input::new(data), &mut set);
            let present: Vec<usize> = set.iter().map(|id| indices[id.as_usize()]).collect();
            found.anywhere.extend(&present);
            found.whole.extend(present);
        }
        found
    }
}

fn escape(literal: &str) -> String {
    regex_syntax::escape(literal)
}

/// Whether a byte may be part of a word: an ASCII letter or digit, `_`, `-`, or a byte
/// of a non-ASCII character. An occurrence is whole when no such byte touches it.
///
/// A class token, an id or an attribute name or value in markup is bounded by what
/// HTML puts around them (quotes, `=`, whitespace, `>`, `/`), none of which is a
/// word byte; `:`, `;` and `.` are not word bytes either, so a token after a
/// character reference (`&#32;ads`) or a namespaced attribute (`xlink:href`) still
/// counts as whole.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-' || !byte.is_ascii()
}

/// How many stretches of a text `scan` walks side by side.
const LANES: usize = 4;
/// Texts shorter than this are walked in one stretch.
const MIN_LANE_BYTES: usize = 4096;

/// The patterns of `automaton` that occur in `data` (by pattern index, in the order
/// first found), anywhere and as a whole word.
///
/// A DFA walk is one dependent table load a byte: the next state needs the last
/// one, so the processor waits on each load in turn. The text is cut into LANES
/// stretches, each overlapping the next by a pattern's length less one byte (so
/// every occurrence lies whole in the stretch it starts in), and the stretches are
/// walked side by side, byte by byte: their loads overlap. A state's matches are
/// looked at only in a match state; with standard semantics a match state lists
/// every pattern ending there, those of its suffixes included, so every
/// occurrence is seen. The walk ends early once every pattern has been found whole.
fn scan(automaton: &DFA, places: &[Option<Vec<u8>>], data: &[u8]) -> Occurrences {
    let Ok(start) = automaton.start_state(Anchored::No) else {
        return Occurrences::default();
    };
    let mut found = FoundLiterals::new(automaton, places, data);
    let (begins, lanes) = lanes(data, automaton.max_pattern_len());
    let common = lanes.iter().map(|lane| lane.len()).min().unwrap_or(0);
    let [first, second, third, fourth] = lanes.map(|lane| &lane[..common]);
    let step = |state, byte| automaton.next_state(Anchored::No, state, byte);
    let mut states = [start; LANES];
    let bytes = first.iter().zip(second).zip(third).zip(fourth);
    for (offset, (((&a, &b), &c), &d)) in bytes.enumerate() {
        let [w, x, y, z] = states;
        states = [step(w, a), step(x, b), step(y, c), step(z, d)];
        if states.iter().any(|&state| automaton.is_special(state)) {
            for (&state, &begin) in states.iter().zip(&begins) {
                found.note(state, begin + offset + 1);
            }
            if found.all_whole() {
                return found.occurrences;
            }
        }
    }
    for ((state, lane), begin) in states.into_iter().zip(lanes).zip(begins) {
        walk(&mut found, state, lane, begin, common);
    }
    found.occurrences
}

/// Go on walking one stretch (at `begin` in the text) from byte `from`, in `state`.
fn walk(found: &mut FoundLiterals<'_>, mut state: StateID, lane: &[u8], begin: usize, from: usize) {
    let automaton = found.automaton;
    for (offset, &byte) in lane.iter().enumerate().skip(from) {
        state = automaton.next_state(Anchored::No, state, byte);
        if automaton.is_special(state) {
            found.note(state, begin + offset + 1);
        }
    }
}

/// `data` cut into LANES stretches that together hold every run of `longest` bytes of
/// it whole, and the offset of each in `data` (a short text is its first stretch; the
/// others are empty).
fn lanes(data: &[u8], longest: usize) -> ([usize; LANES], [&[u8]; LANES]) {
    let mut begins = [0; LANES];
    let mut lanes = [&data[..0]; LANES];
    if data.len() < MIN_LANE_BYTES {
        lanes[0] = data;
        return (begins, lanes);
    }
    let share = data.len().div_ceil(LANES);
    for (index, (begin, lane)) in begins.iter_mut().zip(lanes.iter_mut()).enumerate() {
        *begin = (index * share).min(data.len());
        let end = ((index + 1) * share + longest.saturating_sub(1)).min(data.len());
        *lane = &data[*begin..end];
    }
    (begins, lanes)
}

/// How many occurrences of one literal given an attribute are looked at in a text
/// before it counts as found there (so a page of many costs a bounded amount).
const PLACE_CHECKS: u32 = 64;

/// The patterns found so far in one text, each once per kind, in the order found.
struct FoundLiterals<'a> {
    automaton: &'a DFA,
    /// Per pattern, the attribute whose values it must lie in (lower case), if any.
    places: &'a [Option<Vec<u8>>],
    data: &'a [u8],
    /// The markup's quotes, listed once some pattern needs a place looked at.
    markup: Option<Markup<'a>>,
    /// Per pattern, how many of its occurrences may still be looked at.
    checks: Vec<u32>,
    anywhere: Vec<bool>,
    whole: Vec<bool>,
    occurrences: Occurrences,
}

impl<'a> FoundLiterals<'a> {
    fn new(automaton: &'a DFA, places: &'a [Option<Vec<u8>>], data: &'a [u8]) -> FoundLiterals<'a> {
        let patterns = automaton.patterns_len();
        FoundLiterals {
            automaton,
            places,
            data,
            markup: None,
            checks: vec![PLACE_CHECKS; patterns],
            anywhere: vec![false; patterns],
            whole: vec![false; patterns],
            occurrences: Occurrences::default(),
        }
    }

    /// Record the patterns that end in `state` (none unless it is a match state), at
    /// byte `end` of the text.
    fn note(&mut self, state: StateID, end: usize) {
        let automaton = self.automaton;
        if !automaton.is_match(state) {
            return;
        }
        for index in 0..automaton.match_len(state) {
            let pattern = automaton.match_pattern(state, index);
            let slot = pattern.as_usize();
            if self.whole[slot] {
                continue; // found whole, so found anywhere too
            }
            let start = end - automaton.pattern_len(pattern);
            let whole = self.is_whole(start, end);
            if (whole || !self.anywhere[slot]) && self.in_place(slot, start) {
                self.found(slot, whole);
            }
        }
    }

    fn found(&mut self, slot: usize, whole: bool) {
        if !self.anywhere[slot] {
            self.anywhere[slot] = true;
            self.occurrences.anywhere.push(slot);
        }
        if whole {
            self.whole[slot] = true;
            self.occurrences.whole.push(slot);
        }
    }

    /// Whether an occurrence at `start` lies where the pattern is looked for: anywhere,
    /// or in a value of its attribute. Past PLACE_CHECKS looks, every occurrence does.
    fn in_place(&mut self, slot: usize, start: usize) -> bool {
        let Some(name) = &self.places[slot] else {
            return true;
        };
        if self.checks[slot] == 0 {
            return true;
        }
        self.checks[slot] -= 1;
        let data = self.data;
        let markup = self.markup.get_or_insert_with(|| Markup::new(data));
        markup.in_value_of(start, name)
    }

    /// Whether no word byte touches `data[start..end]`.
    fn is_whole(&self, start: usize, end: usize) -> bool {
        let before = start.checked_sub(1).map(|index| self.data[index]);
        let after = self.data.get(end).copied();
        !before.is_some_and(is_word_byte) && !after.is_some_and(is_word_byte)
    }

    fn all_whole(&self) -> bool {
        self.occurrences.whole.len() == self.whole.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_set_ignores_case() {
        let literals = vec![
            "related".to_string(),
            "Ünter".to_string(),
            "nav".to_string(),
        ];
        let set = LiteralSet::new(&literals, &[]).unwrap();
        let mut found = set
            .occurrences(b"<div class=\"RELATED \xc3\xbcnter\">")
            .anywhere;
        found.sort();
        assert_eq!(found, vec![0, 1]);
    }

    #[test]
    fn a_whole_occurrence_has_no_word_byte_beside_it() {
        let literals: Vec<String> = ["ads", "ad", "nav", "role", "x"]
            .iter()
            .map(|literal| literal.to_string())
            .collect();
        let set = LiteralSet::new(&literals, &[]).unwrap();
        let found = set.occurrences(b"<p class=\"loads ADS\" xlink:role=\"navbar\"> x\xc3\xa9");
        let mut anywhere = found.anywhere;
        anywhere.sort();
        let mut whole = found.whole;
        whole.sort();
        assert_eq!(anywhere, vec![0, 1, 2, 3, 4]);
        assert_eq!(whole, vec![0, 3]);
    }

    #[test]
    fn a_literal_given_an_attribute_counts_only_in_its_values() {
        let literals: Vec<String> = ["ads", "ads", "share", "date"]
            .iter()
            .map(|literal| literal.to_string())
            .collect();
        let attributes = [
            Some("class".to_string()),
            None,
            Some("aria-label".to_string()),
            Some("CLASS".to_string()),
        ];
        let set = LiteralSet::new(&literals, &attributes).unwrap();
        let markup =
            br#"<p class="x">loads of ads</p><a aria-label='Share'>x</a><b class=updated>"#;
        let found = set.occurrences(markup);
        let mut anywhere = found.anywhere;
        anywhere.sort();
        let mut whole = found.whole;
        whole.sort();
        assert_eq!(anywhere, vec![1, 2, 3]);
        assert_eq!(whole, vec![1, 2]);
    }

    /// Whether `needle` occurs in `haystack`, ASCII letters compared without case, and
    /// whether it does with no word byte beside it.
    fn occurs(haystack: &[u8], needle: &[u8]) -> (bool, bool) {
        let mut anywhere = false;
        let mut whole = false;
        for start in 0..(haystack.len() + 1).saturating_sub(needle.len()) {
            let end = start + needle.len();
            if haystack[start..end].eq_ignore_ascii_case(needle) {
                anywhere = true;
                whole |= (start == 0 || !is_word_byte(haystack[start - 1]))
                    && (end == haystack.len() || !is_word_byte(haystack[end]));
            }
        }
        (anywhere, whole)
    }

    fn expected(literals: &[String], data: &[u8]) -> Occurrences {
        let mut found = Occurrences::default();
        for (index, literal) in literals.iter().enumerate() {
            let (anywhere, whole) = occurs(data, literal.as_bytes());
            if anywhere {
                found.anywhere.push(index);
            }
            if whole {
                found.whole.push(index);
            }
        }
        found
    }

    fn sorted(mut found: Occurrences) -> Occurrences {
        found.anywhere.sort();
        found.whole.sort();
        found
    }

    proptest::proptest! {
        /// Every literal that occurs is found, and only those, however they overlap.
        #[test]
        fn literal_set_finds_exactly_the_literals_that_occur(
            literals in proptest::collection::vec("[abAB-]{1,5}", 1..12),
            data in "[abAB -]{0,80}",
        ) {
            let set = LiteralSet::new(&literals, &[]).unwrap();
            let found = sorted(set.occurrences(data.as_bytes()));
            proptest::prop_assert_eq!(found, expected(&literals, data.as_bytes()));
        }

        /// The same on texts long enough to be walked in lanes.
        #[test]
        fn literal_set_finds_the_same_in_long_texts(
            literals in proptest::collection::vec("[a-eA-E]{2,6}", 1..24),
            data in "[a-e -]{4096,6000}",
        ) {
            let set = LiteralSet::new(&literals, &[]).unwrap();
            let found = sorted(set.occurrences(data.as_bytes()));
            proptest::prop_assert_eq!(found, expected(&literals, data.as_bytes()));
        }

        /// Every run of `longest` bytes of a text lies whole in one of its lanes, and
        /// the lanes are pieces of the text at the offsets they give.
        #[test]
        fn lanes_hold_every_run_of_a_pattern_length(size in 0usize..20_000, longest in 1usize..40) {
            let data = vec![0u8; size];
            let (begins, lanes) = lanes(&data, longest);
            let spans: Vec<(usize, usize)> = lanes
                .iter()
                .zip(begins)
                .map(|(lane, begin)| {
                    assert_eq!(lane.as_ptr() as usize - data.as_ptr() as usize, begin);
                    (begin, begin + lane.len())
                })
                .collect();
            for &(_, end) in &spans {
                proptest::prop_assert!(end <= size);
            }
            for start in 0..=size.saturating_sub(longest) {
                let end = (start + longest).min(size);
                proptest::prop_assert!(
                    spans.iter().any(|&(begin, stop)| begin <= start && end <= stop),
                    "bytes {}..{} are in no lane", start, end
                );
            }
        }
    }

    #[test]
    fn literal_set_finds_literals_across_lane_boundaries() {
        let literals = vec!["needle".to_string(), "other".to_string()];
        let set = LiteralSet::new(&literals, &[]).unwrap();
        let size = 4 * MIN_LANE_BYTES;
        for start in (0..size - 6)
            .step_by(997)
            .chain([size / 4 - 3, size / 2 - 1, size - 6])
        {
            let mut data = vec![b' '; size];
            data[start..start + 6].copy_from_slice(b"NEEDLE");
            let found = set.occurrences(&data);
            assert_eq!(found.anywhere, vec![0], "needle at {start}");
            assert_eq!(found.whole, vec![0], "needle at {start}");
        }
    }
}
