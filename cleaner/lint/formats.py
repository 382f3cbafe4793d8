"""Report formats: text (`path:line:col: rule message`), json, github annotations, SARIF 2.1.0.

Every format lists findings in the same sorted order: path, line, column, rule.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from cleaner.lint.findings import Finding
from cleaner.rules.base import Rule

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_URI = "https://github.com/cleaner/cleaner"


def render(
    output_format: str, findings: Sequence[Finding], rules: dict[str, Rule], version: str = "0"
) -> str:
    """The findings in `output_format` (one of FORMATS), ending with a newline when not empty."""
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: "".join(text_line(f) + "\n" for f in findings),
        "json": lambda: (
            json.dumps([as_dict(f) for f in findings], indent=2, ensure_ascii=False) + "\n"
        ),
        "github": lambda: "".join(github_line(f) + "\n" for f in findings),
        "sarif": lambda: (
            json.dumps(sarif(findings, rules, version), indent=2, ensure_ascii=False) + "\n"
        ),
    }
    return renderers[output_format]()


def text_line(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}:{finding.col}: {finding.rule} {finding.message}"


def as_dict(finding: Finding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.col,
        "end_line": finding.end_line,
        "end_column": finding.end_col,
        "rule": finding.rule,
        "message": finding.message,
        "fix": None if finding.fix == "none" else finding.fix,
        "text": finding.text,
    }


def github_line(finding: Finding) -> str:
    """A GitHub Actions workflow command that annotates the line in a pull request."""
    props = ",".join(
        [
            f"file={_escape_property(finding.path)}",
            f"line={finding.line}",
            f"col={finding.col}",
            f"endLine={finding.end_line}",
            f"title={_escape_property('cleaner ' + finding.rule)}",
        ]
    )
    return f"::error {props}::{_escape_data(finding.rule + ' ' + finding.message)}"


def statistics(findings: Sequence[Finding]) -> str:
    """One line per rule, most frequent first: count, rule id, how it can be fixed."""
    counts = Counter(f.rule for f in findings)
    fixes = {f.rule: f.fix for f in findings}
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [
        f"{count:>{width}}\t{rule}\t{_fix_label(fixes[rule])}"
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return "".join(line.rstrip() + "\n" for line in lines)


def sarif(findings: Sequence[Finding], rules: dict[str, Rule], version: str) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run: the rules that were found, and a result per finding."""
    used = sorted({f.rule for f in findings})
    index = {rule_id: position for position, rule_id in enumerate(used)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cleaner",
                        "version": version,
                        "informationUri": TOOL_URI,
                        "rules": [_sarif_rule(rule_id, rules.get(rule_id)) for rule_id in used],
                    }
                },
                "results": [_sarif_result(f, index[f.rule]) for f in findings],
            }
        ],
    }


def _sarif_rule(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    description = rule.description if rule is not None else "The file could not be linted."
    return {
        "id": rule_id,
        "shortDescription": {"text": description},
        "properties": {"fix": rule.fix if rule is not None else "none"},
    }


def _sarif_result(finding: Finding, rule_index: int) -> dict[str, Any]:
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": "error" if finding.is_file_problem else "warning",
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.path.replace("\\", "/")},
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.col,
                        "endLine": finding.end_line,
                        "endColumn": finding.end_col,
                    },
                }
            }
        ],
    }


def _fix_label(fix: str) -> str:
    return {"safe": "[*] safe fix", "unsafe": "[ ] unsafe fix"}.get(fix, "")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
