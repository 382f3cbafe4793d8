"""drop_block: remove a run of lines from a `start` line through an `end` line."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cleaner.buffer import Edit
from cleaner.context import Context
from cleaner.regex import Pattern
from cleaner.rules.base import RegexField, Rule, line_bounds


class DropBlock(Rule):
    """Multi-line appeals: a donation or newsletter box from its opening line to its close.

    The block is removed only when `end` is found within `max_lines` lines of
    `start`, so a stray opening phrase never eats the rest of an article.
    """

    kind: Literal["drop_block"]
    start: RegexField
    end: RegexField
    max_lines: int = Field(default=40, ge=1, le=10_000)

    @property
    def trigger(self) -> Pattern:
        return self.start

    def apply(self, ctx: Context) -> int:
        text, subject = ctx.text, ctx.subject
        region_start, region_end = self.region(ctx)
        edits: list[Edit] = []
        position = region_start
        while (opening := self.start.search(subject, position, region_end)) is not None:
            block_start, _ = line_bounds(text, opening.start, opening.end)
            limit = _end_of_lines(text, block_start, self.max_lines)
            closing = self.end.search(subject, opening.end, min(limit, region_end))
            if closing is None:
                position = max(opening.end, opening.start + 1)
                continue
            _, block_end = line_bounds(text, closing.start, closing.end)
            edits.append(Edit(block_start, block_end))
            position = max(block_end, closing.end)
        ctx.edit(edits, self.id)
        return len(edits)


def _end_of_lines(text: str, start: int, count: int) -> int:
    """Offset just past `count` lines beginning at `start`."""
    position = start
    for _ in range(count):
        newline = text.find("\n", position)
        if newline < 0:
            return len(text)
        position = newline + 1
    return position
