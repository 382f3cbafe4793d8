"""substitute: replace each match of `pattern` with `replace` (`\\1`, `\\g<name>` name groups)."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import model_validator

from cleaner.rules.base import CoreSpec, RegexField, Rule
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

    def _kind_spec(self) -> CoreSpec:
        return {
            "patterns": {"pattern": self.pattern.compiled},
            "groups": self.pattern.names,
            "template": self.template.core_pieces(self.pattern),
        }
