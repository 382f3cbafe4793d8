"""The DOM prefilter narrows each selector to what a page can match, and never loses a match."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner
from cleaner.page_selectors import NEVER_CONTENT, PAGE_SELECTORS, SWALLOWING
from cleaner.rules.dom_prefilter import split_selector
from cleaner.rules.selector_needs import Need, needs_of

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
    ("alternative", "needs"),
    [
        ('[class~="related-posts"]', [("related-posts", True, "class")]),
        ("#comments", [("comments", True, "id")]),
        ("div.sidebar > p", [("sidebar", True, "class")]),
        # Every one is needed.
        ("div.sidebar > p.note", [("sidebar", True, "class"), ("note", True, "class")]),
        ("[data-ad-slot]", [("data-ad-slot", True, None)]),  # a name: anywhere
        ('[style*="display: none"]', [("display: none", False, "style")]),
        ('[id^="taboola-"]', [("taboola-", False, "id")]),
        ('[aria-label="Text size"]', [("Text size", True, "aria-label")]),
        ('[ROLE="navigation"]', [("navigation", True, "role")]),
        ('[lang|="en-gb"]', [("en-gb", False, "lang")]),  # or "en-gb-x"
        ("nav", [("<nav", False, None)]),  # a tag alone: its start tag
        ("tbody.x", []),  # a tag the parser may make up, and a short class
        ("div:not(.sponsored)", [("<div", False, None)]),  # a negated class need not be
        ("a.ad", []),  # too short to narrow anything
        ('[title="caf&eacute;"]', []),  # the value may be spelt another way
        ('[class~="ad"]', []),  # too short, and every page has a class
        # An escape may go on with the token (`advert-box`): no whole words.
        ("span.advert\\-box", [("advert", False, "class")]),
    ],
)
def test_needs_of(alternative: str, needs: list[tuple[str, bool, str | None]]) -> None:
    assert needs_of(alternative) == tuple(Need(*need) for need in needs)


def test_a_token_must_be_a_whole_word_of_a_class_value() -> None:
    position = next(n for n, r in enumerate(RULESET.dom_rules) if r.id == "related-box")
    for markup, can_match in [
        ('<div class="related-box-wrapper loaded">x</div>', False),
        ('<div class="x related">x</div>', True),
        ("<div class=RELATED>x</div>", True),
        ('<div class="a&#32;related">x</div>', True),
        ('<div id="related">x</div><p>Related stories</p>', False),
        ("<script>var c = 'related';</script>", False),
    ]:
        page = RULESET.dom_prefilter.scan(markup)
        assert page.can_match(position) is can_match, markup


def test_the_html_paths_own_selectors_are_narrowed_too() -> None:
    page = RULESET.dom_prefilter.scan("<html><body><script>x</script><p>Text</p></body></html>")
    assert page.narrowed(NEVER_CONTENT) == "script"
    assert page.narrowed(SWALLOWING) == ""
    assert page.narrowed("p, nav") == "p, nav"  # a selector it was not built with: whole


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
    assert_narrowing_keeps_every_match(path.read_text(encoding="utf-8"))


def assert_narrowing_keeps_every_match(html: str) -> None:
    """Every rule's narrowed selector matches what its full selector matches on `html`."""
    tree = LexborHTMLParser(html)
    page = RULESET.dom_prefilter.scan(html)
    for position, rule in enumerate(RULESET.dom_rules):
        full = [node.mem_id for node in tree.css(rule.dom_selector)]
        narrowed = page.selector(position) if page.can_match(position) else None
        assert (full == [n.mem_id for n in tree.css(narrowed)]) if narrowed else not full, rule.id
    for selector in PAGE_SELECTORS:
        full = [node.mem_id for node in tree.css(selector)]
        narrowed = page.narrowed(selector)
        assert (full == [n.mem_id for n in tree.css(narrowed)]) if narrowed else not full, selector


#: Words of the rules' selectors, and words that hold them without being them.
_WORDS = (
    *("related", "ads", "ad", "sidebar", "comments", "newsletter", "widget", "share", "Share"),
    *("true", "dialog", "navigation", "display:none", "display: none", "gallery", "tags"),
    *("RELATED", "loads", "ads-x", "x_ads", "ads2", "related-posts", "jp-relatedposts"),
    *("nav", "footer", "aside", "figure", "marquee", "navbar", "é-ads", "ads\u00e9"),
    *("post-author", "byline", "date", "meta-data", "hidden", "author", "username"),
    *("it's", 'say"ads', "a=ads", "&#32;ads", ">ads"),  # quotes, '=', references, '>'
)
_TAGS = (
    *("div", "nav", "aside", "footer", "figure", "marquee", "section", "span", "p", "image"),
    *("time", "noscript", "button", "input", "svg", "template"),
)
_ATTRIBUTES = (
    *("class", "id", "role", "aria-hidden", "aria-label", "style", "CLASS", "data-x"),
    *("itemprop", "rel", "hidden"),
)
_SPACES = (" ", "\t", "\n", "\r\n", "\f", "  ")


@st.composite
def _elements(draw: st.DrawFn) -> str:
    """One element of a page made of the rules' words, quoted and spaced every way HTML
    allows."""
    tag = draw(st.sampled_from(_TAGS))
    attributes = []
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(_ATTRIBUTES))
        space = draw(st.sampled_from(_SPACES))
        value = space.join(draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3)))
        quote = draw(st.sampled_from(['"', "'", ""]))
        if not quote:
            value = value.split()[0] if value.split() else "x"
        attributes.append(f"{name}{draw(st.sampled_from(['=', ' = ']))}{quote}{value}{quote}")
    text = draw(st.sampled_from(_WORDS))
    opening = " ".join([tag, *attributes])
    return f"<{opening}>{text}</{tag}>"


@settings(max_examples=300, deadline=None)
@given(st.lists(_elements(), min_size=1, max_size=12))
def test_narrowing_keeps_every_match_on_random_pages(elements: list[str]) -> None:
    assert_narrowing_keeps_every_match("<html><body>" + "".join(elements) + "</body></html>")


#: Start tags of raw-text elements, and what may end one (or not: a comment's end, nothing).
_RAW_STARTS = ("script", "style", "SCRIPT", 'script type="a>b"', "style media='x'", "scripts")
_RAW_ENDS = ("</script>", "</style>", "</SCRIPT >", "</script/>", "", "-->", "</scripts>")
#: Markup that puts a raw-text start tag where it starts nothing (a comment, a value).
_DECOYS = (
    *("<!--", "-->", '<div data-x="<script>">', "<p>see <script>", "<template>", " "),
    *('<div title="x><script>"', "<title>", "</title>", "<textarea>", "</textarea>", ">"),
    *("<!-- <script>", "</script>", "</style>"),
)


@st.composite
def _raw_text(draw: st.DrawFn) -> str:
    """A script or style element (or what looks like one) whose text holds markup."""
    inner = "".join(draw(st.lists(_elements(), max_size=3)))
    return f"<{draw(st.sampled_from(_RAW_STARTS))}>{inner}{draw(st.sampled_from(_RAW_ENDS))}"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_elements(), _raw_text(), st.sampled_from(_DECOYS)), max_size=12))
def test_narrowing_keeps_every_match_around_scripts_and_styles(pieces: list[str]) -> None:
    # The scan skips script and style text; markup it only looks like it skips is read.
    assert_narrowing_keeps_every_match("<html><body>" + "".join(pieces) + "</body></html>")


def test_a_lone_surrogate_the_parser_drops_leaves_the_name_it_reads() -> None:
    # selectolax encodes a str without its lone surrogates: the class is "related".
    html = '<html><body><p>Body text.</p><div class="rel\ud81eated">More</div></body></html>'
    doc = Cleaner().clean(html, format="html")
    assert [removal.rule for removal in doc.removed if removal.rule == "related-box"]
