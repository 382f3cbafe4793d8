"""A page's text as blocks: runs of inline text with the block element that holds them.

Main-content scoring and text output both work on these blocks rather than on
`<p>` elements alone, because many sites put article text straight into
`<div>`s (one per paragraph, or one with `<br>` line breaks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from cleaner.dom import ancestors, is_descendant

#: Elements that flow inside a line of text; every other element starts a new block.
INLINE_TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em"),
        *("font", "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span"),
        *("strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "-text"),
    }
)


#: Elements whose line breaks are the page's own, not the source's wrapping.
PREFORMATTED_TAGS = frozenset({"pre", "listing", "plaintext", "textarea"})


@dataclass
class Block:
    """One run of text inside a block element, in page order."""

    node: LexborNode
    order: int
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    #: The run's text, whitespace collapsed, `<br>` breaks kept as newlines; set by
    #: `finish` once the page has been walked (a plain attribute: it is read a hundred
    #: thousand times a page, where a cached property's lookup shows in the profile).
    text: str = ""

    def finish(self) -> None:
        """Join the run's parts into its text (once `parts` is complete)."""
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        self.text = "\n".join(line for line in lines if line)

    @property
    def link_density(self) -> float:
        """Share of the run's characters that sit inside links."""
        return self.link_chars / max(1, len(self.text))


def text_blocks(root: LexborNode) -> list[Block]:
    """Every run of text under `root`, in page order.

    A run ends where a block element starts or ends, so a `<div>` holding text,
    then a `<p>`, then more text gives three blocks in reading order.
    """
    blocks: list[Block] = []
    current: Block | None = None
    for node in root.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            current = _add_text(node, current, blocks)
        elif tag == "br":
            if current is not None:
                current.parts.append("\n")
        elif tag not in INLINE_TAGS:
            current = None
    for block in blocks:
        block.finish()
    return blocks


def _add_text(node: LexborNode, current: Block | None, blocks: list[Block]) -> Block | None:
    text = node.text_content
    if not text:
        return current
    if text.isspace():
        # A space between inline elements separates words: `<b>Annual</b> <b>report</b>`.
        if current is not None:
            current.parts.append(" ")
        return current
    holder, in_link = _block_ancestor(node)
    if holder is None:
        return current
    if holder.tag not in PREFORMATTED_TAGS:
        # Source line breaks are spaces in HTML; only `<br>` (and `<pre>`) break a line.
        text = text.replace("\r", " ").replace("\n", " ")
    if current is None or current.node.mem_id != holder.mem_id:
        current = Block(holder, len(blocks))
        blocks.append(current)
    current.parts.append(text)
    if in_link:
        current.link_chars += len(text.strip())
    return current


def _block_ancestor(node: LexborNode) -> tuple[LexborNode | None, bool]:
    """The nearest block element above a text node, and whether a link lies between."""
    in_link = False
    for parent in ancestors(node):
        if parent.tag not in INLINE_TAGS:
            return parent, in_link
        in_link = in_link or parent.tag == "a"
    return None, in_link


def is_inside(node: LexborNode, container: LexborNode) -> bool:
    """Whether `node` is `container` or lies beneath it."""
    return node.mem_id == container.mem_id or is_descendant(node, container)
