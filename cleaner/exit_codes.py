"""The exit codes of every `cleaner` command (ruff's convention, and the shells' for Ctrl-C).

Here rather than in `cleaner.cli`, so the batch engine can return one without
importing the commands.
"""

from __future__ import annotations

#: Success: nothing found, nothing to change.
EXIT_OK = 0
#: Findings, failed checks, duplicate groups, or changes `--diff` would make.
EXIT_FINDINGS = 1
#: Usage, input, configuration or rule-file errors (one line on stderr).
EXIT_ERROR = 2
#: A run stopped with Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
