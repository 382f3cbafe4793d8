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
#: A stretch of whitespace within a line that the canonical body does not keep as it is.
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")

#: An edit of a text: replace text[start:end] with the string (a `cleaner.buffer.Edit`).
Respacing = tuple[int, int, str]


def canonical(text: str) -> str:
    """Paragraphs separated by exactly one blank line; whitespace runs → one space; NFC."""
    paragraphs: list[str] = []
    for block in _blocks(text):
        if _looks_hard_wrapped(block):
            paragraphs.append(" ".join(block))
        else:
            paragraphs.extend(block)
    return nfc("\n\n".join(paragraphs))


def nfc(text: str) -> str:
    """`text` in Unicode normal form C (most texts already are, and are returned as they are)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def canonical_edits(text: str) -> list[Respacing]:
    """Edits that turn `text` into `canonical(text)`, NFC aside: whitespace only.

    Every visible character stays where it came from, so a buffer given these
    edits still maps each of them back to the input (see `TextBuffer.apply`).
    Edits are sorted and never overlap; a text already in canonical layout
    gets none.
    """
    edits: list[Respacing] = []
    previous: int | None = None  # end of the last kept line's visible text
    for block in _located_blocks(text):
        joined = _looks_hard_wrapped([line for _, _, line in block])
        for index, (start, end, line) in enumerate(block):
            separator = "" if previous is None else " " if joined and index else "\n\n"
            _respace(text, previous or 0, start, separator, edits)
            if text[start:end] != line:
                for gap in _ODD_SPACE.finditer(text, start, end):
                    _respace(text, gap.start(), gap.end(), " ", edits)
            previous = end
    _respace(text, previous or 0, len(text), "", edits)
    return edits


def _located_blocks(text: str) -> list[list[tuple[int, int, str]]]:
    """`_blocks`, with each line's visible span: (start, end, collapsed line)."""
    blocks: list[list[tuple[int, int, str]]] = [[]]
    position = 0
    for raw_line in text.split("\n"):
        line = collapse_spaces(raw_line) if raw_line else raw_line
        if not line:
            if blocks[-1]:
                blocks.append([])
        elif line is raw_line:  # most lines: already collapsed, nothing around them
            blocks[-1].append((position, position + len(line), line))
        else:
            start = position + len(raw_line) - len(raw_line.lstrip())
            blocks[-1].append((start, position + len(raw_line.rstrip()), line))
        position += len(raw_line) + 1
    return [block for block in blocks if block]


def _respace(text: str, start: int, end: int, wanted: str, edits: list[Respacing]) -> None:
    """Add the edit that makes the whitespace text[start:end] read `wanted`, if one is needed.

    A deletion when the text already opens with `wanted`, so most edits only delete.
    """
    if end - start == len(wanted) and text[start:end] == wanted:
        return
    if text.startswith(wanted, start, end):
        edits.append((start + len(wanted), end, ""))
    else:
        edits.append((start, end, wanted))


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
