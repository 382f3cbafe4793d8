"""caption: lift an image caption (group `text`) and its credit (group `credit`) out of the body."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from cleaner.rules.base import CoreSpec, RegexField, Rule

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

    def finding_note(self) -> str:
        return "taken as a caption"

    def _kind_spec(self) -> CoreSpec:
        return {"patterns": {"pattern": self.pattern.compiled}, "groups": self.pattern.names}
