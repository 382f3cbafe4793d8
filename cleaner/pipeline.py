"""One input through the whole pipeline: read, (DOM and extraction), text phase."""

from __future__ import annotations

from cleaner.buffer import TextBuffer
from cleaner.context import Context
from cleaner.document import Document, Format
from cleaner.html import clean_html
from cleaner.read import decode, detect_format
from cleaner.rules.ruleset import RuleSet
from cleaner.text_phase import run_text_phase


def clean_raw(
    ruleset: RuleSet,
    raw: str | bytes,
    *,
    url: str | None = None,
    format: Format | None = None,
) -> Document:
    """Clean one raw input (str or bytes, any supported format) into a Document."""
    text = decode(raw) if isinstance(raw, bytes) else raw
    kind = format or detect_format(text)
    if kind == "html":
        return clean_html(ruleset, text, url=url)
    ctx = Context(TextBuffer(text), format=kind)
    if url:
        ctx.set_field("url", url, "argument")
    return run_text_phase(ruleset, ctx)
