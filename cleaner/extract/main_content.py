"""Which part of a page is the article: the container whose blocks read as running prose.

Two scores, both language-independent:

* a readability-style paragraph score (a run of 25+ characters that is mostly
  not link text scores 1, plus its commas, plus up to 3 for its length; its
  parent gets it all, its grandparent half) finds the core of the article;
* a prose balance (characters of prose runs marked up like the core's own
  paragraphs, minus characters of every other run, summed over every ancestor)
  decides how far to widen that core: up to the ancestor that holds clearly
  more such prose, which joins articles split over several sibling columns
  without taking in teaser lists, whose summaries are marked up differently.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from cleaner.dom import ancestors
from cleaner.extract.blocks import Block
from cleaner.words import comma_count, latin_equivalent_chars

#: Scores stop below the document element: it holds the whole page.
_ROOT = ("html",)
#: How many of the best-scoring nodes have their link density checked.
SHORTLIST = 5
#: Widen to an ancestor only when it holds this much more prose balance than the core.
WIDEN_GAIN = 1.5
#: A sibling of the core joins it when its score reaches this share of the core's...
SIBLING_SHARE = 0.2
#: ...or when it is itself a paragraph this long with at most this share of link text.
SIBLING_PARAGRAPH_CHARS = 80
SIBLING_PARAGRAPH_LINK_DENSITY = 0.25


#: What a paragraph looks like in the markup: its element and class attribute.
Kind = tuple[str, str | None]


@dataclass(frozen=True)
class MainContent:
    """The containers that hold the article, in page order."""

    containers: tuple[LexborNode, ...]


def find_main_content(blocks: list[Block]) -> MainContent | None:
    """The containers that hold the article, or None when no run of text reads as prose."""
    scores, nodes = _paragraph_scores(blocks)
    if not scores:
        return None
    core = _best_scored(scores, nodes)
    prose_kinds = [_kind(block) if block.prose else None for block in blocks]
    core_id = core.mem_id
    kinds = {
        kind
        for kind, block in zip(prose_kinds, blocks, strict=True)
        if kind is not None and core_id in block.chain
    }
    balance = _prose_balance(blocks, prose_kinds, kinds)
    widened = _widen(core, balance)
    if widened is core:
        return MainContent(_with_siblings(core, scores, blocks, prose_kinds, kinds))
    return MainContent((widened,))


def _paragraph_scores(blocks: list[Block]) -> tuple[dict[int, float], dict[int, LexborNode]]:
    """Every scored element's score, and the SHORTLIST best-scored elements by `mem_id`,
    best first (ties in the order the elements were first scored)."""
    scores: dict[int, float] = defaultdict(float)
    reach: dict[int, tuple[Block, int]] = {}
    for block in blocks:
        if not block.prose:
            continue
        text = block.text
        score = 1 + comma_count(text) + min(latin_equivalent_chars(text) // 100, 3)
        # The parent gets the whole score, the grandparent half (where there are such
        # below `<html>`).
        for level, share in _SHARES:
            if level >= block.below_html:
                break
            key = block.chain[level]
            if key not in reach:
                reach[key] = (block, level)
            scores[key] += score * share
    shortlist = sorted(scores, key=scores.__getitem__, reverse=True)[:SHORTLIST]
    return scores, {key: _above(*reach[key]) for key in shortlist}


#: (level above a block, share of its score) of the elements a prose block scores for.
_SHARES = ((1, 1.0), (2, 0.5))


def _above(block: Block, level: int) -> LexborNode:
    """The element `level` steps above a block's element (its chain says there is one)."""
    node: LexborNode | None = block.node
    for _ in range(level):
        node = node.parent if node is not None else None
    assert node is not None, "a block's chain names an element above it"
    return node


def _best_scored(scores: dict[int, float], nodes: dict[int, LexborNode]) -> LexborNode:
    """The best of the top scores (`nodes`, best first) once each is discounted by its
    link density; of equal ones, the first.

    A discount only lowers a score, so once a score is no higher than the best
    discounted one so far, neither it nor any after it can win: their link
    density (a walk of the node's text and links) is not measured.
    """
    best_node: LexborNode | None = None
    best = 0.0
    for key, node in nodes.items():
        score = scores[key]
        if best_node is not None and score <= best:
            break
        discounted = score * (1 - _link_density(node))
        if best_node is None or discounted > best:
            best_node, best = node, discounted
    assert best_node is not None, "there is a top score"
    return best_node


def _link_density(node: LexborNode) -> float:
    text_chars = len(node.text(deep=True).strip())
    link_chars = sum(len(link.text(deep=True).strip()) for link in node.css("a"))
    return min(1.0, link_chars / text_chars) if text_chars else 1.0


def _kind(block: Block) -> Kind:
    """What a block looks like in the markup: its element and class attribute.

    The paragraphs of one article share a kind; teasers and comments around it
    are prose too, but of other kinds.
    """
    return block.node.tag or "", block.node.attributes.get("class")


def _prose_balance(
    blocks: list[Block], prose_kinds: list[Kind | None], kinds: set[Kind]
) -> dict[int, int]:
    """For every ancestor of a block: characters of prose like the core's, minus the rest
    (`prose_kinds`: each block's kind, None for a block that is not prose)."""
    balance: dict[int, int] = defaultdict(int)
    for block, kind in zip(blocks, prose_kinds, strict=True):
        size = len(block.text)
        value = size - block.link_chars if kind is not None and kind in kinds else -size
        # The block's element and every one above it, up to (not including) `<html>`.
        for key in block.chain[: block.below_html]:
            balance[key] += value
    return balance


def _widen(core: LexborNode, balance: dict[int, int]) -> LexborNode:
    """The lowest ancestor near the best balance, when that is well above the core's own."""
    above: list[LexborNode] = list(ancestors(core, stop_at=("body", "html")))
    best = max((balance.get(a.mem_id, 0) for a in above), default=0)
    if best <= max(0, WIDEN_GAIN * balance.get(core.mem_id, 0)):
        return core
    return next(a for a in above if balance.get(a.mem_id, 0) >= 0.95 * best)


def _with_siblings(
    core: LexborNode,
    scores: dict[int, float],
    blocks: list[Block],
    prose_kinds: list[Kind | None],
    kinds: set[Kind],
) -> tuple[LexborNode, ...]:
    """The core plus siblings that are themselves a prose paragraph, or that score like
    the core with paragraphs of the core's kinds (a teaser list scores too, but its
    summaries are marked up differently from the article's paragraphs)."""
    parent = core.parent
    if parent is None:
        return (core,)
    prose_nodes = {block.node.mem_id for block in blocks if _is_long_prose(block)}
    prose_nodes.add(core.mem_id)
    opening = _opening_part(core, blocks, prose_kinds, kinds)
    if opening is not None:
        prose_nodes.add(opening.mem_id)
    floor = max(3.0, SIBLING_SHARE * scores[core.mem_id])
    return tuple(
        child
        for child in parent.iter()
        if child.mem_id in prose_nodes
        or (
            scores.get(child.mem_id, 0) >= floor
            and _holds_prose_of(child, blocks, prose_kinds, kinds)
        )
    )


def _holds_prose_of(
    node: LexborNode, blocks: list[Block], prose_kinds: list[Kind | None], kinds: set[Kind]
) -> bool:
    node_id = node.mem_id
    return any(
        kind is not None and kind in kinds and node_id in block.chain
        for kind, block in zip(prose_kinds, blocks, strict=True)
    )


def _is_long_prose(block: Block) -> bool:
    return (
        latin_equivalent_chars(block.text) >= SIBLING_PARAGRAPH_CHARS
        and block.link_density < SIBLING_PARAGRAPH_LINK_DENSITY
    )


def _opening_part(
    core: LexborNode, blocks: list[Block], prose_kinds: list[Kind | None], kinds: set[Kind]
) -> LexborNode | None:
    """The element just before the core when it holds nothing but paragraphs marked up like
    the core's: the story's opening, which paywalled pages put in a box of its own
    (`<div data-paywall-teaser>`) before the box of the rest. A box after the story (an
    author's bio, a newsletter sign-up) is no part of it, nor is one that holds anything
    besides such paragraphs."""
    before = core.prev
    while before is not None and (before.is_text_node or before.tag == "-comment"):
        before = before.prev
    if before is None:
        return None
    inside = [
        kind
        for kind, block in zip(prose_kinds, blocks, strict=True)
        if block.text and before.mem_id in block.chain
    ]
    return before if inside and all(kind in kinds for kind in inside) else None
