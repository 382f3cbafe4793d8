"""Units under the rules: offset mapping, canonical body, dates, format detection."""

from __future__ import annotations

import pytest

import cleaner.normalize as normalize
from cleaner import Cleaner
from cleaner.context import Context
from cleaner.dates import parse_date
from cleaner.deadline import Deadline, DocumentTimeout
from cleaner.normalize import canonical
from cleaner.read import decode, detect_format
from cleaner.regex import Pattern, Subject
from cleaner.text_rules import plain_view, run_text_rules


def test_removals_point_into_the_input_after_earlier_edits() -> None:
    raw = "Intro [a link](https://example.com/x) here.\n\nRead more: another story\nBody text."
    doc = Cleaner().clean(raw, format="markdown")
    assert doc.text == "Intro a link here.\n\nBody text."
    spans = [(r.rule, r.start, r.end) for r in doc.removed]
    assert spans == [
        ("markdown-links", 6, 7),
        ("markdown-links", 13, 37),
        ("related-links", 45, 69),
    ]
    for removal in doc.removed:
        assert removal.start is not None and removal.end is not None
        assert raw[removal.start : removal.end] == removal.text


def test_the_view_keeps_offsets_for_unicode_spaces_and_crlf() -> None:
    assert plain_view("a\u00a0b\r\nc\u2028d") == "a b \nc\nd"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  one   two \n\n\n\nthree", "one two\n\nthree"),
        ("Heading\nParagraph line that ends.", "Heading\n\nParagraph line that ends."),
        (
            "Text hard wrapped by\nthe scraper at a fixed width\nso lines end mid sentence.",
            "Text hard wrapped by the scraper at a fixed width so lines end mid sentence.",
        ),
        (
            "Home\nNews\nSport\nWeather\nHarbour authority changes ferry timetable",
            "Home\n\nNews\n\nSport\n\nWeather\n\nHarbour authority changes ferry timetable",
        ),
        (
            "The harbour authority will change the ferry timetable from next\n"
            "week, adding two early departures from the north pier.",
            "The harbour authority will change the ferry timetable from next week, adding two "
            "early departures from the north pier.",
        ),
        ("Cafe\u0301 au lait.", "Café au lait."),
        (
            "Call it so:\n```sh\ncleaner  clean  page.html\n\tcat out.txt   \n```\nDone.",
            "Call it so:\n\n```sh\ncleaner  clean  page.html\n cat out.txt\n```\n\nDone.",
        ),
        ("```\nNever closed.\nSo  text.", "```\n\nNever closed.\n\nSo text."),
    ],
)
def test_canonical_body(raw: str, expected: str) -> None:
    assert canonical(raw) == expected
    assert canonical(expected) == expected


def test_markdown_code_comes_through_cleaning_as_written() -> None:
    markdown = (
        "# Reading files\n\nOpen the file in a with block, so that it is closed again.\n\n"
        "```python\n# one line at a time\nwith open(path) as f:\n    for line in f:\n"
        "        print(line)\n```\n\nThe loop never holds the whole file in memory.\n"
    )
    document = Cleaner().clean(markdown, format="markdown")
    code = (
        "```python\n# one line at a time\nwith open(path) as f:\n    for line in f:\n"
        "        print(line)\n```"
    )
    assert code in document.text.split("\n\n")
    again = Cleaner().clean(document.text, known=document.known_fields())
    assert again.text == document.text


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("10:34, 19 May 2024", "2024-05-19T10:34"),
        ("May 17, 2024", "2024-05-17"),
        ("2024-05-18", "2024-05-18"),
        ("17. Mai 2024, 14.30 Uhr", "2024-05-17T14:30"),
        ("Friday 17 May 2024 3:05pm", "2024-05-17T15:05"),
        ("1 de mayo de 2024", "2024-05-01"),
        ("31.12.2023", "2023-12-31"),
        ("yesterday", None),
        ("31 February 2024", None),
    ],
)
def test_parse_date(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("# Title\n\nSome **bold** text.", "markdown"),
        ("Plain text with a # sign and 5 * 3.", "text"),
    ],
)
def test_detect_format(text: str, format: str) -> None:
    assert detect_format(text) == format


def test_decode_handles_boms_and_legacy_encodings() -> None:
    assert decode("\ufeffhello".encode()) == "hello"
    assert decode("Grüße".encode("utf-16")) == "Grüße"
    assert decode("Ceci est un été très chaud à Paris, dit-il.".encode("cp1252")).startswith(
        "Ceci est un été"
    )


def test_an_empty_match_moves_on_by_a_whole_character() -> None:
    spans = [(m.start, m.end) for m in Pattern("a*").finditer(Subject("éé"))]
    assert spans == [(0, 0), (1, 1), (2, 2)]


def test_a_very_long_line_collapses_like_a_short_one() -> None:
    line = " one \u00a0 two\tthree\x1c four  " * 5
    expected = " ".join(line.split())
    assert normalize.collapse_spaces(line) == expected
    long_line = line * (100_000 // len(line) + 1)  # over 100,000 characters
    assert normalize.collapse_spaces(long_line) == " ".join(long_line.split())


def test_collapsed_length_is_that_of_the_collapsed_text() -> None:
    spaces = "".join(chr(code) for code in range(0x110000) if chr(code).isspace())
    for text in ("", "  ", "one", " one  two ", f"a{spaces}b{spaces}", "x\ud800  y\u00e9 ", spaces):
        assert normalize.collapsed_len(text) == len(" ".join(text.split())), repr(text)
    for code in range(0x110000):
        text = f"a{chr(code)}b {chr(code)}"
        assert normalize.collapsed_len(text) == len(" ".join(text.split())), hex(code)


def test_the_deadline_is_checked_in_the_core() -> None:
    with pytest.raises(DocumentTimeout):
        run_text_rules(
            Cleaner().ruleset,
            Context(),
            "Read more: another story\nBody text.",
            deadline=Deadline(-1.0),
        )


def test_lone_surrogates_come_through_the_canonical_body() -> None:
    text = "a\ud800  b\n\n\n\udcff\u00a0c\u0301"
    assert normalize.canonical(text) == "a\ud800 b\n\n\udcff c\u0301".replace("c\u0301", "ć")
    assert normalize.collapse_spaces(" x\udc80  y ") == "x\udc80 y"
    assert normalize.nfc("\ud800e\u0301") == "\ud800é"
