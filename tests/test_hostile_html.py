"""Hostile pages: nesting 100,000 deep, entity-expansion bombs, XHTML, pages of chrome only."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner
from cleaner.extract.fallback import trafilatura_text
from cleaner.extract.nesting import MAX_DEPTH, SCAN_ABOVE_TAGS, flatten_deep_nesting
from cleaner.read import detect_format

CLEANER = Cleaner()
PROSE = (
    "The harbour ferry returned to service on Monday after a winter of repairs, "
    "and the first crossing was full of commuters who had waited months for it."
)


def nested(depth: int, inner: str = f"<p>{PROSE}</p>") -> str:
    return f"<html><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>"


def depth_of(html: str) -> int:
    """The deepest element of the parsed page, counted from <html>."""
    node = LexborHTMLParser(html).css_first("p")
    depth = 0
    while node is not None:
        node, depth = node.parent, depth + 1
    return depth


def test_page_nested_100000_deep_is_cleaned_within_the_default_time_limit() -> None:
    """The parser alone would take ~20 s on it, in a C call no timer can stop; with
    the default 5 s limit, status ok is proof it was not left to do that."""
    doc = CLEANER.clean(nested(100_000).encode())
    assert (doc.status, doc.format) == ("ok", "html")
    assert doc.text == PROSE


def test_flattening_keeps_every_word_and_caps_the_depth() -> None:
    words = " ".join(f"w{i}" for i in range(SCAN_ABOVE_TAGS))
    inner = "".join(f"<span>{word}</span>" for word in words.split()[:50]) + f"<p>{PROSE}</p>"
    html = nested(SCAN_ABOVE_TAGS, inner)
    flat = flatten_deep_nesting(html)
    assert flatten_deep_nesting(html, markup=html.encode()) == flat  # counted in the core
    assert depth_of(flat) <= MAX_DEPTH + 4
    text = LexborHTMLParser(flat).body.text()  # type: ignore[union-attr]
    assert text == LexborHTMLParser(html).body.text()  # type: ignore[union-attr]


def test_ordinary_pages_are_not_touched() -> None:
    page = nested(200) * 20
    assert flatten_deep_nesting(page) is page
    assert flatten_deep_nesting(page, markup=page.encode()) is page
    many_tags = "<html><body>" + "<p>para</p><br><img src=x>" * SCAN_ABOVE_TAGS + "</body></html>"
    assert flatten_deep_nesting(many_tags) == many_tags


def test_unclosed_angle_brackets_do_not_make_the_scan_quadratic() -> None:
    hostile = "<a " * (SCAN_ABOVE_TAGS * 20)
    assert flatten_deep_nesting(hostile) == hostile


def entity_bomb(body: str, levels: int = 9) -> str:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<!DOCTYPE html [{entities}]>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Ferry</title></head>'
        f"<body>{body}</body></html>"
    )


def test_entity_expansion_bomb_in_an_xhtml_page_is_not_expanded() -> None:
    page = entity_bomb(f"<p>&lol9;</p><p>{PROSE}</p>")
    doc = CLEANER.clean(page.encode())
    assert (doc.status, doc.format) == ("ok", "html")
    # The unexpanded reference may stay as a short first item (the two-paragraph page reads
    # as a list of items, whose edges are not trimmed); it is never expanded.
    assert doc.text.endswith(PROSE) and len(doc.text) < len(PROSE) + 20
    assert "lollol" not in str(doc.to_dict())


def test_entity_bomb_where_the_fallback_extractor_reads_the_page() -> None:
    """No prose for our extractor, so trafilatura (lxml) parses the page: still no expansion."""
    doc = CLEANER.clean(entity_bomb("<div>&lol9;</div>").encode())
    assert doc.status in ("ok", "empty")
    assert len(doc.text) < 100 and "lollol" not in doc.text


def test_entity_bomb_in_a_text_input_is_only_text() -> None:
    doc = CLEANER.clean(entity_bomb("&lol9;").encode(), format="text")
    assert doc.status == "ok" and "lollol" not in doc.text


def test_xhtml_with_an_xml_declaration_is_html() -> None:
    page = '<?xml version="1.0"?>\n<!DOCTYPE html>\n<html><body><p>x</p></body></html>'
    assert detect_format(page) == "html"


def test_page_of_chrome_only_is_empty_with_a_reason() -> None:
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<div class='cookie-banner'>We use cookies. Accept all</div>"
        "<footer>© 2024 Example News. All rights reserved.</footer></body></html>"
    )
    doc = CLEANER.clean(page.encode())
    assert (doc.status, doc.text) == ("empty", "")
    assert doc.reason == "no article text found on the page"


def test_fallback_extractor_adds_no_text_of_its_own() -> None:
    """trafilatura's text output puts `- ` before list items, `| ` between table cells,
    and unescapes entities twice; the body holds the page's text only."""
    page = (
        "<html><body><article><h1>Results</h1><ul><li>Arrowhead bottled water</li>"
        "<li>- a dash written on the page</li></ul><table><tr><td>Pos.</td><td>Driver</td></tr>"
        "<tr><td>1</td><td>Kyle Busch</td></tr></table>"
        "<p>Fish &amp;amp; chips<br>second line of the paragraph</p></article></body></html>"
    )
    assert trafilatura_text(LexborHTMLParser(page), None).split("\n") == [
        "Results",
        "Arrowhead bottled water",
        "- a dash written on the page",
        "Pos. Driver",
        "1 Kyle Busch",
        "Fish &amp; chips",
        "second line of the paragraph",
    ]


def test_fallback_extractor_reads_a_list_in_a_quote() -> None:
    """Found by tests/test_fuzz.py: the body was `- the`."""
    page = "<html><body><blockquote><ul>the</ul></blockquote></body></html>"
    doc = CLEANER.clean(page.encode())
    assert (doc.text, doc.provenance.get("text")) == ("the", "trafilatura")


def test_a_page_given_as_bytes_is_decoded_only_when_a_step_reads_its_text() -> None:
    page = f"<html><body><p>{PROSE}</p></body></html>"
    decoded: list[str] = []

    def text() -> str:
        decoded.append(page)
        return page

    assert flatten_deep_nesting(text, markup=page.encode()) is text
    assert not decoded
    deep = nested(SCAN_ABOVE_TAGS)
    assert flatten_deep_nesting(lambda: deep, markup=deep.encode()) != deep  # read to flatten


def test_page_of_thousands_of_repeated_paragraphs_is_cleaned_within_the_time_limit() -> None:
    """A spam page: one paragraph 20,000 times in seven layouts. Copies at another place
    are left out; finding the places must not walk to the root for every copy."""
    cards = "".join(f"<div class='c{n % 7}'><p>{PROSE}</p></div>" for n in range(20_000))
    doc = CLEANER.clean(nested(60, cards).encode())
    assert doc.status == "ok"
    assert sum(1 for r in doc.removed if r.rule == "extract:repeat") == 6


def test_thousands_of_content_boxes_beside_thousands_of_asides_are_cleaned_in_time() -> None:
    """The DOM guard keeps boxes that together hold the article; telling the page's chrome
    landmarks apart from them must not compare every landmark with every box."""
    boxes = "".join(
        f"<div class='widget'><p>{PROSE} {n}.</p><p>{PROSE}</p></div>" for n in range(3000)
    )
    asides = "".join(f"<aside><p>{PROSE} Aside {n}.</p></aside>" for n in range(2000))
    doc = CLEANER.clean(f"<html><body><main>{boxes}</main>{asides}</body></html>".encode())
    assert doc.status == "ok"
    assert any("together hold most of the page's prose" in w for w in doc.warnings)


def test_text_trafilatura_moves_out_of_page_order_is_left_out() -> None:
    """trafilatura puts a quote's tail before the list inside it, glued to the list's
    text ("theAdvertisement"); the body holds only the page's text, in its order (a
    case the property tests found)."""
    page = (
        "<html><body><div><blockquote><ul><div>Advertisement</div></ul>the</blockquote>"
        "</div></body></html>"
    )
    tree = LexborHTMLParser(page)
    assert "Advertisement" not in trafilatura_text(tree, None)
    doc = CLEANER.clean(page.encode())
    assert "theAdvertisement" not in doc.text


def test_text_trafilatura_reads_with_menu_words_skipped_is_kept() -> None:
    """A line that leaves out words of the page between its own still reads in order."""
    from cleaner.extract.fallback import _end_in_page

    page = "Cart 0 Loading Back Patagonia Provisions"
    assert _end_in_page("Cart (0) Patagonia Provisions", page, 0) == len(page)
    assert _end_in_page("theAdvertisement", "Advertisement the", 0) is None


def test_a_line_trafilatura_gives_twice_is_kept_once() -> None:
    """The page's text holds it once: the body holds it once (found by the fuzz tests)."""
    page = (
        "<!DOCTYPE html><html><head></head><body><div></div><div></div>"
        "<pre><article><code></code>the</article></pre></body></html>"
    )
    doc = CLEANER.clean(page.encode())
    assert doc.text.split() == ["the"]


def test_table_of_twenty_thousand_rows_is_cleaned_within_the_time_limit() -> None:
    """Each row becomes one line; whether the table holds data is decided once for it,
    not once per row."""
    rows = "".join(
        f"<tr><td>Crossing {n}</td><td>Departs 6:{n % 60:02d}</td></tr>" for n in range(20_000)
    )
    doc = CLEANER.clean(
        f"<html><body><article><p>{PROSE}</p><table>{rows}</table></article></body></html>"
    )
    assert doc.status == "ok"
    assert "Crossing 19999 | Departs 6:19" in doc.text.split("\n")
