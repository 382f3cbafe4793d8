"""The canonical body: paragraphs, one blank line apart, with plain spaces and NFC.

Idempotent by construction: its output is a fixed point of itself.
"""

from __future__ import annotations

import re
import unicodedata

_SENTENCE_END = tuple('.!?:;"”’»)…')
_WRAP_WIDTH = 100
#: Lines longer than this are collapsed by a regex pass, in bounded memory.
_LONG_LINE = 100_000
_WHITESPACE = re.compile(r"\s+")


def canonical(text: str) -> str:
    """Paragraphs separated by exactly one blank line; whitespace runs → one space; NFC."""
    paragraphs: list[str] = []
    for block in _blocks(text):
        if _looks_hard_wrapped(block):
            paragraphs.append(" ".join(block))
        else:
            paragraphs.extend(block)
    body = "\n\n".join(paragraphs)
    if not body.isascii() and not unicodedata.is_normalized("NFC", body):
        body = unicodedata.normalize("NFC", body)
    return body


def collapse_spaces(line: str) -> str:
    """`" ".join(line.split())`: whitespace runs as one space, none at the ends.

    Most lines already read so; they are returned as they are, without being
    cut into words and glued again. A printable string holds no whitespace
    but ' ' (every other whitespace character is a control or separator).
    """
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    if len(line) > _LONG_LINE:  # split() would hold every word at once: ~12x the line
        return _WHITESPACE.sub(" ", line).strip(" ")
    return " ".join(line.split())


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines (whitespace collapsed), split at blank lines."""
    blocks: list[list[str]] = [[]]
    for raw_line in text.split("\n"):
        line = collapse_spaces(raw_line) if raw_line else raw_line
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _looks_hard_wrapped(block: list[str]) -> bool:
    """A block of fixed-width lines broken mid-sentence is one paragraph, not many.

    Lines of a scrape that puts each paragraph on its own line are long or end
    a sentence; hard-wrapped text has three or more short lines, most of them
    ending mid-sentence.
    """
    if len(block) < 3:
        return False
    body = block[:-1]
    if max(len(line) for line in body) > _WRAP_WIDTH:
        return False
    open_ended = sum(1 for line in body if not line.endswith(_SENTENCE_END))
    return open_ended * 2 > len(body)
