"""A compiled, immutable set of rules in run order, with its one-pass prefilter."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from cleaner.regex import Pattern
from cleaner.rules.base import PHASES, Rule
from cleaner.rules.kinds import DropElements
from cleaner.rules.prefilter import Prefilter


@dataclass(frozen=True)
class RuleSource:
    """Where a rule was written."""

    path: str
    line: int


@dataclass(frozen=True)
class RuleSet:
    """Rules sorted by phase, ready to run on many documents.

    Within a phase, site rules run before global ones (the specific before the
    general), each group in load order.

    Immutable after build, so one RuleSet can serve any number of threads.
    """

    rules: tuple[Rule, ...]
    sources: dict[str, RuleSource] = field(default_factory=dict)

    @classmethod
    def build(cls, rules: list[Rule], sources: dict[str, RuleSource]) -> RuleSet:
        ordered = sorted(rules, key=lambda rule: (PHASES.index(rule.run_phase), not rule.sites))
        return cls(tuple(ordered), dict(sources))

    def __len__(self) -> int:
        return len(self.rules)

    @cached_property
    def dom_rules(self) -> tuple[DropElements, ...]:
        return tuple(rule for rule in self.rules if isinstance(rule, DropElements))

    @cached_property
    def text_rules(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if not isinstance(rule, DropElements))

    @cached_property
    def prefilter(self) -> Prefilter:
        """The RE2 sets that tell which text rules can fire on a document."""
        return Prefilter.build(self.text_rules)

    @cached_property
    def fingerprints(self) -> tuple[tuple[Pattern, str], ...]:
        """(pattern, site) pairs: text that identifies a site when no url tells it."""
        pairs = []
        for rule in self.rules:
            if rule.fingerprint is not None:
                pairs.append((rule.fingerprint, rule.sites[0]))
        return tuple(pairs)
