//! Which rules can fire on a document, from a few pattern-set passes instead of one
//! search per rule.
//!
//! Rules are grouped by where their trigger is looked for: the whole text (line-local
//! triggers, and apart from them the leading one-line parts of multi-line ones), and
//! the head or tail region of so many lines. Each group is one set of relaxed
//! patterns, so an answer may name a rule that then finds nothing, but never leaves
//! out one that would fire. The whole-text answer is kept until an edit changes text
//! inside a line; a region's answer until an edit changes the region's text.

use crate::buffer::Moved;
use crate::dialect::SyntaxError;
use crate::sets::{line_start, PatternSet};

use super::doc::Doc;
use super::rules::{TextRule, Where};

/// Which set a trigger is in: the whole text's (0 for whole triggers that stay within
/// a line, 1 for the leading parts of multi-line ones, 2 for multi-line triggers of
/// head and tail rules looked for in the whole text first), or a region's, by its
/// line count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Text(u8),
    Head(usize),
    Tail(usize),
}

/// A trigger's place: which group (by index) and where in that group's set.
type Slot = (usize, usize);

/// The compiled sets for one rule list, and where each rule's trigger sits in them.
pub struct Prefilter {
    groups: Vec<(Group, PatternSet)>,
    /// Every whole-text group's patterns in one set, for a document's first answer:
    /// one pass over the text instead of one per group. Each pattern's (group, index).
    whole: Option<(PatternSet, Vec<Slot>)>,
    slots: Vec<Option<Slot>>,
    /// For head and tail rules, where the same trigger sits in the whole-text set:
    /// asked first, it spares a region pass on the many texts that hold it nowhere.
    prechecks: Vec<Option<Slot>>,
}

impl Prefilter {
    pub fn build(rules: &[TextRule]) -> Result<Prefilter, SyntaxError> {
        let mut sources: Vec<(Group, Vec<String>)> = Vec::new();
        let mut slots = Vec::with_capacity(rules.len());
        let mut prechecks = Vec::with_capacity(rules.len());
        for rule in rules {
            match prefilter_source(rule) {
                None => {
                    slots.push(None);
                    prechecks.push(None);
                }
                Some((group, source)) => {
                    let whole = matches!(group, Group::Head(_) | Group::Tail(_));
                    let line_local = rule
                        .kind
                        .trigger()
                        .is_some_and(|t| t.compiled.shape.line_local);
                    let whole_group = Group::Text(if line_local { 0 } else { 2 });
                    let precheck = whole.then(|| place(&mut sources, whole_group, &source));
                    slots.push(Some(place(&mut sources, group, &source)));
                    prechecks.push(precheck);
                }
            }
        }
        let whole = whole_set(&sources)?;
        let groups = sources
            .into_iter()
            .map(|(group, found)| Ok((group, PatternSet::new(&found)?)))
            .collect::<Result<Vec<_>, SyntaxError>>()?;
        Ok(Prefilter {
            groups,
            whole,
            slots,
            prechecks,
        })
    }

    /// A per-document view that answers `may_fire` and refreshes itself after edits.
    pub fn track(&self) -> Candidates<'_> {
        Candidates {
            prefilter: self,
            found: (0..self.groups.len()).map(|_| None).collect(),
        }
    }
}

/// The pattern the prefilter looks for and its group; None: the rule always runs.
///
/// The trigger itself, except for a multi-line trigger that may match anywhere:
/// then its leading part that stays within one line (every match opens with a match
/// of it). A part anchored to the text's ends (`\A`, `\z`) is not prefiltered on the
/// whole text.
fn prefilter_source(rule: &TextRule) -> Option<(Group, String)> {
    let trigger = rule.kind.trigger()?;
    match rule.place {
        Where::Head => Some((Group::Head(rule.lines), trigger.source.clone())),
        Where::Tail => Some((Group::Tail(rule.lines), trigger.source.clone())),
        Where::Anywhere => {
            let shape = &trigger.compiled.shape;
            let local = if shape.line_local {
                trigger.source.clone()
            } else {
                shape
                    .line_prefix
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            };
            if local.is_empty() || local.contains("\\A") || local.contains("\\z") {
                return None;
            }
            let part = u8::from(local != trigger.source);
            Some((Group::Text(part), local))
        }
    }
}

/// The whole-text groups' patterns as one set, with where each sits in its group.
fn whole_set(
    sources: &[(Group, Vec<String>)],
) -> Result<Option<(PatternSet, Vec<Slot>)>, SyntaxError> {
    let mut all = Vec::new();
    let mut slots = Vec::new();
    for (group, (kind, found)) in sources.iter().enumerate() {
        if matches!(kind, Group::Text(_)) {
            all.extend(found.iter().cloned());
            slots.extend((0..found.len()).map(|index| (group, index)));
        }
    }
    if all.is_empty() {
        return Ok(None);
    }
    Ok(Some((PatternSet::new(&all)?, slots)))
}

/// Add `source` to the group's patterns; return where it sits.
fn place(sources: &mut Vec<(Group, Vec<String>)>, group: Group, source: &str) -> Slot {
    let index = match sources.iter().position(|(g, _)| *g == group) {
        Some(index) => index,
        None => {
            sources.push((group, Vec::new()));
            sources.len() - 1
        }
    };
    let found = &mut sources[index].1;
    found.push(source.to_string());
    (index, found.len() - 1)
}

/// One group's answer: the text version it holds for, the region it was matched on
/// (head and tail groups), and which patterns may match.
struct Answer {
    version: u64,
    region: Option<String>,
    found: Vec<bool>,
    /// Whole-text groups: for each pattern found, the start of the first line it may
    /// match on, while the text is as it was then (the buffer's version `from_version`).
    from: Vec<usize>,
    from_version: u64,
}

/// Per-document answers of a Prefilter, recomputed only when an edit may change them.
pub struct Candidates<'a> {
    prefilter: &'a Prefilter,
    found: Vec<Option<Answer>>,
}

impl Candidates<'_> {
    /// Bring the whole-text answers up to date after an edit within lines, when they
    /// were current before it: only the lines the edit landed on can hold a match of
    /// a one-line pattern that the text before it held nowhere, so only they are
    /// matched again, and what they may match is added. (An answer may keep a pattern
    /// the edit took away: the rule then runs and finds nothing, as the prefilter
    /// allows.) Multi-line triggers are matched again on the whole text when asked.
    pub fn after_inline_edit(&mut self, doc: &Doc) {
        let version = doc.buffer.inline_version;
        let text = doc.text();
        let lines = landed_lines(text, doc.buffer.landed());
        for (group, answer) in self.found.iter_mut().enumerate() {
            let (kind, set) = &self.prefilter.groups[group];
            let Some(answer) = answer.as_mut() else {
                continue;
            };
            if !matches!(kind, Group::Text(0 | 1)) || answer.version + 1 != version {
                continue;
            }
            let starts_current = answer.from_version == doc.buffer.version;
            for &(start, end) in &lines {
                for index in set.matching(&text.as_bytes()[start..end]) {
                    if !answer.found[index] || start < answer.from[index] {
                        answer.from[index] = start;
                    }
                    answer.found[index] = true;
                }
            }
            answer.version = version;
            if !starts_current {
                answer.from_version = u64::MAX;
            }
        }
    }

    /// Carry the whole-text answers' line starts over the edit just made (one `apply`
    /// since they were current): a start after an edit moves with the text; one whose
    /// line break an edit took or joined goes back to the start of the line the edit
    /// landed on. Answers the edit found stale lose them (their rules look from the
    /// region's start). Lines the edit changed within are matched again by
    /// `after_inline_edit`, which lowers the starts their matches need.
    pub fn after_edit(&mut self, doc: &Doc) {
        let version = doc.buffer.version;
        let moved = doc.buffer.moved();
        let text = doc.text().as_bytes();
        for (group, answer) in self.found.iter_mut().enumerate() {
            let Some(answer) = answer.as_mut() else {
                continue;
            };
            if !matches!(self.prefilter.groups[group].0, Group::Text(0 | 1))
                || answer.from_version.checked_add(1) != Some(version)
            {
                continue;
            }
            for (from, _) in answer
                .from
                .iter_mut()
                .zip(&answer.found)
                .filter(|(_, &f)| f)
            {
                *from = moved_line_start(*from, moved, text);
            }
            answer.from_version = version;
        }
    }

    /// Whether the rule at `position` can fire on the text as it is now.
    pub fn may_fire(&mut self, position: usize, doc: &mut Doc) -> bool {
        let prefilter = self.prefilter;
        if let Some(slot) = prefilter.prechecks[position] {
            if !self.found_in(slot, doc) {
                return false;
            }
        }
        match prefilter.slots[position] {
            None => true,
            Some(slot) => self.found_in(slot, doc),
        }
    }

    /// Where the rule at `position` (one that may fire) can start looking for its
    /// trigger: the start of the first line its whole-text answer found it may match
    /// on, while the text is as it was when answered; 0 otherwise. A trigger that
    /// stays within a line (or its leading part that does) matches on no line before:
    /// each of its matches is one of the relaxed pattern's, which ends no earlier.
    pub fn search_from(&self, position: usize, doc: &Doc) -> usize {
        let Some((group, index)) = self.prefilter.slots[position] else {
            return 0;
        };
        if !matches!(self.prefilter.groups[group].0, Group::Text(0 | 1)) {
            return 0;
        }
        match &self.found[group] {
            Some(answer) if answer.from_version == doc.buffer.version && answer.found[index] => {
                answer.from[index]
            }
            _ => 0,
        }
    }

    fn found_in(&mut self, (group, index): Slot, doc: &mut Doc) -> bool {
        let (kind, set) = &self.prefilter.groups[group];
        if matches!(kind, Group::Text(_)) && self.found[group].is_none() {
            self.first_whole_pass(doc);
        }
        let version = match kind {
            Group::Text(_) => doc.buffer.inline_version,
            _ => doc.buffer.version,
        };
        let current = self.found[group]
            .as_ref()
            .is_some_and(|answer| answer.version == version);
        if !current {
            let previous = self.found[group].take();
            self.found[group] = Some(refresh(*kind, set, version, previous, doc));
        }
        self.found[group]
            .as_ref()
            .is_some_and(|answer| answer.found[index])
    }
}

impl Candidates<'_> {
    /// Every whole-text group's first answer, from one pass of the combined set.
    fn first_whole_pass(&mut self, doc: &Doc) {
        let Some((set, slots)) = &self.prefilter.whole else {
            return;
        };
        let version = doc.buffer.inline_version;
        for (group, (kind, group_set)) in self.prefilter.groups.iter().enumerate() {
            if matches!(kind, Group::Text(_)) {
                self.found[group] = Some(Answer {
                    version,
                    region: None,
                    found: vec![false; group_set.len()],
                    from: vec![0; group_set.len()],
                    from_version: doc.buffer.version,
                });
            }
        }
        for (index, from) in set.matching_from(doc.text().as_bytes()) {
            let (group, at) = slots[index];
            if let Some(answer) = self.found[group].as_mut() {
                answer.found[at] = true;
                answer.from[at] = from;
            }
        }
    }
}

/// Match the group's set again, unless its region reads as it did last time.
fn refresh(
    kind: Group,
    set: &PatternSet,
    version: u64,
    previous: Option<Answer>,
    doc: &mut Doc,
) -> Answer {
    let span = match kind {
        Group::Text(_) => None,
        Group::Head(lines) => Some((0, doc.head_end(lines))),
        Group::Tail(lines) => Some((doc.tail_start(lines), doc.text().len())),
    };
    let text = doc.text();
    let region = span.map(|(start, end)| &text[start..end]);
    if let (Some(previous), Some(region)) = (previous, region) {
        if previous.region.as_deref() == Some(region) {
            // An edit elsewhere left the region as it was: so is the answer.
            return Answer {
                version,
                ..previous
            };
        }
    }
    let mut found = vec![false; set.len()];
    let mut from = vec![0; set.len()];
    for (index, line) in set.matching_from(region.unwrap_or(text).as_bytes()) {
        found[index] = true;
        // A region's lines are placed within the region, not the text: not kept.
        if region.is_none() {
            from[index] = line;
        }
    }
    Answer {
        version,
        region: region.map(str::to_string),
        found,
        from,
        from_version: doc.buffer.version,
    }
}

/// Where the line that opened at `start` before the `moved` edits opens after them
/// (`text` is the text after): moved with the text before it, or, when an edit took
/// or changed the line break before it (or the line start itself), the start of the
/// line that edit landed on.
fn moved_line_start(start: usize, moved: &[Moved], text: &[u8]) -> usize {
    if start == 0 {
        return 0;
    }
    let mut shifted = start;
    for edit in moved {
        let (before_start, before_end) = edit.before;
        if before_end < start {
            shifted = shifted + (edit.after.1 - edit.after.0) - (before_end - before_start);
        } else if before_start < start {
            return line_start(text, edit.after.0);
        } else {
            break;
        }
    }
    shifted
}

/// The whole lines (byte spans, without their final newline) that the landed edits
/// touch, in order, each once.
fn landed_lines(text: &str, landed: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut lines: Vec<(usize, usize)> = Vec::with_capacity(landed.len());
    for &(start, end) in landed {
        let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
        match lines.last_mut() {
            Some(last) if line_start <= last.1 => last.1 = last.1.max(line_end),
            _ => lines.push((line_start, line_end)),
        }
    }
    lines
}
