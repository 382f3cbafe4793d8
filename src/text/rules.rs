//! A text rule as the core runs it: its scope, the region it looks at, and its kind.
//!
//! Python validates the YAML and hands each rule over once as plain data with its
//! patterns already compiled (`RuleSpec`); the kinds are a closed set, one module
//! each under `kinds/`.

use crate::urls::site_matches;

use super::doc::{is_rule_provenance, Doc, Format};
use super::kinds::Kind;

/// Where in the text a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    Anywhere,
    Head,
    Tail,
}

impl Where {
    pub fn parse(name: &str) -> Option<Where> {
        match name {
            "anywhere" => Some(Where::Anywhere),
            "head" => Some(Where::Head),
            "tail" => Some(Where::Tail),
            _ => None,
        }
    }
}

/// What a document must be for a rule to run on it.
#[derive(Debug, Clone, Default)]
pub struct Conditions {
    pub formats: Vec<Format>,
    pub sites: Vec<String>,
    pub if_set: Vec<String>,
    pub if_unset: Vec<String>,
    pub if_found: Vec<String>,
    pub if_page_type: Vec<String>,
    pub unless_page_type: Vec<String>,
}

impl Conditions {
    /// Whether the conditions depend on the document's fields or page type.
    pub fn on_the_document(&self) -> bool {
        !(self.sites.is_empty()
            && self.if_set.is_empty()
            && self.if_unset.is_empty()
            && self.if_found.is_empty()
            && self.if_page_type.is_empty()
            && self.unless_page_type.is_empty())
    }

    /// Whether the document, as it is now, is one the rule runs on.
    pub fn hold(&self, doc: &Doc) -> bool {
        if !self.formats.is_empty() && !self.formats.contains(&doc.format) {
            return false;
        }
        if !self.sites.is_empty() && !site_matches(doc.fields.get("site"), &self.sites) {
            return false;
        }
        if !self.fits_page_type(doc.page_type.as_deref()) {
            return false;
        }
        let fields = &doc.fields;
        self.if_set.iter().all(|name| fields.contains(name))
            && self
                .if_found
                .iter()
                .all(|name| doc.provenance.get(name).is_some_and(is_rule_provenance))
            && !self.if_unset.iter().any(|name| fields.contains(name))
    }

    fn fits_page_type(&self, page_type: Option<&str>) -> bool {
        if !self.if_page_type.is_empty()
            && !page_type.is_some_and(|kind| self.if_page_type.iter().any(|t| t == kind))
        {
            return false;
        }
        match page_type {
            None => true,
            Some(kind) => !self.unless_page_type.iter().any(|t| t == kind),
        }
    }
}

/// One text rule, ready to run.
pub struct TextRule {
    pub id: String,
    pub place: Where,
    pub lines: usize,
    /// Whether matches that cut into Markdown code are left alone (see `code::cuts_code`).
    pub skip_code: bool,
    pub conditions: Conditions,
    pub kind: Kind,
}

impl TextRule {
    /// The part of the current text the rule looks at, as (start, end) byte offsets.
    pub fn region(&self, doc: &mut Doc) -> (usize, usize) {
        match self.place {
            Where::Head => (0, doc.head_end(self.lines)),
            Where::Tail => (doc.tail_start(self.lines), doc.text().len()),
            Where::Anywhere => (0, doc.text().len()),
        }
    }
}
