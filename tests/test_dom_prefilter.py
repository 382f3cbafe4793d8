"""The DOM prefilter narrows each selector to what a page can match, and never loses a match."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner
from cleaner.rules.dom_prefilter import required_literal, split_selector

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DATA = Path(__file__).resolve().parent / "data"
PAGES = sorted(FIXTURES.glob("*.html")) + sorted(DATA.glob("*.html"))
RULESET = Cleaner().ruleset


def test_split_selector_keeps_commas_inside_brackets_quotes_and_pseudo_arguments() -> None:
    selector = 'nav, [aria-label="a, b"], div:not(.x, .y) > p, #comments'
    assert split_selector(selector) == [
        "nav",
        '[aria-label="a, b"]',
        "div:not(.x, .y) > p",
        "#comments",
    ]


@pytest.mark.parametrize(
    ("alternative", "literal"),
    [
        ('[class~="related-posts"]', "related-posts"),
        ("#comments", "comments"),
        ("div.sidebar > p", "sidebar"),
        ("[data-ad-slot]", "data-ad-slot"),
        ('[style*="display: none"]', "display: none"),
        ('[id^="taboola-"]', "taboola-"),
        ("nav", None),  # a tag alone: no literal to look for
        ("div:not(.sponsored)", None),  # a negated class need not be present
        ("a.ad", None),  # too short to narrow anything
        ('[title="caf&eacute;"]', "title"),  # the value may be spelt another way: the name
    ],
)
def test_required_literal(alternative: str, literal: str | None) -> None:
    assert required_literal(alternative) == literal


def test_rules_are_skipped_or_narrowed_on_a_page_without_their_tokens() -> None:
    page = RULESET.dom_prefilter.scan("<html><body><nav>Home</nav><p>Text</p></body></html>")
    positions = {rule.id: n for n, rule in enumerate(RULESET.dom_rules)}
    assert not page.can_match(positions["related-box"])
    assert page.can_match(positions["site-navigation"])
    assert page.selector(positions["site-navigation"]) == "nav"


def test_literals_are_found_whatever_their_case() -> None:
    page = RULESET.dom_prefilter.scan('<div CLASS="Related">x</div>')
    position = next(n for n, r in enumerate(RULESET.dom_rules) if r.id == "related-box")
    assert page.can_match(position)
    assert page.selector(position) == '[class~="related"]'


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_narrowed_selectors_match_exactly_what_the_full_ones_match(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    tree = LexborHTMLParser(html)
    page = RULESET.dom_prefilter.scan(html)
    for position, rule in enumerate(RULESET.dom_rules):
        full = [node.mem_id for node in tree.css(rule.dom_selector)]
        narrowed = page.selector(position) if page.can_match(position) else None
        assert (full == [n.mem_id for n in tree.css(narrowed)]) if narrowed else not full, rule.id
