"""The kept text blocks of a page as units of Markdown: each block's surviving lines, its
place in the page, and its lines rendered.

A block's lines are rendered from its element (links, code spans) where the
text phase left them whole; a line the rules cut into is its remaining words,
escaped; a line they removed is left out, and a block with no line left is no
unit at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.extract.blocks import Block
from cleaner.extract.code import fenced_code
from cleaner.markdown.escape import escape_text_line
from cleaner.markdown.inline import InlineStyle, block_lines
from cleaner.markdown.structure import Place, Places
from cleaner.markdown.survival import Survivor


@dataclass(frozen=True)
class Unit:
    """One kept block's Markdown lines (inline Markdown; code as its plain text) and place."""

    place: Place
    lines: list[str]


def block_unit(
    block: Block,
    survived: list[Survivor],
    style: InlineStyle,
    places: Places,
    *,
    plain: bool = False,
) -> Unit | None:
    """The unit of `block`, given what survived of each of its lines; None when nothing did.
    `plain`: the block's Markdown is its escaped text (no link, image or code in it)."""
    if not any(line.text for line in survived):
        return None
    place = places.place_of(block.node)
    if place.pre is not None:
        return Unit(place, _code_lines(block, survived))
    rendered = (
        block_lines(block, style) if not plain and any(line.intact for line in survived) else []
    )
    lines = [
        rendered[index] if line.intact and rendered else escape_text_line(line.text)
        for index, line in enumerate(survived)
        if line.text
    ]
    return Unit(place, lines)


def plain_unit(survived: Survivor) -> Unit | None:
    """A line of text with no element behind it (JSON-LD, trafilatura, product details)."""
    return Unit(Place(), [escape_text_line(survived.text)]) if survived.text else None


def _code_lines(block: Block, survived: list[Survivor]) -> list[str]:
    """A code block's lines: the `<pre>`'s code as the page's text holds it, indentation
    kept (`cleaner.extract.code`), when the block is the whole of it and untouched, else
    the surviving lines."""
    plain = [line.text for line in survived if line.text]
    if block.node.tag != "pre" or not all(line.intact for line in survived):
        return plain
    _, lines = fenced_code(block)
    if [" ".join(line.split()) for line in lines if line.strip()] != plain:
        return plain
    return lines
