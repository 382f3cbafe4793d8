"""The end-of-run summary: counts by status and reason, and the rules that fired most."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

#: How many of the most frequent rules the summary lists.
TOP_RULES = 10


class Summary:
    """Tallies results as they are written; `lines()` renders the report for stderr."""

    def __init__(self) -> None:
        self.statuses: Counter[str] = Counter()
        self.reasons: Counter[tuple[str, str]] = Counter()
        self.rules: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()

    def add(self, result: Mapping[str, Any]) -> None:
        """Count one result: its status, its reason (grouped by kind), each rule that fired."""
        status = str(result["status"])
        self.statuses[status] += 1
        if result.get("reason"):
            self.reasons[(status, reason_kind(str(result["reason"])))] += 1
        self.rules.update({removal["rule"] for removal in result.get("removed", ())})

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    def lines(self, *, elapsed: float, megabytes: float, interrupted: bool = False) -> list[str]:
        """The report: totals and speed, statuses, reasons, top rules, skipped inputs."""
        rate = self.total / max(elapsed, 1e-9)
        head = "stopped after" if interrupted else "cleaned"
        out = [
            f"cleaner: {head} {self.total:,} records in {elapsed:,.1f} s "
            f"({rate:,.1f} records/s, {megabytes / max(elapsed, 1e-9):,.2f} MB/s)",
            "  status: " + _tally(self.statuses),
        ]
        for status in ("empty", "error", "ok"):
            reasons = Counter({r: n for (s, r), n in self.reasons.items() if s == status})
            if reasons:
                out.append(f"  {status}: " + _tally(reasons))
        if self.rules:
            out.append("  top rules (records): " + _tally(self.rules, TOP_RULES))
        if self.skipped:
            out.append("  skipped: " + _tally(self.skipped))
        return out


def reason_kind(reason: str) -> str:
    """The reason without its per-record detail (`invalid-json: Expecting…` → `invalid-json`)."""
    return reason.split(": ", 1)[0]


def _tally(counts: Counter[str], limit: int | None = None) -> str:
    return ", ".join(f"{name} {count:,}" for name, count in counts.most_common(limit))
