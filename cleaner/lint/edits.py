"""The edits a fix makes to a document, in input offsets, limited to allowed findings.

The rules' run leaves the input cut into kept pieces; between two kept pieces
lies a gap of removed input, perhaps with text a rule inserted there. A gap is
made of removals, each a finding. A fix deletes the allowed removals of a gap
one by one; a gap with inserted text is replaced as a whole, and only when every
removal in it is allowed (inserted text belongs to no single finding).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from cleaner.document import Removal
from cleaner.lint.analysis import Analysis


class SourceEdit(NamedTuple):
    """Replace source[start:end] with `insert` ('' to delete)."""

    start: int
    end: int
    insert: str = ""


class _Gap(NamedTuple):
    start: int
    end: int
    inserted: str


class Plan(NamedTuple):
    """The edits of a fix and the removals they apply."""

    edits: list[SourceEdit]
    applied: list[Removal]


def allowed_edits(analysis: Analysis, allowed: Callable[[Removal], bool]) -> Plan:
    """The edits that apply the allowed removals (and nothing a finding does not cover)."""
    removals = sorted(analysis.removals, key=lambda r: (r.start or 0, r.end or 0))
    plan = Plan([], [])
    index = 0
    for gap in _gaps(analysis):
        inside: list[Removal] = []
        while index < len(removals) and (removals[index].start or 0) < gap.end:
            if (removals[index].end or 0) > gap.start:
                inside.append(removals[index])
            index += 1
        _plan_gap(gap, inside, allowed, plan)
    return plan


def _plan_gap(
    gap: _Gap, inside: Sequence[Removal], allowed: Callable[[Removal], bool], plan: Plan
) -> None:
    if not inside:
        return
    if gap.inserted:
        if all(allowed(removal) for removal in inside):
            plan.edits.append(SourceEdit(gap.start, gap.end, gap.inserted))
            plan.applied.extend(inside)
        return
    for removal in inside:
        if allowed(removal):
            start, end = max(gap.start, removal.start or 0), min(gap.end, removal.end or 0)
            plan.edits.append(SourceEdit(start, end))
            plan.applied.append(removal)


def _gaps(analysis: Analysis) -> list[_Gap]:
    """Removed stretches of the input, each with the text inserted in its place."""
    gaps: list[_Gap] = []
    position, inserted = 0, ""
    for piece in analysis.pieces:
        if piece.origin < 0:
            inserted += piece.text
            continue
        if piece.origin > position or inserted:
            gaps.append(_Gap(position, piece.origin, inserted))
            inserted = ""
        position = piece.origin + len(piece.text)
    if position < len(analysis.source) or inserted:
        gaps.append(_Gap(position, len(analysis.source), inserted))
    return gaps
