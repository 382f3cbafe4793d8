"""A product's description, by the names shop software gives its panel.

The description of a product page is the shop's own prose, often laid out by a page
builder: headed sections, a list of what is included, a table of the build. The
classifier scores each block alone against a product page's threshold, which keeps
out the shop's promises and variant labels, and it kept a WooCommerce bike's first
sections and dropped the rest of the same panel. When it keeps some block of the
panel the shop software names as the description, the panel is the description, and
all of it is kept (but for blocks that are mostly links).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from cleaner.dom import within_reach
from cleaner.extract.blocks import Block

#: Class words shop templates give the description panel: WooCommerce
#: (`woocommerce-Tabs-panel--description`), Shopify's Dawn and its kin
#: (`product__description`, `product-single__description`), PrestaShop
#: (`product-description`), Shopware 6 (`product-detail-description`) and BigCommerce's
#: Cornerstone (`productView-description`).
DESCRIPTION_CLASSES = frozenset(
    {
        "woocommerce-Tabs-panel--description",
        "product__description",
        "product-single__description",
        "product-description",
        "product-detail-description",
        "productView-description",
    }
)
#: Ids of the same: WooCommerce's and BigCommerce's tab, PrestaShop's and Magento's panel.
DESCRIPTION_IDS = frozenset({"tab-description", "description"})
#: How many elements above a block may carry the name (sections of a page builder nest
#: deep inside the panel).
NAME_REACH = 12


def description_blocks(blocks: list[Block], keep: list[bool]) -> list[int]:
    """The indexes of the blocks of each named description panel some block of which
    `keep` keeps, but for blocks that are mostly link text."""
    panels: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        panel = _panel(block.node)
        if panel is not None:
            panels.setdefault(panel.mem_id, []).append(index)
    return [
        index
        for indexes in panels.values()
        if any(keep[index] for index in indexes)
        for index in indexes
        if blocks[index].link_chars * 2 < len(blocks[index].text)
    ]


def _panel(node: LexborNode) -> LexborNode | None:
    """The nearest element at most NAME_REACH above `node` (or `node` itself) that the
    shop names its product's description."""
    return next(
        (candidate for candidate in within_reach(node, NAME_REACH) if _named(candidate)), None
    )


def _named(node: LexborNode) -> bool:
    """Whether an element's class or id names it a product's description panel."""
    attrs = node.attributes
    return (attrs.get("id") or "") in DESCRIPTION_IDS or not DESCRIPTION_CLASSES.isdisjoint(
        (attrs.get("class") or "").split()
    )
