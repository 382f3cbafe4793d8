"""Images that stand between a page's kept blocks, in elements of their own (`images=True`).

An image beside a kept block's text is part of that block's run (`inline`). Most
article images stand apart, in a `<figure>` or a `<p>` of their own between two
paragraphs; such an image is kept when it lies between the first and the last
kept block, in an element that holds no text of its own (a figure's caption
aside), outside tables, and is not an icon (a width or height under
MIN_IMAGE_SIDE). Each is placed before the kept block that follows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import LexborNode

from cleaner.extract.blocks import INLINE_TAGS, Block
from cleaner.markdown.escape import escape_inline, link_destination
from cleaner.markdown.inline import InlineStyle, absolute

#: An image with a side (its width or height attribute) under this many pixels is an icon.
MIN_IMAGE_SIDE = 48
#: Elements an image may stand in with a caption beside it.
_FIGURES = frozenset({"figure", "picture"})


def standalone_images(
    blocks: Sequence[Block], style: InlineStyle
) -> list[tuple[int, LexborNode, str]]:
    """(index of the kept block it stands before, its element, its Markdown) for every
    image standing on its own between the kept blocks, in page order."""
    if len(blocks) < 2:
        return []
    first_of: dict[int, int] = {}
    for index, block in enumerate(blocks):
        first_of.setdefault(block.node.mem_id, index)
    seen = -1
    found: list[tuple[int, LexborNode, str]] = []
    for node in _content_root(blocks).traverse():
        kept = first_of.get(node.mem_id)
        if kept is not None:
            seen = max(seen, kept)
        elif node.tag == "img" and 0 <= seen < len(blocks) - 1:
            holder = _holder(node)
            markdown = _image_markdown(node, style)
            if markdown and holder is not None and _stands_alone(holder, first_of):
                found.append((seen + 1, holder, markdown))
    return found


def _content_root(blocks: Sequence[Block]) -> LexborNode:
    """The nearest element holding every kept block."""
    shared = set(blocks[0].chain)
    for block in blocks[1:]:
        shared.intersection_update(block.chain)
    node: LexborNode | None = blocks[0].node
    while node is not None and node.mem_id not in shared:
        node = node.parent
    return node if node is not None else blocks[0].node


def _holder(image: LexborNode) -> LexborNode | None:
    holder = image.parent
    while holder is not None and holder.tag in INLINE_TAGS:
        holder = holder.parent
    return holder


def _stands_alone(holder: LexborNode, kept: dict[int, int]) -> bool:
    """Whether an image's element holds no text of its own and sits in no table (a kept
    block's element has the image in its run already)."""
    if holder.mem_id in kept:
        return False
    node: LexborNode | None = holder
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in ("td", "th", "table"):
            return False
        node = node.parent
    if holder.tag in _FIGURES:
        return True
    return not (holder.text(deep=True) or "").strip()


def _image_markdown(image: LexborNode, style: InlineStyle) -> str:
    attributes = image.attributes
    source = (attributes.get("src") or "").strip()
    if not source or source.startswith("data:") or _is_icon(attributes):
        return ""
    alt = " ".join((attributes.get("alt") or "").split())
    return f"![{escape_inline(alt)}]({link_destination(absolute(source, style))})"


def _is_icon(attributes: dict[str, str | None]) -> bool:
    for side in ("width", "height"):
        value = (attributes.get(side) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < MIN_IMAGE_SIDE:
            return True
    return False
