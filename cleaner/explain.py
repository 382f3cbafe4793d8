"""Explaining one cleaned document: the input with every removal marked, then the metadata.

For text and Markdown inputs, removals carry offsets into the decoded input,
so the input is shown whole with each removed run highlighted (ANSI colours)
or bracketed as `[rule-id: text]` and labelled with its rule. HTML removals
have no offsets (they are elements and extraction losses): they are listed
by rule, followed by the body that was kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

from cleaner.document import METADATA_FIELDS, Document, Removal, is_html

_STRIKE_RED = "\x1b[9;31m"
_LABEL = "\x1b[2;36m"
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def explain(raw_text: str, document: Document, color: bool) -> str:
    """The whole explanation: a summary line, the marked input, the metadata."""
    parts = [_summary(document), ""]
    if is_html(document.format) or any(r.start is None for r in document.removed):
        parts += _removals_by_rule(document.removed, color)
        parts += ["", _heading("Body kept", color), document.text]
    else:
        parts += [
            _heading("Input, removals marked", color),
            marked_text(raw_text, document.removed, color),
        ]
    parts += ["", _heading("Metadata", color), *metadata_lines(document)]
    return "\n".join(parts) + "\n"


def marked_text(text: str, removals: Sequence[Removal], color: bool) -> str:
    """`text` with each removed run wrapped: coloured and labelled, or `[rule-id: ...]`."""
    pieces = []
    for rule, run in removal_runs(text, removals):
        if rule is None:
            pieces.append(run)
        elif color:
            pieces.append(f"{_STRIKE_RED}{run}{_RESET}{_LABEL}[{rule}]{_RESET}")
        else:
            pieces.append(f"[{rule}: {run}]")
    return "".join(pieces)


def metadata_lines(document: Document) -> list[str]:
    """One line per field: its value and where it came from (`provenance`)."""
    lines = []
    for name in METADATA_FIELDS:
        value = getattr(document, name)
        source = document.provenance.get(name)
        shown = "-" if value is None else value
        lines.append(f"{name}: {shown}" + (f"  (from {source})" if source else ""))
    if len(document.authors) > 1:
        lines.append(f"authors: {'; '.join(document.authors)}")
    for caption in document.captions:
        credit = f"  (credit: {caption.credit})" if caption.credit else ""
        lines.append(f"caption: {caption.text or '-'}{credit}")
    lines.append(
        f"status: {document.status}" + (f" ({document.reason})" if document.reason else "")
    )
    return lines


def removal_runs(text: str, removals: Sequence[Removal]) -> Iterator[tuple[str | None, str]]:
    """(rule or None, text) runs; a character belongs to the first removal that took it."""
    owner: list[str | None] = [None] * len(text)
    for removal in removals:
        if removal.start is None or removal.end is None:
            continue
        for index in range(removal.start, min(removal.end, len(text))):
            if owner[index] is None:
                owner[index] = removal.rule
    position = 0
    for rule, group in groupby(owner):
        length = sum(1 for _ in group)
        yield rule, text[position : position + length]
        position += length


def _removals_by_rule(removals: Sequence[Removal], color: bool) -> list[str]:
    lines = [_heading("Removed, by rule", color)]
    by_rule: dict[str, list[str]] = {}
    for removal in removals:
        by_rule.setdefault(removal.rule, []).append(removal.text)
    for rule, texts in by_rule.items():
        label = f"{_LABEL}[{rule}]{_RESET}" if color else f"[{rule}]"
        lines.append(f"{label} {len(texts)} removed")
        for text in texts:
            shown = " ".join(text.split())
            lines.append(f"  {_STRIKE_RED}{shown}{_RESET}" if color else f"  - {shown}")
    if not by_rule:
        lines.append("nothing removed")
    return lines


def _summary(document: Document) -> str:
    rules = len({r.rule for r in document.removed})
    removed = sum(len(r.text) for r in document.removed)
    return (
        f"{document.format} document, status {document.status}: {len(document.removed)} "
        f"removals by {rules} rules, {removed} characters removed, {len(document.text)} kept"
    )


def _heading(text: str, color: bool) -> str:
    return f"{_BOLD}{text}{_RESET}" if color else f"== {text} =="
