"""The learned block classifier: which of a page's text blocks are its main content.

A gradient-boosted tree model (trained by bench/train_blocks.py on the WCXB
development pages of the tuning fold, shipped as `block_model.json`) scores
each block from its features (`cleaner.extract.block_features`), which include
what the prose-based finder made of it. Where the finder picks one article
container, the model also keeps content spread over sections, cards and posts
(service pages, listings, forums), and leaves out chrome inside the container.

The blocks it keeps, in page order, are the main content; an `<h1>` just above
or among them is the headline and leaves the text, as with the finder. Every
run of blocks it leaves out is recorded as one removal (`extract:link-list`
for a run that is mostly link text, `extract:boilerplate` for the rest).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import cache
from itertools import islice, pairwise
from pathlib import Path
from typing import NamedTuple

from selectolax.lexbor import LexborNode

from cleaner.dom import ancestors
from cleaner.extract.article_text import EDGE_RUN_CHARS, ArticleText, record_run
from cleaner.extract.block_features import COLUMNS
from cleaner.extract.blocks import (
    HEADING_TAGS,
    PREFORMATTED_TAGS,
    SUBHEADING_TAGS,
    TABLE_CELLS,
    Block,
    h1_above,
)
from cleaner.extract.lead import lead_blocks
from cleaner.extract.page_blocks import PageBlocks
from cleaner.extract.specs import spec_blocks
from cleaner.metadata.page import compact_form
from cleaner.trees import TreeEnsemble, load_ensemble

MODEL_PATH = Path(__file__).with_name("block_model.json")


@cache
def block_model() -> TreeEnsemble:
    """The shipped block model, loaded once per process."""
    return load_ensemble(MODEL_PATH, COLUMNS)


def choose_blocks(
    view: PageBlocks,
    page_type: str | None = None,
    title: str | None = None,
    *,
    lead: bool = True,
) -> ArticleText:
    """The main content's paragraphs, and the runs left out with their reason.

    How sure the model must be to keep a block depends on the `page_type`:
    the training script sets one threshold per type, where the benchmark's
    word F1 on the tuning fold is best (a service page's sections or a
    listing's items are kept more readily than the edges of an article).
    Short runs at the edges of the content are kickers, bylines and labels,
    and are trimmed, except on listings and collections (ITEM_TYPES), where
    they are the first and last items. An `<h1>` is the page's headline, recorded
    as such and left out, unless the page's `title` is known and the `<h1>` is not it
    (a landing page's hero line over a title its metadata states): then it is text.
    With `lead`, the standfirst the page marks between its `<h1>` and the content is
    kept as its first paragraph (`cleaner.extract.lead`). On a product page, the
    attribute table the shop software names is kept whole (`cleaner.extract.specs`).
    """
    result = ArticleText()
    if not view.blocks:
        return result
    model = block_model()
    threshold = model.threshold_for(page_type)
    keep = [probability >= threshold for probability in model.probabilities(view.features)]
    keep, groups = _groups_whole(view.blocks, keep)
    if page_type in LIKE_PARTS_TYPES:
        keep = _like_kept(view.blocks, keep, page_type)
    elif page_type == "article":
        keep = _like_cards(view.blocks, _like_entries(view.blocks, keep))
    chosen = [index for index, kept in enumerate(keep) if kept]
    if not chosen:
        return result
    if page_type in ITEM_TYPES:
        first, last = chosen[0], chosen[-1]
    else:
        first, last = _spanning_groups(_trimmed(view, chosen), groups)
    if lead:
        body = next((i for i in chosen if i >= first and view.blocks[i].node.tag != "h1"), first)
        for index in lead_blocks(view.blocks, body):
            keep[index] = True
            first = min(first, index)
    keep = [
        first <= index <= last and (kept or _is_code(view.blocks[index]))
        for index, kept in enumerate(keep)
    ]
    if page_type == "product":
        for index in spec_blocks(view.blocks):
            keep[index] = True
    headline = _headline_above(view, first)
    dropped: list[Block] = []
    for index, block in enumerate(view.blocks):
        if (index == headline or (keep[index] and block.node.tag == "h1")) and _is_title(
            block, title
        ):
            record_run(result.dropped, dropped)
            result.dropped.append(("headline", block.text))
        elif keep[index]:
            record_run(result.dropped, dropped)
            result.paragraphs.extend(block.text.split("\n"))
            result.kept.append(block)
        else:
            dropped.append(block)
    record_run(result.dropped, dropped)
    return result


#: A list, table or definition list whose items the model mostly keeps is kept whole: at
#: least this share of its items.
GROUP_KEPT_SHARE = 0.5
#: The element that holds an item as one piece of content, by the item's tag, and how far
#: above the item it may be (a row and a row group lie between a cell and its table, a
#: wrapper `<div>` between a `<dt>` and its `<dl>`).
_GROUPS: dict[str, tuple[frozenset[str], int]] = {
    "li": (frozenset({"ul", "ol", "menu"}), 1),
    **dict.fromkeys(("td", "th"), (frozenset({"table"}), 3)),
    **dict.fromkeys(("dt", "dd"), (frozenset({"dl"}), 2)),
}


def _groups_whole(blocks: list[Block], keep: list[bool]) -> tuple[list[bool], list[Group]]:
    """`keep` with every item of a list, table or definition list kept when the model
    keeps GROUP_KEPT_SHARE of its items and two at least: such a group is one piece of
    content, and an item the model passed over (the last of a benefits list, a table's
    bottom rows) is still part of it. Also each such group's span of blocks."""
    items: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        group = _group_of(block)
        if group is not None:
            items.setdefault(group, []).append(index)
    whole = list(keep)
    spans = []
    for indexes in items.values():
        kept = sum(keep[index] for index in indexes)
        if kept >= 2 and kept >= GROUP_KEPT_SHARE * len(indexes):
            for index in indexes:
                whole[index] = True
            spans.append(Group(indexes[0], indexes[-1], blocks[indexes[0]].node.tag in _CELLS))
    return whole, spans


class Group(NamedTuple):
    """The first and last block of a list, table or definition list kept whole, and
    whether its items are cells (a table's or a definition list's)."""

    start: int
    end: int
    cells: bool


_CELLS = TABLE_CELLS | {"dt", "dd"}


#: Page types whose content is made of like parts (cards, sections, entries, posts), where
#: a prose run marked up like runs the model keeps is kept too. Articles lose by it (their
#: other runs of that markup are teasers). A forum keeps its posts in order, the last ones
#: too, though the model scores them lower; on the WCXB folds forums lose 0.001 by it, on
#: pages whose truth keeps the opening post only, and hand-written threads gain.
LIKE_PARTS_TYPES = frozenset(
    {"listing", "collection", "service", "product", "documentation", "forum"}
)
#: On a forum, the share of the posts of one markup the model must keep for all to be
#: kept: the model keeps the opening post and the replies that read like it, and a thread
#: of short replies fell under half (phpBB threads lost their last four posts of six). On
#: the WCXB folds this moves two forum pages, one each way.
FORUM_KEPT_SHARE = 0.3
#: A markup shared by fewer prose runs than this is no pattern.
MIN_LIKE_RUNS = 3


def _like_kept(blocks: list[Block], keep: list[bool], page_type: str | None = None) -> list[bool]:
    """`keep` with every prose run kept whose markup (its element and that element's parent,
    by tag and class) GROUP_KEPT_SHARE of the prose runs sharing it are kept with: the
    model scores each card or section alone, and its scores fall towards the page's end,
    so a hotel list's last cards or a shop category's last products were left out while
    the first ones, marked up the same, were kept. On a listing or collection (ITEM_TYPES)
    a card's short runs count too: a product's title link and price are no prose, and
    the model dropped the last titles while keeping their prices. On a forum a smaller
    share of the posts will do (FORUM_KEPT_SHARE)."""
    result = list(keep)
    share = FORUM_KEPT_SHARE if page_type == "forum" else GROUP_KEPT_SHARE
    for indexes in _like_groups(blocks, keep, items=page_type in ITEM_TYPES, share=share):
        for index in indexes:
            result[index] = True
    return result


#: How far, in blocks, an article's next entry may stand from the last one kept.
ENTRY_REACH = 4


def _like_entries(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """`keep` with the entries of an article that come as a series (a live blog's updates,
    an archive's posts) kept to the last: a prose run marked up like the runs the model
    mostly keeps, under a heading of its own, within ENTRY_REACH blocks of a kept one. The
    model's scores fall towards the page's end, so the last entries fell below the
    threshold. The heading is what tells an entry from a teaser or a press release's
    company blurb of the same markup after the text (articles lose by keeping those)."""
    result = list(keep)
    for indexes in _like_groups(blocks, keep):
        grown = True
        while grown:
            grown = False
            for before, after in pairwise(indexes):
                if result[before] == result[after] or after - before > ENTRY_REACH:
                    continue
                if _heading_between(blocks, before, after):
                    result[before] = result[after] = grown = True
    return result


#: The share of the kept prose a group of cards must hold for an article's page to be
#: a list of them.
CARDS_KEPT_SHARE = 0.6
#: The share of a group's runs that must each sit in an element of their own (a card).
MIN_OWN_PARENT_SHARE = 0.8


def _like_cards(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """`keep` with every card of a list kept when the page typed as an article is that
    list: prose runs each in an element of its own (a card's title, its summary), marked
    up like the runs the model mostly keeps, when such runs hold most of the kept prose.
    A recipe category or a course list that declares itself an article lost its last
    cards as the model's scores fell; an article's own paragraphs share one parent, and
    the teaser cards below it hold little of what the model keeps."""
    cards = [group for group in _like_groups(blocks, keep) if _apart(blocks, group)]
    kept_prose = sum(len(blocks[index].text) for index in _kept_prose(blocks, keep))
    in_cards = sum(len(blocks[index].text) for group in cards for index in group if keep[index])
    if not cards or in_cards < CARDS_KEPT_SHARE * kept_prose:
        return keep
    result = list(keep)
    for group in cards:
        for index in group:
            result[index] = True
    return result


def _kept_prose(blocks: list[Block], keep: list[bool]) -> list[int]:
    """The indexes of the prose runs `keep` keeps."""
    return [index for index, block in enumerate(blocks) if keep[index] and block.prose]


def _apart(blocks: list[Block], group: list[int]) -> bool:
    """Whether most runs of a group (MIN_OWN_PARENT_SHARE) sit in an element of their own."""
    parents = {
        parent.mem_id for index in group if (parent := blocks[index].node.parent) is not None
    }
    return len(parents) >= MIN_OWN_PARENT_SHARE * len(group)


def _like_groups(
    blocks: list[Block],
    keep: list[bool],
    *,
    items: bool = False,
    share: float = GROUP_KEPT_SHARE,
) -> list[list[int]]:
    """The runs of each markup (`_markup_of`) that MIN_LIKE_RUNS runs share and whose runs
    the model keeps `share` of, by index: prose runs, and with `items` (a
    listing's or a collection's page) also the short runs of a card, its title and facts,
    when they say different things (a card's "Shop now" button says the same on each),
    and the card facts that come with titles so kept (`_card_facts`)."""
    members: dict[tuple[str, str, str, str], list[int]] = {}
    for index, block in enumerate(blocks):
        if block.prose or items:
            members.setdefault(_markup_of(block), []).append(index)
    candidates = [
        indexes
        for indexes in members.values()
        if len(indexes) >= MIN_LIKE_RUNS
        and (all(blocks[index].prose for index in indexes) or _distinct(blocks, indexes))
    ]
    kept = [
        indexes
        for indexes in candidates
        if sum(keep[index] for index in indexes) >= share * len(indexes)
    ]
    if not items:
        return kept
    return kept + _card_facts(blocks, candidates, kept)


def _card_facts(
    blocks: list[Block], candidates: list[list[int]], kept: list[list[int]]
) -> list[list[int]]:
    """The groups of `candidates` (not `kept`) that come one to a card of a kept group
    of mostly short runs (titles; a forum's posts are prose): a product's price, an
    offer's delivery date, an event's time after its title. The model scores a price
    like the filter values a shop page is full of and
    keeps none, so no share of the prices is kept to go by; coming once with each kept
    title is what makes them the cards' own. Most of a group's runs must hold a letter or
    a currency sign: bare counts and ratings ("4", "4.7 (412)") come one to a card too."""
    titles = [
        group for group in kept if sum(blocks[index].prose for index in group) * 2 < len(group)
    ]
    return [
        group
        for group in candidates
        if group not in kept
        and sum(_says_something(blocks[index].text) for index in group)
        >= MIN_DISTINCT_SHARE * len(group)
        and any(_one_per_item(group, starts) for starts in titles)
    ]


def _says_something(text: str) -> bool:
    """Whether a card's short run holds a letter or a currency sign: a name, a price or a
    fact, not a bare count or rating."""
    return any(char.isalpha() or unicodedata.category(char) == "Sc" for char in text)


def _one_per_item(indexes: list[int], items: list[int]) -> bool:
    """Whether the runs at `indexes` come one to each of the cards that open at `items`:
    each after a card's first run and within the longest card's length of it, never two
    in one card, MIN_LIKE_RUNS of them at least."""
    if len(indexes) < MIN_LIKE_RUNS or len(indexes) > len(items):
        return False
    reach = max(after - before for before, after in pairwise(items)) if len(items) > 1 else 0
    cards: set[int] = set()
    for index in indexes:
        card = bisect_right(items, index) - 1
        if card < 0 or index - items[card] > reach or card in cards:
            return False
        cards.add(card)
    return True


#: The share of a group's runs that must differ in text for it to be items, not a control.
MIN_DISTINCT_SHARE = 0.8


def _distinct(blocks: list[Block], indexes: list[int]) -> bool:
    """Whether the runs at `indexes` mostly differ in text (MIN_DISTINCT_SHARE)."""
    texts = {blocks[index].text for index in indexes}
    return len(texts) >= MIN_DISTINCT_SHARE * len(indexes)


def _heading_between(blocks: list[Block], start: int, stop: int) -> bool:
    """Whether a heading lies among the blocks after `start` and before `stop`."""
    return any(blocks[index].node.tag in HEADING_TAGS for index in range(start + 1, stop))


def _markup_of(block: Block) -> tuple[str, str, str, str]:
    """A run's element and its parent, by tag and class attribute, the class's digits
    left out: templates number each item's class after its record (`comment_58820`,
    `post-1204`), and the items are still marked up alike."""
    node, parent = block.node, block.node.parent
    own = (node.tag or "", _class_shape(node))
    if parent is None:
        return (*own, "", "")
    return (*own, parent.tag or "", _class_shape(parent))


#: Deletes the ASCII digits of a string (`str.translate`).
_NO_DIGITS = str.maketrans("", "", "0123456789")


def _class_shape(node: LexborNode) -> str:
    """An element's class attribute without its digits."""
    return (node.attributes.get("class") or "").translate(_NO_DIGITS)


def _spanning_groups(edges: tuple[int, int], groups: list[Group]) -> tuple[int, int]:
    """The `edges` of the content, moved out to take in whole every group kept whole that
    they cut, and every table kept whole after them.

    Trimming short runs at the edges must not cut a table's last rows ("30%",
    "Take-home exam", "10%") or a list's last items off the rest of it; and a data
    table below the prose (a product's specifications under its description) is
    content, not the byline or tag list the trim is for. (A table above the prose
    stays trimmed: on the tuning fold that took in forum headers.)
    """
    first, last = edges
    for group in groups:
        if group.start <= last and group.end >= first:
            first, last = min(first, group.start), max(last, group.end)
    for group in groups:
        if group.cells and group.start > last:
            last = group.end
    return first, last


def _group_of(block: Block) -> int | None:
    """The `mem_id` of the list, table or definition list the block is an item of."""
    group = _GROUPS.get(block.node.tag or "")
    if group is None:
        return None
    holders, reach = group
    above = islice(ancestors(block.node), reach)
    return next((node.mem_id for node in above if node.tag in holders), None)


def _is_title(block: Block, title: str | None) -> bool:
    """Whether a headline block is the page's title: any `<h1>` when the title is not
    known; else one whose words the title holds, or that holds the title's."""
    if title is None:
        return True
    own, named = compact_form(block.text), compact_form(title)
    return bool(own) and (own in named or named in own)


def _is_code(block: Block) -> bool:
    """Whether a block is preformatted text (code, a console session): content wherever
    the content runs around it, however short and unlike prose its lines are."""
    return block.node.tag in PREFORMATTED_TAGS


#: Page types whose content is a run of items, short ones at its edges included (on the
#: tuning fold, trimming their edges lost items; on other types it kept chrome out).
ITEM_TYPES = frozenset({"collection", "listing"})
#: How far above the content the page's headline may stand and still be recorded as it.
HEADLINE_REACH = 5


def _headline_above(view: PageBlocks, first: int) -> int:
    """The index of the `<h1>` just above the content (-1 when there is none): the page's
    headline, recorded as such (it is the title, not the body)."""
    return h1_above(view.blocks, first, HEADLINE_REACH)


def _trimmed(view: PageBlocks, chosen: list[int]) -> tuple[int, int]:
    """The first and last chosen block, once short runs at either end are left out: kept
    blocks before the first and after the last prose run are kickers, bylines, dates
    and labels unless they are long or a subheading above the prose (as the finder
    trims its article)."""
    prose = [index for index in chosen if view.blocks[index].prose]
    if not prose:
        return chosen[0], chosen[-1]
    edges = [
        index
        for index in chosen
        if prose[0] <= index <= prose[-1]
        or len(view.blocks[index].text) >= EDGE_RUN_CHARS
        or (index < prose[0] and view.blocks[index].node.tag in SUBHEADING_TAGS)
    ]
    return edges[0], edges[-1]
