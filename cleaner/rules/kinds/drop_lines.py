"""drop_lines: remove every whole line on which `pattern` matches."""

from __future__ import annotations

from typing import Literal

from cleaner.buffer import Edit
from cleaner.context import Context
from cleaner.regex import Pattern
from cleaner.rules.base import RegexField, Rule, line_bounds


class DropLines(Rule):
    """Lines of chrome: "Published: …", "Read more: …", a URL alone on its line."""

    kind: Literal["drop_lines"]
    pattern: RegexField

    @property
    def trigger(self) -> Pattern:
        return self.pattern

    def apply(self, ctx: Context) -> int:
        text = ctx.text
        start, end = self.region(ctx)
        edits = [
            Edit(*line_bounds(text, match.start, match.end))
            for match in self.pattern.finditer(ctx.subject, start, end)
        ]
        ctx.edit(edits, self.id)
        return len(edits)
