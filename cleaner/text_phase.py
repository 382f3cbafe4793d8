"""The text phase shared by every format: text rules, settled canonical body, Document."""

from __future__ import annotations

from collections.abc import Mapping

from cleaner import _core
from cleaner.context import Context
from cleaner.deadline import Deadline, DocumentTimeout
from cleaner.document import Caption, Document, Format, PageType, Removal, Status, is_html
from cleaner.options import DEFAULT_MAX_REMOVED_SHARE, CleanOptions
from cleaner.read import detect_format
from cleaner.rules.ruleset import RuleSet
from cleaner.text_rules import run_text_rules


def clean_text(
    ruleset: RuleSet,
    text: str,
    format: Format | None,
    options: CleanOptions,
    *,
    stated: Context | None = None,
    deadline: Deadline,
) -> Document | None:
    """A text or Markdown input's Document: one call into the core, which detects the
    format unless it is given, runs the text rules and settles the body, the GIL
    released for all of it. None when the text reads as HTML: that is the HTML path's.

    `stated`: the fields the caller stated (`known=`, the url), if any. What is left
    to do here, with the GIL held, is building the Document: the core hands over the
    removals made, in order, and the counts that settle the over-removal check.
    """
    try:
        cleaned = ruleset.text_core.clean(
            text,
            format,
            fields=list(stated.fields.items()) if stated else [],
            provenance=list(stated.provenance.items()) if stated else [],
            timeout=deadline.remaining(),
        )
    except UnicodeEncodeError:  # a lone surrogate, which the core's UTF-8 cannot hold
        return _clean_stood_in(ruleset, text, format, options, stated, deadline)
    if cleaned is None:
        raise DocumentTimeout
    if cleaned.format == "html":
        return None
    document = _document_of(cleaned, text, options.max_removed_share)
    deadline.check()
    return document


def _clean_stood_in(
    ruleset: RuleSet,
    text: str,
    format: Format | None,
    options: CleanOptions,
    stated: Context | None,
    deadline: Deadline,
) -> Document | None:
    """`clean_text` for a text with lone surrogates: the rules run on it with a stand-in
    for each (`text_rules`), and the stand-ins go back in what they give."""
    format = format or detect_format(text)
    if is_html(format):
        return None
    ctx = stated or Context()
    ctx.format = format
    return run_text_phase(ruleset, ctx, text, options, deadline=deadline)


def _document_of(
    cleaned: _core.CleanedText, source: str, max_removed_share: float | None
) -> Document:
    """The Document of a text cleaned by the core (see `finish`)."""
    removed, fields, captions = cleaned.removed, cleaned.fields, cleaned.captions
    limit, visible = max_removed_share, cleaned.visible_chars
    warnings = []
    # Most documents lose far less than the limit: their removals' raw length settles it.
    if limit is not None and cleaned.removed_chars > limit * visible:
        warning = over_removal_warning(source, removed, limit, visible)
        if warning is not None:
            warnings.append(warning)
    return _document(
        cleaned.body,
        format=cleaned.format,
        page_type=None,
        fields=fields,
        provenance=cleaned.provenance,
        captions=[Caption(text, credit) for text, credit in captions] if captions else [],
        authors=[fields["author"]] if "author" in fields else [],
        removed=removed,
        warnings=warnings,
    )


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
    warnings = list(ctx.warnings)
    warning = over_removal_warning(source, ctx.removed, max_removed_share, visible)
    if warning is not None:
        warnings.append(warning)
    return _document(
        body,
        format=ctx.format,
        page_type=ctx.page_type,
        fields=ctx.fields,
        provenance=dict(ctx.provenance),
        captions=list(ctx.captions),
        authors=list(ctx.authors) or ([ctx.fields["author"]] if "author" in ctx.fields else []),
        removed=sorted(ctx.removed, key=lambda r: (r.start is None, r.start or 0)),
        warnings=warnings,
    )


def _document(
    body: str,
    *,
    format: Format,
    page_type: PageType | None,
    fields: Mapping[str, str],
    provenance: dict[str, str],
    captions: list[Caption],
    authors: list[str],
    removed: list[Removal],
    warnings: list[str],
) -> Document:
    """The Document of a body and what was gathered on the way: status `empty` when no
    body is left, with the reason."""
    status: Status = "ok"
    reason = None
    if not body:
        status, reason = "empty", "rules removed all text" if removed else "input has no text"
    return Document(
        text=body,
        captions=captions,
        authors=authors,
        removed=removed,
        status=status,
        reason=reason,
        format=format,
        page_type=page_type,
        provenance=provenance,
        warnings=warnings,
        **fields,
    )


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
