"""The head and tail regions of a text, counted in non-blank lines.

Rules tied to the top or bottom of an article (`where: head` / `where: tail`)
look only at these regions, and the prefilter matches its head and tail sets
on them.
"""

from __future__ import annotations

from collections.abc import Iterator


def head_end(text: str, count: int) -> int:
    """Offset just past the `count`-th non-blank line (its newline included, so `$` matches)."""
    seen = 0
    position = 0
    length = len(text)
    for line in _lines_from_start(text, count):
        stop = position + len(line)
        if line and not (line[0].isspace() and not line.strip()):
            seen += 1
            if seen == count:
                return min(stop + 1, length)  # keep the newline, so `$` can match
        position = stop + 1
    return length


def _lines_from_start(text: str, count: int) -> Iterator[str]:
    """The lines of `text` in order, split off in batches: a head region needs few of them."""
    rest = text
    batch = 2 * count + 8
    while True:
        lines = rest.split("\n", batch)
        if len(lines) <= batch:
            yield from lines
            return
        yield from lines[:-1]
        rest = lines[-1]
        batch *= 4


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
