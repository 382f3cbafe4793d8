"""What the DOM kinds share: a CSS `selector`, HTML inputs only, and no text-phase action."""

from __future__ import annotations

from typing import ClassVar

from pydantic import field_validator

from cleaner.context import Context
from cleaner.document import Format
from cleaner.dom import check_selector
from cleaner.rules.base import Phase, Rule


class DomRule(Rule):
    """A rule that acts on the parsed page of an HTML input, on elements matching `selector`."""

    default_phase: ClassVar[Phase] = "dom"

    selector: str
    formats: tuple[Format, ...] = ("html",)

    @field_validator("selector")
    @classmethod
    def _selector_parses(cls, value: str) -> str:
        check_selector(value)
        return value

    @property
    def dom_selector(self) -> str:
        return self.selector

    def apply(self, ctx: Context) -> int:
        """Text inputs have no DOM: DOM kinds act through `apply_dom`."""
        return 0
