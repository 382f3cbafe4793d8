"""`cleaner clean PATH...`: print the canonical body (its Markdown with --markdown), or JSON
records with --json.

Every run goes through the batch engine (cleaner/batch/): JSONL and WARC inputs,
folders and stdin are streamed, cleaned on all cores in input order, and written
as JSON Lines or Parquet; a single plain file is cleaned in this process.
"""

from __future__ import annotations

import argparse
from typing import Any

from cleaner.batch.records import (
    DEFAULT_BODY_FIELDS,
    DEFAULT_ID_FIELD,
    DEFAULT_URL_FIELD,
    FieldNames,
)
from cleaner.batch.runner import BatchOptions, run_batch
from cleaner.batch.worker import CleanSettings
from cleaner.cli.options import (
    add_max_removed_share_option,
    add_rule_options,
    add_timeout_option,
    clean_options_from,
)
from cleaner.cli.values import iso_date, whole_number


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "clean",
        help="clean files, folders or stdin",
        description="Clean raw articles into their canonical body and metadata.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print one JSON object per input")
    _add_markdown_options(parser)
    parser.add_argument("--url", help="the page's url (applies to every input)")
    parser.add_argument(
        "--no-lead",
        dest="lead",
        action="store_false",
        help="leave an HTML page's standfirst (the summary under its headline) out of the "
        "text, as schema.org's articleBody does",
    )
    parser.add_argument(
        "--crawl-date",
        type=iso_date,
        metavar="DATE",
        help="when the pages were fetched (ISO 8601): no publication date may be later",
    )
    add_timeout_option(parser, then="; a document over it gets status error, reason timeout")
    add_rule_options(parser)
    _add_batch_options(parser)
    parser.set_defaults(run=run)


def _add_markdown_options(parser: argparse.ArgumentParser) -> None:
    """--markdown and what it keeps: the body as GitHub-flavoured Markdown."""
    flags = {
        "--markdown": "print the body as GitHub-flavoured Markdown (with --json or -o: fill "
        "'markdown')",
        "--links": "with --markdown: keep links in it ([text](url))",
        "--images": "with --markdown: keep images in it (![alt](src))",
    }
    for flag, help_text in flags.items():
        parser.add_argument(flag, action="store_true", help=help_text)


def _add_batch_options(parser: argparse.ArgumentParser) -> None:
    add_max_removed_share_option(
        parser,
        effect="warn (over-removal) when rules remove more than this share of a document's text",
    )
    parser.add_argument(
        "--fix-mojibake",
        action="store_true",
        help="repair text decoded with the wrong charset (cafÃ© → café; needs the ftfy extra)",
    )
    batch = parser.add_argument_group(
        "batch", "JSONL (.jsonl, .jsonl.gz) and WARC (.warc, .warc.gz) inputs, many records"
    )
    batch.add_argument(
        "-j",
        "--jobs",
        type=whole_number(1),
        metavar="N",
        help="worker processes (default: all cores)",
    )
    batch.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write results to FILE: .parquet for Parquet (extra 'parquet'), else JSON Lines",
    )
    batch.add_argument(
        "--errors", metavar="FILE", help="also write the inputs that failed to FILE (JSONL)"
    )
    batch.add_argument(
        "--html-field",
        metavar="NAME",
        help="JSONL field holding HTML (default: first of " + "/".join(DEFAULT_BODY_FIELDS) + ")",
    )
    batch.add_argument(
        "--text-field", metavar="NAME", help="JSONL field holding plain text or Markdown"
    )
    batch.add_argument(
        "--url-field",
        default=DEFAULT_URL_FIELD,
        metavar="NAME",
        help=f"JSONL field holding the page url (default {DEFAULT_URL_FIELD})",
    )
    batch.add_argument(
        "--id-field",
        default=DEFAULT_ID_FIELD,
        metavar="NAME",
        help=f"JSONL field holding the record id (default {DEFAULT_ID_FIELD}; else file:line)",
    )
    batch.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress line on stderr (default: when stderr is a terminal)",
    )
    batch.add_argument(
        "--summary",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="counts by status and reason and top rules on stderr "
        "(default: for 2+ records or a stopped run)",
    )
    batch.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on the Dask scheduler at ADDRESS, or 'local' for a LocalCluster "
        "of --jobs worker processes (extra 'dask')",
    )


def run(args: argparse.Namespace) -> int:
    settings = CleanSettings(
        rules=tuple(args.rules) if args.no_default_rules else None,
        extra_rules=() if args.no_default_rules else tuple(args.rules),
        url=args.url,
        options=clean_options_from(args),
    )
    fields = FieldNames(
        html=args.html_field, text=args.text_field, url=args.url_field, id=args.id_field
    )
    options = BatchOptions(
        paths=args.paths,
        settings=settings,
        fields=fields,
        jobs=args.jobs,
        dask=args.dask,
        output=args.output,
        json_lines=True if args.json else None,
        errors=args.errors,
        progress=args.progress,
        summary=args.summary,
    )
    return run_batch(options)
