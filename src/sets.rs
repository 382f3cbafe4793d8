//! Many patterns or literals matched in one pass over a text.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA as LiteralDfa;
use aho_corasick::{Anchored as LiteralAnchored, MatchKind as LiteralMatchKind, StartKind};
use regex_automata::hybrid::dfa;
use regex_automata::meta::Regex;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind, PatternSet as Found};
use regex_syntax::hir::{Hir, Look};

use crate::dialect::{self, SyntaxError};
use crate::pattern::{build, config, NFA_SIZE_LIMIT};
use crate::shape::{dies_early, never_matches_newline, relax};

/// Which of many patterns may match a text: the answer may name a pattern that does
/// not match, never omits one that does (each pattern is held in its relaxed form).
///
/// The patterns run as one lazy DFA over the text, every pattern's matches
/// reported (overlapping), its state cache allowed to grow and be rebuilt as
/// often as a text needs rather than giving up. Patterns with a Unicode word
/// boundary (`\b`), which the DFA cannot follow past a non-ASCII byte, are asked
/// one by one, each a leftmost search that stops at its first match and skips
/// texts without its literals: as a set they would run on the crate's slowest
/// engine over every text (about 700,000 instructions a document for one such
/// pattern).
/// Patterns that open a line, stay on it and give up within a few bytes of most
/// lines (most triggers: `^[ \t*_]*(?i:read more|...)`) run as a second lazy DFA,
/// searched anchored from each line's start within that line: most lines are done
/// after a byte or two instead of being read through, and the search stops once
/// each of them has been found. Those searches judge `^`, `$` and `\b` at a line's
/// ends by the text around it, so they answer exactly what a pass over the whole
/// text would.
/// Before a whole pass for which patterns match, a search that stops at the first
/// match tells whether any does: most texts hold none of the patterns left for the
/// whole pass.
/// A set too big for one automaton's size limit is split in two, recursively,
/// so any number of rules still works.
pub struct PatternSet {
    parts: Vec<(Vec<usize>, Part)>,
    size: usize,
}

/// One automaton of a set, and how it is searched.
enum Part {
    Dfa(Box<dfa::DFA>, Pool<dfa::Cache, CacheMaker>),
    ByLine(Box<dfa::DFA>, Pool<dfa::Cache, CacheMaker>),
    OneByOne(Vec<Regex>),
}

type CacheMaker =
    Box<dyn Fn() -> dfa::Cache + Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe>;

/// The most memory a set's lazy DFA may use for its states before it starts over.
const SET_CACHE_BYTES: usize = 16 << 20;

impl PatternSet {
    pub fn new(sources: &[String]) -> Result<PatternSet, SyntaxError> {
        PatternSet::build(sources, true)
    }

    /// The set with every pattern searched over the whole text, none line by line:
    /// what the line-by-line searches must agree with.
    #[cfg(test)]
    pub fn searched_whole(sources: &[String]) -> Result<PatternSet, SyntaxError> {
        PatternSet::build(sources, false)
    }

    fn build(sources: &[String], by_line: bool) -> Result<PatternSet, SyntaxError> {
        let mut plain = (Vec::new(), Vec::new());
        let mut lined = (Vec::new(), Vec::new());
        let mut worded = (Vec::new(), Vec::new());
        for (index, source) in sources.iter().enumerate() {
            let hir = relax(&dialect::parse(source)?);
            let group = if hir.properties().look_set().contains_word_unicode() {
                &mut worded
            } else if by_line && searched_by_line(&hir) {
                &mut lined
            } else {
                &mut plain
            };
            group.0.push(index);
            group.1.push(hir);
        }
        let mut parts = dfa_parts(&plain.0, &plain.1)?;
        if !lined.1.is_empty() {
            for (indices, part) in dfa_parts(&lined.0, &lined.1)? {
                let Part::Dfa(automaton, caches) = part else {
                    continue;
                };
                parts.push((indices, Part::ByLine(automaton, caches)));
            }
        }
        if !worded.1.is_empty() {
            let regexes = worded
                .1
                .iter()
                .map(|hir| build(std::slice::from_ref(hir), config()))
                .collect::<Result<Vec<_>, _>>()?;
            parts.push((worded.0, Part::OneByOne(regexes)));
        }
        Ok(PatternSet {
            parts,
            size: sources.len(),
        })
    }

    /// Indices (in the order given) of the patterns that may match somewhere in `data`.
    pub fn matching(&self, data: &[u8]) -> Vec<usize> {
        let mut found = Vec::new();
        let input = Input::new(data);
        for (indices, part) in &self.parts {
            match part {
                Part::Dfa(automaton, caches) => {
                    let mut set = Found::new(indices.len());
                    let mut cache = caches.get();
                    // The many texts that hold no match at all are answered by one
                    // search that stops at the first match, in the DFA's faster
                    // forward loop; only a text with some match is read again for
                    // which ones.
                    let first = input.clone().earliest(true);
                    if let Ok(None) = automaton.try_search_fwd(&mut cache, &first) {
                        continue;
                    }
                    match automaton.try_which_overlapping_matches(&mut cache, &input, &mut set) {
                        Ok(()) => found.extend(set.iter().map(|id| indices[id.as_usize()])),
                        // Not with these settings (no quit bytes, no give-up); should it
                        // happen, every pattern may match, which is always a safe answer.
                        Err(_) => found.extend(indices.iter().copied()),
                    }
                }
                Part::ByLine(automaton, caches) => {
                    let mut set = Found::new(indices.len());
                    let mut cache = caches.get();
                    match each_line(automaton, &mut cache, data, &mut set) {
                        Ok(()) => found.extend(set.iter().map(|id| indices[id.as_usize()])),
                        Err(_) => found.extend(indices.iter().copied()),
                    }
                }
                Part::OneByOne(regexes) => {
                    let pairs = regexes.iter().zip(indices);
                    found.extend(pairs.filter_map(|(regex, &index)| {
                        regex.is_match(input.clone()).then_some(index)
                    }));
                }
            }
        }
        found
    }

    pub fn len(&self) -> usize {
        self.size
    }

    pub fn is_empty(&self) -> bool {
        self.size == 0
    }
}

/// Whether every match of a (relaxed) pattern opens a line and stays on it, and a
/// search for it from a line's start soon gives up.
pub(crate) fn searched_by_line(hir: &Hir) -> bool {
    let opening = hir.properties().look_set_prefix();
    let opens_line = opening.contains(Look::StartLF) || opening.contains(Look::Start);
    opens_line && never_matches_newline(hir) && dies_early(hir)
}

/// Which patterns match from the start of some line of `data`, each search anchored
/// there and kept within the line (a match of these patterns holds no '\n'), the
/// look-around at its ends judged by the text around it; stops once all are found.
fn each_line(
    automaton: &dfa::DFA,
    cache: &mut dfa::Cache,
    data: &[u8],
    set: &mut Found,
) -> Result<(), regex_automata::MatchError> {
    let mut start = 0;
    loop {
        let end = memchr::memchr(b'\n', &data[start..]).map_or(data.len(), |at| start + at);
        let input = Input::new(data).span(start..end).anchored(Anchored::Yes);
        automaton.try_which_overlapping_matches(cache, &input, set)?;
        if end == data.len() || set.is_full() {
            return Ok(());
        }
        start = end + 1;
    }
}

fn dfa_parts(indices: &[usize], hirs: &[Hir]) -> Result<Vec<(Vec<usize>, Part)>, SyntaxError> {
    if hirs.is_empty() {
        return Ok(Vec::new());
    }
    match build_dfa(hirs) {
        Ok(part) => Ok(vec![(indices.to_vec(), part)]),
        Err(error) if hirs.len() == 1 => Err(error),
        Err(_) => {
            let half = hirs.len() / 2;
            let mut parts = dfa_parts(&indices[..half], &hirs[..half])?;
            parts.extend(dfa_parts(&indices[half..], &hirs[half..])?);
            Ok(parts)
        }
    }
}

fn build_dfa(hirs: &[Hir]) -> Result<Part, SyntaxError> {
    let too_large = |error: &dyn std::fmt::Display| {
        SyntaxError(format!("pattern set cannot be built: {error}").replace('\n', " "))
    };
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(NFA_SIZE_LIMIT)),
        )
        .build_many_from_hir(hirs)
        .map_err(|error| too_large(&error))?;
    let automaton = dfa::DFA::builder()
        .configure(
            dfa::DFA::config()
                .match_kind(MatchKind::All)
                .cache_capacity(SET_CACHE_BYTES)
                .skip_cache_capacity_check(true)
                .minimum_cache_clear_count(None),
        )
        .build_from_nfa(nfa)
        .map_err(|error| too_large(&error))?;
    let automaton = Box::new(automaton);
    let maker = automaton.clone();
    let caches: Pool<dfa::Cache, CacheMaker> = Pool::new(Box::new(move || maker.create_cache()));
    Ok(Part::Dfa(automaton, caches))
}

/// Which of many literal strings occur in a text, ignoring case: one pass.
///
/// ASCII literals go through an Aho-Corasick DFA with ASCII case folding; the few
/// with other letters through a case-insensitive pattern set, which folds them as
/// the pattern dialect's `(?i)` does.
pub struct LiteralSet {
    ascii: Option<(LiteralDfa, Vec<usize>)>,
    other: Option<(Regex, Vec<usize>)>,
}

impl LiteralSet {
    pub fn new(literals: &[String]) -> Result<LiteralSet, SyntaxError> {
        let (ascii, other): (Vec<_>, Vec<_>) = literals
            .iter()
            .enumerate()
            .filter(|(_, literal)| !literal.is_empty())
            .partition(|(_, literal)| literal.is_ascii());
        let ascii = if ascii.is_empty() {
            None
        } else {
            // A full DFA: a few hundred selector literals make a small one, and it scans
            // a page's markup several times faster than the default NFA. Without a
            // prefilter or anchored starts, only match states are special (see `scan`).
            let automaton = LiteralDfa::builder()
                .ascii_case_insensitive(true)
                .match_kind(LiteralMatchKind::Standard)
                .start_kind(StartKind::Unanchored)
                .prefilter(false)
                .build(ascii.iter().map(|(_, literal)| literal.as_bytes()))
                .map_err(|error| SyntaxError(error.to_string()))?;
            Some((automaton, ascii.iter().map(|(index, _)| *index).collect()))
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

    /// Indices (in the order given) of the literals found somewhere in `data`.
    pub fn present(&self, data: &[u8]) -> Vec<usize> {
        let mut found = Vec::new();
        if let Some((automaton, indices)) = &self.ascii {
            found.extend(scan(automaton, data).into_iter().map(|slot| indices[slot]));
        }
        if let Some((regex, indices)) = &self.other {
            let mut set = Found::new(regex.pattern_len());
            regex.which_overlapping_matches(&Input::new(data), &mut set);
            found.extend(set.iter().map(|id| indices[id.as_usize()]));
        }
        found
    }
}

/// How many stretches of a text `scan` walks side by side.
const LANES: usize = 4;
/// Texts shorter than this are walked in one stretch.
const MIN_LANE_BYTES: usize = 4096;

/// The patterns of `automaton` that occur in `data`, in the order first found.
///
/// A DFA walk is one dependent table load a byte: the next state needs the last
/// one, so the processor waits on each load in turn. The text is cut into LANES
/// stretches, each overlapping the next by a pattern's length less one byte (so
/// every occurrence lies whole in the stretch it starts in), and the stretches are
/// walked side by side, byte by byte: their loads overlap. A state's matches are
/// looked at only in a match state; with standard semantics a match state lists
/// every pattern ending there, those of its suffixes included, so every
/// occurrence is seen. The walk ends early once every pattern has been found.
fn scan(automaton: &LiteralDfa, data: &[u8]) -> Vec<usize> {
    let Ok(start) = automaton.start_state(LiteralAnchored::No) else {
        return Vec::new();
    };
    let mut found = FoundLiterals::new(automaton.patterns_len());
    let lanes = lanes(data, automaton.max_pattern_len());
    let common = lanes.iter().map(|lane| lane.len()).min().unwrap_or(0);
    let mut states = [start; LANES];
    for offset in 0..common {
        let mut special = false;
        for (state, lane) in states.iter_mut().zip(&lanes) {
            *state = automaton.next_state(LiteralAnchored::No, *state, lane[offset]);
            special |= automaton.is_special(*state);
        }
        if special {
            for &state in &states {
                found.note(automaton, state);
            }
            if found.all() {
                return found.order;
            }
        }
    }
    for (state, lane) in states.iter_mut().zip(&lanes) {
        for &byte in &lane[common..] {
            *state = automaton.next_state(LiteralAnchored::No, *state, byte);
            if automaton.is_special(*state) {
                found.note(automaton, *state);
            }
        }
    }
    found.order
}

/// `data` cut into LANES stretches that together hold every run of `overlap + 1`
/// bytes of it whole (a short text is its first stretch; the others are empty).
fn lanes(data: &[u8], longest: usize) -> [&[u8]; LANES] {
    let mut lanes = [&data[..0]; LANES];
    if data.len() < MIN_LANE_BYTES {
        lanes[0] = data;
        return lanes;
    }
    let share = data.len().div_ceil(LANES);
    for (index, lane) in lanes.iter_mut().enumerate() {
        let begin = (index * share).min(data.len());
        let end = ((index + 1) * share + longest.saturating_sub(1)).min(data.len());
        *lane = &data[begin..end];
    }
    lanes
}

/// The patterns found so far, each once, in the order found.
struct FoundLiterals {
    seen: Vec<bool>,
    order: Vec<usize>,
}

impl FoundLiterals {
    fn new(patterns: usize) -> FoundLiterals {
        FoundLiterals {
            seen: vec![false; patterns],
            order: Vec::new(),
        }
    }

    /// Record the patterns that end in `state` (none unless it is a match state).
    fn note(&mut self, automaton: &LiteralDfa, state: StateID) {
        if !automaton.is_match(state) {
            return;
        }
        for index in 0..automaton.match_len(state) {
            let slot = automaton.match_pattern(state, index).as_usize();
            if !self.seen[slot] {
                self.seen[slot] = true;
                self.order.push(slot);
            }
        }
    }

    fn all(&self) -> bool {
        self.order.len() == self.seen.len()
    }
}

fn escape(literal: &str) -> String {
    regex_syntax::escape(literal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_set_names_every_matching_pattern() {
        let sources = vec![
            r"^Read more".to_string(),
            r"x{1,500}y".to_string(),
            r"zz".to_string(),
        ];
        let set = PatternSet::new(&sources).unwrap();
        let mut found = set.matching(b"a\nRead more\nxxy");
        found.sort();
        assert_eq!(found, vec![0, 1]);
    }

    #[test]
    fn patterns_that_open_a_line_are_searched_line_by_line_with_the_same_answer() {
        let sources: Vec<String> = [
            r"^[ \t*]*(?i:read more)[^\n]*$",
            r"^Tags:$",
            r"\AFirst",
            r"^#{1,6} ",
            r"^[ \t]*[^\n]{10,400}?\(Photo\)$",
            r"\*\*[^*\n]+\*\*",
        ]
        .map(str::to_string)
        .to_vec();
        let lined = |source: &str| searched_by_line(&relax(&dialect::parse(source).unwrap()));
        assert!(lined(&sources[0]) && lined(&sources[1]) && lined(&sources[2]));
        assert!(!lined(&sources[4]) && !lined(&sources[5]));
        let split = PatternSet::new(&sources).unwrap();
        let whole = PatternSet::searched_whole(&sources).unwrap();
        for text in [
            "x\n  * READ MORE here\nTags:",
            "Tags: x\nFirst\n## Title",
            "First line\n",
            "Tags:\r\nab **b** a caption, long (Photo)\n",
            "",
            "\n\n# \n",
        ] {
            let mut found = split.matching(text.as_bytes());
            let mut expected = whole.matching(text.as_bytes());
            found.sort();
            expected.sort();
            assert_eq!(found, expected, "{text:?}");
        }
        let mut found = split.matching(b"a\nRead more\nTags:\n## x **y**");
        found.sort();
        assert_eq!(found, vec![0, 1, 3, 5]);
    }

    #[test]
    fn literal_set_ignores_case() {
        let literals = vec![
            "related".to_string(),
            "Ünter".to_string(),
            "nav".to_string(),
        ];
        let set = LiteralSet::new(&literals).unwrap();
        let mut found = set.present(b"<div class=\"RELATED \xc3\xbcnter\">");
        found.sort();
        assert_eq!(found, vec![0, 1]);
    }

    /// Whether `needle` occurs in `haystack`, ASCII letters compared without case.
    fn contains_ignoring_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
        haystack
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle))
    }

    proptest::proptest! {
        /// Every literal that occurs is found, and only those, however they overlap.
        #[test]
        fn literal_set_finds_exactly_the_literals_that_occur(
            literals in proptest::collection::vec("[abAB-]{1,5}", 1..12),
            data in "[abAB -]{0,80}",
        ) {
            let set = LiteralSet::new(&literals).unwrap();
            let mut found = set.present(data.as_bytes());
            found.sort();
            let expected: Vec<usize> = (0..literals.len())
                .filter(|&index| {
                    contains_ignoring_ascii_case(data.as_bytes(), literals[index].as_bytes())
                })
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }

        /// The same on texts long enough to be walked in lanes.
        #[test]
        fn literal_set_finds_the_same_in_long_texts(
            literals in proptest::collection::vec("[a-eA-E]{2,6}", 1..24),
            data in "[a-e -]{4096,6000}",
        ) {
            let set = LiteralSet::new(&literals).unwrap();
            let mut found = set.present(data.as_bytes());
            found.sort();
            let expected: Vec<usize> = (0..literals.len())
                .filter(|&index| {
                    contains_ignoring_ascii_case(data.as_bytes(), literals[index].as_bytes())
                })
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }

        /// Every run of `longest` bytes of a text lies whole in one of its lanes, and
        /// the lanes are pieces of the text.
        #[test]
        fn lanes_hold_every_run_of_a_pattern_length(size in 0usize..20_000, longest in 1usize..40) {
            let data = vec![0u8; size];
            let lanes = lanes(&data, longest);
            let spans: Vec<(usize, usize)> = lanes
                .iter()
                .map(|lane| {
                    let begin = (lane.as_ptr() as usize) - (data.as_ptr() as usize);
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
        let set = LiteralSet::new(&literals).unwrap();
        let size = 4 * MIN_LANE_BYTES;
        for start in (0..size - 6)
            .step_by(997)
            .chain([size / 4 - 3, size / 2 - 1, size - 6])
        {
            let mut data = vec![b'x'; size];
            data[start..start + 6].copy_from_slice(b"NEEDLE");
            assert_eq!(set.present(&data), vec![0], "needle at {start}");
        }
    }
}
