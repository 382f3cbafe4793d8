"""The data tables of an `<article>` element beside the prose the finder took from it.

A match report's lineups and statistics, a museum object's technical details, a
record's fields: the page's `<article>` element holds them in sections of their own
next to the text, and the prose finder, which scores runs of paragraphs, takes the
text alone. Tables of that same element are the article's too; related-story
boxes and league tables stand outside it, in the page's sidebars.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.dom import ancestors
from cleaner.extract.article_text import ArticleText, with_blocks
from cleaner.extract.blocks import (
    MAX_PROSE_LINK_DENSITY,
    TABLE_CELLS,
    Block,
    group_of,
    label_value_pairs,
)

#: A table needs this many rows to hold data (a one-row table is layout).
MIN_ROWS = 2


def with_article_tables(blocks: Sequence[Block], article: ArticleText) -> ArticleText:
    """`article` with the data tables of the `<article>` element that holds all its
    blocks, each with the headings just above it, in page order; `article` itself when
    no such element holds it or it has no table the text lacks."""
    holder = _article_element(article.kept)
    if holder is None:
        return article
    tables: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        if block.node.tag in _DATA_CELLS and holder in block.chain:
            table = group_of(block)
            if table is not None:
                tables.setdefault(table, []).append(index)
    added = {index for cells in tables.values() if _holds_data(blocks, cells) for index in cells}
    return with_blocks(blocks, article, added)


#: The cells of a data table, and the terms and descriptions of a definition list.
_DATA_CELLS = TABLE_CELLS | {"dt", "dd"}


def _article_element(kept: Sequence[Block]) -> int | None:
    """The `mem_id` of the nearest `<article>` element above the first kept block, when it
    holds every kept block."""
    if not kept:
        return None
    first = next((node for node in ancestors(kept[0].node) if node.tag == "article"), None)
    if first is None:
        return None
    holder = first.mem_id
    return holder if all(holder in block.chain for block in kept) else None


def _holds_data(blocks: Sequence[Block], cells: list[int]) -> bool:
    """Whether a table's cells come in MIN_ROWS rows or more (a definition list's in
    MIN_ROWS pairs of one label and one value, `label_value_pairs`) and are mostly not
    links (a table of related links is a link list)."""
    if blocks[cells[0]].node.tag in TABLE_CELLS:
        rows = len({parent.mem_id for index in cells if (parent := blocks[index].node.parent)})
    else:
        rows = len(cells) // 2 if label_value_pairs(blocks, cells) else 0
    text = sum(len(blocks[index].text) for index in cells)
    links = sum(blocks[index].link_chars for index in cells)
    return rows >= MIN_ROWS and links < MAX_PROSE_LINK_DENSITY * max(1, text)
