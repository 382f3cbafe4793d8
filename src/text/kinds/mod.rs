//! The closed set of text rule kinds: each module matches and edits, nothing else.

mod caption;
mod capture;
mod drop_block;
mod drop_lines;
mod dump_lines;
mod main_run;
mod substitute;
mod title_repeat;

pub use caption::Caption;
pub use capture::{Capture, Drop};
pub use drop_block::DropBlock;
pub use drop_lines::DropLines;
pub use dump_lines::{
    context_rows as dump_context_rows, feature_rows as dump_line_rows, Line as DumpLine,
    CHROME_WORDS, COLUMNS as DUMP_LINE_COLUMNS, CONTEXT_COLUMNS as DUMP_CONTEXT_COLUMNS,
};
pub use main_run::{read_dump_lines, KeepMainRun};
pub use substitute::{Piece, Substitute, Template};
pub use title_repeat::TitleRepeat;

use std::sync::Arc;

use crate::pattern::{Pattern, Spans};

use super::code::{cuts_code, touches_code};
use super::doc::Doc;

/// A compiled pattern with the source it was written as (the prefilter's sets are
/// built from sources).
#[derive(Clone)]
pub struct Pat {
    pub source: String,
    pub compiled: Arc<Pattern>,
}

/// A rule's kind and the fields that kind adds.
pub enum Kind {
    DropLines(DropLines),
    DropBlock(DropBlock),
    Substitute(Substitute),
    Capture(Capture),
    Caption(Caption),
    TitleRepeat(TitleRepeat),
    KeepMainRun(KeepMainRun),
}

/// Who is running and where: the rule's position in the set (what its removals
/// record), its id (what its captures name as their source), and its region.
pub struct Run<'a> {
    pub index: usize,
    pub id: &'a str,
    pub region: (usize, usize),
    /// The text's Markdown code, for a rule that leaves it alone (`skip_code`); None
    /// for every other rule.
    pub code: Option<&'a [(usize, usize)]>,
}

impl Run<'_> {
    /// Every match of `pattern` within the rule's region, less those that cut into code
    /// when the rule skips code.
    pub fn matches(&self, pattern: &Pat, text: &str) -> Vec<Spans> {
        self.outside_code(matches_in(pattern, text, self.region), text)
    }

    /// As `matches`, each with the whole match's span alone (for rules that read no group).
    pub fn whole_matches(&self, pattern: &Pat, text: &str) -> Vec<Spans> {
        let (start, end) = self.region;
        let found = pattern
            .compiled
            .find_whole(text.as_bytes(), start, end, usize::MAX >> 1);
        self.outside_code(found, text)
    }

    /// `found` less the matches that cut into code (see `cuts_code`): a match may hold
    /// whole inline code spans, as a link around `code` does, but never cut one or a
    /// code block.
    fn outside_code(&self, mut found: Vec<Spans>, text: &str) -> Vec<Spans> {
        if let Some(code) = self.code.filter(|code| !code.is_empty()) {
            found.retain(|spans| {
                let (start, end) = whole(spans);
                !cuts_code(text, code, start, end)
            });
        }
        found
    }

    /// Whether `text[start..end]` touches code the rule leaves alone.
    pub fn in_code(&self, start: usize, end: usize) -> bool {
        self.code.is_some_and(|code| touches_code(code, start, end))
    }
}

impl Kind {
    /// The pattern that must occur in the text for the rule to fire; None: always run.
    pub fn trigger(&self) -> Option<&Pat> {
        match self {
            Kind::DropLines(kind) => Some(&kind.pattern),
            Kind::DropBlock(kind) => Some(&kind.start),
            Kind::Substitute(kind) => Some(&kind.pattern),
            Kind::Capture(kind) => Some(&kind.pattern),
            Kind::Caption(kind) => Some(&kind.pattern),
            Kind::TitleRepeat(_) | Kind::KeepMainRun(_) => None,
        }
    }

    /// Run on the document; return how many times the rule fired.
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        match self {
            Kind::DropLines(kind) => kind.apply(run, doc),
            Kind::DropBlock(kind) => kind.apply(run, doc),
            Kind::Substitute(kind) => kind.apply(run, doc),
            Kind::Capture(kind) => kind.apply(run, doc),
            Kind::Caption(kind) => kind.apply(run, doc),
            Kind::TitleRepeat(kind) => kind.apply(run, doc),
            Kind::KeepMainRun(kind) => kind.apply(run, doc),
        }
    }
}

/// Every match of `pattern` within `text[start..end]`.
pub(crate) fn matches_in(pattern: &Pat, text: &str, (start, end): (usize, usize)) -> Vec<Spans> {
    pattern
        .compiled
        .find(text.as_bytes(), start, end, usize::MAX >> 1)
}

/// The first match of `pattern` within `text[start..end]`, its whole span alone.
pub(crate) fn first_in(pattern: &Pat, text: &str, start: usize, end: usize) -> Option<Spans> {
    pattern
        .compiled
        .find_whole(text.as_bytes(), start, end, 1)
        .into_iter()
        .next()
}

/// A group's span, None when it did not take part.
pub(crate) fn group(spans: &Spans, index: usize) -> Option<(usize, usize)> {
    spans
        .get(index)
        .filter(|(start, _)| *start >= 0)
        .map(|&(start, end)| (start as usize, end as usize))
}

/// The whole match's span.
pub(crate) fn whole(spans: &Spans) -> (usize, usize) {
    group(spans, 0).unwrap_or((0, 0))
}
