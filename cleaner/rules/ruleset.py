"""A compiled, immutable set of rules in run order: DOM rules in Python, text rules in the core."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from cleaner import _core
from cleaner.page_selectors import PAGE_SELECTORS
from cleaner.rules.base import PHASES, Rule
from cleaner.rules.dom_prefilter import DomPrefilter


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
    def dom_rules(self) -> tuple[Rule, ...]:
        """Rules that act on the parsed page of an HTML input, before extraction."""
        return tuple(rule for rule in self.rules if rule.run_phase == "dom")

    @cached_property
    def dom_prefilter(self) -> DomPrefilter:
        """Narrows each DOM rule's selector, and the HTML path's own, to what can match a
        page (one pass per page)."""
        return DomPrefilter(self.dom_rules, PAGE_SELECTORS)

    @cached_property
    def text_rules(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.run_phase != "dom")

    @cached_property
    def text_rule_ids(self) -> tuple[str, ...]:
        """The text rules' ids by position: how the core names the rule of a removal."""
        return tuple(rule.id for rule in self.text_rules)

    @cached_property
    def text_core(self) -> _core.TextRules:
        """The text rules compiled into the core, with the fingerprints that name a site
        from its text when no url tells it: what the text phase runs."""
        fingerprints = [
            (rule.fingerprint.compiled, rule.sites[0])
            for rule in self.rules
            if rule.fingerprint is not None
        ]
        return _core.TextRules([rule.core_spec() for rule in self.text_rules], fingerprints)
