"""An HTML page's Markdown: its kept text blocks, as the text phase left them, laid out.

Consecutive cells of one data table become a pipe table, consecutive blocks of
one `<pre>` a fenced code block; every other unit is a paragraph or a heading,
inside the block quotes and list items it sits in. List items follow each other
line by line (a tight list); every other unit is one blank line from the last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from selectolax.lexbor import LexborNode

from cleaner.document import Removal
from cleaner.extract.blocks import Block
from cleaner.extract.code import as_fenced, code_fence, fenced_code
from cleaner.extract.rows import PARAGRAPH_BREAK, is_data_table, with_separators
from cleaner.markdown.escape import escape_heading
from cleaner.markdown.images import standalone_images
from cleaner.markdown.inline import InlineStyle, code_holders
from cleaner.markdown.structure import Container, Places, code_language
from cleaner.markdown.survival import line_spans, survivors
from cleaner.markdown.tables import cell_text, pipe_table
from cleaner.markdown.units import Unit, block_unit, plain_unit


def page_markdown(
    text: str, blocks: Sequence[Block], removals: Sequence[Removal], style: InlineStyle
) -> str:
    """The Markdown of a page whose extracted `text` (the text phase's input) was made of
    `blocks`' lines, one paragraph each, then maybe lines with no block (product details),
    given the text phase's `removals`."""
    layout = Layout()
    for chunk in _chunks(list(_units(text, blocks, removals, style))):
        layout.add(*chunk)
    return layout.markdown()


def _units(
    text: str, blocks: Sequence[Block], removals: Sequence[Removal], style: InlineStyle
) -> Iterator[Unit]:
    """The units of the text, in order: each block's (with the images standing before it,
    when asked for), then each line with no block's."""
    owned, rest = _block_spans(text, blocks)
    spans = [span for _, span in owned] + line_spans(text, rest)
    left = survivors(text, spans, removals)
    rich = style.links or style.images
    inline = code_holders(blocks[0].node) if owned and not rich else frozenset()
    places = Places()
    images = standalone_images(blocks, style) if owned and style.images else []
    position = 0
    for index, (_, lines) in enumerate(groupby(owned, key=lambda pair: id(pair[0]))):
        pairs = list(lines)
        block = pairs[0][0]
        plain = not rich and block.node.mem_id not in inline
        unit = block_unit(block, left[position : position + len(pairs)], style, places, plain=plain)
        position += len(pairs)
        if unit is None:
            continue
        while images and images[0][0] <= index:
            _, holder, markdown = images.pop(0)
            yield Unit(places.place_of(holder), [markdown])
        yield unit
    for survivor in left[position:]:
        unit = plain_unit(survivor)
        if unit is not None:
            yield unit


#: A line of a block and its span in the text.
_Owned = tuple[Block, tuple[int, int]]


def _block_spans(text: str, blocks: Sequence[Block]) -> tuple[list[_Owned], int]:
    """Each block line's span in `text` (a paragraph each, one blank line apart, but the
    cells of a row, one line, and a `<pre>`'s code lines, fenced: `cleaner.extract.rows`),
    and where the text after them starts; no spans when the text is not made so."""
    owned: list[_Owned] = []
    offset = end = 0
    for block, separator in with_separators(blocks):
        found = _code_spans(text, block, offset) if block.preformatted else None
        found = found or _line_spans(text, block, offset)
        if found is None:
            return [], 0
        spans, end = found
        owned.extend((block, span) for span in spans)
        offset = end + len(separator)
    return owned, end


#: A block's line spans in the text, and where the block ends there.
_Spans = tuple[list[tuple[int, int]], int]


def _line_spans(text: str, block: Block, offset: int) -> _Spans | None:
    """The spans of a block's lines, one paragraph each from `offset`, and the block's
    end; None when the text does not hold them there."""
    spans = []
    for line in block.text.split("\n"):
        if not line or not text.startswith(line, offset):
            return None
        spans.append((offset, offset + len(line)))
        offset += len(line) + len(PARAGRAPH_BREAK)
    return spans, spans[-1][1]


def _code_spans(text: str, block: Block, offset: int) -> _Spans | None:
    """The spans of a `<pre>` block's code lines with text, in its fenced code at
    `offset`, and the fenced block's end; None when it is not there."""
    fence, lines = fenced_code(block)
    fenced = as_fenced(fence, lines)
    if not lines or not text.startswith(fenced, offset):
        return None
    spans = []
    position = offset + len(fence) + 1
    for line in lines:
        if line.strip():
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans, offset + len(fenced)


def _chunks(units: list[Unit]) -> Iterator[tuple[Sequence[Container], list[str], bool]]:
    """The units as laid-out chunks: (containers, Markdown lines, whether the chunk is a
    paragraph that may hold several lines)."""
    index = 0
    while index < len(units):
        unit = units[index]
        place = unit.place
        if place.table is not None and is_data_table(place.table):
            run = _run(units, index, lambda u: u.place.table, place.table.mem_id)
            yield place.containers, pipe_table(place.table, _cell_texts(run)), False
        elif place.pre is not None:
            run = _run(units, index, lambda u: u.place.pre, place.pre.mem_id)
            code = [line for u in run for line in u.lines]
            fence = code_fence("\n".join(code))
            yield place.containers, [fence + code_language(place.pre), *code, fence], False
        elif place.heading:
            run = [unit]
            heading = "#" * place.heading + " " + escape_heading(" ".join(unit.lines))
            yield place.containers, [heading], False
        else:
            run = [unit]
            yield place.containers, unit.lines, True
        index += len(run)


def _cell_texts(units: list[Unit]) -> dict[int, str]:
    """Each cell's Markdown by the cell's `mem_id` (a cell may hold several blocks)."""
    lines: dict[int, list[str]] = {}
    for unit in units:
        if unit.place.cell is not None:
            lines.setdefault(unit.place.cell.mem_id, []).extend(unit.lines)
    return {key: cell_text(cell) for key, cell in lines.items()}


def _run(
    units: list[Unit], start: int, node_of: Callable[[Unit], LexborNode | None], key: int
) -> list[Unit]:
    """The units from `start` on whose `node_of` is the same node (`key` its `mem_id`)."""
    end = start
    while end < len(units):
        node = node_of(units[end])
        if node is None or node.mem_id != key:
            break
        end += 1
    return units[start:end]


@dataclass
class Layout:
    """The Markdown document being written: its lines, the list items whose marker it
    has written, and the containers of the last chunk."""

    lines: list[str] = field(default_factory=list)
    opened: set[int] = field(default_factory=set)
    last: Sequence[Container] | None = None

    def add(self, containers: Sequence[Container], lines: list[str], paragraph: bool) -> None:
        """Add one chunk, after the separator it needs."""
        if not lines:
            return
        if self.last is not None:
            self._separate(containers)
        first, rest = self._prefixes(containers)
        if paragraph:
            lines = [line + "\\" for line in lines[:-1]] + lines[-1:]
        for index, line in enumerate(lines):
            prefix = first if index == 0 else rest
            self.lines.append((prefix + line) if line else prefix.rstrip())
        self.last = containers

    def markdown(self) -> str:
        return "\n".join(self.lines).strip("\n")

    def _separate(self, containers: Sequence[Container]) -> None:
        """Nothing between list items (a tight list); else a blank line, inside the
        containers both chunks share."""
        last = self.last or ()
        if _continues_list(containers, last, self.opened):
            return
        shared = []
        for mine, theirs in zip(containers, last, strict=False):
            if mine.key != theirs.key:
                break
            shared.append(mine)
        self.lines.append(_continuation(shared).rstrip())

    def _prefixes(self, containers: Sequence[Container]) -> tuple[str, str]:
        """The prefix of a chunk's first line (a new item's marker) and of its others."""
        first = rest = ""
        for container in containers:
            if container.is_quote:
                first, rest = first + "> ", rest + "> "
            elif container.key in self.opened:
                indent = " " * len(container.marker)
                first, rest = first + indent, rest + indent
            else:
                self.opened.add(container.key)
                first, rest = first + container.marker, rest + " " * len(container.marker)
        return first, rest


def _continues_list(
    containers: Sequence[Container], last: Sequence[Container], opened: set[int]
) -> bool:
    """Whether a chunk opens a list item of a list the last chunk is in, or of a list
    nested in the last chunk's item: it follows on the next line (an item of another
    list needs a blank line, or it would continue the last item's paragraph; so does a
    nested ordered list that starts at another number than 1, which CommonMark does not
    let interrupt a paragraph: its first items were left out)."""
    if not containers or containers[-1].is_quote or containers[-1].key in opened:
        return False
    items = [container for container in last if not container.is_quote]
    if containers[-1].list_key in {item.list_key for item in items}:
        return True
    if containers[-1].marker[:1].isdigit() and containers[-1].marker != "1. ":
        return False
    mine = {container.key for container in containers}
    return any(item.key in mine for item in items)


def _continuation(containers: Sequence[Container]) -> str:
    return "".join("> " if c.is_quote else " " * len(c.marker) for c in containers)
