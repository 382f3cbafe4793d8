"""A product's specifications table, by the names shop software gives it.

A product page states what the product is twice: in prose (the description) and
as a table of attributes (WooCommerce's "Additional information", PrestaShop's
"Data sheet", Magento's "More Information"). The table sits in a tab below the
description, its rows are short label/value pairs, and the classifier scores them
like the filter and variant labels a shop page is full of, so the reader lost
the product's weight, size and material. A run belongs to the specifications when
it lies in a table, definition list or list that the shop's template
names its product attributes (the run itself may be a paragraph inside a cell, as
WooCommerce prints each value).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from cleaner.dom import within_reach
from cleaner.extract.blocks import Block

#: Class words shop templates give a product's attribute table: WooCommerce
#: (`shop_attributes`, `woocommerce-product-attributes`), PrestaShop (`data-sheet`),
#: Magento (`additional-attributes`; `customAttributes` in PWA Studio, see
#: SPEC_MODULES), Shopware 6 (`product-detail-properties-table`), Ecwid
#: (`details-product-attribute`, one per attribute), JD's parameter list and its grouped
#: specification table (`p-parameter-list`, `Ptable`), and the names other themes use.
SPEC_CLASSES = frozenset(
    {
        "shop_attributes",
        "woocommerce-product-attributes",
        "data-sheet",
        "additional-attributes",
        "product-detail-properties-table",
        "details-product-attribute",
        "p-parameter-list",
        "Ptable",
        "product-attributes",
        "product-specs",
        "product-specifications",
        "spec-table",
        "specs-table",
    }
)
#: The CSS module of the attribute table in shop front ends built of CSS modules, whose
#: class names are the module's, a part's name and a hash (`customAttributes-table-1Xv`
#: in Magento's PWA Studio).
SPEC_MODULES = frozenset({"customAttributes"})
#: Ids of the same (Magento's `product-attribute-specs-table`), and of the specifications
#: tab that holds it (BigCommerce's Cornerstone and the themes built on it).
SPEC_IDS = frozenset({"product-attribute-specs-table", "tab-specifications"})
#: How many elements above a run may carry the name (a value's paragraph, its cell, the
#: row, the row group, then the table).
NAME_REACH = 4


def spec_blocks(blocks: list[Block]) -> list[int]:
    """The indexes of the runs that are items of a product's named attribute table."""
    return [index for index, block in enumerate(blocks) if _in_specs(block)]


def _in_specs(block: Block) -> bool:
    """Whether the run or one of the NAME_REACH elements above it is a named table."""
    return any(_named(node) for node in within_reach(block.node, NAME_REACH))


def _named(node: LexborNode) -> bool:
    """Whether an element's class or id names it a product's attribute table."""
    attrs = node.attributes
    if (attrs.get("id") or "") in SPEC_IDS:
        return True
    return any(
        word in SPEC_CLASSES or word.split("-", 1)[0] in SPEC_MODULES
        for word in (attrs.get("class") or "").split()
    )
