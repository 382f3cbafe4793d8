"""trafilatura as the second opinion, for pages where our own extraction finds no prose."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser


def trafilatura_text(tree: LexborHTMLParser, url: str | None) -> str:
    """The main text trafilatura finds on the (already pruned) page, '' when none.

    `fast=True` skips its readability and jusText fallbacks: on real pages
    they cost more than half its time and did not change its accuracy.
    """
    import trafilatura  # imported late: loading it costs ~0.3 s, most runs never need it

    html = tree.html or ""
    text = trafilatura.extract(html, url=url, fast=True, include_comments=False)
    return (text or "").strip()
