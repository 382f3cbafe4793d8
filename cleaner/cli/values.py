"""Argument types the commands share: each turns a string into a checked value, or says in
one line what was expected (argparse then exits 2 with that line)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from cleaner.dates import parse_date


def whole_number(minimum: int) -> Callable[[str], int]:
    """A type for a whole number of at least `minimum` (jobs, support counts)."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = minimum - 1
        if number < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number >= {minimum}, got {value!r}")
        return number

    return parse


def seconds(value: str) -> float | None:
    """A time limit in seconds; 0 means none (None)."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0, got {value!r}")
    return number or None


def share(value: str) -> float | None:
    """A share from 0 to 1, or 'none' (None: no limit)."""
    if value.lower() == "none":
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"expected a share from 0 to 1 or 'none', got {value!r}")
    return number


def iso_date(value: str) -> str:
    """An ISO 8601 date (or date and time), kept as written."""
    if parse_date(value) is None or not value[:4].isdigit():
        expected = "an ISO 8601 date like 2024-05-17"
        raise argparse.ArgumentTypeError(f"expected {expected}, got {value!r}")
    return value
