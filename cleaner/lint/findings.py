"""A finding: one place in a file where a rule would remove or change text."""

from __future__ import annotations

from typing import Literal, NamedTuple

from cleaner.document import Removal
from cleaner.rules.base import Rule

FixSafety = Literal["safe", "unsafe", "none"]

#: Ids of the findings about files themselves rather than their text; no rule has them.
READ_ERROR = "read-error"
DECODE_ERROR = "decode-error"
JSONL_ERROR = "jsonl-error"
TIMEOUT = "timeout"
WRITE_ERROR = "write-error"
FILE_PROBLEMS = (READ_ERROR, DECODE_ERROR, JSONL_ERROR, TIMEOUT, WRITE_ERROR)
#: A document the rules would mostly empty (see `text_phase.over_removal_warning`).
OVER_REMOVAL = "over-removal"

_PREVIEW_CHARS = 60


class Finding(NamedTuple):
    """`path:line:col: rule message`; lines and columns 1-based, columns in characters.

    The end is one past the span's last character (SARIF's convention). For a
    JSONL record, `line` is the record's line and columns count characters of
    the linted field's value. `text` is the text the rule would remove.

    A named tuple: ordered field by field, immutable, and cheap to pickle, which
    matters when worker processes send thousands of findings back.
    """

    path: str
    line: int
    col: int
    rule: str
    message: str
    end_line: int
    end_col: int
    fix: FixSafety = "none"
    text: str = ""

    @property
    def is_file_problem(self) -> bool:
        return self.rule in FILE_PROBLEMS


def file_problem(path: str, rule: str, message: str, line: int = 1) -> Finding:
    """A finding about the file itself (unreadable, undecodable, a bad record)."""
    return Finding(path, line, 1, rule, message, line, 1)


def describe(removal: Removal, rule: Rule | None) -> str:
    """What the rule would do, quoting (the start of) the text: `would remove "Read more: …"`."""
    message = f'would remove "{preview(removal.text)}"'
    lines = removal.text.rstrip("\n").count("\n") + 1
    if lines > 1:
        message += f" ({lines} lines)"
    note = rule.finding_note() if rule is not None else ""
    if note:
        message += f" ({note})"
    return message


def preview(text: str) -> str:
    """The text on one line, line breaks shown as \\n, cut at 60 characters with an ellipsis."""
    shown = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "").replace("\n", "\\n")
    if len(shown) > _PREVIEW_CHARS:
        shown = shown[: _PREVIEW_CHARS - 1].rstrip() + "…"
    return shown
