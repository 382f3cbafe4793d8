"""`cleaner clean PATH...`: print the canonical body, or JSON records with --json."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cleaner.cli.inputs import iter_inputs
from cleaner.cli.options import add_rule_options, cleaner_from


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "clean",
        help="clean files, folders or stdin",
        description="Clean raw articles into their canonical body and metadata.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print one JSON object per input")
    parser.add_argument("--url", help="the page's url (applies to every input)")
    add_rule_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    cleaner = cleaner_from(args)
    out = sys.stdout
    first = True
    for item in iter_inputs(args.paths):
        document = cleaner.clean(item.data, url=args.url)
        if args.json:
            record = {"input": item.name, **document.to_dict()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            if not first:
                out.write("\n")
            out.write(document.text + "\n")
        first = False
    return 0
