//! Whether a place in a page's markup may lie in the value of a given attribute.
//!
//! The answer may be yes where the place is not in such a value (a `class="..."`
//! inside a script or a comment counts), never no where it is: the DOM prefilter
//! drops a selector's alternative only when the text it needs lies in no value of
//! the attribute it names. It reads the markup as the HTML tokenizer reads an
//! attribute: its name, optional whitespace, `=`, optional whitespace, then a
//! value in double quotes (which hold no `"`), in single quotes (no `'`), or
//! unquoted (up to whitespace or `>`; quotes and `=` may be in it).
//!
//! Each question reads a bounded stretch of markup: where its answer lies further
//! back than REACH bytes, the answer is yes. Double quotes are everywhere in
//! markup, so the nearest one is looked for within that stretch; single quotes
//! are rare outside scripts, so their places are listed once per page.

/// How far back from a place the markup is read, besides finding the nearest quote.
pub const REACH: usize = 2048;

/// ASCII whitespace as HTML's tokenizer knows it.
pub(crate) fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

/// A page's markup and the places of its single quotes.
pub struct Markup<'a> {
    data: &'a [u8],
    single: Vec<usize>,
}

impl<'a> Markup<'a> {
    pub fn new(data: &'a [u8]) -> Markup<'a> {
        Markup {
            data,
            single: memchr::memchr_iter(b'\'', data).collect(),
        }
    }

    /// Whether the bytes at `start` may lie in a value of the attribute `name` (in
    /// lower case; the markup's may be in any case).
    pub fn in_value_of(&self, start: usize, name: &[u8]) -> bool {
        let start = start.min(self.data.len());
        let yes = |answer: Option<bool>| answer.unwrap_or(true);
        yes(self.in_double_quoted_value(start, name))
            || yes(self.in_single_quoted_value(start, name))
            || yes(self.in_unquoted_value(start, name))
    }

    /// Whether the nearest `"` before `start` opens a value of `name`: a quoted value
    /// holds no quote of its own kind, so the one that opens it is the nearest.
    fn in_double_quoted_value(&self, start: usize, name: &[u8]) -> Option<bool> {
        let floor = start.saturating_sub(REACH);
        match memchr::memrchr(b'"', &self.data[floor..start]) {
            Some(offset) => self.opens_value(floor + offset, name),
            None => (floor == 0).then_some(false),
        }
    }

    /// The same for the nearest `'` (found among the listed ones, however far).
    fn in_single_quoted_value(&self, start: usize, name: &[u8]) -> Option<bool> {
        let single = &self.single;
        match single.partition_point(|&at| at < start).checked_sub(1) {
            Some(nearest) => self.opens_value(single[nearest], name),
            None => Some(false),
        }
    }

    /// Whether `start` may lie in an unquoted value of `name`: the bytes back to it
    /// hold no whitespace or `>`, and one of their `=` (or the one before the
    /// whitespace just ahead of them) follows `name`.
    fn in_unquoted_value(&self, start: usize, name: &[u8]) -> Option<bool> {
        let floor = start.saturating_sub(REACH);
        let mut at = start;
        while at > floor {
            let byte = self.data[at - 1];
            if byte == b'>' {
                return Some(false);
            }
            if is_space(byte) {
                return self.opens_value(at, name);
            }
            at -= 1;
            if byte == b'=' && self.follows_name(at, name)? {
                return Some(true);
            }
        }
        (at == 0).then_some(false)
    }

    /// Whether a value starting at byte `at` would be one of `name`: the bytes before
    /// it are `name`, optional whitespace, `=` and optional whitespace.
    fn opens_value(&self, at: usize, name: &[u8]) -> Option<bool> {
        let equals = self.before_spaces(at)?;
        if equals == 0 || self.data[equals - 1] != b'=' {
            return Some(false);
        }
        self.follows_name(equals - 1, name)
    }

    /// Whether the bytes before `end`, less whitespace at their end, end with `name`
    /// (ASCII case ignored).
    fn follows_name(&self, end: usize, name: &[u8]) -> Option<bool> {
        let after = self.before_spaces(end)?;
        if after < name.len() {
            return Some(false);
        }
        Some(self.data[after - name.len()..after].eq_ignore_ascii_case(name))
    }

    /// Where the run of whitespace that ends at `end` starts (None when it is longer
    /// than REACH).
    fn before_spaces(&self, end: usize) -> Option<usize> {
        let floor = end.saturating_sub(REACH);
        let run = self.data[floor..end]
            .iter()
            .rev()
            .take_while(|&&byte| is_space(byte))
            .count();
        let start = end - run;
        (start > floor || floor == 0).then_some(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the first occurrence of `needle` in `markup` may lie in a `class` value.
    fn in_class(markup: &str, needle: &str) -> bool {
        let start = markup.find(needle).expect("the needle is in the markup");
        Markup::new(markup.as_bytes()).in_value_of(start, b"class")
    }

    #[test]
    fn values_however_quoted_or_spaced() {
        assert!(in_class(r#"<div class="x ads y">"#, "ads"));
        assert!(in_class("<div CLASS='ads'>", "ads"));
        assert!(in_class("<div class=ads>", "ads"));
        assert!(in_class("<div class = ads>", "ads"));
        assert!(in_class("<div class =ads>", "ads"));
        assert!(in_class("<div class\n=\n\"a\tads\">", "ads"));
        assert!(in_class(r#"<div class='a "b" ads'>"#, "ads"));
        assert!(in_class(r#"<div class="x&#32;ads">"#, "ads"));
        assert!(in_class(r#"<div class=x"ads>"#, "ads")); // an unquoted value with a quote
        assert!(in_class("<div/class=ads>", "ads"));
    }

    #[test]
    fn other_attributes_and_text_are_not_values_of_the_class() {
        assert!(!in_class(r#"<div id="ads">"#, "ads"));
        assert!(!in_class(r#"<div class="x" title="ads">"#, "ads"));
        assert!(!in_class(r#"<div class="x">ads</div>"#, "ads"));
        assert!(!in_class("<div class=x ads>", "ads")); // an attribute of its own
        assert!(!in_class("<p>loads of ads</p>", "ads"));
        assert!(!in_class("ads", "ads"));
    }

    #[test]
    fn a_name_that_ends_like_the_attribute_counts() {
        // More yes than the tokenizer would say is allowed; no where it says yes is not.
        assert!(in_class(r#"<div data-class="ads">"#, "ads"));
    }

    #[test]
    fn answers_beyond_reach_are_yes_and_far_single_quotes_are_found() {
        let long_value = format!(r#"<div class="x {}ads">"#, "y".repeat(REACH));
        assert!(in_class(&long_value, "ads"));
        let far_quote = format!("<div class='x {} ads'>", "word ".repeat(REACH));
        assert!(in_class(&far_quote, "ads"));
        let far_single = format!(r#"<p title='x' {} id="y">ads</p>"#, "z ".repeat(REACH));
        assert!(!in_class(&far_single, "ads"));
        let far_text = format!(r#"<p title="x">{} ads</p>"#, "word ".repeat(REACH));
        assert!(in_class(&far_text, "ads")); // no double quote within reach
        let long_run = format!("<p>{}ads</p>", "y".repeat(REACH));
        assert!(in_class(&long_run, "ads")); // an unquoted value could start that far back
        let many_spaces = format!("<div class={}ads>", " ".repeat(REACH + 1));
        assert!(in_class(&many_spaces, "ads"));
    }
}
