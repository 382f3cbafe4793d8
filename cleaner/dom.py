"""Small questions about selectolax nodes that several HTML steps ask."""

from __future__ import annotations

from typing import Any


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


def check_selector(value: str) -> None:
    """Raise ValueError unless selectolax (Lexbor) accepts `value` as a CSS selector."""
    from selectolax.lexbor import LexborHTMLParser

    try:
        LexborHTMLParser("<p></p>").css(value)
    except Exception as error:  # selectolax raises several types for bad selectors
        raise ValueError(f"not a valid CSS selector: {error}") from None
