"""The `cleaner` command: outputs, inputs, rule options and exit codes 0/1/2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.cli import main
from cleaner.rule_check import fixture_files
from cleaner.rules.kinds import KINDS
from tests.conftest import FIXTURES

SEED_003 = next(FIXTURES.glob("003_*.txt"))


def run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True, check=False
    )


def test_clean_prints_canonical_body(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED_003)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("President Vladimir Putin traveled")
    assert "Remind me later" not in out


def test_clean_json_one_object_per_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "--json", str(FIXTURES)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    cleaned = [Path(r["input"]).name for r in records if not r["input"].endswith("README.md")]
    assert cleaned == [p.name for p in fixture_files(FIXTURES)]
    (moscow_times,) = [r for r in records if r["input"].endswith(SEED_003.name)]
    assert moscow_times["site"] == "themoscowtimes.com"


def test_clean_reads_stdin() -> None:
    result = run(["clean", "-"], stdin=SEED_003.read_bytes())
    assert result.returncode == 0
    assert result.stdout.decode().startswith("President Vladimir Putin traveled")


def test_no_default_rules_uses_only_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = tmp_path / "r.yaml"
    rule.write_text(
        "- id: drop-dear\n  kind: drop_lines\n  description: d\n  pattern: '^Dear readers,$'\n"
        "  examples: [{input: 'Dear readers,', output: ''}, {input: 'Dear reader'}]\n",
        encoding="utf-8",
    )
    assert main(["clean", "--no-default-rules", "--rules", str(rule), str(SEED_003)]) == 0
    out = capsys.readouterr().out
    assert "Dear readers," not in out and "Remind me later." in out


def test_bad_rule_file_exits_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  kind: nope\n  description: d\n  examples: [{input: a}]\n")
    result = run(["clean", "--rules", str(bad), str(SEED_003)])
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert lines == [
        f"cleaner: {bad}:1: x: kind: unknown kind 'nope'; expected one of: {', '.join(KINDS)}"
    ]
    assert result.stdout == b""


def test_missing_input_exits_2() -> None:
    result = run(["clean", "no-such-file.txt"])
    assert result.returncode == 2
    assert result.stderr.decode().strip() == "cleaner: no-such-file.txt: no such file or folder"


def test_usage_error_exits_2() -> None:
    result = run(["clean"])
    assert result.returncode == 2


def test_rules_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "list"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    by_id = {row[0]: row for row in rows}
    assert by_id["moscow-times-donation-appeal"][1:3] == ["drop_block", "themoscowtimes.com"]
    assert by_id["dateline"][2] == "global"
    assert all(len(row) == 4 and row[3] for row in rows)


def test_rules_test_passes_on_shipped_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "test", "--fixtures", str(FIXTURES)]) == 0
    assert " 0 failed" in capsys.readouterr().out


def test_rules_test_names_failing_rule_and_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = tmp_path / "r.yaml"
    rule.write_text(
        "- id: drop-ads\n  kind: drop_lines\n  description: d\n  pattern: '^Ad$'\n"
        "  examples:\n    - {input: 'Ad', output: ''}\n    - {input: 'Ad', output: 'Ad'}\n"
        "- id: never-fires\n  kind: drop_lines\n  description: d\n  pattern: '^Zzz$'\n"
        "  examples: [{input: 'Hello'}]\n",
        encoding="utf-8",
    )
    assert main(["rules", "test", str(rule), "--fixtures", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert f"{rule}:1: drop-ads: example 2: expected output 'Ad', got ''" in captured.out
    assert "2 rules, 3 examples: 2 passed, 1 failed" in captured.out
    assert "never-fires" in captured.err and "drop-ads" not in captured.err


@pytest.mark.parametrize(
    ("option", "value"),
    [("--timeout", "-1"), ("--timeout", "soon"), ("--crawl-date", "yesterday")],
)
def test_bad_option_values_exit_2_with_one_line(option: str, value: str) -> None:
    result = run(["clean", option, value, str(SEED_003)])
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert option in line and value in line


def test_crawl_date_caps_the_publication_date(capsys: pytest.CaptureFixture[str]) -> None:
    page = FIXTURES.parent / "tests" / "data" / "dated-page.html"
    assert main(["clean", "--json", "--crawl-date", "2024-05-18", str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["date"] is None or record["date"] <= "2024-05-18"


def test_over_removal_is_flagged_at_the_share_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("Read more: another story\nShare: Facebook Twitter Email\nBody.\n")
    assert main(["clean", "--json", "--max-removed-share", "0.2", str(path)]) == 0
    warnings = json.loads(capsys.readouterr().out)["warnings"]
    assert warnings and warnings[0].startswith("over-removal:")
    assert main(["clean", "--json", "--max-removed-share", "none", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == []


@pytest.mark.parametrize("share", ["2", "-0.1", "lots"])
def test_a_bad_share_is_a_usage_error(share: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["clean", "--max-removed-share", share, "x.txt"])
    assert stop.value.code == 2
    assert "expected a share from 0 to 1" in capsys.readouterr().err


def test_no_lead_leaves_the_standfirst_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "".join(
        f"<p>Paragraph {n} says what the council decided and who objected to it.</p>"
        for n in range(1, 6)
    )
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Ferries | Gazette</title></head><body><article><header>"
        "<h1>Ferries</h1><p class='standfirst'>Two early ferries and a late Friday crossing "
        "join the timetable.</p><p class='byline'>By Ann Berg</p></header>"
        f"<div class='body'>{body}</div></article></body></html>"
    )
    assert main(["clean", str(page)]) == 0
    assert capsys.readouterr().out.startswith("Two early ferries")
    assert main(["clean", "--no-lead", str(page)]) == 0
    assert capsys.readouterr().out.startswith("Paragraph 1 says")
