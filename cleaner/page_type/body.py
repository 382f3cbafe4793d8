"""Features from a page's body: element counts and the text's size and shares.

One walk over the body's elements (a Python loop, the largest part of the
page type's cost) counts tags and keeps the few elements read further:
paragraphs, images, times, headings, scripts and styles. Text is read in C
(`text()`), never node by node, and never link by link: the links' share of
the text told the types apart no better than the tag counts already do, at
a tenth of a millisecond per page.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from cleaner.words import latin_equivalent_chars

#: Elements counted by tag (`n_<tag>`).
COUNTED_TAGS = (
    "p", "pre", "code", "table", "form", "input", "select", "textarea", "button", "h1", "h2",
    "h3", "h4", "article", "section", "nav", "aside", "footer", "li", "ul", "ol", "img", "a",
    "time", "blockquote", "dl", "figure", "video", "iframe", "label", "kbd", "header", "main",
)  # fmt: skip

#: Currency signs: in a page's visible text nearly always part of a price.
CURRENCY_SIGNS = ("$", "€", "£")
#: A paragraph this long (characters) reads as prose rather than a label or a teaser.
PROSE_CHARS = 200
#: The walk stops after this many elements: a giant page's first part tells its type,
#: and the walk's time stays bounded.
MAX_ELEMENTS = 20_000

_KEPT_TAGS = ("p", "img", "time", "h2", "h3", "script", "style")


class Body:
    """What one walk over the body found, and its texts, each read once."""

    def __init__(self, body: LexborNode) -> None:
        self.tags: list[str] = []
        self.kept: dict[str, list[LexborNode]] = {tag: [] for tag in _KEPT_TAGS}
        tags, kept = self.tags, self.kept
        for node in islice(body.traverse(), MAX_ELEMENTS):
            tag = node.tag or ""
            tags.append(tag)
            if tag in kept:
                kept[tag].append(node)
        self.visible = _visible(body, [*kept["script"], *kept["style"]])
        texts = [(p, p.text(strip=True)) for p in kept["p"]]
        # Sizes as a space-separated script would write as much: a Chinese page reads as
        # the English page that says what it says (`cleaner.words`).
        self.paragraphs = [(p, latin_equivalent_chars(text)) for p, text in texts]
        self.prose = [(p, size) for p, size in self.paragraphs if size >= PROSE_CHARS]
        self.headings = [*kept["h2"], *kept["h3"]]
        #: Headings that are links: the titles of teasers, cards and search results.
        self.heading_links = [h for h in self.headings if h.css_first("a") is not None]


class _Visible(NamedTuple):
    """The size of the body's visible text (as `latin_equivalent_chars` counts it) and the
    prices in it."""

    chars: int
    prices: int


def _visible(body: LexborNode, hidden: list[LexborNode]) -> _Visible:
    """The body's text less its scripts' and styles', each text node stripped.

    Read child by child, skipping the body's own scripts (where pages keep
    their megabytes of inline data, never copied so), less the text of the
    scripts and styles nested deeper: cheaper than gathering the visible text
    node by node in Python.
    """
    body_id = body.mem_id
    texts = [
        child.text(strip=True)
        for child in body.iter(include_text=True)
        if child.tag not in _HIDDEN_TAGS
    ]
    nested = [
        node.text(strip=True)
        for node in hidden
        if node.parent is not None and node.parent.mem_id != body_id
    ]
    chars = sum(map(latin_equivalent_chars, texts)) - sum(map(latin_equivalent_chars, nested))
    prices = sum(text.count(sign) for text in texts for sign in CURRENCY_SIGNS) - sum(
        text.count(sign) for text in nested for sign in CURRENCY_SIGNS
    )
    return _Visible(max(chars, 0), max(prices, 0))


_HIDDEN_TAGS = frozenset({"script", "style"})


def body_features(body: Body) -> dict[str, float]:
    """`n_<tag>` counts, and the visible text's size, prose, heading links and prices."""
    counts = Counter(body.tags)
    features = {f"n_{tag}": float(counts[tag]) for tag in COUNTED_TAGS}
    features["n_elements"] = float(len(body.tags) - counts["-comment"])
    chars = body.visible.chars
    prose_chars = sum(length for _, length in body.prose)
    heading_links = len(body.heading_links)
    features.update(
        {
            "text_chars": float(chars),
            "n_prose": float(len(body.prose)),
            "prose_chars": float(prose_chars),
            "max_paragraph_chars": float(max((n for _, n in body.paragraphs), default=0)),
            "share_prose": min(prose_chars / chars, 1.0) if chars else 0.0,
            "prose_together": _prose_together(body.prose),
            "n_heading_links": float(heading_links),
            "share_heading_links": heading_links / len(body.headings) if body.headings else 0.0,
            "headings_per_prose": len(body.headings) / (len(body.prose) + 1),
            "n_prices": float(body.visible.prices),
        }
    )
    return features


def _prose_together(prose: list[tuple[LexborNode, int]]) -> float:
    """The share of prose characters in the paragraphs of the one parent that holds most.

    Near 1 for an article (its paragraphs are siblings), lower where prose is
    spread over posts, cards or sections.
    """
    if not prose:
        return 0.0
    by_parent: Counter[int] = Counter()
    for paragraph, length in prose:
        parent = paragraph.parent
        by_parent[parent.mem_id if parent is not None else 0] += length
    return max(by_parent.values()) / sum(by_parent.values())
