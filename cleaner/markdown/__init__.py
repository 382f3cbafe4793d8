"""The body as GitHub-flavoured Markdown (`CleanOptions.markdown`, `Document.markdown`).

Rendered from the kept structure, with the same removals as `Document.text`:
an HTML page's kept text blocks and their elements (`page`), a Markdown
input's kept Markdown (`source`), a text input's body as it is. Nothing here
runs unless the option asks for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner import _core
from cleaner.document import Document
from cleaner.extract.blocks import Block
from cleaner.markdown.inline import InlineStyle
from cleaner.markdown.page import page_markdown
from cleaner.markdown.source import source_markdown
from cleaner.options import CleanOptions


def style_of(options: CleanOptions, url: str | None = None) -> InlineStyle:
    """What the options keep besides the text, links made absolute against `url`."""
    return InlineStyle(links=options.links, images=options.images, base=url)


def text_markdown(document: Document, source: str, options: CleanOptions) -> str:
    """The Markdown of a text or Markdown input, given the text its text phase read."""
    if not document.text:
        return ""
    if document.format == "markdown":
        return _nfc(source_markdown(source, document.removed, style_of(options)))
    return document.text


def html_markdown(
    document: Document, source: str, blocks: Sequence[Block], options: CleanOptions
) -> str:
    """The Markdown of an HTML page, given the text its text phase read (`source`) and the
    kept blocks that text was made of (none for text found elsewhere: JSON-LD, page
    data, trafilatura, whose lines become plain paragraphs)."""
    if not document.text:
        return ""
    style = style_of(options, document.url)
    return _nfc(page_markdown(source, blocks, document.removed, style))


def _nfc(text: str) -> str:
    """The body is in Unicode normal form C; so is its Markdown."""
    try:
        return _core.nfc(text)
    except UnicodeEncodeError:  # a lone surrogate: left as the page had it
        return text
