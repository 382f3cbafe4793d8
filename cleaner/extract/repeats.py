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
and stay, but for the label of a quote box that holds nothing but copies: a
reply's quote ("pipefitter said:" over the quoted post) goes whole.
"""

from __future__ import annotations

from itertools import chain, islice

from selectolax.lexbor import LexborNode

from cleaner.dom import ancestors
from cleaner.extract.article_text import ArticleText
from cleaner.extract.blocks import Block

#: A block shorter than this may repeat (labels, buttons, prices); from this length a
#: second copy at another place in the page is the same text shown twice.
MIN_REPEAT_CHARS = 40


def without_repeats(chosen: ArticleText) -> ArticleText:
    """`chosen` with every copy of a kept block at another place of the page left out,
    each recorded as a "repeat" in `dropped` (`chosen` itself when none is a copy)."""
    copies = _copies(chosen.kept)
    if not copies:
        return chosen
    copies |= _quote_labels(chosen.kept, copies)
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
    places: dict[str, set[int]] = {}
    place_of = _Places()
    copies: set[int] = set()
    for index, block in enumerate(blocks):
        text = block.text
        if len(text) < MIN_REPEAT_CHARS:
            continue
        earlier = first.setdefault(text, block)
        if earlier is block:
            continue
        seen = places.setdefault(text, {place_of(earlier.node)})
        place = place_of(block.node)
        if place not in seen:
            copies.add(index)
        seen.add(place)
    return copies


#: How far above a copy its quote box may stand: a quote's text sits in a paragraph or
#: two of wrappers inside it.
QUOTE_REACH = 4


def _quote_labels(blocks: list[Block], copies: set[int]) -> set[int]:
    """The short blocks ("pipefitter said:") of quote boxes whose every long block is a
    copy: a reply's quote of the post above is all copy, its label included.

    A quote box is a `<blockquote>`, or an element with "quote" in a class name
    (`aside.quote`, `div.bbCodeQuote`), found within QUOTE_REACH elements above a copy.
    """
    boxes = {box.mem_id for index in copies if (box := _quote_box(blocks[index])) is not None}
    if not boxes:
        return set()
    inside: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        for box_id in boxes.intersection(block.chain):
            inside.setdefault(box_id, []).append(index)
    labels: set[int] = set()
    for members in inside.values():
        long_ones = [i for i in members if len(blocks[i].text) >= MIN_REPEAT_CHARS]
        if long_ones and all(i in copies for i in long_ones):
            labels.update(i for i in members if i not in copies)
    return labels


def _quote_box(block: Block) -> LexborNode | None:
    """The quote box within QUOTE_REACH elements of `block`'s own, None when there is none."""
    node: LexborNode
    for node in islice(chain((block.node,), ancestors(block.node)), QUOTE_REACH):
        if node.tag == "blockquote" or "quote" in (node.attributes.get("class") or "").lower():
            return node
    return None


class _Places:
    """Where blocks stand, as numbers: two elements get the same number when they and
    every element above them have the same tags and class attributes, nearest first.

    Each element is numbered once, from its parent's number, so a page of many
    repeated blocks costs one step per element, not one walk to the root per block.
    """

    def __init__(self) -> None:
        self._by_element: dict[int, int] = {}
        self._numbers: dict[tuple[str, str | None, int], int] = {}

    def __call__(self, node: LexborNode | None) -> int:
        pending = []
        while node is not None and node.mem_id not in self._by_element:
            pending.append(node)
            node = node.parent
        number = self._by_element[node.mem_id] if node is not None else -1
        for element in reversed(pending):
            key = (element.tag or "", element.attributes.get("class"), number)
            number = self._numbers.setdefault(key, len(self._numbers))
            self._by_element[element.mem_id] = number
        return number
