"""substitute: replace each match of `pattern` with `replace` (`\\1`, `\\g<name>` name groups)."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import model_validator

from cleaner.buffer import Edit
from cleaner.context import Context
from cleaner.regex import Match, Pattern
from cleaner.rules.base import RegexField, Rule
from cleaner.rules.template import Template


class Substitute(Rule):
    """Markup residue and inline chrome: `[anchor](url)` → `anchor`, `\\$` → `$`.

    When `replace` only names groups, the edit keeps those groups in place and
    records just the characters around them as removed; otherwise the whole
    match is recorded as removed and the expanded template inserted.
    """

    default_phase = "inline"

    kind: Literal["substitute"]
    pattern: RegexField
    replace: str = ""

    @model_validator(mode="after")
    def _groups_exist(self) -> Substitute:
        self.template.check(self.pattern)
        return self

    @cached_property
    def template(self) -> Template:
        return Template(self.replace)

    @property
    def trigger(self) -> Pattern:
        return self.pattern

    def apply(self, ctx: Context) -> int:
        template = self.template
        start, end = self.region(ctx)
        edits: list[Edit] = []
        count = 0
        for match in self.pattern.finditer(ctx.subject, start, end):
            if match.end == match.start:
                continue
            edits.extend(_edits_for(match, template))
            count += 1
        ctx.edit(edits, self.id)
        return count


def _edits_for(match: Match, template: Template) -> list[Edit]:
    kept = template.kept_spans(match)
    if kept is None:
        return [Edit(match.start, match.end, template.expand(match))]
    edits, cursor = [], match.start
    for lo, hi in kept:
        edits.append(Edit(cursor, lo))
        cursor = hi
    edits.append(Edit(cursor, match.end))
    return [edit for edit in edits if edit.end > edit.start]
