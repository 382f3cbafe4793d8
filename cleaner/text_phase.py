"""The text phase shared by every format: site, text rules, canonical body, Document."""

from __future__ import annotations

from cleaner.buffer import Edit, TextBuffer
from cleaner.context import Context
from cleaner.deadline import Deadline
from cleaner.document import Document, Removal
from cleaner.engine import identify_site, run_text_rules
from cleaner.normalize import canonical, canonical_edits, nfc
from cleaner.read import detect_format
from cleaner.rules.ruleset import RuleSet

#: The share of a document's text the rules may remove before the result is flagged.
DEFAULT_MAX_REMOVED_SHARE = 0.6
#: How many times the rules may clean the body again before it is taken as it is (see
#: `settle`). One pass is almost always enough; each further pass that edits is rarer.
MAX_SETTLE_PASSES = 8
#: Longer texts are cleaned once: a settle pass costs about a first pass again.
MAX_SETTLE_CHARS = 1_000_000


def run_text_phase(
    ruleset: RuleSet,
    ctx: Context,
    *,
    deadline: Deadline | None = None,
    max_removed_share: float | None = DEFAULT_MAX_REMOVED_SHARE,
) -> Document:
    """Identify the site, run the text rules, and build the Document.

    The deadline is checked between the steps (the only checks that work off
    the main thread, where no timer signal can interrupt a step).
    """
    deadline = deadline or Deadline(None)
    identify_site(ruleset, ctx)
    deadline.check()
    run_text_rules(ruleset, ctx, deadline)
    deadline.check()
    body = settle(ruleset, ctx, deadline)
    document = finish(ctx, max_removed_share, body=body)
    deadline.check()
    return document


def settle(ruleset: RuleSet, ctx: Context, deadline: Deadline) -> str | None:
    """Clean the body again, as `clean(doc.text)` would, until that changes nothing.

    Cleaning must be idempotent, and one pass of the rules is not: the
    canonical body joins hard-wrapped lines and splits paragraphs only after
    the rules ran, Markdown marks are stripped after the head rules looked at
    the first line, and a second clean knows no field the first one found.
    So the body is cleaned again, in a fresh Context: no fields, the format
    detected from the body. Mostly that changes nothing, and the body is
    returned as it is: a fixed point of cleaning. When it does change
    something, the buffer is put in the body's layout (whitespace edits only,
    so every removal still points into the input through the piece table) and
    the rules run on it the same way, up to MAX_SETTLE_PASSES times; what
    they remove and find is added to `ctx` (a field already known keeps its
    value), and the body of the first pass that edits nothing is returned.

    None: the body could not be settled, and `finish` makes it from the text as
    it is. So it goes for a body that reads as an HTML page (a second clean
    would take it for one, which no text pass can stand for), for texts over
    MAX_SETTLE_CHARS, and when every pass still edits.
    """
    if len(ctx.text) > MAX_SETTLE_CHARS:
        return None
    body = canonical(ctx.text)
    again = _clean_again(ruleset, TextBuffer(body), deadline)
    if again is None:
        return None
    if again.buffer.version == 0:  # the common case: a second clean would change nothing
        _adopt(ctx, again)
        return body
    for _ in range(MAX_SETTLE_PASSES):
        buffer = ctx.buffer
        # The removals of these edits are whitespace only: not worth a record.
        buffer.apply([Edit(*edit) for edit in canonical_edits(buffer.text)], "canonical")
        version = buffer.version
        again = _clean_again(ruleset, buffer, deadline)
        if again is None:
            return None
        _adopt(ctx, again)
        if buffer.version == version:
            return nfc(buffer.text)
    return None


def _clean_again(ruleset: RuleSet, buffer: TextBuffer, deadline: Deadline) -> Context | None:
    """Run the text rules on `buffer` as a fresh clean of its text would; None for a page."""
    deadline.check()
    again = Context(buffer, format=detect_format(buffer.text))
    if again.format == "html":
        return None
    identify_site(ruleset, again)
    run_text_rules(ruleset, again, deadline)
    return again


def _adopt(ctx: Context, again: Context) -> None:
    """Add what a settle pass (`again`, on the same buffer) removed and found to `ctx`."""
    ctx.removed.extend(again.removed)
    ctx.captions.extend(again.captions)
    for name, value in again.fields.items():
        ctx.set_field(name, value, again.provenance[name])


def finish(
    ctx: Context,
    max_removed_share: float | None = DEFAULT_MAX_REMOVED_SHARE,
    *,
    body: str | None = None,
) -> Document:
    """Turn the final context into a Document, with status `empty` when no body is left.

    `body`: the canonical body when it is known already (see `settle`).

    When the text rules removed more than `max_removed_share` of the text they
    were given, the Document carries an `over-removal` warning: a rule that
    eats an article is a bug to look at, not a result to trust silently.
    """
    if body is None:
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
    warning = over_removal_warning(ctx.buffer.source, ctx.removed, max_removed_share)
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


def over_removal_warning(source: str, removed: list[Removal], limit: float | None) -> str | None:
    """`over-removal: rules removed 72% of the text (limit 60%)`, or None within the limit."""
    if limit is None:
        return None
    # Most documents lose far less than the limit: their removals' raw length settles it.
    if sum(len(r.text) for r in removed if r.start is not None) <= limit * _visible_chars(source):
        return None
    share = removed_share(source, removed)
    if share <= limit:
        return None
    return f"over-removal: rules removed {share:.0%} of the text (limit {limit:.0%})"


def _visible_chars(text: str) -> int:
    return len(text) - sum(text.count(space) for space in _COUNTED_SPACES) if text else 0


#: Whitespace left out of the share: what canonical bodies collapse or drop.
_COUNTED_SPACES = (" ", "\n", "\t", "\r", "\u00a0")
