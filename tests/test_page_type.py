"""Page types: hand-written pages of each kind through clean(), and the page features.

Every page here is written by hand for these tests; none comes from a
benchmark.
"""

from __future__ import annotations

import json
import math

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import clean
from cleaner.metadata.page import collect
from cleaner.page_type import MIN_TEXT_CHARS, classify_page, page_features
from cleaner.page_type.model import default_cascade

# --- hand-written pages ------------------------------------------------------------------------

_NAV = """
<header class="site-header"><a class="logo" href="/">Northwind</a>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li>
<li><a href="/contact">Contact</a></li></ul></nav></header>
"""
_FOOTER = """
<footer class="site-footer"><p>© 2024 Northwind. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
"""

PRODUCT_PAGE = f"""<!doctype html><html><head>
<title>Trailhead 40 L Backpack | Northwind Outfitters</title>
<meta property="og:type" content="product">
<meta property="product:price:amount" content="129.00">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "Product", "name": "Trailhead 40 L Backpack",
  "sku": "TH-40-GRN", "brand": {{"@type": "Brand", "name": "Northwind"}},
  "offers": {{"@type": "Offer", "price": "129.00", "priceCurrency": "USD",
             "availability": "https://schema.org/InStock"}}}}
</script></head><body>{_NAV}
<main class="product-page">
<nav class="breadcrumb"><a href="/">Home</a> / <a href="/packs">Packs</a> / Trailhead 40 L</nav>
<div class="product-gallery"><img src="/img/th40-front.jpg" alt="Front">
<img src="/img/th40-side.jpg" alt="Side"><img src="/img/th40-back.jpg" alt="Back"></div>
<div class="product-info">
<h1 class="product-title">Trailhead 40 L Backpack</h1>
<div class="product-rating"><span class="stars">4.6</span> <a href="#reviews">212 reviews</a></div>
<p class="product-price"><span class="price">$129.00</span></p>
<form class="add-to-cart" action="/cart/add" method="post">
<label for="colour">Colour</label><select id="colour" name="colour"><option>Moss green</option>
<option>Slate grey</option></select>
<label for="qty">Quantity</label><input id="qty" name="qty" type="number" value="1">
<button type="submit" class="btn-add-to-cart">Add to cart</button></form>
<p class="stock">In stock: ships within two working days.</p>
</div>
<section class="product-description"><h2>Description</h2>
<p>A forty-litre pack for long day hikes and light overnight trips, with a ventilated back
panel, a lid pocket for small things and a stretch pocket for a wet jacket.</p>
<h2>Specifications</h2>
<table class="specs"><tr><th>Volume</th><td>40 L</td></tr><tr><th>Weight</th><td>1.2 kg</td></tr>
<tr><th>Fabric</th><td>Recycled nylon</td></tr></table></section>
<section class="related-products"><h2>You may also like</h2><ul class="product-grid">
<li class="product-card"><a href="/p/summit-20"><img src="/img/s20.jpg" alt="">Summit 20 L</a>
<span class="price">$79.00</span></li>
<li class="product-card"><a href="/p/ridge-30"><img src="/img/r30.jpg" alt="">Ridge 30 L</a>
<span class="price">$99.00</span></li>
<li class="product-card"><a href="/p/valley-55"><img src="/img/v55.jpg" alt="">Valley 55 L</a>
<span class="price">$169.00</span></li></ul></section>
</main>{_FOOTER}</body></html>"""

ARTICLE_PAGE = f"""<!doctype html><html><head><title>Harbour board approves new breakwater</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<meta name="author" content="Ellen Marsh">
</head><body>{_NAV}
<main><article class="story">
<h1 class="headline">Harbour board approves new breakwater after winter storms</h1>
<p class="byline">By Ellen Marsh · 2 May 2024</p>
<div class="story-body">
<p>The harbour board voted on Thursday to build a new breakwater at the mouth of the
estuary, three months after winter storms tore away part of the old sea wall and flooded
the fish market twice in a single week.</p>
<p>The project, estimated at four million pounds, will be paid for jointly by the board and
the county council. Work is expected to begin in the autumn, once the tern colony on the
north spit has left for the season, and to take about eighteen months.</p>
<p>Fishermen welcomed the decision but said the board had waited too long. "We lost two
weeks of landings in January alone," said Tom Penrose, who chairs the local fishing
association. "Every storm now is a gamble with the boats and the market."</p>
<p>The board's engineer said the new structure would be built of rock armour rather than
concrete, which absorbs the energy of the waves instead of reflecting it back onto the
moorings. A public exhibition of the plans will be held at the harbour office in June.</p>
</div></article></main>{_FOOTER}</body></html>"""

_POSTS = [
    (
        "riverrunner",
        "2024-03-01T10:12",
        "My sourdough starter has gone very runny over the last "
        "week and smells of nail varnish. I feed it twice a day with equal weights of flour and "
        "water. Is it dead, or can it be saved? The kitchen is quite warm at the moment.",
    ),
    (
        "breadhead",
        "2024-03-01T11:40",
        "That smell means it is hungry, not dead. Try feeding it "
        "with less water, say two parts flour to one part water, and keep it somewhere cooler "
        "for a few days. It should thicken up and smell sour again.",
    ),
    (
        "mill_lane",
        "2024-03-01T13:05",
        "Agree with the above. I would also discard more of it "
        "at each feed so the fresh flour is not swamped. Mine did exactly the same last summer "
        "and came back within a week.",
    ),
    (
        "riverrunner",
        "2024-03-03T09:22",
        "Thanks both! Stiffer feeds and a cooler shelf did the "
        "trick: it doubled overnight and smells like yoghurt again. Baking this weekend.",
    ),
]
FORUM_PAGE = (
    "<!doctype html><html><head><title>Runny starter that smells of nail varnish - "
    "Baking Forum</title></head><body>"
    + _NAV
    + """<main class="forum"><nav class="breadcrumb"><a href="/forum">Forum</a> ›
<a href="/forum/sourdough">Sourdough</a></nav>
<h1 class="thread-title">Runny starter that smells of nail varnish</h1>
<div class="thread-posts">"""
    + "".join(
        f"""<article class="post" id="post-{n}"><div class="post-author">
<img class="avatar" src="/u/{user}.png" alt=""><a class="username" href="/u/{user}">{user}</a>
<span class="member-since">Member since 2019</span></div>
<div class="post-body"><time datetime="{when}">{when}</time><div class="message">{text}</div>
</div><div class="post-actions"><a class="reply" href="#reply">Reply</a>
<a class="quote" href="#quote">Quote</a><span class="likes">3 likes</span></div></article>"""
        for n, (user, when, text) in enumerate(_POSTS)
    )
    + """</div><form class="reply-form"><textarea name="message"></textarea>
<button type="submit">Post reply</button></form></main>"""
    + _FOOTER
    + "</body></html>"
)

DOCS_PAGE = f"""<!doctype html><html><head>
<title>Reading configuration files — Tern 2.1 documentation</title></head><body>{_NAV}
<div class="docs-layout">
<aside class="sidebar"><nav class="toc"><p class="toc-title">Contents</p><ul>
<li><a href="/docs/install">Installation</a></li><li><a href="/docs/quickstart">Quickstart</a></li>
<li><a href="/docs/config">Reading configuration files</a></li>
<li><a href="/docs/api">API reference</a></li><li><a href="/docs/changelog">Changelog</a></li>
</ul></nav></aside>
<main class="docs-content">
<h1>Reading configuration files</h1>
<p>Tern reads its settings from a TOML file. By default it looks for <code>tern.toml</code>
in the working directory; pass <code>--config</code> to use another file.</p>
<h2>A minimal file</h2>
<pre class="highlight"><code class="language-toml">[server]
host = "127.0.0.1"
port = 8080
</code></pre>
<p>Every key has a default, so an empty file is valid. Unknown keys are reported as errors
rather than ignored, which catches misspelt settings early.</p>
<h2>Loading it from Python</h2>
<pre class="highlight"><code class="language-python">from tern import load_config

config = load_config("tern.toml")
print(config.server.port)
</code></pre>
<h3>Parameters</h3>
<table class="params"><tr><th>Name</th><th>Type</th><th>Description</th></tr>
<tr><td><code>path</code></td><td><code>str</code></td><td>The file to read.</td></tr>
<tr><td><code>strict</code></td><td><code>bool</code></td><td>Reject unknown keys.</td></tr>
</table>
<div class="admonition note"><p>Environment variables override the file: <code>TERN_PORT</code>
sets <code>server.port</code>.</p></div>
</main>
<nav class="on-this-page"><a href="#a-minimal-file">A minimal file</a>
<a href="#loading-it-from-python">Loading it from Python</a></nav>
</div>{_FOOTER}</body></html>"""


@pytest.mark.parametrize(
    ("page", "url", "expected"),
    [
        (PRODUCT_PAGE, "https://northwind.example/products/trailhead-40", "product"),
        (ARTICLE_PAGE, "https://gazette.example/news/2024/05/02/breakwater-approved", "article"),
        (FORUM_PAGE, "https://bakers.example/forum/threads/runny-starter.4411/", "forum"),
        (DOCS_PAGE, "https://tern.example/docs/config", "documentation"),
    ],
    ids=["product", "article", "forum", "documentation"],
)
def test_hand_written_pages_get_their_type(page: str, url: str, expected: str) -> None:
    doc = clean(page, url=url)
    assert doc.format == "html"
    assert doc.page_type == expected
    assert doc.provenance["page_type"] == "model"
    assert doc.to_dict()["page_type"] == expected


def test_a_product_page_and_a_forum_thread_read_as_such_without_a_url() -> None:
    """Without a url, the structure alone tells: JSON-LD, prices and cart; posts and replies."""
    assert clean(PRODUCT_PAGE).page_type == "product"
    assert clean(FORUM_PAGE).page_type == "forum"


@pytest.mark.parametrize(
    "raw",
    ["Just a paragraph of plain text about the harbour.", "# A heading\n\nSome *Markdown* text."],
    ids=["text", "markdown"],
)
def test_text_and_markdown_have_no_page_type(raw: str) -> None:
    doc = clean(raw)
    assert doc.format in ("text", "markdown")
    assert doc.page_type is None and "page_type" not in doc.provenance
    assert doc.to_dict()["page_type"] is None


def test_a_page_with_almost_no_text_is_other() -> None:
    shell = (
        '<!doctype html><html><head><title>App</title><script src="/app.js"></script></head>'
        '<body><div id="root"></div><noscript>Enable JavaScript.</noscript></body></html>'
    )
    doc = clean(shell, url="https://app.example/dashboard")
    assert (doc.page_type, doc.provenance["page_type"]) == ("other", "html")


def test_scripts_and_styles_are_not_visible_text() -> None:
    padding = "var data = " + json.dumps(["x" * 50] * 200) + ";"
    page = f"<html><body><script>{padding}</script><style>p {{ color: red }}</style><p>Hi</p>"
    tree = LexborHTMLParser(page)
    features = page_features(tree, page, collect(tree), None)
    assert features["text_chars"] == 2
    assert features["text_chars"] < MIN_TEXT_CHARS


def test_the_page_type_leaves_the_extraction_alone() -> None:
    """Classifying reads the tree and changes nothing the extraction then sees."""
    tree = LexborHTMLParser(ARTICLE_PAGE)
    before = tree.html
    classify_page(tree, ARTICLE_PAGE, collect(tree), None)
    assert tree.html == before


# --- features ----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [PRODUCT_PAGE, ARTICLE_PAGE, FORUM_PAGE, DOCS_PAGE, "", "<p>x"])
def test_features_are_finite_numbers_the_model_knows(page: str) -> None:
    tree = LexborHTMLParser(page)
    features = page_features(tree, page, collect(tree), "https://example.org/a/b")
    assert all(isinstance(v, float) and math.isfinite(v) for v in features.values())
    assert set(default_cascade().full.features) == set(features)


def test_features_of_a_frameset_page_are_those_of_an_empty_body() -> None:
    page = '<html><frameset><frame src="a.html"></frameset></html>'
    tree = LexborHTMLParser(page)
    assert tree.body is None
    features = page_features(tree, page, collect(tree), None)
    empty = LexborHTMLParser("")
    assert features == page_features(empty, "", collect(empty), None)


def test_repeated_cards_are_counted_among_siblings() -> None:
    cards = "".join(
        f'<li class="tile"><a href="/p/{n}"><img src="/{n}.jpg" alt=""></a>'
        f'<h3><a href="/p/{n}">Sturdy oak side table number {n} with drawer</a></h3>'
        f'<span class="cost">£{40 + n}.00</span></li>'
        for n in range(6)
    )
    page = f'<html><body><ul class="tiles">{cards}</ul><p>{"Words. " * 40}</p></body></html>'
    tree = LexborHTMLParser(page)
    features = page_features(tree, page, collect(tree), None)
    assert features["rep_cards"] == 6
    assert features["rep_teasers"] == 6
    assert features["rep_priced_cards"] >= 1
    assert features["n_prices"] == 6


SERVICE_PAGE = f"""<!doctype html><html><head>
<title>Commercial Roof Repair and Replacement | Northwind Roofing</title></head><body>{_NAV}
<main><section><h1>Roofs that keep your business running</h1>
<p>From emergency leak repairs to full replacements, our crews work around your opening hours
so your staff and customers are never disturbed.</p><a href="/quote">Get a free quote</a></section>
<section><h2>Repairs</h2><p>We find and fix leaks on flat and pitched roofs, with a written
report and photographs of every repair we make.</p></section>
<section><h2>Coatings</h2><p>A silicone or acrylic coating adds ten to fifteen years to a sound
roof at a fraction of the cost of replacing it.</p></section>
<section><h2>Replacement</h2><p>When a roof is past saving we strip it, inspect the deck and
install a new membrane with a twenty-year warranty.</p></section>
<section><h2>Why choose us</h2><ul><li>Licensed and insured</li><li>Thirty years in business</li>
<li>Free inspections</li></ul></section></main>{_FOOTER}</body></html>"""
SERVICE_URL = "https://northwind.example/commercial-roofing"


def test_a_service_page_goes_by_its_title_tags_name_not_its_h1s_slogan() -> None:
    doc = clean(SERVICE_PAGE, url=SERVICE_URL)
    assert doc.page_type == "service"
    assert doc.title == "Commercial Roof Repair and Replacement"


def test_a_title_the_caller_gives_stays_on_a_service_page() -> None:
    doc = clean(SERVICE_PAGE, url=SERVICE_URL, known={"title": "Roof services"})
    assert doc.title == "Roof services"


def _priced_cards(count: int) -> str:
    card = (
        '<div itemscope itemtype="https://schema.org/Product"><a itemprop="name" href="/p{n}">'
        'Pruning saw {n}</a><div itemprop="offers" itemscope itemtype="https://schema.org/Offer">'
        '<span>2{n},00 €</span><meta itemprop="price" content="2{n}.00"></div></div>'
    )
    return "".join(card.format(n=n) for n in range(count))


def test_one_microdata_price_declares_a_product_and_a_grid_of_them_does_not() -> None:
    from cleaner.page_type.declared import MANY_PRICED_ITEMS, declared_features

    def declared(count: int) -> float:
        tree = LexborHTMLParser(f"<html><body>{_priced_cards(count)}</body></html>")
        return declared_features(collect(tree))["meta_product"]

    assert declared(1) == 1.0
    assert declared(MANY_PRICED_ITEMS) == 0.0
    assert declared(0) == 0.0


@pytest.mark.parametrize("kind", ["Dentist", "Attorney", "Restaurant", "RoofingContractor"])
def test_a_local_business_of_any_name_declares_a_business(kind: str) -> None:
    from cleaner.page_type.declared import declared_features

    data = json.dumps({"@context": "https://schema.org", "@type": kind, "name": "Harbour"})
    tree = LexborHTMLParser(
        f'<html><head><script type="application/ld+json">{data}</script></head></html>'
    )
    assert declared_features(collect(tree))["ld_business"] == 1.0


@pytest.mark.parametrize(
    ("url", "forum_words"),
    [
        ("https://github.com/acme/widget/pull/482", 1),
        ("https://codeberg.org/kiezwerk/fahrplan-sync/issues/142", 1),
        ("https://gitlab.example.com/infra/deploy/-/merge_requests/12", 1),
        ("https://bugs.example.org/show_bug.cgi?id=1834", 1),
        ("https://bugs.launchpad.net/ubuntu/+source/netplan/+bug/2051", 1),
        ("https://gazette.example/news/2024/05/02/legal-issues-mount-for-pier-bug-fix", 0),
    ],
)
def test_an_issue_trackers_path_names_a_discussion_and_a_slugs_words_do_not(
    url: str, forum_words: int
) -> None:
    from cleaner.page_type.url_features import url_features

    assert url_features(url)["url_forum"] == forum_words
