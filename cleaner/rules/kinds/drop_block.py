"""drop_block: remove a run of lines from a `start` line through an `end` line."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cleaner.rules.base import CoreSpec, RegexField, Rule


class DropBlock(Rule):
    """Multi-line appeals: a donation or newsletter box from its opening line to its close.

    The block is removed only when `end` is found within `max_lines` lines of
    `start`, so a stray opening phrase never eats the rest of an article.
    """

    kind: Literal["drop_block"]
    start: RegexField
    end: RegexField
    max_lines: int = Field(default=40, ge=1, le=10_000)

    def _kind_spec(self) -> CoreSpec:
        return {
            "patterns": {"start": self.start.compiled, "end": self.end.compiled},
            "max_lines": self.max_lines,
        }
