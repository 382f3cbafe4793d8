"""The section a closing heading announces: kept with it when the model nearly keeps it.

The block model keeps a heading that reads like the content's ("Frequently asked
questions", "Nutrition per serving") more readily than the short runs under it: an
FAQ's questions in an accordion's title elements, a table's label and value cells.
When such a heading is the last block the content keeps, the reader got a heading
over nothing: the section it names was passed over, one short run at a time. The
runs after it that lie in the heading's own element, up to the next heading of its
rank or above, are kept when the model scores them close to keeping as a whole and
they are mostly not links (a "Related" heading over its list of links stays alone).

Only on articles, service pages and documentation: under a product's last kept
heading are its accessories' cards and its reviews, which WCXB's product pages leave
out (tried there: four products lost 0.02 to 0.06).
"""

from __future__ import annotations

from cleaner.extract.blocks import SUBHEADING_TAGS, Block, is_inside

#: The page types whose content may end with a closing heading's section.
CLOSING_SECTION_TYPES = frozenset({"article", "service", "documentation"})
#: The section is kept when its blocks score at least this on average...
SECTION_MEAN_PROBABILITY = 0.3
#: ...none under this...
SECTION_MIN_PROBABILITY = 0.2
#: ...and it is at most this many blocks long.
MAX_SECTION_BLOCKS = 24


def closing_section_end(blocks: list[Block], last: int, probabilities: list[float]) -> int:
    """The index of the last block of the section that block `last` (the content's last
    kept block) opens as its heading, when that section is to be kept; else `last`."""
    end = _section_end(blocks, last)
    if end == last:
        return last
    run = probabilities[last + 1 : end + 1]
    chars = sum(len(blocks[index].text) for index in range(last + 1, end + 1))
    links = sum(blocks[index].link_chars for index in range(last + 1, end + 1))
    if min(run) < SECTION_MIN_PROBABILITY or sum(run) / len(run) < SECTION_MEAN_PROBABILITY:
        return last
    return end if links * 2 < chars else last


def _section_end(blocks: list[Block], heading: int) -> int:
    """The index of the last block after the subheading `blocks[heading]` that lies in
    the heading's parent element, before a heading of its rank or above and within
    MAX_SECTION_BLOCKS; `heading` itself when the block is no subheading or none does."""
    node = blocks[heading].node
    section = node.parent
    if node.tag not in SUBHEADING_TAGS or section is None:
        return heading
    rank = _rank(node.tag)
    end = heading
    for index in range(heading + 1, min(len(blocks), heading + 1 + MAX_SECTION_BLOCKS)):
        block = blocks[index]
        if block.node.tag in SUBHEADING_TAGS and _rank(block.node.tag) <= rank:
            break
        if not is_inside(block.node, section):
            break
        end = index
    return end


def _rank(tag: str) -> int:
    """A heading's rank: 2 for `<h2>`, 6 for `<h6>`."""
    return int(tag[1])
