"""The fast paths in cleaner.regex (line search, literal scan, relaxed prefilter) change no result.

Each shipped rule pattern is matched both ways, by `Pattern` and by the core's
plain search (no literal scan, no line-by-line search), on every example
input, every fixture, and case- and line-mutated variants of them; the
prefilter must name every rule that matches.
"""

from __future__ import annotations

import functools
import random

import pytest

from cleaner import Cleaner, _core
from cleaner.regex import Pattern, Subject
from tests.conftest import FIXTURES

RULESET = Cleaner().ruleset
PATTERNS = sorted(
    {
        pattern.source
        for rule in RULESET.rules
        for pattern in (getattr(rule, name, None) for name in ("pattern", "start", "end"))
        if isinstance(pattern, Pattern)
    }
)


def corpus() -> list[str]:
    texts = [example.input for rule in RULESET.rules for example in rule.examples]
    texts += [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]
    rng = random.Random(7)
    variants = []
    for text in texts:
        lines = text.split("\n")
        rng.shuffle(lines)
        variants.append("\n".join(lines))
        variants.append(text.upper())
        variants.append(text.replace(" ", "\u00a0 ", 3).replace("\n", "\n\n", 2))
    return texts + variants + ["", "\n", "é\n\n", "x" * 500 + "\n" + "y" * 500]


TEXTS = corpus()


@functools.cache
def plain_regex(source: str) -> _core.Regex:
    return _core.Regex(source)


def plain_spans(source: str, text: str) -> list[tuple[int, int]]:
    """Every match of a plain search over the whole text, in str offsets."""
    data = text.encode("utf-8")
    found = plain_regex(source).find_plain(data, 0, len(data), 1 << 62)
    return [
        (len(data[: spans[0][0]].decode()), len(data[: spans[0][1]].decode())) for spans in found
    ]


@pytest.mark.parametrize("source", PATTERNS)
def test_pattern_finds_what_a_plain_search_finds(source: str) -> None:
    pattern = Pattern(source)
    for text in TEXTS:
        found = [(m.start, m.end) for m in pattern.finditer(Subject(text))]
        assert found == plain_spans(source, text), text[:80]


def test_prefilter_never_misses_a_matching_rule() -> None:
    prefilter = _core.RegexSet(PATTERNS)
    for text in TEXTS:
        subject = Subject(text)
        may_match = set(prefilter.matching(subject.data))
        for index, source in enumerate(PATTERNS):
            if plain_spans(source, text):
                assert index in may_match, (source, text[:80])


def test_region_search_matches_a_plain_search_of_the_region() -> None:
    pattern = Pattern(r"^[ \t]*(?i:read more)[ \t]*:[^\n]*$")
    text = "Intro.\nRead more: a\nBody.\nREAD MORE: b\n"
    subject = Subject(text)
    assert [(m.start, m.end) for m in pattern.finditer(subject, 0, 20)] == [(7, 19)]
    assert [(m.start, m.end) for m in pattern.finditer(subject, 20)] == [(26, 38)]
