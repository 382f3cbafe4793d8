//! Many patterns matched in one pass over a text.

use regex_automata::hybrid::{dfa, LazyStateID};
use regex_automata::meta::Regex;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::util::start;
use regex_automata::{Anchored, Input, MatchKind, PatternID, PatternSet as Found};
use regex_syntax::hir::{Hir, Look};

use crate::dialect::{self, SyntaxError};
use crate::pattern::{build, config, NFA_SIZE_LIMIT};
use crate::shape::{dies_early, never_matches_newline, relax};

/// Which of many patterns may match a text: the answer may name a pattern that does
/// not match, never omits one that does (each pattern is held in its relaxed form).
///
/// The patterns run as one lazy DFA walked over the text (by hand: see `walk`),
/// every match state's patterns noted (overlapping), its state cache allowed to
/// grow and be rebuilt as often as a text needs rather than giving up. Patterns with a Unicode word
/// boundary (`\b`), which the DFA cannot follow past a non-ASCII byte, are asked
/// one by one, each a leftmost search that stops at its first match and skips
/// texts without its literals: as a set they would run on the crate's slowest
/// engine over every text (about 700,000 instructions a document for one such
/// pattern).
/// Patterns that open a line, stay on it and give up within a few bytes of most
/// lines (most triggers: `^[ \t*_]*(?i:read more|...)`) run as a second lazy DFA,
/// walked anchored from each line's start within that line: most lines are done
/// after a few bytes instead of being read through, and the walks stop once
/// each of them has been found. Those walks judge `^`, `$` and `\b` at a line's
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
        self.matching_from(data)
            .into_iter()
            .map(|(index, _)| index)
            .collect()
    }

    /// As `matching`, each index with the start of the first line on which the
    /// pattern may match: a line before it holds no match of the pattern, nor
    /// (the pattern being held relaxed) of the one it stands for, when both stay
    /// within a line.
    pub fn matching_from(&self, data: &[u8]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let input = Input::new(data);
        for (indices, part) in &self.parts {
            let mut noted = Noted::new(data, indices.len());
            let walked = match part {
                Part::Dfa(automaton, caches) => {
                    let mut cache = caches.get();
                    // The many texts that hold no match at all are answered by one
                    // search that stops at the first match, in the DFA's faster
                    // forward loop; only a text with some match is read again for
                    // which ones.
                    let first = input.clone().earliest(true);
                    if let Ok(None) = automaton.try_search_fwd(&mut cache, &first) {
                        continue;
                    }
                    whole_text(automaton, &mut cache, &mut noted)
                }
                Part::ByLine(automaton, caches) => {
                    let mut cache = caches.get();
                    each_line(automaton, &mut cache, &mut noted)
                }
                Part::OneByOne(regexes) => {
                    for (id, regex) in regexes.iter().enumerate() {
                        if let Some(found) = regex.find(input.clone()) {
                            noted.found.insert(PatternID::new_unchecked(id));
                            noted.from[id] = line_start(data, found.start());
                        }
                    }
                    Ok(())
                }
            };
            match walked {
                Ok(()) => found.extend(
                    noted
                        .found
                        .iter()
                        .map(|id| (indices[id.as_usize()], noted.from[id.as_usize()])),
                ),
                // Not with these settings (no quit bytes, no give-up); should it
                // happen, every pattern may match anywhere: always a safe answer.
                Err(WalkFailed) => found.extend(indices.iter().map(|&index| (index, 0))),
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

/// What a walk found: which patterns matched, and for each, the start of the first
/// line a match of it ended on (`usize::MAX` while none has).
struct Noted<'d> {
    data: &'d [u8],
    found: Found,
    from: Vec<usize>,
}

impl<'d> Noted<'d> {
    fn new(data: &'d [u8], patterns: usize) -> Noted<'d> {
        Noted {
            data,
            found: Found::new(patterns),
            from: vec![usize::MAX; patterns],
        }
    }

    /// Note the patterns of the match state reached at `end` (a match ends there),
    /// within the line that opens at `line` when the walk knows it.
    fn matches(
        &mut self,
        automaton: &dfa::DFA,
        cache: &dfa::Cache,
        state: LazyStateID,
        end: usize,
        line: Option<usize>,
    ) {
        for index in 0..automaton.match_len(cache, state) {
            let id = automaton.match_pattern(cache, state, index);
            if self.found.insert(id) {
                self.from[id.as_usize()] =
                    line.unwrap_or_else(|| line_start(self.data, end.saturating_sub(1)));
            }
        }
    }
}

/// The start of the line that holds byte `at`.
pub(crate) fn line_start(data: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &data[..at.min(data.len())]).map_or(0, |found| found + 1)
}

/// A walk of the set's lazy DFA could not go on: the cache gave up or a quit byte
/// came (neither can with the settings `build_dfa` uses).
#[derive(Debug)]
struct WalkFailed;

/// Which patterns match somewhere in the text: the unanchored automaton walked over
/// it once, every match state's patterns noted as it is reached.
///
/// What `try_which_overlapping_matches` answers, without its stop at each match and
/// its bookkeeping for a cache heuristic that is switched off here; it stops early
/// once every pattern has been found.
fn whole_text(
    automaton: &dfa::DFA,
    cache: &mut dfa::Cache,
    noted: &mut Noted<'_>,
) -> Result<(), WalkFailed> {
    let config = start::Config::new().anchored(Anchored::No);
    let state = automaton
        .start_state(cache, &config)
        .map_err(|_| WalkFailed)?;
    let end = noted.data.len();
    let state = walk(automaton, cache, state, noted, (0, end), None)?;
    if !state.is_dead() && !noted.found.is_full() {
        finish(automaton, cache, state, noted, end, None)?;
    }
    Ok(())
}

/// Which patterns match from the start of some line of the text, each walk anchored
/// there and kept within the line (a match of these patterns holds no '\n'), the
/// look-around at its ends judged by the text around it; stops once all are found.
///
/// A line's walk starts from the anchored start state for its look-behind (none for
/// the first line, '\n' for the others: two states, looked up again only when the
/// cache has been cleared) and mostly ends a few bytes in, at the dead state.
fn each_line(
    automaton: &dfa::DFA,
    cache: &mut dfa::Cache,
    noted: &mut Noted<'_>,
) -> Result<(), WalkFailed> {
    let data = noted.data;
    let mut starts = LineStarts::new(automaton, cache)?;
    let mut line = 0;
    loop {
        let end = memchr::memchr(b'\n', &data[line..]).map_or(data.len(), |at| line + at);
        let state = starts.get(automaton, cache, line == 0)?;
        let state = walk(automaton, cache, state, noted, (line, end), Some(line))?;
        if !state.is_dead() && !noted.found.is_full() {
            finish(automaton, cache, state, noted, end, Some(line))?;
        }
        if end == data.len() || noted.found.is_full() {
            return Ok(());
        }
        line = end + 1;
    }
}

/// The anchored start states of a line walk, kept while the cache that holds them
/// has not been cleared (a clear invalidates every state id).
struct LineStarts {
    text_start: LazyStateID,
    after_newline: LazyStateID,
    clear_count: usize,
}

impl LineStarts {
    fn new(automaton: &dfa::DFA, cache: &mut dfa::Cache) -> Result<LineStarts, WalkFailed> {
        let anchored = start::Config::new().anchored(Anchored::Yes);
        let text_start = automaton
            .start_state(cache, &anchored.clone().look_behind(None))
            .map_err(|_| WalkFailed)?;
        let after_newline = automaton
            .start_state(cache, &anchored.look_behind(Some(b'\n')))
            .map_err(|_| WalkFailed)?;
        Ok(LineStarts {
            text_start,
            after_newline,
            clear_count: cache.clear_count(),
        })
    }

    fn get(
        &mut self,
        automaton: &dfa::DFA,
        cache: &mut dfa::Cache,
        first_line: bool,
    ) -> Result<LazyStateID, WalkFailed> {
        if cache.clear_count() != self.clear_count {
            *self = LineStarts::new(automaton, cache)?;
        }
        Ok(if first_line {
            self.text_start
        } else {
            self.after_newline
        })
    }
}

/// Walk the text's bytes `start..end` from `state`, noting the patterns of each
/// match state reached (a match is seen one byte after it ends); return the last
/// state, or the dead state as soon as it is reached.
fn walk(
    automaton: &dfa::DFA,
    cache: &mut dfa::Cache,
    mut state: LazyStateID,
    noted: &mut Noted<'_>,
    (start, end): (usize, usize),
    line: Option<usize>,
) -> Result<LazyStateID, WalkFailed> {
    let data = noted.data;
    for (offset, &byte) in data[start..end].iter().enumerate() {
        // Most steps go from a plain state to a plain state already computed: one
        // table lookup. Any other step (from or to a match, dead or not yet computed
        // state) takes the checked way.
        if !state.is_tagged() {
            let next = automaton.next_state_untagged(cache, state, byte);
            if !next.is_tagged() {
                state = next;
                continue;
            }
        }
        state = automaton
            .next_state(cache, state, byte)
            .map_err(|_| WalkFailed)?;
        if state.is_match() {
            noted.matches(automaton, cache, state, start + offset, line);
            if noted.found.is_full() {
                return Ok(state);
            }
        } else if state.is_dead() {
            return Ok(state);
        } else if state.is_quit() {
            return Err(WalkFailed);
        }
    }
    Ok(state)
}

/// The last step of a walk that stopped at `end`: the byte there (or the text's
/// end), which shows a match that ends at `end`.
fn finish(
    automaton: &dfa::DFA,
    cache: &mut dfa::Cache,
    state: LazyStateID,
    noted: &mut Noted<'_>,
    end: usize,
    line: Option<usize>,
) -> Result<(), WalkFailed> {
    let state = match noted.data.get(end) {
        Some(&byte) => automaton.next_state(cache, state, byte),
        None => automaton.next_eoi_state(cache, state),
    }
    .map_err(|_| WalkFailed)?;
    if state.is_match() {
        noted.matches(automaton, cache, state, end, line);
    }
    Ok(())
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

    /// Triggers of the shapes the shipped rules use: line-opening ones (walked line by
    /// line), ones that match anywhere or span lines (walked over the whole text),
    /// ASCII and Unicode word boundaries, `$` before a line break and at the end.
    const WALKED: [&str; 10] = [
        r"^[ \t*]*(?i:read more|share)[^\n]*$",
        r"^Tags:$",
        r"\AFirst",
        r"^#{1,6} ",
        r"(?-u:\b)ab(?-u:\b)",
        r"\bé\w+",
        r"\*\*[^*\n]+\*\*",
        r"b\n\n[A-Z]",
        r"[a-z]{3}$",
        r"(?i)ß[ \t]*\z",
    ];

    /// What the texts are made of: the triggers' words, and the bytes around them.
    const FRAGMENTS: [&str; 16] = [
        "Tags:",
        "READ more",
        "share",
        "First",
        "## ",
        "ab",
        "éa",
        "**b**",
        "\n",
        " ",
        "\t",
        "b\n\nC",
        "ß",
        "x",
        "É",
        "abc",
    ];

    proptest::proptest! {
        #[test]
        fn a_set_names_exactly_the_patterns_that_match_one_by_one(
            picks in proptest::collection::vec(0usize..FRAGMENTS.len(), 0..12),
        ) {
            let text: String = picks.iter().map(|&pick| FRAGMENTS[pick]).collect();
            let sources: Vec<String> = WALKED.iter().map(|s| s.to_string()).collect();
            let set = PatternSet::new(&sources).unwrap();
            let data = text.as_bytes();
            let mut found = set.matching_from(data);
            found.sort();
            // Each pattern on its own: whether it matches, and the line its leftmost
            // match opens on (for a pattern that stays within a line, the line of the
            // match that ends first too).
            let expected: Vec<(usize, usize)> = sources
                .iter()
                .enumerate()
                .filter_map(|(index, source)| {
                    let hir = relax(&dialect::parse(source).unwrap());
                    let one_line = never_matches_newline(&hir);
                    let leftmost = build(&[hir], config()).unwrap().find(data)?;
                    let line = line_start(data, leftmost.start());
                    Some((index, if one_line { line } else { usize::MAX }))
                })
                .collect();
            proptest::prop_assert_eq!(found.len(), expected.len());
            for (&(index, from), &(wanted, line)) in found.iter().zip(&expected) {
                proptest::prop_assert_eq!(index, wanted);
                if line != usize::MAX {
                    proptest::prop_assert_eq!(from, line, "pattern {}", index);
                }
            }
        }
    }
}
