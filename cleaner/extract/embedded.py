"""Main text a page carries only in its embedded data: JSON-LD `articleBody`.

Script-rendered pages and some paywalled templates ship the article to the
browser as data, not markup: the visible page is an empty shell, while a
JSON-LD article object (`NewsArticle`, `BlogPosting`, ...) holds the whole
body in `articleBody` (or, for other creative works, `text`). When the
visible page yields no main text, that body is the page's text.

The value is plain text with newlines between paragraphs on most sites, and
HTML on some; either way it comes back as one line per paragraph.
"""

from __future__ import annotations

import html

from selectolax.lexbor import LexborHTMLParser

from cleaner.extract.blocks import text_blocks
from cleaner.metadata.page import Page

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
