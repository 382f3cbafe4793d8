"""The text of an HTML page's kept blocks: one paragraph a line, a data table's row one line.

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

from collections.abc import Sequence
from itertools import pairwise

from selectolax.lexbor import LexborNode

from cleaner.extract.blocks import Block

#: Between two cells of one row.
CELL_SEPARATOR = " | "
#: Between two paragraphs.
PARAGRAPH_BREAK = "\n\n"
_CELLS = frozenset({"td", "th"})


def separators(blocks: Sequence[Block]) -> list[str]:
    """What follows each of `blocks` but the last in the text: CELL_SEPARATOR between two
    one-line cells of one data table's row, else PARAGRAPH_BREAK."""
    tables = _DataRows()
    return [
        CELL_SEPARATOR if tables.same_row(block, after) else PARAGRAPH_BREAK
        for block, after in pairwise(blocks)
    ]


def blocks_text(blocks: Sequence[Block]) -> str:
    """The text of `blocks`: each block's lines paragraphs, a row's cells one line."""
    parts: list[str] = []
    for block, separator in zip(blocks, [*separators(blocks), ""], strict=False):
        parts.append(PARAGRAPH_BREAK.join(block.text.split("\n")))
        parts.append(separator)
    return "".join(parts)


class _DataRows:
    """Which rows belong to a data table, each table looked at once (a table of thousands
    of rows is not searched again for each)."""

    def __init__(self) -> None:
        self._data: dict[int, bool] = {}

    def same_row(self, block: Block, after: Block) -> bool:
        """Whether two blocks are one-line cells of one row of a data table."""
        cell, next_cell = block.node, after.node
        if cell.tag not in _CELLS or next_cell.tag not in _CELLS:
            return False
        row = cell.parent
        if row is None or next_cell.parent is None or row.mem_id != next_cell.parent.mem_id:
            return False
        if "\n" in block.text or "\n" in after.text:
            return False
        table = _table_of(row)
        if table is None:
            return False
        known = self._data.get(table.mem_id)
        if known is None:
            known = self._data[table.mem_id] = is_data_table(table)
        return known


def _table_of(row: LexborNode) -> LexborNode | None:
    table = row.parent
    while table is not None and table.tag != "table":
        table = table.parent
    return table


def is_data_table(table: LexborNode) -> bool:
    """Whether a table holds data rather than a page's layout: it holds no table inside
    (a table of tables lays a page out; its cells are not data)."""
    return len(table.css("table")) == 1
