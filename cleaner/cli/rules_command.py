"""`cleaner rules list` and `cleaner rules test`: inspect and check rule files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cleaner.cli.options import add_rule_options, cleaner_from
from cleaner.exit_codes import EXIT_FINDINGS, EXIT_OK
from cleaner.rule_check import check_examples, count_fixture_firings, fixture_files
from cleaner.rules.loader import load_ruleset
from cleaner.rules.ruleset import RuleSet


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("rules", help="list or test rules")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))

    listing = actions.add_parser("list", help="print id, kind, scope and description of each rule")
    add_rule_options(listing)
    listing.set_defaults(run=run_list)

    testing = actions.add_parser("test", help="run the rules' examples")
    testing.add_argument(
        "paths", nargs="*", metavar="PATH", help="rule files or folders (default: shipped rules)"
    )
    testing.add_argument(
        "--fixtures",
        type=Path,
        default=None,
        metavar="DIR",
        help="raw inputs to count rule firings on (default: ./fixtures if present)",
    )
    testing.set_defaults(run=run_test)


def run_list(args: argparse.Namespace) -> int:
    ruleset = cleaner_from(args).ruleset
    for rule in ruleset.rules:
        scope = ",".join(rule.sites) or "global"
        print(f"{rule.id}\t{rule.kind}\t{scope}\t{rule.description}")
    return EXIT_OK


def run_test(args: argparse.Namespace) -> int:
    ruleset = load_ruleset(args.paths) if args.paths else cleaner_from(_defaults()).ruleset
    report = check_examples(ruleset)
    for failure in report.failures:
        source = ruleset.sources.get(failure.rule)
        where = f"{source.path}:{source.line}" if source else "-"
        print(f"{where}: {failure.rule}: example {failure.index}: {failure.message}")
    fixtures = _fixtures_folder(args.fixtures)
    if fixtures is not None:
        report.fired.update(count_fixture_firings(ruleset, fixture_files(fixtures)))
    _print_summary(ruleset, report.examples, len(report.failures), report.never_fired(ruleset))
    return EXIT_FINDINGS if report.failures else EXIT_OK


def _defaults() -> argparse.Namespace:
    return argparse.Namespace(rules=[], no_default_rules=False)


def _fixtures_folder(given: Path | None) -> Path | None:
    if given is not None:
        return given
    default = Path("fixtures")
    return default if default.is_dir() else None


def _print_summary(ruleset: RuleSet, examples: int, failed: int, never: list[str]) -> None:
    print(f"{len(ruleset)} rules, {examples} examples: {examples - failed} passed, {failed} failed")
    if never:
        print("rules that never fire on any example or fixture:", file=sys.stderr)
        for rule_id in never:
            print(f"  {rule_id}", file=sys.stderr)
