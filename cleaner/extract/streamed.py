"""Pages streamed by React's server renderer: put the late content where it belongs.

A page rendered by React 18+ with streaming (Next.js's App Router and many
others) sends its shell first, with a placeholder for each part still loading:
a `<template id="B:0">` followed by a fallback ("Loading paragraph..."), or a
bare `<template id="P:3">`. The content follows later in the same response, in
a `<div hidden id="S:0">`, and a small script (`$RC("B:0","S:0")`,
`$RS("S:3","P:3")`) moves it into place in the browser. A saved page has not
run that script: its text sits hidden at the end of the body while the
reader-facing spot holds "Loading...". Since hidden elements are never content,
the article would be lost.

`place_streamed_content` does what the script does: the children of each
hidden segment go where its placeholder stands (the segment `S:x` belongs to
the placeholder `B:x` or `P:x`, as React numbers them), a boundary's fallback
goes, and the emptied segment goes. A page without such segments is not
touched.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner import _core
from cleaner.lazy_text import LazyText, text_of

#: Text that is in the markup of every streamed page that has hidden segments.
STREAM_MARK = 'id="S:'
_STREAM_MARK_BYTES = STREAM_MARK.encode()
#: A hidden segment of streamed content.
SEGMENT_SELECTOR = 'div[hidden][id^="S:"]'
#: Comments React puts around a boundary: `<!--$?-->` (pending), `<!--$-->`, `<!--$!-->`
#: open one, `<!--/$-->` closes it.
_OPENING_COMMENTS = frozenset({"<!--$?-->", "<!--$-->", "<!--$!-->"})
_CLOSING_COMMENT = "<!--/$-->"
#: Without the boundary's comments (a page saved without comments), the element just
#: after the placeholder is taken for its fallback when its text is this short.
MAX_FALLBACK_CHARS = 100


def place_streamed_content(
    tree: LexborHTMLParser, html: LazyText, markup: bytes | None = None
) -> int:
    """Move each hidden streamed segment of the page to its placeholder; return how many
    were placed. `html` is the page's markup, looked at only for STREAM_MARK;
    `markup`: the same in UTF-8, when the caller has it, searched in the core (five
    times as fast as `in` on a page of a few hundred kilobytes)."""
    if markup is not None:
        if not _core.holds(markup, _STREAM_MARK_BYTES):
            return 0
    elif STREAM_MARK not in text_of(html):
        return 0
    placed = 0
    for segment in tree.css(SEGMENT_SELECTOR):
        if segment.parent is None:
            continue
        suffix = (segment.attributes.get("id") or "")[2:]
        target = _placeholder(tree, suffix)
        if target is None:
            continue
        boundary = (target.attributes.get("id") or "").startswith("B:")
        for child in list(segment.iter(include_text=True)):
            target.insert_before(child)
        if boundary:
            _drop_fallback(target)
        target.decompose()
        segment.decompose()
        placed += 1
    return placed


def _placeholder(tree: LexborHTMLParser, suffix: str) -> Any:
    """The `<template>` a segment with this id suffix fills: `P:x`, else `B:x`."""
    if not suffix or '"' in suffix or "\\" in suffix:
        return None
    return tree.css_first(f'template[id="P:{suffix}"]') or tree.css_first(
        f'template[id="B:{suffix}"]'
    )


def _drop_fallback(template: Any) -> None:
    """Remove what a boundary shows while loading: the siblings after its `<template>`
    up to the comment that closes the boundary; without that comment, one short
    element just after it."""
    after = _siblings_after(template)
    end = _closing_comment(after)
    if end is not None:
        for node in after[: end + 1]:
            node.decompose()
        return
    first = next((node for node in after if node.tag != "-text" or node.text().strip()), None)
    if (
        first is not None
        and first.tag not in ("-comment", "-text", "template")
        and len(first.text(deep=True)) <= MAX_FALLBACK_CHARS
    ):
        first.decompose()


def _siblings_after(node: Any) -> list[Any]:
    siblings = []
    current = node.next
    while current is not None:
        siblings.append(current)
        current = current.next
    return siblings


def _closing_comment(nodes: list[Any]) -> int | None:
    """The index of the comment closing the boundary the nodes follow (nested
    boundaries in the fallback counted), or None."""
    depth = 0
    for index, node in enumerate(nodes):
        if node.tag != "-comment":
            continue
        markup = node.html or ""
        if markup in _OPENING_COMMENTS:
            depth += 1
        elif markup == _CLOSING_COMMENT:
            if depth == 0:
                return index
            depth -= 1
    return None
