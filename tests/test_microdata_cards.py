"""A collection's card titles, as its shop software marks them in microdata, are kept."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner.extract.like_parts import like_kept
from cleaner.extract.page_blocks import find_blocks

SHOES = ["Alpin GTX Mid", "Hike Low", "Tundra Mid", "Karwendel Lady"]


def _card(name: str, itemtype: str) -> str:
    return (
        f'<div class="product-wrapper" itemscope itemtype="https://schema.org/{itemtype}">'
        f'<div class="productbox-title" itemprop="name"><a href="/p">{name}</a></div>'
        '<div class="delivery">Lieferzeit: 1 - 3 Werktage</div></div>'
    )


def _kept(itemtype: str) -> list[str]:
    tree = LexborHTMLParser("<main>" + "".join(_card(name, itemtype) for name in SHOES) + "</main>")
    assert tree.body is not None
    blocks = find_blocks(tree.body).blocks
    keep = [block.text.startswith("Lieferzeit") for block in blocks]
    kept = like_kept(blocks, keep, "collection")
    return [block.text for block, chosen in zip(blocks, kept, strict=True) if chosen]


def test_microdata_product_names_are_kept_however_low_the_model_scores_them() -> None:
    assert [text for text in _kept("Product") if not text.startswith("Lieferzeit")] == SHOES


def test_names_of_breadcrumb_items_are_not_card_titles() -> None:
    assert not any(text in SHOES for text in _kept("ListItem"))
