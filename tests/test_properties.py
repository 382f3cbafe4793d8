"""Properties every cleaning must have, checked over every hand-written input we hold.

Inputs: the seeds, every rule example, and every variant document of
test_rule_variants. For each: cleaning the cleaned text again, knowing what the
first clean knew (`Document.known_fields`: what the input stated, and the
title), changes nothing; each removal's offsets point at exactly its text in the
input; and the body is the input with pieces taken out: its characters (spaces
aside) are a subsequence of the input's.
"""

from __future__ import annotations

import pytest

from cleaner import Cleaner, _core
from cleaner.read import detect_format
from tests import test_rule_variants as variants
from tests.conftest import FIXTURES

CLEANER = Cleaner()


def inputs() -> list[tuple[str, str]]:
    found = [(path.stem, path.read_text(encoding="utf-8")) for path in FIXTURES.glob("*.txt")]
    for rule in CLEANER.ruleset.rules:
        if rule.run_phase != "dom":  # page snippets: offsets into HTML mean nothing
            found += [(f"{rule.id}-{i}", e.input) for i, e in enumerate(rule.examples, 1)]
    for name in dir(variants):
        value = getattr(variants, name)
        if name.isupper() and isinstance(value, list):
            found += [(case.id, case.raw) for case in value if isinstance(case, variants.Case)]
    return found


INPUTS = inputs()


@pytest.mark.parametrize(("name", "raw"), INPUTS, ids=[name for name, _ in INPUTS])
def test_cleaning_is_idempotent_and_accounted_for(name: str, raw: str) -> None:
    doc = CLEANER.clean(raw)
    assert CLEANER.clean(doc.text, known=doc.known_fields()).text == doc.text
    for removal in doc.removed:
        assert raw[removal.start : removal.end] == removal.text
    assert is_subsequence("".join(doc.text.split()), "".join(raw.split()))


def is_subsequence(part: str, whole: str) -> bool:
    remaining = iter(whole)
    return all(char in remaining for char in part)


def test_prefilter_changes_no_result() -> None:
    """With the shipped rules, skipping the rules the prefilter rules out (and following
    in-line edits only where they landed) gives exactly what running every applicable
    rule gives: body, removals, fields and captions."""
    core = CLEANER.ruleset.text_core
    compared = 0
    for _, raw in INPUTS:
        format = detect_format(raw)
        if format == "html":
            continue
        fast, slow = (core.run(raw, format, prefilter=use) for use in (True, False))
        assert outcome(fast) == outcome(slow), raw[:80]
        compared += 1
    assert compared > 300


def outcome(run: _core.TextOutcome) -> tuple[object, ...]:
    return run.body, run.removals, run.fields, run.provenance, run.captions
