"""Declarative shadow DOM: a component's shadow content is put where a browser shows it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner import clean
from cleaner.extract.shadow_roots import compose_shadow_roots

STORY = (
    "The harbour authority will change the ferry timetable from next Monday, adding two "
    "early departures from the north pier and one late crossing on Fridays."
)
NOTE = (
    "Season tickets stay valid, and the old timetable stays on the notice boards at both "
    "piers until the end of the month."
)


def _compose(html: str) -> LexborHTMLParser:
    tree = LexborHTMLParser(html)
    compose_shadow_roots(tree, html.encode())
    return tree


def test_a_shadow_roots_content_takes_the_hosts_place() -> None:
    tree = _compose(
        '<div><ferry-note><template shadowrootmode="open"><p class="title">Tickets</p>'
        "<slot></slot></template><p>" + NOTE + "</p></ferry-note></div>"
    )
    host = tree.css_first("ferry-note")
    assert host is not None
    assert [node.text() for node in host.css("p")] == ["Tickets", NOTE]
    assert tree.css_first("template") is None
    assert tree.css_first("slot") is None


def test_named_slots_take_their_children_and_an_empty_slot_its_fallback() -> None:
    tree = _compose(
        '<x-card><template shadowrootmode="open"><h2><slot name="heading">Untitled</slot></h2>'
        '<div><slot></slot></div><footer><slot name="meta">No date</slot></footer></template>'
        '<span slot="heading">Pier works</span>Two departures move.</x-card>'
    )
    host = tree.css_first("x-card")
    assert host is not None
    assert host.css_first("h2").text() == "Pier works"
    assert host.css_first("div").text() == "Two departures move."
    assert host.css_first("footer").text() == "No date"


def test_a_light_child_no_slot_takes_is_not_shown_and_its_text_is_returned() -> None:
    html = (
        '<x-badge><template shadowrootmode="open"><b>New</b></template>'
        "<span>fallback copy</span></x-badge>"
    )
    tree = LexborHTMLParser(html)
    assert compose_shadow_roots(tree, html.encode()) == ["fallback copy"]
    assert tree.body is not None
    assert tree.body.text() == "New"


def test_an_unslotted_childs_text_is_recorded_when_a_page_is_cleaned() -> None:
    page = (
        "<html><head><title>Ferry timetable changes</title></head><body><main>"
        '<story-body><template shadowrootmode="open"><article><h1>Ferry timetable changes'
        "</h1><p>" + STORY + "</p></article></template><p>Reader-only summary copy.</p>"
        "</story-body></main></body></html>"
    )
    document = clean(page)
    assert STORY in document.text
    assert ("extract:unslotted", "Reader-only summary copy.") in [
        (removal.rule, removal.text) for removal in document.removed
    ]


def test_shadow_roots_inside_shadow_content_are_composed_too() -> None:
    tree = _compose(
        '<outer-box><template shadowrootmode="open"><inner-box>'
        '<template shadowrootmode="open"><em>inside</em><slot></slot></template>'
        "<span>light</span></inner-box></template></outer-box>"
    )
    assert tree.body is not None
    assert tree.body.text() == "insidelight"
    assert tree.css_first("template") is None


def test_a_page_without_shadow_roots_is_left_as_it_is() -> None:
    html = '<div><template id="row"><p>row</p></template><p>text</p></div>'
    tree = LexborHTMLParser(html)
    assert compose_shadow_roots(tree, html.encode()) == []
    assert tree.css_first("template") is not None


def test_a_story_in_a_components_shadow_content_is_cleaned() -> None:
    page = (
        "<html><head><title>Ferry timetable changes</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        '<main><story-body><template shadowrootmode="open"><article><h1>Ferry timetable '
        "changes</h1><slot></slot></article></template><p>" + STORY + "</p><p>" + NOTE + "</p>"
        "</story-body></main></body></html>"
    )
    document = clean(page)
    assert STORY in document.text
    assert NOTE in document.text


def test_a_second_shadow_root_of_one_host_is_not_shown() -> None:
    tree = _compose(
        '<x-panel><span slot="a">named</span><template shadowrootmode="open"><slot name="a">'
        '</slot></template><template shadowrootmode="open"><b>second</b></template></x-panel>'
    )
    assert tree.body is not None
    assert tree.body.text() == "named"
    assert tree.css_first("template") is None
