//! What a text is: an HTML page (or fragment), Markdown, or plain text.

use std::sync::OnceLock;

use std::borrow::Cow;

use crate::buffer::{changes_in_view, plain_view};
use crate::normalize::is_space;
use crate::pattern::Pattern;

use super::doc::Format;

/// Characters of a text looked at to tell its format.
const HEAD_CHARS: usize = 200_000;

struct Signals {
    html_start: Pattern,
    html_tags: Pattern,
    html_fragment: Pattern,
    markdown: Pattern,
}

fn signals() -> &'static Signals {
    static SIGNALS: OnceLock<Signals> = OnceLock::new();
    SIGNALS.get_or_init(|| {
        let compile = |source: &str| Pattern::new(source).expect("a valid built-in pattern");
        Signals {
            html_start: compile(
                r"(?i)\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--[^>]*-->\s*)?<(?:!doctype\s+html|html|head|body)\b",
            ),
            html_tags: compile(
                r"(?i)</?(?:p|div|span|a|br|article|section|h[1-6]|li|ul|script|meta|img)\b[^>]*>",
            ),
            // A fragment (a CMS field, a feed item's content): opens with an element
            // and closes one.
            html_fragment: compile(concat!(
                r"(?is)\A\s*<(?:p|div|span|a|b|i|em|strong|h[1-6]|ul|ol|li|dl|table|section|article",
                r"|blockquote|figure|img|br|header|main|font|center|pre)\b[^>]*>.*</[a-z][a-z0-9]*>\s*\z",
            )),
            markdown: compile(concat!(
                r"^[ ]{0,3}#{1,6}[ \t]+\S",                      // ATX heading
                r"|\*\*[^*\n]+\*\*|__[^_\n]+__",                 // strong emphasis
                r"|!?\[[^\]\n]*\]\([^)\n]*\)",                   // link or image
                r"|<https?://[^>\s]+>",                          // autolink
                r"|\\[\\`*_{}\[\]()#+\-.!$]",                    // backslash escape
                r"|^[ ]{0,3}(?:[-*+]|\d+\.)[ \t]+\S.*\n[ ]{0,3}(?:[-*+]|\d+\.)[ \t]+\S", // list
            )),
        }
    })
}

/// HTML when the text opens like a page or is dense with tags; Markdown on two
/// signals; an HTML fragment is HTML too.
///
/// The signals are looked for in the text as the rules will see it (every line
/// break a `\n`, every space a plain one) and in its first 200,000 characters.
pub fn detect_format(text: &str) -> Format {
    if opens_like_a_page(text) {
        return Format::Html;
    }
    let head_end = char_boundary_after(text, HEAD_CHARS);
    let whole = head_end == text.len();
    let head = &text[..head_end];
    let head = if changes_in_view(head) {
        Cow::Owned(plain_view(head))
    } else {
        Cow::Borrowed(head)
    };
    let data = head.as_bytes();
    let found = |pattern: &Pattern, limit: usize| pattern.find(data, 0, data.len(), limit).len();
    let signals = signals();
    // Every HTML signal holds a '<'; most text has none, and skips two passes.
    let has_tag = head.contains('<');
    if has_tag && (found(&signals.html_start, 1) > 0 || found(&signals.html_tags, 10) >= 10) {
        return Format::Html;
    }
    if may_hold_markdown(data) && found(&signals.markdown, 2) >= 2 {
        return Format::Markdown;
    }
    if has_tag && whole && found(&signals.html_fragment, 1) > 0 {
        return Format::Html;
    }
    Format::Text
}

/// Characters of a text's opening in which a page's opening tag is looked for first.
const OPENING_CHARS: usize = 2_000;

/// Whether the text's opening alone shows a page's opening (`<!doctype html>`, `<html>`
/// ...): a match in the view of the opening that ends before the opening does is a
/// match in the view of the whole head, so most pages are told without viewing 200,000
/// characters. (No match there settles nothing: the whole head is looked at.)
fn opens_like_a_page(text: &str) -> bool {
    // The opening tag comes after whitespace only: a text whose first other character is
    // not '<' cannot open like a page, and most texts are told here without a view.
    // (Every character the view turns into whitespace is whitespace to `is_space`.)
    let first = text.trim_start_matches(is_space);
    if !first.starts_with('<') {
        return false;
    }
    let end = char_boundary_after(text, OPENING_CHARS);
    let opening = plain_view(&text[..end]);
    let data = opening.as_bytes();
    signals()
        .html_start
        .find(data, 0, data.len(), 1)
        .first()
        .is_some_and(|spans| (spans[0].1 as usize) < data.len())
}

/// The byte offset just past the first `count` characters of `text` (its length when it
/// has no more): one pass over the bytes, counting those that open a character.
fn char_boundary_after(text: &str, count: usize) -> usize {
    if text.len() <= count {
        return text.len();
    }
    let mut seen = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        if byte & 0xC0 != 0x80 {
            if seen == count {
                return at;
            }
            seen += 1;
        }
    }
    text.len()
}

/// Whether `text` can hold a match of the Markdown signals: every one holds one of
/// `# * _ [ < \\`, or opens a line (after up to three spaces) with `-`, `+` or a number
/// and a period. Most texts hold none, and skip the signals' scan.
fn may_hold_markdown(text: &[u8]) -> bool {
    if memchr::memchr3(b'#', b'*', b'_', text).is_some()
        || memchr::memchr3(b'[', b'<', b'\\', text).is_some()
    {
        return true;
    }
    let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text).map(|at| at + 1));
    line_starts
        .into_iter()
        .any(|start| opens_a_list_item(&text[start.min(text.len())..]))
}

/// Whether a line opens with up to three spaces, then `-`, `+` or digits and a period.
fn opens_a_list_item(line: &[u8]) -> bool {
    let indent = line
        .iter()
        .take(3)
        .take_while(|&&byte| byte == b' ')
        .count();
    let rest = &line[indent..];
    match rest.first() {
        Some(b'-' | b'+') => true,
        Some(byte) if byte.is_ascii_digit() => {
            let digits = rest.iter().take_while(|byte| byte.is_ascii_digit()).count();
            rest.get(digits) == Some(&b'.')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart() {
        assert_eq!(detect_format("<!doctype html><p>x"), Format::Html);
        assert_eq!(
            detect_format("<p>The council met on <b>Monday</b>.</p>"),
            Format::Html
        );
        assert_eq!(
            detect_format("# Title\n\nSome **bold** text."),
            Format::Markdown
        );
        assert_eq!(detect_format("Plain words, 3 < 4."), Format::Text);
        assert_eq!(char_boundary_after("aé b", 2), 3);
        assert!(opens_like_a_page("\u{a0}<!DOCTYPE html><p>"));
        assert!(!opens_like_a_page("<html"));
        assert_eq!(char_boundary_after("aé", 2), 3);
        assert_eq!(char_boundary_after("aé", 5), 3);
        let list = "- one\n- two\n- three\n- four\n";
        assert_eq!(detect_format(list), Format::Markdown);
        let steps = "Steps:\n 1. one thing\n 2. another\n 3. a third\n 4. the last\n";
        assert_eq!(detect_format(steps), Format::Markdown);
    }

    proptest::proptest! {
        #[test]
        fn the_markdown_precheck_never_hides_a_signal(text in "[a1 .#*_<>\\[\\]()\n+-]{0,40}") {
            let data = text.as_bytes();
            let signals = signals();
            if signals.markdown.find(data, 0, data.len(), 1).len() == 1 {
                proptest::prop_assert!(may_hold_markdown(data));
            }
        }
    }
}
