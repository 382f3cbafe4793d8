"""The head and tail regions of a text, counted in non-blank lines.

Rules tied to the top or bottom of an article (`where: head` / `where: tail`)
look only at these regions, and the prefilter matches its head and tail sets
on them.
"""

from __future__ import annotations


def head_end(text: str, count: int) -> int:
    """Offset just past the `count`-th non-blank line (its newline included, so `$` matches).

    Walks the text with `str.find`, so only the few head lines are looked at and
    none is copied out of the text.
    """
    seen = 0
    position = 0
    length = len(text)
    while True:
        newline = text.find("\n", position)
        stop = length if newline < 0 else newline
        # `_blank`, inlined: it is asked of every head line, many times a document.
        if stop > position and (not text[position].isspace() or text[position:stop].strip()):
            seen += 1
            if seen == count:
                return min(stop + 1, length)  # keep the newline, so `$` can match
        if newline < 0:
            return length
        position = newline + 1


def tail_start(text: str, count: int) -> int:
    """Offset where the `count`-th non-blank line from the end starts."""
    seen = 0
    stop = len(text)
    while stop > 0:
        newline = text.rfind("\n", 0, stop)
        if not _blank(text, newline + 1, stop):
            seen += 1
            if seen == count:
                return newline + 1
        stop = newline if newline >= 0 else 0
    return 0


def _blank(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] is empty or all whitespace.

    Most lines open with a visible character, which settles it without
    copying the line out of the text.
    """
    return start >= stop or (text[start].isspace() and not text[start:stop].strip())
