"""Holes in the content: short runs the block model passed over between blocks it keeps.

The block classifier (`cleaner.extract.block_choice`) scores each block alone. A
record's facts, short label and value runs, score near the threshold of an article's
or a product's page, and some fall just under it, so the content it keeps has holes
where a place's opening hours or a hotel's house rules stood. `gaps_filled` closes
them, run by run, where the model nearly kept the whole run.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from cleaner.dom import ancestors
from cleaner.extract.blocks import TABLE_CELLS, Block
from cleaner.extract.like_parts import markup_of
from cleaner.words import word_count

#: A run of blocks the model passed over between two it keeps is kept when it scores at
#: least GAP_MEAN_PROBABILITY on average, no block of it below GAP_MIN_PROBABILITY...
GAP_MEAN_PROBABILITY = 0.5
GAP_MIN_PROBABILITY = 0.3
#: ...and it is at most this many blocks long (a table's cells counted as one block: a
#: table is one unit of content however many cells it has), less than half of its text
#: link text.
MAX_GAP_BLOCKS = 12
#: Runs marked up alike are filled only when each of their blocks has this many words.
SENTENCE_WORDS = 10
#: On a listing or collection, runs marked up alike between kept blocks are a card's
#: prices when at least this many share their markup and every block of them is a price
#: of at most FACT_WORDS words.
MIN_CARDS = 3
FACT_WORDS = 12
#: Currencies written as letters beside an amount (signs are told by their Unicode
#: category, `Sc`).
CURRENCY_CODE = re.compile(
    r"(?<![^\W\d_])(?:EUR|USD|GBP|CHF|PLN|CZK|SEK|NOK|DKK|HUF|RON|TRY|BRL|zł|Kč|kr|Ft|lei|TL"
    r"|руб|грн)(?![^\W\d_])"
)


def gaps_filled(blocks: list[Block], keep: list[bool], probabilities: list[float]) -> list[bool]:
    """`keep` with each short run of blocks that lies between two kept blocks, and that the
    model rates close to keeping as a whole, kept too.

    A record's facts between its description and its details (a place's opening hours
    and admission under a kept heading, a hotel's check-in times among its house rules,
    a product's facts above its specifications) are short label and value runs; the
    model scores each alone, near its threshold on an article's or a product's page, and
    leaves holes in the middle of the content. Chrome inside the content (a newsletter
    box, a related link, an ad label) scores far lower, or is mostly links. Runs marked
    up alike, block for block, are the same part of each of a list's cards (a hotel's
    price, fees and booking button, then the next one's name): those are items, which
    the type's own choice (`cleaner.extract.like_parts`) keeps or leaves, not a record's
    facts, and no one of them is filled, unless each block of the run is a sentence
    (`_sentences`): the description under each heading of a services grid, whose
    headings the model keeps.
    """
    filled = list(keep)
    runs = [
        (start, end, _shape(blocks, start, end))
        for start, end in _passed_over_runs(keep)
        if _units(blocks, start, end) <= MAX_GAP_BLOCKS
        and _near_kept(blocks, probabilities, start, end)
    ]
    shapes = Counter(shape for _, _, shape in runs)
    for start, end, shape in runs:
        if shapes[shape] == 1 or _sentences(blocks, start, end):
            filled[start:end] = [True] * (end - start)
    return filled


def card_prices_filled(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """`keep` with each card's prices kept, on a listing or a collection: the short runs
    marked up alike that stand between the kept names of its cards.

    The model keeps a card's name and scores its prices (the price, the old price, an
    instalment line) each alone, as short lines of digits under an article's threshold;
    so a shop category kept its product names without their prices. A run is a card's
    prices when MIN_CARDS runs between kept blocks share its markup, block for block,
    each block of it is a short price (FACT_WORDS), and it is mostly no link. Other
    short runs between a card's names were tried as facts too and lost on the tuning
    fold: they are a card's reading time, comment count, byline or "Compare" toggle.
    """
    filled = list(keep)
    runs = [
        (start, end, _shape(blocks, start, end))
        for start, end in _passed_over_runs(keep)
        if end - start <= MAX_GAP_BLOCKS and _prices(blocks, start, end)
    ]
    shapes = Counter(shape for _, _, shape in runs)
    for start, end, shape in runs:
        if shapes[shape] >= MIN_CARDS:
            filled[start:end] = [True] * (end - start)
    return filled


def _prices(blocks: list[Block], start: int, end: int) -> bool:
    """Whether the run `blocks[start:end]` is a card's prices: short blocks that each
    name an amount in a currency, less than half of them link text."""
    chars = sum(len(blocks[index].text) for index in range(start, end))
    links = sum(blocks[index].link_chars for index in range(start, end))
    return links * 2 < chars and all(
        word_count(blocks[index].text) <= FACT_WORDS and is_price(blocks[index].text)
        for index in range(start, end)
    )


def is_price(text: str) -> bool:
    """Whether `text` names an amount in a currency: a digit, and a currency sign or a
    currency written as letters ("R$ 299,90", "1 299 Kč", "EUR 12.50")."""
    if not any(char.isdigit() for char in text):
        return False
    return any(unicodedata.category(char) == "Sc" for char in text) or bool(
        CURRENCY_CODE.search(text)
    )


def _units(blocks: list[Block], start: int, end: int) -> int:
    """How many units of content the run `blocks[start:end]` holds: each block, but all the
    cells of one table as one (a results table's rows are one thing the run holds, not
    dozens of short runs of chrome)."""
    tables: set[int] = set()
    units = 0
    for index in range(start, end):
        table = _table_of(blocks[index])
        if table is None:
            units += 1
        elif table not in tables:
            tables.add(table)
            units += 1
    return units


def _table_of(block: Block) -> int | None:
    """The `mem_id` of the table whose cell the block is, or None."""
    if block.node.tag not in TABLE_CELLS:
        return None
    table = next((above for above in ancestors(block.node) if above.tag == "table"), None)
    return table.mem_id if table is not None else None


def _sentences(blocks: list[Block], start: int, end: int) -> bool:
    """Whether every block of the run `blocks[start:end]` holds SENTENCE_WORDS words: a
    card's description, not its price, its fees or its button."""
    return all(word_count(blocks[index].text) >= SENTENCE_WORDS for index in range(start, end))


def _near_kept(blocks: list[Block], probabilities: list[float], start: int, end: int) -> bool:
    """Whether the run `blocks[start:end]` scores close to keeping as a whole: on average
    GAP_MEAN_PROBABILITY, none under GAP_MIN_PROBABILITY, less than half of it links."""
    run = probabilities[start:end]
    chars = sum(len(blocks[index].text) for index in range(start, end))
    links = sum(blocks[index].link_chars for index in range(start, end))
    return (
        min(run) >= GAP_MIN_PROBABILITY
        and sum(run) / len(run) >= GAP_MEAN_PROBABILITY
        and links * 2 < chars
    )


def _shape(blocks: list[Block], start: int, end: int) -> tuple[tuple[str, str, str, str], ...]:
    """The markup of each block of the run `blocks[start:end]`, in order."""
    return tuple(markup_of(blocks[index]) for index in range(start, end))


def _passed_over_runs(keep: list[bool]) -> list[tuple[int, int]]:
    """The (start, end) slices of the runs of blocks `keep` leaves out that have a kept
    block on either side."""
    runs = []
    start = None
    for index, kept in enumerate(keep):
        if not kept and start is None:
            start = index
        elif kept and start is not None:
            if start > 0:
                runs.append((start, index))
            start = None
    return runs
