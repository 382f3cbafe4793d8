"""Lint configuration (.cleaner.yaml, [tool.cleaner]) and the baseline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cleaner.lint.config import find_config
from tests.conftest import run_main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
WIRE = FIXTURES / "000_93d23d8c5b3fd7ca.txt"  # date-field and dateline findings on line 1
KICKER = FIXTURES / "002_3374ce598ea5bf26.txt"  # section-kicker, title-repeat, published-line


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (it has .git) with a corpus/ folder; the working folder is corpus/."""
    (tmp_path / ".git").mkdir()
    corpus = tmp_path / "corpus"
    (corpus / "wire").mkdir(parents=True)
    shutil.copy(WIRE, corpus / "wire" / "story.txt")
    shutil.copy(KICKER, corpus / "kicker.txt")
    monkeypatch.chdir(corpus)
    return tmp_path


run = run_main


def rules_in(out: str) -> set[str]:
    return {line.split(": ", 1)[1].split(" ", 1)[0] for line in out.splitlines()}


def test_pyproject_settings_apply_from_a_subfolder(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "corpus"\n\n[tool.cleaner]\nignore = ["title-repeat"]\n'
        '[tool.cleaner.per-file-ignores]\n"corpus/wire/*.txt" = ["date*"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "lint", ".")
    assert code == 1
    assert "title-repeat" not in out
    assert "wire/story.txt" not in out  # both of its findings are date-field and dateline
    assert "kicker.txt:1:1: section-kicker" in out


def test_yaml_config_wins_and_brings_exclude_rules_and_select(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "pyproject.toml").write_text('[tool.cleaner]\nignore = ["dateline"]\n', "utf-8")
    (repo / "extra.yaml").write_text(
        "- id: harbin-mention\n  kind: drop_lines\n  description: A test rule.\n"
        "  pattern: '^Putin arrived.*$'\n  examples:\n"
        '    - input: "Putin arrived today."\n      output: ""\n',
        encoding="utf-8",
    )
    (repo / ".cleaner.yaml").write_text(
        "rules: [extra.yaml]\nselect: [harbin-mention, dateline]\nexclude: ['corpus/kicker.txt']\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "lint", ".")
    assert "kicker.txt" not in out
    assert rules_in(out) == {"harbin-mention", "dateline"}


def test_config_is_not_looked_for_above_the_repository(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert find_config().root == (repo / "corpus").resolve()
    assert find_config().source is None


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (".cleaner.yaml", "ignore: [nope-rule]\n", "'nope-rule' names no rule"),
        (".cleaner.yaml", "colour: red\n", "colour: unknown setting; expected one of"),
        (".cleaner.yaml", "ignore: dateline\n", "ignore: input should be a valid list"),
        (".cleaner.yaml", "select: [a\n", ".cleaner.yaml:2: invalid YAML"),
        ("pyproject.toml", "[tool.cleaner]\nselect = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_and_exit_two(
    repo: Path, name: str, content: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / name).write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "lint", ".")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err, err


def test_baseline_hides_known_findings_but_not_new_ones(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = repo / "baseline.json"
    code, out, err = run(capsys, "lint", "--baseline", str(baseline), "--write-baseline", ".")
    assert code == 0 and out == "" and "Wrote 6 finding(s)" in err
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert {entry["path"] for entry in data["findings"]} == {
        "corpus/kicker.txt",
        "corpus/wire/story.txt",
    }
    assert "line" not in data["findings"][0]
    assert run(capsys, "lint", "--baseline", str(baseline), ".") == (0, "", "")

    story = repo / "corpus" / "wire" / "story.txt"
    text = story.read_text(encoding="utf-8")
    story.write_text("A new first paragraph, added above.\n\n" + text + "\nRead more: new junk\n")
    code, out, _ = run(capsys, "lint", "--baseline", str(baseline), ".")
    assert code == 1
    assert len(out.splitlines()) == 1
    assert 'related-links would remove "Read more: new junk"' in out
    # Baselined findings are not fixed either: a fix only removes what is reported.
    run(capsys, "fix", "--baseline", str(baseline), ".")
    fixed = story.read_text(encoding="utf-8")
    assert "new junk" not in fixed and "BEIJING:" in fixed


def test_baseline_setting_in_config_and_a_bad_baseline(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / ".cleaner.yaml").write_text("baseline: known.json\n", encoding="utf-8")
    assert run(capsys, "lint", "--write-baseline", ".")[0] == 0
    assert (repo / "known.json").is_file()
    assert run(capsys, "lint", ".")[0] == 0
    (repo / "known.json").write_text("[]", encoding="utf-8")
    code, _, err = run(capsys, "lint", ".")
    assert code == 2 and "known.json: expected a baseline object" in err
