"""Lines of a text as the rules see them, and offsets as 1-based line and column."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

#: The line breaks of a text: the ones the rules' plain view turns into '\n'.
LINE_BREAK = re.compile("\r\n|[\n\r\u2028\u2029\x85]")


class Line(NamedTuple):
    """One line: content is text[start:end], its line break text[end:next]."""

    start: int
    end: int
    next: int


def split_lines(text: str) -> list[Line]:
    """Every line of `text`; a last line without a line break has end == next."""
    lines: list[Line] = []
    start = 0
    for match in LINE_BREAK.finditer(text):
        lines.append(Line(start, match.start(), match.end()))
        start = match.end()
    if start < len(text) or not lines:
        lines.append(Line(start, len(text), len(text)))
    return lines


#: Line breaks other than '\n'; most texts have none, and take the fast path.
_OTHER_BREAKS = ("\r", "\u2028", "\u2029", "\x85")


class LineIndex:
    """Turns character offsets into (line, column), both 1-based, columns in characters.

    Texts whose only line break is '\n' (most) are answered with `str.count`
    and `str.rfind` (a documents has a few findings; no table is worth building);
    others build a table of line starts once.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        only_newlines = "\r" not in text and (
            text.isascii() or not any(c in text for c in _OTHER_BREAKS)
        )
        self._starts: list[int] | None = (
            None if only_newlines else [0, *(m.end() for m in LINE_BREAK.finditer(text))]
        )

    def position(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            text = self._text
            return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def end_position(self, start: int, end: int) -> tuple[int, int]:
        """Where a span ends: the position of its last character (inclusive), as SARIF wants
        an end column one past it; a span ending in a line break ends on that line."""
        if end <= start:
            return self.position(start)
        line, column = self.position(end - 1)
        return line, column + 1
