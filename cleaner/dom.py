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
