"""capture: take a metadata field from the text (a named group) and drop the matched text."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from cleaner.buffer import Edit
from cleaner.context import Context
from cleaner.document import FieldName
from cleaner.regex import Match, Pattern
from cleaner.rules.base import RegexField, Rule


class Capture(Rule):
    """Labelled or positioned metadata: `date 2024-05-18`, `Published: …`, `Original url: …`.

    The group named like `field` gives the value (dates are parsed to ISO 8601,
    urls must be absolute). A field already known keeps its value; the matched
    text is dropped all the same. `drop` says what leaves the body: the whole
    `match` (default), only the captured `group`, or `none`.
    """

    default_phase = "extract"

    kind: Literal["capture"]
    pattern: RegexField
    field: FieldName
    drop: Literal["match", "group", "none"] = "match"
    max_matches: int = 1

    @model_validator(mode="after")
    def _group_named_like_field(self) -> Capture:
        if self.field not in self.pattern.group_names:
            raise ValueError(f"pattern needs a group named like the field: (?P<{self.field}>...)")
        return self

    @property
    def trigger(self) -> Pattern:
        return self.pattern

    def finding_note(self) -> str:
        return f"taken as {self.field}"

    def apply(self, ctx: Context) -> int:
        start, end = self.region(ctx)
        edits: list[Edit] = []
        for match in self.pattern.finditer(ctx.subject, start, end):
            if match.end == match.start:
                continue
            ctx.set_field(self.field, match.group(self.field), f"rule:{self.id}")
            span = _dropped_span(match, self.drop, self.field)
            if span is not None:
                edits.append(Edit(*span))
            if len(edits) >= self.max_matches:
                break
        ctx.edit(edits, self.id)
        return len(edits)


def _dropped_span(match: Match, drop: str, field: str) -> tuple[int, int] | None:
    if drop == "match":
        return match.start, match.end
    if drop == "group":
        return match.span(field)
    return None
