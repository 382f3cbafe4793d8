"""Lint many files, in one process or a pool of them, with results in a stable order.

Each worker process has one Linter: inherited from the parent where processes
are forked, else built once from a picklable `LintSetup`; it takes files in
chunks. Reports come back in
the order of the targets, which are sorted, so output never depends on timing.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.lint.baseline import Baseline
from cleaner.lint.files import Target
from cleaner.lint.linter import FileReport, Linter, Policy
from cleaner.lint.selection import build_selection
from cleaner.rules.loader import load_ruleset
from cleaner.rules.paths import default_rules_path

#: Fewer files than this per process are not worth starting a process for.
MIN_FILES_PER_JOB = 200
_CHUNK = 64


@dataclass(frozen=True)
class LintSetup:
    """Everything a process needs to build the run's Linter (plain data: it is pickled)."""

    rule_paths: tuple[str, ...] = ()
    no_default_rules: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str = "."
    baseline: str | None = None
    policy: Policy = field(default_factory=Policy)


def build_linter(setup: LintSetup) -> Linter:
    """Load the rules, resolve the selection and the baseline (errors raise CleanerError)."""
    defaults = [] if setup.no_default_rules else [default_rules_path()]
    ruleset = load_ruleset([*defaults, *setup.rule_paths])
    known = [rule.id for rule in ruleset.rules]
    selection = build_selection(
        known,
        setup.select,
        setup.ignore,
        {glob: list(rules) for glob, rules in setup.per_file_ignores},
    )
    baseline = Baseline.load(Path(setup.baseline)) if setup.baseline else None
    return Linter(ruleset, selection, Path(setup.root), baseline, setup.policy)


def run_targets(
    linter: Linter, setup: LintSetup, targets: Sequence[Target], jobs: int
) -> list[FileReport]:
    """Reports for `targets`, in their order; `jobs` processes at most (1: this one)."""
    global _worker
    jobs = max(1, min(jobs, len(targets) // MIN_FILES_PER_JOB))
    if jobs == 1:
        return [linter.check(target) for target in targets]
    _worker = linter  # forked workers inherit it; others build their own from `setup`
    try:
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(setup,)) as pool:
            return list(pool.map(_check_in_worker, targets, chunksize=_CHUNK))
    finally:
        _worker = None


_worker: Linter | None = None


def _start_worker(setup: LintSetup) -> None:
    global _worker
    if _worker is None:
        _worker = build_linter(setup)


def _check_in_worker(target: Target) -> FileReport:
    assert _worker is not None, "worker started without a linter"
    return _worker.check(target)
