"""One document through the text rules, keeping what a linter needs from the run.

`cleaner clean` keeps only the canonical body; a linter needs the removals (the
findings) and the exact make-up of the edited text: which pieces of the input
were kept and which text rules inserted (a substitute's replacement), so a fix
can be spliced into the file itself rather than replace it with the canonical body.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.context import Context
from cleaner.deadline import Deadline, DocumentTimeout, enforced
from cleaner.document import Format, Removal, is_html
from cleaner.read import detect_format
from cleaner.rules.ruleset import RuleSet
from cleaner.text_rules import run_text_rules


class HtmlInputError(Exception):
    """The document is HTML: its removals have no offsets into the file, so lint skips it."""


class AnalysisTimeout(Exception):
    """The rules ran past the time limit on this document."""


@dataclass(frozen=True)
class Piece:
    """A stretch of the edited text: kept from the input at `origin`, or inserted (origin -1)."""

    text: str
    origin: int


@dataclass(frozen=True)
class Analysis:
    """What the rules would do to one document: removals in input offsets and the result."""

    source: str
    format: Format
    removals: tuple[Removal, ...]
    pieces: tuple[Piece, ...]


def analyze(ruleset: RuleSet, text: str, *, timeout: float | None = None) -> Analysis:
    """Run the text rules over `text` (plain text or Markdown).

    Raises HtmlInputError for HTML and AnalysisTimeout past `timeout` seconds.
    """
    format = detect_format(text)
    if is_html(format):
        raise HtmlInputError
    deadline = Deadline(timeout)
    try:
        with enforced(deadline):
            # One pass without the canonical body and its settling: lint has no use for it.
            run = run_text_rules(
                ruleset, Context(format=format), text, settle=False, edited=True, deadline=deadline
            )
    except DocumentTimeout:
        raise AnalysisTimeout from None
    removals = sorted(
        (r for r in run.removals if r.start is not None and r.end is not None),
        key=lambda r: (r.start, r.end),
    )
    pieces = tuple(Piece(piece, origin) for piece, origin in run.pieces)
    return Analysis(text, format, tuple(removals), pieces)
