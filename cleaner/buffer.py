"""The text being cleaned, with a map from every current offset back to the input.

Rules edit the buffer in turn; each edit is recorded as a Removal whose offsets
point into the decoded input, however many earlier edits shifted the text.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from cleaner.document import Removal
from cleaner.regex import Subject
from cleaner.regions import head_end, tail_start

#: Characters turned into a plain space before rules see the text. Each maps one
#: character to one character, so offsets into the view are offsets into the input.
_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\f\v"
)
_VIEW_MAP = {**{c: " " for c in _SPACES}, "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
_ASCII_VIEW_CHARS = tuple(c for c in _VIEW_MAP if c.isascii())


def plain_view(text: str) -> str:
    """The input as rules see it: Unicode spaces as ' ', line breaks as '\\n', same length.

    Most texts hold none of these characters, or one or two of them: a
    `str.replace` per character present costs a few fast scans, where
    `str.translate` with a table would look up every character of a non-ASCII
    text (tens of times slower). No replacement is itself a key of the map,
    so the order of the replacements does not matter.
    """
    view = text
    for char in _ASCII_VIEW_CHARS if text.isascii() else _VIEW_MAP:
        if char in view:
            view = view.replace(char, _VIEW_MAP[char])
    if "\r" in view:
        view = view.replace("\r\n", " \n").replace("\r", "\n")
    return view


class Edit(NamedTuple):
    """Replace current text[start:end] with `replacement` ('' to delete).

    A named tuple rather than a frozen dataclass: rules make one per match, and
    a tuple is several times cheaper to create.
    """

    start: int
    end: int
    replacement: str = ""


#: A piece of the current text: (start, end, origin), where `origin` is the offset in
#: the input the piece came from, -1 for inserted text. A plain tuple: a buffer makes
#: and unpacks a few for every edit.
_Segment = tuple[int, int, int]


class TextBuffer:
    """Current text plus the piece table that maps it back to the input."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.text = plain_view(source)
        self.version = 0
        #: Bumped by edits that change text within a line (rather than only
        #: emptying whole lines): only those can create new line-local matches.
        self.inline_version = 0
        self._segments: list[_Segment] = [(0, len(self.text), 0)] if self.text else []
        self._subject: Subject | None = None
        self._bounds: dict[int, int] = {}  # region bounds of the current text (see head_end)

    @property
    def subject(self) -> Subject:
        """The current text prepared for matching (cached until the next edit)."""
        if self._subject is None:
            self._subject = Subject(self.text)
        return self._subject

    def head_end(self, lines: int) -> int:
        """`regions.head_end` of the current text, worked out once per text version.

        The prefilter and every head rule ask for it, most often of a text no
        edit has changed since the last time.
        """
        found = self._bounds.get(lines)
        if found is None:
            found = self._bounds[lines] = head_end(self.text, lines)
        return found

    def tail_start(self, lines: int) -> int:
        """`regions.tail_start` of the current text, worked out once per text version."""
        found = self._bounds.get(-lines)
        if found is None:
            found = self._bounds[-lines] = tail_start(self.text, lines)
        return found

    def apply(self, edits: list[Edit], rule: str) -> list[Removal]:
        """Apply non-overlapping edits and return what they removed, in input offsets.

        One walk over edits and segments together: both are sorted, so each
        segment is visited about once however many edits there are.
        """
        edits = _merge(edits)
        if not edits:
            return []
        old, text, source = self._segments, self.text, self.source
        if not all(_empties_whole_lines(text, edit) for edit in edits):
            self.inline_version += 1
        removals: list[Removal] = []
        pieces: list[str] = []
        segments: list[_Segment] = []
        index = cursor = at = 0  # `at`: length of the new text so far
        for edit in edits:
            start, end, replacement = edit.start, edit.end, edit.replacement
            index = _shift_segments(old, index, cursor, start, at, segments)
            pieces.append(text[cursor:start])
            at += start - cursor
            for lo, hi in _origins(old, index, start, end):
                if hi > lo:
                    removals.append(Removal(rule, lo, hi, source[lo:hi]))
            if replacement:
                segments.append((at, at + len(replacement), -1))
                pieces.append(replacement)
            at += len(replacement)
            cursor = end
        _shift_segments(old, index, cursor, len(text), at, segments)
        pieces.append(text[cursor:])
        self.text = "".join(pieces)
        self._segments = segments
        self._subject = None
        self._bounds = {}
        self.version += 1
        return removals

    def pieces(self) -> list[tuple[str, int]]:
        """The current text as (text, origin) pieces, in order: a kept piece reads as in
        the input (not the plain view) from offset `origin`; inserted text has origin -1.

        What a fixer needs to splice the edits into a file and leave the rest as it was.
        """
        source, text = self.source, self.text
        return [
            (text[start:end], -1) if origin < 0 else (source[origin : origin + end - start], origin)
            for start, end, origin in self._segments
        ]

    def origin_span(self, start: int, end: int) -> list[tuple[int, int]]:
        """The input spans that current text[start:end] came from (inserted text has none)."""
        segments = self._segments
        index = max(0, bisect_right([segment[0] for segment in segments], start) - 1)
        return _origins(segments, index, start, end)


def _empties_whole_lines(text: str, edit: Edit) -> bool:
    """Whether the edit deletes exactly whole lines' content, leaving their newlines."""
    start, end = edit.start, edit.end
    return (
        not edit.replacement
        and (start == 0 or text[start - 1] == "\n")
        and (end == len(text) or text[end] == "\n")
    )


def _shift_segments(
    old: list[_Segment], index: int, start: int, end: int, at: int, out: list[_Segment]
) -> int:
    """Append the pieces of old[index:] covering text[start:end], moved to new offset `at`.

    Segments before `index` end at or before `start`. Returns the index of the
    first segment that reaches past `end` (where the next walk resumes).
    """
    count = len(old)
    while index < count and old[index][1] <= start:
        index += 1
    while index < count:
        segment_start, segment_end, origin = old[index]
        if segment_start >= end:
            break
        lo, hi = max(start, segment_start), min(end, segment_end)
        if hi > lo:
            shifted = -1 if origin < 0 else origin + lo - segment_start
            out.append((at + lo - start, at + hi - start, shifted))
        if segment_end > end:
            break
        index += 1
    return index


def _origins(old: list[_Segment], index: int, start: int, end: int) -> list[tuple[int, int]]:
    """The input spans text[start:end] came from, adjacent ones joined; none for inserted text.

    Segments before `index` end at or before `start`.
    """
    spans: list[tuple[int, int]] = []
    for segment_start, segment_end, origin in old[index:]:
        if segment_start >= end:
            break
        if origin >= 0 and segment_end > start:
            lo = max(start, segment_start) - segment_start + origin
            hi = min(end, segment_end) - segment_start + origin
            if spans and spans[-1][1] == lo:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    return spans


def _merge(edits: list[Edit]) -> list[Edit]:
    """Sort edits and fold overlapping deletions together; replacements never overlap."""
    merged: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.end <= edit.start and not edit.replacement:
            continue
        if merged and edit.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Edit(
                last.start, max(last.end, edit.end), last.replacement + edit.replacement
            )
            continue
        merged.append(edit)
    return merged
