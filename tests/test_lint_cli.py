"""`cleaner lint`: findings on the seed fixtures, formats, selection, exit codes, bad files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[a-z0-9._-]+) (?P<msg>.+)$"
)


@pytest.fixture
def corpus(seed_corpus: Path) -> Path:
    return seed_corpus


run = run_main


def test_seed_findings_are_reported_sorted_with_positions(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "lint", "corpus")
    assert code == 1
    lines = out.splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    keys = [(m["path"], int(m["line"]), int(m["col"]), m["rule"]) for m in parsed if m]
    assert keys == sorted(keys)
    assert "corpus/003_f0c9cf17916f9269.txt:11:1: moscow-times-donation-appeal would remove" in out
    assert 'corpus/000_93d23d8c5b3fd7ca.txt:1:18: dateline would remove "BEIJING: "' in out
    assert f"Found {len(lines)} finding(s)" in err
    # Stable: the same run prints the same report.
    assert run(capsys, "lint", "corpus")[1] == out


def test_every_finding_points_at_the_text_it_quotes(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "lint", "--format", "json", "corpus")
    for finding in json.loads(out):
        lines = Path(finding["path"]).read_text(encoding="utf-8").split("\n")
        start = lines[finding["line"] - 1][finding["column"] - 1 :]
        first_line_of_text = finding["text"].split("\n")[0]
        assert start.startswith(first_line_of_text), finding


def test_a_clean_file_exits_zero_and_exit_zero_hides_findings(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = corpus / "clean.txt"
    clean.write_text("A plain paragraph of an article.\n\nAnother one.\n", encoding="utf-8")
    assert run(capsys, "lint", str(clean)) == (0, "", "")
    assert run(capsys, "lint", "--exit-zero", "corpus")[0] == 0


def test_select_and_ignore_by_id_and_glob(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, selected, _ = run(capsys, "lint", "--select", "dateline,title-*", "corpus")
    rules = {LINE.match(line)["rule"] for line in selected.splitlines()}  # type: ignore[index]
    assert rules == {"dateline", "title-repeat"}
    _, ignored, _ = run(
        capsys, "lint", "--ignore", "dateline", "--ignore", "title-repeat", "corpus"
    )
    assert " dateline " not in ignored and " title-repeat " not in ignored
    assert " moscow-times-donation-appeal " in ignored


def test_an_unknown_rule_is_a_usage_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "lint", "--select", "no-such-rule", "corpus")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "'no-such-rule' names no rule" in err


def test_statistics_count_per_rule(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "lint", "--statistics", "corpus")
    rows = [line.split("\t") for line in out.splitlines()]
    counts = {rule: int(count) for count, rule, *_ in rows}
    assert counts["title-repeat"] == 2 and counts["dateline"] == 2
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)


def test_json_github_and_sarif_formats(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, text, _ = run(capsys, "lint", "corpus")
    _, as_json, _ = run(capsys, "lint", "--format", "json", "corpus")
    records = json.loads(as_json)
    assert len(records) == len(text.splitlines())
    assert {"path", "line", "column", "end_line", "end_column", "rule", "message", "fix"} <= set(
        records[0]
    )
    _, github, _ = run(capsys, "lint", "--format", "github", "corpus")
    first = github.splitlines()[0]
    assert re.match(
        r"^::error file=corpus/[^,]+,line=\d+,col=\d+,endLine=\d+,title=cleaner ", first
    )
    assert all("\n" not in line for line in github.splitlines())
    _, sarif_text, _ = run(capsys, "lint", "--format", "sarif", "corpus")
    sarif = json.loads(sarif_text)
    assert sarif["version"] == "2.1.0"
    run0 = sarif["runs"][0]
    rule_ids = [rule["id"] for rule in run0["tool"]["driver"]["rules"]]
    assert len(run0["results"]) == len(records)
    for result in run0["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (
            region["startLine"],
            region["startColumn"],
        )


def test_unreadable_and_undecodable_files_are_reported_and_the_run_goes_on(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe garbage")
    code, out, _ = run(capsys, "lint", "corpus", "missing.txt")
    assert code == 1
    assert "corpus/binary.txt:1:1: decode-error cannot decode: binary data" in out
    assert "missing.txt:1:1: read-error no such file or folder" in out
    assert "moscow-times-donation-appeal" in out


def test_html_is_skipped_with_a_note(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = corpus / "page.txt"
    shutil.copy(FIXTURES / "101_harbour-ferry-return.html", page)
    code, out, err = run(capsys, "lint", str(page))
    assert (code, out) == (0, "")
    assert "page.txt:1: skipped: HTML input" in err


def test_folders_are_walked_for_corpus_suffixes_and_symlinks_are_not_followed(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(SEEDS[2], outside / "secret.txt")
    (corpus / "link.txt").symlink_to(outside / "secret.txt")
    (corpus / "linked-folder").symlink_to(outside)
    shutil.copy(SEEDS[2], corpus / "notes.rst")
    _, out, _ = run(capsys, "lint", "corpus")
    assert "secret" not in out and "link.txt" not in out and "notes.rst" not in out
    _, named, _ = run(capsys, "lint", str(corpus / "link.txt"))
    assert "read-error is a symbolic link: not followed" in named


def test_two_jobs_report_exactly_what_one_job_does(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for copy in range(90):
        for seed in SEEDS:
            shutil.copy(seed, corpus / f"{copy:03d}-{seed.name}")
    _, one, _ = run(capsys, "lint", "--jobs", "1", "corpus")
    _, two, _ = run(capsys, "lint", "--jobs", "2", "corpus")
    assert one == two
    assert len(one.splitlines()) == 91 * 15


def test_bad_rule_file_exits_two(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = corpus.parent / "bad.yaml"
    bad.write_text("- id: x\n  kind: nonsense\n", encoding="utf-8")
    code, _, err = run(capsys, "lint", "--rules", str(bad), "corpus")
    assert code == 2 and err.startswith("cleaner: ") and err.count("\n") == 1


def test_a_suppression_naming_no_rule_is_pointed_out(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = corpus / "story.md"
    path.write_text("Body.\n\nRead more: x <!-- cleaner: ignore[read-more] -->\n", "utf-8")
    code, out, err = run(capsys, "lint", str(path))
    assert code == 1 and "story.md:3:1: related-links" in out
    assert "story.md:3: suppression names no rule 'read-more'" in err


def test_a_document_the_rules_would_mostly_empty_is_reported_and_left_unfixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    chrome = "Read more: another story\nShare: Facebook Twitter Email\nBody.\n"
    (tmp_path / "a.txt").write_text(chrome)
    code, out, _ = run(capsys, "lint", "a.txt")
    assert code == 1
    assert "a.txt:1:1: over-removal rules removed 90% of the text (limit 60%)" in out
    assert run(capsys, "fix", "a.txt")[0] == 1
    assert (tmp_path / "a.txt").read_text() == chrome  # nothing silently emptied
    code, out, _ = run(capsys, "lint", "--max-removed-share", "none", "a.txt")
    assert "over-removal" not in out
