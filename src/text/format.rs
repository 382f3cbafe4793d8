//! What a text is: an HTML page (or fragment), Markdown, or plain text.

use std::sync::OnceLock;

use std::borrow::Cow;

use regex_automata::meta::Regex;
use regex_automata::Input;

use crate::buffer::{changes_in_view, plain_view};
use crate::dialect;
use crate::normalize::is_space;
use crate::pattern::{self, Pattern};

use super::doc::Format;

/// Characters of a text looked at to tell its format.
const HEAD_CHARS: usize = 200_000;

struct Signals {
    html_start: Pattern,
    html_tags: Pattern,
    html_fragment: Pattern,
    /// Markdown's own syntax, one pattern per kind of evidence (MARKDOWN_KINDS).
    markdown: Regex,
}

/// Markdown's own syntax, one pattern per kind of evidence, searched as one automaton
/// that tells which kind matched (what alternatives in named groups would tell, without
/// a pass to place the groups). List items are not evidence: plain text numbers and
/// bullets its lists the same way. A table's delimiter row and a link reference
/// definition are what converters write for an HTML table and a reference-style link;
/// a line underlined with `=` is a heading as many converters write it (setext).
const MARKDOWN_KINDS: [&str; 9] = [
    r"(?m)^[ ]{0,3}#{1,6}[ \t]+\S",
    r"(?m)\*\*[^*\s](?:[^*\n]*[^*\s])?\*\*|(?:^|[^\w])__[^_\s][^_\n]*[ \t][^_\n]*[^_\s]__",
    r"(?m)!?\[[^\]\n]*\]\([^)\n]*\)",
    r"(?m)<https?://[^>\s]+>",
    r"(?m)\\[\\`*_{}\[\]()#+\-.!$]",
    r"(?m)^[ ]{0,3}(?:```|~~~)",
    r"(?m)^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$",
    r"(?m)^[ ]{0,3}\[[^\]\n^][^\]\n]*\]:[ \t]*<?(?:https?://|/|#|mailto:)\S*",
    r"(?m)^[ ]{0,3}[^\s=][^\n]*\n[ ]{0,3}={2,}[ \t]*$",
];
/// The kind (index in MARKDOWN_KINDS) of a link.
const LINK_KIND: usize = 2;
/// The kind of an ATX heading.
const ATX_KIND: usize = 0;

fn markdown_kinds() -> Regex {
    let hirs: Vec<_> = MARKDOWN_KINDS
        .iter()
        .map(|source| dialect::parse(source).expect("a valid built-in pattern"))
        .collect();
    pattern::build(&hirs, pattern::config()).expect("a valid built-in pattern set")
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
            markdown: markdown_kinds(),
        }
    })
}

/// HTML when the text opens like a page or is dense with tags (and holds fewer marks of
/// Markdown); Markdown on two signals; an HTML fragment is HTML too.
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
    format_of_head(&head, whole)
}

/// `detect_format(text)` given the text's plain view (`buffer::plain_view`), which the
/// caller needs for its buffer anyway: a text of up to HEAD_CHARS bytes is its own head,
/// so the view is the head's view and is not made (or looked for) again.
pub fn detect_format_in_view(text: &str, view: &str) -> Format {
    if text.len() > HEAD_CHARS {
        return detect_format(text);
    }
    if opens_like_a_page(text) {
        return Format::Html;
    }
    format_of_head(view, true)
}

/// What the view of a text's head (its first HEAD_CHARS characters) shows; `whole`
/// when the head is the whole text.
fn format_of_head(head: &str, whole: bool) -> Format {
    let data = head.as_bytes();
    let found =
        |pattern: &Pattern, limit: usize| pattern.find_whole(data, 0, data.len(), limit).len();
    let signals = signals();
    // Every HTML signal holds a '<'; most text has none, and skips two passes.
    let has_tag = memchr::memchr(b'<', data).is_some();
    if has_tag && found(&signals.html_start, 1) > 0 {
        return Format::Html;
    }
    let dense = has_tag && found(&signals.html_tags, DENSE_TAGS) >= DENSE_TAGS;
    let markdown = may_hold_markdown(data) && shows_markdown(&signals.markdown, data);
    if dense
        && !(markdown
            && markdown_marks(&signals.markdown, data) > found(&signals.html_tags, COUNTED))
    {
        return Format::Html;
    }
    if markdown {
        return Format::Markdown;
    }
    if has_tag && whole && found(&signals.html_fragment, 1) > 0 {
        return Format::Html;
    }
    Format::Text
}

/// `detect_format` of the text UTF-8 `data` encodes; None when it is not UTF-8 (bytes past
/// an opening that settles it are not checked). A page's
/// opening lies in its first OPENING_CHARS characters, at most four bytes each: when they
/// show one, the rest is neither decoded nor checked.
pub fn detect_format_utf8(data: &[u8]) -> Option<Format> {
    let prefix = &data[..data.len().min(4 * OPENING_CHARS)];
    let opening = match std::str::from_utf8(prefix) {
        Ok(text) => text,
        // Cut inside a character by the prefix's end: its whole characters.
        Err(error) if error.error_len().is_none() => {
            std::str::from_utf8(&prefix[..error.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    if opens_like_a_page(opening) {
        return Some(Format::Html);
    }
    std::str::from_utf8(data).ok().map(detect_format)
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
        .find_whole(data, 0, data.len(), 1)
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

/// A text with this many HTML tags is dense with them: HTML, unless it is Markdown whose
/// syntax outnumbers its tags (a page's Markdown that shows HTML in a code sample or
/// quotes an embed's markup).
const DENSE_TAGS: usize = 10;
/// How far tags and Markdown syntax are counted when they compete.
const COUNTED: usize = 10_000;

/// Matches of the Markdown signals looked at before a text is taken for plain text.
const MARKDOWN_MATCHES: usize = 64;

/// Whether the signals show Markdown: two kinds of its syntax (a heading and a link,
/// strong emphasis and an escape...), two links, or headings of two levels. One kind
/// alone is what plain text holds too: `# ` opens a shell comment, `__init__` is
/// Python, a backslash is part of a path.
fn shows_markdown(markdown: &Regex, data: &[u8]) -> bool {
    let mut kinds = 0u32;
    let mut links = 0;
    let mut levels = 0u32;
    for found in markdown.find_iter(Input::new(data)).take(MARKDOWN_MATCHES) {
        let kind = found.pattern().as_usize();
        kinds |= 1 << kind;
        if kind == LINK_KIND {
            links += 1;
        }
        if kind == ATX_KIND {
            levels |= 1 << heading_level(&data[found.start()..]);
        }
        if kinds.count_ones() >= 2 || links >= 2 || levels.count_ones() >= 2 {
            return true;
        }
    }
    false
}

/// How many marks of Markdown syntax `data` holds, counted up to COUNTED.
fn markdown_marks(markdown: &Regex, data: &[u8]) -> usize {
    markdown.find_iter(Input::new(data)).take(COUNTED).count()
}

/// The level of the ATX heading `line` opens with (the number of its `#`s).
fn heading_level(line: &[u8]) -> usize {
    let marks = line.iter().skip_while(|&&byte| byte == b' ');
    marks.take_while(|&&byte| byte == b'#').count()
}

/// Whether `text` can hold a match of the Markdown signals: every one holds one of
/// `# * _ [ < \\`, opens a fence with a backtick or a tilde, is a table's delimiter
/// row (a `|` and a run of three `-`) or a heading's `==` underline. Most texts hold
/// none, and skip the signals' scan.
fn may_hold_markdown(text: &[u8]) -> bool {
    memchr::memchr3(b'#', b'*', b'_', text).is_some()
        || memchr::memchr3(b'[', b'<', b'\\', text).is_some()
        || memchr::memchr2(b'`', b'~', text).is_some()
        || (memchr::memchr(b'|', text).is_some() && memchr::memmem::find(text, b"---").is_some())
        || memchr::memmem::find(text, b"==").is_some()
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
        assert_eq!(
            detect_format("| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [the notes][1].\n\n[1]: https://example.com/n"),
            Format::Markdown
        );
        assert_eq!(detect_format("Scores | 3 - 1\nTotal | 4"), Format::Text);
        assert_eq!(
            detect_format("Ferry changes\n=============\n\nThe **new** timetable."),
            Format::Markdown
        );
        assert_eq!(detect_format("a == b\n\nx = 1"), Format::Text);
        assert_eq!(char_boundary_after("aé b", 2), 3);
        assert!(opens_like_a_page("\u{a0}<!DOCTYPE html><p>"));
        assert!(!opens_like_a_page("<html"));
        assert_eq!(char_boundary_after("aé", 2), 3);
        assert_eq!(char_boundary_after("aé", 5), 3);
        // Lists alone are plain text's as much as Markdown's.
        let list = "- one\n- two\n- three\n- four\n";
        assert_eq!(detect_format(list), Format::Text);
        let steps = "Steps:\n 1. one thing\n 2. another\n 3. a third\n 4. the last\n";
        assert_eq!(detect_format(steps), Format::Text);
        // One kind of Markdown syntax alone is what code and plain text hold too.
        let code = "Run it:\n# install\npip install x\n# then start it\nx serve\n";
        assert_eq!(detect_format(code), Format::Text);
        assert_eq!(
            detect_format("Call __init__ and __repr__ first."),
            Format::Text
        );
        let linked = "See [the docs](https://a.example) and [the FAQ](https://b.example).";
        assert_eq!(detect_format(linked), Format::Markdown);
        let outline = "# Guide\n\nIntro.\n\n## Install\n\nSteps.\n";
        assert_eq!(detect_format(outline), Format::Markdown);
    }

    proptest::proptest! {
        #[test]
        fn the_format_in_a_view_given_is_the_format(text in "(?:[a .#*_<>/\\[\\]()\r\n\t\u{a0}\u{2028}`~-]|<p>|</p>|<html>|# |\\*\\*|\\[x\\]\\(y\\))*") {
            proptest::prop_assert_eq!(detect_format_in_view(&text, &plain_view(&text)), detect_format(&text));
        }
    }

    #[test]
    fn markdown_that_shows_html_is_markdown_while_tags_outnumber_its_syntax() {
        let sample = "<div class=\"card\"><p>Hi</p><p>there</p></div>\n".repeat(2);
        let links: String = (0..20)
            .map(|n| format!("* [Section {n}](/docs/{n})\n"))
            .collect();
        let page = format!("# Cards\n\n{links}\nThe markup:\n\n{sample}\n");
        assert_eq!(detect_format(&page), Format::Markdown);
        let fragment = format!("<p>See [the docs](/d) and [the FAQ](/f).</p>\n{sample}");
        assert_eq!(detect_format(&fragment), Format::Html);
    }

    /// The kinds as one pattern, each in a named group: what the set must agree with.
    fn kinds_in_groups() -> Pattern {
        let groups = ["atx", "strong", "link", "autolink", "escape", "fence"];
        let alternatives: Vec<String> = MARKDOWN_KINDS
            .iter()
            .zip(groups)
            .map(|(source, name)| format!("(?P<{name}>{})", &source[4..]))
            .collect();
        Pattern::new(&format!("(?m){}", alternatives.join("|"))).unwrap()
    }

    proptest::proptest! {
        #[test]
        fn the_kinds_set_finds_what_named_groups_find(text in "[a1 .#*_<>\\[\\]()\\\\`~:/\n\t+-]{0,60}|(?:ab|\\*\\*|__|# |\\[x\\]\\(y\\)|<https://a>|\n|```| )*") {
            let data = text.as_bytes();
            let expected: Vec<(usize, usize, usize)> = kinds_in_groups()
                .find(data, 0, data.len(), MARKDOWN_MATCHES)
                .iter()
                .map(|spans| {
                    let group = (1..spans.len()).find(|&group| spans[group].0 >= 0).unwrap();
                    (group - 1, spans[0].0 as usize, spans[0].1 as usize)
                })
                .collect();
            let found: Vec<(usize, usize, usize)> = signals()
                .markdown
                .find_iter(Input::new(data))
                .take(MARKDOWN_MATCHES)
                .map(|found| (found.pattern().as_usize(), found.start(), found.end()))
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }

        #[test]
        fn the_markdown_precheck_never_hides_a_signal(text in "[a1 .#*_<>\\[\\]()\n+-]{0,40}") {
            let data = text.as_bytes();
            let signals = signals();
            if signals.markdown.is_match(Input::new(data)) {
                proptest::prop_assert!(may_hold_markdown(data));
            }
        }
    }
}
