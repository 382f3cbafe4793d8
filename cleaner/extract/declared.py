"""What a page's structured data says its visible content holds: a recipe's ingredients and steps.

A recipe page is a story and a recipe card, in two containers: the prose finder
takes the story, whose paragraphs score, and leaves the card, whose lines are
short list items. Every recipe plugin and recipe site states the card in JSON-LD
(`Recipe`: `recipeIngredient`, `recipeInstructions` as text, `HowToStep`s or
`HowToSection`s of them), so the page itself says what its content must hold.
`declared_lines` reads those lines; `found_share` tells how many of them a text
holds, word for word up to a few words (quantities are written `0.5` in the data
and `½` on the page); `with_declared` adds the blocks that show them, and the
headings over them, to an article that lacks them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from cleaner.extract.article_text import ArticleText
from cleaner.extract.blocks import Block
from cleaner.metadata.page import Page, types_of
from cleaner.words import word_set

#: JSON-LD types whose lists of lines are the page's content.
RECIPE_TYPES = frozenset({"recipe", "howto"})
#: The keys of those lines.
LINE_KEYS = ("recipeIngredient", "recipeInstructions", "step")
#: A declared line is found in a text holding this share of its words.
WORD_SHARE = 0.6
#: At most this many lines are read (a recipe with hundreds is not a recipe card).
MAX_LINES = 200
#: A block shows a declared line when it holds at most this many times the line's
#: distinct words.
MAX_BLOCK_WORDS_RATIO = 2
#: Headings over a run of declared blocks ("Ingredients", "Directions") go with it.
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def declared_lines(page: Page) -> list[str]:
    """The ingredient and step lines the page's JSON-LD recipes (and how-tos) state."""
    lines: list[str] = []
    for obj in (*page.articles, *page.others):
        if RECIPE_TYPES.isdisjoint(types_of(obj)):
            continue
        for key in LINE_KEYS:
            lines.extend(_texts(obj.get(key), 0))
    return lines[:MAX_LINES]


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
    kept = {id(block) for block in article.kept}
    showing = _blocks_showing(blocks, lines)
    added = {index for index in showing if id(blocks[index]) not in kept}
    if not added:
        return article
    for index in sorted(added):
        if index > 0 and blocks[index - 1].node.tag in HEADINGS:
            added.add(index - 1)
    chosen = [block for index, block in enumerate(blocks) if id(block) in kept or index in added]
    paragraphs = [line for block in chosen for line in block.text.split("\n")]
    return ArticleText(paragraphs, list(article.dropped), chosen)


def _blocks_showing(blocks: Sequence[Block], lines: Sequence[str]) -> set[int]:
    """The index of the block that best shows each declared line, where one does.

    Each word points at the blocks that hold it, so a line is weighed against the
    blocks that share a word with it only: a long page's thousands of blocks are
    not walked once per line.
    """
    holders: dict[str, list[int]] = {}
    sizes: list[int] = []
    for index, block in enumerate(blocks):
        words = word_set(block.text)
        sizes.append(len(words))
        for word in words:
            holders.setdefault(word, []).append(index)
    found: set[int] = set()
    for line in lines:
        wanted = word_set(line)
        if not wanted:
            continue
        shared = Counter(index for word in wanted for index in holders.get(word, ()))
        candidates = [
            (count, -index)
            for index, count in shared.items()
            if count >= WORD_SHARE * len(wanted)
            and sizes[index] <= MAX_BLOCK_WORDS_RATIO * len(wanted)
        ]
        if candidates:
            found.add(-max(candidates)[1])
    return found
