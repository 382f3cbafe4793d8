"""`cleaner clean PATH...`: print the canonical body, or JSON records with --json."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cleaner.cli.inputs import iter_inputs
from cleaner.cli.options import add_rule_options, cleaner_from
from cleaner.dates import parse_date
from cleaner.deadline import DEFAULT_TIMEOUT


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "clean",
        help="clean files, folders or stdin",
        description="Clean raw articles into their canonical body and metadata.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print one JSON object per input")
    parser.add_argument("--url", help="the page's url (applies to every input)")
    parser.add_argument(
        "--crawl-date",
        type=_iso_date,
        metavar="DATE",
        help="when the pages were fetched (ISO 8601): no publication date may be later",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per document, 0 for none (default {DEFAULT_TIMEOUT:g}); "
        "a document over it gets status error, reason timeout",
    )
    add_rule_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    cleaner = cleaner_from(args)
    out = sys.stdout
    first = True
    for item in iter_inputs(args.paths):
        document = cleaner.clean(
            item.data, url=args.url, crawl_date=args.crawl_date, timeout=args.timeout
        )
        if args.json:
            record = {"input": item.name, **document.to_dict()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            if not first:
                out.write("\n")
            out.write(document.text + "\n")
        first = False
    return 0


def _seconds(value: str) -> float | None:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if seconds < 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0, got {value!r}")
    return seconds or None


def _iso_date(value: str) -> str:
    if parse_date(value) is None or not value[:4].isdigit():
        raise argparse.ArgumentTypeError(
            f"expected an ISO 8601 date like 2024-05-17, got {value!r}"
        )
    return value
