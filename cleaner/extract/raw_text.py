"""Elements whose text is raw, written self-closing: the rest of the page became their text.

HTML reads the content of a few elements as raw text up to their end tag: `<iframe>`,
`<textarea>`, `<title>`, `<xmp>`, `<noembed>`, `<noframes>`. XML's self-closing
syntax means nothing in HTML, so a template that writes the tag manager's
`<noscript><iframe src="…" height="0" width="0" />` (as JSX and XML tooling do)
opens an iframe that is never closed: every byte after it, the whole article
included, is one text node of the iframe, and the page reads as empty.

`unswallowed` tells such a page from its parsed tree (one of those elements holding
a long text with markup in it) and closes each self-closing one in the markup, to
be parsed again. Other pages are not touched and cost one selector query.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

#: The elements whose content HTML reads as raw text, scripts and styles aside.
RAW_TEXT_SELECTOR = "iframe, textarea, title, xmp, noembed, noframes"
#: A raw text this long, with markup in it, is a page swallowed by an unclosed element.
MIN_SWALLOWED_CHARS = 200
_MARKUP = re.compile(r"<(?:div|p|section|article|main|h[1-6]|ul|table|span|a)\b", re.IGNORECASE)
#: Such an element written self-closing (`<iframe src="…" />`), in the page's UTF-8.
_SELF_CLOSED = re.compile(
    rb"<(iframe|textarea|title|xmp|noembed|noframes)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)/>",
    re.IGNORECASE,
)


def unswallowed(tree: LexborHTMLParser, markup: bytes) -> bytes | None:
    """The page's markup with each self-closing raw-text element closed, when one of
    them swallowed the page; None when none did (or none was written self-closing)."""
    if not any(_swallowed(node.text() or "") for node in tree.css(RAW_TEXT_SELECTOR)):
        return None
    repaired, count = _SELF_CLOSED.subn(rb"<\1\2></\1>", markup)
    return repaired if count else None


def _swallowed(text: str) -> bool:
    """Whether an element's raw text is a page: long, with elements' markup in it."""
    return len(text) >= MIN_SWALLOWED_CHARS and _MARKUP.search(text) is not None
