"""`cleaner report INPUT... -o report.html`: one self-contained HTML page about a corpus run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cleaner.cli.options import add_rule_options, cleaner_from
from cleaner.exit_codes import EXIT_OK
from cleaner.learn.writer import write_atomically
from cleaner.report import build_report


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "report",
        help="write an HTML report of a corpus run",
        description="Clean the inputs and write one self-contained HTML page: documents by "
        "status, removals per rule and per site, a chart of the share of text removed, and "
        "before/after views of sampled documents.",
    )
    parser.add_argument("paths", nargs="+", metavar="INPUT", help="file, folder, or - for stdin")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="the HTML file to write"
    )
    parser.add_argument(
        "--sample", type=int, default=6, metavar="N", help="documents shown before/after (6)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample (0)")
    parser.add_argument("--title", default="cleaner report", help="the page title")
    add_rule_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    page = build_report(
        args.paths, cleaner_from(args), sample_size=args.sample, seed=args.seed, title=args.title
    )
    write_atomically(args.output, page)
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK
