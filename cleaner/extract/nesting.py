"""Flatten element nesting deeper than any real page, before the HTML parser sees it.

The HTML parser checks the stack of open elements for every tag, so its time
grows with the square of the nesting depth: 100,000 nested `<div>`s take it
about 20 seconds, in one C call no time limit can interrupt. Browsers cap the
depth of the tree they build for the same reason (Chromium: 512). Tags past
`MAX_DEPTH` are dropped here, their text kept in the element at the limit.
"""

from __future__ import annotations

from cleaner import _core
from cleaner.lazy_text import LazyText, text_of
from cleaner.regex import STAND_INS

#: Open elements deeper than this lose their tags (their text stays). Real pages
#: stay within a few dozen; the parser takes milliseconds at this depth.
MAX_DEPTH = 1_000

#: Pages with fewer tag openings than this are parsed as they are: even nested all
#: the way down they take the parser under a tenth of a second, and scanning every
#: page for its depth would cost more than it saves (real pages hold a few thousand).
SCAN_ABOVE_TAGS = 10_000


def flatten_deep_nesting(
    html: LazyText, max_depth: int = MAX_DEPTH, *, markup: bytes | None = None
) -> LazyText:
    """`html` with the tags of elements nested deeper than `max_depth` removed.

    Pages with fewer than SCAN_ABOVE_TAGS tags are returned as they are,
    without a scan. `markup`: `html` in UTF-8, when the caller has it: its `<`
    are counted in the core, about ten times as fast as `str.count` (most pages
    hold a character beyond Latin-1, which makes their str two bytes a character),
    and `html` may be the function that decodes it (read only to flatten).
    """
    openings = _core.tag_openings(markup) if markup is not None else text_of(html).count("<")
    if openings <= max(SCAN_ABOVE_TAGS, max_depth):
        return html
    text = text_of(html)
    dropped = _tags_too_deep(text, max_depth)
    if not dropped:
        return html
    pieces: list[str] = []
    cursor = 0
    for start, end in dropped:
        pieces.append(text[cursor:start])
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _tags_too_deep(html: str, max_depth: int) -> list[tuple[int, int]]:
    """Spans of the opening and closing tags that sit deeper than `max_depth`: one scan
    in the core (`src/nesting.rs`), which also says which tags do not nest."""
    try:
        return _core.tags_too_deep(html, max_depth)
    except UnicodeEncodeError:  # lone surrogates: their stand-ins keep every offset
        return _core.tags_too_deep(html.translate(STAND_INS), max_depth)
