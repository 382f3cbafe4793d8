"""What the issue requires of each seed, asserted directly (the goldens hold the rest)."""

from __future__ import annotations

import pytest

from cleaner import Caption, Cleaner, Document
from tests.conftest import FIXTURES

CLEANER = Cleaner()


def seed(prefix: str) -> Document:
    (path,) = FIXTURES.glob(f"{prefix}_*.txt")
    return CLEANER.clean(path.read_bytes())


def test_000_date_dateline_and_body_start() -> None:
    doc = seed("000")
    assert doc.date == "2024-05-18"
    assert doc.dateline == "BEIJING"
    assert doc.text.startswith(
        "Russian leader Vladimir Putin was in the northeastern city of Harbin"
    )


def test_001_title_and_dateline() -> None:
    doc = seed("001")
    assert doc.title == "Trade and Ukrainian Conflict"
    assert doc.dateline == "BEIJING"
    assert not doc.text.startswith("Trade and Ukrainian Conflict")


def test_002_section_title_date_and_subheading() -> None:
    doc = seed("002")
    assert doc.section == "Smart Economy"
    assert doc.title == "Putin in trade push on final day of China trip"
    assert doc.title not in doc.text
    assert doc.date == "2024-05-19T10:34"
    assert "\n\nWestern criticism\n\n" in doc.text
    assert "Published" not in doc.text


def test_003_site_from_fingerprint_and_appeal_removed() -> None:
    doc = seed("003")
    assert doc.site == "themoscowtimes.com"
    assert doc.provenance["site"] == "fingerprint"
    assert "A Message from The Moscow Times" not in doc.text
    assert "Remind me later" not in doc.text
    assert doc.text.endswith(
        "Putin is expected to hold a press conference with Russian state media later on Friday."
    )
    (appeal,) = [r for r in doc.removed if "Dear readers" in r.text]
    assert appeal.text.startswith("A Message from The Moscow Times:")
    assert appeal.text.endswith("Remind me later.")


def test_004_metadata_caption_and_markdown() -> None:
    doc = seed("004")
    assert doc.title == "Putin Touts Economic Ties on Final Day of China Trip"
    assert doc.date == "2024-05-17"
    assert doc.url == (
        "https://www.themoscowtimes.com/2024/05/17/"
        "putin-touts-economic-ties-on-final-day-of-china-trip-a85146"
    )
    assert doc.site == "themoscowtimes.com"
    assert doc.captions == [
        Caption(
            "Putin attends an exhibition as part of the 8th China-Russia Expo.",
            "Sergei Bobylev, TASS / kremlin.ru",
        )
    ]
    assert "Related article" not in doc.text
    assert "$240" in doc.text and "\\$240" not in doc.text


def test_003_and_004_bodies_are_byte_identical() -> None:
    assert seed("003").text.encode() == seed("004").text.encode()


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_removed_spans_point_into_the_input(prefix: str) -> None:
    (path,) = FIXTURES.glob(f"{prefix}_*.txt")
    source = path.read_text(encoding="utf-8")
    doc = CLEANER.clean(source)
    assert doc.removed
    for removal in doc.removed:
        assert removal.start is not None and removal.end is not None
        assert source[removal.start : removal.end] == removal.text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_cleaning_is_idempotent(prefix: str) -> None:
    once = seed(prefix).text
    assert CLEANER.clean(once).text == once


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_body_is_canonical(prefix: str) -> None:
    text = seed(prefix).text
    assert "\n\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")
    for paragraph in text.split("\n\n"):
        assert paragraph == " ".join(paragraph.split())
        assert "\u00a0" not in paragraph
