"""`cleaner dupes PATH...`: groups of documents whose cleaned bodies are (near-)identical.

Every input is cleaned with the rules first, so boilerplate (a donation appeal,
a share bar) neither makes two different articles look alike nor hides that two
pages carry the same article. Exit 1 when a group is found, like a linter.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from cleaner.cli.options import add_rule_options, cleaner_from
from cleaner.dupes import DEFAULT_THRESHOLD, DuplicateGroup, find_groups
from cleaner.errors import InputError
from cleaner.exit_codes import EXIT_FINDINGS, EXIT_OK
from cleaner.inputs import iter_inputs
from cleaner.read import decode

JSONL_SUFFIXES = (".jsonl", ".ndjson")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "dupes",
        help="group documents whose cleaned bodies are identical or near-identical",
        description="Group documents whose cleaned bodies are identical or near-identical "
        "(MinHash over 5-word shingles). Exit 1 when a group is found.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="file, folder (walked) or - for stdin; a .jsonl file is one document per record",
    )
    parser.add_argument(
        "--threshold",
        type=_threshold,
        default=DEFAULT_THRESHOLD,
        metavar="F",
        help=f"estimated Jaccard of 5-word shingles, in (0, 1], at or above which two "
        f"bodies are grouped (default {DEFAULT_THRESHOLD:g})",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.add_argument(
        "--field",
        default="text",
        metavar="NAME",
        help="the field holding the document in .jsonl records (default text)",
    )
    add_rule_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    cleaner = cleaner_from(args)
    docs = [(name, cleaner.clean(raw).text) for name, raw in _documents(args.paths, args.field)]
    groups = find_groups(docs, threshold=args.threshold)
    if args.format == "json":
        _write_json(sys.stdout, groups, len(docs), args.threshold)
    else:
        _write_text(sys.stdout, groups, len(docs))
    return EXIT_FINDINGS if groups else EXIT_OK


def _documents(paths: Sequence[str], field: str) -> Iterator[tuple[str, str | bytes]]:
    """(name, raw) per document: one per file, one per record of a JSONL file (`path:N`)."""
    for item in iter_inputs(paths):
        if item.name.lower().endswith(JSONL_SUFFIXES):
            yield from _records(item.name, decode(item.data), field)
        else:
            yield item.name, item.data


def _records(name: str, text: str, field: str) -> Iterator[tuple[str, str]]:
    """The field of each record, named `path:N`; blank lines are skipped but counted.

    Lines end at '\n' only: JSON text may hold a raw U+2028 inside a string.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{name}:{number}: not valid JSON: {error.msg}") from None
        value = record.get(field) if isinstance(record, dict) else None
        if not isinstance(value, str):
            raise InputError(f"{name}:{number}: expected an object with a string field {field!r}")
        yield f"{name}:{number}", value


def _write_text(out: TextIO, groups: list[DuplicateGroup], documents: int) -> None:
    for number, group in enumerate(groups, start=1):
        out.write(
            f"group {number}: {len(group.members)} documents, similarity {group.similarity:.3f}\n"
        )
        out.writelines(f"  {member}\n" for member in group.members)
    grouped = len({member for group in groups for member in group.members})
    plural = "" if len(groups) == 1 else "s"
    out.write(f"{len(groups)} group{plural}: {grouped} of {documents} documents\n")


def _write_json(
    out: TextIO, groups: list[DuplicateGroup], documents: int, threshold: float
) -> None:
    report = {
        "threshold": threshold,
        "documents": documents,
        "groups": [{"similarity": g.similarity, "members": g.members} for g in groups],
    }
    out.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def _threshold(value: str) -> float:
    try:
        threshold = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number in (0, 1], got {value!r}") from None
    if not 0 < threshold <= 1:
        raise argparse.ArgumentTypeError(f"expected a number in (0, 1], got {value!r}")
    return threshold
