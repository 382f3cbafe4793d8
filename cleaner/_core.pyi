"""Typed stubs for the compiled core (src/, built as `cleaner._core`): mypy checks every caller.

Offsets are byte offsets into UTF-8 data; `cleaner.regex` converts them to str offsets.
"""

from typing import Any, Literal

from cleaner.document import Removal

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
    """Which of many literals occur in a text, ignoring case, and which as a whole word, in
    one pass."""

    def __init__(self, literals: list[str], attributes: list[str | None] = ...) -> None: ...
    def occurrences(self, data: bytes, markup: bool = False) -> tuple[list[int], list[int]]:
        """Indices of the literals found in `data`: (anywhere, as a whole word: with no
        ASCII letter or digit, `_`, `-` or non-ASCII character beside it); a literal
        given an attribute counts only where it may lie in a value of that attribute.
        `markup`: `data` is a page's markup; the text of its script and style elements
        (where no element can be) is not read."""

def holds(data: bytes, needle: bytes) -> bool:
    """Whether `needle` occurs in `data`."""

def is_utf8(data: bytes) -> bool:
    """Whether `data` is valid UTF-8, as Python's strict decoder sees it."""

def char_len(data: bytes, start: int, end: int) -> int:
    """How many characters the UTF-8 bytes `data[start:end]` hold."""

def char_bytes(data: bytes, start: int, count: int) -> int:
    """How many bytes the next `count` characters from byte `start` take."""

def size_limits() -> tuple[int, int]:
    """The limits every pattern is held to: (NFA bytes, DFA bytes)."""

def canonical(text: str) -> str:
    """The canonical body: paragraphs one blank line apart, plain spaces, NFC."""

def nfc(text: str) -> str:
    """`text` in Unicode normal form C."""

def collapse_spaces(line: str) -> str:
    """Whitespace runs as one space, none at the ends (`" ".join(line.split())`)."""

def collapsed_len(text: str) -> int:
    """`len(" ".join(text.split()))`, without building the collapsed text."""

def detect_format(text: str) -> str:
    """'html', 'markdown' or 'text': what the text reads as."""

def tags_too_deep(html: str, max_depth: int) -> list[tuple[int, int]]:
    """Spans of the opening and closing tags nested deeper than `max_depth`."""

def tag_openings(html: bytes) -> int:
    """How many `<` the UTF-8 markup `html` holds."""

def dump_line_rows(text: str, min_prose_chars: int) -> tuple[bytes, list[str]]:
    """The feature rows (float32 bytes) and visible text of a dump's lines with text, as
    the `keep_main_run` kind reads them."""

def chrome_words() -> list[str]:
    """Words of site chrome both learned models look for in short texts."""

def dump_context_columns() -> list[str]:
    """The names of the columns keep_main_run's second stage adds to a line's row."""

def dump_context_rows(rows: bytes, first: list[float], threshold: float) -> bytes:
    """The second stage's rows (float32 bytes): each first-stage row (float32 bytes, as
    `dump_line_rows` gives them) and what the first stage's probabilities `first` say
    around it, given the probability from which the first stage keeps a line."""

def dump_line_columns() -> list[str]:
    """The names of the dump line model's feature columns, in order."""

def detect_format_utf8(data: bytes) -> str:
    """'html', 'markdown' or 'text' for UTF-8 `data`, as `detect_format` of its text;
    'invalid' when it is not UTF-8 (a page's opening is told from its first bytes)."""

def plain_view(text: str) -> str:
    """The text as the rules see it: Unicode spaces as ' ', line breaks as '\\n'."""

class TextOutcome:
    """What the text rules made of one document (offsets in str characters)."""

    @property
    def timed_out(self) -> bool:
        """The document's time ran out; nothing else is filled in."""
    @property
    def text(self) -> str:
        """The edited text, before the canonical body's layout ('' unless asked for)."""
    @property
    def body(self) -> str | None:
        """The settled canonical body, when asked for."""
    @property
    def fields(self) -> list[tuple[str, str]]: ...
    @property
    def provenance(self) -> list[tuple[str, str]]: ...
    @property
    def captions(self) -> list[tuple[str | None, str | None]]: ...
    @property
    def removals(self) -> list[tuple[int, int, int]]:
        """(rule position, start, end): what each rule removed, in input characters."""
    @property
    def pieces(self) -> list[tuple[int, int, int]]:
        """(start, end, origin): the edited text's pieces, each kept from the input at
        `origin`, or inserted by a rule (origin -1); empty unless asked for."""
    @property
    def fired(self) -> int:
        """How many times the rule fired (`TextRules.run_one`)."""
    @property
    def visible_chars(self) -> int:
        """The input's characters other than spaces, line breaks, tabs, no-break spaces."""

class CleanedText:
    """One text or Markdown document cleaned by `TextRules.clean` (offsets in str
    characters), or a text that reads as HTML (format `html`, nothing else filled in)."""

    @property
    def format(self) -> Literal["text", "markdown", "html"]:
        """As given, or as the text reads."""
    @property
    def body(self) -> str:
        """The settled canonical body."""
    @property
    def fields(self) -> dict[str, str]:
        """The metadata fields, the given ones first, in the order they were set."""
    @property
    def provenance(self) -> dict[str, str]:
        """Where each field came from, in the same order."""
    @property
    def captions(self) -> list[tuple[str | None, str | None]]:
        """The captions lifted out, each (text, credit)."""
    @property
    def removed(self) -> list[Removal]:
        """What the rules removed, in the order of their starts (removals with the same
        start in the order they were made), each text a slice of the input."""
    @property
    def removed_chars(self) -> int:
        """The removals' characters, whitespace included: at least the visible ones."""
    @property
    def visible_chars(self) -> int:
        """The input's characters other than spaces, line breaks, tabs, no-break spaces."""

class TextRules:
    """The text rules of a rule set, compiled: immutable, shared by any number of threads."""

    def __init__(
        self, specs: list[dict[str, Any]], fingerprints: list[tuple[Regex, str]]
    ) -> None: ...
    def __len__(self) -> int: ...
    def run(
        self,
        text: str,
        format: str,
        *,
        page_type: str | None = None,
        fields: list[tuple[str, str]] = ...,
        provenance: list[tuple[str, str]] = ...,
        timeout: float | None = None,
        settle: bool = True,
        edited: bool = False,
        prefilter: bool = True,
    ) -> TextOutcome:
        """Every text rule over `text`, the GIL released; with `settle`, the settled body;
        with `edited`, the edited text and its pieces; without `prefilter`, every
        applicable rule runs (a check that the prefilter changes nothing)."""
    def clean(
        self,
        text: str,
        format: str | None = None,
        *,
        fields: list[tuple[str, str]] = ...,
        provenance: list[tuple[str, str]] = ...,
        timeout: float | None = None,
    ) -> CleanedText | None:
        """One text or Markdown document whole, the GIL released for all of it: its format
        detected unless given (a text that reads as HTML comes back at once), every text
        rule, the settled body. None when the document's time ran out. Raises
        UnicodeEncodeError for a text with a lone surrogate."""
    def run_one(
        self,
        position: int,
        text: str,
        format: str,
        *,
        page_type: str | None = None,
        fields: list[tuple[str, str]] = ...,
        provenance: list[tuple[str, str]] = ...,
    ) -> TextOutcome:
        """Only the rule at `position`, without the prefilter, when its conditions hold."""

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

class Forest:
    """A tree ensemble, flattened: a split sends a row left when its feature is <= the
    threshold (NaN goes right); a leaf is its own left and right child; a class's score
    is the sum of its trees' leaves in the trees' order."""

    def __init__(
        self,
        feature: list[int],
        threshold: list[float],
        left: list[int],
        right: list[int],
        value: list[float],
        roots: list[int],
        tree_class: list[int],
        classes: int,
    ) -> None: ...
    @property
    def width(self) -> int:
        """How many features a row needs at least."""
    def scores(self, row: list[float]) -> list[float]:
        """Each class's raw score for one row."""
    def scores_of_f32_rows(self, data: bytes, columns: int) -> list[float]:
        """Raw scores of rows given as native float32 bytes, `columns` to a row (each
        value read as the float64 it is exactly); one score per class, row after row."""

class TokenMask:
    """Which of a few words (at most 128, distinct, non-empty) a short text holds, found
    as a regex alternation of the words, longest first, finds them: at the leftmost
    position where one starts, the longest there, then on from its end (no overlaps)."""

    def __init__(self, tokens: list[str]) -> None: ...
    def mask(self, text: str) -> int:
        """Bit i set when word i is among the matches in `text`."""
