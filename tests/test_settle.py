"""The settle step of the text phase (in the core, `src/text/settle.rs`).

Cleaning is idempotent because the text phase cleans its own body again until that changes
nothing; these tests pin what makes that exact: what a settle pass removes is recorded in
input offsets, and nothing is left for a second clean. (That the layout edits touch
whitespace only and give the canonical body is a property test of the core's.)
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from cleaner import Cleaner

CLEANER = Cleaner()

#: Characters that exercise every layout case: words, sentence ends, every kind of space and
#: line break a scrape holds, and a letter with a combining accent (NFC aside).
PIECES = st.sampled_from(
    ["word", "a", ".", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u3000", "\x1c", "\r", "e\u0301"]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


#: Three lines a wrap cut mid-sentence: one paragraph, which reads as a caption once joined.
WRAPPED_BY_THE = "\n".join([" ".join(["the"] * 9), " ".join(["the"] * 10), "the © the"])


def test_a_joined_paragraph_that_reads_as_a_caption_is_lifted_in_the_first_pass() -> None:
    # Three lines as long as wrapped lines are, cut mid-sentence, are one hard-wrapped
    # paragraph; joined, it ends in "© credit".
    raw = f"{WRAPPED_BY_THE}\n"
    doc = CLEANER.clean(raw)
    assert doc.status == "empty"
    assert [(c.text, c.credit) for c in doc.captions] == [(" ".join(["the"] * 20), "the")]
    assert " ".join(r.text for r in doc.removed).split() == raw.split()


def test_a_second_headline_like_line_is_not_left_for_a_second_pass() -> None:
    raw = "Monday the the the\nMOSCOW, May 17 (Reuters) - the rouble fell.\nthe\n"
    doc = CLEANER.clean(raw)
    assert doc.title == "Monday the the the"
    assert doc.text == "the rouble fell.\n\nthe"
    assert CLEANER.clean(doc.text).text == doc.text


def test_a_short_line_over_another_is_no_headline() -> None:
    # A heading over a tagline: taking the first for the title would leave the second as
    # the next pass's headline, and so on down the text.
    raw = "Reviews\n\nReviews of our classes and retreats\n\nWhat our students say\n\n" + (
        "The teachers were patient and the retreat was the best week of my year.\n"
    )
    doc = CLEANER.clean(raw)
    assert doc.title is None
    assert doc.removed == []
    assert doc.text.split() == raw.split()


def test_a_repeated_byline_leaves_with_its_first_copy() -> None:
    raw = "---\n\nBy Jane Doe\n\nBy Jane Doe\n\n"
    doc = CLEANER.clean(raw)
    assert doc.author == "Jane Doe"
    assert "Jane" not in doc.text
    assert [r.rule for r in doc.removed] == ["byline", "byline"]


def test_settle_removals_point_into_the_input() -> None:
    # The caption is only a caption once the lines are joined: a settle pass removes it,
    # after the buffer was given the body's layout, and its offsets still point at the input.
    raw = f"Intro line one.\n\n{WRAPPED_BY_THE}\n"
    doc = CLEANER.clean(raw)
    assert doc.text == "Intro line one."
    for removal in doc.removed:
        assert removal.start is not None and removal.end is not None
        assert raw[removal.start : removal.end] == removal.text


def test_a_body_a_second_clean_would_not_change_is_kept_as_it_is() -> None:
    raw = "Title of the story\nThe council met on Monday.\n\nIt agreed on a budget.\n"
    doc = CLEANER.clean(raw)
    assert doc.title == "Title of the story"
    assert doc.text == "The council met on Monday.\n\nIt agreed on a budget."
    assert [r.rule for r in doc.removed] == ["first-line-title"]


def test_an_html_pages_body_is_a_fixed_point_of_cleaning() -> None:
    # The extracted text opens with a dated byline line: the page's own title is known, so
    # neither the first pass nor a settle pass takes that line for the title; cleaned again
    # knowing what the page stated, the body comes back as it is.
    paragraph = (
        "The harbour ferry returned to service on Monday after a three-week repair, the operator "
        "said, and the first crossing left the quay on time with forty passengers aboard."
    )
    page = (
        "<html><head><title>Harbour ferry back in service</title></head><body><article>"
        "<h1>Harbour ferry back in service</h1>"
        "<p>Monday November 18, 2019 7:45 am PST by Joe Rossignol</p>"
        + "".join(f"<p>{paragraph} Part {part} of the report.</p>" for part in ("one", "two"))
        + "</article></body></html>"
    )
    doc = CLEANER.clean(page)
    assert doc.format == "html" and doc.status == "ok"
    assert CLEANER.clean(doc.text, known=doc.known_fields()).text == doc.text
    assert paragraph in doc.text


#: An input whose title is found before the settle pass, and the short line under it that a
#: settle pass forgetting the title would take for one and drop: an HTML page's stated
#: headline, and a Markdown `# Title` the rules take out of the body.
HEADLINE_CASES = [
    (
        "<html><head><title>Harbour ferry back in service</title></head><body><article>"
        "<h1>Harbour ferry back in service</h1>"
        "<p>The timetable for the winter months and the spring</p>"
        "<p>The harbour ferry returned to service on Monday after a three-week repair, the "
        "operator said, and the first crossing left the quay on time.</p></article></body></html>",
        "Harbour ferry back in service",
        "The timetable for the winter months and the spring\n\n",
    ),
    (
        "# Ferry timetable changes\n\n## Key points\n\n"
        "The harbour authority will add two early departures from the north pier from next "
        "Monday, and one late crossing on Fridays.\n",
        "Ferry timetable changes",
        "Key points\n\nThe harbour authority",
    ),
]


@pytest.mark.parametrize(("raw", "title", "start"), HEADLINE_CASES, ids=["html", "markdown"])
def test_a_settle_pass_knows_the_headline(raw: str, title: str, start: str) -> None:
    doc = CLEANER.clean(raw)
    assert doc.title == title
    assert doc.text.startswith(start)
    assert "first-line-title" not in [r.rule for r in doc.removed]
    assert doc.known_fields()["title"] == title
    assert CLEANER.clean(doc.text, known=doc.known_fields()).text == doc.text
