//! The text phase: every text rule over a document's text, its removals recorded
//! against the input, its captures kept as metadata, the body settled to a fixed point.

pub mod code;
pub mod doc;
pub mod engine;
pub mod format;
pub mod kinds;
pub mod prefilter;
#[cfg(test)]
mod properties;
pub mod pystr;
pub mod regions;
pub mod rules;
pub mod ruleset;
pub mod scripts;
pub mod settle;

use crate::normalize::canonical;

use doc::Doc;
use engine::{run_pass, Deadline, Timeout};
use ruleset::TextRules;

/// Run the text rules over the document; with `settle`, also make its canonical body,
/// settled so that cleaning it again changes nothing.
pub fn clean(
    rules: &TextRules,
    doc: &mut Doc,
    deadline: &Deadline,
    settle: bool,
) -> Result<Option<String>, Timeout> {
    run_pass(rules, doc, deadline)?;
    if !settle {
        return Ok(None);
    }
    deadline.check()?;
    let body = settle::settle(rules, doc, deadline)?.unwrap_or_else(|| canonical(doc.text()));
    Ok(Some(body))
}
