"""What the text phase left of each line of the text it was given.

The text rules record every removal as offsets into their input (`Removal.start`,
`.end`; the settling passes too). A line no removal touches survives as it is,
so its Markdown can be the one rendered from the page; a line partly removed
survives as its remaining words, and a line wholly removed is gone. This is how
the Markdown carries exactly the text phase's removals without running it again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cleaner.document import Removal

#: A line of a text: a run of characters other than line breaks.
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Survivor:
    """What is left of one line: its text (whitespace collapsed, '' when it is gone),
    and whether no removal touched it."""

    text: str
    intact: bool


def line_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The (start, end) of every non-empty line of `text` from offset `start`."""
    return [match.span() for match in _LINE.finditer(text, start)]


def survivors(
    text: str, spans: list[tuple[int, int]], removals: Iterable[Removal]
) -> list[Survivor]:
    """For each span of `text` (in order, not overlapping), what the removals left of it."""
    removed = _merged((r.start, r.end) for r in removals if r.start is not None and r.end)
    result: list[Survivor] = []
    first = 0
    for start, end in spans:
        while first < len(removed) and removed[first][1] <= start:
            first += 1
        kept: list[str] = []
        cursor = start
        index = first
        while index < len(removed) and removed[index][0] < end:
            cut_start, cut_end = removed[index]
            kept.append(text[cursor : max(cursor, cut_start)])
            cursor = max(cursor, min(end, cut_end))
            index += 1
        kept.append(text[cursor:end])
        original = " ".join(text[start:end].split())
        left = " ".join("".join(kept).split())
        result.append(Survivor(left, left == original))
    return result


def _merged(ranges: Iterable[tuple[int, int | None]]) -> list[tuple[int, int]]:
    """The ranges sorted and merged where they touch or overlap."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((s, e) for s, e in ranges if e is not None and e > s):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
