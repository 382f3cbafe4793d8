"""Which rules run on which file: select, ignore and per-file ignores, by id or glob."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pathspec

from cleaner.errors import CleanerError
from cleaner.lint.files import glob_spec


class SelectionError(CleanerError):
    """A rule id or pattern in select/ignore names no rule."""


def expand(patterns: Iterable[str], known: Sequence[str], where: str) -> frozenset[str]:
    """The rule ids the patterns name (exact ids or globs like `moscow-times-*`).

    A pattern that names no rule is an error: a typo must not silently select nothing.
    """
    chosen: set[str] = set()
    for pattern in patterns:
        matched = [rule for rule in known if fnmatch.fnmatchcase(rule, pattern)]
        if not matched:
            raise SelectionError(f"{where}: {pattern!r} names no rule (see `cleaner rules list`)")
        chosen.update(matched)
    return frozenset(chosen)


@dataclass(frozen=True)
class PerFileIgnore:
    spec: pathspec.GitIgnoreSpec
    rules: frozenset[str]


@dataclass(frozen=True)
class Selection:
    """The rules that run by default, and the ones taken away for files matching a glob."""

    active: frozenset[str]
    per_file: tuple[PerFileIgnore, ...] = ()

    def rules_for(self, relative_path: str) -> frozenset[str]:
        """The ids of the rules that run on a file (its path relative to the config root)."""
        rules = self.active
        for entry in self.per_file:
            if entry.spec.match_file(relative_path):
                rules = rules - entry.rules
        return rules


def build_selection(
    known: Sequence[str],
    select: Sequence[str] | None,
    ignore: Sequence[str],
    per_file_ignores: dict[str, list[str]],
) -> Selection:
    """Resolve the patterns against the loaded rules' ids."""
    active = expand(select, known, "select") if select is not None else frozenset(known)
    active -= expand(ignore, known, "ignore")
    per_file = tuple(
        PerFileIgnore(
            glob_spec([glob]),
            expand(rules, known, f"per-file-ignores {glob!r}"),
        )
        for glob, rules in per_file_ignores.items()
    )
    return Selection(active, per_file)
