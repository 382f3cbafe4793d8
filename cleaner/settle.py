"""Settling: clean the body again until a clean of it changes nothing, so cleaning is idempotent."""

from __future__ import annotations

from cleaner.buffer import Edit, TextBuffer
from cleaner.context import Context
from cleaner.deadline import Deadline
from cleaner.document import METADATA_FIELDS, is_html, is_rule_provenance
from cleaner.engine import run_text_pass
from cleaner.normalize import canonical, canonical_edits, nfc
from cleaner.read import detect_format
from cleaner.rules.ruleset import RuleSet

#: How many times the rules may clean the body again before it is taken as it is (see
#: `settle`). One pass is almost always enough; each further pass that edits is rarer.
MAX_SETTLE_PASSES = 8
#: Longer texts are cleaned once: a settle pass costs about a first pass again.
MAX_SETTLE_CHARS = 1_000_000


def settle(ruleset: RuleSet, ctx: Context, deadline: Deadline) -> str | None:
    """Clean the body again, as `clean(doc.text, known=doc.known_fields())` would, until
    that changes nothing.

    Cleaning must be idempotent, and one pass of the rules is not: the
    canonical body joins hard-wrapped lines and splits paragraphs only after
    the rules ran, Markdown marks are stripped after the head rules looked at
    the first line, and a second clean knows no field the first one's rules
    found. So the body is cleaned again, in a fresh Context that knows only
    the fields the input stated (an HTML page's headline, date and author, the
    url, the caller's `known=`), the format detected from the body. Mostly
    that changes nothing, and the body is returned as it is: a fixed point of
    cleaning. When it does change something, the buffer is put in the body's
    layout (whitespace edits only, so every removal still points into the
    input through the piece table) and the rules run on it the same way, up to
    MAX_SETTLE_PASSES times; what they remove and find is added to `ctx` (a
    field already known keeps its value), and the body of the first pass that
    edits nothing is returned.

    None: the body could not be settled, and `finish` makes it from the text as
    it is. So it goes for a body that reads as an HTML page (a second clean
    would take it for one, which no text pass can stand for), for texts over
    MAX_SETTLE_CHARS, and when every pass still edits.
    """
    if len(ctx.text) > MAX_SETTLE_CHARS:
        return None
    body = canonical(ctx.text)
    known = _known_before_the_rules(ctx)
    again = _clean_again(ruleset, TextBuffer(body), deadline, known)
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
        again = _clean_again(ruleset, buffer, deadline, known)
        if again is None:
            return None
        _adopt(ctx, again)
        if buffer.version == version:
            return nfc(buffer.text)
    return None


def _known_before_the_rules(ctx: Context) -> dict[str, tuple[str, str]]:
    """The fields the input stated rather than the text rules found, with their
    provenance: an HTML page's markup, the url, or the caller's `known=` argument.

    A settle pass knows them, as the first pass did: the headline found in
    `<h1>` is still the headline, and the body's first line is not taken for it.
    """
    return {
        name: (ctx.fields[name], ctx.provenance[name])
        for name in METADATA_FIELDS
        if name in ctx.fields and not is_rule_provenance(ctx.provenance[name])
    }


def _clean_again(
    ruleset: RuleSet, buffer: TextBuffer, deadline: Deadline, known: dict[str, tuple[str, str]]
) -> Context | None:
    """Run the text rules on `buffer` as a fresh clean of its text would, knowing only the
    fields the input stated (`known`); None for a body that reads as a page."""
    deadline.check()
    again = Context(buffer, format=detect_format(buffer.text))
    if is_html(again.format):
        return None
    for name, (value, source) in known.items():
        again.fields[name], again.provenance[name] = value, source
    run_text_pass(ruleset, again, deadline)
    return again


def _adopt(ctx: Context, again: Context) -> None:
    """Add what a settle pass (`again`, on the same buffer) removed and found to `ctx`."""
    ctx.removed.extend(again.removed)
    ctx.captions.extend(again.captions)
    for name, value in again.fields.items():
        ctx.set_field(name, value, again.provenance[name])
