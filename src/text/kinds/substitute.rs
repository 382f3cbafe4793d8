//! substitute: replace each match of `pattern` with a template of literal text and
//! group references.
//!
//! When the template only names groups, in order, the edit keeps those groups in
//! place and records just the characters around them as removed; otherwise the
//! whole match is recorded as removed and the expanded template inserted.

use crate::buffer::Edit;
use crate::pattern::Spans;
use crate::text::doc::Doc;
use crate::text::kinds::Pat;

use super::{group, whole, Run};

/// A piece of a replacement template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Group(usize),
}

/// A parsed replacement template (`\1`, `\g<name>` already resolved to group indices).
#[derive(Debug, Clone, Default)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

impl Template {
    fn only_groups(&self) -> bool {
        self.pieces
            .iter()
            .all(|piece| matches!(piece, Piece::Group(_)))
    }

    /// The replacement text for one match.
    fn expand(&self, text: &str, spans: &Spans) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(literal) => out.push_str(literal),
                Piece::Group(index) => {
                    if let Some((start, end)) = group(spans, *index) {
                        out.push_str(&text[start..end]);
                    }
                }
            }
        }
        out
    }

    /// Spans kept in place, when the template is only group references in order.
    fn kept_spans(&self, spans: &Spans) -> Option<Vec<(usize, usize)>> {
        if !self.only_groups() {
            return None;
        }
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for piece in &self.pieces {
            let Piece::Group(index) = piece else {
                continue;
            };
            let Some(span) = group(spans, *index) else {
                continue;
            };
            if kept.last().is_some_and(|last| span.0 < last.1) {
                return None;
            }
            kept.push(span);
        }
        Some(kept)
    }
}

pub struct Substitute {
    pub pattern: Pat,
    pub template: Template,
}

impl Substitute {
    pub fn apply(&self, run: &Run<'_>, doc: &mut Doc) -> usize {
        let text = doc.text();
        let mut edits = Vec::new();
        let mut count = 0;
        for spans in run.matches(&self.pattern, text) {
            let (start, end) = whole(&spans);
            if start == end {
                continue;
            }
            // A match that keeps all of itself (an escaped mark matched as itself,
            // so that it cannot open a match) changes nothing and is not counted.
            let before = edits.len();
            self.edits_for(text, &spans, &mut edits);
            count += usize::from(edits.len() > before);
        }
        doc.edit(edits, run.index);
        count
    }

    fn edits_for(&self, text: &str, spans: &Spans, edits: &mut Vec<Edit>) {
        let (start, end) = whole(spans);
        let Some(kept) = self.template.kept_spans(spans) else {
            edits.push(Edit {
                start,
                end,
                replacement: self.template.expand(text, spans),
            });
            return;
        };
        let mut cursor = start;
        for (lo, hi) in kept {
            if lo > cursor {
                edits.push(Edit::delete(cursor, lo));
            }
            cursor = hi;
        }
        if end > cursor {
            edits.push(Edit::delete(cursor, end));
        }
    }
}
