"""The `cleaner` command: argument parsing and dispatch to one module per command.

Exit codes: 0 success, 1 findings or failed checks, 2 usage, input or rule errors.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cleaner.cli import (
    clean_command,
    dupes_command,
    explain_command,
    fix_command,
    learn_command,
    lint_command,
    report_command,
    rules_command,
)
from cleaner.errors import CleanerError
from cleaner.exit_codes import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit 2 with one line (argparse's own convention too)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"cleaner: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cleaner", description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    clean_command.add_parser(commands)
    rules_command.add_parser(commands)
    lint_command.add_parser(commands)
    fix_command.add_parser(commands)
    learn_command.add_parser(commands)
    explain_command.add_parser(commands)
    report_command.add_parser(commands)
    dupes_command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except CleanerError as error:
        print(f"cleaner: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return code
