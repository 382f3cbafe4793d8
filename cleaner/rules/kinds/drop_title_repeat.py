"""drop_title_repeat: remove the headline where the page prints it again."""

from __future__ import annotations

from typing import Literal

from cleaner.rules.base import Rule


class DropTitleRepeat(Rule):
    """A headline printed twice near the top: the copies are chrome, not body.

    With a known title, lines in the region that read the same (ignoring case,
    spacing and Markdown marks) are dropped. With no title yet, a line that
    occurs twice in the region is taken as the headline: it becomes the title
    and every copy leaves the body. A headline is a line of at most 300
    characters with three or more words (or six characters of a script written
    without spaces), and not a sentence-long paragraph printed twice.
    """

    default_phase = "head"
    kind: Literal["drop_title_repeat"]
    where: Literal["anywhere", "head", "tail"] = "head"
