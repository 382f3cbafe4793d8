"""`cleaner dupes` and `cleaner.dupes.find_groups`: identical and near-identical bodies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.dupes import DEFAULT_THRESHOLD, DuplicateGroup, find_groups
from tests.conftest import FIXTURES

SEEDS = sorted(FIXTURES.glob("0*.txt"))
UNRELATED = next(FIXTURES.glob("101_*.html"))  # an article on another subject


@cache
def cleaned(path: Path) -> str:
    return Cleaner().clean(path.read_bytes()).text


def seed_docs() -> list[tuple[str, str]]:
    return [(path.name[:3], cleaned(path)) for path in SEEDS]


def group_of(groups: list[DuplicateGroup], name: str) -> list[DuplicateGroup]:
    return [group for group in groups if name in group.members]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", "dupes", *args],
        capture_output=True,
        text=True,
        check=False,
    )


# --- the seed expectations -------------------------------------------------------------


def test_seeds_003_and_004_are_identical_after_cleaning() -> None:
    groups = find_groups(seed_docs())
    assert DuplicateGroup(["003", "004"], 1.0) in groups
    assert cleaned(SEEDS[3]) == cleaned(SEEDS[4])


def test_seeds_000_and_002_grouped_as_one_wire_story_without_the_paraphrase() -> None:
    groups = find_groups(seed_docs())
    (story,) = [group for group in groups if "000" in group.members]
    assert {"000", "002"} <= set(story.members)
    assert DEFAULT_THRESHOLD <= story.similarity < 1.0
    assert group_of(groups, "001") == []


def test_seed_groups_exactly() -> None:
    # 003/004 are the Moscow Times edit of the same wire story, so they join 000/002;
    # their identical pair is reported too, nested in that group.
    groups = find_groups(seed_docs())
    assert [group.members for group in groups] == [["000", "002", "003", "004"], ["003", "004"]]


def test_cli_on_seed_fixtures_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dupes", *map(str, SEEDS)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("group 1: 4 documents, similarity 0.")
    assert out[1:5] == [f"  {SEEDS[i]}" for i in (0, 2, 3, 4)]
    assert out[5:8] == ["group 2: 2 documents, similarity 1.000", f"  {SEEDS[3]}", f"  {SEEDS[4]}"]
    assert out[8:] == ["2 groups: 4 of 5 documents"]


def test_cli_on_fixture_folder_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dupes", "--format", "json", str(FIXTURES)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["threshold"] == DEFAULT_THRESHOLD
    groups = [([Path(m).name[:3] for m in g["members"]], g["similarity"]) for g in report["groups"]]
    assert (["003", "004"], 1.0) in groups
    wire = [members for members, _ in groups if "000" in members]
    assert len(wire) == 1 and "002" in wire[0] and "001" not in wire[0]
    assert not any("001" in members for members, _ in groups)


def test_cli_exits_0_when_nothing_is_grouped(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dupes", str(SEEDS[0]), str(SEEDS[1]), str(UNRELATED)]) == 0
    assert capsys.readouterr().out == "0 groups: 0 of 3 documents\n"


# --- threshold ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "-0.5", "1.01", "nan", "high"])
def test_cli_rejects_threshold_outside_0_1(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["dupes", "--threshold", value, str(SEEDS[0])])
    assert exit_.value.code == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("cleaner: error: argument --threshold: expected a number")
    assert captured.out == ""


@pytest.mark.parametrize("value", [0.0, -0.1, 1.5, float("nan")])
def test_api_rejects_threshold_outside_0_1(value: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        find_groups(seed_docs(), threshold=value)


def test_threshold_1_keeps_only_identical_bodies() -> None:
    assert find_groups(seed_docs(), threshold=1.0) == [DuplicateGroup(["003", "004"], 1.0)]


def test_a_lower_threshold_reaches_the_paraphrase() -> None:
    groups = find_groups(seed_docs(), threshold=0.01)
    assert group_of(groups, "001")[0].members == ["000", "001", "002", "003", "004"]


# --- generated documents -------------------------------------------------------------------


def edit_words(text: str, every: int) -> str:
    """Replace every `every`-th word with a made-up one."""
    words = text.split(" ")
    return " ".join(f"edited{i}" if i % every == every - 1 else w for i, w in enumerate(words))


def test_a_few_changed_words_are_grouped_and_an_unrelated_text_is_not() -> None:
    original = cleaned(SEEDS[3])
    docs = [
        ("original", original),
        ("unrelated", cleaned(UNRELATED)),
        ("edited", edit_words(original, every=60)),  # 4 words of 274
    ]
    (group,) = find_groups(docs)
    assert group.members == ["original", "edited"]
    assert 0.7 < group.similarity < 1.0


def test_heavily_rewritten_text_is_not_grouped() -> None:
    original = cleaned(SEEDS[0])
    assert find_groups([("a", original), ("b", edit_words(original, every=3))]) == []


def test_case_punctuation_and_spacing_do_not_matter() -> None:
    body = cleaned(SEEDS[2])
    shouted = body.upper().replace(",", " ;").replace("\n\n", "\n")
    assert find_groups([("a", body), ("b", shouted)]) == [DuplicateGroup(["a", "b"], 1.0)]


def test_many_near_copies_form_one_group_in_input_order() -> None:
    original = cleaned(SEEDS[0])
    docs = [(f"copy{i:02d}", edit_words(original, every=40 + i)) for i in range(40)]
    docs.insert(7, ("unrelated", cleaned(UNRELATED)))
    (group,) = find_groups(docs)
    assert group.members == [name for name, _ in docs if name != "unrelated"]


def test_empty_and_wordless_bodies_are_never_grouped() -> None:
    assert find_groups([("a", ""), ("b", ""), ("c", " — … "), ("d", "x")]) == []


def test_short_bodies_are_one_shingle() -> None:
    docs = [("a", "Read more."), ("b", "read MORE"), ("c", "Read less.")]
    assert find_groups(docs) == [DuplicateGroup(["a", "b"], 1.0)]


def test_output_is_deterministic_across_processes() -> None:
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-m", "cleaner", "dupes", "--format", "json", *map(str, SEEDS)],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert result.returncode == 1, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


# --- JSON Lines ----------------------------------------------------------------------------


def test_jsonl_records_are_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": 1, "body": SEEDS[3].read_text(encoding="utf-8")},
        {"id": 2, "body": cleaned(UNRELATED)},
        {"id": 3, "body": SEEDS[4].read_text(encoding="utf-8")},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert main(["dupes", "--field", "body", "--format", "json", str(corpus)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == 3
    assert report["groups"] == [{"similarity": 1.0, "members": [f"{corpus}:1", f"{corpus}:3"]}]


def test_jsonl_record_without_the_field_exits_2(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"text": "a"}\n{"body": "b"}\n', encoding="utf-8")
    result = run_cli(str(corpus))
    assert result.returncode == 2
    assert result.stderr == f"cleaner: {corpus}:2: expected an object with a string field 'text'\n"
