//! The tags of elements nested deeper than any real page, found in one pass over the
//! markup, so they can be dropped before the HTML parser (whose time grows with the
//! square of the depth) sees them. `cleaner/extract/nesting.py` says why and when.

/// Tags with no end tag, and tags whose end tag may be left out (the parser closes them
/// itself): neither deepens the page, so neither is counted. Lower case.
const NOT_NESTING: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"rb",
    b"rt",
    b"rp",
];

/// A tag as the scan reads it: `<`, an optional `/`, a name (a letter, then letters,
/// digits, `:` and `-`), anything but `<` and `>`, an optional `/`, and `>`.
struct Tag {
    start: usize,
    end: usize,
    closing: bool,
    self_closing: bool,
    nests: bool,
}

/// How many `<` the markup holds: an upper bound on its tags, which says whether it is
/// worth `tags_too_deep` (counted by the memchr crate's vectorised loop, about ten
/// times Python's `str.count` on a page of a few hundred kilobytes).
pub fn tag_openings(html: &[u8]) -> usize {
    memchr::memchr_iter(b'<', html).count()
}

/// Byte spans of the opening and closing tags that sit deeper than `max_depth`.
///
/// Depth is counted the simple way (an opening tag deepens, a closing tag returns),
/// which over-counts only on malformed pages, where it costs at most tags past the
/// limit.
pub fn tags_too_deep(html: &[u8], max_depth: usize) -> Vec<(usize, usize)> {
    let mut dropped = Vec::new();
    let mut depth: usize = 0;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &html[at..]) {
        let start = at + offset;
        let Some(tag) = read_tag(html, start) else {
            at = start + 1;
            continue;
        };
        at = tag.end;
        if !tag.nests || tag.self_closing {
            continue;
        }
        if tag.closing {
            if depth > max_depth {
                dropped.push((tag.start, tag.end));
            }
            depth = depth.saturating_sub(1);
            continue;
        }
        depth += 1;
        if depth > max_depth {
            dropped.push((tag.start, tag.end));
        }
    }
    dropped
}

/// The tag that opens at `start` (a `<`), or None when no tag does.
fn read_tag(html: &[u8], start: usize) -> Option<Tag> {
    let mut at = start + 1;
    let closing = html.get(at) == Some(&b'/');
    if closing {
        at += 1;
    }
    let name_start = at;
    if !html.get(at).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    at += 1;
    while html
        .get(at)
        .is_some_and(|&byte| byte.is_ascii_alphanumeric() || byte == b':' || byte == b'-')
    {
        at += 1;
    }
    let name = &html[name_start..at];
    // The rest of the tag holds no `<` or `>`, up to the first `>`.
    let close = at + memchr::memchr2(b'<', b'>', &html[at..])?;
    if html[close] != b'>' {
        return None;
    }
    let nests = !NOT_NESTING.iter().any(|tag| tag.eq_ignore_ascii_case(name));
    Some(Tag {
        start,
        end: close + 1,
        closing,
        self_closing: close > at && html[close - 1] == b'/',
        nests,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_past_the_depth_are_found_and_void_tags_are_not_counted() {
        let html = b"<div><br><section><p>x</p><b>y</b></section></div>";
        assert_eq!(tags_too_deep(html, 2), vec![(26, 29), (30, 34)]);
        assert!(tags_too_deep(html, 3).is_empty());
    }

    #[test]
    fn stray_brackets_and_self_closing_tags_do_not_nest() {
        assert!(tags_too_deep(b"<a <b/> 3 < 4 <c/>", 0).is_empty());
        assert_eq!(tags_too_deep(b"<x><y>", 1), vec![(3, 6)]);
        assert_eq!(tag_openings(b"<a <b/> 3 < 4 <c/>"), 4);
        assert_eq!(tag_openings(b""), 0);
    }
}
