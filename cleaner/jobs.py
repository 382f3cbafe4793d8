"""How many processes a command uses by default: every core this process may run on."""

from __future__ import annotations

import os


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the platform has one), at least 1."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - platforms without affinity
