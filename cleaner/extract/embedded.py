"""Main text a page carries only in its embedded data: JSON-LD `articleBody`, and a
product's description and specifications.

Script-rendered pages and some paywalled templates ship the article to the
browser as data, not markup: the visible page is an empty shell, while a
JSON-LD article object (`NewsArticle`, `BlogPosting`, ...) holds the whole
body in `articleBody` (or, for other creative works, `text`). When the
visible page yields no main text, that body is the page's text.

The value is plain text with newlines between paragraphs on most sites, and
HTML on some; either way it comes back as one line per paragraph.

A product page often hides its description and specifications in tabs that
only scripts fill, while its JSON-LD `Product` states them (`description`,
`additionalProperty`): what the extracted text lacks of them is added.
"""

from __future__ import annotations

import html
import re

from selectolax.lexbor import LexborHTMLParser

from cleaner.extract.blocks import text_blocks
from cleaner.metadata.page import Page, types_of

#: JSON-LD keys that hold a creative work's full text, in order of preference.
BODY_KEYS = ("articleBody", "text")
#: A body shorter than this (characters) is a summary or a teaser, not the article.
MIN_BODY_CHARS = 200


def embedded_text(signals: Page) -> str:
    """The longest article body among the page's JSON-LD article objects ('' when none)."""
    bodies = (
        body
        for obj in signals.articles
        for key in BODY_KEYS
        if isinstance(body := obj.get(key), str)
    )
    best = max(bodies, key=len, default="")
    text = _paragraphs(best) if len(best) >= MIN_BODY_CHARS else ""
    return text if len(text) >= MIN_BODY_CHARS else ""


def _paragraphs(body: str) -> str:
    """One line per paragraph of a body given as plain text or as HTML."""
    if "<" in body and ">" in body:
        tree = LexborHTMLParser(f"<body>{body}</body>")
        if tree.body is not None:
            return "\n".join(block.text for block in text_blocks(tree.body) if block.text)
    lines = (" ".join(line.split()) for line in html.unescape(body).splitlines())
    return "\n".join(line for line in lines if line)


#: A product description shorter than this (characters) is a tagline, not a description.
MIN_DESCRIPTION_CHARS = 100
#: A description or specification counts as present when this share of its words is.
PRESENT_SHARE = 0.5
_WORD = re.compile(r"\w+")


def product_details(signals: Page, text: str) -> list[str]:
    """The lines of the page's JSON-LD product description and specifications that the
    extracted `text` lacks (empty when it holds them, or the page states none)."""
    products = [obj for obj in signals.others if "product" in types_of(obj)]
    if not products:
        return []
    present = set(_WORD.findall(text.lower()))
    descriptions = (obj.get("description") for obj in products)
    description = max((d for d in descriptions if isinstance(d, str)), key=len, default="")
    lines = []
    if len(description) >= MIN_DESCRIPTION_CHARS and not _shown(description, present):
        lines.extend(_paragraphs(description).splitlines())
    specs = [spec for obj in products for spec in _specifications(obj)]
    if specs and not _shown(" ".join(specs), present):
        lines.extend(specs)
    return lines


def _shown(value: str, present: set[str]) -> bool:
    words = set(_WORD.findall(value.lower()))
    return len(words & present) >= PRESENT_SHARE * len(words)


def _specifications(product: dict[str, object]) -> list[str]:
    """`name: value` lines of a product's `additionalProperty` (schema.org PropertyValue)."""
    raw = product.get("additionalProperty")
    entries = raw if isinstance(raw, list) else [raw]
    lines = []
    for entry in entries:
        if isinstance(entry, dict):
            name, value = entry.get("name"), entry.get("value")
            if isinstance(name, str) and isinstance(value, str | int | float) and name.strip():
                lines.append(f"{' '.join(name.split())}: {' '.join(str(value).split())}")
    return lines
