"""The text phase shared by every format: site, text rules, canonical body, Document."""

from __future__ import annotations

from cleaner.context import Context
from cleaner.document import Document
from cleaner.engine import identify_site, run_text_rules
from cleaner.normalize import canonical
from cleaner.rules.ruleset import RuleSet


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
        authors=list(ctx.authors) or ([ctx.fields["author"]] if "author" in ctx.fields else []),
        removed=sorted(ctx.removed, key=lambda r: (r.start is None, r.start or 0)),
        format=ctx.format,
        provenance=dict(ctx.provenance),
        **ctx.fields,  # type: ignore[arg-type]
    )
    if not body:
        document.status = "empty"
        document.reason = "rules removed all text" if ctx.removed else "input has no text"
    return document
