"""A page's text as blocks: runs of inline text with the block element that holds them.

Main-content scoring and text output both work on these blocks rather than on
`<p>` elements alone, because many sites put article text straight into
`<div>`s (one per paragraph, or one with `<br>` line breaks).

Each block also carries its holder's chain of ancestors (as `mem_id`s), worked
out once per element of the page: the finder and the features ask "is this
block inside that element?" and "what lies above it?" for every block, and a
walk up the tree through selectolax costs a call into C per step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner.dom import ancestors, is_descendant
from cleaner.words import latin_equivalent_chars

#: Elements that flow inside a line of text; every other element starts a new block. A
#: button is one (the buttons left after never-content elements go are an accordion's
#: toggles, `aria-controls`): its label is the text of the heading it stands in.
INLINE_TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em"),
        *("font", "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span"),
        *("strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "img", "-text"),
        "button",
    }
)


#: Elements whose line breaks are the page's own, not the source's wrapping.
PREFORMATTED_TAGS = frozenset({"pre", "listing", "plaintext", "textarea"})
#: A table's cells: each one block, read together by row.
TABLE_CELLS = frozenset({"td", "th"})
#: Headings, and those below the page's headline.
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SUBHEADING_TAGS = HEADING_TAGS - {"h1"}


def _tag_ids(names: frozenset[str]) -> frozenset[int]:
    """The parser's ids of these tags (a text node's for "-text").

    The walk over every node of a page compares ids, not names: a node's
    `tag_id` is an int read straight from the parser, its `tag` a lookup that
    makes a str. A tag the parser knows has one id in every document, and no
    other tag (a custom element's included) has it, so the ids tell the same.
    """
    ids = set()
    for name in names:
        if name == "-text":
            node = LexborHTMLParser("<p>x</p>").css_first("p")
            node = node.child if node is not None else None
        else:
            node = LexborHTMLParser(f"<body><{name}>x</{name}></body>").css_first(name)
        if node is None or node.tag != name:
            raise RuntimeError(f"the HTML parser does not make a <{name}> of its tag")
        ids.add(node.tag_id)
    return frozenset(ids)


_INLINE_IDS = _tag_ids(INLINE_TAGS)
_PREFORMATTED_IDS = _tag_ids(PREFORMATTED_TAGS)
(_TEXT_ID,) = _tag_ids(frozenset({"-text"}))
(_BR_ID,) = _tag_ids(frozenset({"br"}))
(_A_ID,) = _tag_ids(frozenset({"a"}))
#: Inline elements whose text runs on across them inside a word (sub- and superscripts).
_SCRIPT_IDS = _tag_ids(frozenset({"sub", "sup"}))
(_HTML_ID,) = _tag_ids(frozenset({"html"}))

#: The parser numbers the tags it knows from 1 up (a few hundred); a tag it does not know, a
#: custom element above all, gets an id above this one.
_LAST_KNOWN_TAG_ID = 0xFFFF

#: A run shorter than this, or mostly links, is not prose.
MIN_PROSE_CHARS = 25
MAX_PROSE_LINK_DENSITY = 0.5


@dataclass
class Block:
    """One run of text inside a block element, in page order."""

    node: LexborNode
    order: int
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    #: The run's text, whitespace collapsed, `<br>` breaks kept as newlines; set by
    #: `finish` once the page has been walked (a plain attribute: it is read a hundred
    #: thousand times a page, where a cached property's lookup shows in the profile).
    text: str = ""
    #: The `mem_id`s of `node` and of every element above it, nearest first, up to the
    #: document itself (set by `trace_chains`).
    chain: tuple[int, ...] = ()
    #: How many of `chain` lie below the `<html>` element (all of it when none is above).
    below_html: int = 0
    #: Whether the run is long enough, and free enough of links, to be part of an
    #: article (set by `finish`; asked several times of every block of a page).
    prose: bool = False
    #: Whether `node` is preformatted text (`<pre>`), whose line breaks and spaces are
    #: its own (set when the block is made: the walk asks at every blank text node).
    preformatted: bool = False

    def finish(self) -> None:
        """Join the run's parts into its text and tell whether it is prose (once `parts`
        and `link_chars` are complete)."""
        joined = "".join(self.parts)
        if "\n" not in joined:  # one line: the same text as the general case, in one step
            self.text = " ".join(joined.split())
        else:
            lines = (" ".join(line.split()) for line in joined.split("\n"))
            self.text = "\n".join(line for line in lines if line)
        if not self.text.strip(INVISIBLE):
            self.text = ""  # an editor's empty paragraph: `<p>&#8203;</p>`
        size = len(self.text)
        self.prose = (
            _long_enough(self.text, size) and self.link_chars / size < MAX_PROSE_LINK_DENSITY
        )

    @property
    def link_density(self) -> float:
        """Share of the run's characters that sit inside links."""
        return self.link_chars / max(1, len(self.text))


#: Characters that take no room on the line, with the space and the line break: a run of
#: them only is no text (Naver's and other editors' empty paragraphs hold a zero-width
#: space; a soft hyphen or a byte-order mark is as invisible).
INVISIBLE = " \n\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _long_enough(text: str, size: int) -> bool:
    """Whether a run is long enough for prose: MIN_PROSE_CHARS, counted as a space-separated
    script would write as much (a Chinese sentence says in ten characters what an English
    one says in thirty)."""
    if size >= MIN_PROSE_CHARS:
        return True
    return not text.isascii() and latin_equivalent_chars(text) >= MIN_PROSE_CHARS


def text_blocks(root: LexborNode) -> list[Block]:
    """Every run of text under `root`, in page order (their `chain` not yet traced: see
    `trace_chains`).

    A run ends where a block element starts or ends, so a `<div>` holding text,
    then a `<p>`, then more text gives three blocks in reading order. The walk
    runs once per text node of the page, so it is written as one plain loop.
    """
    blocks: list[Block] = []
    current: Block | None = None
    opened = False  # an inline element opened since the last text
    space: LexborNode | None = None  # the last blank text node since the last text
    last: LexborNode | None = None  # the last text node that was not blank
    for node in root.traverse(include_text=True):
        tag = node.tag_id
        if tag == _TEXT_ID:
            text = node.text_content
            if not text:
                continue
            if text.isspace():
                # A space between inline elements separates words: `<b>Annual</b> <b>report</b>`;
                # in preformatted text it is the code's own line break and indentation.
                if current is not None:
                    current.parts.append(text if _in_preformatted(node, current) else " ")
                space = node
                continue
            if opened and current is not None and _apart(current, text, last, node):
                current.parts.append(" ")
            opened, last = False, node
            added = _add_text(node, text, current, blocks)
            if added is not current and added is not None and added.preformatted:
                _keep_leading_space(added, space)
            current, space = added, None
        elif tag == _BR_ID:
            if current is not None:
                current.parts.append("\n")
        elif tag not in _INLINE_IDS:
            if not _flows_in(tag, current):
                current = None
            else:
                opened = True
        elif tag not in _SCRIPT_IDS:
            opened = True
    for block in blocks:
        block.finish()
    return blocks


#: Where a word can end and the text of an element right after it begins: a lower-case
#: letter, a digit or a sentence's punctuation, then a capital ("card needed" + "Book a
#: demo", "85 m²" + "Planta 2ª"); anything, then a currency sign ("USD" + "$124.00"),
#: unless it is a figure's own sign alone after it ("13,90" + "€"); a
#: sentence's punctuation or a word of a few letters, then a digit ("3 hab." + "85 m²",
#: "Préparation" + "15"). Inside a word, text runs on across elements in other ways
#: ("<b>W</b>ord", "H<sub>2</sub>O", "MP<span>3</span>").
_WORD_END = re.compile(r"[a-zà-ÿ0-9²³.;:!?)]$")
_BOX_START = re.compile(r"^[A-ZÀ-Þ]")
#: An acronym closing one element and a capitalised word opening the next ("CineBox HD" +
#: "Centro multimedia", "USB" + "Cable") are two boxes: one word does not change from
#: capitals to a capital and small letters at an element's edge.
_ACRONYM_END = re.compile(r"[A-ZÀ-Þ]{2}$")
_WORD_START = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]")
_CURRENCY = "$€£¥"
_AFTER_STOP = re.compile(r"[.;:!?)]$")
#: A word this long before a number in another element is a label, not a code.
MIN_LABEL_LETTERS = 4


def _apart(current: Block, text: str, last: LexborNode | None, node: LexborNode) -> bool:
    """Whether the text node `node` (its `text`), opening an inline element right after
    `current`'s last text, `last`, with no space between, is another box's text: by
    what the two texts say (`_boxes_apart`) or because each sits in an element of its
    own, siblings alike (`_like_siblings`)."""
    if _boxes_apart(current, text):
        return True
    if last is None or current.preformatted or not current.parts:
        return False
    before = current.parts[-1]
    # Between two letters, like siblings may be the runs of one word an editor split
    # ("Le" + "arn More"): only a figure on either side tells two facts apart.
    if not (before[-1:].isdigit() or text[:1].isdigit()):
        return False
    return _like_siblings(last, node)


def _like_siblings(last: LexborNode, node: LexborNode) -> bool:
    """Whether two text nodes sit in two sibling inline elements of the same tag and
    class: the items of a row of facts (`<span class="property">40 min</span><span
    class="property">520 kcal</span>`), which a page lays out apart, each a box. The
    parts of one word are marked up otherwise (`<b>W</b>ord`, `MP<span>3</span>`), or
    are runs of letters (see `_apart`)."""
    first, second = last.parent, node.parent
    if first is None or second is None or first.mem_id == second.mem_id:
        return False
    if first.tag_id != second.tag_id or first.tag_id not in _INLINE_IDS:
        return False
    shared = first.attributes.get("class")
    if not shared or shared != second.attributes.get("class"):
        return False
    above, other = first.parent, second.parent
    return above is not None and other is not None and above.mem_id == other.mem_id


def _boxes_apart(current: Block, text: str) -> bool:
    """Whether `text`, opening an inline element right after `current`'s last text with
    no space between, reads as another box's text (pages lay such elements out apart:
    flex items, buttons, price labels) rather than the rest of a word. Never in
    preformatted text, whose every space is its own (`[keys.DATABASE_URL]` split over a
    highlighter's spans stays one word)."""
    if not current.parts or current.preformatted:
        return False
    last = current.parts[-1]
    if not last or last[-1].isspace() or text[0].isspace():
        return False
    if text[0] in _CURRENCY:
        # A price's own sign alone after its figure ("13,90" + "€") is part of it.
        return not (last[-1].isdigit() and text.strip() == text[0])
    if _WORD_END.search(last) and _BOX_START.match(text):
        return not _name_prefix(last)
    if _ACRONYM_END.search(last) and _WORD_START.match(text):
        return True
    if not text[0].isdigit():
        return False
    return _AFTER_STOP.search(last) is not None or _ends_in_a_word(last)


def _ends_in_a_word(text: str) -> bool:
    """Whether `text` ends in a word of MIN_LABEL_LETTERS letters or more: a label a
    number in its own element goes with (`<span>Prep</span><span>15</span>` is "Prep 15",
    "Windows" + "11" is "Windows 11"), where a shorter run is a code the number goes on
    ("MP" + "3")."""
    return text[-MIN_LABEL_LETTERS:].isalpha() and len(text) >= MIN_LABEL_LETTERS


def _name_prefix(text: str) -> bool:
    """Whether `text` ends in a capitalised fragment a name goes on from ("Mc" of
    "Mc<b>Donald</b>", "Mac", "De")."""
    word = text.rsplit(None, 1)[-1]
    return len(word) <= 3 and word.isalpha() and word[0].isupper()


def _keep_leading_space(block: Block, space: LexborNode | None) -> None:
    """Put back the blank text that opens a new preformatted block: the indentation of its
    code's first line (`  <span>useEffect</span>(...)`), which came before the block had
    any text to hold it."""
    if space is not None and _in_preformatted(space, block):
        block.parts.insert(0, space.text_content or "")


def _flows_in(tag: int, current: Block | None) -> bool:
    """Whether an element of id `tag` that is not an inline one is part of `current`'s run
    all the same: a custom element in preformatted text, such as the highlighter's
    `<c->` a specification's IDL block marks each token with (any element there is
    phrasing content, and a browser lays out an element it does not know inline)."""
    return tag > _LAST_KNOWN_TAG_ID and current is not None and current.preformatted


def _in_preformatted(node: LexborNode, current: Block) -> bool:
    """Whether a whitespace text node is part of `current`'s run inside a `<pre>` (a
    highlighter puts a code's line breaks between the spans of its tokens)."""
    if not current.preformatted:
        return False
    holder = node.parent
    while holder is not None and (
        holder.tag_id in _INLINE_IDS or holder.tag_id > _LAST_KNOWN_TAG_ID
    ):
        holder = holder.parent
    return holder is not None and holder.mem_id == current.node.mem_id


def _add_text(
    node: LexborNode, text: str, current: Block | None, blocks: list[Block]
) -> Block | None:
    # The nearest block element above the text node, and whether a link lies between.
    in_link = False
    custom: LexborNode | None = None  # the first custom element on the way...
    link_below_custom = False  # ...and whether a link lies below it
    holder = node.parent
    while holder is not None:
        holder_tag = holder.tag_id
        if holder_tag > _LAST_KNOWN_TAG_ID and custom is None:
            custom, link_below_custom = holder, in_link
        elif holder_tag not in _INLINE_IDS and holder_tag <= _LAST_KNOWN_TAG_ID:
            break
        in_link = in_link or holder_tag == _A_ID
        holder = holder.parent
    else:
        return current
    preformatted = holder_tag in _PREFORMATTED_IDS
    if custom is not None and not preformatted:
        # Outside preformatted text a custom element is a box of its own, as its page's
        # stylesheet mostly lays it out (`<user-card>`, `<product-price>`).
        holder, holder_tag, in_link = custom, custom.tag_id, link_below_custom
    if not preformatted:
        # Source line breaks are spaces in HTML; only `<br>` (and `<pre>`) break a line.
        text = text.replace("\r", " ").replace("\n", " ")
    if current is None or current.node.mem_id != holder.mem_id:
        current = Block(holder, len(blocks), preformatted=preformatted)
        blocks.append(current)
    current.parts.append(text)
    if in_link:
        current.link_chars += len(text.strip())
    return current


def trace_chains(blocks: list[Block]) -> None:
    """Set every block's `chain` and `below_html`, walking each element of the page once."""
    known: dict[int, tuple[tuple[int, ...], int]] = {}
    for block in blocks:
        block.chain, block.below_html = _chain(block.node, known)


def _chain(
    node: LexborNode, known: dict[int, tuple[tuple[int, ...], int]]
) -> tuple[tuple[int, ...], int]:
    """`node`'s chain of `mem_id`s up to the document, and how many of them lie below
    `<html>`; every element on the way is added to `known`."""
    pending: list[tuple[int, bool]] = []
    current: LexborNode | None = node
    chain: tuple[int, ...] = ()
    below_html = 0
    while current is not None:
        key = current.mem_id
        cached = known.get(key)
        if cached is not None:
            chain, below_html = cached
            break
        pending.append((key, current.tag_id == _HTML_ID))
        current = current.parent
    for key, is_html in reversed(pending):
        chain = (key, *chain)
        below_html = 0 if is_html else below_html + 1
        known[key] = (chain, below_html)
    return chain, below_html


def h1_above(blocks: list[Block], first: int, reach: int) -> int:
    """The index of the nearest `<h1>` among the `reach` blocks above block `first`, or -1:
    the page's headline when it stands just above the content."""
    for index in range(first - 1, max(-1, first - 1 - reach), -1):
        if blocks[index].node.tag == "h1":
            return index
    return -1


def is_inside(node: LexborNode, container: LexborNode) -> bool:
    """Whether `node` is `container` or lies beneath it."""
    return node.mem_id == container.mem_id or is_descendant(node, container)


#: The element that holds an item as one piece of content, by the item's tag, and how far
#: above the item it may be (a row and a row group lie between a cell and its table, a
#: wrapper `<div>` between a `<dt>` and its `<dl>`).
ITEM_GROUPS: dict[str, tuple[frozenset[str], int]] = {
    "li": (frozenset({"ul", "ol", "menu"}), 1),
    **dict.fromkeys(("td", "th"), (frozenset({"table"}), 3)),
    **dict.fromkeys(("dt", "dd"), (frozenset({"dl"}), 2)),
}


def label_value_pairs(blocks: Sequence[Block], indexes: list[int]) -> bool:
    """Whether a definition list's items (`blocks[i]` for i in `indexes`) are terms and
    descriptions in turn, one each: a label and its value. A forum's member panel is one
    term (the name) over several descriptions (rank, posts, joined), and is no table."""
    tags = [blocks[index].node.tag for index in indexes]
    return tags == ["dt", "dd"] * (len(tags) // 2)


def group_of(block: Block) -> int | None:
    """The `mem_id` of the list, table or definition list the block is an item of: its
    own element is the item, or the item's child (`<li><p>…</p></li>`, a checklist's
    `<li><label>…</label></li>`, `<td><div>…</div></td>`)."""
    item: LexborNode | None = block.node
    group = ITEM_GROUPS.get(block.node.tag or "")
    if group is None:
        item = block.node.parent
        group = ITEM_GROUPS.get(item.tag or "") if item is not None else None
    if group is None or item is None:
        return None
    holders, reach = group
    above = islice(ancestors(item), reach)
    return next((node.mem_id for node in above if node.tag in holders), None)
