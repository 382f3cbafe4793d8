"""Options shared by several commands: which rules to load, and how to clean.

A command offers a clean option by adding an argument whose destination is a
`CleanOptions` field (`--timeout` → `timeout`); `clean_options_from` turns
the ones it has into one `CleanOptions`, and the others keep their defaults.
"""

from __future__ import annotations

import argparse
from dataclasses import fields

from cleaner.api import Cleaner
from cleaner.cli.values import seconds, share
from cleaner.options import DEFAULT_MAX_REMOVED_SHARE, DEFAULT_TIMEOUT, CleanOptions


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


def add_timeout_option(parser: argparse.ArgumentParser, *, then: str = "") -> None:
    """`--timeout SECONDS`; `then` says what happens to a document over it."""
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per document, 0 for none (default {DEFAULT_TIMEOUT:g}){then}",
    )


def add_max_removed_share_option(parser: argparse.ArgumentParser, *, effect: str) -> None:
    """`--max-removed-share SHARE`; `effect` says what a document over the share gets."""
    parser.add_argument(
        "--max-removed-share",
        type=share,
        default=DEFAULT_MAX_REMOVED_SHARE,
        metavar="SHARE",
        help=f"{effect}, 0-1, or 'none' (default {DEFAULT_MAX_REMOVED_SHARE:g})",
    )


def clean_options_from(args: argparse.Namespace) -> CleanOptions:
    """The `CleanOptions` a command's arguments describe (fields it has no argument for: defaults).

    Mojibake repair without ftfy fails here, before any input is read.
    """
    given = {f.name: getattr(args, f.name) for f in fields(CleanOptions) if hasattr(args, f.name)}
    return CleanOptions(**given)


def cleaner_from(args: argparse.Namespace) -> Cleaner:
    """The Cleaner the rule and clean options describe (rule errors raise RuleError)."""
    options = clean_options_from(args)
    if args.no_default_rules:
        return Cleaner(rules=args.rules, options=options)
    return Cleaner(extra_rules=args.rules, options=options)
