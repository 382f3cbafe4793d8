"""The canonical body: paragraphs, one blank line apart, with plain spaces and NFC.

Idempotent by construction: its output is a fixed point of itself. The work is
the compiled core's (`src/normalize.rs`): whitespace is Python's `str.isspace`,
a block of short lines that a wrap cut mid-sentence is one hard-wrapped
paragraph (a menu's items, one per line, and a table's rows are not), and the
layout edits touch whitespace only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from cleaner import _core
from cleaner.regex import STAND_INS

Result = TypeVar("Result")

#: A str may hold lone surrogates, which UTF-8 (the core's text) cannot: in the core they
#: stand as characters of Plane 16's private use area, one for one (`regex.STAND_INS`, as
#: for matching), and are put back after.
#: (A text holding both lone surrogates and those very characters would get surrogates
#: back for the latter; no text seen holds either.)
_SURROGATES = {stand_in: code for code, stand_in in STAND_INS.items()}


def _in_core(work: Callable[[str], Result], text: str) -> tuple[Result, bool]:
    """`work(text)` in the core, and whether surrogates stood in (results to map back)."""
    try:
        return work(text), False
    except UnicodeEncodeError:
        return work(text.translate(STAND_INS)), True


def _text_in_core(work: Callable[[str], str], text: str) -> str:
    result, stood_in = _in_core(work, text)
    return result.translate(_SURROGATES) if stood_in else result


def canonical(text: str) -> str:
    """Paragraphs separated by exactly one blank line; whitespace runs → one space; NFC."""
    return _text_in_core(_core.canonical, text)


def nfc(text: str) -> str:
    """`text` in Unicode normal form C."""
    return _text_in_core(_core.nfc, text)


def collapse_spaces(line: str) -> str:
    """`" ".join(line.split())`: whitespace runs as one space, none at the ends."""
    return _text_in_core(_core.collapse_spaces, line)


def collapsed_len(text: str) -> int:
    """`len(" ".join(text.split()))`, counted without building the collapsed text."""
    return _in_core(_core.collapsed_len, text)[0]
