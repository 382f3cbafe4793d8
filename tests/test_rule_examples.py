"""Every example embedded in the shipped rule files runs as a test of its own."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.rule_check import run_example
from cleaner.rules.base import Rule

RULESET = Cleaner().ruleset
CASES = [
    pytest.param(rule, index, id=f"{rule.id}-{index}")
    for rule in RULESET.rules
    for index in range(1, len(rule.examples) + 1)
]


@pytest.mark.parametrize(("rule", "index"), CASES)
def test_rule_example(rule: Rule, index: int) -> None:
    problems, _ = run_example(rule, rule.examples[index - 1])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda rule: rule.id)
def test_rule_states_what_it_must_not_touch(rule: Rule) -> None:
    """A rule that changes text also shows, with a negative example, where it must not fire."""
    if any(example.expects_change for example in rule.examples):
        assert any(not example.expects_change for example in rule.examples), (
            f"{rule.id} has no example of text it must leave alone"
        )
