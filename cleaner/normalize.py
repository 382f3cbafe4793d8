"""The canonical body: paragraphs, one blank line apart, with plain spaces and NFC.

Idempotent by construction: its output is a fixed point of itself. The work is
the compiled core's (`src/normalize.rs`): whitespace is Python's `str.isspace`,
a block of three or more short lines mostly ending mid-sentence is one
hard-wrapped paragraph, and the layout edits touch whitespace only.
"""

from __future__ import annotations

from cleaner import _core

#: An edit of a text: replace text[start:end] with the string (a `cleaner.buffer.Edit`).
Respacing = tuple[int, int, str]


def canonical(text: str) -> str:
    """Paragraphs separated by exactly one blank line; whitespace runs → one space; NFC."""
    return _core.canonical(text)


def nfc(text: str) -> str:
    """`text` in Unicode normal form C."""
    return _core.nfc(text)


def canonical_edits(text: str) -> list[Respacing]:
    """Edits that turn `text` into `canonical(text)`, NFC aside: whitespace only.

    Every visible character stays where it came from, so a buffer given these
    edits still maps each of them back to the input (see `TextBuffer.apply`).
    Edits are sorted and never overlap; a text already in canonical layout
    gets none.
    """
    return _core.canonical_edits(text)


def collapse_spaces(line: str) -> str:
    """`" ".join(line.split())`: whitespace runs as one space, none at the ends."""
    return _core.collapse_spaces(line)
