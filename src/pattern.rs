//! One compiled rule pattern and its searches.
//!
//! Searches run on UTF-8 bytes within a span `[pos, endpos)` of the whole text;
//! `^`, `$` and `\b` at the span's ends are judged by the surrounding text, so a
//! match found within a line is the very match a search of the whole text finds
//! there. After an empty match the search moves on by a whole character.
//!
//! Two fast paths change no result. A pattern with plain text every match holds
//! is searched only when that text occurs in the span. A pattern whose matches
//! stay on one line and that has large counted repetitions (`[^\n]{10,400}?`,
//! many automaton states) is searched only on the lines where its relaxed form
//! (counts widened) matches; when every match opens a line, that search is
//! anchored at the line's start.

use memchr::memmem;
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::Hir;

use crate::dialect::{self, SyntaxError};
use crate::shape::{shape_of, Shape};

/// The largest automaton (heap bytes of its NFA) one pattern may compile to.
pub const NFA_SIZE_LIMIT: usize = 8 << 20;
/// The largest lazy-DFA cache, and fully compiled DFA, one pattern may use.
pub const DFA_SIZE_LIMIT: usize = 8 << 20;
/// The shortest required text worth a scan of its own before the automaton runs.
const LITERAL_BYTES: usize = 4;
/// Counted repetitions up to this size are cheap; a line-local pattern with a larger
/// one is searched line by line.
const LINE_SEARCH_COUNT: u32 = 20;

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
        match &self.line_finder {
            None => self.spans(data, (pos, endpos), limit, &mut captures, &mut found),
            Some(finder) => {
                let span = (pos, endpos);
                self.spans_by_line(finder, data, span, limit, &mut captures, &mut found)
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
            self.spans(data, (pos, endpos), limit, &mut captures, &mut found);
        }
        found
    }

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
            self.regex.search_captures(&input, captures);
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

    fn spans_by_line(
        &self,
        finder: &Regex,
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
            if !self.shape.opens_line {
                self.spans(data, (line_start, line_end), limit, captures, out);
            } else if line_start == 0 || data[line_start - 1] == b'\n' {
                let input = Input::new(data)
                    .span(line_start..line_end)
                    .anchored(Anchored::Yes);
                self.regex.search_captures(&input, captures);
                if captures.is_match() {
                    out.push(spans_of(captures));
                }
            }
            pos = line_end + 1;
        }
    }
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
    fn groups_and_names() {
        let pattern = Pattern::new(r"(?P<year>\d{4})-(\d\d)(x)?").unwrap();
        assert_eq!(pattern.groups(), 4);
        assert_eq!(pattern.names(), vec![("year".to_string(), 1)]);
        let found = pattern.find(b"on 2024-05", 0, 10, 1);
        assert_eq!(found[0], vec![(3, 10), (3, 7), (8, 10), (-1, -1)]);
    }
}
