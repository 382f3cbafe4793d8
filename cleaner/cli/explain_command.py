"""`cleaner explain FILE`: the input with every removal marked by its rule, then the metadata."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cleaner.cli.options import add_rule_options, cleaner_from
from cleaner.errors import InputError
from cleaner.exit_codes import EXIT_OK
from cleaner.explain import explain
from cleaner.inputs import iter_inputs
from cleaner.read import decode


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "explain",
        help="show what was removed from one input, and why",
        description="Show one input with each removal highlighted and labelled with its rule, "
        "and the metadata captured with where each field came from.",
    )
    parser.add_argument("path", metavar="FILE", help="one input file, or - for stdin")
    parser.add_argument("--url", help="the page's url")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="highlight with ANSI colours (auto: when stdout is a terminal)",
    )
    add_rule_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    inputs = list(iter_inputs([args.path]))
    if len(inputs) != 1:
        raise InputError(f"{args.path}: expected one input file, found {len(inputs)}")
    text = decode(inputs[0].data)
    document = cleaner_from(args).clean(text, url=args.url)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    sys.stdout.write(explain(text, document, color))
    return EXIT_OK
