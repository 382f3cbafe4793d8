"""The parts of `cleaner learn`: keys and patterns, the story check, the corpus reader."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from cleaner.errors import InputError
from cleaner.learn.corpus import read_corpus
from cleaner.learn.lines import DocumentLines, Line
from cleaner.learn.patterns import line_key, line_pattern
from cleaner.learn.stories import StoryIndex
from cleaner.regex import Pattern, Subject


def matches(pattern: str, text: str) -> bool:
    return Pattern(pattern).search(Subject(text), 0, len(text.encode())) is not None


def test_pattern_matches_every_occurrence_and_not_other_lines() -> None:
    lines = ["Page 3 of 12 | (c) *News* [x]", "Page 14 of 12 | (c) *News* [x]"]
    pattern = line_pattern(lines)
    assert "[0-9]+" in pattern and "of[ \\t]+12" in pattern
    assert all(matches(pattern, f"  {line}\t") for line in lines)
    assert matches(pattern, "Page 99   of 12 | (c) *News* [x]")
    assert not matches(pattern, "Page 3 of 13 | (c) *News* [x]")
    assert not matches(pattern, "Intro. Page 3 of 12 | (c) *News* [x]")


def test_random_punctuation_lines_compile_and_match_themselves() -> None:
    rng = random.Random(5)
    alphabet = string.ascii_letters + string.digits + string.punctuation + " äé€—«»"
    for _ in range(200):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))).strip() or "x"
        assert matches(line_pattern([line]), line), line


def test_key_folds_digits_and_month_names_only() -> None:
    assert line_key("Updated 3 May  2024") == line_key("Updated 17 juin 2023")
    assert line_key("Updated 3 May 2024") != line_key("Updated 3 Mayor 2024")
    pattern = line_pattern(["Updated 3 May 2024", "Updated 17 juin 2024"])
    assert pattern == "^[ \\t]*Updated[ \\t]+[0-9]+[ \\t]+\\pL+[ \\t]+2024[ \\t]*$"


def document(name: str, site: str, texts: list[str]) -> DocumentLines:
    lines = DocumentLines(name, site, True, texts)
    lines.kept = [Line(line_key(t), t, row) for row, t in enumerate(texts)]
    return lines


def test_story_index_tells_rewrites_from_different_stories() -> None:
    story = "The council approved the new ferry timetable on Tuesday after a long debate"
    other = "Fishermen landed a record catch of mackerel at the north quay this spring"
    a = document("a", "one.example", [story, "Subscribe today"])
    b = document("b", "two.example", [story + " in the town hall", "Subscribe today"])
    c = document("c", "three.example", [other, "Subscribe today"])
    index = StoryIndex([a, b, c], min_support=3)
    assert index.same_story(a, b)
    assert not index.same_story(a, c)
    assert index.distinct_stories([a, b, c], enough=3) == 2


def test_jsonl_record_without_document_field_is_an_error(tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text('{"url": "https://a.example/1", "title": "t"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"r\.jsonl:1: expected a string field"):
        list(read_corpus([str(records)]))


def test_sites_from_url_folder_and_option(tmp_path: Path) -> None:
    (tmp_path / "www.folder.example").mkdir()
    (tmp_path / "www.folder.example" / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"url": "https://www.url.example/x", "html": "<p>x</p>"}\n', encoding="utf-8"
    )
    assert [d.site for d in read_corpus([str(tmp_path)])] == ["folder.example", "url.example"]
    assert {d.site for d in read_corpus([str(tmp_path)], site="given.example")} == {"given.example"}
