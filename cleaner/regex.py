"""Linear-time pattern matching for rules, on top of google-re2.

Every rule pattern goes through here, so no user rule can make a job hang
(RE2 has no backtracking) and the rest of the code never touches RE2's API.
Patterns are compiled in multi-line mode: `^` and `$` anchor at line
boundaries, `\\A` and `\\z` at the ends of the text. Matching runs on UTF-8
bytes (RE2's native form) and spans are converted back to str offsets only
when a match is found.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import re2
from re2 import _re2

from cleaner.pattern_shape import Shape, shape_of

_UNANCHORED = re2._Anchor.UNANCHORED
_ANCHOR_START = re2._Anchor.ANCHOR_START


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
    """A text prepared for matching: its UTF-8 bytes and offset conversions.

    Conversions count characters from the last converted offset (or from the
    start when going back), so the spans of a left-to-right scan cost one pass
    over the bytes in all, not one pass per span.
    """

    __slots__ = ("_mark", "ascii", "data", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8", "surrogatepass")
        self.ascii = len(self.data) == len(text)
        self._mark = (0, 0)  # (byte offset, char offset) of the last conversion

    def to_char(self, byte_offset: int) -> int:
        if self.ascii:
            return byte_offset
        byte_mark, char_mark = self._mark if byte_offset >= self._mark[0] else (0, 0)
        char_offset = char_mark + int(_re2.BytesToCharLen(self.data, byte_mark, byte_offset))
        self._mark = (byte_offset, char_offset)
        return char_offset

    def to_byte(self, char_offset: int) -> int:
        if self.ascii or char_offset == 0:
            return char_offset
        if char_offset == len(self.text):
            return len(self.data)
        byte_mark, char_mark = self._mark if char_offset >= self._mark[1] else (0, 0)
        size = int(_re2.CharLenToBytes(self.data, byte_mark, char_offset - char_mark))
        byte_offset = byte_mark + size
        self._mark = (byte_offset, char_offset)
        return byte_offset

    def to_chars(self, byte_offsets: Iterable[int]) -> dict[int, int]:
        """Char offsets for many byte offsets, converted in ascending order."""
        return {offset: self.to_char(offset) for offset in sorted(byte_offsets)}


class Match:
    """A match in str offsets: the spans of all groups, and the names of the named ones.

    A plain class with slots, not a frozen dataclass: one is made per match,
    and a frozen dataclass's `__init__` is several times slower.
    """

    __slots__ = ("names", "spans", "text")

    def __init__(
        self, spans: tuple[tuple[int, int] | None, ...], names: dict[str, int], text: str
    ) -> None:
        self.spans = spans
        self.names = names
        self.text = text

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
    """One compiled rule pattern.

    A pattern whose matches stay on one line and that has long counted
    repetitions (`[^\\n]{10,400}?`) is slow to search: RE2's automaton needs a
    state for every count. Such a pattern also keeps a relaxed form, with the
    counts widened to `*` or `+`, that matches wherever it does; `finditer`
    uses it to find the lines worth searching and runs the exact pattern on
    those lines only. RE2 judges `^`, `$` and `\\b` at a span's ends by the
    surrounding text, so a match found within its line is the very match a
    search of the whole text finds there. When every match starts a line
    (`^`), the one search per line is anchored at the line's start, which
    spares RE2 following a match attempt from every character at once.

    A pattern with plain text that every match contains (`Remind me later`)
    is searched only where a quick scan for that text finds it.
    """

    __slots__ = (
        "_line_start",
        "_literal",
        "_names",
        "_regexp",
        "_relaxed",
        "group_count",
        "source",
    )

    def __init__(self, source: str) -> None:
        self.source = source
        try:
            compiled = re2.compile(("(?m)" + source).encode("utf-8"), _options())
        except re2.error as error:
            raise PatternError(f"RE2 cannot compile it: {_reason(error)}") from None
        self._regexp = compiled._regexp
        shape = shape_of(source)
        self._relaxed = _line_finder(shape)
        self._line_start = shape.opens != ""
        literal = shape.literal.encode("utf-8")
        self._literal = literal if len(literal) >= _LITERAL_BYTES else b""
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

    def finditer(self, subject: Subject, start: int = 0, end: int | None = None) -> Iterator[Match]:
        """All non-overlapping matches within `subject.text[start:end]`."""
        data = subject.data
        pos = subject.to_byte(start)
        endpos = len(data) if end is None else subject.to_byte(end)
        for spans in self._all_spans(data, pos, endpos):
            yield self._to_match(subject, spans)

    def count(self, subject: Subject, limit: int) -> int:
        """How many matches `finditer` finds in the whole text, counting up to `limit`."""
        found = self._all_spans(subject.data, 0, len(subject.data))
        return sum(1 for _ in zip(range(limit), found, strict=False))

    def _all_spans(self, data: bytes, pos: int, endpos: int) -> Iterator[Sequence[tuple[int, int]]]:
        if self._literal and data.find(self._literal, pos, endpos) < 0:
            return iter(())
        if self._relaxed is None:
            return self._spans(data, pos, endpos)
        return self._spans_by_line(data, pos, endpos, self._relaxed)

    def _spans(self, data: bytes, pos: int, endpos: int) -> Iterator[Sequence[tuple[int, int]]]:
        """RE2's group spans (bytes) of each match in data[pos:endpos], left to right."""
        while pos <= endpos:
            spans = self._regexp.Match(_UNANCHORED, data, pos, endpos)
            first = spans[0]
            if first[0] < 0:
                return
            yield spans
            pos = _next_char(data, first[1]) if first[1] == first[0] else first[1]

    def _spans_by_line(
        self, data: bytes, pos: int, endpos: int, relaxed: Any
    ) -> Iterator[Sequence[tuple[int, int]]]:
        """As `_spans`, searching only the lines where the relaxed pattern matches."""
        while pos <= endpos:
            hit = relaxed.Match(_UNANCHORED, data, pos, endpos)[0][0]
            if hit < 0:
                return
            line_start = max(pos, data.rfind(b"\n", 0, hit) + 1)
            line_end = data.find(b"\n", hit, endpos)
            line_end = endpos if line_end < 0 else line_end
            if not self._line_start:
                yield from self._spans(data, line_start, line_end)
            elif line_start == 0 or data[line_start - 1] == 0x0A:  # only a line start can match
                spans = self._regexp.Match(_ANCHOR_START, data, line_start, line_end)
                if spans[0][0] >= 0:
                    yield spans
            pos = line_end + 1

    def _to_match(self, subject: Subject, spans: Sequence[tuple[int, int]]) -> Match:
        if subject.ascii:
            converted = tuple(None if begin < 0 else (begin, finish) for begin, finish in spans)
        else:
            chars = subject.to_chars({offset for span in spans for offset in span if offset >= 0})
            converted = tuple(
                None if begin < 0 else (chars[begin], chars[finish]) for begin, finish in spans
            )
        return Match(converted, self._names, subject.text)


class PatternSet:
    """Many patterns matched in one pass: which of them may occur in a text.

    The answer may name a pattern that does not match, never omits one that
    does: the set runs each pattern's relaxed form (counted repetitions
    widened, see `Shape`). A set of the exact patterns needs an automaton
    state for every count of every repetition it is inside, and builds new
    ones on almost every new text; the relaxed set is small, and a second pass
    over an edited text finds its states already built.

    RE2 compiles a set into one automaton within a memory budget; a set too big
    for it is split in two, recursively, so any number of rules still works.
    """

    __slots__ = ("_parts", "size")

    def __init__(self, sources: Sequence[str]) -> None:
        self.size = len(sources)
        self._parts = _compile_sets([shape_of(source).relaxed for source in sources], 0)

    def matching(self, data: bytes) -> set[int]:
        """Indices (in insertion order) of the patterns that may match somewhere in `data`."""
        found: set[int] = set()
        for offset, compiled in self._parts:
            found.update([offset + index for index in compiled.Match(data)])
        return found


class LiteralSet:
    """Which of many literal strings occur in a text, ignoring ASCII case: one RE2 pass."""

    __slots__ = ("_set",)

    def __init__(self, literals: Sequence[str]) -> None:
        self._set: Any = None
        if literals:
            options = _options()
            options.case_sensitive = False
            options.max_mem = _SET_MEMORY
            compiled = re2.Set.SearchSet(options)
            for literal in literals:
                compiled.Add(re2.escape(literal).encode("utf-8"))
            compiled.Compile()
            self._set = compiled._set

    def present(self, data: bytes) -> set[int]:
        """Indices (in the order given) of the literals found somewhere in `data`."""
        return set(self._set.Match(data)) if self._set is not None else set()


_SET_MEMORY = 64 << 20


def _compile_sets(sources: list[str], offset: int) -> list[tuple[int, Any]]:
    """(index of its first pattern, compiled set) for each piece the patterns needed.

    The sets are RE2's own (`re2._re2.Set`), called without the wrapper's checks.
    """
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
    return [(offset, compiled._set)]


def _next_char(data: bytes, offset: int) -> int:
    """The byte offset of the character after the one at `offset`: after an empty
    match the search moves on by a whole character, never into one."""
    offset += 1
    while offset < len(data) and data[offset] & 0xC0 == 0x80:  # a continuation byte
        offset += 1
    return offset


#: The shortest required text worth a scan of its own before RE2 is asked.
_LITERAL_BYTES = 4


#: Counted repetitions up to this size are cheap for RE2; a pattern with a larger
#: one (and matches within one line) is searched line by line (see `Pattern`).
_LINE_SEARCH_COUNT = 20


def _line_finder(shape: Shape) -> Any:
    """The relaxed regexp that finds lines worth searching, for patterns that gain from it."""
    if shape.newlines != 0 or shape.counted < _LINE_SEARCH_COUNT:
        return None
    return re2.compile(("(?m)" + shape.relaxed).encode("utf-8"), _options())._regexp
