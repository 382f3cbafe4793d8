"""The text phase shared by every format: text rules, settled canonical body, Document."""

from __future__ import annotations

from cleaner.context import Context
from cleaner.deadline import Deadline
from cleaner.document import Document, Removal
from cleaner.options import DEFAULT_MAX_REMOVED_SHARE, CleanOptions
from cleaner.rules.ruleset import RuleSet
from cleaner.text_rules import run_text_rules


def run_text_phase(
    ruleset: RuleSet,
    ctx: Context,
    text: str,
    options: CleanOptions,
    *,
    deadline: Deadline | None = None,
) -> Document:
    """Run the text rules over `text` (in the core, settled), and build the Document.

    Of the `options`, the over-removal limit applies here (see `finish`).
    """
    deadline = deadline or Deadline(None)
    run = run_text_rules(ruleset, ctx, text, deadline=deadline)
    document = finish(
        ctx,
        options.max_removed_share,
        body=run.body or "",
        source=text,
        visible=run.visible_chars,
    )
    deadline.check()
    return document


def finish(
    ctx: Context,
    max_removed_share: float | None = DEFAULT_MAX_REMOVED_SHARE,
    *,
    body: str = "",
    source: str = "",
    visible: int | None = None,
) -> Document:
    """Turn the final context into a Document, with status `empty` when no body is left.

    `body`: the canonical body; `source`: the text the text rules were given, and
    `visible` its characters other than whitespace, when known.

    When the text rules removed more than `max_removed_share` of the text they
    were given, the Document carries an `over-removal` warning: a rule that
    eats an article is a bug to look at, not a result to trust silently.
    """
    document = Document(
        text=body,
        captions=list(ctx.captions),
        authors=list(ctx.authors) or ([ctx.fields["author"]] if "author" in ctx.fields else []),
        removed=sorted(ctx.removed, key=lambda r: (r.start is None, r.start or 0)),
        format=ctx.format,
        page_type=ctx.page_type,
        provenance=dict(ctx.provenance),
        warnings=list(ctx.warnings),
        **ctx.fields,  # type: ignore[arg-type]
    )
    if not body:
        document.status = "empty"
        document.reason = "rules removed all text" if ctx.removed else "input has no text"
    warning = over_removal_warning(source, ctx.removed, max_removed_share, visible)
    if warning is not None:
        document.warnings.append(warning)
    return document


def removed_share(source: str, removed: list[Removal]) -> float:
    """The share of `source`'s visible characters (whitespace aside) the removals took.

    Only removals with offsets count: they are the text rules' edits of
    `source`. Whitespace is left out on both sides, so blank lines and
    indentation neither hide nor inflate a removal.
    """
    total = _visible_chars(source)
    if total == 0:
        return 0.0
    taken = sum(_visible_chars(r.text) for r in removed if r.start is not None)
    return min(taken / total, 1.0)


def over_removal_warning(
    source: str, removed: list[Removal], limit: float | None, visible: int | None = None
) -> str | None:
    """`over-removal: rules removed 72% of the text (limit 60%)`, or None within the limit.

    `visible`: `source`'s characters other than whitespace, when known (the core
    counts them as it reads the text).
    """
    if limit is None:
        return None
    total = _visible_chars(source) if visible is None else visible
    # Most documents lose far less than the limit: their removals' raw length settles it.
    if sum(len(r.text) for r in removed if r.start is not None) <= limit * total:
        return None
    share = removed_share(source, removed)
    if share <= limit:
        return None
    return f"over-removal: rules removed {share:.0%} of the text (limit {limit:.0%})"


def _visible_chars(text: str) -> int:
    return len(text) - sum(text.count(space) for space in _COUNTED_SPACES) if text else 0


#: Whitespace left out of the share: what canonical bodies collapse or drop.
_COUNTED_SPACES = (" ", "\n", "\t", "\r", "\u00a0")
