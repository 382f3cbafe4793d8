"""The dateline: the date a reader sees written beside the headline, in plain text.

Many pages mark up no date at all, yet show one by the headline: a line
"Published March 3, 2024", "By Jane Doe · 3 min read · 12 mars 2024", or a
date just above the title under a section label. The text around the
headline's h1 (a little before it, more after it, its own words included) is
read with the project's date parser, which knows month names in the major
European languages. Pages without a headline have no dateline.
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from cleaner.dates import parse_date
from cleaner.metadata.date_values import FoundDate, plausible
from cleaner.metadata.titles import headline_text

_BEFORE = 100  # characters of text before the headline: a section label and a date above it
_AFTER = 300  # characters after it: a standfirst, the byline and the date line
#: Elements whose text no reader sees.
_UNSEEN = frozenset({"script", "style", "noscript", "template", "svg", "-comment"})


def dateline_date(
    h1s: list[LexborNode], title: str | None, names: list[str], crawl_day: str | None
) -> FoundDate | None:
    """The date written next to the page's headline, not after `crawl_day`.

    The headline is the h1 whose words are the page's title, else the first
    h1; `names` are the site's names, as the title was read without them.
    """
    headline = _headline(h1s, title, names)
    if headline is None:
        return None
    window = " ".join(
        (_text_before(headline, _BEFORE), headline.text(separator=" "), _text_after(headline))
    )
    found = parse_date(" ".join(window.split()))
    if found is None or not plausible(found, crawl_day):
        return None
    return FoundDate(found, "html", found)


def _headline(h1s: list[LexborNode], title: str | None, names: list[str]) -> LexborNode | None:
    """The h1 whose headline text is the title, else the first h1."""
    if title is not None:
        for node in h1s[:_MAX_H1]:
            if headline_text(node, names) == title:
                return node
    return h1s[0] if h1s else None


_MAX_H1 = 30


def _text_after(node: LexborNode) -> str:
    """The first `_AFTER` characters of text that follow the node in the page."""
    pieces: list[str] = []
    size = 0
    for sibling in _following(node):
        text = sibling.text(separator=" ")
        pieces.append(text[: _AFTER - size])
        size += len(pieces[-1])
        if size >= _AFTER:
            break
    return " ".join(pieces)


def _text_before(node: LexborNode, limit: int) -> str:
    """The last `limit` characters of text that precede the node in the page."""
    pieces: list[str] = []
    size = 0
    for sibling in _preceding(node):
        text = sibling.text(separator=" ")
        pieces.append(text[-(limit - size) :] if len(text) > limit - size else text)
        size += len(pieces[-1])
        if size >= limit:
            break
    return " ".join(reversed(pieces))


def _following(node: LexborNode) -> Iterator[LexborNode]:
    """The node's later siblings, then its ancestors' later siblings, up to the body."""
    return _walk(node, forward=True)


def _preceding(node: LexborNode) -> Iterator[LexborNode]:
    """The node's earlier siblings, nearest first, then its ancestors' earlier siblings."""
    return _walk(node, forward=False)


def _walk(node: LexborNode, *, forward: bool) -> Iterator[LexborNode]:
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html"):
        sibling = current.next if forward else current.prev
        while sibling is not None:
            if sibling.tag not in _UNSEEN:
                yield sibling
            sibling = sibling.next if forward else sibling.prev
        current = current.parent
