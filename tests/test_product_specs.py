"""A product page keeps its specifications table, however the classifier scores its rows."""

from __future__ import annotations

import json

import pytest

from cleaner import clean

DESCRIPTION = "".join(
    f"<p>Part {n} of the description tells how the oil is pressed within six hours of "
    f"the harvest, why the groves are never watered, and what it goes with at table.</p>"
    for n in range(1, 4)
)
ROWS = (("Weight", "0.5 kg"), ("Cultivar", "Coratina 100%"), ("Harvest", "October 2024"))


def _table(markup: str) -> str:
    if markup == "ecwid":
        return "".join(
            "<div class='details-product-attribute'><span class='details-product-attribute__title'>"
            f"{name}:</span> <span class='details-product-attribute__value'>{value}</span></div>"
            for name, value in ROWS
        )
    if markup == "jd":
        items = "".join(
            f"<dl class='clearfix'><dt>{name}</dt><dd>{value}</dd></dl>" for name, value in ROWS
        )
        group = f"<div class='Ptable-item'><h3>Main</h3><dl>{items}</dl></div>"
        return f"<div class='Ptable'>{group}</div>"
    if markup == "bigcommerce":
        items = "".join(
            f"<dt class='productView-info-name'>{name}:</dt>"
            f"<dd class='productView-info-value'>{value}</dd>"
            for name, value in ROWS
        )
        return f"<div id='tab-specifications'><dl class='productView-info'>{items}</dl></div>"
    if markup == "dl":
        items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in ROWS)
        return f"<section class='product-features'><dl class='data-sheet'>{items}</dl></section>"
    rows = "".join(f"<tr><th>{name}</th><td><p>{value}</p></td></tr>" for name, value in ROWS)
    return f"<table class='{markup}'><tbody>{rows}</tbody></table>"


def _product_page(table: str) -> str:
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": "Coratina olive oil",
            "offers": {"@type": "Offer", "price": "12.90", "priceCurrency": "EUR"},
        }
    )
    nav = "".join(f"<li><a href='/c/{n}'>Category {n}</a></li>" for n in range(12))
    related = "".join(
        f"<li class='product'><a href='/p/{n}'>Other oil {n}</a><span>9,90 €</span></li>"
        for n in range(4)
    )
    return (
        "<html><head><title>Coratina olive oil | Frantoio Verde</title>"
        f'<script type="application/ld+json">{ld}</script>'
        '<meta property="og:type" content="product"></head><body>'
        f"<header><ul class='menu'>{nav}</ul></header>"
        "<main><div class='product'><h1 class='product-title'>Coratina olive oil</h1>"
        "<div class='tabs'><ul class='tabs-nav'><li><a href='#d'>Description</a></li>"
        "<li><a href='#a'>Additional information</a></li><li><a href='#r'>Reviews (0)</a></li>"
        f"</ul><div id='d' class='panel'>{DESCRIPTION}</div>"
        f"<div id='a' class='panel'>{table}</div></div></div>"
        f"<section class='related'><h2>Related products</h2><ul>{related}</ul></section>"
        "</main><footer><p>© Frantoio Verde</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    "markup",
    [
        "woocommerce-product-attributes shop_attributes",
        "additional-attributes",
        "table product-detail-properties-table",
        "dl",
        "ecwid",
        "jd",
        "customAttributes-table-1Xv",
        "bigcommerce",
    ],
)
def test_the_attribute_table_of_a_product_page_is_kept(markup: str) -> None:
    document = clean(_product_page(_table(markup)))
    assert document.page_type == "product"
    text = document.text or ""
    assert "Part 3 of the description" in text
    for name, value in ROWS:
        assert name in text and value in text, (markup, text[-300:])


def test_a_table_without_the_shop_names_is_left_to_the_classifier() -> None:
    document = clean(_product_page(_table("size-guide")))
    text = document.text or ""
    assert "Part 1 of the description" in text
    assert "Other oil 2" not in text
