"""The long property run: tests/test_fuzz.py's properties over many more generated inputs.

    python bench/fuzz_long.py --minutes 10

Runs rounds of every property (random bytes, Unicode, text, Markdown, HTML,
mutated fixtures, generated rules) with fresh random inputs until the time is up,
then prints how many inputs each tried, every failure found (Hypothesis's
shrunk example), and how many inputs a second cleaning pass still changed (the
properties assert strict idempotence, for every format, except for bodies that
read as an HTML page, the known gap in KNOWN_IDEMPOTENCE_GAPS; those are counted here).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import test_fuzz as fuzz
from tests import test_fuzz_rules as fuzz_rules

ROUND = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)

tried: Counter[str] = Counter()
not_idempotent: Counter[str] = Counter()


def cleaning(name: str) -> Callable[[Any], None]:
    def check(raw: str | bytes) -> None:
        tried[name] += 1
        doc = fuzz.check_cleaning(raw)
        if doc.status != "ok":
            return
        again = fuzz.CLEANER.clean(doc.text, timeout=None, known=doc.known_fields())
        if again.text != doc.text:
            not_idempotent[name] += 1

    return check


def page(value: tuple[list[str], str]) -> None:
    tried["html"] += 1
    fuzz.check_page(*value)


def rule(kind: str, pattern: str, text: str) -> None:
    tried["rules"] += 1
    fuzz_rules.test_any_pattern_loads_or_is_one_rule_error_and_never_breaks_cleaning.hypothesis.inner_test(  # type: ignore[attr-defined]
        kind, pattern, text
    )


PROPERTIES: list[tuple[str, Callable[[], None]]] = [
    ("bytes", ROUND(given(st.binary(max_size=5000))(cleaning("bytes")))),
    ("unicode", ROUND(given(st.text(max_size=5000))(cleaning("unicode")))),
    ("text", ROUND(given(fuzz.TEXT)(cleaning("text")))),
    ("markdown", ROUND(given(fuzz.MARKDOWN)(cleaning("markdown")))),
    ("mutated", ROUND(given(fuzz.mutated_fixtures())(cleaning("mutated")))),
    ("html", ROUND(given(fuzz.pages())(page))),
    ("rules", ROUND(given(fuzz_rules.KINDS, fuzz_rules.PATTERNS, fuzz_rules.TEXTS)(rule))),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0, help="how long to run (default 5)")
    args = parser.parse_args()
    stop = time.monotonic() + args.minutes * 60
    failures: dict[str, str] = {}
    rounds = 0
    while time.monotonic() < stop:
        rounds += 1
        for name, prop in PROPERTIES:
            if name in failures or time.monotonic() >= stop:
                continue
            try:
                prop()  # each call is a fresh Hypothesis run of ROUND's size
            except Exception as error:  # report every property's failure, keep running the rest
                notes = "\n".join(getattr(error, "__notes__", []))
                failures[name] = f"{type(error).__name__}: {error}\n{notes}"
    print(f"{sum(tried.values())} inputs in {rounds} rounds of {args.minutes:g} min")
    for name, _ in PROPERTIES:
        line = f"  {name:9} {tried[name]:7} inputs"
        if name in not_idempotent:
            line += f", {not_idempotent[name]} changed by a second pass"
        print(line + (", FAILED" if name in failures else ""))
    for name, failure in failures.items():
        print(f"\n--- {name} ---\n{failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
