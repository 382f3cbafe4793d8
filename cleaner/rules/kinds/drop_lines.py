"""drop_lines: remove every whole line on which `pattern` matches."""

from __future__ import annotations

from typing import Literal

from cleaner.rules.base import CoreSpec, RegexField, Rule


class DropLines(Rule):
    """Lines of chrome: "Published: …", "Read more: …", a URL alone on its line."""

    kind: Literal["drop_lines"]
    pattern: RegexField

    def _kind_spec(self) -> CoreSpec:
        return {"patterns": {"pattern": self.pattern.compiled}}
