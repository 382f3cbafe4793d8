"""A compiled, immutable set of rules in run order, with its one-pass prefilter."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from cleaner.document import FORMATS, Format
from cleaner.regex import Pattern
from cleaner.rules.base import PHASES, Rule
from cleaner.rules.dom_prefilter import DomPrefilter
from cleaner.rules.prefilter import Prefilter


@dataclass(frozen=True)
class RuleSource:
    """Where a rule was written."""

    path: str
    line: int


class PlannedRule(NamedTuple):
    """A text rule in a plan: its position in `text_rules`, and whether it has conditions
    (sites, fields set or unset) to check against each document before it runs."""

    position: int
    rule: Rule
    conditional: bool


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
    def dom_rules(self) -> tuple[Rule, ...]:
        """Rules that act on the parsed page of an HTML input, before extraction."""
        return tuple(rule for rule in self.rules if rule.run_phase == "dom")

    @cached_property
    def dom_prefilter(self) -> DomPrefilter:
        """Narrows each DOM rule's selector to what can match a page (one pass per page)."""
        return DomPrefilter(self.dom_rules)

    @cached_property
    def text_rules(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.run_phase != "dom")

    @cached_property
    def plans(self) -> dict[Format, tuple[PlannedRule, ...]]:
        """For each input format, the text rules that can run on it, in run order.

        Worked out once per rule set: a rule's formats never change while a
        document is cleaned, so the engine need not ask every rule about them.
        """
        return {
            format: tuple(
                PlannedRule(position, rule, rule.is_conditional)
                for position, rule in enumerate(self.text_rules)
                if not rule.formats or format in rule.formats
            )
            for format in FORMATS
        }

    @cached_property
    def prefilter(self) -> Prefilter:
        """The pattern sets that tell which text rules can fire on a document."""
        return Prefilter.build(self.text_rules)

    @cached_property
    def fingerprints(self) -> tuple[tuple[Pattern, str], ...]:
        """(pattern, site) pairs: text that identifies a site when no url tells it."""
        pairs = []
        for rule in self.rules:
            if rule.fingerprint is not None:
                pairs.append((rule.fingerprint, rule.sites[0]))
        return tuple(pairs)
