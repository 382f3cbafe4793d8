"""Units under the rules: offset mapping, canonical body, dates, format detection."""

from __future__ import annotations

import pytest

import cleaner.normalize as normalize
from cleaner import Cleaner
from cleaner.buffer import Edit, TextBuffer
from cleaner.context import Context
from cleaner.dates import parse_date
from cleaner.deadline import Deadline, DocumentTimeout
from cleaner.engine import run_text_rules
from cleaner.normalize import canonical
from cleaner.read import decode, detect_format
from cleaner.regex import Pattern, Subject


def test_removals_map_back_through_earlier_edits() -> None:
    buffer = TextBuffer("aaa BBB ccc DDD eee")
    first = buffer.apply([Edit(4, 8)], "one")
    assert buffer.text == "aaa ccc DDD eee"
    second = buffer.apply([Edit(8, 12)], "two")
    assert buffer.text == "aaa ccc eee"
    assert [(r.start, r.end, r.text) for r in first + second] == [(4, 8, "BBB "), (12, 16, "DDD ")]


def test_removal_spanning_an_earlier_cut_is_recorded_in_pieces() -> None:
    buffer = TextBuffer("0123456789")
    buffer.apply([Edit(3, 6)], "one")
    removed = buffer.apply([Edit(1, 5)], "two")
    assert [(r.start, r.end, r.text) for r in removed] == [(1, 3, "12"), (6, 8, "67")]


def test_replacement_text_has_no_origin() -> None:
    buffer = TextBuffer("say [hi](u) now")
    buffer.apply([Edit(4, 11, "hi")], "link")
    assert buffer.text == "say hi now"
    assert buffer.origin_span(4, 6) == []
    assert buffer.origin_span(7, 10) == [(12, 15)]


def test_view_keeps_offsets_for_unicode_spaces_and_crlf() -> None:
    buffer = TextBuffer("a\u00a0b\r\nc")
    assert buffer.text == "a b \nc" and len(buffer.text) == len(buffer.source)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  one   two \n\n\n\nthree", "one two\n\nthree"),
        ("Heading\nParagraph line that ends.", "Heading\n\nParagraph line that ends."),
        (
            "Text hard wrapped by\nthe scraper at a fixed width\nso lines end mid sentence.",
            "Text hard wrapped by the scraper at a fixed width so lines end mid sentence.",
        ),
        ("Cafe\u0301 au lait.", "Café au lait."),
    ],
)
def test_canonical_body(raw: str, expected: str) -> None:
    assert canonical(raw) == expected
    assert canonical(expected) == expected


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


def test_the_deadline_is_checked_before_each_rule() -> None:
    ctx = Context(TextBuffer("Read more: another story\nBody text."))
    with pytest.raises(DocumentTimeout):
        run_text_rules(Cleaner().ruleset, ctx, Deadline(-1.0))


def test_lone_surrogates_come_through_the_canonical_body() -> None:
    text = "a\ud800  b\n\n\n\udcff\u00a0c\u0301"
    assert normalize.canonical(text) == "a\ud800 b\n\n\udcff c\u0301".replace("c\u0301", "ć")
    assert normalize.collapse_spaces(" x\udc80  y ") == "x\udc80 y"
    assert normalize.nfc("\ud800e\u0301") == "\ud800é"
    edited = text
    for start, end, wanted in reversed(normalize.canonical_edits(text)):
        edited = edited[:start] + wanted + edited[end:]
    assert normalize.nfc(edited) == normalize.canonical(text)
