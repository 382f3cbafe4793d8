"""Small questions about selectolax nodes that several HTML steps ask."""

from __future__ import annotations

from collections.abc import Container, Iterator
from itertools import islice
from typing import Any

from cleaner import normalize


def ancestors(node: Any, *, stop_at: Container[str] = ()) -> Iterator[Any]:
    """The elements above `node`, nearest first: its parent, its parent's parent, ...

    `stop_at`: tags the walk ends before (such as "html", to stay below the
    document element); else it ends at the root. Tags are read only for
    `stop_at`: some walks run per text node, and a selectolax attribute read
    is a call into C.

    The two walks that run from every block of a page up to the root,
    `is_descendant` and main-content's prose balance, are plain loops: through
    a generator they cost 3% more instructions per HTML page.
    """
    current = node.parent
    while current is not None and not (stop_at and current.tag in stop_at):
        yield current
        current = current.parent


def within_reach(node: Any, reach: int) -> Iterator[Any]:
    """`node` itself, then at most `reach` of the elements above it, nearest first: where
    a template's name for a part may stand (on the block's element, its cell, its row...)."""
    yield node
    yield from islice(ancestors(node), reach)


def is_descendant(node: Any, ancestor: Any) -> bool:
    """Whether `node` lies strictly beneath `ancestor` (selectolax nodes of one tree)."""
    target = ancestor.mem_id
    parent = node.parent
    while parent is not None:
        if parent.mem_id == target:
            return True
        parent = parent.parent
    return False


def collapsed_text(node: Any) -> str:
    """A node's text with every run of whitespace collapsed to one space."""
    return " ".join(node.text(separator=" ").split())


def collapsed_len(node: Any) -> int:
    """`len(collapsed_text(node))`, counted in the core without building the text."""
    return normalize.collapsed_len(node.text(separator=" "))


#: Elements whose text a reader never sees.
INVISIBLE = "script, style, noscript, template"


def visible_chars(node: Any) -> int:
    """Characters of a node's text, whitespace collapsed, without script or style text."""
    hidden = sum(collapsed_len(inner) for inner in node.css(INVISIBLE))
    return max(0, collapsed_len(node) - hidden)


def check_selector(value: str) -> None:
    """Raise ValueError unless selectolax (Lexbor) accepts `value` as a CSS selector."""
    from selectolax.lexbor import LexborHTMLParser

    try:
        LexborHTMLParser("<p></p>").css(value)
    except Exception as error:  # selectolax raises several types for bad selectors
        raise ValueError(f"not a valid CSS selector: {error}") from None
