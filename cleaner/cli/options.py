"""Options shared by several commands: which rules to load."""

from __future__ import annotations

import argparse

from cleaner.api import Cleaner


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="add a rule file or folder (repeatable)",
    )
    parser.add_argument(
        "--no-default-rules",
        action="store_true",
        help="use only the rules given with --rules",
    )


def cleaner_from(args: argparse.Namespace) -> Cleaner:
    """The Cleaner the rule options describe (rule errors raise RuleError)."""
    if args.no_default_rules:
        return Cleaner(rules=args.rules)
    return Cleaner(extra_rules=args.rules)
