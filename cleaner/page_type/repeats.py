"""Features from a page's repeated items: siblings of one tag and class holding content.

Cards (a shop's products, a blog's teasers) are siblings that each hold an
image and a link; the posts of a forum each hold a time. Starting from a
page's images, linked headings and times (the first `MAX_CLIMBS` of each),
the nearest ancestor with `REPEATED` or more siblings of its own tag and
class is an item; the group holding most of them is the page's group of
that kind. (Climbing from prose paragraphs too, for posts, cost as much
again and told the tuning pages' types apart no better.)
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from cleaner.page_type.body import CURRENCY_SIGNS, Body

#: Siblings of one tag and class this many times make a repeated structure.
REPEATED = 3
#: How far up from an image, a heading or a time an item is looked for.
CLIMB = 5
#: At most this many nodes of a kind are climbed from (each step is a call into C).
MAX_CLIMBS = 10
#: Siblings compared per parent: enough to see a repetition, bounded on flat pages.
_MAX_SIBLINGS = 200


def repeat_features(body: Body, class_counts: Counter[str]) -> dict[str, float]:
    """`rep_cards`, `rep_priced_cards`, `rep_teasers`, `rep_dated`.

    `rep_cards`: siblings in the group whose items hold images, and
    `rep_priced_cards` of its items seen, those showing a price; `rep_teasers`:
    items holding a heading that is a link; `rep_dated`: items holding a
    `<time>` (a forum's posts, dated teasers). `class_counts`: how many times
    each class value occurs on the page.
    """
    siblings = _Siblings(class_counts)
    cards = siblings.items_holding(body.kept["img"])
    priced = sum(1 for card in cards.seen if any(sign in card.text() for sign in CURRENCY_SIGNS))
    return {
        "rep_cards": float(cards.size),
        "rep_priced_cards": float(priced),
        "rep_teasers": float(siblings.items_holding(body.heading_links).size),
        "rep_dated": float(siblings.items_holding(body.kept["time"]).size),
    }


class _Group(NamedTuple):
    """A group of sibling items: how many siblings, and the items seen holding the nodes."""

    size: int
    seen: list[LexborNode]


class _Siblings:
    """Which children of an element repeat one tag and class, worked out once per parent.

    A class value that occurs fewer than `REPEATED` times on the whole page
    cannot be repeated among siblings: most ancestors are such one-off
    wrappers, and their siblings are never read.
    """

    def __init__(self, class_counts: Counter[str]) -> None:
        self._class_counts = class_counts
        self._children: dict[int, Counter[tuple[str, str]]] = {}

    def items_holding(self, nodes: list[LexborNode]) -> _Group:
        """The group of repeated siblings holding most of the first nodes.

        A node's item is its nearest ancestor (within `CLIMB` levels, the node's
        parent first) that has at least `REPEATED` siblings, itself included, of
        its tag and class (a node among siblings like it, such as a gallery's
        images, is not itself the item: its parent is looked at first).
        """
        groups: dict[tuple[int, str, str], dict[int, LexborNode]] = {}
        sizes: dict[tuple[int, str, str], int] = {}
        for node in nodes[:MAX_CLIMBS]:
            current = node.parent
            for _ in range(CLIMB):
                parent = current.parent if current is not None else None
                if current is None or parent is None or parent.tag in ("body", "html"):
                    break
                key = (current.tag or "", current.attrs.get("class") or "")
                if key[1] and self._class_counts[key[1]] < REPEATED:
                    current = parent
                    continue
                count = self._children_of(parent)[key]
                if count >= REPEATED:
                    group = (parent.mem_id, *key)
                    groups.setdefault(group, {})[current.mem_id] = current
                    sizes[group] = count
                    break
                current = parent
        if not groups:
            return _Group(0, [])
        largest = max(groups, key=lambda group: (len(groups[group]), sizes[group]))
        return _Group(sizes[largest], list(groups[largest].values()))

    def _children_of(self, parent: LexborNode) -> Counter[tuple[str, str]]:
        counts = self._children.get(parent.mem_id)
        if counts is None:
            counts = Counter(
                (tag, child.attrs.get("class") or "")
                for child in islice(parent.iter(), _MAX_SIBLINGS)
                if (tag := child.tag or "-") != "-comment"
            )
            self._children[parent.mem_id] = counts
        return counts
