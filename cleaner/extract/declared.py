"""What a page's structured data says its visible content holds: a recipe's ingredients and
steps, an FAQ's questions and answers.

A recipe page is a story and a recipe card, in two containers: the prose finder
takes the story, whose paragraphs score, and leaves the card, whose lines are
short list items. Every recipe plugin and recipe site states the card in JSON-LD
(`Recipe`: `recipeIngredient`, `recipeInstructions` as text, `HowToStep`s or
`HowToSection`s of them), so the page itself says what its content must hold.
`declared_lines` reads those lines; `found_share` tells how many of them a text
holds, word for word up to a few words (quantities are written `0.5` in the data
and `½` on the page); `with_declared` adds the blocks that show them, and the
headings over them, to an article that lacks them.

An FAQ is the same case: a service page's or an article's questions and answers
come last, in an accordion whose toggles and panels the model scores lower and
lower towards the page's end, and the page states each of them in JSON-LD
(`FAQPage`: a `mainEntity` of `Question`s, each with its `name` and the `text` of its
`acceptedAnswer`, which may hold HTML).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from cleaner.extract.article_text import ArticleText, with_blocks
from cleaner.extract.blocks import TABLE_CELLS, Block
from cleaner.extract.embedded import paragraphs_of
from cleaner.metadata.page import Page, types_of
from cleaner.words import word_set

#: JSON-LD types whose lists of lines are the page's content.
RECIPE_TYPES = frozenset({"recipe", "howto"})
#: The keys of those lines.
LINE_KEYS = ("recipeIngredient", "recipeInstructions", "step")
#: The JSON-LD type of a page of questions and answers.
FAQ_TYPE = "faqpage"
#: A declared line is found in a text holding this share of its words.
WORD_SHARE = 0.6
#: At most this many lines are read (a recipe with hundreds is not a recipe card).
MAX_LINES = 200
#: A block shows a declared line when it holds at most this many times the line's
#: distinct words.
MAX_BLOCK_WORDS_RATIO = 2


def declared_lines(page: Page) -> list[str]:
    """The ingredient and step lines the page's JSON-LD recipes (and how-tos) state, and
    the questions and answers of its FAQs."""
    lines: list[str] = []
    for obj in (*page.articles, *page.others):
        types = types_of(obj)
        if not RECIPE_TYPES.isdisjoint(types):
            for key in LINE_KEYS:
                lines.extend(_texts(obj.get(key), 0))
        if FAQ_TYPE in types:
            lines.extend(_questions_and_answers(obj.get("mainEntity")))
    return lines[:MAX_LINES]


def _questions_and_answers(entities: Any) -> Iterator[str]:
    """Each question's `name` and its accepted answer's text, of an FAQ's `mainEntity` (one
    question or a list of them), as one line of plain text: FAQ plugins write the answer's
    HTML into the data, read as `embedded.paragraphs_of` reads a JSON-LD body."""
    for question in entities if isinstance(entities, list) else [entities]:
        if not isinstance(question, dict):
            continue
        answer = question.get("acceptedAnswer")
        if isinstance(answer, list):
            answer = answer[0] if answer else None
        texts = (question.get("name"), answer.get("text") if isinstance(answer, dict) else None)
        for text in texts:
            if isinstance(text, str) and (plain := " ".join(paragraphs_of(text).split())):
                yield plain


def _texts(value: Any, depth: int) -> Iterator[str]:
    """The strings of a JSON-LD value: itself, a list's items, a step's `text` (or
    `name`), a section's `itemListElement`."""
    if depth > 4:
        return
    if isinstance(value, str):
        if value.strip():
            yield value.strip()
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, depth + 1)
    elif isinstance(value, dict):
        if "itemListElement" in value:
            yield from _texts(value["itemListElement"], depth + 1)
        else:
            yield from _texts(value.get("text") or value.get("name"), depth + 1)


def found_share(lines: Sequence[str], text: str) -> float:
    """The share of `lines` that `text` holds (WORD_SHARE of a line's distinct words at
    least)."""
    if not lines:
        return 1.0
    present = word_set(text)
    found = 0
    for line in lines:
        own = word_set(line)
        found += bool(own) and len(own & present) >= WORD_SHARE * len(own)
    return found / len(lines)


def with_declared(
    blocks: Sequence[Block], article: ArticleText, lines: Sequence[str]
) -> ArticleText:
    """`article` with the blocks of the page that show the declared `lines` (each line's
    best block, holding WORD_SHARE of its words and not much more) and the heading just
    above each run of them, in page order; `article` itself when it lacks none."""
    return with_blocks(blocks, article, _blocks_showing(blocks, lines))


def _blocks_showing(blocks: Sequence[Block], lines: Sequence[str]) -> set[int]:
    """The indexes of the blocks that best show each declared line, where some do.

    A line is shown by one block, or by the cells of one table row (a recipe site's
    ingredient table: "500 g" | "Kürbis (Hokkaido)" for "500 g Kürbis (Hokkaido)").
    Each word points at the units (blocks, rows) that hold it, so a line is weighed
    against the units that share a word with it only: a long page's thousands of
    blocks are not walked once per line.
    """
    units = _units(blocks)
    holders: dict[str, list[int]] = {}
    sizes: list[int] = []
    for number, unit in enumerate(units):
        words = set().union(*(word_set(blocks[index].text) for index in unit))
        sizes.append(len(words))
        for word in words:
            holders.setdefault(word, []).append(number)
    found: set[int] = set()
    for line in lines:
        wanted = word_set(line)
        if not wanted:
            continue
        shared = Counter(number for word in wanted for number in holders.get(word, ()))
        candidates = [
            (count, -number)
            for number, count in shared.items()
            if count >= WORD_SHARE * len(wanted)
            and sizes[number] <= MAX_BLOCK_WORDS_RATIO * len(wanted)
        ]
        if candidates:
            found.update(units[-max(candidates)[1]])
    return found


def _units(blocks: Sequence[Block]) -> list[list[int]]:
    """The blocks' indexes in page order, the cells of one table row together."""
    units: list[list[int]] = []
    last_row: int | None = None
    for index, block in enumerate(blocks):
        row = _row_of(block)
        if row is not None and row == last_row:
            units[-1].append(index)
        else:
            units.append([index])
        last_row = row
    return units


def _row_of(block: Block) -> int | None:
    """The `mem_id` of the table row a cell block sits in (None for other blocks)."""
    parent = block.node.parent
    if block.node.tag not in TABLE_CELLS or parent is None or parent.tag != "tr":
        return None
    return int(parent.mem_id)
