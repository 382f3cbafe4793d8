"""`cleaner learn CORPUS...`: write candidate rules for the boilerplate a corpus repeats."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cleaner.cli.options import add_rule_options, cleaner_from
from cleaner.cli.values import whole_number
from cleaner.exit_codes import EXIT_OK
from cleaner.learn.candidates import Settings
from cleaner.learn.learner import learn
from cleaner.learn.writer import render_rules, write_atomically


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "learn",
        help="learn candidate rules from a corpus",
        description="Find lines and blocks that recur across documents of a site but are not "
        "article text, and write them as YAML rules with examples, for review.",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="CORPUS", help="file, folder, or JSON Lines file with a url"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the rules here (default: stdout)"
    )
    parser.add_argument(
        "--min-support",
        type=whole_number(2),
        default=Settings.min_support,
        metavar="N",
        help=f"documents a line must recur in (default {Settings.min_support})",
    )
    parser.add_argument("--site", help="the site of every document (default: from url or folder)")
    add_rule_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings(min_support=args.min_support)
    result = learn(args.paths, cleaner_from(args), settings, site=args.site)
    text = render_rules(result.rules, result.header(settings.min_support))
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.output, text)
    blocks = sum(1 for rule in result.rules if rule["kind"] == "drop_block")
    where = f" to {args.output}" if args.output else ""
    print(
        f"learned {len(result.rules)} rules ({blocks} blocks) from {result.documents} documents"
        f"{where}",
        file=sys.stderr,
    )
    for rule_id in result.dropped:
        print(f"left out {rule_id}: its examples did not pass", file=sys.stderr)
    return EXIT_OK
