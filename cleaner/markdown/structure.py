"""Where a text block stands in the page's structure, as Markdown needs to know it.

From a block's element up to the page's body: the heading it is, the block
quotes and list items it sits in (outermost first), the `<pre>` it is code in,
and the table cell it is; a page's blocks share the walk up through their ancestors
(`Places`). Only when Markdown is asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Where the walk up stops.
_TOP = frozenset({"body", "html"})
#: A code element's language, as highlighters and Markdown renderers name it.
_LANGUAGE = re.compile(r"(?:^|\s)lang(?:uage)?-([\w+#.-]+)")


@dataclass(frozen=True)
class Container:
    """A block quote or a list item a block sits in; `marker` is a list item's
    (`- `, `3. `), '' for a quote."""

    node: LexborNode
    marker: str = ""

    @property
    def is_quote(self) -> bool:
        return not self.marker

    @property
    def key(self) -> int:
        return self.node.mem_id

    @property
    def list_key(self) -> int | None:
        """The `mem_id` of the list a list item is in (None for a quote)."""
        parent = self.node.parent
        return None if self.is_quote or parent is None else parent.mem_id


@dataclass(frozen=True)
class Place:
    """A block's place: heading level (0 for none), containers outermost first, the
    `<pre>` it is code in, and the table it is a cell of (with the cell)."""

    heading: int = 0
    containers: tuple[Container, ...] = ()
    pre: LexborNode | None = None
    cell: LexborNode | None = None
    table: LexborNode | None = None


class Places:
    """The places of one page's blocks; what lies above an element is worked out once
    for every block under it (a page's blocks share most of their ancestors)."""

    def __init__(self) -> None:
        #: Per element's `mem_id`: its containers (outermost first) and its `<pre>`.
        self._above: dict[int, tuple[tuple[Container, ...], LexborNode | None]] = {}

    def place_of(self, node: LexborNode) -> Place:
        """The place of the block whose element is `node`."""
        containers, pre = self._structure(node)
        cell, table = _cell_of(node)
        return Place(HEADINGS.get(node.tag or "", 0), containers, pre, cell, table)

    def _structure(self, node: LexborNode) -> tuple[tuple[Container, ...], LexborNode | None]:
        """The containers and `<pre>` of `node` and its ancestors."""
        pending: list[LexborNode] = []
        current: LexborNode | None = node
        known: tuple[tuple[Container, ...], LexborNode | None] = ((), None)
        while current is not None and current.tag not in _TOP:
            cached = self._above.get(current.mem_id)
            if cached is not None:
                known = cached
                break
            pending.append(current)
            current = current.parent
        containers, pre = known
        for element in reversed(pending):
            tag = element.tag
            if tag == "blockquote":
                containers = (*containers, Container(element))
            elif tag == "li":
                containers = (*containers, Container(element, _marker(element)))
            elif tag == "pre":  # the innermost, where one holds another
                pre = element
            self._above[element.mem_id] = (containers, pre)
        return containers, pre


def _marker(item: LexborNode) -> str:
    """A list item's marker: `- `, or its number in an ordered list (`3. `)."""
    parent = item.parent
    if parent is None or parent.tag != "ol":
        return "- "
    number = _start(parent)
    sibling = item.prev
    while sibling is not None:
        if sibling.tag == "li":
            number += 1
        sibling = sibling.prev
    return f"{number}. "


def _start(ordered: LexborNode) -> int:
    start = (ordered.attributes.get("start") or "").strip()
    return int(start) if start.isdigit() and len(start) <= 9 else 1


def _cell_of(node: LexborNode) -> tuple[LexborNode | None, LexborNode | None]:
    """The cell `node` is, and its table, when it is a table's cell."""
    if node.tag not in ("td", "th"):
        return None, None
    table = node.parent
    while table is not None and table.tag != "table":
        if table.tag in _TOP:
            return None, None
        table = table.parent
    return (node, table) if table is not None else (None, None)


def code_language(pre: LexborNode) -> str:
    """The language a `<pre>` names (`class="language-python"` on it, its `<code>` or
    its parent), '' when none does."""
    code = pre.css_first("code")
    for node in (code, pre, pre.parent):
        if node is None:
            continue
        match = _LANGUAGE.search(node.attributes.get("class") or "")
        if match:
            return match.group(1)
    return ""
