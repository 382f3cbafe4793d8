"""A page's data table as a GitHub pipe table: the kept cells' text, header row first.

Spanning cells are flattened: a cell spanning several columns or rows gives
its text to the first and leaves the others empty, so no word is repeated. The
first row with kept text is the header, whether the page marked it as one or not
(a pipe table cannot be without). Rows with no kept text are left out.
"""

from __future__ import annotations

from collections.abc import Mapping

from selectolax.lexbor import LexborNode

#: A span larger than this is the page's mistake, not a layout.
MAX_SPAN = 64


def pipe_table(table: LexborNode, texts: Mapping[int, str]) -> list[str]:
    """The Markdown lines of `table`, given each kept cell's Markdown by `mem_id`
    (already escaped for a cell); [] when no cell is kept."""
    rows = [row for row in _grid(table, texts) if any(row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    header, *body = padded
    lines = [_row_line(header), _row_line(["---"] * width)]
    lines.extend(_row_line(row) for row in body)
    return lines


def _row_line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _grid(table: LexborNode, texts: Mapping[int, str]) -> list[list[str]]:
    """The table's rows as lists of cell texts, spans flattened into empty cells."""
    grid: list[list[str]] = []
    spanned: dict[int, int] = {}  # column → rows a cell above still covers
    for row in table.css("tr"):
        cells: list[str] = []
        for cell in row.iter():
            if cell.tag not in ("td", "th"):
                continue
            _fill_spanned(cells, spanned, stop_at_free=True)
            text = texts.get(cell.mem_id, "")
            rows, columns = _span(cell, "rowspan"), _span(cell, "colspan")
            for offset in range(columns):
                if rows > 1:
                    spanned[len(cells)] = rows - 1
                cells.append(text if offset == 0 else "")
        _fill_spanned(cells, spanned, stop_at_free=False)
        grid.append(cells)
    return grid


def _fill_spanned(cells: list[str], spanned: dict[int, int], *, stop_at_free: bool) -> None:
    """Add the empty cells that spans from rows above cover at the row's end: up to the
    next free column (`stop_at_free`), or every one still covered."""
    last = max((column for column, left in spanned.items() if left > 0), default=-1)
    while len(cells) <= last:
        column = len(cells)
        if spanned.get(column, 0) <= 0:
            if stop_at_free:
                return
            cells.append("")
            continue
        spanned[column] -= 1
        cells.append("")


def _span(cell: LexborNode, name: str) -> int:
    value = (cell.attributes.get(name) or "1").strip()
    return min(MAX_SPAN, max(1, int(value))) if value.isdigit() else 1


def cell_text(lines: list[str]) -> str:
    """A cell's Markdown lines as one cell's content, its `|` escaped (GitHub's tables
    read `\\|` as a pipe, in code spans too)."""
    return " ".join(lines).replace("|", "\\|")
