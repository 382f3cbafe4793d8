//! The stretches of a page's markup that may hold elements: all of it but the text of its
//! `<script>` and `<style>` elements.
//!
//! The HTML tokenizer reads a script's or a style sheet's text as raw text: nothing in it
//! becomes an element or an attribute, so no CSS selector can match there. On news and
//! shop pages that text is half the markup, and the DOM prefilter, which looks for the
//! words a selector needs, reads it for nothing.
//!
//! A stretch is left out only when the markup reads plainly as such an element, and only
//! when nothing in it could be markup:
//! - its start tag follows a tag whose quotes pair up (whitespace between allowed), so it
//!   is not in a text run or an attribute value (`title="a><script>"`); its own
//!   attributes are read as the tokenizer reads them (a quoted value may hold a `>`);
//! - it ends at the first `</script` (or `</style`) followed by whitespace, `/` or `>`:
//!   there, or later in a script's escaped text, never earlier;
//! - nothing in it looks like a tag (`<` then a letter, `/` or `!`). A start tag that was
//!   in fact in a comment, a `<title>` or another element's raw text would reach over that
//!   element's end, or a real tag, to find its end tag; what is left out can hold no
//!   element and no attribute.
//!
//! A script that writes markup in a string (`"<div>"`) is read whole, and so is one whose
//! start tag is written in capitals (`<SCRIPT>`): start tags are looked for in lower case.

use std::borrow::Cow;
use std::ops::Range;

use memchr::memmem;

use crate::attribute_values::is_space;

/// The elements whose text is raw text, by their name and their end tag's opening.
const RAW_TEXT: [(&[u8], &[u8]); 2] = [(b"script", b"</script"), (b"style", b"</style")];

/// `data` without the text of its script and style elements: the stretches of
/// `markup_stretches` one after another, a NUL byte between two (no literal holds one, and
/// a word ends at it as at the `<` or `>` that stood there); `data` itself when there is
/// no such text.
///
/// One contiguous text, not a list of stretches, is what a literal scan walks fastest: it
/// cuts a long text into lanes it walks side by side (see `literals`).
pub fn without_raw_text(data: &[u8]) -> Cow<'_, [u8]> {
    let stretches = markup_stretches(data);
    if let [only] = stretches.as_slice() {
        return Cow::Borrowed(&data[only.clone()]);
    }
    let kept = stretches.iter().map(|stretch| stretch.len() + 1).sum();
    let mut text = Vec::with_capacity(kept);
    for (index, stretch) in stretches.into_iter().enumerate() {
        if index > 0 {
            text.push(0);
        }
        text.extend_from_slice(&data[stretch]);
    }
    Cow::Owned(text)
}

/// The stretches of `data` outside the text of its script and style elements, in order.
pub fn markup_stretches(data: &[u8]) -> Vec<Range<usize>> {
    let mut stretches = Vec::new();
    let mut from = 0;
    let mut at = 0;
    while let Some(found) = memmem::find(&data[at..], b"<s") {
        let open = at + found;
        at = open + 2;
        let Some((text, next)) = raw_text_at(data, open) else {
            continue;
        };
        if text.start > from {
            stretches.push(from..text.start);
        }
        from = text.end;
        at = next;
    }
    if from < data.len() || stretches.is_empty() {
        stretches.push(from..data.len());
    }
    stretches
}

/// The raw text of the script or style element whose start tag opens at `open`, and where
/// the scan goes on; None unless the markup reads plainly as one (see the module's notes).
fn raw_text_at(data: &[u8], open: usize) -> Option<(Range<usize>, usize)> {
    let (name, end_tag) = RAW_TEXT
        .into_iter()
        .find(|(name, _)| data[open + 1..].starts_with(name))?;
    let name_end = open + 1 + name.len();
    if !data.get(name_end).is_some_and(|&byte| ends_tag_name(byte)) || !after_a_tag(data, open) {
        return None;
    }
    let text_start = start_tag_end(data, name_end)?;
    let text_end = end_tag_at(data, text_start, end_tag)?;
    if looks_like_a_tag(&data[text_start..text_end]) {
        return None;
    }
    Some((text_start..text_end, text_end + end_tag.len()))
}

/// Whether the start tag at `open` follows a tag (whitespace between allowed) that reads
/// as closed at its `>`: its quotes, since its `<`, pair up. A `>` inside an attribute
/// value (`title="a><script>"`) leaves a quote open.
fn after_a_tag(data: &[u8], open: usize) -> bool {
    let Some(close) = data[..open].iter().rposition(|&byte| !is_space(byte)) else {
        return true; // the start of the text
    };
    if data[close] != b'>' {
        return false;
    }
    let Some(start) = memchr::memrchr(b'<', &data[..close]) else {
        return false;
    };
    let tag = &data[start..close];
    memchr::memchr_iter(b'"', tag).count() % 2 == 0
        && memchr::memchr_iter(b'\'', tag).count() % 2 == 0
}

/// Whether a tag name may end at this byte (whitespace, `/` or `>`).
fn ends_tag_name(byte: u8) -> bool {
    is_space(byte) || byte == b'/' || byte == b'>'
}

/// Whether a stretch holds what may be a tag: `<` then a letter, `/` or `!`.
fn looks_like_a_tag(text: &[u8]) -> bool {
    memchr::memchr_iter(b'<', text).any(|at| {
        text.get(at + 1)
            .is_some_and(|&next| next.is_ascii_alphabetic() || next == b'/' || next == b'!')
    })
}

/// Where the tag whose name ends at `at` ends (just past its `>`), reading its
/// attributes' values as the tokenizer does: a quote right after `=` (whitespace between
/// allowed) opens a value that runs to the same quote.
fn start_tag_end(data: &[u8], mut at: usize) -> Option<usize> {
    while at < data.len() {
        match data[at] {
            b'>' => return Some(at + 1),
            b'=' => {
                at += 1;
                while data.get(at).is_some_and(|&byte| is_space(byte)) {
                    at += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = data.get(at) {
                    at += 1 + memchr::memchr(quote, &data[at + 1..])?;
                }
                at += 1;
            }
            _ => at += 1,
        }
    }
    None
}

/// Where the first end tag `end_tag` (any case) at or after `from` starts: `</`, the name,
/// then whitespace, `/` or `>`.
fn end_tag_at(data: &[u8], from: usize, end_tag: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(found) = memmem::find(&data[at..], b"</") {
        let start = at + found;
        let name_end = start + end_tag.len();
        let named = data
            .get(start..name_end)
            .is_some_and(|name| name.eq_ignore_ascii_case(end_tag));
        if named && data.get(name_end).is_some_and(|&byte| ends_tag_name(byte)) {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(data: &str) -> String {
        markup_stretches(data.as_bytes())
            .into_iter()
            .map(|stretch| &data[stretch])
            .collect()
    }

    #[test]
    fn script_and_style_text_is_left_out() {
        let page = "<head><style>.ad{}</style></head><body>\n  <script type=\"x\">var ad = 1;</SCRIPT ><p class=\"ad\">x</p></body>";
        assert_eq!(
            kept(page),
            "<head><style></style></head><body>\n  <script type=\"x\"></SCRIPT ><p class=\"ad\">x</p></body>"
        );
    }

    #[test]
    fn a_quoted_value_may_hold_a_closing_bracket() {
        assert_eq!(
            kept("<script data-x=\"a>b\" src=x>ad</script><p>"),
            "<script data-x=\"a>b\" src=x></script><p>"
        );
    }

    #[test]
    fn only_plain_raw_text_is_left_out() {
        for page in [
            // inside an attribute value or a text run: not a start tag
            "<div data-tpl=\"<script>x\"><p class=ad></p><script>y</script>",
            "<p>see <script>ad</script></p>",
            // inside a comment whose end comes first
            "<!--><script>--><p class=ad></p><script>y</script>",
            // a template attribute holding a start tag, then a real one
            "<div x='><script>'><p class=ad></p><script>y</script>",
            "<div title=\"x><script>\" class=ad>text</script>",
            // a start tag in a style sheet's text, or in a title's
            "<style></script><script><style></style><p class=ad>x</p><style></script>",
            "<title>a <style> b</title><p class=ad>x</p><style>c</style>",
            // a script's escaped text, which ends later than its first end tag
            "<script><!-- <script> </script> <style> </script><p class=ad>x</p></style>",
            // no end tag, an unfinished start tag, another tag name
            "<script>ad",
            "<script src=\"ad",
            "<scripts>ad</scripts>",
            "<span class=ad>",
        ] {
            let whole = page.len();
            let stretches = markup_stretches(page.as_bytes());
            let left_out: usize =
                whole - stretches.iter().map(|stretch| stretch.len()).sum::<usize>();
            let ad_kept = kept(page).contains("class=ad") || !page.contains("class=ad");
            assert!(ad_kept, "{page}");
            if page.starts_with("<script>ad") || page.starts_with("<scripts") {
                assert_eq!(left_out, 0, "{page}");
            }
        }
    }

    #[test]
    fn without_raw_text_joins_the_stretches() {
        let page = b"<p><script>ad</script><style>.ad{}</style>x";
        assert_eq!(
            without_raw_text(page).as_ref(),
            b"<p><script>\0</script><style>\0</style>x"
        );
        assert!(matches!(without_raw_text(b"<p>ad</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn stretches_are_in_order_and_within_the_text() {
        let page = b"<script>a</script><style>b</style>x<script>c</script>";
        let stretches = markup_stretches(page);
        assert!(stretches
            .windows(2)
            .all(|pair| pair[0].end <= pair[1].start));
        assert_eq!(stretches.last().map(|last| last.end), Some(page.len()));
        assert!(markup_stretches(b"")
            .iter()
            .all(|stretch| stretch.is_empty()));
    }
}
