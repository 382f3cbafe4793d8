"""drop_elements: remove HTML elements matching a CSS `selector` before extraction."""

from __future__ import annotations

from typing import Any, Literal

from cleaner.context import Context
from cleaner.document import Removal
from cleaner.dom import collapsed_text
from cleaner.rules.dom_guard import holds_main_content, kept_warning
from cleaner.rules.dom_rule import DomRule


class DropElements(DomRule):
    """Page chrome in the DOM: navigation, share bars, cookie banners, related-link boxes.

    Runs on the parsed page (HTML inputs only); each removed element's text is
    recorded, without offsets, since it is not part of any text the user sees.
    An element that holds the article itself (a theme that wraps the post in
    `div.widget`) is kept: see `cleaner.rules.dom_guard`.
    """

    kind: Literal["drop_elements"]

    def apply_dom(self, tree: Any, ctx: Context, selector: str | None = None) -> int:
        """Remove matching elements from a selectolax tree and record their text.

        A match inside an element already removed is skipped without being
        touched: its node went with the element.
        """
        selector = selector or self.selector
        count = 0
        gone: set[int] = set()
        for node in tree.css(selector):
            if node.mem_id in gone or node.parent is None:
                continue
            if holds_main_content(node, tree):
                ctx.warnings.append(kept_warning(self.id, node))
                continue
            inner = node.css(selector)
            gone.update(inner_node.mem_id for inner_node in inner)
            ctx.removed.append(Removal(self.id, None, None, collapsed_text(node)))
            node.decompose()
            count += 1
        return count
