"""`cleaner fix`: what it removes (only findings), how it writes (atomically, as the file was)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import atomic, clean
from cleaner.cli import main
from cleaner.lint import linter as linter_module
from tests.conftest import SEEDS, run_main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
UNSAFE_RULE = """\
- id: shouting-line
  kind: drop_lines
  description: A line in capitals, removed by an unsafe fix only.
  fix: unsafe
  pattern: '^[A-Z ]{8,}$'
  examples:
    - input: "Body.\\nBREAKING NEWS\\nMore."
      output: "Body.\\n\\nMore."
"""
AMP_RULE = """\
- id: amp-entity
  kind: substitute
  description: A leftover HTML entity for the ampersand.
  pattern: '&amp;'
  replace: '&'
  examples:
    - input: "Fish &amp; chips."
      output: "Fish & chips."
"""


@pytest.fixture
def corpus(seed_corpus: Path) -> Path:
    return seed_corpus


run = run_main


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    _, out, _ = run(capsys, "lint", "--format", "json", *args)
    records: list[dict[str, object]] = json.loads(out)
    return records


def _no_space(text: str) -> str:
    return "".join(text.split())


def _offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(item) + 1 for item in lines[: line - 1]) + column - 1


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_fix_removes_exactly_the_reported_text(
    seed: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Outside the reported spans every character but whitespace survives, in order."""
    path = corpus / seed.name
    original = path.read_text(encoding="utf-8")
    reported = findings(capsys, str(path))
    assert reported
    kept, cursor = [], 0
    for finding in sorted(reported, key=lambda f: (f["line"], f["column"])):  # type: ignore[arg-type,return-value]
        start = _offset(original, finding["line"], finding["column"])  # type: ignore[arg-type]
        assert original[start:].startswith(str(finding["text"]))
        kept.append(original[cursor:start])
        cursor = start + len(str(finding["text"]))
    kept.append(original[cursor:])
    assert run(capsys, "fix", str(path))[0] == 0
    fixed = path.read_text(encoding="utf-8")
    assert _no_space(fixed) == _no_space("".join(kept))
    assert fixed != original


def test_fixed_seeds_are_clean_and_clean_to_the_same_body(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "fix", "corpus")
    assert code == 0 and "Fixed 15 finding(s) in 5 file(s)." in err
    assert run(capsys, "lint", "corpus") == (0, "", "")
    for seed in SEEDS:
        fixed = (corpus / seed.name).read_bytes()
        assert clean(fixed).text == clean(seed.read_bytes()).text
    assert run(capsys, "fix", "corpus")[0] == 0  # idempotent: nothing left to do


def test_diff_prints_and_writes_nothing(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p.name: p.read_bytes() for p in corpus.iterdir()}
    code, out, _ = run(capsys, "fix", "--diff", "corpus")
    assert code == 1
    assert "--- a/corpus/002_3374ce598ea5bf26.txt" in out and "-Smart Economy" in out
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == before
    assert run(capsys, "lint", "--fix", "corpus")[0] == 0
    assert run(capsys, "fix", "--diff", "corpus") == (0, "", "")


@pytest.mark.parametrize(
    ("codec", "newline"),
    [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("utf-16", "\n"), ("cp1252", "\r\n")],
)
def test_encoding_newlines_and_mode_are_kept(
    codec: str, newline: str, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "Smart Economy\n\n\nCafé owners in Zürich said prices would rise, and that the "
        "city’s rents were the highest they had seen.\n\nRead more: Coffee prices soar\n\n"
        "They met on Friday.\n"
    ).replace("\n", newline)
    path = corpus / "article.txt"
    path.write_bytes(text.encode(codec))
    path.chmod(0o640)
    assert run(capsys, "fix", str(path))[0] == 0
    raw = path.read_bytes()
    fixed = raw.decode(codec)
    assert raw == fixed.encode(codec)  # same encoding, same BOM
    assert fixed.startswith("Café owners in Zürich") and "Read more" not in fixed
    assert fixed.endswith("They met on Friday." + newline)
    if newline == "\r\n":
        assert fixed.count("\n") == fixed.count("\r\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_unsafe_fixes_only_on_request(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = corpus.parent / "unsafe.yaml"
    rules.write_text(UNSAFE_RULE, encoding="utf-8")
    path = corpus / "shout.txt"
    path.write_text("A body line of the story.\nBREAKING NEWS\nMore of it.\n", encoding="utf-8")
    code, out, _ = run(capsys, "fix", "--rules", str(rules), str(path))
    assert code == 1 and "shout.txt:2:1: shouting-line" in out
    assert "BREAKING NEWS" in path.read_text(encoding="utf-8")
    assert run(capsys, "fix", "--unsafe-fixes", "--rules", str(rules), str(path))[0] == 0
    assert path.read_text(encoding="utf-8") == "A body line of the story.\nMore of it.\n"


def test_inserted_replacement_text_is_kept(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = corpus.parent / "amp.yaml"
    rules.write_text(AMP_RULE, encoding="utf-8")
    path = corpus / "amp.txt"
    path.write_text("Fish &amp; chips were served on the pier.\n", encoding="utf-8")
    assert run(capsys, "fix", "--no-default-rules", "--rules", str(rules), str(path))[0] == 0
    assert path.read_text(encoding="utf-8") == "Fish & chips were served on the pier.\n"


def test_suppressed_findings_are_neither_reported_nor_fixed(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = corpus / "story.md"
    path.write_text(
        "Body paragraph of the story, long enough to be one.\n\n"
        "Read more: Keep this one <!-- cleaner: ignore[related-links] -->\n\n"
        "Read more: Drop this one\n\n"
        "Read more: And keep this # cleaner: ignore\n",
        encoding="utf-8",
    )
    reported = findings(capsys, str(path))
    assert [f["line"] for f in reported] == [5]
    assert run(capsys, "fix", str(path))[0] == 0
    fixed = path.read_text(encoding="utf-8")
    assert "Drop this one" not in fixed
    assert "Keep this one <!-- cleaner: ignore[related-links] -->" in fixed
    assert "And keep this # cleaner: ignore" in fixed


def test_a_failed_write_leaves_the_file_whole(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = corpus / SEEDS[2].name
    before = path.read_bytes()

    def killed(*_: object) -> None:
        raise KeyboardInterrupt  # as if the process were stopped between write and rename

    monkeypatch.setattr(atomic.os, "replace", killed)
    assert run(capsys, "fix", str(path))[0] == 130
    assert path.read_bytes() == before
    assert sorted(os.listdir(corpus)) == sorted(seed.name for seed in SEEDS)  # no temp file left


def test_jsonl_field_is_linted_and_fixed_in_place(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shard = corpus / "shard.jsonl"
    dirty = SEEDS[2].read_text(encoding="utf-8")
    records = [
        {"id": 1, "body": "A clean article body with nothing to remove.", "score": 0.50},
        {"id": 2, "body": dirty, "meta": {"lang": "en"}},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(1, "not json")
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "lint", "--field", "body", str(shard))
    assert code == 1
    assert "shard.jsonl:2:1: jsonl-error invalid JSON" in out
    assert "shard.jsonl:3:1: section-kicker" in out
    assert "shard.jsonl:1:" not in out
    run(capsys, "fix", "--field", "body", str(shard))
    after = shard.read_text(encoding="utf-8").split("\n")
    assert after[0] == lines[0] and after[1] == "not json"
    fixed = json.loads(after[2])
    assert list(fixed) == ["id", "body", "meta"] and fixed["meta"] == {"lang": "en"}
    assert fixed["body"].startswith("Russian President Vladimir Putin")
    assert clean(fixed["body"]).text == clean(dirty).text


def test_a_killed_fix_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    """SIGKILL in the middle of a run: each file is the original or the fixed one, never a mix."""
    originals, expected = tmp_path / "originals", tmp_path / "expected"
    originals.mkdir()
    for copy in range(60):
        for seed in SEEDS:
            shutil.copy(seed, originals / f"{copy:03d}-{seed.name}")
    shutil.copytree(originals, expected)
    victim = shutil.copytree(originals, tmp_path / "victim")
    assert main(["fix", "--no-config", "--jobs", "1", str(expected)]) == 0
    command = [sys.executable, "-m", "cleaner", "fix", "--no-config", "--jobs", "1", str(victim)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    # Files are fixed in sorted order: once the 20th has changed, the run is well under way.
    twentieth = sorted(victim.iterdir())[19]
    untouched = twentieth.read_bytes()
    while time.monotonic() < deadline and process.poll() is None:
        if twentieth.read_bytes() != untouched:
            break
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait()
    states = {"old": 0, "new": 0}
    for path in victim.iterdir():
        if path.name.endswith(".cleaner-tmp"):
            continue  # a temporary file a kill may leave; never the article itself
        data = path.read_bytes()
        if data == (originals / path.name).read_bytes():
            states["old"] += 1
        else:
            assert data == (expected / path.name).read_bytes(), path.name
            states["new"] += 1
    assert states["new"] >= 20 and states["old"] > 0, states


def test_a_file_that_cannot_be_written_keeps_its_findings(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(linter_module, "write_atomic", refused)
    path = corpus / SEEDS[2].name
    before = path.read_bytes()
    code, out, err = run(capsys, "fix", str(path))
    assert code == 1 and path.read_bytes() == before
    assert "write-error cannot write the fix: Permission denied" in out
    assert "section-kicker" in out and "Fixed" not in err
