"""The lines of each cleaned document that the current rules keep, keyed for counting.

A line recurs when its *key* recurs (`patterns.line_key`: whitespace
collapsed, digit runs and month names folded), so "© 2023 Example Ltd" and
"© 2024 Example Ltd" count as one line whose year varies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cleaner.document import Document, Removal, is_html
from cleaner.learn.patterns import line_key
from cleaner.normalize import collapse_spaces
from cleaner.text_rules import plain_view

#: A line is kept for learning when less than this share of it was removed already.
_REMOVED_SHARE = 0.5


@dataclass(frozen=True)
class Line:
    """A non-blank line the current rules keep: its key, text and row in `rows`."""

    key: str
    text: str
    row: int

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class DocumentLines:
    """One cleaned document as learning sees it.

    `rows` are the lines the rules run on (the decoded input for text and
    Markdown, the extracted body for HTML); `kept` are the non-blank rows
    the current rules leave in the body.
    """

    name: str
    site: str | None
    has_url: bool
    rows: list[str]
    kept: list[Line] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return {line.key for line in self.kept}


def document_lines(
    name: str, site: str | None, has_url: bool, raw_text: str, document: Document
) -> DocumentLines:
    """The rows and kept lines of a cleaned document.

    For text and Markdown the rows are the input as rules see it, and a row
    is kept unless the rules removed most of it; for HTML (no offsets) the
    rows are the paragraphs of the cleaned body.
    """
    if is_html(document.format):
        rows = document.text.split("\n")
        removed = bytearray(0)
    else:
        rows = plain_view(raw_text).split("\n")
        removed = _removed_mask(len(raw_text), document.removed)
    lines = DocumentLines(name, site, has_url, rows)
    offset = 0
    for row, text in enumerate(rows):
        end = offset + len(text)
        if text.strip() and not _mostly_removed(removed, offset, end):
            lines.kept.append(Line(line_key(text), collapse_spaces(text), row))
        offset = end + 1
    return lines


def _removed_mask(length: int, removals: Sequence[Removal]) -> bytearray:
    mask = bytearray(length)
    for removal in removals:
        if removal.start is not None and removal.end is not None:
            mask[removal.start : removal.end] = b"\x01" * (removal.end - removal.start)
    return mask


def _mostly_removed(mask: bytearray, start: int, end: int) -> bool:
    if not mask or end <= start:
        return False
    return mask.count(1, start, end) >= _REMOVED_SHARE * (end - start)
