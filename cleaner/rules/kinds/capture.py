"""capture: take a metadata field from the text (a named group) and drop the matched text."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from cleaner.document import FieldName
from cleaner.rules.base import CoreSpec, RegexField, Rule


class Capture(Rule):
    """Labelled or positioned metadata: `date 2024-05-18`, `Published: …`, `Original url: …`.

    The group named like `field` gives the value (dates are parsed to ISO 8601,
    urls must be absolute). A field already known keeps its value; the matched
    text is dropped all the same. `drop` says what leaves the body: the whole
    `match` (default), only the captured `group`, or `none`. `followed_by`: a pattern the next
    line with text after a match must match at its start, or the match does not
    count (the body below a headline is what makes a short first line one).
    """

    default_phase = "extract"
    kind: Literal["capture"]
    pattern: RegexField
    field: FieldName
    drop: Literal["match", "group", "none"] = "match"
    max_matches: int = 1
    followed_by: RegexField | None = None

    @model_validator(mode="after")
    def _group_named_like_field(self) -> Capture:
        if self.field not in self.pattern.group_names:
            raise ValueError(f"pattern needs a group named like the field: (?P<{self.field}>...)")
        return self

    def finding_note(self) -> str:
        return f"taken as {self.field}"

    def _kind_spec(self) -> CoreSpec:
        return {
            "patterns": {"pattern": self.pattern.compiled}
            | ({"followed_by": self.followed_by.compiled} if self.followed_by else {}),
            "groups": self.pattern.names,
            "field": self.field,
            "drop": self.drop,
            "max_matches": self.max_matches,
        }
