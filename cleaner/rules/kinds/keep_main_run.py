"""keep_main_run: in a whole-page dump, keep the run of lines that reads as the article."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cleaner.document import Format
from cleaner.rules.base import CoreSpec, Rule


class KeepMainRun(Rule):
    """Page furniture around the article in a page converted to Markdown or text whole.

    Each line is read as a reader sees it (Markdown links as their text, images
    as nothing, no URLs or list marks) and scored: prose (`min_prose_chars` or
    more, or a sentence of eight words or more) for its length, a line that is
    mostly link text or only images against, a short label a little against.
    Code lines and table rows count for neither. The run of lines with the best
    total stays, with the headings just above it (and a run beside it scoring a
    quarter of it); a stretch around the kept runs goes, as one removal, when at
    most half of it is prose, code or table. A text is a dump only with
    `min_furniture` link or image lines, a fifth of its lines furniture and three
    of its first or last ten (a page's header or footer), and not when it lists
    items; so an article, or an already clean text, loses nothing.
    """

    default_phase = "extract"
    kind: Literal["keep_main_run"]
    formats: tuple[Format, ...] = ("text", "markdown")
    min_furniture: int = Field(default=5, ge=1, le=10_000)
    min_prose_chars: int = Field(default=80, ge=1, le=10_000)

    def _kind_spec(self) -> CoreSpec:
        return {"min_furniture": self.min_furniture, "min_prose_chars": self.min_prose_chars}
