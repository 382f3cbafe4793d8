"""Text blocks: runs of inline text with the block element that holds them."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner.extract.blocks import text_blocks


def blocks_of(body: str) -> list[tuple[str, str, int]]:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    assert tree.body is not None
    return [
        (block.node.tag or "", block.text, block.link_chars) for block in text_blocks(tree.body)
    ]


def test_inline_elements_stay_in_the_run_and_block_elements_end_it() -> None:
    assert blocks_of(
        "<div>Lead <b>bold</b> <a href=x>link</a><p>Para<br>line two</p>tail</div>"
    ) == [("div", "Lead bold link", 4), ("p", "Para\nline two", 0), ("div", "tail", 0)]


def test_an_image_in_the_text_does_not_end_the_run() -> None:
    # A forum post's closing line after a photo is the post's, not a run of its own.
    assert blocks_of(
        '<div class="post">Which one is it?<br><img src="leaf.jpg"><br><br>Thanks in advance.</div>'
    ) == [("div", "Which one is it?\nThanks in advance.", 0)]


def test_an_unknown_element_is_a_block_even_when_named_like_an_inline_one() -> None:
    # Custom elements get ids of their own in each document, none of an inline tag's.
    assert blocks_of("<div>One <span-x>two</span-x> <b-2>three</b-2></div>") == [
        ("div", "One", 0),
        ("span-x", "two", 0),
        ("b-2", "three", 0),
    ]


def test_preformatted_text_keeps_its_line_breaks() -> None:
    assert blocks_of("<pre>a\n  b</pre><p>c\nd</p>") == [("pre", "a\nb", 0), ("p", "c d", 0)]


def test_code_split_over_a_highlighters_spans_reads_as_written() -> None:
    html = (
        "<body><p>Set <b>Prep</b><b>15</b></p>"
        "<pre>[<span class='pl-en'>keys</span>.<span class='pl-en'>DATABASE_URL</span>]\n"
        "<span>x</span>.<span>Y</span> = 1</pre></body>"
    )
    texts = [block.text for block in text_blocks(LexborHTMLParser(html).body) if block.text]
    assert texts == ["Set Prep 15", "[keys.DATABASE_URL]\nx.Y = 1"]


def test_a_custom_element_in_preformatted_text_is_part_of_the_code() -> None:
    # A specification's IDL block marks every token with the highlighter's `<c->`; the
    # block reads as the code, not as one run per token.
    html = (
        "<body><pre class='idl'>[<c- g>Exposed</c->=<c- n>Window</c->]\n"
        "<c- b>interface</c-> <dfn><code><c- g>Reader</c-></code></dfn> {};</pre>"
        "<div><user-card>Ada</user-card></div></body>"
    )
    blocks = text_blocks(LexborHTMLParser(html).body)
    assert [(block.node.tag, block.text) for block in blocks] == [
        ("pre", "[Exposed=Window]\ninterface Reader {};"),
        ("user-card", "Ada"),
    ]


def test_an_acronym_and_a_capitalised_word_in_two_elements_are_two_words() -> None:
    assert blocks_of(
        '<a href="/x"><span class="name">CineBox HD</span><span class="desc">Centro multimedia'
        "</span></a><p><b>NA</b>SA<b>W</b>ord</p>"
    ) == [("body", "CineBox HD Centro multimedia", 27), ("p", "NASAWord", 0)]
