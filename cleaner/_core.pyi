"""Typed stubs for the compiled core (src/, built as `cleaner._core`): mypy checks every caller.

Offsets are byte offsets into UTF-8 data; `cleaner.regex` converts them to str offsets.
"""

class PatternError(ValueError):
    """A pattern the rule dialect cannot take; the message says why, on one line."""

class CoreError(RuntimeError):
    """An internal failure of the core, raised instead of letting a panic cross into Python."""

class Regex:
    """One compiled rule pattern (multi-line: `^` and `$` at line boundaries)."""

    def __init__(self, source: str) -> None: ...
    @property
    def source(self) -> str: ...
    @property
    def groups(self) -> int:
        """Group count, the whole match (group 0) included."""
    @property
    def names(self) -> list[tuple[str, int]]:
        """Each named group's name and index."""
    @property
    def line_local(self) -> bool:
        """No match can hold a line break."""
    @property
    def opens_line(self) -> bool:
        """Every match starts where a line starts."""
    @property
    def counted(self) -> int:
        """The largest bound of a repetition (0 when there is none)."""
    @property
    def relaxed(self) -> str:
        """The pattern with its repetitions widened: it matches wherever this one does."""
    @property
    def line_prefix(self) -> str:
        """The relaxed leading part that stays on one line ('' when there is none)."""
    @property
    def literal(self) -> bytes:
        """The longest plain text every match contains (b'' when there is none)."""
    @property
    def program_size(self) -> int:
        """States of the pattern's automaton (its NFA)."""
    def find(self, data: bytes, pos: int, endpos: int, limit: int) -> list[list[tuple[int, int]]]:
        """Up to `limit` matches in `data[pos:endpos]`: each the spans of all groups,
        (-1, -1) for a group that did not take part."""
    def find_plain(
        self, data: bytes, pos: int, endpos: int, limit: int
    ) -> list[list[tuple[int, int]]]:
        """As `find`, without the fast paths: the reference they are checked against."""

class RegexSet:
    """Which of many patterns may match a text, in one pass (never omits one that does)."""

    def __init__(self, sources: list[str]) -> None: ...
    def __len__(self) -> int: ...
    def matching(self, data: bytes) -> list[int]: ...

class LiteralSet:
    """Which of many literals occur in a text, ignoring case, in one pass."""

    def __init__(self, literals: list[str]) -> None: ...
    def present(self, data: bytes) -> list[int]: ...

def char_len(data: bytes, start: int, end: int) -> int:
    """How many characters the UTF-8 bytes `data[start:end]` hold."""

def char_bytes(data: bytes, start: int, count: int) -> int:
    """How many bytes the next `count` characters from byte `start` take."""

def size_limits() -> tuple[int, int]:
    """The limits every pattern is held to: (NFA bytes, DFA bytes)."""

def replay_edits(
    source: str, rounds: list[list[tuple[int, int, str]]]
) -> tuple[str, list[list[tuple[int, int]]]]:
    """Replay rounds of edits (str offsets) on the core's buffer: the text after them and
    each round's removed input spans (the differential tests' hold on the port)."""

def canonical(text: str) -> str:
    """The canonical body: paragraphs one blank line apart, plain spaces, NFC."""

def nfc(text: str) -> str:
    """`text` in Unicode normal form C."""

def collapse_spaces(line: str) -> str:
    """Whitespace runs as one space, none at the ends (`" ".join(line.split())`)."""

def canonical_edits(text: str) -> list[tuple[int, int, str]]:
    """The whitespace edits that give `text` the canonical layout, in str offsets."""

def parse_date(value: str) -> str | None:
    """ISO 8601 for a date written in `value` (`2024-05-17`, `2024-05-19T10:34`); None
    when no valid day is written there. `value` must be valid UTF-8 (no lone surrogates)."""

def month_names() -> list[tuple[str, int]]:
    """Every month name the date parser reads (lower case) and its month's number."""

def site_of(url: str) -> str | None:
    """The host of `url` in lower case without a trailing dot or a leading `www.`; None
    when `urllib.parse.urlsplit` refuses the URL or it has no host."""

def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host, as `cleaner.urls.is_http_url`."""
