"""Golden-file tests: each raw fixture in, its reviewed expected JSON out.

Rewrite the goldens after an intended change with
`pytest tests/test_golden.py --update-goldens`, then review `git diff fixtures/`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.rule_check import fixture_files
from tests.conftest import FIXTURES

CLEANER = Cleaner()
INPUTS = fixture_files(FIXTURES)


def expected_path(raw: Path) -> Path:
    return raw.with_name(raw.stem + ".expected.json")


@pytest.mark.parametrize("raw", INPUTS, ids=lambda p: p.stem)
def test_fixture_matches_golden(raw: Path, update_goldens: bool) -> None:
    actual = CLEANER.clean(raw.read_bytes()).to_dict()
    golden = expected_path(raw)
    if update_goldens:
        golden.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert golden.exists(), f"no golden for {raw.name}: run pytest --update-goldens and review"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    for key in expected.keys() | actual.keys():
        assert actual.get(key) == expected.get(key), f"{raw.name}: field {key!r} differs"


def test_every_fixture_has_a_golden() -> None:
    assert INPUTS, "no fixtures found"
    missing = [p.name for p in INPUTS if not expected_path(p).exists()]
    assert not missing
