"""The Markdown renderer's parts: escaping read back by a CommonMark parser, pipe tables,
inline runs, what survives of a line, and a property: any page built from the structures the
renderer knows gives Markdown whose stripped text is the body's words."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaner import clean
from cleaner.document import Removal
from cleaner.extract.code import code_fence
from cleaner.markdown.escape import (
    code_span,
    escape_heading,
    escape_text_line,
    link_destination,
)
from cleaner.markdown.survival import Survivor, survivors
from cleaner.markdown.tables import pipe_table

pytest.importorskip("markdown_it")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from markdown_fidelity import parser, stripped_text
from wcxb import tokens

#: Lines of text that read as Markdown syntax unless escaped.
TRICKY_LINES = [
    "# not a heading",
    "## neither",
    "- not a list item",
    "+ nor this",
    "1. not a numbered item",
    "2) nor this",
    "> not a quote",
    "---",
    "===",
    "*emphasis* and **strong** and _under_ and __double__",
    "a [bracketed](link) and ![an](image)",
    "<b>a tag</b> and <https://example.com> and &amp; &#169; &copy;",
    "`code` and ``more`` and a \\ backslash and \\* escaped",
    "~~struck~~ and ~one~",
    "snake_case_name and 3 * 4 = 12 and 50% off",
    "C# and F# and #hashtag and issue #5",
    "    four spaces",
    "8.2 hours and 1.5 million",
    "a | pipe | separated | line",
]


def read_back(markdown: str) -> list[tuple[str, str]]:
    """The block kinds and their text, as the parser reads the Markdown."""
    result = []
    open_blocks: list[str] = []
    for token in parser().parse(markdown):
        if token.nesting == 1:
            open_blocks.append(token.type)
        elif token.nesting == -1:
            open_blocks.pop()
        elif token.type == "inline":
            result.append((open_blocks[-1], stripped_text(token.content)))
    return result


@pytest.mark.parametrize("line", TRICKY_LINES)
def test_an_escaped_line_reads_back_as_itself_in_a_paragraph(line: str) -> None:
    text = " ".join(line.split())
    assert read_back(escape_text_line(text)) == [("paragraph_open", text)]


def test_escaping_leaves_plain_prose_alone() -> None:
    prose = "The ferry (the old one) runs at 7.30, costs $4.50 and sails 3-4 times a day!"
    assert escape_text_line(prose) == prose
    assert escape_text_line("8.2 hours") == "8.2 hours"
    assert escape_text_line("snake_case") == "snake_case"


@pytest.mark.parametrize("text", ["Item #", "Sharp C#", "## both ##", "plain"])
def test_a_heading_keeps_its_hashes(text: str) -> None:
    markdown = "## " + escape_heading(escape_text_line(text))
    assert read_back(markdown) == [("heading_open", text)]


@pytest.mark.parametrize("code", ["x = 1", "a `tick`", "``double``", "` edge", "trailing `"])
def test_a_code_span_holds_any_code(code: str) -> None:
    tokens_ = parser().parseInline(code_span(code))[0].children or []
    assert [(t.type, t.content) for t in tokens_] == [("code_inline", code)]


def test_a_code_fence_is_longer_than_any_backtick_run_inside() -> None:
    assert code_fence("print(1)") == "```"
    assert code_fence("a ```` b") == "`````"


def test_a_link_destination_with_spaces_or_parentheses_is_bracketed() -> None:
    assert link_destination("https://x.example/a") == "https://x.example/a"
    assert link_destination("https://x.example/a (b)") == "<https://x.example/a (b)>"
    link = f"[text]({link_destination('https://x.example/wiki/A_(b) c')})"
    (inline,) = [t for t in parser().parse(link) if t.type == "inline"]
    children = inline.children or []
    assert children[0].attrs["href"] == "https://x.example/wiki/A_(b)%20c"


def _table(html: str) -> list[str]:
    node = LexborHTMLParser(html).css_first("table")
    assert node is not None
    texts = {cell.mem_id: cell.text(strip=True) for cell in node.css("td, th")}
    return pipe_table(node, {key: text for key, text in texts.items() if text})


def test_a_table_s_spans_are_flattened_into_empty_cells() -> None:
    lines = _table(
        "<table><tr><th>a</th><th>b</th><th>c</th></tr>"
        "<tr><td rowspan=2>d</td><td colspan=2>e</td></tr>"
        "<tr><td>f</td><td>g</td></tr><tr><td>h</td></tr></table>"
    )
    assert lines == [
        "| a | b | c |",
        "| --- | --- | --- |",
        "| d | e |  |",
        "|  | f | g |",
        "| h |  |  |",
    ]


def test_a_table_without_a_header_gets_its_first_row_as_one_and_skips_empty_rows() -> None:
    lines = _table("<table><tr><td></td></tr><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr>")
    assert lines == ["| x | y |", "| --- | --- |", "| z |  |"]
    assert _table("<table><tr><td></td></tr></table>") == []


def test_what_survives_of_each_line() -> None:
    text = "keep this line\n\ncut UPDATE: here\n\ngone entirely"
    spans = [(0, 14), (16, 32), (34, 47)]
    assert [text[start:end] for start, end in spans] == text.split("\n\n")
    removals = [
        Removal("cut", 20, 28, "UPDATE: "),
        Removal("drop", 34, 47, "gone entirely"),
        Removal("extract:edge", None, None, "elsewhere"),
    ]
    assert survivors(text, spans, removals) == [
        Survivor("keep this line", True),
        Survivor("cut here", False),
        Survivor("", False),
    ]


# --- a property: any page built of known structures -------------------------------------------

#: Words with the characters Markdown reads as syntax, and plain ones.
WORDS = st.sampled_from(
    [
        "ferry", "harbour", "quay", "*", "**", "_x_", "#", "##", "-", "+", "1.", "2)", ">",
        "[a]", "](b)", "`c`", "<i>", "&amp;", "\\", "|", "~~", "===", "---", "C#", "3.5",
    ]
)  # fmt: skip
SENTENCES = st.lists(WORDS, min_size=3, max_size=12).map(lambda words: "Ferry " + " ".join(words))


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def structures(draw: st.DrawFn) -> str:
    """One piece of page: a paragraph, heading, list, quote, table or code block."""
    kinds = ["p", "h2", "ul", "ol", "quote", "table", "pre", "nested", "inline"]
    kind = draw(st.sampled_from(kinds))
    texts = [_escape_html(text) for text in draw(st.lists(SENTENCES, min_size=1, max_size=3))]
    if kind in ("p", "h2"):
        return f"<{kind}>{texts[0]}</{kind}>"
    if kind == "inline":
        first, last = texts[0], texts[-1]
        return f"<p>{first} <a href='/a (b)'>{last}</a><code>{first}</code><br>{last}</p>"
    if kind in ("ul", "ol"):
        return f"<{kind}>" + "".join(f"<li>{t}</li>" for t in texts) + f"</{kind}>"
    if kind == "nested":
        inner = "".join(f"<li>{t}</li>" for t in texts)
        return f"<ul><li>{texts[0]}<ol>{inner}</ol></li><li>{texts[-1]}</li></ul>"
    if kind == "quote":
        return "<blockquote>" + "".join(f"<p>{t}</p>" for t in texts) + "</blockquote>"
    if kind == "table":
        cells = "".join(f"<td>{t}</td>" for t in texts)
        return f"<table><tr>{cells}</tr><tr>{cells}</tr></table>"
    return "<pre><code class='language-text'>" + "\n".join(texts) + "</code></pre>"


PROSE = (
    "<p>The harbour ferry keeps running all winter, the council decided on Monday evening, "
    "after a long debate about costs and the islanders who depend on it every day.</p>"
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(structures(), min_size=1, max_size=6))
def test_any_page_s_markdown_says_its_body_s_words(pieces: list[str]) -> None:
    page = (
        "<html><head><meta property='og:type' content='article'></head><body><article>"
        + PROSE
        + "".join(pieces)
        + PROSE
        + "</article></body></html>"
    )
    document = clean(page, markdown=True)
    assert tokens(stripped_text(document.markdown or "")) == tokens(document.text)
    linked = clean(page, markdown=True, links=True).markdown or ""
    assert tokens(stripped_text(linked)) == tokens(document.text)
