"""PageText: the page's visible text, counted once and kept as elements are removed."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner.dom import collapsed_text, visible_chars
from cleaner.rules.page_text import PageText

PAGE = (
    "<html><head><title>Head text</title></head><body>"
    "<div class='a'>  First   box\n words </div>"
    "<p>Para <b>one</b> and <i>two</i></p>"
    "<div class='b'><span>Inner</span> box <em></em></div>"
    "<div class='c'>   </div>"
    "<p>Last words.</p></body></html>"
)


def remove(page: PageText, node: Any) -> None:
    """Remove `node` as the DOM rules do: its text recorded, then the node gone."""
    page.removing(node, collapsed_text(node))
    node.decompose()


def root_of(tree: LexborHTMLParser) -> Any:
    return tree.body or tree.root


def test_the_count_follows_every_removal() -> None:
    tree = LexborHTMLParser(PAGE)
    page = PageText()
    assert page.visible_chars(root_of(tree)) == visible_chars(root_of(tree))
    for selector in ("div.c", "div.b", "b", "div.a", "p"):
        for node in tree.css(selector):
            remove(page, node)
            assert page.visible_chars(root_of(tree)) == visible_chars(root_of(tree))
    assert page.visible_chars(root_of(tree)) == 0


def test_removing_an_element_outside_the_body_leaves_the_count_right() -> None:
    tree = LexborHTMLParser(PAGE)
    page = PageText()
    before = page.visible_chars(root_of(tree))
    remove(page, tree.css_first("title"))
    assert page.visible_chars(root_of(tree)) == visible_chars(root_of(tree)) == before


def test_removing_the_body_measures_the_new_root_afresh() -> None:
    tree = LexborHTMLParser(PAGE)
    page = PageText()
    page.visible_chars(root_of(tree))
    body = tree.body
    assert body is not None
    remove(page, body)
    assert page.visible_chars(root_of(tree)) == visible_chars(root_of(tree))


def test_a_page_with_scripts_is_measured_afresh_every_time() -> None:
    tree = LexborHTMLParser(
        "<body><script>var hidden = 1;</script><p>Shown text</p><div>More shown</div></body>"
    )
    page = PageText()
    # The script's text is left out, the space that joined it to the rest is not.
    assert page.visible_chars(root_of(tree)) == visible_chars(root_of(tree)) == 22
    remove(page, tree.css_first("script"))
    assert page.visible_chars(root_of(tree)) == visible_chars(root_of(tree)) == 21


def test_a_pruned_page_counts_what_visible_chars_counts() -> None:
    tree = LexborHTMLParser(PAGE)
    page = PageText(pruned=True)
    for node in tree.css("div, p, body"):
        assert page.element_chars(node) == visible_chars(node)
    remove(page, tree.css_first("div.a"))
    assert page.visible_chars(root_of(tree)) == visible_chars(root_of(tree))
