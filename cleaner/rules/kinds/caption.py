"""caption: lift an image caption (group `text`) and its credit (group `credit`) out of the body."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from cleaner.buffer import Edit
from cleaner.context import Context
from cleaner.document import Caption
from cleaner.regex import Match, Pattern
from cleaner.rules.base import RegexField, Rule, line_bounds

#: Separators a caption pattern may leave between the caption text and its credit.
TRAILING_SEPARATORS = " |/–—-(:"


class CaptionRule(Rule):
    """Caption lines: "Putin at the expo. **Sergei Bobylev, TASS**", "… Photo: AFP".

    The whole line the match touches leaves the body; the caption is recorded
    in `captions` with its credit (either group may be absent).
    """

    kind: Literal["caption"]
    pattern: RegexField

    @model_validator(mode="after")
    def _has_caption_groups(self) -> CaptionRule:
        if not {"text", "credit"} & self.pattern.group_names:
            raise ValueError("pattern needs a group (?P<text>...) or (?P<credit>...)")
        return self

    @property
    def trigger(self) -> Pattern:
        return self.pattern

    def finding_note(self) -> str:
        return "taken as a caption"

    def apply(self, ctx: Context) -> int:
        text = ctx.text
        start, end = self.region(ctx)
        edits = []
        for match in self.pattern.finditer(ctx.subject, start, end):
            edits.append(Edit(*line_bounds(text, match.start, match.end)))
            ctx.captions.append(_record(match))
        ctx.edit(edits, self.id)
        return len(edits)


def _record(match: Match) -> Caption:
    def value(name: str) -> str | None:
        if name not in match.names:
            return None
        found = " ".join((match.group(name) or "").split()).rstrip(TRAILING_SEPARATORS)
        return found or None

    return Caption(value("text"), value("credit"))
