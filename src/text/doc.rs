//! One document's state while the text rules run on it: the buffer being edited,
//! the metadata found so far with where each value came from, the captions lifted
//! and the removals made. Made per call, never shared, so one rule set serves
//! many threads at once.

use crate::buffer::{Edit, TextBuffer};
use crate::{dates, urls};

use super::pystr::collapse_spaces;
use super::regions::{head_end, tail_start};

/// The formats a text can be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            _ => None,
        }
    }
}

/// A caption lifted out of the body: its text and its credit, either may be absent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    pub text: Option<String>,
    pub credit: Option<String>,
}

/// What a rule removed: the rule's position in the rule set and a span of the input's
/// plain view, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removal {
    pub rule: usize,
    pub start: usize,
    pub end: usize,
}

/// An ordered name → value map that keeps Python's dict order: a new name goes last,
/// a value set again keeps its place, a name deleted and set again goes last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|(key, _)| key == name)
    }

    pub fn set(&mut self, name: &str, value: String) {
        match self.0.iter_mut().find(|(key, _)| key == name) {
            Some(entry) => entry.1 = value,
            None => self.0.push((name.to_string(), value)),
        }
    }

    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(key, _)| key != name);
    }
}

/// Whether a provenance names a text rule (`rule:first-line-title`): a value the rules
/// found in the body rather than one the input stated.
pub fn is_rule_provenance(source: &str) -> bool {
    source.starts_with("rule:")
}

/// The buffer plus the metadata and records gathered so far.
pub struct Doc {
    pub buffer: TextBuffer,
    pub format: Format,
    pub page_type: Option<String>,
    pub fields: Fields,
    pub provenance: Fields,
    pub captions: Vec<Caption>,
    pub removed: Vec<Removal>,
    /// Whether rules the prefilter rules out are skipped: always, but in checks that
    /// running every applicable rule gives the same result.
    pub prefilter: bool,
    /// Region bounds of the current text: (lines, head or tail) → offset.
    bounds: Vec<(isize, usize)>,
    bounds_version: u64,
}

impl Doc {
    pub fn new(buffer: TextBuffer, format: Format) -> Doc {
        Doc {
            buffer,
            format,
            page_type: None,
            fields: Fields::default(),
            provenance: Fields::default(),
            captions: Vec::new(),
            removed: Vec::new(),
            prefilter: true,
            bounds: Vec::new(),
            bounds_version: 0,
        }
    }

    pub fn text(&self) -> &str {
        self.buffer.text()
    }

    /// Apply edits to the buffer and keep the record of what they removed.
    pub fn edit(&mut self, edits: Vec<Edit>, rule: usize) {
        if edits.is_empty() {
            return;
        }
        let spans = self.buffer.apply(edits);
        self.removed.extend(
            spans
                .into_iter()
                .map(|(start, end)| Removal { rule, start, end }),
        );
    }

    /// `regions::head_end` of the current text, worked out once per text version.
    pub fn head_end(&mut self, lines: usize) -> usize {
        self.bound(lines as isize, |text| head_end(text, lines))
    }

    /// `regions::tail_start` of the current text, worked out once per text version.
    pub fn tail_start(&mut self, lines: usize) -> usize {
        self.bound(-(lines as isize), |text| tail_start(text, lines))
    }

    fn bound(&mut self, key: isize, work: impl FnOnce(&str) -> usize) -> usize {
        if self.bounds_version != self.buffer.version {
            self.bounds.clear();
            self.bounds_version = self.buffer.version;
        }
        if let Some(&(_, found)) = self.bounds.iter().find(|(k, _)| *k == key) {
            return found;
        }
        let found = work(self.buffer.text());
        self.bounds.push((key, found));
        found
    }

    /// Set a metadata field unless already known; false when the value is unusable.
    ///
    /// The first source to set a field wins: explicit arguments and earlier rules are
    /// more trustworthy than later guesses. A date is read into ISO 8601, a url must be
    /// an absolute http(s) one and names the site.
    pub fn set_field(&mut self, name: &str, value: Option<&str>, source: &str) -> bool {
        if self.fields.contains(name) {
            return false;
        }
        let Some(cleaned) = value.and_then(|value| clean_value(name, value)) else {
            return false;
        };
        if name == "url" {
            self.fields.set(name, cleaned.clone());
            self.provenance.set(name, source.to_string());
            self.site_from_url(&cleaned);
        } else {
            self.fields.set(name, cleaned);
            self.provenance.set(name, source.to_string());
        }
        true
    }

    fn site_from_url(&mut self, url: &str) {
        let Some(site) = urls::site_of(url) else {
            return;
        };
        if self
            .provenance
            .get("site")
            .is_some_and(|source| source.starts_with("fingerprint"))
        {
            self.fields.remove("site");
        }
        if !self.fields.contains("site") {
            self.fields.set("site", site);
            self.provenance.set("site", "url".to_string());
        }
    }
}

/// A field's value as the document keeps it: whitespace collapsed, a date in ISO 8601,
/// a url only when absolute; None when nothing usable is left.
fn clean_value(name: &str, value: &str) -> Option<String> {
    let value = collapse_spaces(value);
    if value.is_empty() {
        return None;
    }
    match name {
        "date" => dates::parse_date(&value),
        "url" => urls::is_http_url(&value).then_some(value),
        _ => Some(value),
    }
}
