"""trafilatura as the second opinion, for pages where our own extraction finds no prose."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree

from selectolax.lexbor import LexborHTMLParser

#: Elements of trafilatura's XML output that hold a block of text (a line of the body).
_BLOCKS = frozenset({"p", "head", "item", "list", "quote", "code", "table", "row", "cell", "div"})


def trafilatura_text(tree: LexborHTMLParser, url: str | None) -> str:
    """The main text trafilatura finds on the (already pruned) page, '' when none.

    `fast=True` skips its readability and jusText fallbacks: on real pages
    they cost more than half its time and did not change its accuracy.

    Its XML output is read rather than its text output, which adds markup of
    its own (`- ` before list items, `| ` between table cells) and unescapes
    entities a second time (`&amp;lt;` in the page becomes `<`): the body must
    hold only text from the page.
    """
    import trafilatura  # imported late: loading it costs ~0.3 s, most runs never need it

    html = tree.html or ""
    xml = trafilatura.extract(html, url=url, fast=True, include_comments=False, output_format="xml")
    if not xml:
        return ""
    return "\n".join(_lines_of_the_page(xml_text(xml), tree))


def _lines_of_the_page(text: str, tree: LexborHTMLParser) -> list[str]:
    """The lines of `text` whose words stand in the page's text in the same order, each
    after the lines kept before it.

    trafilatura occasionally moves text: the tail of a list inside a quote comes
    out before the list, glued to it ("theAdvertisement" from `<blockquote><ul>
    <li>Advertisement</li></ul>the</blockquote>`), and a `<pre>` holding a block
    element can come out twice. Such a line is no text of the page in its order,
    and the body holds only text of the page. A line that leaves out some of the
    page's words between its own (menu items it skipped) still passes, and so does
    one without an invisible mark the page has (U+200E in a shop's cells).
    """
    root = tree.body or tree.root
    page = root.text(deep=True) if root is not None else ""
    kept: list[str] = []
    cursor = 0
    for line in text.split("\n"):
        end = _end_in_page(line, page, cursor)
        if end is not None:
            kept.append(line)
            cursor = end
    return kept


def _end_in_page(line: str, page: str, start: int) -> int | None:
    """Where the words of `line` end when they occur in `page` one after another from
    `start`; None when they do not."""
    cursor = start
    for word in _WORD.findall(line):
        found = page.find(word, cursor)
        if found < 0:
            return None
        cursor = found + len(word)
    return cursor


_WORD = re.compile(r"\w+")


def xml_text(xml: str) -> str:
    """The text of trafilatura's XML document: one line per block or line break, in order."""
    root = ElementTree.fromstring(xml)  # trafilatura's own output: no DTD, no entities
    for line_break in root.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    main = root.find("main")
    lines: list[str] = []
    _collect(root if main is None else main, lines)
    return "\n".join(lines).strip()


def _collect(element: Any, lines: list[str]) -> None:
    """Append the text lines of `element`: itself when it holds no blocks, else its parts;
    a table row is one line, its cells one space apart."""
    if element.tag == "row":
        _append(lines, " ".join("".join(cell.itertext()).strip() for cell in element))
        return
    if not any(child.tag in _BLOCKS for child in element):
        _append(lines, "".join(element.itertext()))
        return
    _append(lines, element.text)
    for child in element:
        if child.tag in _BLOCKS:
            _collect(child, lines)
        else:
            _append(lines, "".join(child.itertext()))
        _append(lines, child.tail)


def _append(lines: list[str], text: str | None) -> None:
    """Append each line of `text` that holds more than whitespace, its spaces collapsed."""
    if text and not text.isspace():
        lines.extend(" ".join(line.split()) for line in text.split("\n") if line.strip())
