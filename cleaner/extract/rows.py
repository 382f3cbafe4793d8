"""The text of an HTML page's kept blocks: one paragraph a line, a data table's row one line,
a `<pre>`'s code a fenced block.

Each kept block's lines become paragraphs of the text the text phase reads. The
cells of a data table are blocks too, and a row read one cell a line loses what
holds it together: the text rules then see a date cell ("March 3, 2025") as a
lone dateline, and a reader of the plain text no longer sees which value goes
with which. So consecutive one-line cells of one row are joined into one line,
apart by CELL_SEPARATOR. A layout table (one that holds another table) is not
data, and its cells stay paragraphs. `cleaner.markdown` lays the same blocks
out from these separators.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from selectolax.lexbor import LexborNode

from cleaner.dom import ancestors
from cleaner.extract.blocks import TABLE_CELLS, Block
from cleaner.extract.code import fenced_text

#: Between two cells of one row.
CELL_SEPARATOR = " | "
#: Between two paragraphs.
PARAGRAPH_BREAK = "\n\n"


def with_separators(blocks: Sequence[Block]) -> Iterator[tuple[Block, str]]:
    """Each of `blocks` with what follows it in the text: CELL_SEPARATOR between two
    one-line cells of one data table's row, PARAGRAPH_BREAK between other blocks, ''
    after the last."""
    tags = [block.node.tag for block in blocks]
    if "td" not in tags and "th" not in tags:  # most pages: no cell, no row to join
        yield from ((block, PARAGRAPH_BREAK) for block in blocks[:-1])
    else:
        rows = _DataRows()
        for index, (block, after) in enumerate(pairwise(blocks)):
            cells = tags[index] in TABLE_CELLS and tags[index + 1] in TABLE_CELLS
            joined = cells and rows.same_row(block, after)
            yield block, CELL_SEPARATOR if joined else PARAGRAPH_BREAK
    if blocks:
        yield blocks[-1], ""


def blocks_text(blocks: Sequence[Block]) -> str:
    """The text of `blocks`: each block's lines paragraphs, a row's cells one line, a
    `<pre>`'s code a fenced block of its own lines (`cleaner.extract.code`)."""
    parts: list[str] = []
    for block, separator in with_separators(blocks):
        if block.preformatted:
            parts.append(fenced_text(block))
        else:
            parts.append(PARAGRAPH_BREAK.join(block.text.split("\n")))
        parts.append(separator)
    return "".join(parts)


class _DataRows:
    """Which rows belong to a data table, each table looked at once (a table of thousands
    of rows is not searched again for each)."""

    def __init__(self) -> None:
        self._data: dict[int, bool] = {}

    def same_row(self, cell: Block, after: Block) -> bool:
        """Whether two cells are one-line cells of one row of a data table."""
        row, next_row = cell.node.parent, after.node.parent
        if row is None or next_row is None or row.mem_id != next_row.mem_id:
            return False
        if "\n" in cell.text or "\n" in after.text:
            return False
        table = next((above for above in ancestors(row) if above.tag == "table"), None)
        if table is None:
            return False
        known = self._data.get(table.mem_id)
        if known is None:
            known = self._data[table.mem_id] = is_data_table(table)
        return known


def is_data_table(table: LexborNode) -> bool:
    """Whether a table holds data rather than a page's layout: it holds no table inside
    (a table of tables lays a page out; its cells are not data)."""
    return len(table.css("table")) == 1
