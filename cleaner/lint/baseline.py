"""A baseline: the findings a corpus already had, so it can adopt the linter and fix later.

The file is JSON: `{"version": 1, "findings": [{"path", "rule", "hash", "count"}]}`.
A finding is known by its file (relative to the baseline's folder), rule and a
hash of the text it would remove (whitespace runs as one space), never by line:
edits elsewhere in the file leave the baseline valid. `count` allows as many
identical findings in one file as there were.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from cleaner.atomic import write_atomic
from cleaner.errors import CleanerError
from cleaner.lint.findings import Finding

VERSION = 1
Key = tuple[str, str, str]


class BaselineError(CleanerError):
    """The baseline file cannot be read or is not a baseline."""


def fingerprint(rule: str, text: str) -> str:
    """A short, stable hash of what a rule would remove."""
    data = f"{rule}\0{' '.join(text.split())}".encode()
    return hashlib.sha256(data).hexdigest()[:20]


class Baseline:
    """Known findings, each allowed as many times as it was recorded."""

    def __init__(self, folder: Path, counts: Counter[Key]) -> None:
        self.folder = folder
        self.counts = counts

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise BaselineError(
                f"{path}: cannot read baseline: {error.strerror or error}"
            ) from None
        except ValueError as error:
            raise BaselineError(f"{path}: not a JSON baseline: {error}") from None
        return cls(path.resolve().parent, _counts(path, data))

    def key(self, finding: Finding) -> Key:
        return (self.relative(finding.path), finding.rule, fingerprint(finding.rule, finding.text))

    def relative(self, path: str) -> str:
        return Path(os.path.relpath(Path(path).resolve(), self.folder)).as_posix()

    def known_mask(self, findings: Iterable[Finding]) -> list[bool]:
        """For each finding (all of one file, in order), whether the baseline knows it.

        File problems are never known: they are always reported.
        """
        left = Counter(self.counts)
        mask: list[bool] = []
        for finding in findings:
            key = self.key(finding)
            known = not finding.is_file_problem and left[key] > 0
            if known:
                left[key] -= 1
            mask.append(known)
        return mask


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    """Record `findings` (file problems excepted) as the baseline at `path`; return how many."""
    baseline = Baseline(path.resolve().parent, Counter())
    counts = Counter(baseline.key(f) for f in findings if not f.is_file_problem)
    entries = [
        {"path": key[0], "rule": key[1], "hash": key[2], "count": count}
        for key, count in sorted(counts.items())
    ]
    text = json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False)
    write_atomic(path, (text + "\n").encode("utf-8"))
    return sum(counts.values())


def _counts(path: Path, data: object) -> Counter[Key]:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(f'{path}: expected a baseline object with "version": {VERSION}')
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(data.get("findings", []), 1):
        try:
            key = (str(entry["path"]), str(entry["rule"]), str(entry["hash"]))
            counts[key] += int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise BaselineError(
                f"{path}: findings[{number}]: expected path, rule, hash and count"
            ) from None
    return counts
