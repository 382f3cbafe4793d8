"""A recurring line → its counting key, and a rule pattern matching every occurrence.

Lines are cut into words and numbers. The key folds the parts that may vary
between occurrences of one piece of boilerplate, digit runs and month names
(in the languages `cleaner.dates` reads), so "© 2023 Example Ltd" and
"Updated 3 May" count with "© 2024 Example Ltd" and "Updated 17 June".

The pattern escapes the line literally, anchors it to a whole line (surrounding
spaces allowed), lets each space match a run of spaces or tabs, and turns a
digit run into `[0-9]+`, or a month name into `\\pL+`, only where the
occurrences disagree on it; parts that never vary stay literal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.dates import MONTH_BY_NAME
from cleaner.normalize import collapse_spaces

#: Words (letters only) and digit runs; the pieces between them are kept as they are.
_PARTS = re.compile(r"([0-9]+|[^\W\d_]+)")
_DIGITS, _MONTH = "0", "\x01"


def parts_of(text: str) -> list[str]:
    """The collapsed line cut into separators (even indexes) and words or numbers (odd)."""
    return _PARTS.split(collapse_spaces(text))


def line_key(text: str) -> str:
    """The counting key: whitespace collapsed, digit runs and month names folded."""
    return "".join(_fold(part) if index % 2 else part for index, part in enumerate(parts_of(text)))


def line_pattern(occurrences: Sequence[str]) -> str:
    """The anchored pattern for occurrences of one line (all with the same key)."""
    if not occurrences:
        raise ValueError("a pattern needs at least one occurrence")
    split = [parts_of(text) for text in occurrences]
    pieces: list[str] = []
    for index, part in enumerate(split[0]):
        varies = index % 2 == 1 and any(parts[index] != part for parts in split[1:])
        if varies:
            pieces.append("[0-9]+" if part.isdigit() else "\\pL+")
        else:
            pieces.append(_literal(part))
    return "^[ \\t]*" + "".join(pieces) + "[ \\t]*$"


def _fold(part: str) -> str:
    if part.isdigit() and part.isascii():
        return _DIGITS
    return _MONTH if part.lower() in MONTH_BY_NAME else part


def _literal(text: str) -> str:
    """`text` matched literally, each space matching a run of spaces and tabs."""
    return "[ \\t]+".join(re.escape(word) for word in text.split(" "))
