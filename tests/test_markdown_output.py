"""`clean(raw, markdown=True)`: the body as GitHub-flavoured Markdown, read back by a CommonMark
parser (markdown-it-py) into the page's headings, list items, table cells and code, and saying
exactly the body's words. The pages here are written by hand for these tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from cleaner import Cleaner, CleanOptions, clean
from cleaner.cli import main as cli_main

pytest.importorskip("markdown_it")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from markdown_fidelity import parser, stripped_text
from wcxb import tokens

URL = "https://harbour.example/news/ferry-timetable"

#: An article page with every structure the Markdown renders, and chrome around it.
PAGE = """<!doctype html><html lang="en"><head><title>Ferry timetable for the winter</title>
<meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><article>
<h1>Ferry timetable for the winter</h1>
<p>The council met on Monday and voted to keep the <a href="/ferry">harbour ferry</a> running
all winter, which pleased the islanders who depend on it for work and school.</p>
<h2>What changes in *December*</h2>
<p>The operator said the timetables stay as they are, and the fare stays at <code>4.50</code>
pounds for adults, with children under 5 travelling free as before.</p>
<ul>
  <li>Morning sailings leave the quay at seven</li>
  <li>Evening sailings move half an hour earlier
    <ul><li>except on Fridays</li><li>and on market days</li></ul>
  </li>
  <li>Bicycles travel free of charge</li>
</ul>
<ol start="3"><li>Buy a ticket on board</li><li>Show it at the gate</li></ol>
<blockquote><p>We fought for this ferry for two years, and we will keep using it every day.</p>
</blockquote>
<table>
  <thead><tr><th>Sailing</th><th>Departs</th><th>Arrives</th></tr></thead>
  <tbody>
    <tr><td>Morning</td><td>07:00</td><td>07:40</td></tr>
    <tr><td>Evening | late</td><td colspan="2">18:30 to 19:10</td></tr>
    <tr><td rowspan="2">Weekend</td><td>09:00</td><td>09:40</td></tr>
    <tr><td>16:00</td><td>16:40</td></tr>
  </tbody>
</table>
<table>
  <tr><td>Adults</td><td>4.50</td></tr>
  <tr><td>Children</td><td>free</td></tr>
</table>
<pre><code class="language-python">def fare(age):
    return 0 if age &lt; 5 else 4.5
</code></pre>
<p>Islanders can read the full decision at the library, where copies [with maps] are kept
for #anyone who asks; 1. is not a list and * is a star.</p>
<p><img src="/img/quay.jpg" alt="The quay at dawn">The new quay opens in spring next year, the
operator said, once the harbour works are finished.</p>
</article></main>
<footer>Copyright Harbour News</footer>
</body></html>"""


def outline(markdown: str) -> list[tuple[tuple[str, ...], str]]:
    """Every piece of text the parser reads, with the blocks it sits in (outermost first):
    (("bullet_list", "list_item", "paragraph"), "Morning sailings ...")."""
    result: list[tuple[tuple[str, ...], str]] = []
    open_blocks: list[str] = []
    for token in parser().parse(markdown):
        if token.nesting == 1:
            open_blocks.append(token.tag if token.type == "heading_open" else token.type[:-5])
        elif token.nesting == -1:
            open_blocks.pop()
        elif token.type == "inline":
            result.append((tuple(open_blocks), stripped_text(token.content)))
        elif token.type == "fence":
            result.append((("fence", token.info), token.content))
    return result


def texts_in(markdown: str, *path: str) -> list[str]:
    """The texts whose blocks end with `path`."""
    return [text for blocks, text in outline(markdown) if blocks[-len(path) :] == path]


@pytest.fixture(scope="module")
def page_markdown() -> str:
    markdown = clean(PAGE, url=URL, markdown=True).markdown
    assert markdown is not None
    return markdown


def test_the_option_leaves_the_text_and_every_other_field_as_they_were() -> None:
    plain = clean(PAGE, url=URL).to_dict()
    with_markdown = clean(PAGE, url=URL, markdown=True, links=True, images=True).to_dict()
    assert plain.pop("markdown") is None
    assert isinstance(with_markdown.pop("markdown"), str)
    assert with_markdown == plain


def test_headings_are_atx_headings(page_markdown: str) -> None:
    assert "## What changes in \\*December\\*" in page_markdown.splitlines()
    assert texts_in(page_markdown, "h2") == ["What changes in *December*"]


def test_lists_are_nested_bullet_and_numbered_lists(page_markdown: str) -> None:
    bullets = texts_in(page_markdown, "bullet_list", "list_item", "paragraph")
    assert bullets == [
        "Morning sailings leave the quay at seven",
        "Evening sailings move half an hour earlier",
        "except on Fridays",
        "and on market days",
        "Bicycles travel free of charge",
    ]
    nested = texts_in(
        page_markdown, "bullet_list", "list_item", "bullet_list", "list_item", "paragraph"
    )
    assert nested == ["except on Fridays", "and on market days"]
    numbered = texts_in(page_markdown, "ordered_list", "list_item", "paragraph")
    assert numbered == ["Buy a ticket on board", "Show it at the gate"]
    assert "3. Buy a ticket on board" in page_markdown.splitlines()


def test_tables_are_pipe_tables_with_spans_flattened(page_markdown: str) -> None:
    # The second table has no header: its first row is the header.
    headers = ["Sailing", "Departs", "Arrives", "Adults", "4.50"]
    assert texts_in(page_markdown, "thead", "tr", "th") == headers
    rows = [
        ["Morning", "07:00", "07:40"],
        ["Evening | late", "18:30 to 19:10", ""],
        ["Weekend", "09:00", "09:40"],
        ["", "16:00", "16:40"],
        ["Children", "free"],
    ]
    assert texts_in(page_markdown, "tbody", "tr", "td") == [cell for row in rows for cell in row]


def test_code_is_a_fenced_block_with_its_language(page_markdown: str) -> None:
    fences = [text for blocks, text in outline(page_markdown) if blocks == ("fence", "python")]
    assert fences == ["def fare(age):\n    return 0 if age < 5 else 4.5\n"]
    assert "`4.50`" in page_markdown


def test_quotes_are_block_quotes(page_markdown: str) -> None:
    assert texts_in(page_markdown, "blockquote", "paragraph") == [
        "We fought for this ferry for two years, and we will keep using it every day."
    ]


def test_syntax_in_the_text_is_escaped(page_markdown: str) -> None:
    paragraphs = texts_in(page_markdown, "paragraph")
    assert (
        "Islanders can read the full decision at the library, where copies [with maps] are kept "
        "for #anyone who asks; 1. is not a list and * is a star." in paragraphs
    )


def test_links_and_images_only_when_asked(page_markdown: str) -> None:
    assert "](" not in page_markdown
    both = clean(PAGE, url=URL, markdown=True, links=True, images=True).markdown or ""
    assert "[harbour ferry](https://harbour.example/ferry)" in both
    assert "![The quay at dawn](https://harbour.example/img/quay.jpg)" in both
    links_only = clean(PAGE, url=URL, markdown=True, links=True).markdown or ""
    assert "[harbour ferry](" in links_only and "![" not in links_only


IMAGES_PAGE = """<html><head><meta property="og:type" content="article"></head><body><article>
<p>The harbour ferry keeps running all winter, the council decided on Monday after a debate.</p>
<p><img src="/quay.jpg" alt="The quay at dawn"></p>
<p><img src="/share-icon.png" width="16" alt="share"></p>
<ul><li>Morning sailings leave at seven</li><li><img src="/map.png" alt="Map"></li>
<li>Evening sailings leave at six</li></ul>
<p>Islanders depend on the ferry for work and school, and the vote was seven to two.</p>
</article></body></html>"""


def test_images_standing_between_kept_blocks_are_kept_where_they_stand() -> None:
    markdown = clean(IMAGES_PAGE, url=URL, markdown=True, images=True).markdown or ""
    lines = markdown.splitlines()
    quay = "![The quay at dawn](https://harbour.example/quay.jpg)"
    assert lines.index(quay) == lines.index("") + 1  # its own paragraph, after the first
    assert "- ![Map](https://harbour.example/map.png)" in lines  # an item of the list
    assert "share" not in markdown  # an icon
    assert "![" not in (clean(IMAGES_PAGE, url=URL, markdown=True).markdown or "")


def test_the_stripped_markdown_says_the_body_s_words(page_markdown: str) -> None:
    document = clean(PAGE, url=URL, markdown=True)
    assert tokens(stripped_text(page_markdown)) == tokens(document.text)
    assert "Copyright" not in page_markdown and "Sport" not in page_markdown


#: Text rules of a test's own: one drops a line, one cuts a label off the front of one.
RULES = """
- id: drop-sponsor-line
  kind: drop_lines
  description: A sponsor's line.
  pattern: '^Sponsored by .*$'
  examples: [{input: "Sponsored by Acme", output: ""}]
- id: cut-update-label
  kind: substitute
  description: An "UPDATE:" label.
  pattern: '^UPDATE: '
  examples: [{input: "UPDATE: the ferry runs.", output: "the ferry runs."}]
"""

REMOVALS_PAGE = """<html><head><meta property="og:type" content="article"></head><body><article>
<h2>Harbour works</h2>
<p>The harbour works start in March and should take about six months to finish.</p>
<ul><li>Sponsored by Acme Cranes and Lifting</li><li>UPDATE: the <b>quay</b> stays open</li>
<li>The car park closes during the works</li></ul>
<p>Sponsored by the Harbour Board of the island community</p>
<p>Ferries keep sailing from the old pier, and the timetable does not change at all.</p>
</article></body></html>"""


def test_the_text_phase_s_removals_are_the_markdown_s(tmp_path: Path) -> None:
    rules = tmp_path / "mine.yaml"
    rules.write_text(RULES, encoding="utf-8")
    document = Cleaner(extra_rules=[rules]).clean(REMOVALS_PAGE, markdown=True)
    markdown = document.markdown or ""
    assert "Sponsored" not in document.text and "Sponsored" not in markdown
    assert "UPDATE" not in markdown
    assert texts_in(markdown, "bullet_list", "list_item", "paragraph") == [
        "the quay stays open",
        "The car park closes during the works",
    ]
    assert tokens(stripped_text(markdown)) == tokens(document.text)


MARKDOWN_INPUT = """# Harbour news

Read more: another story

## The ferry keeps running

The council voted **seven to two** to keep the [harbour ferry](https://harbour.example/f)
running all winter. ![The quay](quay.jpg)

- Morning sailings at seven
  - except on Fridays
- Evening sailings at six

| Sailing | Departs |
| --- | --- |
| Morning | 07:00 |

```python
print("ferry")
```

> We fought for this ferry for two years.

Share: Facebook Twitter Email
"""


def test_a_markdown_input_keeps_its_syntax_and_loses_its_chrome() -> None:
    document = clean(MARKDOWN_INPUT, markdown=True)
    markdown = document.markdown or ""
    assert document.format == "markdown"
    assert "Read more" not in markdown and "Share:" not in markdown
    assert "## The ferry keeps running" in markdown
    assert "**seven to two**" in markdown
    assert "](" not in markdown  # links and images reduced as in the body
    assert texts_in(markdown, "bullet_list", "list_item", "bullet_list", "list_item", "paragraph")
    assert texts_in(markdown, "tr", "td") == ["Morning", "07:00"]
    assert ("fence", "python") in [blocks for blocks, _ in outline(markdown)]
    assert texts_in(markdown, "blockquote", "paragraph")
    # The body keeps a code fence's lines as text, its language with them; parsed, the
    # language is the fence's info, not text.
    assert "```python" in document.text
    assert tokens(stripped_text(markdown)) == tokens(document.text) - tokens("python")
    kept = clean(MARKDOWN_INPUT, markdown=True, links=True, images=True).markdown or ""
    assert "[harbour ferry](https://harbour.example/f)" in kept and "![The quay](quay.jpg)" in kept


#: A script-rendered page: an empty mount point, the article only in its JSON-LD.
SHELL = """<html><head><title>Ferry | Harbour News</title><script type="application/ld+json">
{"@type": "NewsArticle", "headline": "Ferry", "articleBody": "%s"}</script></head>
<body><div id="app"></div><script src="/bundle.js"></script></body></html>"""


def test_text_from_json_ld_is_plain_escaped_paragraphs() -> None:
    sentence = "The harbour ferry keeps running all winter, the council decided on Monday."
    body = f"{sentence} {sentence}\\n\\n# 1 ferry * for [all] islanders. {sentence}"
    document = clean(SHELL % body, markdown=True)
    assert document.provenance["text"] == "json-ld"
    markdown = document.markdown or ""
    assert texts_in(markdown, "paragraph") == document.text.split("\n\n")
    assert markdown.splitlines()[2].startswith("\\# 1 ferry \\* for \\[all\\]")


def test_a_text_input_s_markdown_is_its_text() -> None:
    document = clean("The ferry runs all winter.\n\nThe fare stays the same.", markdown=True)
    assert document.format == "text"
    assert document.markdown == document.text


def test_an_empty_page_has_empty_markdown_and_no_option_leaves_it_null() -> None:
    empty = clean("<html><body><nav><a href='/'>Home</a></nav></body></html>", markdown=True)
    assert empty.status == "empty" and empty.markdown == ""
    assert clean(PAGE, url=URL).markdown is None


def test_without_the_option_no_markdown_code_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaner.html
    import cleaner.pipeline

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("Markdown rendered without being asked for")

    monkeypatch.setattr(cleaner.html, "html_markdown", refuse)
    monkeypatch.setattr(cleaner.pipeline, "text_markdown", refuse)
    assert clean(PAGE, url=URL).text
    assert clean(MARKDOWN_INPUT).text
    with pytest.raises(AssertionError, match="without being asked"):
        clean(PAGE, url=URL, markdown=True)


def test_clean_options_carry_the_setting_to_cleaner_clean() -> None:
    options = CleanOptions(markdown=True, links=True)
    document = Cleaner(options=options).clean(PAGE, url=URL)
    assert "[harbour ferry](" in (document.markdown or "")


def test_the_clean_command_prints_markdown_and_records_carry_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(PAGE, encoding="utf-8")
    assert cli_main(["clean", "--markdown", "--url", URL, str(page)]) == 0
    printed = capsys.readouterr().out
    assert "## What changes in \\*December\\*" in printed
    assert cli_main(["clean", "--json", str(page)]) == 0
    assert json.loads(capsys.readouterr().out)["markdown"] is None
    assert cli_main(["clean", "--json", "--markdown", "--links", str(page)]) == 0
    assert "[harbour ferry](" in json.loads(capsys.readouterr().out)["markdown"]


def test_batch_outputs_fill_markdown_when_asked(tmp_path: Path) -> None:
    source = tmp_path / "pages.jsonl"
    source.write_text(json.dumps({"id": "a", "url": URL, "html": PAGE}) + "\n", encoding="utf-8")
    jsonl = tmp_path / "out.jsonl"
    assert cli_main(["clean", "--markdown", "-j", "1", str(source), "-o", str(jsonl)]) == 0
    record = json.loads(jsonl.read_text(encoding="utf-8"))
    assert record["markdown"].startswith("The council met")
    pq = pytest.importorskip("pyarrow.parquet")
    parquet = tmp_path / "out.parquet"
    assert cli_main(["clean", "--markdown", "-j", "1", str(source), "-o", str(parquet)]) == 0
    assert pq.read_table(parquet).column("markdown").to_pylist()[0].startswith("The council")
