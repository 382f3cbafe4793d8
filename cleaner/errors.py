"""The exceptions cleaner raises on purpose, each carrying one printable line.

Cleaning a document never raises for bad *content* (it returns a Document with
status "error" or "empty"); these errors are for bad *configuration* and
unusable *inputs*, where the caller must be told and the CLI exits 2.
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base class: `str(error)` is a single line fit for a terminal."""


class RuleError(CleanerError):
    """A rule file is unusable: invalid YAML, unknown field or kind, bad pattern, duplicate id.

    The message follows one grammar, `path:line: rule-id: field: what was expected`,
    so editors and CI annotations can jump to the spot.
    """

    def __init__(
        self,
        path: str,
        line: int | None,
        rule_id: str | None,
        field: str | None,
        message: str,
    ) -> None:
        self.path = path
        self.line = line
        self.rule_id = rule_id
        self.field = field
        self.message = message
        super().__init__(self.render())

    def render(self) -> str:
        """The one-line form: `path:line: rule-id: field: message`."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        parts = [where, self.rule_id or "-", self.field or "-", self.message]
        return ": ".join(parts)


class InputError(CleanerError):
    """An input cannot be read at all (missing file, unreadable folder)."""
