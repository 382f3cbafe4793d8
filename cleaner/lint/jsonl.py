"""JSON Lines corpora: the linted field of each record, and putting a fixed value back.

A fix rewrites only the field's value inside its line: other fields keep their
exact bytes (spacing, key order, number formats, escapes), and records keep
their order. Lines are numbered from 1; blank lines are skipped but counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

_DECODER = json.JSONDecoder()
_WHITESPACE = " \t\r\n"


class RecordError(ValueError):
    """A line that is not a JSON object with a string in the linted field."""


@dataclass(frozen=True)
class Record:
    """One line's linted value and where its JSON text sits in the line."""

    line: int
    text: str
    value_start: int
    value_end: int


@dataclass(frozen=True)
class RawLine:
    """A line of the file: 1-based number, content without the line break, the break."""

    number: int
    content: str
    newline: str


def raw_lines(text: str) -> Iterator[RawLine]:
    """Lines split at '\\n' (a '\\r' before it goes with the break); JSON strings hold none."""
    start = 0
    number = 0
    while start < len(text):
        number += 1
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        content = text[start:stop]
        newline = "" if end < 0 else "\n"
        if content.endswith("\r"):
            content, newline = content[:-1], "\r" + newline
        yield RawLine(number, content, newline)
        start = stop + len(newline.lstrip("\r"))


def read_record(line: RawLine, field: str) -> Record:
    """The value of `field` in the line's object; RecordError when there is none to lint."""
    try:
        span = _field_span(line.content, field)
    except ValueError as error:
        raise RecordError(f"invalid JSON: {error}") from None
    if span is None:
        raise RecordError(f"record has no {field!r} field")
    start, end, value = span
    if not isinstance(value, str):
        raise RecordError(f"field {field!r} is {type(value).__name__}, expected a string")
    return Record(line.number, value, start, end)


def replace_value(line: RawLine, record: Record, value: str) -> str:
    """The line with the field's value replaced by `value` (escaped as the old one was)."""
    old = line.content[record.value_start : record.value_end]
    ascii_only = old.isascii() and not record.text.isascii()
    encoded = json.dumps(value, ensure_ascii=ascii_only)
    return line.content[: record.value_start] + encoded + line.content[record.value_end :]


def _field_span(content: str, field: str) -> tuple[int, int, object] | None:
    """(start, end, value) of the last `field` key of a top-level object (as json.loads keeps)."""
    at = _skip(content, 0)
    if content[at : at + 1] != "{":
        raise ValueError("expected a JSON object")
    at = _skip(content, at + 1)
    found = None
    if content[at : at + 1] == "}":
        return _after_object(content, at + 1, found)
    while True:
        if content[at : at + 1] != '"':
            raise ValueError(f"expected a key in double quotes at column {at + 1}")
        key, at = json.decoder.scanstring(content, at + 1)  # type: ignore[attr-defined]
        at = _skip(content, at)
        if content[at : at + 1] != ":":
            raise ValueError(f"expected ':' at column {at + 1}")
        start = _skip(content, at + 1)
        value, end = _DECODER.raw_decode(content, start)
        if key == field:
            found = (start, end, value)
        at = _skip(content, end)
        if content[at : at + 1] == "}":
            return _after_object(content, at + 1, found)
        if content[at : at + 1] != ",":
            raise ValueError(f"expected ',' or '}}' at column {at + 1}")
        at = _skip(content, at + 1)


def _after_object(
    content: str, at: int, found: tuple[int, int, object] | None
) -> tuple[int, int, object] | None:
    if _skip(content, at) != len(content):
        raise ValueError(f"extra data at column {at + 1}")
    return found


def _skip(content: str, at: int) -> int:
    while at < len(content) and content[at] in _WHITESPACE:
        at += 1
    return at
