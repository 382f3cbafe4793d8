"""Linear-time pattern matching for rules, on top of google-re2.

Every rule pattern goes through here, so no user rule can make a job hang
(RE2 has no backtracking) and the rest of the code never touches RE2's API.
Patterns are compiled in multi-line mode: `^` and `$` anchor at line
boundaries, `\\A` and `\\z` at the ends of the text. Matching runs on UTF-8
bytes (RE2's native form) and spans are converted back to str offsets only
when a match is found.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import re2

_UNANCHORED = re2._Anchor.UNANCHORED


class PatternError(ValueError):
    """A pattern RE2 cannot compile; the message says why."""


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False
    return options


def _reason(error: Exception) -> str:
    detail = error.args[0] if error.args else str(error)
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    return str(detail)


class Subject:
    """A text prepared for matching: its UTF-8 bytes and offset conversions."""

    __slots__ = ("ascii", "data", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8", "surrogatepass")
        self.ascii = len(self.data) == len(text)

    def to_char(self, byte_offset: int) -> int:
        if self.ascii:
            return byte_offset
        return len(self.data[:byte_offset].decode("utf-8", "surrogatepass"))

    def to_byte(self, char_offset: int) -> int:
        if self.ascii:
            return char_offset
        return len(self.text[:char_offset].encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class Match:
    """A match in str offsets: the spans of all groups, and the names of the named ones."""

    spans: tuple[tuple[int, int] | None, ...]
    names: dict[str, int]
    text: str

    @property
    def start(self) -> int:
        span = self.spans[0]
        assert span is not None
        return span[0]

    @property
    def end(self) -> int:
        span = self.spans[0]
        assert span is not None
        return span[1]

    def span(self, group: int | str) -> tuple[int, int] | None:
        index = self.names[group] if isinstance(group, str) else group
        return self.spans[index]

    def group_text(self, group: int | str) -> str | None:
        span = self.span(group)
        return None if span is None else self.text[span[0] : span[1]]

    def group(self, name: str) -> str | None:
        """Text of a named group; None when it did not take part or the pattern lacks it."""
        return self.group_text(name) if name in self.names else None


class Pattern:
    """One compiled rule pattern."""

    __slots__ = ("_names", "_regexp", "group_count", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        try:
            compiled = re2.compile(("(?m)" + source).encode("utf-8"), _options())
        except re2.error as error:
            raise PatternError(f"RE2 cannot compile it: {_reason(error)}") from None
        self._regexp = compiled._regexp
        self._names: dict[str, int] = {
            (name.decode() if isinstance(name, bytes) else name): index
            for name, index in compiled._regexp.NamedCapturingGroups()
        }
        self.group_count: int = compiled.groups

    @property
    def group_names(self) -> frozenset[str]:
        return frozenset(self._names)

    def search(self, subject: Subject, start: int = 0, end: int | None = None) -> Match | None:
        """The first match within `subject.text[start:end]` (str offsets)."""
        return next(self.finditer(subject, start, end), None)

    def finditer(
        self, subject: Subject, start: int = 0, end: int | None = None
    ) -> Iterator[Match]:
        """All non-overlapping matches within `subject.text[start:end]`."""
        data = subject.data
        pos = subject.to_byte(start)
        endpos = len(data) if end is None else subject.to_byte(end)
        while pos <= endpos:
            spans = self._regexp.Match(_UNANCHORED, data, pos, endpos)
            first = spans[0]
            if first[0] < 0:
                return
            yield self._to_match(subject, spans)
            pos = first[1] + 1 if first[1] == first[0] else first[1]

    def _to_match(self, subject: Subject, spans: Sequence[tuple[int, int]]) -> Match:
        converted = tuple(
            None if begin < 0 else (subject.to_char(begin), subject.to_char(finish))
            for begin, finish in spans
        )
        return Match(converted, self._names, subject.text)


class PatternSet:
    """Many patterns matched in one pass: which of them occur anywhere in a text.

    RE2 compiles a set into one automaton within a memory budget; a set too big
    for it is split in two, recursively, so any number of rules still works.
    """

    __slots__ = ("_parts", "size")

    def __init__(self, sources: Sequence[str]) -> None:
        self.size = len(sources)
        self._parts = _compile_sets(list(sources), offset=0)

    def matching(self, data: bytes) -> set[int]:
        """Indices (in insertion order) of the patterns that match somewhere in `data`."""
        found: set[int] = set()
        for offset, compiled in self._parts:
            found.update(offset + index for index in compiled.Match(data) or ())
        return found


_SET_MEMORY = 64 << 20


def _compile_sets(sources: list[str], offset: int) -> list[tuple[int, re2.Set]]:
    if not sources:
        return []
    options = _options()
    options.max_mem = _SET_MEMORY
    compiled = re2.Set.SearchSet(options)
    for source in sources:
        try:
            compiled.Add(("(?m)" + source).encode("utf-8"))
        except re2.error as error:
            raise PatternError(f"RE2 cannot compile it: {_reason(error)}") from None
    try:
        compiled.Compile()
    except re2.error:
        if len(sources) == 1:
            raise PatternError("pattern is too large for RE2's memory budget") from None
        half = len(sources) // 2
        return _compile_sets(sources[:half], offset) + _compile_sets(sources[half:], offset + half)
    return [(offset, compiled)]
