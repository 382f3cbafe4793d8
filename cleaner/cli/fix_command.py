"""`cleaner fix PATH...`: rewrite corpus files without the findings whose fixes are safe.

The same options as `cleaner lint`; `--unsafe-fixes` applies unsafe ones too
and `--diff` prints a unified diff instead of writing (exit 1 when there would
be changes). Findings left over are reported as lint reports them.
"""

from __future__ import annotations

from typing import Any

from cleaner.cli.lint_command import add_lint_options, run


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "fix",
        help="remove the safely fixable findings from corpus files",
        description="Rewrite corpus files without the findings whose fixes are safe.",
    )
    add_lint_options(parser)
    parser.set_defaults(run=run, fixing=True, fix=True)
