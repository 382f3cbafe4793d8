"""The text being cleaned, with a map from every current offset back to the input.

Rules edit the buffer in turn; each edit is recorded as a Removal whose offsets
point into the decoded input, however many earlier edits shifted the text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from cleaner.document import Removal
from cleaner.regex import Subject

#: Characters turned into a plain space before rules see the text. Each maps one
#: character to one character, so offsets into the view are offsets into the input.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\f\v"
_VIEW_TABLE = str.maketrans({**{c: " " for c in _SPACES}, "\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


def plain_view(text: str) -> str:
    """The input as rules see it: Unicode spaces as ' ', line breaks as '\\n', same length."""
    view = text.translate(_VIEW_TABLE)
    if "\r" in view:
        view = view.replace("\r\n", " \n").replace("\r", "\n")
    return view


@dataclass(frozen=True)
class Edit:
    """Replace current text[start:end] with `replacement` ('' to delete)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True)
class _Segment:
    start: int  # offset in the current text
    end: int
    origin: int  # offset in the input where this piece came from; -1 for inserted text


class TextBuffer:
    """Current text plus the piece table that maps it back to the input."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.text = plain_view(source)
        self.version = 0
        self._segments = [_Segment(0, len(self.text), 0)] if self.text else []
        self._subject: Subject | None = None

    @property
    def subject(self) -> Subject:
        """The current text prepared for matching (cached until the next edit)."""
        if self._subject is None:
            self._subject = Subject(self.text)
        return self._subject

    def apply(self, edits: list[Edit], rule: str) -> list[Removal]:
        """Apply non-overlapping edits and return what they removed, in input offsets."""
        edits = _merge(edits)
        if not edits:
            return []
        removals: list[Removal] = []
        pieces: list[str] = []
        segments: list[_Segment] = []
        cursor = 0
        for edit in edits:
            self._copy(cursor, edit.start, pieces, segments)
            removals.extend(self._removals(edit.start, edit.end, rule))
            if edit.replacement:
                at = sum(len(p) for p in pieces)
                segments.append(_Segment(at, at + len(edit.replacement), -1))
                pieces.append(edit.replacement)
            cursor = edit.end
        self._copy(cursor, len(self.text), pieces, segments)
        self.text = "".join(pieces)
        self._segments = segments
        self._subject = None
        self.version += 1
        return removals

    def origin_span(self, start: int, end: int) -> list[tuple[int, int]]:
        """The input spans that current text[start:end] came from (inserted text has none)."""
        spans = []
        for segment in self._overlapping(start, end):
            if segment.origin < 0:
                continue
            lo = max(start, segment.start) - segment.start + segment.origin
            hi = min(end, segment.end) - segment.start + segment.origin
            if spans and spans[-1][1] == lo:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
        return spans

    def _removals(self, start: int, end: int, rule: str) -> list[Removal]:
        return [
            Removal(rule, lo, hi, self.source[lo:hi])
            for lo, hi in self.origin_span(start, end)
            if hi > lo
        ]

    def _overlapping(self, start: int, end: int) -> list[_Segment]:
        starts = [s.start for s in self._segments]
        first = max(0, bisect_right(starts, start) - 1)
        found = []
        for segment in self._segments[first:]:
            if segment.start >= end:
                break
            if segment.end > start:
                found.append(segment)
        return found

    def _copy(self, start: int, end: int, pieces: list[str], segments: list[_Segment]) -> None:
        if end <= start:
            return
        at = sum(len(p) for p in pieces)
        for segment in self._overlapping(start, end):
            lo, hi = max(start, segment.start), min(end, segment.end)
            origin = -1 if segment.origin < 0 else segment.origin + lo - segment.start
            segments.append(_Segment(at + lo - start, at + hi - start, origin))
        pieces.append(self.text[start:end])


def _merge(edits: list[Edit]) -> list[Edit]:
    """Sort edits and fold overlapping deletions together; replacements never overlap."""
    merged: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.end <= edit.start and not edit.replacement:
            continue
        if merged and edit.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Edit(last.start, max(last.end, edit.end), last.replacement + edit.replacement)
            continue
        merged.append(edit)
    return merged
