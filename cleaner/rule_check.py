"""Check rules against their embedded examples and the fixtures: the rule files' own test suite.

An example runs its rule alone on the example input, in the scope the rule
asks for (its first site, its first format, the `given` fields), and compares
the canonical output, the captured fields and the lifted captions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from cleaner.context import Context
from cleaner.dom import collapsed_text
from cleaner.normalize import canonical
from cleaner.options import CleanOptions
from cleaner.pipeline import clean_raw
from cleaner.read import INPUT_SUFFIXES
from cleaner.rules.base import Example, Rule
from cleaner.rules.ruleset import RuleSet
from cleaner.text_rules import run_rule


@dataclass(frozen=True)
class ExampleFailure:
    """One example whose result differs from what it expects."""

    rule: str
    index: int
    message: str


@dataclass
class ExampleReport:
    """Outcome of checking a rule set: failures, and how often each rule fired."""

    examples: int = 0
    failures: list[ExampleFailure] = field(default_factory=list)
    fired: Counter[str] = field(default_factory=Counter)

    def never_fired(self, ruleset: RuleSet) -> list[str]:
        return [rule.id for rule in ruleset.rules if not self.fired[rule.id]]


def check_examples(ruleset: RuleSet) -> ExampleReport:
    """Run every example of every rule in the set."""
    report = ExampleReport()
    for rule in ruleset.rules:
        for index, example in enumerate(rule.examples, start=1):
            report.examples += 1
            problems, fired = run_example(rule, example)
            if fired:
                report.fired[rule.id] += 1
            report.failures.extend(ExampleFailure(rule.id, index, p) for p in problems)
    return report


def count_fixture_firings(ruleset: RuleSet, paths: Iterable[Path]) -> Counter[str]:
    """How often each rule fires on the fixture files, run through the whole pipeline."""
    fired: Counter[str] = Counter()
    untimed = CleanOptions(timeout=None)  # a count, not a run: a slow fixture still counts
    for path in paths:
        document = clean_raw(ruleset, path.read_bytes(), options=untimed)
        fired.update(removal.rule for removal in document.removed)
        fired.update(
            source.removeprefix("rule:")
            for source in document.provenance.values()
            if source.startswith("rule:")
        )
    return fired


def fixture_files(folder: Path) -> list[Path]:
    """Raw fixture inputs in a folder (expected outputs and the folder's README are skipped)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in INPUT_SUFFIXES and p.is_file() and not p.name.startswith("README")
    )


def run_example(rule: Rule, example: Example) -> tuple[list[str], bool]:
    """Run one example; return the problems found and whether the rule fired."""
    if rule.run_phase == "dom":
        return _run_dom_example(rule, example)
    ctx = _example_context(rule, example)
    fields_before = dict(ctx.fields)
    run = run_rule(rule, ctx, example.input)
    captured = {
        name: value
        for name, value in ctx.fields.items()
        if fields_before.get(name) != value and ctx.provenance[name].startswith("rule:")
    }
    fired = bool(ctx.removed or captured or ctx.captions)
    problems = _compare_text(canonical(run.text), example)
    problems += _compare_captures(captured, example)
    problems += _compare_captions(ctx, example)
    return problems, fired


def _example_context(rule: Rule, example: Example) -> Context:
    """The context an example runs in: its format, its page type, the fields known
    before the rule, and the rule's site."""
    format = example.format or (rule.formats[0] if rule.formats else "text")
    ctx = Context(format=format)
    ctx.page_type = example.page_type
    for name, (value, source) in example.known_before().items():
        ctx.set_field(name, value, source)
    if rule.sites and "site" not in ctx.fields:
        ctx.set_field("site", rule.sites[0], "example")
    return ctx


def _compare_text(actual: str, example: Example) -> list[str]:
    expected = canonical(example.output if example.output is not None else example.input)
    if actual == expected:
        return []
    verb = "expected output" if example.output is not None else "expected no change"
    return [f"{verb} {expected!r}, got {actual!r}"]


def _compare_captures(captured: dict[str, str], example: Example) -> list[str]:
    problems = []
    for name, value in example.captures.items():
        if captured.get(name) != value:
            problems.append(f"expected {name}={value!r}, got {captured.get(name)!r}")
    problems += [
        f"unexpected capture {name}={value!r}"
        for name, value in captured.items()
        if name not in example.captures and name not in example.known_before()
    ]
    return problems


def _compare_captions(ctx: Context, example: Example) -> list[str]:
    actual = [(c.text, c.credit) for c in ctx.captions]
    expected = [(c.text, c.credit) for c in example.captions]
    if actual == expected:
        return []
    return [f"expected captions {expected!r}, got {actual!r}"]


def _run_dom_example(rule: Rule, example: Example) -> tuple[list[str], bool]:
    ctx = _example_context(rule, example)
    tree = LexborHTMLParser(example.input)
    fired = rule.applies(ctx) and rule.apply_dom(tree, ctx) > 0
    actual = _page_text(tree)
    if example.output is None:
        expected = _page_text(LexborHTMLParser(example.input))
    else:
        expected = " ".join(example.output.split())
    problems = _compare_captions(ctx, example)
    if actual != expected:
        problems.append(f"expected page text {expected!r}, got {actual!r}")
    return problems, fired


def _page_text(tree: LexborHTMLParser) -> str:
    """The visible text of a parsed page's body, whitespace collapsed."""
    return collapsed_text(tree.body) if tree.body is not None else ""
