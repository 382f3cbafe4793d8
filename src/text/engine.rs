//! One pass of the text rules over a document: name the site, then run every rule
//! that applies and that the prefilter says can fire, in order, checking the
//! deadline before each.

use std::time::{Duration, Instant};

use super::code::code_spans;
use super::doc::Doc;
use super::kinds::Run;
use super::ruleset::TextRules;

/// The document's time ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeout;

/// When the current document must be finished; checked between steps and rules.
#[derive(Debug, Clone, Copy)]
pub enum Deadline {
    Unlimited,
    At(Instant),
    Passed,
}

impl Deadline {
    /// A deadline `seconds` from now; None: no limit.
    pub fn after(seconds: Option<f64>) -> Deadline {
        match seconds {
            None => Deadline::Unlimited,
            Some(seconds) if seconds.is_nan() || seconds <= 0.0 => Deadline::Passed,
            Some(seconds) => Duration::try_from_secs_f64(seconds)
                .ok()
                .and_then(|left| Instant::now().checked_add(left))
                .map_or(Deadline::Unlimited, Deadline::At),
        }
    }

    pub fn check(&self) -> Result<(), Timeout> {
        match self {
            Deadline::Unlimited => Ok(()),
            Deadline::Passed => Err(Timeout),
            Deadline::At(expires) if Instant::now() > *expires => Err(Timeout),
            Deadline::At(_) => Ok(()),
        }
    }
}

/// Name the site, then run the text rules: one pass, as the text phase, each settle
/// pass and lint's analysis make it.
pub fn run_pass(rules: &TextRules, doc: &mut Doc, deadline: &Deadline) -> Result<(), Timeout> {
    identify_site(rules, doc);
    deadline.check()?;
    run_rules(rules, doc, deadline)
}

/// Name the site from a fingerprint in the text when no url has named it.
fn identify_site(rules: &TextRules, doc: &mut Doc) {
    if doc.fields.contains("site") {
        return;
    }
    let data = doc.text().as_bytes();
    let found = rules
        .fingerprints
        .iter()
        .find(|(pattern, _)| pattern.compiled.is_match(data));
    if let Some((_, site)) = found {
        doc.set_field("site", Some(site), "fingerprint");
    }
}

fn run_rules(rules: &TextRules, doc: &mut Doc, deadline: &Deadline) -> Result<(), Timeout> {
    let mut candidates = rules.prefilter.track();
    for &(position, conditional) in rules.plan(doc.format) {
        let rule = &rules.rules[position];
        // Conditions first: cheap, and they spare a set pass for rules that would not
        // run anyway.
        if conditional && !rule.conditions.hold(doc) {
            continue;
        }
        if doc.prefilter && !candidates.may_fire(position, doc) {
            continue;
        }
        deadline.check()?;
        let (version, inline_version) = (doc.buffer.version, doc.buffer.inline_version);
        let from = if doc.prefilter {
            candidates.search_from(position, doc)
        } else {
            0
        };
        apply(rules, position, doc, from);
        if doc.buffer.version != version {
            candidates.after_edit(doc);
        }
        if doc.buffer.inline_version != inline_version {
            candidates.after_inline_edit(doc);
        }
    }
    Ok(())
}

/// Run one rule on the document as it is, without the prefilter, when its conditions
/// hold: how a rule's examples run. Returns how many times it fired.
pub fn run_one(rules: &TextRules, position: usize, doc: &mut Doc) -> usize {
    if rules.rules[position].conditions.hold(doc) {
        apply(rules, position, doc, 0)
    } else {
        0
    }
}

/// Run the rule at `position`, its trigger looked for from byte `from` on (the start
/// of a line before which the prefilter knows it cannot match) within its region.
fn apply(rules: &TextRules, position: usize, doc: &mut Doc, from: usize) -> usize {
    let rule = &rules.rules[position];
    let (start, end) = rule.region(doc);
    let region = (start.max(from).min(end), end);
    let code = rule.skip_code.then(|| code_spans(doc.text()));
    let run = Run {
        index: position,
        id: &rule.id,
        region,
        code: code.as_deref(),
    };
    rule.kind.apply(&run, doc)
}
