"""Blocks the page shows twice: a later copy of a block already in the main content.

Responsive templates put the same description in a desktop and a mobile layout,
product pages repeat it in a tab and in an accordion, and a forum reply quotes
the post above it: once the page's styles and scripts are gone, each copy is a
block of the main content. A reader sees the text once; the main content keeps
the first copy and records every later one as `extract:repeat`.

Text can also repeat as content: the same question put to each person in an
interview, the same snack on each day of a meal plan. Those copies stand at
the same place in the page's structure (the same elements with the same
classes, up to the root), where a second layout's copy stands elsewhere; so a
block is a copy only when its text is already kept from a block at another
place. Short blocks ("Reply", "Add to cart", a price) repeat for good reasons
and always stay.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from cleaner.extract.article_text import ArticleText
from cleaner.extract.blocks import Block

#: A block shorter than this may repeat (labels, buttons, prices); from this length a
#: second copy at another place in the page is the same text shown twice.
MIN_REPEAT_CHARS = 40

#: Where a block stands: the tag and class of its element and of every element above it.
Place = tuple[tuple[str, str | None], ...]


def without_repeats(chosen: ArticleText) -> ArticleText:
    """`chosen` with every copy of a kept block at another place of the page left out,
    each recorded as a "repeat" in `dropped` (`chosen` itself when none is a copy)."""
    copies = _copies(chosen.kept)
    if not copies:
        return chosen
    result = ArticleText(dropped=list(chosen.dropped))
    for index, block in enumerate(chosen.kept):
        if index in copies:
            result.dropped.append(("repeat", block.text))
        else:
            result.kept.append(block)
            result.paragraphs.extend(block.text.split("\n"))
    return result


def _copies(blocks: list[Block]) -> set[int]:
    """The indexes of the blocks whose text an earlier block at another place holds."""
    first: dict[str, Block] = {}
    places: dict[str, set[Place]] = {}
    copies: set[int] = set()
    for index, block in enumerate(blocks):
        text = block.text
        if len(text) < MIN_REPEAT_CHARS:
            continue
        earlier = first.setdefault(text, block)
        if earlier is block:
            continue
        seen = places.setdefault(text, {_place(earlier.node)})
        place = _place(block.node)
        if place not in seen:
            copies.add(index)
        seen.add(place)
    return copies


def _place(node: LexborNode | None) -> Place:
    """The tag and class attribute of `node` and of each element above it, nearest first."""
    steps = []
    while node is not None:
        steps.append((node.tag or "", node.attributes.get("class")))
        node = node.parent
    return tuple(steps)
