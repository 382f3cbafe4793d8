"""The text rules on one document: a single call into the compiled core.

The core (src/text/) runs every applicable text rule over the text, records each
removal against the input, keeps what the rules capture as metadata and the
captions they lift, and settles the canonical body. It releases the GIL for the
whole call and checks the deadline itself, before every rule, so a worker thread
is bounded as well as the main one. This module hands it a document's state
(`Context`) and takes back what it did: for the text phase of an HTML page, a
rule's examples and lint. (A text or Markdown input goes through
`text_phase.clean_text`, a call that also detects its format and hands back its
removals ready for the Document.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from cleaner import _core
from cleaner.context import Context
from cleaner.deadline import Deadline, DocumentTimeout
from cleaner.document import Caption, Removal
from cleaner.regex import STAND_INS
from cleaner.rules.base import Rule
from cleaner.rules.ruleset import RuleSet

#: A call into the core with a text, its fields and their provenance.
_Call = Callable[[str, list[tuple[str, str]], list[tuple[str, str]]], _core.TextOutcome]

#: A lone surrogate's stand-in (see `cleaner.regex.STAND_INS`) → the surrogate.
_SURROGATES = {stand_in: code for code, stand_in in STAND_INS.items()}


class TextRun(NamedTuple):
    """What the rules did to one text, beyond what they added to the Context.

    (A named tuple: made once a document, it costs a fraction of a frozen dataclass.)
    """

    #: The edited text, before the canonical body's layout ('' unless asked for).
    text: str
    #: The settled canonical body (None when not asked for).
    body: str | None
    #: The removals of this run, in input offsets (also added to the Context).
    removals: list[Removal]
    #: The edited text as (text, origin) pieces: kept from the input at `origin`,
    #: or inserted by a rule (origin -1); empty unless asked for.
    pieces: list[tuple[str, int]]
    #: How many times the rule fired (`run_rule` only).
    fired: int
    #: The input's characters other than spaces, line breaks, tabs and no-break spaces.
    visible_chars: int


def run_text_rules(
    ruleset: RuleSet,
    ctx: Context,
    text: str,
    *,
    settle: bool = True,
    edited: bool = False,
    deadline: Deadline | None = None,
) -> TextRun:
    """Run the rule set's text rules over `text`, adding what they found to `ctx`.

    With `settle`, the run also makes the canonical body, cleaned again until a
    clean of it changes nothing (so `clean` is idempotent); with `edited`, it
    keeps the edited text and its pieces (what a fixer splices). Raises
    DocumentTimeout once the deadline has passed.
    """
    remaining = deadline.remaining() if deadline is not None else None
    core = ruleset.text_core
    outcome, stood_in = _in_core(
        lambda t, f, p: core.run(
            t,
            ctx.format,
            page_type=ctx.page_type,
            fields=f,
            provenance=p,
            timeout=remaining,
            settle=settle,
            edited=edited,
        ),
        ctx,
        text,
    )
    if outcome.timed_out:
        raise DocumentTimeout
    return _adopt(ctx, text, outcome, stood_in, ruleset.text_rule_ids)


def run_rule(rule: Rule, ctx: Context, text: str) -> TextRun:
    """Run one text rule alone over `text` when its conditions hold, without the
    prefilter: how a rule's examples run."""
    outcome, stood_in = _in_core(
        lambda t, f, p: rule.alone.run_one(
            0, t, ctx.format, page_type=ctx.page_type, fields=f, provenance=p
        ),
        ctx,
        text,
    )
    return _adopt(ctx, text, outcome, stood_in, [rule.id])


def plain_view(text: str) -> str:
    """The text as the rules see it: Unicode spaces as ' ', line breaks as '\\n', one
    character for each of the input's (`src/buffer.rs`)."""
    try:
        return _core.plain_view(text)
    except UnicodeEncodeError:
        return _back(_core.plain_view(text.translate(STAND_INS)))


def _in_core(call: _Call, ctx: Context, text: str) -> tuple[_core.TextOutcome, bool]:
    """`call(text, fields, provenance)`, and whether lone surrogates had to stand in.

    UTF-8, the core's text, cannot hold a lone surrogate: such a text goes in
    with each one as its private-use stand-in, one character for one, and what
    comes back is translated again.
    """
    fields, provenance = list(ctx.fields.items()), list(ctx.provenance.items())
    try:
        return call(text, fields, provenance), False
    except UnicodeEncodeError:
        return call(
            text.translate(STAND_INS),
            [(name, value.translate(STAND_INS)) for name, value in fields],
            provenance,
        ), True


def _adopt(
    ctx: Context,
    source: str,
    outcome: _core.TextOutcome | _Translated,
    stood_in: bool,
    rule_ids: Sequence[str],
) -> TextRun:
    """Add the outcome's fields, captions and removals to `ctx`; the rest as a TextRun."""
    if stood_in:
        outcome = _translated(outcome)
    ctx.fields = dict(outcome.fields)
    ctx.provenance = dict(outcome.provenance)
    if outcome.captions:
        ctx.captions.extend(Caption(text, credit) for text, credit in outcome.captions)
    make = Removal._make  # tuple's own constructor: a few times cheaper than Removal(...)
    removals = [
        make((rule_ids[rule], start, end, source[start:end]))
        for rule, start, end in outcome.removals
    ]
    ctx.removed.extend(removals)
    edited = outcome.text
    pieces = (
        [
            (edited[start:end], -1)
            if origin < 0
            else (source[origin : origin + end - start], origin)
            for start, end, origin in outcome.pieces
        ]
        if edited
        else []
    )
    return TextRun(edited, outcome.body, removals, pieces, outcome.fired, outcome.visible_chars)


def _back(text: str) -> str:
    return text.translate(_SURROGATES)


@dataclass(frozen=True)
class _Translated:
    """An outcome's text parts with lone surrogates back where their stand-ins are."""

    fields: list[tuple[str, str]]
    provenance: list[tuple[str, str]]
    captions: list[tuple[str | None, str | None]]
    removals: list[tuple[int, int, int]]
    pieces: list[tuple[int, int, int]]
    text: str
    body: str | None
    fired: int
    visible_chars: int


def _translated(outcome: _core.TextOutcome | _Translated) -> _Translated:
    def maybe(text: str | None) -> str | None:
        return None if text is None else _back(text)

    return _Translated(
        fields=[(name, _back(value)) for name, value in outcome.fields],
        provenance=outcome.provenance,
        captions=[(maybe(text), maybe(credit)) for text, credit in outcome.captions],
        removals=outcome.removals,
        pieces=outcome.pieces,
        text=_back(outcome.text),
        body=maybe(outcome.body),
        fired=outcome.fired,
        visible_chars=outcome.visible_chars,
    )
