"""The closed set of rule kinds: kind name → model class.

Rule files name kinds, never classes. Adding a kind means a module here, whose
docstring opens with `name: what it does`, an entry in KINDS, and a section in
rules/README.md; `python -m cleaner.rules.kind_docs` rewrites the README's kind
table, and tests/test_kind_docs.py checks the section describes every field.
"""

from __future__ import annotations

from cleaner.rules.base import Rule
from cleaner.rules.kinds.caption import CaptionRule
from cleaner.rules.kinds.capture import Capture
from cleaner.rules.kinds.drop_block import DropBlock
from cleaner.rules.kinds.drop_elements import DropElements
from cleaner.rules.kinds.drop_lines import DropLines
from cleaner.rules.kinds.drop_title_repeat import DropTitleRepeat
from cleaner.rules.kinds.keep_main_run import KeepMainRun
from cleaner.rules.kinds.lift_captions import LiftCaptions
from cleaner.rules.kinds.substitute import Substitute

KINDS: dict[str, type[Rule]] = {
    "drop_lines": DropLines,
    "drop_block": DropBlock,
    "substitute": Substitute,
    "capture": Capture,
    "caption": CaptionRule,
    "drop_title_repeat": DropTitleRepeat,
    "keep_main_run": KeepMainRun,
    "drop_elements": DropElements,
    "lift_captions": LiftCaptions,
}

__all__ = [
    "KINDS",
    "CaptionRule",
    "Capture",
    "DropBlock",
    "DropElements",
    "DropLines",
    "DropTitleRepeat",
    "KeepMainRun",
    "LiftCaptions",
    "Rule",
    "Substitute",
]
