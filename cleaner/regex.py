"""Linear-time pattern matching for rules, on top of the compiled core.

Every rule pattern goes through here, so no user rule can make a job hang
(the core's regex engine has no backtracking) and the rest of the code never
touches the core's API. The dialect is the Rust `regex` crate's syntax, with
`\\d` meaning ASCII digits and `\\s` the five ASCII spaces (rules/README.md,
"Patterns"). Patterns are compiled in multi-line mode: `^` and `$` anchor at
line boundaries, `\\A` and `\\z` at the ends of the text. Matching runs on
UTF-8 bytes and spans are converted back to str offsets only when a match is
found.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from cleaner import _core

#: A pattern the dialect cannot take; the message says why, on one line.
PatternError = _core.PatternError

#: The dialect's name, as load errors and the rules' documentation give it.
DIALECT = "Rust regex"

#: A str may hold lone surrogates, which UTF-8 cannot: the core matches each as a character
#: of Plane 16's private use area, one for one, so `.` and `[^\n]` take it as any other
#: character (as RE2 took its bytes). Offsets are unchanged: one lead byte per character.
STAND_INS = {code: code - 0xD800 + 0x10F000 for code in range(0xD800, 0xE000)}


def utf8(text: str) -> bytes:
    """The text as the core matches it: UTF-8, a lone surrogate as its stand-in."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.translate(STAND_INS).encode("utf-8")


class Subject:
    """A text prepared for matching: its UTF-8 bytes and offset conversions.

    Conversions count characters from the last converted offset (or from the
    start when going back), so the spans of a left-to-right scan cost one pass
    over the bytes in all, not one pass per span.
    """

    __slots__ = ("_mark", "ascii", "data", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = utf8(text)
        self.ascii = len(self.data) == len(text)
        self._mark = (0, 0)  # (byte offset, char offset) of the last conversion

    def to_char(self, byte_offset: int) -> int:
        if self.ascii:
            return byte_offset
        byte_mark, char_mark = self._mark if byte_offset >= self._mark[0] else (0, 0)
        char_offset = char_mark + _core.char_len(self.data, byte_mark, byte_offset)
        self._mark = (byte_offset, char_offset)
        return char_offset

    def to_byte(self, char_offset: int) -> int:
        if self.ascii or char_offset == 0:
            return char_offset
        if char_offset == len(self.text):
            return len(self.data)
        byte_mark, char_mark = self._mark if char_offset >= self._mark[1] else (0, 0)
        size = _core.char_bytes(self.data, byte_mark, char_offset - char_mark)
        byte_offset = byte_mark + size
        self._mark = (byte_offset, char_offset)
        return byte_offset

    def to_chars(self, byte_offsets: Iterable[int]) -> dict[int, int]:
        """Char offsets for many byte offsets, converted in ascending order."""
        return {offset: self.to_char(offset) for offset in sorted(byte_offsets)}


class Match:
    """A match in str offsets: the spans of all its groups (None: a group took no part).

    A plain class with slots, not a frozen dataclass: one is made per match,
    and a frozen dataclass's `__init__` is several times slower.
    """

    __slots__ = ("spans",)

    def __init__(self, spans: tuple[tuple[int, int] | None, ...]) -> None:
        self.spans = spans

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


class Pattern:
    """One compiled rule pattern, with what its syntax tells about its matches.

    The core searches within a span of the whole text and judges `^`, `$`
    and `\\b` at the span's ends by the surrounding text, so a match found
    within a line is the very match a search of the whole text finds there.
    Its fast paths (a scan for plain text every match holds; a line-by-line
    search for one-line patterns with large counted repetitions) change no
    result.
    """

    __slots__ = ("_compiled", "_names", "group_count", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        try:
            self._compiled = _core.Regex(source)
        except PatternError as error:
            raise PatternError(f"{DIALECT} cannot compile it: {error}") from None
        self._names: dict[str, int] = dict(self._compiled.names)
        self.group_count: int = self._compiled.groups - 1

    @property
    def compiled(self) -> _core.Regex:
        """The core's compiled pattern: what the core's text rules are built from."""
        return self._compiled

    @property
    def names(self) -> dict[str, int]:
        """Each named group's index."""
        return dict(self._names)

    @property
    def group_names(self) -> frozenset[str]:
        return frozenset(self._names)

    @property
    def program_size(self) -> int:
        """States of the pattern's automaton."""
        return self._compiled.program_size

    def search(self, subject: Subject, start: int = 0, end: int | None = None) -> Match | None:
        """The first match within `subject.text[start:end]` (str offsets)."""
        return next(self._matches(subject, start, end, 1), None)

    def finditer(self, subject: Subject, start: int = 0, end: int | None = None) -> Iterator[Match]:
        """All non-overlapping matches within `subject.text[start:end]`."""
        return self._matches(subject, start, end, _ALL)

    def _matches(
        self, subject: Subject, start: int, end: int | None, limit: int
    ) -> Iterator[Match]:
        data = subject.data
        pos = subject.to_byte(start)
        endpos = len(data) if end is None else subject.to_byte(end)
        for spans in self._compiled.find(data, pos, endpos, limit):
            yield self._to_match(subject, spans)

    def _to_match(self, subject: Subject, spans: Sequence[tuple[int, int]]) -> Match:
        if subject.ascii:
            converted = tuple(None if begin < 0 else (begin, finish) for begin, finish in spans)
        else:
            chars = subject.to_chars({offset for span in spans for offset in span if offset >= 0})
            converted = tuple(
                None if begin < 0 else (chars[begin], chars[finish]) for begin, finish in spans
            )
        return Match(converted)


#: As many matches as there are.
_ALL = 1 << 62


class LiteralSet:
    """Which of many literal strings occur in a text, ignoring case, and which occur as a
    whole word: one pass."""

    __slots__ = ("_set",)

    def __init__(self, literals: Sequence[str], attributes: Sequence[str | None] = ()) -> None:
        self._set = _core.LiteralSet(list(literals), list(attributes))

    def occurrences(self, data: bytes, *, markup: bool = False) -> tuple[set[int], set[int]]:
        """Indices (in the order given) of the literals found in `data`: anywhere, and
        as a whole word (no ASCII letter or digit, `_`, `-` or non-ASCII character
        beside the occurrence). A literal given an attribute (`attributes`, in the
        same order) counts only where it may lie in a value of that attribute in the
        markup. A literal with a non-ASCII character counts as whole wherever it is
        found. `markup`: `data` is a page's markup, and the text of its script and
        style elements, where no element or attribute can be, is not read."""
        anywhere, whole = self._set.occurrences(data, markup)
        return set(anywhere), set(whole)
