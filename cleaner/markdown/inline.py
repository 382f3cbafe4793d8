"""A text block's own inline content as Markdown lines: text, code spans, and (when asked)
links and images.

A `Block` (`cleaner.extract.blocks`) keeps only its plain text. Its element is
walked again here, the way `text_blocks` walks it, so that the runs found are
the blocks' runs; each run's pieces keep what the plain text lost (the link a
word sits in, whether it is code). A run is taken for a block only when its
plain text is the block's text, line for line; otherwise the block's text is
escaped as it is, so the Markdown never says other words than the body.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from cleaner.extract.blocks import INLINE_TAGS, PREFORMATTED_TAGS, Block
from cleaner.markdown.escape import (
    code_span,
    escape_inline,
    escape_line_start,
    escape_text_line,
    link_destination,
)

#: Inline elements whose text is code.
CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})
#: Link targets that lead nowhere a reader can follow.
_DEAD_LINKS = ("javascript:", "#")


@dataclass(frozen=True)
class Piece:
    """A piece of a run: text (`code` when it sits in a code element, `href` the link it
    sits in), a line break (`text` "\\n"), or an image (`image`: its alt text, `href` its
    source)."""

    text: str
    href: str | None = None
    code: bool = False
    image: bool = False


@dataclass(frozen=True)
class InlineStyle:
    """What a block's Markdown keeps besides its text: links and images, made absolute
    against `base` (the page's url) when it is known."""

    links: bool = False
    images: bool = False
    base: str | None = None


def code_holders(node: LexborNode) -> frozenset[int]:
    """The `mem_id`s of the block elements of `node`'s page that hold inline code: the
    only blocks whose Markdown differs from their escaped text when links and images
    are not asked for (one query a page, where walking every block costs a fifth of
    a clean)."""
    root = node
    while root.parent is not None:
        root = root.parent
    holders = set()
    for code in root.css(",".join(sorted(CODE_TAGS))):
        holder = code.parent
        while holder is not None and holder.tag in INLINE_TAGS:
            holder = holder.parent
        if holder is not None:
            holders.add(holder.mem_id)
    return frozenset(holders)


def block_lines(block: Block, style: InlineStyle) -> list[str]:
    """The Markdown of each line of `block.text` (a line of the body each), in order."""
    plain = block.text.split("\n")
    for run in holder_runs(block.node, style):
        lines = [line for line in split_lines(run) if plain_text(line)]
        if [plain_text(line) for line in lines] == plain:
            return [render_line(line, style) for line in lines]
    return [escape_text_line(line) for line in plain]


def holder_runs(holder: LexborNode, style: InlineStyle) -> list[list[Piece]]:
    """The runs of inline content whose nearest block element is `holder`, in page order
    (as `cleaner.extract.blocks.text_blocks` splits them: at every other element)."""
    runs: list[list[Piece]] = []
    run: list[Piece] | None = None
    images: list[Piece] = []
    for node in holder.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if not text:
                continue
            context = _context(node, holder)
            if context is None:  # another block's text
                run = None
            elif text.isspace():
                if run is not None:
                    run.append(Piece(" "))
            else:
                if run is None:
                    run = [*images]
                    images.clear()
                    runs.append(run)
                run.append(_text_piece(text, context, holder))
        elif tag == "br":
            if run is not None:
                run.append(Piece("\n"))
        elif tag == "img":  # inline, but its Markdown stands apart from the text around it
            if style.images and _context(node, holder) is not None:
                images.extend(_image(node, style))
            run = None
        elif tag not in INLINE_TAGS:
            run = None
    if images and runs:  # images after the last run's text close it
        runs[-1].extend(images)
    return runs


@dataclass(frozen=True)
class _Context:
    href: str | None
    code: bool


def _context(node: LexborNode, holder: LexborNode) -> _Context | None:
    """The link and code a node sits in, when its nearest block element is `holder`;
    None when it is another."""
    href: str | None = None
    code = False
    parent = node.parent
    while parent is not None and parent.mem_id != holder.mem_id:
        tag = parent.tag
        if tag not in INLINE_TAGS:
            return None
        if tag == "a" and href is None:
            href = parent.attributes.get("href") or ""
        code = code or tag in CODE_TAGS
        parent = parent.parent
    return None if parent is None else _Context(href, code)


def _text_piece(text: str, context: _Context, holder: LexborNode) -> Piece:
    if holder.tag not in PREFORMATTED_TAGS:
        text = text.replace("\r", " ").replace("\n", " ")
    return Piece(text, context.href, context.code)


def _image(node: LexborNode, style: InlineStyle) -> list[Piece]:
    source = node.attributes.get("src") or ""
    if not source or source.startswith("data:"):
        return []
    alt = " ".join((node.attributes.get("alt") or "").split())
    return [Piece(alt, absolute(source, style), image=True)]


def absolute(url: str, style: InlineStyle) -> str:
    """`url` made absolute against the page's url, when it is known."""
    url = url.strip()
    return urljoin(style.base, url) if style.base else url


def split_lines(run: list[Piece]) -> list[list[Piece]]:
    """The run cut at its line breaks (`<br>`, and a preformatted text's own newlines)."""
    lines: list[list[Piece]] = [[]]
    for piece in run:
        if piece.image or "\n" not in piece.text:
            lines[-1].append(piece)
            continue
        first, *rest = piece.text.split("\n")
        lines[-1].append(Piece(first, piece.href, piece.code))
        for text in rest:
            lines.append([Piece(text, piece.href, piece.code)])
    return lines


def plain_text(line: list[Piece]) -> str:
    """A line's text as the block has it: whitespace collapsed, images left out."""
    return " ".join("".join(piece.text for piece in line if not piece.image).split())


def render_line(line: list[Piece], style: InlineStyle) -> str:
    """One line of a run as Markdown: links kept when asked, code as code spans."""
    groups = groupby(line, key=lambda piece: _link_of(piece, style))
    rendered, _, _ = _join(_link_item(href, list(pieces), style) for href, pieces in groups)
    return escape_line_start(rendered)


#: Markdown, and whether whitespace stood before and after it.
_Item = tuple[str, bool, bool]


def _link_item(href: str | None, pieces: list[Piece], style: InlineStyle) -> _Item:
    """Pieces in one link (or in none) as Markdown."""
    groups = groupby(pieces, key=lambda piece: (piece.code, piece.image))
    items = (_chunk_item(code, image, list(chunk)) for (code, image), chunk in groups)
    inner, lead, trail = _join(items)
    if href is None or not inner:
        return inner, lead, trail
    return f"[{inner}]({link_destination(absolute(href, style))})", lead, trail


def _chunk_item(code: bool, image: bool, pieces: list[Piece]) -> _Item:
    """Text pieces of one kind (plain, code) or images as Markdown."""
    if image:
        images = (f"![{escape_inline(p.text)}]({link_destination(p.href or '')})" for p in pieces)
        return "".join(images), False, False
    raw = "".join(piece.text for piece in pieces)
    text = " ".join(raw.split())
    rendered = "" if not text else code_span(text) if code else escape_inline(text)
    return rendered, raw[:1].isspace(), raw[-1:].isspace()


def _join(items: Iterable[_Item]) -> _Item:
    """Items side by side, one space where whitespace stood between two of them (the
    body's whitespace, collapsed the same way)."""
    parts: list[str] = []
    lead = gap = False
    for text, before, after in items:
        if not text:
            lead = lead or (not parts and (before or after))
            gap = gap or before or after
            continue
        if not parts:
            lead = lead or before
        elif gap or before:
            parts.append(" ")
        parts.append(text)
        gap = after
    return "".join(parts), lead, gap


def _link_of(piece: Piece, style: InlineStyle) -> str | None:
    if piece.image or not style.links or piece.href is None:
        return None
    href = piece.href.strip()
    return None if not href or href.startswith(_DEAD_LINKS) else href
