//! A compiled, immutable set of text rules in run order, with its prefilter and the
//! fingerprints that name a site from its text. Shared by any number of threads.

use crate::dialect::SyntaxError;

use super::doc::Format;
use super::kinds::Pat;
use super::prefilter::Prefilter;
use super::rules::TextRule;

pub struct TextRules {
    pub rules: Vec<TextRule>,
    pub prefilter: Prefilter,
    /// Per format (text, Markdown, HTML): the rules that can run on it, in run order,
    /// each with whether its conditions must be checked against each document.
    plans: [Vec<(usize, bool)>; 3],
    /// (pattern, site): text that identifies a site when no url tells it.
    pub fingerprints: Vec<(Pat, String)>,
}

impl TextRules {
    pub fn new(
        rules: Vec<TextRule>,
        fingerprints: Vec<(Pat, String)>,
    ) -> Result<Self, SyntaxError> {
        let prefilter = Prefilter::build(&rules)?;
        let plans = [Format::Text, Format::Markdown, Format::Html].map(|format| {
            rules
                .iter()
                .enumerate()
                .filter(|(_, rule)| {
                    let formats = &rule.conditions.formats;
                    formats.is_empty() || formats.contains(&format)
                })
                .map(|(position, rule)| (position, rule.conditions.on_the_document()))
                .collect()
        });
        Ok(TextRules {
            rules,
            prefilter,
            plans,
            fingerprints,
        })
    }

    /// The rules that can run on a document of this format, in run order.
    pub fn plan(&self, format: Format) -> &[(usize, bool)] {
        &self.plans[match format {
            Format::Text => 0,
            Format::Markdown => 1,
            Format::Html => 2,
        }]
    }
}
