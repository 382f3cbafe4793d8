"""Headers tools write above a document's text: front matter and a reader service's header.

Markdown from static-site generators and note apps opens with YAML (`---`) or TOML (`+++`)
front matter, and extractors that write metadata with the text do the same; a reader
service writes "Title: … / URL Source: … / Published Time: … / Markdown Content:" above
the page's Markdown. Their fields belong in the Document's fields, and the header must not
reach the body: read as text, its lines were taken for a byline or a footer url, and the
canonical body joined the rest of them into the first paragraph. Pages written by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from tests.conftest import run_main

STORY = (
    "The harbour authority will change the ferry timetable from next Monday, adding two "
    "early departures from the north pier and one late crossing on Fridays.\n\n"
    "The changes follow a consultation in which more than 1,200 residents asked for "
    "earlier sailings, the authority said in a statement on Thursday.\n"
)

YAML_FRONT_MATTER = (
    "---\n"
    "title: Harbour authority changes ferry timetable\n"
    "author: Jane Smith\n"
    "url: https://www.harbourgazette.example/news/2024/05/ferry-timetable\n"
    "hostname: harbourgazette.example\n"
    "description: Two early departures and a late Friday crossing.\n"
    "date: 2024-05-17\n"
    "categories: ['News']\n"
    "tags:\n"
    "  - ferry\n"
    "  - transport\n"
    "---\n"
)

READER_HEADER = (
    "Title: Harbour authority changes ferry timetable\n\n"
    "URL Source: https://www.harbourgazette.example/news/2024/05/ferry-timetable\n\n"
    "Published Time: 2024-05-17T09:30:00+01:00\n\n"
    "Markdown Content:\n"
)


def _paragraphs(text: str) -> list[str]:
    return [part for part in text.split("\n\n") if part]


def test_yaml_front_matter_gives_fields_and_leaves_the_body() -> None:
    doc = clean(YAML_FRONT_MATTER + STORY)
    assert doc.text == STORY.strip()
    assert (doc.title, doc.author, doc.date) == (
        "Harbour authority changes ferry timetable",
        "Jane Smith",
        "2024-05-17",
    )
    assert doc.url == "https://www.harbourgazette.example/news/2024/05/ferry-timetable"
    assert doc.site == "harbourgazette.example"
    assert [removal.rule for removal in doc.removed] == ["front-matter"]
    assert doc.removed[0].text == YAML_FRONT_MATTER.rstrip("\n")


def test_toml_front_matter_of_a_markdown_post() -> None:
    header = '+++\ntitle = "Notes on caching"\ndate = 2023-11-02\ndraft = false\n+++\n\n'
    story = "A cache is only as good as its keys, and its keys only as good as their data."
    doc = clean(header + "# Notes on caching\n\n" + story + "\n", format="markdown")
    assert (doc.title, doc.date) == ("Notes on caching", "2023-11-02")
    assert doc.text == story


def test_a_reader_service_header_gives_url_date_and_title() -> None:
    doc = clean(READER_HEADER + "\n" + STORY)
    assert doc.text == STORY.strip()
    assert doc.title == "Harbour authority changes ferry timetable"
    assert doc.url == "https://www.harbourgazette.example/news/2024/05/ferry-timetable"
    assert doc.date == "2024-05-17T09:30"
    assert doc.removed[0].rule == "reader-header"


def test_rules_between_dashes_that_are_no_front_matter_stay() -> None:
    text = "---\nWarning: spoilers ahead\n---\n\n" + STORY
    doc = clean(text)
    assert "Warning: spoilers ahead" in doc.text
    assert not any(removal.rule == "front-matter" for removal in doc.removed)


def test_front_matter_lower_down_is_body_text() -> None:
    text = STORY + "\n---\ntitle: Appendix\n---\n\nThe appendix lists every sailing.\n"
    doc = clean(text)
    assert "title: Appendix" in doc.text
    assert doc.title != "Appendix"


def test_fix_leaves_front_matter_unless_unsafe_fixes_are_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A site generator's source files need their front matter: `fix` keeps it."""
    monkeypatch.chdir(tmp_path)
    post = tmp_path / "post.md"
    post.write_text(YAML_FRONT_MATTER + STORY, encoding="utf-8")
    run_main(capsys, "fix", str(post))
    assert post.read_text(encoding="utf-8") == YAML_FRONT_MATTER + STORY
    run_main(capsys, "fix", "--unsafe-fixes", str(post))
    assert post.read_text(encoding="utf-8").strip() == STORY.strip()
