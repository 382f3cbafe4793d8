"""drop_title_repeat: remove the headline where the page prints it again."""

from __future__ import annotations

from typing import Literal

from cleaner.buffer import Edit
from cleaner.context import Context
from cleaner.normalize import collapse_spaces
from cleaner.rules.base import Rule

_MARKS = "#*_`>"
_MARKUP = str.maketrans("", "", _MARKS)
_MAX_HEADLINE = 300


class DropTitleRepeat(Rule):
    """A headline printed twice near the top: the copies are chrome, not body.

    With a known title, lines in the region that read the same (ignoring case,
    spacing and Markdown marks) are dropped. With no title yet, a line that
    occurs twice in the region is taken as the headline: it becomes the title
    and every copy leaves the body.
    """

    default_phase = "head"

    kind: Literal["drop_title_repeat"]
    where: Literal["anywhere", "head", "tail"] = "head"

    def apply(self, ctx: Context) -> int:
        lines = _lines(ctx.text, *self.region(ctx))
        title = ctx.fields.get("title")
        key = _key(title) if title else _repeated_key(lines)
        if not key:
            return 0
        copies = [(lo, hi) for lo, hi, line_key in lines if line_key == key]
        if not title:
            first = copies[0]
            ctx.set_field(
                "title", ctx.text[first[0] : first[1]].translate(_MARKUP), f"rule:{self.id}"
            )
        ctx.edit([Edit(lo, hi) for lo, hi in copies], self.id)
        return len(copies)


def _key(line: str) -> str:
    """A line's comparison key: no Markdown marks, case or spacing differences."""
    for mark in _MARKS:  # str.replace is fast where str.translate is slow (non-ASCII text)
        if mark in line:
            line = line.replace(mark, "")
    return collapse_spaces(line).casefold().strip(" .:")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, key) of the lines in text[start:end] short enough to be a headline."""
    found = []
    position = start
    for line in text[start:end].split("\n"):
        stop = position + len(line)
        key = _key(line) if len(line) <= _MAX_HEADLINE else ""
        if key:
            found.append((position, stop, key))
        position = stop + 1
    return found


#: A headline has at least this many words, or characters in a script written without spaces.
_MIN_HEADLINE_WORDS = 3
_MIN_UNSPACED_CHARS = 6


def _headline_sized(key: str) -> bool:
    """Long enough to be a headline rather than a repeated label ("Yes.", "Share")."""
    if len(key.split()) >= _MIN_HEADLINE_WORDS:
        return True
    return " " not in key and not key.isascii() and len(key) >= _MIN_UNSPACED_CHARS


def _repeated_key(lines: list[tuple[int, int, str]]) -> str | None:
    seen: set[str] = set()
    for _, _, key in lines:
        if key in seen and _headline_sized(key):
            return key
        seen.add(key)
    return None
