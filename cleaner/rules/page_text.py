"""How much text a reader sees on a page, kept up to date while the DOM rules remove elements.

The DOM guard weighs every large match against the whole page's visible text
(`cleaner.dom.visible_chars` of the body), and the page changes between two
asks only by the elements the rules removed. Measuring it means collapsing the
whole page's text, a quarter of a millisecond on a news page, and pages asked
it again after every removal. The page's collapsed text is its text nodes'
words joined by single spaces, every text node a word boundary, so removing an
element takes exactly its own words away: the element's collapsed text and the
one space that joined it to the rest. The rules record that text anyway.

That holds while the page has no scripts, styles or templates (whose text
`visible_chars` leaves out), which the HTML path removes before the rules run
(`drop_never_content`): a `PageText` told so (`pruned`) counts any element's
visible text as its collapsed text, without looking for them. A page that may
still have some (a rule's example, a test) is looked through, and measured
afresh each time if it has any. So is a page whose body, or an element holding
it, was removed.
"""

from __future__ import annotations

from typing import Any

from cleaner.dom import INVISIBLE, collapsed_len, is_descendant, visible_chars


class PageText:
    """The visible characters of one page's root (its body, else its document element),
    and of its elements."""

    def __init__(self, *, pruned: bool = False) -> None:
        #: Whether the page holds no INVISIBLE elements (they were removed).
        self._pruned = pruned
        #: The root last measured, while its count can be kept exact.
        self._root: Any = None
        self._chars = 0

    def visible_chars(self, root: Any) -> int:
        """`visible_chars(root)`: counted once, then kept as elements are removed."""
        if self._root is not None and root.mem_id == self._root.mem_id:
            return self._chars
        if not self._pruned and root.css_first(INVISIBLE) is not None:
            self._root = None
            return visible_chars(root)
        self._root, self._chars = root, collapsed_len(root)
        return self._chars

    def element_chars(self, node: Any) -> int:
        """`visible_chars(node)` of an element of the page."""
        return collapsed_len(node) if self._pruned else visible_chars(node)

    def removing(self, node: Any, text: str) -> None:
        """Take `node` off the count: it is about to be removed, and `text` is its
        `collapsed_text` now."""
        if self._root is None:
            return
        if not is_descendant(node, self._root):
            self._root = None  # the root itself, an element around it, or the head
        elif text:
            self._chars = max(0, self._chars - len(text) - 1)
