//! One compiled rule pattern and its searches.
//!
//! Searches run on UTF-8 bytes within a span `[pos, endpos)` of the whole text;
//! `^`, `$` and `\b` at the span's ends are judged by the surrounding text, so a
//! match found within a line is the very match a search of the whole text finds
//! there. After an empty match the search moves on by a whole character.
//!
//! Three fast paths change no result. A pattern with plain text every match holds
//! is searched only when that text occurs in the span. A pattern whose matches
//! stay on one line and that has large counted repetitions (`[^\n]{10,400}?`,
//! many automaton states) is searched only on the lines where its relaxed form
//! (counts widened) matches; when every match opens a line, that search is
//! anchored at the line's start. A span no longer than an upper bound of one of the
//! pattern's repetitions is searched with the pattern that bound dropped (a short
//! form): nothing in the span can reach it, and the automaton is far smaller.

use std::sync::OnceLock;

use memchr::memmem;
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::Hir;

use crate::dialect::{self, SyntaxError};
use crate::shape::{shape_of, unbounded_above, upper_bounds, Shape};

/// The largest automaton (heap bytes of its NFA) one pattern may compile to.
pub const NFA_SIZE_LIMIT: usize = 8 << 20;
/// The largest lazy-DFA cache, and fully compiled DFA, one pattern may use.
pub const DFA_SIZE_LIMIT: usize = 8 << 20;
/// The shortest required text worth a scan of its own before the automaton runs.
const LITERAL_BYTES: usize = 4;
/// Counted repetitions up to this size are cheap; a line-local pattern with a larger
/// one is searched line by line.
const LINE_SEARCH_COUNT: u32 = 20;
/// The least upper bound of a repetition worth a short form of the pattern: a smaller
/// automaton for spans no longer than the bound.
const SHORT_FORM_BOUND: u32 = 16;
/// Automata this large (states) place a match's groups apart, with a short form for
/// the match when there is one.
const PLACE_APART_STATES: usize = 2_000;

/// The byte spans of a match's groups, group 0 first; (-1, -1) for a group that did
/// not take part.
pub type Spans = Vec<(isize, isize)>;

/// Which spans a search reports.
///
/// A pattern with groups of its own needs a second, backtracking pass over each match
/// to place them, and that pass clears a bitset of the automaton's size times the
/// match's length: most of a rule's search time when the rule reads only the whole
/// match. `Whole` skips it; its spans hold group 0 and (-1, -1) for every other group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Groups {
    All,
    Whole,
}

/// One compiled pattern, immutable and safe to share between threads.
pub struct Pattern {
    regex: Regex,
    line_finder: Option<Regex>,
    short_forms: Vec<ShortForm>,
    literal: Vec<u8>,
    pub shape: Shape,
    pub program_size: usize,
}

/// The configuration every rule automaton is built with.
pub fn config() -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(NFA_SIZE_LIMIT))
        .dfa_size_limit(Some(DFA_SIZE_LIMIT))
        .hybrid_cache_capacity(DFA_SIZE_LIMIT)
}

/// A built automaton, or the one-line reason it could not be built.
pub fn build(hirs: &[Hir], config: meta::Config) -> Result<Regex, SyntaxError> {
    meta::Builder::new()
        .configure(config)
        .build_many_from_hir(hirs)
        .map_err(|error| {
            if let Some(limit) = error.size_limit() {
                SyntaxError(format!(
                    "pattern too large: its automaton is over the {} MiB limit",
                    limit >> 20
                ))
            } else {
                SyntaxError(error.to_string().replace('\n', " "))
            }
        })
}

impl Pattern {
    /// Parse and compile a pattern in the rule dialect.
    pub fn new(source: &str) -> Result<Pattern, SyntaxError> {
        let hir = dialect::parse(source)?;
        let shape = shape_of(&hir);
        let regex = build(std::slice::from_ref(&hir), config())?;
        let program_size = thompson::Compiler::new()
            .configure(thompson::Config::new().nfa_size_limit(Some(NFA_SIZE_LIMIT)))
            .build_from_hir(&hir)
            .map(|nfa| nfa.states().len())
            .unwrap_or(usize::MAX);
        let line_finder = if shape.line_local && shape.counted >= LINE_SEARCH_COUNT {
            Some(build(std::slice::from_ref(&shape.relaxed), config())?)
        } else {
            None
        };
        let literal = if shape.literal.len() >= LITERAL_BYTES {
            shape.literal.clone()
        } else {
            Vec::new()
        };
        Ok(Pattern {
            short_forms: short_forms(&hir),
            regex,
            line_finder,
            literal,
            shape,
            program_size,
        })
    }

    /// The number of groups, the whole match (group 0) included.
    pub fn groups(&self) -> usize {
        self.regex
            .group_info()
            .group_len(regex_automata::PatternID::ZERO)
    }

    /// Each named group's name and index.
    pub fn names(&self) -> Vec<(String, usize)> {
        let info = self.regex.group_info();
        info.pattern_names(regex_automata::PatternID::ZERO)
            .enumerate()
            .filter_map(|(index, name)| name.map(|name| (name.to_string(), index)))
            .collect()
    }

    /// Up to `limit` matches in `data[pos..endpos]`, left to right, not overlapping.
    pub fn find(&self, data: &[u8], pos: usize, endpos: usize, limit: usize) -> Vec<Spans> {
        self.search(data, (pos, endpos), limit, Groups::All)
    }

    /// As `find`, with the whole match's span alone: the same matches, found faster.
    pub fn find_whole(&self, data: &[u8], pos: usize, endpos: usize, limit: usize) -> Vec<Spans> {
        self.search(data, (pos, endpos), limit, Groups::Whole)
    }

    /// Whether a match opens at `start`, within `data[start..end]`: an anchored search,
    /// which stops at the first match state and needs no reverse pass for the start.
    pub fn matches_at(&self, data: &[u8], start: usize, end: usize) -> bool {
        start <= end
            && end <= data.len()
            && self
                .automaton_for(end - start)
                .is_match(Input::new(data).span(start..end).anchored(Anchored::Yes))
    }

    /// Whether the pattern matches anywhere in `data`.
    pub fn is_match(&self, data: &[u8]) -> bool {
        !self.find_whole(data, 0, data.len(), 1).is_empty()
    }

    fn search(
        &self,
        data: &[u8],
        (pos, endpos): (usize, usize),
        limit: usize,
        groups: Groups,
    ) -> Vec<Spans> {
        let mut found = Vec::new();
        if limit == 0 || pos > endpos || endpos > data.len() {
            return found;
        }
        if !self.literal.is_empty() && memmem::find(&data[pos..endpos], &self.literal).is_none() {
            return found;
        }
        let mut captures = self.captures(groups);
        let span = (pos, endpos);
        match &self.line_finder {
            None => {
                // Every span searched is within this one: its searcher serves them all.
                let searcher = self.searcher(endpos - pos, groups);
                searcher.spans(data, span, limit, &mut captures, &mut found);
            }
            Some(finder) => {
                let lines = LineSearch { finder, groups };
                self.spans_by_line(lines, data, span, limit, &mut captures, &mut found)
            }
        }
        found
    }

    fn captures(&self, groups: Groups) -> Captures {
        match groups {
            Groups::All => self.regex.create_captures(),
            Groups::Whole => Captures::matches(self.regex.group_info().clone()),
        }
    }

    /// As `find` without the fast paths: the reference they are checked against.
    pub fn find_plain(&self, data: &[u8], pos: usize, endpos: usize, limit: usize) -> Vec<Spans> {
        let mut found = Vec::new();
        if limit > 0 && pos <= endpos && endpos <= data.len() {
            let mut captures = self.regex.create_captures();
            let plain = Searcher {
                regex: &self.regex,
                placer: None,
            };
            plain.spans(data, (pos, endpos), limit, &mut captures, &mut found);
        }
        found
    }

    fn spans_by_line(
        &self,
        LineSearch { finder, groups }: LineSearch<'_>,
        data: &[u8],
        (mut pos, endpos): (usize, usize),
        limit: usize,
        captures: &mut Captures,
        out: &mut Vec<Spans>,
    ) {
        while pos <= endpos && out.len() < limit {
            let Some(hit) = finder.search(&Input::new(data).span(pos..endpos)) else {
                return;
            };
            let hit = hit.start();
            let line_start = memchr::memrchr(b'\n', &data[..hit])
                .map_or(0, |at| at + 1)
                .max(pos);
            let line_end = memchr::memchr(b'\n', &data[hit..endpos]).map_or(endpos, |at| hit + at);
            let searcher = self.searcher(line_end - line_start, groups);
            if !self.shape.opens_line {
                searcher.spans(data, (line_start, line_end), limit, captures, out);
            } else if line_start == 0 || data[line_start - 1] == b'\n' {
                let input = Input::new(data)
                    .span(line_start..line_end)
                    .anchored(Anchored::Yes);
                searcher.first(&input, captures);
                if captures.is_match() {
                    out.push(spans_of(captures));
                }
            }
            pos = line_end + 1;
        }
    }
}

impl Pattern {
    /// How to search a span of `length` bytes: with the automaton for so short a span;
    /// a match's groups placed apart when that automaton is large (its groups then
    /// cost a pass of states times bytes) and a short form may serve the match.
    fn searcher(&self, length: usize, groups: Groups) -> Searcher<'_> {
        let place_apart = groups == Groups::All
            && self.program_size >= PLACE_APART_STATES
            && self
                .short_forms
                .first()
                .is_some_and(|form| form.longest < length);
        Searcher {
            regex: self.automaton_for(length),
            placer: place_apart.then_some(self),
        }
    }

    /// The automaton to search a span of `length` bytes with: the smallest short form
    /// that serves so short a span (built the first time it is needed), else the
    /// pattern's own.
    fn automaton_for(&self, length: usize) -> &Regex {
        self.short_forms
            .iter()
            .find(|form| length <= form.longest)
            .and_then(ShortForm::regex)
            .unwrap_or(&self.regex)
    }
}

/// The line-by-line search's finder (the relaxed pattern) and the spans it reports.
#[derive(Clone, Copy)]
struct LineSearch<'p> {
    finder: &'p Regex,
    groups: Groups,
}

/// An automaton to search with, and the pattern whose short forms place a match's
/// groups apart (None: the automaton places them in the same search).
#[derive(Clone, Copy)]
struct Searcher<'p> {
    regex: &'p Regex,
    placer: Option<&'p Pattern>,
}

impl Searcher<'_> {
    /// Up to `limit` matches of `regex` (the pattern's own automaton or one of its
    /// short forms) in the span, left to right.
    fn spans(
        &self,
        data: &[u8],
        (mut pos, endpos): (usize, usize),
        limit: usize,
        captures: &mut Captures,
        out: &mut Vec<Spans>,
    ) {
        while pos <= endpos && out.len() < limit {
            let input = Input::new(data).span(pos..endpos);
            self.first(&input, captures);
            let Some(whole) = captures.get_match() else {
                return;
            };
            out.push(spans_of(captures));
            pos = if whole.is_empty() {
                next_char(data, whole.end())
            } else {
                whole.end()
            };
        }
    }

    /// The first match in `input` with its groups.
    ///
    /// Placed apart, the match is found whole, then its groups placed by a search
    /// anchored on it with the automaton for a span that short: among the matches that
    /// open where it does, the one found is the first in the pattern's preference and
    /// ends where it does, so it is still the first there, with the same groups.
    fn first(&self, input: &Input<'_>, captures: &mut Captures) {
        let Some(pattern) = self.placer else {
            self.regex.search_captures(input, captures);
            return;
        };
        let Some(found) = self.regex.search(input) else {
            captures.set_pattern(None);
            return;
        };
        let on_match = input.clone().span(found.range()).anchored(Anchored::Yes);
        pattern
            .automaton_for(found.len())
            .search_captures(&on_match, captures);
        debug_assert_eq!(
            captures.get_match(),
            Some(found),
            "groups placed off the match"
        );
    }
}

/// The pattern for spans of at most `longest` bytes: its repetitions bounded by
/// `longest` or more left unbounded (`shape::unbounded_above`), so it finds the same
/// matches there, groups and all, with a far smaller automaton.
///
/// A pattern with counted repetitions of broad classes (`[^\n©]{10,250}?`,
/// `\p{Lu}(?:...){2,150}`) is thousands to tens of thousands of automaton states:
/// its lazy DFA fills its cache and gives up, so the search falls back to a
/// backtracking pass over the whole span, which first clears a bitset of states
/// times bytes, and placing a match's groups clears one again. Searched a line at a
/// time, most spans are short enough for a short form.
struct ShortForm {
    longest: usize,
    hir: Hir,
    regex: OnceLock<Option<Regex>>,
}

impl ShortForm {
    /// The automaton, built the first time a search needs it; None when it cannot be.
    fn regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| build(std::slice::from_ref(&self.hir), config()).ok())
            .as_ref()
    }
}

/// A pattern's short forms, shortest span first: one for each upper bound of
/// SHORT_FORM_BOUND or more, serving the spans no longer than it.
fn short_forms(hir: &Hir) -> Vec<ShortForm> {
    let mut bounds = upper_bounds(hir);
    bounds.retain(|&bound| bound >= SHORT_FORM_BOUND);
    bounds.sort_unstable();
    bounds.dedup();
    bounds
        .into_iter()
        .filter_map(|bound| {
            Some(ShortForm {
                longest: bound as usize,
                hir: unbounded_above(hir, bound)?,
                regex: OnceLock::new(),
            })
        })
        .collect()
}

fn spans_of(captures: &Captures) -> Spans {
    (0..captures.group_len())
        .map(|index| {
            captures
                .get_group(index)
                .map_or((-1, -1), |span| (span.start as isize, span.end as isize))
        })
        .collect()
}

/// The byte offset of the character after the one at `offset`.
fn next_char(data: &[u8], offset: usize) -> usize {
    let mut next = offset + 1;
    while next < data.len() && data[next] & 0xC0 == 0x80 {
        next += 1;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(source: &str, text: &str) -> Vec<(isize, isize)> {
        let pattern = Pattern::new(source).unwrap();
        pattern
            .find(text.as_bytes(), 0, text.len(), usize::MAX)
            .into_iter()
            .map(|spans| spans[0])
            .collect()
    }

    #[test]
    fn empty_matches_move_on_by_a_character() {
        assert_eq!(starts(r"x*", "éx"), vec![(0, 0), (2, 3), (3, 3)]);
    }

    #[test]
    fn span_ends_are_judged_by_the_surrounding_text() {
        let pattern = Pattern::new(r"ab\z").unwrap();
        assert!(pattern.find(b"abc", 0, 2, 1).is_empty());
        assert_eq!(pattern.find(b"abc ab", 0, 6, 1)[0][0], (4, 6));
    }

    #[test]
    fn line_search_finds_what_a_plain_search_finds() {
        let text = "x\nRead more: aaaa\nno\nRead more: b\n";
        let found = starts(r"^Read more:[^\n]{1,400}$", text);
        assert_eq!(found, vec![(2, 17), (21, 33)]);
        let found = starts(r"more:[^\n]{1,400}$", text);
        assert_eq!(found, vec![(7, 17), (26, 33)]);
    }

    #[test]
    fn short_spans_are_searched_with_a_short_form_and_the_same_result() {
        let source = r"^[ \t]*(?P<text>[^\n]{3,400}?[.!?])[ \t]+(?P<credit>[^\n]{2,40}?)$";
        let pattern = Pattern::new(source).unwrap();
        let bounds: Vec<usize> = pattern
            .short_forms
            .iter()
            .map(|form| form.longest)
            .collect();
        assert_eq!(bounds, vec![40, 400]);
        let text = "Intro\nA harbour at dawn. Jane Doe\n  A long caption, it goes on. Staff\n";
        let data = text.as_bytes();
        let found = pattern.find(data, 0, data.len(), usize::MAX);
        assert_eq!(found, pattern.find_plain(data, 0, data.len(), usize::MAX));
        assert_eq!(found.len(), 2);
        let line = (6, 33);
        let short = pattern.find(data, line.0, line.1, usize::MAX);
        assert!(line.1 - line.0 <= 40);
        assert_eq!(short, vec![vec![(6, 33), (6, 24), (25, 33)]]);
        assert_eq!(short, pattern.find_plain(data, line.0, line.1, usize::MAX));
    }

    #[test]
    fn groups_placed_apart_are_the_groups_a_plain_search_places() {
        let source = concat!(
            r"(?P<text>\p{Lu}[^\n©]{10,250}?[.!?])[ \t]+",
            r"(?P<credit>(?:[\pL. ]{2,40}[ \t]*/[ \t]*)?(?:Reuters|AP))",
        );
        let pattern = Pattern::new(source).unwrap();
        assert!(pattern.program_size >= PLACE_APART_STATES);
        let text = concat!(
            "Intro line\nThe harbour at dawn, seen from the hill. Jane Doe / Reuters\n",
            "Another one. AP and more text. Éric Dupont. Jean / AP\n",
            "A very long caption that goes on and on, well past the shortest bound. Reuters",
        );
        let data = text.as_bytes();
        let found = pattern.find(data, 0, data.len(), usize::MAX);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found, pattern.find_plain(data, 0, data.len(), usize::MAX));
        for start in [0, 11, 40, 75, 100] {
            let part = pattern.find(data, start, data.len(), usize::MAX);
            assert_eq!(
                part,
                pattern.find_plain(data, start, data.len(), usize::MAX)
            );
        }
    }

    #[test]
    fn a_match_at_a_position_opens_there_and_stays_in_the_span() {
        let pattern = Pattern::new(r"[ \t]*(?:[^\n]{20}|[^\n]*[.!?]$)").unwrap();
        let text = b"Short.\n  A line long enough to count\nx Done.";
        assert!(pattern.matches_at(text, 0, 6));
        assert!(pattern.matches_at(text, 7, 36));
        assert!(
            !pattern.matches_at(text, 7, 20),
            "the span ends before 20 characters"
        );
        assert!(pattern.matches_at(text, 37, text.len()));
        let anchored = Pattern::new(r"Done").unwrap();
        assert!(
            !anchored.matches_at(text, 37, text.len()),
            "a match later on is not at the start"
        );
        assert!(!anchored.matches_at(text, 5, 2), "a reversed span");
    }

    #[test]
    fn groups_and_names() {
        let pattern = Pattern::new(r"(?P<year>\d{4})-(\d\d)(x)?").unwrap();
        assert_eq!(pattern.groups(), 4);
        assert_eq!(pattern.names(), vec![("year".to_string(), 1)]);
        let found = pattern.find(b"on 2024-05", 0, 10, 1);
        assert_eq!(found[0], vec![(3, 10), (3, 7), (8, 10), (-1, -1)]);
    }
}
