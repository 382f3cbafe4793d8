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
        start, end = self.region(ctx)
        region = ctx.text[start:end]
        title = ctx.fields.get("title")
        key = _key(title) if title else _repeated_key(region)
        if not key or (title and not _may_hold(region, key)):
            return 0  # most pages print the headline once, or not in the body at all
        copies = [(lo, hi) for lo, hi, line_key in _lines(ctx.text, start, end) if line_key == key]
        if not title:
            first = copies[0]
            ctx.set_field(
                "title", ctx.text[first[0] : first[1]].translate(_MARKUP), f"rule:{self.id}"
            )
        ctx.edit([Edit(lo, hi) for lo, hi in copies], self.id)
        return len(copies)


def _key(line: str) -> str:
    """A line's comparison key: no Markdown marks, case or spacing differences."""
    return collapse_spaces(_folded(line)).strip(" .:")


def _folded(text: str) -> str:
    """`text` without Markdown marks, case-folded: both act one character at a time,
    so the folded lines of a text are the lines of its folded form."""
    for mark in _MARKS:  # str.replace is fast where str.translate is slow (non-ASCII text)
        if mark in text:
            text = text.replace(mark, "")
    return text.casefold()


def _may_hold(region: str, key: str) -> bool:
    """Whether some line of `region` can have `key` as its key: one pass over the region.

    A line's key is a substring of the region's key (marks, spaces and case
    are dealt with one character or one run at a time), so a miss rules out
    every line without working out the key of each.
    """
    return key in _key(region)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, key) of the lines in text[start:end] short enough to be a headline.

    The region is folded once, not line by line: folding keeps its line breaks.
    """
    region = text[start:end]
    found = []
    position = start
    for line, folded in zip(region.split("\n"), _folded(region).split("\n"), strict=True):
        stop = position + len(line)
        key = collapse_spaces(folded).strip(" .:") if folded and len(line) <= _MAX_HEADLINE else ""
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


#: A line longer than this many words is prose, not a headline...
_MAX_HEADLINE_WORDS = 25
#: ...and so is one of more than this many words that ends like a sentence.
_MAX_SENTENCE_HEADLINE_WORDS = 12


def _reads_as_sentence(line: str) -> bool:
    """A paragraph printed twice, not a headline: long, or a full sentence with its period."""
    words = len(line.split())
    if words > _MAX_HEADLINE_WORDS:
        return True
    return words > _MAX_SENTENCE_HEADLINE_WORDS and line.rstrip().endswith(".")


def _repeated_key(region: str) -> str | None:
    """The key of the first line of `region` that repeats an earlier one and is long enough
    to be a headline; None when no line does (most texts: checked before any span is kept)."""
    seen: set[str] = set()
    for line in region.split("\n"):
        if not line or len(line) > _MAX_HEADLINE:
            continue
        key = _key(line)
        if key in seen and _headline_sized(key) and not _reads_as_sentence(line):
            return key
        seen.add(key)
    return None
