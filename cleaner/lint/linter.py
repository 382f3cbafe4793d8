"""Lint (and fix) one corpus file: a text or Markdown article, or a JSONL shard.

Per document: run the text rules (`analysis`), turn removals into findings,
drop the suppressed ones; per file: drop the ones the baseline knows; then, to
fix, splice the allowed findings out of each document and put the file back
together in its own encoding and line breaks.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from cleaner.atomic import write_atomic
from cleaner.document import Removal
from cleaner.lint.analysis import Analysis, AnalysisTimeout, HtmlInputError, analyze
from cleaner.lint.baseline import Baseline
from cleaner.lint.edits import allowed_edits
from cleaner.lint.files import Target, relative_to_root
from cleaner.lint.findings import (
    DECODE_ERROR,
    JSONL_ERROR,
    OVER_REMOVAL,
    READ_ERROR,
    TIMEOUT,
    WRITE_ERROR,
    Finding,
    describe,
    file_problem,
)
from cleaner.lint.jsonl import RecordError, raw_lines, read_record, replace_value
from cleaner.lint.lines import LineIndex
from cleaner.lint.selection import Selection
from cleaner.lint.splice import apply_edits
from cleaner.lint.suppressions import Suppressions, parse_suppressions, unknown_rules
from cleaner.lint.textcodec import UndecodableError, decode_bytes
from cleaner.options import DEFAULT_OPTIONS, CleanOptions
from cleaner.rules.base import Rule
from cleaner.rules.ruleset import RuleSet
from cleaner.text_phase import over_removal_warning

Mode = Literal["lint", "fix", "diff"]
#: (line, column) of a character offset into a document, in file terms.
Locate = Callable[[int], tuple[int, int]]

HTML_NOTE = "skipped: HTML input (lint and fix cover plain-text and Markdown corpora)"


@dataclass(frozen=True)
class Policy:
    """What a run does beyond reporting: fix or diff, unsafe fixes, the JSONL field, options.

    Of the clean `options`, lint uses the time limit and the over-removal limit.
    """

    mode: Mode = "lint"
    unsafe_fixes: bool = False
    field: str = "text"
    options: CleanOptions = DEFAULT_OPTIONS


@dataclass
class FileReport:
    """The outcome for one file: findings still to report, fixes made, notes for stderr."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    fixed: int = 0
    diff: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class _Document:
    """One linted document of a file, with its reported findings and their removals."""

    analysis: Analysis
    reported: list[tuple[Finding, Removal]]


class Linter:
    """Lints files with one rule set, cut down per file as the selection says."""

    def __init__(
        self,
        ruleset: RuleSet,
        selection: Selection,
        root: Path,
        baseline: Baseline | None = None,
        policy: Policy | None = None,
    ) -> None:
        self.ruleset = ruleset
        self.selection = selection
        self.root = root
        self.baseline = baseline
        self.policy = policy or Policy()
        self.catalog: dict[str, Rule] = {rule.id: rule for rule in ruleset.rules}

    def reported_rules(self, path: str) -> frozenset[str]:
        """The ids of the rules whose findings are reported for `path`.

        Every rule runs on every file, and the selection only filters findings:
        a finding never depends on which other rules are selected, and a fix of
        the selected rules removes exactly what a full lint reports for them.
        """
        if not self.selection.per_file:
            return self.selection.active
        return self.selection.rules_for(relative_to_root(path, self.root))

    def check(self, target: Target) -> FileReport:
        """Lint one file, and fix it or diff it when the policy says so."""
        report = FileReport(target.path)
        if target.problem is not None:
            report.findings.append(file_problem(target.path, READ_ERROR, target.problem))
            return report
        try:
            raw = Path(target.path).read_bytes()
        except OSError as error:
            problem = f"cannot read: {error.strerror or error}"
            report.findings.append(file_problem(target.path, READ_ERROR, problem))
            return report
        try:
            text, encoding = decode_bytes(raw)
        except UndecodableError as error:
            report.findings.append(
                file_problem(target.path, DECODE_ERROR, f"cannot decode: {error}")
            )
            return report
        check = self._check_jsonl if target.is_jsonl else self._check_text
        fixed_ids: set[int] = set()
        fixed_text = check(target.path, text, self.reported_rules(target.path), report, fixed_ids)
        if fixed_text is not None and fixed_text != text:
            try:
                self._deliver(target.path, text, fixed_text, encoding.encode(fixed_text), report)
            except (OSError, UnicodeEncodeError) as error:
                problem = f"cannot write the fix: {getattr(error, 'strerror', None) or error}"
                report.findings.append(file_problem(target.path, WRITE_ERROR, problem))
                fixed_ids.clear()
        if fixed_ids:
            report.fixed = len(fixed_ids)
            report.findings = [f for f in report.findings if id(f) not in fixed_ids]
        report.findings.sort()
        return report

    def _check_text(
        self, path: str, text: str, rules: frozenset[str], report: FileReport, fixed_ids: set[int]
    ) -> str | None:
        document = self._document(path, text, rules, None, report, line=1)
        if document is None:
            return None
        self._apply_baseline(path, [document])
        report.findings.extend(finding for finding, _ in document.reported)
        return self._fixed(document, fixed_ids)

    def _check_jsonl(
        self, path: str, text: str, rules: frozenset[str], report: FileReport, fixed_ids: set[int]
    ) -> str | None:
        documents: list[tuple[int, _Document]] = []
        lines = list(raw_lines(text))
        for position, line in enumerate(lines):
            if not line.content.strip():
                continue
            try:
                record = read_record(line, self.policy.field)
            except RecordError as error:
                report.findings.append(file_problem(path, JSONL_ERROR, str(error), line.number))
                continue
            locate = _record_locator(line.number)
            document = self._document(path, record.text, rules, locate, report, line.number)
            if document is not None:
                documents.append((position, document))
        self._apply_baseline(path, [document for _, document in documents])
        for _, document in documents:
            report.findings.extend(finding for finding, _ in document.reported)
        if self.policy.mode == "lint":
            return None
        pieces = [line.content for line in lines]
        for position, document in documents:
            fixed = self._fixed(document, fixed_ids)
            if fixed is not None and fixed != document.analysis.source:
                record = read_record(lines[position], self.policy.field)
                pieces[position] = replace_value(lines[position], record, fixed)
        return "".join(piece + line.newline for piece, line in zip(pieces, lines, strict=True))

    def _document(
        self,
        path: str,
        text: str,
        rules: frozenset[str],
        locate: Locate | None,
        report: FileReport,
        line: int,
    ) -> _Document | None:
        """Lint one document; `locate` maps its offsets to file positions (None: they are)."""
        try:
            analysis = analyze(self.ruleset, text, timeout=self.policy.options.timeout)
        except HtmlInputError:
            report.notes.append(f"{path}:{line}: {HTML_NOTE}")
            return None
        except AnalysisTimeout:
            problem = f"the rules ran past the {self.policy.options.timeout:g} s limit"
            report.findings.append(file_problem(path, TIMEOUT, problem, line))
            return None
        index = LineIndex(text)
        suppressions = parse_suppressions(text, index)
        if suppressions:
            for at, name in unknown_rules(suppressions, self.catalog):
                where = f"{path}:{line if locate or at is None else at}"
                report.notes.append(f"{where}: suppression names no rule {name!r}")
        reported: list[tuple[Finding, Removal]] = []
        unsuppressed: list[Removal] = []
        for removal in analysis.removals:
            if suppressions and self._suppressed(removal, suppressions, index):
                continue
            unsuppressed.append(removal)
            if removal.rule in rules:
                reported.append((self._finding(path, removal, locate or index.position), removal))
        limit = self.policy.options.max_removed_share
        warning = over_removal_warning(text, unsuppressed, limit)
        if warning is not None:  # reported, and none of its findings is fixed
            message = f"{warning.removeprefix(OVER_REMOVAL + ': ')}; not fixed"
            report.findings.append(Finding(path, line, 1, OVER_REMOVAL, message, line, 1))
            reported = [(finding._replace(fix="none"), removal) for finding, removal in reported]
        return _Document(analysis, reported)

    @staticmethod
    def _suppressed(removal: Removal, suppressions: Suppressions, index: LineIndex) -> bool:
        start, end = removal.start or 0, removal.end or 0
        first, last = index.position(start)[0], index.end_position(start, end)[0]
        return suppressions.covers(removal.rule, first, last)

    def _finding(self, path: str, removal: Removal, locate: Locate) -> Finding:
        rule = self.catalog.get(removal.rule)
        start, end = removal.start or 0, removal.end or 0
        line, col = locate(start)
        end_line, end_col = locate(max(start, end - 1))
        return Finding(
            path,
            line,
            col,
            removal.rule,
            describe(removal, rule),
            end_line,
            end_col + (1 if end > start else 0),
            rule.fix if rule is not None else "unsafe",
            removal.text,
        )

    def _apply_baseline(self, path: str, documents: list[_Document]) -> None:
        if self.baseline is None:
            return
        everything = [finding for document in documents for finding, _ in document.reported]
        kept = self.baseline.known_mask(everything)
        at = 0
        for document in documents:
            count = len(document.reported)
            document.reported = [
                pair
                for pair, known in zip(document.reported, kept[at : at + count], strict=True)
                if not known
            ]
            at += count

    def _fixed(self, document: _Document, fixed_ids: set[int]) -> str | None:
        """The document with its allowed findings spliced out (their ids go to `fixed_ids`)."""
        if self.policy.mode == "lint" or not document.reported:
            return None
        unsafe = self.policy.unsafe_fixes
        allowed = {
            removal for finding, removal in document.reported if finding.fix == "safe" or unsafe
        }
        plan = allowed_edits(document.analysis, allowed.__contains__)
        if not plan.applied:
            return None
        applied = set(plan.applied)
        fixed_ids.update(
            id(finding) for finding, removal in document.reported if removal in applied
        )
        return apply_edits(document.analysis.source, plan.edits)

    def _deliver(self, path: str, old: str, new: str, data: bytes, report: FileReport) -> None:
        if self.policy.mode == "fix":
            write_atomic(Path(path), data)
        elif self.policy.mode == "diff":
            report.diff = unified_diff(path, old, new)


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff from `old` to `new`, as `git diff` would name the file."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _record_locator(line: int) -> Locate:
    """Positions in a JSONL record: the record's line, columns counted in the field's value."""

    def locate(offset: int) -> tuple[int, int]:
        return line, offset + 1

    return locate
