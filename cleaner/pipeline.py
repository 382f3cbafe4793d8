"""One input through the whole pipeline: read, (DOM and extraction), text rules, canonical body."""

from __future__ import annotations

from cleaner.buffer import TextBuffer
from cleaner.context import Context
from cleaner.document import Document, Format
from cleaner.engine import identify_site, run_text_rules
from cleaner.normalize import canonical
from cleaner.read import decode, detect_format
from cleaner.rules.ruleset import RuleSet


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
        from cleaner.html import clean_html

        return clean_html(ruleset, text, url=url)
    ctx = Context(TextBuffer(text), format=kind)
    if url:
        ctx.set_field("url", url, "argument")
    return run_text_phase(ruleset, ctx)


def run_text_phase(ruleset: RuleSet, ctx: Context) -> Document:
    """Identify the site, run the text rules, and build the Document."""
    identify_site(ruleset, ctx)
    run_text_rules(ruleset, ctx)
    return finish(ctx)


def finish(ctx: Context) -> Document:
    """Turn the final context into a Document, with status `empty` when no body is left."""
    body = canonical(ctx.text)
    document = Document(
        text=body,
        captions=list(ctx.captions),
        removed=sorted(ctx.removed, key=lambda r: (r.start is None, r.start or 0)),
        format=ctx.format,
        provenance=dict(ctx.provenance),
        **ctx.fields,  # type: ignore[arg-type]
    )
    if not body:
        document.status = "empty"
        document.reason = "rules removed all text" if ctx.removed else "input has no text"
    return document
