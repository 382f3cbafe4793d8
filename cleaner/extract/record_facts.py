"""A record's facts: the label and value lines between its headline and its description.

A classified ad, a flat for sale, a job advert or a shop's item prints its facts
right under its name, before the prose: "Powierzchnia: 63 m²", "Salary: £62,000",
"<strong>Marka</strong> Kuba", the price. The block model scores each alone, as the
short lines a page's chrome is made of, under its threshold; so the reader kept the
description and lost the price, the size and the closing date. A block is such a
fact when it is a label with its value (a short label before a colon, or a label in
its own `<strong>`, `<b>`, `<dt>`, `<th>` or `<label>` before the value) or a price;
the facts between the page's `<h1>` and the content's first block are kept when
there are at least MIN_FACTS of them. A byline and a date line are also a label and
a value ("Published: 3 May"), but an article's head holds one or two of them.

Pages typed as articles ask for them (`cleaner.extract.block_choice`), where a job
advert, an event or a notice is typed, and so do product pages that sell nothing
themselves (`sells_here`): a classified ad, a flat for sale, a catalogue record. Under
the name of a product the page sells, the same lines are its buy box (price, SKU,
stock, gift wrap), which the hand-written pages and WCXB's products leave out of the
content (asked of every product page, 12 hand-written shop products lost 0.01 to 0.05
and WCXB's tuning products 0.0013); under a forum thread's title they are the starter's
member panel ("Posts: 1", "Registered: ...").
"""

from __future__ import annotations

import re

from cleaner.extract.blocks import Block, h1_above
from cleaner.extract.gaps import is_price
from cleaner.words import word_count

#: How far above the content the headline may stand, in blocks: a photo counter, the
#: price, the address and a dozen facts may lie between.
HEADLINE_REACH = 30
#: At least this many facts make a record's facts...
MIN_FACTS = 3
#: ...each at most this many words...
MAX_FACT_WORDS = 16
#: ...its label at most this many...
MAX_LABEL_WORDS = 4
#: ...and less than this share of it link text.
MAX_LINK_DENSITY = 0.5
#: A label and its value after a colon: "Liczba pokoi: 3", "Contract: Permanent".
_COLON_LABEL = re.compile(r"([^\W\d_][^:：\n]{0,40}?)\s?[:：]\s*\S")
#: Elements a template puts a fact's label in, before its value.
LABEL_TAGS = frozenset({"strong", "b", "dt", "th", "label"})
#: What a page that sells its product holds: a form that posts to a cart, basket or
#: checkout, or an element whose class or id names an add-to-cart control, a buy box or a
#: cart (shop templates keep the class on the control's wrapper when the button itself is
#: gone with the never-content elements).
SALE_CONTROLS = (
    'form[action*="cart"], form[action*="basket"], form[action*="warenkorb"], '
    'form[action*="checkout"], [class*="cart"], [class*="Cart"], [class*="basket"], '
    '[class*="buy-box"], [class*="buybox"], [class*="product-form"], [id*="add-to-cart"], '
    '[id*="addtocart"], [name="add-to-cart"]'
)


def record_facts(blocks: list[Block], first: int) -> list[int]:
    """The indexes of the facts between the `<h1>` above block `first` (the content's
    first block) and it; none when there are fewer than MIN_FACTS or no `<h1>` is near."""
    start = h1_above(blocks, first, HEADLINE_REACH)
    if start < 0:
        return []
    facts = [index for index in range(start + 1, first) if is_fact(blocks[index])]
    return facts if len(facts) >= MIN_FACTS else []


def is_fact(block: Block) -> bool:
    """Whether a block is one fact of a record: a label and its value, or a price, short
    and mostly not a link."""
    text = block.text
    if block.link_density >= MAX_LINK_DENSITY or word_count(text) > MAX_FACT_WORDS:
        return False
    return is_price(text) or _labelled_by_colon(text) or _labelled_by_element(block)


def _labelled_by_colon(text: str) -> bool:
    """Whether the text opens with a short label and a colon, and a value follows."""
    match = _COLON_LABEL.match(text)
    return match is not None and word_count(match.group(1)) <= MAX_LABEL_WORDS


def _labelled_by_element(block: Block) -> bool:
    """Whether the block's element opens with a label element (LABEL_TAGS) of at most
    MAX_LABEL_WORDS words, and a value follows it."""
    label = block.node.child
    while label is not None and not label.is_element_node:
        if (label.text_content or "").strip():
            return False
        label = label.next
    if label is None or label.tag not in LABEL_TAGS:
        return False
    label_text = " ".join(label.text().split())
    return (
        bool(label_text)
        and word_count(label_text) <= MAX_LABEL_WORDS
        and len(block.text) > len(label_text) + 1
    )


def sells_here(blocks: list[Block]) -> bool:
    """Whether the page of `blocks` sells its product itself: it holds a sale control
    (SALE_CONTROLS). A page without blocks sells nothing."""
    if not blocks:
        return False
    return blocks[0].node.parser.css_first(SALE_CONTROLS) is not None
