"""A record's facts between its headline and its description are kept on an article page."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner.extract.block_choice import choose_blocks
from cleaner.extract.page_blocks import find_blocks

DUTIES = (
    "You will design, build and run the pipelines that turn depot scans and vehicle "
    "telematics into the data our planners use every morning to route forty thousand parcels."
)
TEAM = (
    "The team is six engineers and two analysts, and works from the Leeds office two days "
    "a week, with the rest of the week at home or wherever suits the work best."
)
FACTS_BY_COLON = (
    "<ul class='job-meta'><li>Location: Leeds, hybrid</li><li>Contract: Permanent, full time"
    "</li><li>Salary: £62,000 – £72,000</li><li>Closing date: 20 March 2026</li></ul>"
)
FACTS_BY_ELEMENT = (
    "<ul><li><strong>Contract</strong> Permanent</li><li><strong>Hours</strong> 37.5 a week"
    "</li><li><b>Team</b> Data platform</li></ul>"
)


def _paragraphs(facts: str, page_type: str) -> list[str]:
    tree = LexborHTMLParser(
        "<html><body><nav><a href='/'>Home</a> <a href='/jobs'>Jobs</a></nav><main>"
        "<h1>Senior Data Engineer</h1>" + facts + "<section><h2>The role</h2>"
        "<p>" + DUTIES + "</p><p>" + TEAM + "</p></section></main>"
        "<footer><a href='/privacy'>Privacy</a></footer></body></html>"
    )
    assert tree.body is not None
    return choose_blocks(find_blocks(tree.body), page_type).paragraphs


def test_label_and_value_lines_under_the_headline_are_kept() -> None:
    paragraphs = _paragraphs(FACTS_BY_COLON, "article")
    assert "Salary: £62,000 – £72,000" in paragraphs
    assert "Closing date: 20 March 2026" in paragraphs
    assert DUTIES in paragraphs


def test_labels_in_their_own_elements_count_as_well() -> None:
    paragraphs = _paragraphs(FACTS_BY_ELEMENT, "article")
    assert "Contract Permanent" in paragraphs
    assert "Team Data platform" in paragraphs


def test_a_byline_and_a_date_are_not_a_records_facts() -> None:
    facts = "<p class='meta'>By: Jane Holt</p><p class='meta'>Published: 3 May 2026</p>"
    paragraphs = _paragraphs(facts, "article")
    assert not any("Jane Holt" in line or "Published" in line for line in paragraphs)
    assert DUTIES in paragraphs


def test_a_product_page_that_sells_nothing_keeps_its_facts_and_a_shop_does_not() -> None:
    classified = _paragraphs(FACTS_BY_ELEMENT, "product")
    assert "Contract Permanent" in classified
    shop = _paragraphs(
        FACTS_BY_ELEMENT + "<form action='/cart/add'><input name='qty' value='1'></form>",
        "product",
    )
    assert "Contract Permanent" not in shop
