"""HTML inputs: DOM rules on the selectolax tree, then main-content extraction.

Selector rules prune chrome first (cheaper and more precise than letting the
extractor guess); trafilatura then extracts the main text and metadata from
the pruned page, and the extracted text goes through the same text rules as
any text input.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner.buffer import TextBuffer
from cleaner.context import Context
from cleaner.document import Document
from cleaner.rules.ruleset import RuleSet
from cleaner.text_phase import run_text_phase

#: Fields taken from the extractor's metadata under the same names.
_METADATA_FROM_EXTRACTOR = ("title", "author", "date", "url")


def clean_html(ruleset: RuleSet, html: str, *, url: str | None = None) -> Document:
    """Clean one HTML page into a Document (never raises for bad markup)."""
    ctx = Context(TextBuffer(""), format="html")
    if url:
        ctx.set_field("url", url, "argument")
    tree = LexborHTMLParser(html)
    for rule in ruleset.dom_rules:
        if rule.applies(ctx):
            rule.apply_dom(tree, ctx)
    extracted = _extract(tree.html or "", url)
    if extracted is None:
        document = Document(format="html", url=ctx.fields.get("url"), site=ctx.fields.get("site"))
        document.removed = list(ctx.removed)
        document.status, document.reason = "empty", "no main content found"
        return document
    ctx.buffer = TextBuffer(extracted.get("text") or "")
    for name in _METADATA_FROM_EXTRACTOR:
        ctx.set_field(name, extracted.get(name), "html")
    _set_section(ctx, extracted.get("categories"))
    return run_text_phase(ruleset, ctx)


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return data if (data.get("text") or "").strip() else None


def _set_section(ctx: Context, categories: Any) -> None:
    if isinstance(categories, list) and categories:
        ctx.set_field("section", str(categories[0]), "html")
    elif isinstance(categories, str) and categories.strip():
        ctx.set_field("section", categories.split(",")[0], "html")
