"""Like parts: runs of a page marked up alike, kept together when the model keeps most.

The block model scores each run alone, and its scores fall towards the page's end: a
hotel list's last cards, a forum's last posts, a live blog's last entries and a shop
category's last products fell below the threshold while the first ones, marked up the
same, were kept. Runs are alike when their element and its parent have the same tag and
class (the class's digits left out: templates number items after their records). What
counts as a part, and how many the model must keep, depends on the page's type:
`like_kept` for pages made of parts, `like_entries` and `like_cards` for articles.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import islice, pairwise

from selectolax.lexbor import LexborNode

from cleaner.dom import ancestors, within_reach
from cleaner.extract.blocks import HEADING_TAGS, Block

#: Page types whose content is a run of items, short ones at its edges included (on the
#: tuning fold, trimming their edges lost items; on other types it kept chrome out).
ITEM_TYPES = frozenset({"collection", "listing"})
#: The share of the runs of one markup the model must keep for all of them to be kept.
LIKE_KEPT_SHARE = 0.5


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


def like_kept(blocks: list[Block], keep: list[bool], page_type: str | None = None) -> list[bool]:
    """`keep` with every prose run kept whose markup (its element and that element's parent,
    by tag and class) LIKE_KEPT_SHARE of the prose runs sharing it are kept with: the
    model scores each card or section alone, and its scores fall towards the page's end,
    so a hotel list's last cards or a shop category's last products were left out while
    the first ones, marked up the same, were kept. On a listing or collection (ITEM_TYPES)
    a card's short runs count too: a product's title link and price are no prose, and
    the model dropped the last titles while keeping their prices. On a forum a smaller
    share of the posts will do (FORUM_KEPT_SHARE)."""
    result = list(keep)
    share = FORUM_KEPT_SHARE if page_type == "forum" else LIKE_KEPT_SHARE
    for indexes in _like_groups(blocks, keep, items=page_type in ITEM_TYPES, share=share):
        for index in indexes:
            result[index] = True
    return result


#: How far, in blocks, an article's next entry may stand from the last one kept.
ENTRY_REACH = 4


def like_entries(blocks: list[Block], keep: list[bool]) -> list[bool]:
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
#: a list of them: more than half. An editorial list (a gift guide) opens with an intro
#: of a few long paragraphs, which held near half the kept prose while its cards' scores
#: fell; at 0.6 it lost its last sections. The WCXB folds move one tuning page each way.
CARDS_KEPT_SHARE = 0.5
#: The share of a group's runs that must each sit in an element of their own (a card).
MIN_OWN_PARENT_SHARE = 0.8


def like_cards(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """`keep` with every card of a list kept when the page typed as an article is that
    list: prose runs each in an element of its own (a card's title, its summary), marked
    up like the runs the model mostly keeps, when such runs hold most of the kept prose.
    A recipe category or a course list that declares itself an article lost its last
    cards as the model's scores fell; an article's own paragraphs share one parent, and
    the teaser cards below it hold little of what the model keeps. Each card's facts
    (`_card_facts`: a job's company and salary) come with it, but not the dated line
    under each teaser of an archive (`_dated`): on a listing an event's date is a fact,
    on a page of posts typed as an article it is the post's date and byline."""
    cards = [group for group in _like_groups(blocks, keep) if _apart(blocks, group)]
    kept_prose = sum(len(blocks[index].text) for index in _kept_prose(blocks, keep))
    in_cards = sum(len(blocks[index].text) for group in cards for index in group if keep[index])
    if not cards or in_cards < CARDS_KEPT_SHARE * kept_prose:
        return keep
    facts = _card_facts(blocks, _candidate_groups(blocks, items=True), cards, cards)
    chosen = cards + [group for group in facts if not _dated(blocks, group)]
    result = list(keep)
    for group in chosen:
        for index in group:
            result[index] = True
    return result


def _dated(blocks: list[Block], group: list[int]) -> bool:
    """Whether most runs of a group hold a `<time>`: a post's date and byline line under
    each teaser of an archive or a section page, not a fact of the card."""
    dated = sum(blocks[index].node.css_first("time") is not None for index in group)
    return dated * 2 > len(group)


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
    share: float = LIKE_KEPT_SHARE,
) -> list[list[int]]:
    """The runs of each markup (`markup_of`) that MIN_LIKE_RUNS runs share and whose runs
    the model keeps `share` of, by index: prose runs, and with `items` (a
    listing's or a collection's page) also the short runs of a card, its title and facts,
    when they say different things (a card's "Shop now" button says the same on each),
    and the card facts that come with titles so kept (`_card_facts`). On such a page a
    group whose runs are microdata item names (`_named_items`) is kept whatever the model
    scores: a shop's card titles are links, which it scores low on a page of few cards."""
    candidates = _candidate_groups(blocks, items=items)
    kept = [
        indexes
        for indexes in candidates
        if sum(keep[index] for index in indexes) >= share * len(indexes)
        or (items and _named_items(blocks, indexes))
    ]
    if not items:
        return kept
    titles = [
        group for group in kept if sum(blocks[index].prose for index in group) * 2 < len(group)
    ]
    return kept + _card_facts(blocks, candidates, kept, titles)


def _candidate_groups(blocks: list[Block], *, items: bool) -> list[list[int]]:
    """The runs of each markup that MIN_LIKE_RUNS runs share, by index: prose runs, and
    with `items` also short runs when they mostly say different things."""
    members: dict[tuple[str, str, str, str], list[int]] = {}
    for index, block in enumerate(blocks):
        if block.prose or items:
            members.setdefault(markup_of(block), []).append(index)
    return [
        indexes
        for indexes in members.values()
        if len(indexes) >= MIN_LIKE_RUNS
        and (all(blocks[index].prose for index in indexes) or _distinct(blocks, indexes))
    ]


def _card_facts(
    blocks: list[Block],
    candidates: list[list[int]],
    kept: list[list[int]],
    openers: list[list[int]],
) -> list[list[int]]:
    """The groups of `candidates` (not `kept`) that come one to a card of a group of
    `openers` (a listing's kept titles, mostly short runs: a forum's posts are prose; or
    the cards of a list `like_cards` found): a product's price, an offer's delivery date,
    an event's time beside its title. The model scores a price like the filter values a
    shop page is full of and keeps none, so no share of the prices is kept to go by;
    coming once with each kept title is what makes them the cards' own. Most of a
    group's runs must hold a letter or a currency sign: bare counts and ratings ("4",
    "4.7 (412)") come one to a card too."""
    return [
        group
        for group in candidates
        if group not in kept
        and sum(_says_something(blocks[index].text) for index in group)
        >= MIN_DISTINCT_SHARE * len(group)
        and any(_one_per_item(group, starts) for starts in openers)
    ]


def _says_something(text: str) -> bool:
    """Whether a card's short run holds a letter or a currency sign: a name, a price or a
    fact, not a bare count or rating."""
    return any(char.isalpha() or unicodedata.category(char) == "Sc" for char in text)


def _one_per_item(indexes: list[int], items: list[int]) -> bool:
    """Whether the runs at `indexes` come one to each of the cards marked by the runs at
    `items`: at most one between two of them, before the first or after the last (within
    the longest gap between them), MIN_LIKE_RUNS of them at least. A card's title may
    come before its summary or after it."""
    if len(indexes) < MIN_LIKE_RUNS or len(indexes) > len(items) + 1:
        return False
    reach = max(after - before for before, after in pairwise(items)) if len(items) > 1 else 0
    gaps: set[int] = set()
    for index in indexes:
        gap = bisect_right(items, index)
        if (gap > 0 and items[gap - 1] == index) or gap in gaps:
            return False
        if (gap == 0 and items[0] - index > reach) or (
            gap == len(items) and index - items[-1] > reach
        ):
            return False
        gaps.add(gap)
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


def markup_of(block: Block) -> tuple[str, str, str, str]:
    """A run's element and its parent, by tag and class attribute, the class's digits
    and item state classes left out: templates number each item's class after its
    record (`comment_58820`, `post-1204`) and name its state and terms there
    (`_ITEM_STATE_CLASS`), and the items are still marked up alike."""
    node, parent = block.node, block.node.parent
    own = (node.tag or "", _class_shape(node))
    if parent is None:
        return (*own, "", "")
    return (*own, parent.tag or "", _class_shape(parent))


#: Deletes the ASCII digits of a string (`str.translate`).
_NO_DIGITS = str.maketrans("", "", "0123456789")


#: The classes WordPress and WooCommerce give a post or a product for its own state and
#: terms (`post_class()`): items marked up alike carry different ones (`first`, `sale`,
#: `outofstock`, `category-news`, `product_cat-teas`).
_ITEM_STATE_CLASS = re.compile(
    r"(?:first|last|instock|outofstock|onbackorder|sale|featured|sticky|has-post-thumbnail"
    r"|downloadable|virtual|purchasable|taxable|shipping-taxable"
    r"|(?:category|tag|product_cat|product_tag|format|pa_[a-z_]+)-\S+)"
)
#: What tells a class list `post_class()` wrote: it always names the post's type and
#: status (`type-product`, `status-publish`). Elsewhere `category-title` or `tag-list`
#: is a template's own class and stays.
_POST_CLASS_MARK = re.compile(r"(?:^|\s)(?:type|status)-\S")


def _class_shape(node: LexborNode) -> str:
    """An element's class attribute without its digits and its item state classes."""
    classes = node.attributes.get("class")
    return _shape_of(classes) if classes else ""


@lru_cache(maxsize=4096)
def _shape_of(classes: str) -> str:
    """A class attribute without its digits, and without its item state classes when
    `post_class()` wrote it (a page repeats a few class values over hundreds of items:
    each is worked out once)."""
    names = classes.translate(_NO_DIGITS).split()
    if not _POST_CLASS_MARK.search(classes):
        return " ".join(names)
    return " ".join(name for name in names if not _ITEM_STATE_CLASS.fullmatch(name))


#: Microdata types whose `name` is an item's title on a listing or collection page: a
#: product, an event, a job, a course, a recipe, a book, a place to stay or eat (not a
#: breadcrumb's `ListItem`, nor the site's `Organization`).
NAMED_ITEM_TYPES = frozenset(
    {
        "product",
        "productgroup",
        "individualproduct",
        "productmodel",
        "offer",
        "event",
        "jobposting",
        "course",
        "recipe",
        "book",
        "hotel",
        "lodgingbusiness",
        "place",
        "localbusiness",
        "restaurant",
        "movie",
        "vehicle",
        "car",
        "apartment",
        "house",
        "accommodation",
        "residence",
        "singlefamilyresidence",
        "realestatelisting",
    }
)
#: How far above a run its `itemprop="name"` element may be (a link inside the name's
#: element), and how far above that the item's `itemscope` element.
NAME_REACH = 2
SCOPE_REACH = 8


def _named_items(blocks: list[Block], indexes: list[int]) -> bool:
    """Whether most runs of a group are the `name` of a microdata item of a type a card
    is (NAMED_ITEM_TYPES): the titles of a shop's or a listing's cards, as its software
    marks them for search engines, however low the model scores links."""
    return sum(_item_name(blocks[index].node) for index in indexes) * 2 > len(indexes)


def _item_name(node: LexborNode) -> bool:
    """Whether `node` is, or lies just inside, the `name` of a card-like microdata item."""
    name = next(
        (n for n in within_reach(node, NAME_REACH) if n.attributes.get("itemprop") == "name"),
        None,
    )
    if name is None:
        return False
    for scope in islice(ancestors(name), SCOPE_REACH):
        if "itemscope" in scope.attributes:
            kind = (scope.attributes.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
            return kind.lower() in NAMED_ITEM_TYPES
    return False
