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

from functools import cache
from pathlib import Path
from typing import NamedTuple

from cleaner.extract.article_text import EDGE_RUN_CHARS, ArticleText, record_run
from cleaner.extract.block_features import COLUMNS
from cleaner.extract.blocks import (
    PREFORMATTED_TAGS,
    SUBHEADING_TAGS,
    TABLE_CELLS,
    Block,
    group_of,
    h1_above,
    label_value_pairs,
)
from cleaner.extract.closing_section import CLOSING_SECTION_TYPES, closing_section_end
from cleaner.extract.gaps import card_prices_filled, gaps_filled
from cleaner.extract.lead import lead_blocks
from cleaner.extract.like_parts import (
    ITEM_TYPES,
    LIKE_PARTS_TYPES,
    like_cards,
    like_entries,
    like_kept,
)
from cleaner.extract.page_blocks import PageBlocks
from cleaner.extract.product_description import description_blocks
from cleaner.extract.record_facts import record_facts, sells_here
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
    kept as its first paragraph (`cleaner.extract.lead`), and on an article page or a
    product page that sells nothing itself, the label and value facts there
    (`cleaner.extract.record_facts`). On a product page, the
    attribute table the shop software names is kept whole (`cleaner.extract.specs`).
    """
    result = ArticleText()
    if not view.blocks:
        return result
    model = block_model()
    threshold = model.threshold_for(page_type)
    probabilities = model.probabilities(view.features)
    keep = [probability >= threshold for probability in probabilities]
    keep, groups = _groups_whole(view.blocks, keep)
    if page_type in LIKE_PARTS_TYPES:
        keep = like_kept(view.blocks, keep, page_type)
    elif page_type == "article":
        keep = like_cards(view.blocks, like_entries(view.blocks, keep))
    keep = gaps_filled(view.blocks, keep, probabilities)
    if page_type in ITEM_TYPES:
        keep = card_prices_filled(view.blocks, keep)
    chosen = [index for index, kept in enumerate(keep) if kept]
    if not chosen:
        return result
    if page_type in ITEM_TYPES:
        first, last = chosen[0], chosen[-1]
    else:
        first, last = _spanning_groups(_trimmed(view, chosen, forum=page_type == "forum"), groups)
        if page_type in CLOSING_SECTION_TYPES:
            end = closing_section_end(view.blocks, last, probabilities)
            keep[last + 1 : end + 1] = [True] * (end - last)
            last = end
    body = next((i for i in chosen if i >= first and view.blocks[i].node.tag != "h1"), first)
    if lead:
        for index in lead_blocks(view.blocks, body):
            keep[index] = True
            first = min(first, index)
    for index in _record_facts(view, body, page_type):
        keep[index] = True
        first = min(first, index)
    keep = [
        first <= index <= last and (kept or _is_code(view.blocks[index]))
        for index, kept in enumerate(keep)
    ]
    if page_type == "product":
        for index in [*spec_blocks(view.blocks), *description_blocks(view.blocks, keep)]:
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


def _record_facts(view: PageBlocks, body: int, page_type: str | None) -> list[int]:
    """The label and value facts above block `body` an article page keeps, or a product
    page that sells nothing itself (asked only when there are facts: whether the page
    sells is a look over the whole tree)."""
    if page_type not in ("article", "product"):
        return []
    facts = record_facts(view.blocks, body)
    if facts and page_type == "product" and sells_here(view.blocks):
        return []
    return facts


#: A list, table or definition list whose items the model mostly keeps is kept whole: at
#: least this share of its items.
GROUP_KEPT_SHARE = 0.5


def _groups_whole(blocks: list[Block], keep: list[bool]) -> tuple[list[bool], list[Group]]:
    """`keep` with every item of a list, table or definition list kept when the model
    keeps GROUP_KEPT_SHARE of its items and two at least: such a group is one piece of
    content, and an item the model passed over (the last of a benefits list, a table's
    bottom rows) is still part of it. Tables between kept blocks are kept too
    (`_enclosed_tables`). Also each such group's span of blocks."""
    items: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        group = group_of(block)
        if group is not None:
            items.setdefault(group, []).append(index)
    whole = list(keep)
    spans = []
    passed_over = []
    for indexes in items.values():
        kept = sum(keep[index] for index in indexes)
        if kept >= 2 and kept >= GROUP_KEPT_SHARE * len(indexes):
            for index in indexes:
                whole[index] = True
            spans.append(Group(indexes[0], indexes[-1], blocks[indexes[0]].node.tag in _CELLS))
        else:
            passed_over.append(indexes)
    for span in _enclosed_tables(blocks, passed_over, keep):
        # Each table of the run fills its span, so the run is its cells and nothing else.
        for index in range(span.start, span.end + 1):
            whole[index] = True
        spans.append(span)
    return whole, spans


def _enclosed_tables(
    blocks: list[Block], passed_over: list[list[int]], keep: list[bool]
) -> list[Group]:
    """The runs of tables the model passed over that lie right between two kept blocks: a
    record's details under its headline and above its summary (a catalogue record, a
    museum object, a shop's specifications in a `<dl>`), however many tables the
    template splits them into. The headline counts as kept above them, across a share
    bar (`_kept_before`), and a subheading may open the kept text below (`_kept_after`):
    a bill's file data sits between its `<h1>` and the "Summary" over its text. Each
    table must fill its span of blocks, two cells at least; a definition list must pair
    each term with one description (`label_value_pairs`). The model scores each cell
    alone, a short run, and passes them all over; a table between kept blocks is the
    content's."""
    tables = sorted(
        (indexes[0], indexes[-1])
        for indexes in passed_over
        if len(indexes) >= 2
        and indexes[-1] - indexes[0] + 1 == len(indexes)
        and (blocks[indexes[0]].node.tag in TABLE_CELLS or label_value_pairs(blocks, indexes))
    )
    runs: list[tuple[int, int]] = []
    for first, last in tables:
        if runs and runs[-1][1] + 1 == first:
            runs[-1] = (runs[-1][0], last)
        else:
            runs.append((first, last))
    return [
        Group(first, last, True)
        for first, last in runs
        if _kept_before(blocks, keep, first) and _kept_after(blocks, keep, last)
    ]


#: A block between the headline and a table below it is passed (a share bar, a print
#: link) when it is no prose and shorter than this.
MAX_PASSED_CHARS = 40


def _kept_before(blocks: list[Block], keep: list[bool], first: int) -> bool:
    """Whether the block above `blocks[first]` is kept or is an `<h1>`, one short block
    that is no prose (MAX_PASSED_CHARS) passed over."""
    index = first - 1
    if index > 0 and not keep[index] and _passable(blocks[index]):
        index -= 1
    return index >= 0 and (keep[index] or blocks[index].node.tag == "h1")


def _passable(block: Block) -> bool:
    """Whether a block may stand between a headline and the table below it: no prose, and
    shorter than MAX_PASSED_CHARS (a share bar, a print link)."""
    return not block.prose and len(block.text) < MAX_PASSED_CHARS


def _kept_after(blocks: list[Block], keep: list[bool], last: int) -> bool:
    """Whether the block below `blocks[last]` is kept, one subheading passed over."""
    index = last + 1
    if index + 1 < len(keep) and not keep[index] and blocks[index].node.tag in SUBHEADING_TAGS:
        index += 1
    return index < len(keep) and keep[index]


class Group(NamedTuple):
    """The first and last block of a list, table or definition list kept whole, and
    whether its items are cells (a table's or a definition list's)."""

    start: int
    end: int
    cells: bool


_CELLS = TABLE_CELLS | {"dt", "dd"}


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


#: How far above the content the page's headline may stand and still be recorded as it.
HEADLINE_REACH = 5


def _headline_above(view: PageBlocks, first: int) -> int:
    """The index of the `<h1>` just above the content (-1 when there is none): the page's
    headline, recorded as such (it is the title, not the body)."""
    return h1_above(view.blocks, first, HEADLINE_REACH)


def _trimmed(view: PageBlocks, chosen: list[int], *, forum: bool = False) -> tuple[int, int]:
    """The first and last chosen block, once short runs at either end are left out: kept
    blocks before the first and after the last prose run are kickers, bylines, dates
    and labels unless they are long or a subheading above the prose (as the finder
    trims its article). On a `forum` a post's opening greeting and a thread's closing
    thanks ("Hallo zusammen,", "Thanks everyone!") are short paragraphs that end like a
    sentence, which kickers and labels do not: those stay."""
    prose = [index for index in chosen if view.blocks[index].prose]
    if not prose:
        return chosen[0], chosen[-1]
    edges = [
        index
        for index in chosen
        if prose[0] <= index <= prose[-1]
        or len(view.blocks[index].text) >= EDGE_RUN_CHARS
        or (index < prose[0] and view.blocks[index].node.tag in SUBHEADING_TAGS)
        or (forum and _greeting(view.blocks[index]))
    ]
    return edges[0], edges[-1]


#: How a post's greeting or thanks ends: a comma before the post, a sentence's end after.
GREETING_ENDS = (",", "!", ".", "…", "！", "。", "،")


def _greeting(block: Block) -> bool:
    """Whether a short block is a paragraph that ends like a greeting or a sentence."""
    return block.node.tag == "p" and block.text.rstrip().endswith(GREETING_ENDS)
