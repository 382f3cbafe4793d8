//! Settling: clean the body again until a clean of it changes nothing, so cleaning
//! is idempotent.
//!
//! One pass of the rules is not: the canonical body joins hard-wrapped lines and
//! splits paragraphs only after the rules ran, Markdown marks go after the head rules
//! looked at the first line, and a second clean knows no field the first one's rules
//! found but the title. So the body is cleaned again, in a fresh document that knows
//! only what the input stated (its fields with their provenance, and an HTML page's
//! type; before each further pass, also a field the last pass stated, such as a site
//! named by a url it captured) and the title, its format detected from the body.
//! Mostly that changes nothing, and the body is returned as it is. When it does, the buffer is put in
//! the body's layout (whitespace edits only, so every removal still points into the
//! input) and the rules run on it the same way, up to MAX_SETTLE_PASSES times.

use crate::buffer::{changes_in_view, Edit, TextBuffer};
use crate::normalize::{canonical, canonical_edits, nfc};

use super::doc::{is_rule_provenance, Doc, Format};
use super::engine::{run_pass, Deadline, Timeout};
use super::format::{detect_format, detect_format_in_view};
use super::pystr::char_count;
use super::ruleset::TextRules;

/// How many times the rules may clean the body again before it is taken as it is.
const MAX_SETTLE_PASSES: usize = 8;
/// Longer texts (in characters) are cleaned once: a settle pass costs a first pass again.
const MAX_SETTLE_CHARS: usize = 1_000_000;

/// The settled canonical body; None when it could not be settled: a body that reads as
/// an HTML page, a text over MAX_SETTLE_CHARS, or one where every pass still edits.
pub fn settle(
    rules: &TextRules,
    doc: &mut Doc,
    deadline: &Deadline,
) -> Result<Option<String>, Timeout> {
    let text = doc.text();
    if text.len() > MAX_SETTLE_CHARS && char_count(text) > MAX_SETTLE_CHARS {
        return Ok(None);
    }
    let body = canonical(text);
    // The canonical body holds no character the plain view changes (its whitespace is
    // single spaces and line breaks): it is its own view.
    debug_assert!(!changes_in_view(&body));
    let view = body.clone();
    let format = detect_format_in_view(&body, &view);
    if format == Format::Html {
        return Ok(None);
    }
    if doc.buffer.version == 0 && body == text && format == doc.format {
        // The pass edited nothing and the text is its own body: a fresh clean of it
        // would start from the same text, format and stated fields, and so run as
        // the pass did, editing nothing.
        return Ok(Some(body));
    }
    let known = known_before_the_rules(doc);
    let again = clean_again(
        rules,
        TextBuffer::of_view(view),
        format,
        doc.page_type.as_deref(),
        doc.prefilter,
        deadline,
        &known,
    )?;
    if again.buffer.version == 0 {
        adopt(doc, again);
        return Ok(Some(body));
    }
    for _ in 0..MAX_SETTLE_PASSES {
        let layout = canonical_edits(doc.text())
            .into_iter()
            .map(|(start, end, replacement)| Edit {
                start,
                end,
                replacement,
            })
            .collect();
        // The removals of these edits are whitespace only: not worth a record.
        doc.buffer.apply(layout);
        let format = detect_format(doc.text());
        if format == Format::Html {
            return Ok(None);
        }
        let version = doc.buffer.version;
        let buffer = std::mem::replace(&mut doc.buffer, TextBuffer::new(""));
        // A field the last pass stated (a site from a url it captured) is known now too.
        let known = known_before_the_rules(doc);
        let page_type = doc.page_type.clone();
        let mut again = clean_again(
            rules,
            buffer,
            format,
            page_type.as_deref(),
            doc.prefilter,
            deadline,
            &known,
        )?;
        doc.buffer = std::mem::replace(&mut again.buffer, TextBuffer::new(""));
        adopt(doc, again);
        if doc.buffer.version == version {
            return Ok(Some(nfc(doc.text())));
        }
    }
    Ok(None)
}

/// The fields a second clean of the body knows, with their provenance: those the input
/// stated, and the title however it was found (see `FOUND_TITLE_SOURCE`).
pub(super) fn known_before_the_rules(doc: &Doc) -> Vec<(String, String, String)> {
    doc.fields
        .0
        .iter()
        .filter_map(|(name, value)| {
            let source = doc.provenance.get(name).unwrap_or("");
            if !is_rule_provenance(source) {
                Some((name.clone(), value.clone(), source.to_string()))
            } else if name == "title" {
                Some((name.clone(), value.clone(), FOUND_TITLE_SOURCE.to_string()))
            } else {
                None
            }
        })
        .collect()
}

/// How a settle pass knows a title the rules found in the body: as a caller's `known=`
/// title is known. A document has one headline; a second clean of its body that did not
/// know it would take the body's next short line for it (a subheading, "Key Takeaways",
/// the first line of the story) and drop that line from the text. Knowing it as the
/// caller's, not as a rule's, the settle pass runs the rules as `clean(doc.text,
/// known=doc.known_fields())` does, which is what idempotence promises.
const FOUND_TITLE_SOURCE: &str = "argument";

/// Run the text rules on `buffer` as a fresh clean of its text would, knowing only the
/// `known` fields (see `known_before_the_rules`), in the format detected from its text
/// (never HTML: a body that reads as a page is not settled, since no text pass can
/// stand for a clean of it).
fn clean_again(
    rules: &TextRules,
    buffer: TextBuffer,
    format: Format,
    page_type: Option<&str>,
    prefilter: bool,
    deadline: &Deadline,
    known: &[(String, String, String)],
) -> Result<Doc, Timeout> {
    deadline.check()?;
    let mut again = Doc::new(buffer, format);
    again.page_type = page_type.map(str::to_string);
    again.prefilter = prefilter;
    for (name, value, source) in known {
        again.fields.set(name, value.clone());
        again.provenance.set(name, source.clone());
    }
    run_pass(rules, &mut again, deadline)?;
    Ok(again)
}

/// Add what a settle pass (on the same buffer) removed and found to `doc`.
fn adopt(doc: &mut Doc, again: Doc) {
    doc.removed.extend(again.removed);
    doc.captions.extend(again.captions);
    for (name, value) in &again.fields.0 {
        let source = again.provenance.get(name).unwrap_or("");
        doc.set_field(name, Some(value), source);
    }
}
