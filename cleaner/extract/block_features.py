"""Features of a page's text blocks, for the learned block classifier.

Each block (a run of text in its block element, see `cleaner.extract.blocks`)
becomes one row of numbers that say what a reader sees of it and where it sits:
its own text (length, link share, punctuation), its place on the page, its
neighbours, the elements around it (landmark tags and the words in their class
and id attributes) and what the prose-based finder in
`cleaner.extract.main_content` made of it. The same code builds the rows for
training (bench/train_blocks.py) and at run time, so the two cannot drift.

Everything is computed in one pass over the blocks with per-element caches:
an element's tag and attribute bits are worked out once however many blocks
lie beneath it, and an ancestor's text totals come from the blocks themselves
(and their chains of ancestors) rather than from a second walk of the tree.
The rows are float32, as the model was trained on; the many 0/1 columns of a
block's ancestors are spelt out once per distinct set of them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain as concatenated

from selectolax.lexbor import LexborNode

from cleaner import _core
from cleaner.extract.blocks import HEADING_TAGS, Block
from cleaner.trees import Rows, float32_bytes
from cleaner.words import (
    comma_count,
    ends_like_a_sentence,
    latin_equivalent_chars,
    starts_like_a_sentence,
    stop_count,
    word_count,
)

#: Block elements, by index (anything else: len(HOLDER_TAGS)).
HOLDER_TAGS = (
    *("p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt"),
    *("blockquote", "pre", "figcaption", "label", "section", "article", "header"),
    *("footer", "nav", "aside", "form", "main", "body", "table", "ul", "ol", "caption"),
    *("summary", "address", "legend", "option"),
)
#: Tags whose presence among a block's ancestors is a feature.
ANCESTOR_TAGS = (
    *("nav", "header", "footer", "aside", "form", "li", "table", "article", "main"),
    *("section", "figure", "blockquote", "pre", "dl", "details", "menu", "h1", "h2", "h3"),
)
#: Words looked for in the class, id and role attributes of a block's ancestors.
NAME_TOKENS = (
    *("nav", "menu", "foot", "head", "side", "comment", "share", "social", "related"),
    *("widget", "breadcrumb", "cookie", "banner", "advert", "promo", "sponsor", "content"),
    *("article", "post", "entry", "body", "main", "text", "product", "desc", "review"),
    *("card", "item", "list", "price", "title", "author", "date", "meta", "tag", "search"),
    *("login", "modal", "popup", "newsletter", "subscri", "hidden", "copyright", "legal"),
    *("skip", "toc", "reply", "message", "thread", "forum", "answer", "question", "spec"),
    *("detail", "tab", "feature", "hero", "intro", "summary", "lead", "caption", "gallery"),
    *("teaser", "more", "recommend", "popular", "trending", "rating", "cart", "filter"),
    *("sort", "pagination", "pager", "doc", "markdown", "prose", "rich", "user", "profile"),
    *("avatar", "signature", "quote", "code", "highlight", "note", "alert", "account"),
)
#: Finds NAME_TOKENS as the alternation of them, longest first, would (bit i: token i).
_NAME_MASK = _core.TokenMask(list(NAME_TOKENS))
_ANCESTOR_BIT = {tag: 1 << index for index, tag in enumerate(ANCESTOR_TAGS)}
_HOLDER_INDEX = {tag: index for index, tag in enumerate(HOLDER_TAGS)}
#: Words of site chrome in many sites' English (the list the dump line model reads too);
#: other languages' chrome is left to the structure features.
_CHROME_WORDS = tuple(_core.chrome_words())
_DIGIT = re.compile(r"\d")
#: Capital letters of the Latin, Greek and Cyrillic alphabets (counted at C speed).
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ\u0391-\u03a9\u0400-\u042f]")
#: Chrome words are looked for only in blocks shorter than this (labels, not prose).
_CHROME_CHARS = 300
#: How many ancestors' text totals are features (parent, grandparent, ...).
CONTAINER_LEVELS = 3

#: The names of the columns, in order (the model file records them to catch drift).
BASE_COLUMNS = (
    *("log_chars", "words", "link_density", "commas", "periods", "digit_share"),
    *("ends_sentence", "starts_upper", "upper_share", "line_breaks"),
    *("position", "char_position", "depth", "log_blocks"),
    *("is_prose", "in_finder_main", "kept_by_finder", "main_side"),
    *("prev_log_chars", "prev_link_density", "next_log_chars", "next_link_density"),
    *("log_sibling_repeats", "holder_tag", "text_repeated", "is_heading"),
    *("heading_before_prose", "chrome_words"),
    *(
        f"{level}_{name}"
        for level in ("parent", "grandparent", "great_grandparent")
        for name in ("text_share", "link_share", "log_blocks")
    ),
)
COLUMNS = (
    *BASE_COLUMNS,
    *(f"in_{tag}" for tag in ANCESTOR_TAGS),
    *(f"name_{token}" for token in NAME_TOKENS),
)


class _Elements:
    """Per-element facts, worked out once per element of the page."""

    def __init__(self) -> None:
        self._bits: dict[int, tuple[int, int, int]] = {}
        self._repeats: dict[int, Counter[tuple[str, str | None]]] = {}

    def bits(self, node: LexborNode) -> tuple[int, int, int]:
        """(ancestor tag bits, name token bits, depth) of `node` and all above it."""
        chain = []
        current: LexborNode | None = node
        while current is not None and current.mem_id not in self._bits:
            chain.append(current)
            current = current.parent
        tags, names, depth = self._bits[current.mem_id] if current is not None else (0, 0, 0)
        for element in reversed(chain):
            tags |= _ANCESTOR_BIT.get(element.tag or "", 0)
            names |= _name_bits(element)
            depth += 1
            self._bits[element.mem_id] = (tags, names, depth)
        return tags, names, depth

    def sibling_repeats(self, block: Block, tag: str) -> int:
        """How many children of the block element's parent share its `tag` and class
        (cards, posts)."""
        node = block.node
        if len(block.chain) < 2:
            return 0
        counts = self._repeats.get(block.chain[1])
        if counts is None:
            parent = node.parent
            assert parent is not None, "a block's chain names its parent"
            counts = Counter(
                (child.tag or "", child.attributes.get("class")) for child in parent.iter()
            )
            self._repeats[block.chain[1]] = counts
        return counts[(tag, node.attributes.get("class"))]


def _name_bits(element: LexborNode) -> int:
    attributes = element.attributes
    if not attributes:
        return 0
    names = " ".join(
        value for key in ("class", "id", "role") if (value := attributes.get(key)) is not None
    )
    return _tokens_in(names)


@lru_cache(maxsize=4096)
def _tokens_in(names: str) -> int:
    """The NAME_TOKENS bits of a class/id/role string (pages repeat the same few names)."""
    return _NAME_MASK.mask(names.lower())


def _container_totals(
    blocks: Sequence[Block],
) -> dict[int, tuple[int, int, int]]:
    """(text chars, link chars, blocks) under each of the CONTAINER_LEVELS elements above
    every block, counting the blocks within that many levels of it."""
    totals: dict[int, list[int]] = {}
    for block in blocks:
        for key in block.chain[1 : CONTAINER_LEVELS + 1]:
            entry = totals.get(key)
            if entry is None:
                totals[key] = [len(block.text), block.link_chars, 1]
            else:
                entry[0] += len(block.text)
                entry[1] += block.link_chars
                entry[2] += 1
    return {key: (value[0], value[1], value[2]) for key, value in totals.items()}


def block_features(
    blocks: Sequence[Block], in_main: Sequence[bool], kept: Sequence[bool], prose: Sequence[bool]
) -> Rows:
    """The feature rows of a page's blocks (one row per block, COLUMNS in order).

    `in_main`, `kept` and `prose` say, per block, whether it lies in the
    finder's main containers, whether the finder's article text keeps it, and
    whether it reads as prose. The blocks' chains must be traced
    (`cleaner.extract.blocks.trace_chains`).
    """
    count = len(blocks)
    if not count:
        return Rows(b"", len(COLUMNS))
    elements = _Elements()
    totals = _container_totals(blocks)
    lengths = [len(block.text) for block in blocks]
    # The length columns read a block's length as a space-separated script would write it.
    sizes = [latin_equivalent_chars(block.text) for block in blocks]
    densities = [block.link_density for block in blocks]
    page_chars = max(1, sum(lengths))
    repeated = Counter(block.text for block in blocks)
    main_indexes = [index for index, inside in enumerate(in_main) if inside]
    first_main, last_main = (main_indexes[0], main_indexes[-1]) if main_indexes else (-1, -1)
    log_count = math.log1p(count)
    containers: dict[int | None, list[float]] = {}
    base: list[list[float]] = []
    bit_rows: list[tuple[int, int]] = []
    position = 0
    for index, block in enumerate(blocks):
        tags, names, depth = elements.bits(block.node)
        bit_rows.append((tags, names))
        tag = block.node.tag or ""
        heading = tag in HEADING_TAGS
        # Blocks of one parent share the elements above it, so their container columns.
        parent = block.chain[1] if len(block.chain) > 1 else None
        container = containers.get(parent)
        if container is None:
            container = containers[parent] = _container_columns(block, totals, page_chars)
        base.append(
            [
                *_own_text(block, sizes[index]),
                index / count,
                position / page_chars,
                depth,
                log_count,
                prose[index],
                in_main[index],
                kept[index],
                _main_side(index, first_main, last_main),
                math.log1p(sizes[index - 1]) if index else 0.0,
                densities[index - 1] if index else 0.0,
                math.log1p(sizes[index + 1]) if index + 1 < count else 0.0,
                densities[index + 1] if index + 1 < count else 0.0,
                math.log1p(elements.sibling_repeats(block, tag)),
                _HOLDER_INDEX.get(tag, len(HOLDER_TAGS)),
                repeated[block.text] > 1,
                heading,
                heading and index + 1 < count and prose[index + 1],
                lengths[index] < _CHROME_CHARS and _has_chrome_words(block.text),
                *container,
            ]
        )
        position += lengths[index]
    return _rows(base, bit_rows)


def _own_text(block: Block, chars: int) -> tuple[float, ...]:
    """The columns of a block's own text, read alike in every script: its length as a
    space-separated script would write as much, its words and punctuation in each script's
    forms (Chinese and Japanese write neither spaces nor `,` and `.`), how it opens and
    ends. The model learned them on English pages; an ASCII text's are what they were.
    `chars`: the text's `latin_equivalent_chars`."""
    text = block.text
    size = chars + 1
    digits, capitals = _digits_and_capitals(text)
    return (
        math.log1p(chars),
        word_count(text),
        block.link_density,
        comma_count(text) * 100 / size,
        stop_count(text) * 100 / size,
        digits / size,
        ends_like_a_sentence(text),
        starts_like_a_sentence(text),
        capitals / size,
        text.count("\n"),
    )


def _digits_and_capitals(text: str) -> tuple[int, int]:
    """How many `\\d` digits and `_CAPITAL` letters a text holds. An ASCII text's are
    [0-9] and [A-Z], counted by deleting them from its bytes (ten times the regexes'
    speed); any other text goes through the regexes."""
    if text.isascii():
        data = text.encode("ascii")
        digits = len(data) - len(data.translate(None, _ASCII_DIGITS))
        capitals = len(data) - len(data.translate(None, _ASCII_CAPITALS))
        return digits, capitals
    return _DIGIT.subn("", text)[1], _CAPITAL.subn("", text)[1]


_ASCII_DIGITS = b"0123456789"
_ASCII_CAPITALS = bytes(range(ord("A"), ord("Z") + 1))


def _has_chrome_words(text: str) -> bool:
    """Whether a short text names site chrome (substring tests: faster than a regex)."""
    lowered = text.lower()
    return any(word in lowered for word in _CHROME_WORDS)


def _main_side(index: int, first: int, last: int) -> float:
    """Where a block lies from the finder's main content: before (-), inside (0), after (+)."""
    if first < 0 or first <= index <= last:
        return 0.0
    if index < first:
        return -1.0 if first - index > 3 else -0.5
    return 1.0 if index - last > 3 else 0.5


def _container_columns(
    block: Block, totals: dict[int, tuple[int, int, int]], page_chars: int
) -> list[float]:
    """Text share, link share and block count of the CONTAINER_LEVELS elements above the
    block's element (zeros for levels above the document)."""
    columns: list[float] = []
    for key in block.chain[1 : CONTAINER_LEVELS + 1]:
        chars, links, blocks = totals.get(key, (0, 0, 0))
        columns.extend((chars / page_chars, links / max(1, chars), math.log1p(blocks)))
    columns.extend(_NO_CONTAINER[: 3 * CONTAINER_LEVELS - len(columns)])
    return columns


_NO_CONTAINER = (0.0,) * (3 * CONTAINER_LEVELS)
#: Bytes of one float32 value.
_F32 = 4


def _rows(base: list[list[float]], bit_rows: list[tuple[int, int]]) -> Rows:
    """The rows: each block's base columns, then its ancestor-tag and name-token columns
    (each distinct pair of bit sets spelt out once)."""
    width = len(BASE_COLUMNS)
    values = float32_bytes(list(concatenated.from_iterable(base)))
    spelt: dict[tuple[int, int], bytes] = {}
    parts: list[bytes] = []
    for index, pair in enumerate(bit_rows):
        bits = spelt.get(pair)
        if bits is None:
            bits = spelt[pair] = _spelt(*pair)
        parts.append(values[index * width * _F32 : (index + 1) * width * _F32])
        parts.append(bits)
    return Rows(b"".join(parts), len(COLUMNS))


def _spelt(tags: int, names: int) -> bytes:
    """The float32 0/1 columns of one ancestor-tag bit set and one name-token bit set."""
    columns = [0.0] * (len(ANCESTOR_TAGS) + len(NAME_TOKENS))
    _set_bits(columns, tags, 0)
    _set_bits(columns, names, len(ANCESTOR_TAGS))
    return float32_bytes(columns)


def _set_bits(columns: list[float], bits: int, start: int) -> None:
    while bits:
        low = bits & -bits
        columns[start + low.bit_length() - 1] = 1.0
        bits ^= low
