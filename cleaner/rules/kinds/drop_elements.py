"""drop_elements: remove HTML elements matching a CSS `selector` before extraction."""

from __future__ import annotations

from typing import Any, Literal

from cleaner.context import Context
from cleaner.document import Removal
from cleaner.dom import collapsed_text
from cleaner.extract.blocks import INLINE_TAGS
from cleaner.extract.like_parts import ITEM_TYPES
from cleaner.rules.dom_guard import (
    content_boxes,
    holds_main_content,
    kept_together_warning,
    kept_warning,
    raw_chars,
)
from cleaner.rules.dom_rule import DomRule
from cleaner.rules.page_text import PageText


class DropElements(DomRule):
    """Page chrome in the DOM: navigation, share bars, cookie banners, related-link boxes.

    Runs on the parsed page (HTML inputs only); each removed element's text is
    recorded, without offsets, since it is not part of any text the user sees.
    An element that holds the article itself (a theme that wraps the post in
    `div.widget`) is kept: see `cleaner.rules.dom_guard`.
    """

    kind: Literal["drop_elements"]

    def apply_dom(
        self,
        tree: Any,
        ctx: Context,
        selector: str | None = None,
        page: PageText | None = None,
    ) -> int:
        """Remove matching elements from a selectolax tree and record their text.

        A match inside an element already removed (removing an element detaches
        everything in it, so such a match has no parent), or kept as a content
        box, is skipped without being touched. When the matches together
        hold most of the page's prose, those holding prose stay, with what
        they hold: the selector has met the page's content boxes, not its
        chrome (see `cleaner.rules.dom_guard`). `page`: the page's visible text,
        kept across the DOM rules of one page.
        """
        selector = selector or self.selector
        page = page or PageText()
        matches = tree.css(selector)
        raw = raw_chars(matches)
        boxes = content_boxes(matches, tree, raw, page)
        items = ctx.page_type in ITEM_TYPES
        if boxes:
            ctx.warnings.append(kept_together_warning(self.id, len(boxes)))
        count = 0
        skipped: set[int] = set()
        for node in matches:
            if node.mem_id in skipped or node.parent is None:
                continue
            if node.mem_id in boxes:
                skipped.update(inner.mem_id for inner in node.css(selector))
                continue
            if holds_main_content(node, tree, raw[node.mem_id], page, items=items):
                ctx.warnings.append(kept_warning(self.id, node))
                continue
            text = collapsed_text(node)
            ctx.removed.append(Removal(self.id, None, None, text))
            page.removing(node, text)
            _decompose_apart(node, text)
            count += 1
        return count


def _decompose_apart(node: Any, text: str) -> None:
    """Remove `node`; a block element, or an inline one that shows text, leaves a space in
    its place.

    A block element parts the text around it: the runs before and after it
    are apart on the page. Removed, it would leave them glued into one word
    ("5 min read" and "Mar 3, 2025" beside a dropped separator became
    "5 min readMar 3, 2025"). So does an inline element's text: a separator a
    template hides from screen readers (`<span>Room A</span><span
    aria-hidden="true">·</span><span>Keynote</span>`) stands between two words.
    An inline element without text (an icon) parts nothing, and leaves nothing.
    """
    if text or node.tag not in INLINE_TAGS:
        node.insert_before(" ")
    node.decompose()
