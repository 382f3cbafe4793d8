"""Main text a page carries only in its embedded data: JSON-LD `articleBody`, framework
page data, and a product's description and specifications.

Script-rendered pages and some paywalled templates ship the article to the
browser as data, not markup: the visible page is an empty shell, while a
JSON-LD article object (`NewsArticle`, `BlogPosting`, ...) holds the whole
body in `articleBody` (or, for other creative works, `text`). When the
visible page yields no main text, that body is the page's text.

The value is plain text with newlines between paragraphs on most sites, and
HTML on some; either way it comes back as one line per paragraph. Without
JSON-LD, a framework's page data (a JSON script such as Next.js's
`__NEXT_DATA__`) may hold the body as one long string among its props: the
longest string there that reads as prose or as HTML paragraphs is taken.

A product page often hides its description and specifications in tabs that
only scripts fill, while its JSON-LD `Product` states them (`description`,
`additionalProperty`): what the extracted text lacks of them is added.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Sequence
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner.extract.blocks import text_blocks
from cleaner.metadata.page import Page, types_of
from cleaner.words import word_set

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
    text = paragraphs_of(best) if len(best) >= MIN_BODY_CHARS else ""
    return text if len(text) >= MIN_BODY_CHARS else ""


def paragraphs_of(body: str) -> str:
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


def product_details(signals: Page, text: str) -> list[str]:
    """The lines of the page's JSON-LD product description and specifications that the
    extracted `text` lacks (empty when it holds them, or the page states none)."""
    products = [obj for obj in signals.others if "product" in types_of(obj)]
    if not products:
        return []
    present = word_set(text)
    descriptions = (obj.get("description") for obj in products)
    description = max((d for d in descriptions if isinstance(d, str)), key=len, default="")
    lines = []
    if len(description) >= MIN_DESCRIPTION_CHARS and not _shown(description, present):
        lines.extend(paragraphs_of(description).splitlines())
    specs = [spec for obj in products for spec in _specifications(obj)]
    if specs and not _shown(" ".join(specs), present):
        lines.extend(specs)
    return lines


def _shown(value: str, present: set[str]) -> bool:
    words = word_set(value)
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


#: Page data larger than this (characters) is not parsed: no body needs it, a hostile
#: page could send much more.
MAX_PAGE_DATA_CHARS = 5_000_000
#: How deep into page data strings are looked for.
MAX_PAGE_DATA_DEPTH = 40
#: A page-data string reads as prose when at least this share of its characters are
#: letters or spaces (ids, urls, base64 and CSS fall far short).
MIN_PROSE_LETTER_SHARE = 0.8


def page_data_text(scripts: Sequence[str]) -> str:
    """The longest string in the page's JSON data scripts that reads as an article body
    ('' when none does)."""
    best = ""
    for source in scripts:
        if len(source) > MAX_PAGE_DATA_CHARS:
            continue
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):
            continue
        for value in _strings(data):
            if len(value) > len(best) and _reads_as_body(value):
                best = value
    text = paragraphs_of(best) if best else ""
    return text if len(text) >= MIN_BODY_CHARS else ""


def _strings(data: Any) -> Iterator[str]:
    """Every string long enough to be a body, in a parsed JSON value (depth-limited)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if len(value) >= MIN_BODY_CHARS:
                yield value
        elif depth < MAX_PAGE_DATA_DEPTH and isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif depth < MAX_PAGE_DATA_DEPTH and isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


def _reads_as_body(value: str) -> bool:
    """HTML with paragraphs, or running text: mostly letters and spaces, with sentences."""
    if "<p" in value and "</p>" in value:
        return True
    plain = sum(char.isalpha() or char == " " for char in value)
    return plain >= MIN_PROSE_LETTER_SHARE * len(value) and value.count(". ") >= 2
