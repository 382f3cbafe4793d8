"""Learned rules → a YAML rule file that loads and whose examples pass, written safely.

Every learned rule is loaded by the real loader and its examples are run
before the file is written; a rule that fails either is left out (and named),
so `cleaner rules test` on the learned file passes. The file is written to a
temporary file next to the target and renamed over it, so an existing file
is never left half-written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from cleaner.atomic import write_atomic
from cleaner.errors import InputError, RuleError
from cleaner.rule_check import run_example
from cleaner.rules.loader import load_ruleset


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, where YAML allows it, for readable examples."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def render_rules(rules: Sequence[dict[str, Any]], header: Sequence[str]) -> str:
    """The rule file's text: comment header lines, then the YAML list of rules."""
    comments = "".join(f"# {line}\n" for line in header)
    if not rules:
        return comments + "[]\n"
    body = yaml.dump(list(rules), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096)
    return comments + body


def keep_valid(rules: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """The rules that load and pass their own examples; and the ids of those left out."""
    kept, dropped = list(rules), []
    with tempfile.TemporaryDirectory(prefix="cleaner-learn-") as folder:
        path = Path(folder) / "learned.yaml"
        while kept:
            path.write_text(render_rules(kept, []), encoding="utf-8")
            try:
                ruleset = load_ruleset([path])
            except RuleError as error:
                bad = error.rule_id or str(kept[-1]["id"])
                kept = [rule for rule in kept if rule["id"] != bad]
                dropped.append(bad)
                continue
            failing = {
                rule.id
                for rule in ruleset.rules
                if any(run_example(rule, example)[0] for example in rule.examples)
            }
            dropped += sorted(failing)
            kept = [rule for rule in kept if rule["id"] not in failing]
            break
    return kept, dropped


def write_atomically(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` wholly or not at all (see `cleaner.atomic`)."""
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot write: {error.strerror or error}") from None
