"""The text throughput benchmark's naive baseline compiles every shipped rule pattern.

The baseline runs each rule pattern through Python's `re`, so it needs every construct of the
rule dialect translated. A rule that brings a new Unicode script class must not break the
benchmark (only the smoke run, which skips the baseline, is in CI).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from text_throughput import naive_patterns, to_python_re

from cleaner import Cleaner


def test_every_shipped_pattern_compiles_for_the_baseline() -> None:
    assert len(naive_patterns(Cleaner())) > 50


def test_script_classes_become_their_blocks() -> None:
    pattern = re.compile(to_python_re(r"^\p{Hangul}{2,4}[ \t]*기자$"))
    assert pattern.match("홍길동 기자")
    assert not pattern.match("John 기자")


def test_ascii_only_groups_become_plain_groups() -> None:
    pattern = re.compile(to_python_re(r"(?-u:\b)(?:19|20)[0-9]{2}(?-u:\b)"))
    assert pattern.search("in 2024, the")
