"""Flatten element nesting deeper than any real page, before the HTML parser sees it.

The HTML parser checks the stack of open elements for every tag, so its time
grows with the square of the nesting depth: 100,000 nested `<div>`s take it
about 20 seconds, in one C call no time limit can interrupt. Browsers cap the
depth of the tree they build for the same reason (Chromium: 512). Tags past
`MAX_DEPTH` are dropped here, their text kept in the element at the limit.
"""

from __future__ import annotations

import re

#: Open elements deeper than this lose their tags (their text stays). Real pages
#: stay within a few dozen; the parser takes milliseconds at this depth.
MAX_DEPTH = 1_000

#: Pages with fewer tag openings than this are parsed as they are: even nested all
#: the way down they take the parser under a tenth of a second, and scanning every
#: page for its depth would cost more than it saves (real pages hold a few thousand).
SCAN_ABOVE_TAGS = 10_000

#: Tags with no end tag, and tags whose end tag may be left out (the parser closes
#: them itself): neither deepens the page, so neither is counted.
_NOT_NESTING = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
     "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp"]
)  # fmt: skip

# `[^<>]*`, not `[^>]*`: a scan never runs past the next tag, so unclosed `<`s stay linear.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")


def flatten_deep_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """`html` with the tags of elements nested deeper than `max_depth` removed.

    Pages with fewer than SCAN_ABOVE_TAGS tags are returned as they are,
    without a scan.
    """
    if html.count("<") <= max(SCAN_ABOVE_TAGS, max_depth):
        return html
    dropped = _tags_too_deep(html, max_depth)
    if not dropped:
        return html
    pieces: list[str] = []
    cursor = 0
    for start, end in dropped:
        pieces.append(html[cursor:start])
        cursor = end
    pieces.append(html[cursor:])
    return "".join(pieces)


def _tags_too_deep(html: str, max_depth: int) -> list[tuple[int, int]]:
    """Spans of the opening and closing tags that sit deeper than `max_depth`.

    Depth is counted the simple way (an opening tag deepens, a closing tag
    returns), which over-counts only on malformed pages, where it costs at most
    tags past the limit.
    """
    dropped: list[tuple[int, int]] = []
    depth = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _NOT_NESTING or self_closing:
            continue
        if closing:
            if depth > max_depth:
                dropped.append(match.span())
            depth = max(depth - 1, 0)
            continue
        depth += 1
        if depth > max_depth:
            dropped.append(match.span())
    return dropped
