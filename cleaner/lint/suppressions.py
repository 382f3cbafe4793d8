"""Inline suppressions written in a corpus file.

Syntax (the same in .txt, .md and JSONL field values):

* ``<!-- cleaner: ignore -->`` or ``# cleaner: ignore`` on a line: no finding
  that touches that line is reported (or fixed);
* ``<!-- cleaner: ignore[rule-a, rule-b] -->``: only those rules' findings;
* ``<!-- cleaner: ignore-file -->`` / ``ignore-file[rule-a]`` anywhere in the
  document: the whole document, for all rules or the listed ones.

The HTML-comment form is invisible when Markdown is rendered; the ``#`` form is
for plain text that is read as is. A finding spanning several lines (a block)
is suppressed by a marker on any of its lines. No shipped rule removes either
marker, and a marker is never part of a fix: a fix only takes out findings.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from cleaner.lint.lines import LineIndex

_MARKER = re.compile(
    r"(?:<!--|#)[ \t]*cleaner:[ \t]*(?P<scope>ignore-file|ignore)\b"
    r"(?:\[(?P<rules>[^\]\n]*)\])?"
)

#: Every rule: the marker lists none.
ALL = frozenset({"*"})


@dataclass
class Suppressions:
    """The markers of one document: per line (1-based) and for the whole document."""

    by_line: dict[int, frozenset[str]] = field(default_factory=dict)
    whole: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.by_line or self.whole)

    def covers(self, rule: str, first_line: int, last_line: int) -> bool:
        """Whether a finding of `rule` on lines first..last is suppressed."""
        if _names(self.whole, rule):
            return True
        if not self.by_line:
            return False
        return any(
            _names(self.by_line.get(line, frozenset()), rule)
            for line in range(first_line, last_line + 1)
        )


def unknown_rules(found: Suppressions, known: Container[str]) -> list[tuple[int | None, str]]:
    """(line, name) of each rule a marker names that is not loaded (line None: file-wide)."""
    unknown: list[tuple[int | None, str]] = [
        (None, name) for name in sorted(found.whole - ALL) if name not in known
    ]
    for line, names in sorted(found.by_line.items()):
        unknown.extend((line, name) for name in sorted(names - ALL) if name not in known)
    return unknown


def parse_suppressions(text: str, index: LineIndex | None = None) -> Suppressions:
    """The markers in `text` (fast when there are none: one substring test)."""
    found = Suppressions()
    if "cleaner:" not in text:
        return found
    index = index or LineIndex(text)
    for match in _MARKER.finditer(text):
        rules = _rule_list(match.group("rules"))
        if match.group("scope") == "ignore-file":
            found.whole = _union(found.whole, rules)
        else:
            line, _ = index.position(match.start())
            found.by_line[line] = _union(found.by_line.get(line, frozenset()), rules)
    return found


def _rule_list(listed: str | None) -> frozenset[str]:
    if listed is None:
        return ALL
    names = frozenset(name.strip() for name in listed.split(",") if name.strip())
    return names or ALL


def _union(first: frozenset[str], second: Iterable[str]) -> frozenset[str]:
    return first | frozenset(second)


def _names(rules: frozenset[str], rule: str) -> bool:
    return "*" in rules or rule in rules
