"""`cleaner lint PATH...`: report every place a rule would remove or change corpus text.

Exit codes as ruff's: 0 clean, 1 findings (or, with --diff, changes to make),
2 usage, configuration or rule errors. `--fix` (or `cleaner fix`) applies the
safe fixes; see docs/lint.md for the whole story.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from cleaner.cli.options import (
    add_max_removed_share_option,
    add_rule_options,
    add_timeout_option,
    clean_options_from,
)
from cleaner.cli.values import whole_number
from cleaner.errors import CleanerError
from cleaner.exit_codes import EXIT_FINDINGS, EXIT_OK
from cleaner.jobs import default_jobs
from cleaner.lint.baseline import write_baseline
from cleaner.lint.config import Config, find_config, load_config
from cleaner.lint.files import discover
from cleaner.lint.findings import Finding
from cleaner.lint.formats import FORMATS, render, statistics, text_line
from cleaner.lint.linter import FileReport, Mode, Policy
from cleaner.lint.runner import LintSetup, build_linter, run_targets


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "lint",
        help="report boilerplate in corpus files (.txt, .md, .jsonl)",
        description="Report every place a rule would remove or change text in corpus files.",
    )
    add_lint_options(parser)
    parser.add_argument("--fix", action="store_true", help="apply safe fixes (as `cleaner fix`)")
    parser.set_defaults(run=run, fixing=False)


def add_lint_options(parser: argparse.ArgumentParser) -> None:
    """Options `lint` and `fix` share."""
    parser.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH", help="files or folders (default: .)"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="report only these rule ids or globs (a,b,...)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="do not report these rules (a,b,...)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    parser.add_argument("--statistics", action="store_true", help="print a count per rule")
    parser.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply fixes the rules mark unsafe"
    )
    parser.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff, write nothing"
    )
    parser.add_argument(
        "--field", metavar="NAME", help="the field linted in JSONL records (default: text)"
    )
    parser.add_argument("--baseline", type=Path, metavar="FILE", help="hide findings it records")
    parser.add_argument(
        "--write-baseline", action="store_true", help="record the current findings in --baseline"
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="use this configuration file")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--jobs",
        "-j",
        type=whole_number(1),
        default=default_jobs(),
        metavar="N",
        help="processes to use (default: all cores)",
    )
    add_timeout_option(parser)
    add_max_removed_share_option(
        parser,
        effect="report (and leave unfixed) a document the rules would remove more than this "
        "share of",
    )
    add_rule_options(parser)


def run(args: argparse.Namespace) -> int:
    config = _config(args)
    setup = _setup(args, config)
    linter = build_linter(setup)
    targets = discover(args.paths, config.root, config.settings.exclude)
    reports = run_targets(linter, setup, targets, args.jobs)
    for report in reports:
        for note in report.notes:
            print(f"cleaner: {note}", file=sys.stderr)
    findings = sorted(f for report in reports for f in report.findings)
    if args.write_baseline:
        return _write_baseline(_baseline_path(args, config), findings)
    if setup.policy.mode == "diff":
        return _print_diffs(reports)
    _print_findings(args, findings, linter.catalog)
    _print_summary(args, reports, findings)
    return EXIT_OK if args.exit_zero or not findings else EXIT_FINDINGS


def _config(args: argparse.Namespace) -> Config:
    if args.config is not None:
        return load_config(args.config)
    if args.no_config:
        return Config(root=Path.cwd().resolve())
    return find_config()


def _setup(args: argparse.Namespace, config: Config) -> LintSetup:
    settings = config.settings
    mode: Mode = "diff" if args.diff else "fix" if args.fixing or args.fix else "lint"
    baseline = _baseline_path(args, config)
    if args.write_baseline and baseline is None:
        raise CleanerError("--write-baseline needs a baseline file: --baseline FILE")
    if args.write_baseline and mode != "lint":
        raise CleanerError("--write-baseline cannot be combined with fixing or --diff")
    select = _split(args.select) if args.select else settings.select
    return LintSetup(
        rule_paths=(*(str(config.path(p)) for p in settings.rules), *args.rules),
        no_default_rules=args.no_default_rules or settings.no_default_rules,
        select=tuple(select) if select is not None else None,
        ignore=(*settings.ignore, *_split(args.ignore)),
        per_file_ignores=tuple((g, tuple(r)) for g, r in settings.per_file_ignores.items()),
        root=str(config.root),
        baseline=None if args.write_baseline or baseline is None else str(baseline),
        policy=Policy(
            mode=mode,
            unsafe_fixes=args.unsafe_fixes,
            field=args.field or settings.field,
            options=clean_options_from(args),
        ),
    )


def _baseline_path(args: argparse.Namespace, config: Config) -> Path | None:
    """--baseline (relative to the current folder), else the configured one (to its root)."""
    if args.baseline is not None:
        return Path(args.baseline)
    return config.path(config.settings.baseline) if config.settings.baseline else None


def _write_baseline(path: Path | None, findings: list[Finding]) -> int:
    assert path is not None  # _setup insisted on one
    count = write_baseline(path, findings)
    problems = [f for f in findings if f.is_file_problem]
    print(f"Wrote {count} finding(s) to the baseline {path}.", file=sys.stderr)
    for problem in problems:
        print(text_line(problem))
    return EXIT_FINDINGS if problems else EXIT_OK


def _print_diffs(reports: Sequence[FileReport]) -> int:
    diffs = [report.diff for report in reports if report.diff]
    sys.stdout.write("".join(diffs))
    return EXIT_FINDINGS if diffs else EXIT_OK


def _print_findings(args: argparse.Namespace, findings: list[Finding], catalog: Any) -> None:
    if args.statistics:
        sys.stdout.write(statistics(findings))
    else:
        sys.stdout.write(render(args.format, findings, catalog, _version()))


def _print_summary(
    args: argparse.Namespace, reports: Sequence[FileReport], findings: list[Finding]
) -> None:
    if args.format != "text":
        return
    fixed = sum(report.fixed for report in reports)
    if fixed:
        files = sum(1 for report in reports if report.fixed)
        print(f"Fixed {fixed} finding(s) in {files} file(s).", file=sys.stderr)
    if findings:
        safe = sum(1 for f in findings if f.fix == "safe")
        hint = f" ({safe} fixable with `cleaner fix`)" if safe else ""
        print(f"Found {len(findings)} finding(s){hint}.", file=sys.stderr)


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _version() -> str:
    try:
        return version("cleaner")
    except PackageNotFoundError:
        return "0"
