"""Pages streamed by React's server renderer: the late content is put in place."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner import clean
from cleaner.extract.streamed import place_streamed_content

ARTICLE = (
    "The harbour authority will change the ferry timetable from next Monday, adding two "
    "early departures from the north pier and one late crossing on Fridays."
)
SECOND = (
    "Passengers with season tickets keep them, and the old timetable stays on the notice "
    "boards at both piers until the end of the month, the authority said on Tuesday."
)


def _streamed_page(*, comments: bool = True) -> str:
    opening, closing = ("<!--$?-->", "<!--/$-->") if comments else ("", "")
    return (
        "<html><head><title>Ferry timetable changes</title></head><body>"
        "<header><a href='/'>Harbour Gazette</a></header>"
        "<main><article><h1>Ferry timetable changes</h1>"
        f'{opening}<template id="B:0"></template><div>Loading paragraph...</div>{closing}'
        "</article></main><footer>Contact us</footer>"
        f'<div hidden id="S:0"><p>{ARTICLE}</p><template id="P:1"></template></div>'
        f'<div hidden id="S:1"><p>{SECOND}</p></div>'
        '<script>$RC("B:0","S:0");$RS("S:1","P:1")</script>'
        "</body></html>"
    )


def test_segments_go_where_their_placeholders_stand() -> None:
    html = _streamed_page()
    tree = LexborHTMLParser(html)
    assert place_streamed_content(tree, html) == 2
    article = tree.css_first("article")
    assert article is not None
    paragraphs = [node.text() for node in article.css("p")]
    assert paragraphs == [ARTICLE, SECOND]
    assert "Loading" not in article.text()
    assert tree.css_first("[hidden]") is None
    assert tree.css_first("template") is None


def test_the_markup_in_utf8_is_searched_as_the_text_is() -> None:
    html = _streamed_page()
    assert place_streamed_content(LexborHTMLParser(html), html, html.encode()) == 2
    plain = "<html><body><p>No segments here.</p></body></html>"
    assert place_streamed_content(LexborHTMLParser(plain), plain, plain.encode()) == 0


def test_a_fallback_without_boundary_comments_goes_when_short() -> None:
    html = _streamed_page(comments=False)
    tree = LexborHTMLParser(html)
    place_streamed_content(tree, html)
    article = tree.css_first("article")
    assert article is not None
    assert "Loading" not in article.text()
    assert ARTICLE in article.text()


def test_the_streamed_article_is_extracted() -> None:
    doc = clean(_streamed_page(), url="https://gazette.example/ferry")
    assert ARTICLE in doc.text
    assert SECOND in doc.text
    assert "Loading" not in doc.text


def test_pages_without_segments_are_untouched() -> None:
    html = '<body><div hidden id="note">Hidden note</div><p>Text.</p></body>'
    tree = LexborHTMLParser(html)
    assert place_streamed_content(tree, html) == 0
    assert tree.css_first("[hidden]") is not None
