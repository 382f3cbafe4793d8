"""Features from what a page declares for machines: JSON-LD types, Open Graph type, meta tags.

The JSON-LD objects and meta tags are those the metadata step collected
(`cleaner.metadata.page.collect`), so nothing is parsed twice.
"""

from __future__ import annotations

from collections import Counter

from cleaner.metadata.page import Page, types_of

#: JSON-LD `@type`s (lower case, without a schema.org prefix) by the kind the features count.
LD_KINDS: dict[str, str] = {
    "article": (
        "article newsarticle blogposting reportagenewsarticle report liveblogposting "
        "opinionnewsarticle analysisnewsarticle scholarlyarticle"
    ),
    "techarticle": "techarticle apireference softwaresourcecode howto",
    "product": (
        "product productgroup productmodel individualproduct offer aggregateoffer "
        "itempage car vehicle book"
    ),
    "collection": "collectionpage itemlist offercatalog searchresultspage",
    "forum": "discussionforumposting qapage answer comment socialmediaposting",
    "faq": "faqpage question",
    "business": (
        "localbusiness professionalservice service store softwareapplication "
        "webapplication mobileapplication financialproduct medicalbusiness "
        # schema.org's local businesses whose names end in none of _BUSINESS_ENDINGS
        "dentist physician attorney notary optician pharmacy hospital veterinarycare "
        "plumber electrician locksmith movingcompany realestateagent autorepair "
        "autodealer childcare dayspa hairsalon exercisegym restaurant bakery "
        "cafeorcoffeeshop barorpub hotel motel hostel"
    ),
    "person": "person",
    "breadcrumb": "breadcrumblist",
    "event": "event jobposting course recipe",
}
_KIND_OF = {name: kind for kind, names in LD_KINDS.items() for name in names.split()}
#: Type endings that make a business kind: schema.org has hundreds of local business
#: types (`hvacbusiness`, `clothingstore`, `roofingcontractor`...).
_BUSINESS_ENDINGS = ("business", "store", "service", "contractor", "agency", "clinic")

#: Words of an `og:type` value by kind (`article`, `blog`, `product.item`, `og:product`...).
OG_KINDS: dict[str, str] = {
    "article": "article blog post news",
    "product": "product item",
    "group": "group",
    "website": "website",
}
_ARTICLE_META = ("article:published_time", "article:author", "author")
_PRODUCT_META = ("product:price:amount", "og:price:amount")
#: Microdata prices: one is a product page's; this many or more are the cards of a
#: category page that marks every card up as a Product (JTL, PrestaShop's miniatures).
_MICRODATA_PRICE = "itemprop:price"
MANY_PRICED_ITEMS = 3


def declared_features(signals: Page) -> dict[str, float]:
    """`ld_<kind>`: JSON-LD objects of each kind; `og_<kind>`, `og_missing`; `meta_<kind>`."""
    kinds: Counter[str] = Counter()
    objects = [*signals.articles, *signals.others]
    for obj in objects:
        for name in set(types_of(obj)):
            kind = _KIND_OF.get(name)
            if kind is None and name.endswith(_BUSINESS_ENDINGS):
                kind = "business"
            if kind is not None:
                kinds[kind] += 1
    features = {f"ld_{kind}": float(kinds[kind]) for kind in LD_KINDS}
    features["ld_objects"] = float(len(objects))
    meta = signals.meta
    og_type = " ".join(meta.get("og:type", ())).lower()
    for kind, words in OG_KINDS.items():
        features[f"og_{kind}"] = float(any(word in og_type for word in words.split()))
    features["og_missing"] = float(not og_type)
    features["meta_article"] = float(any(key in meta for key in _ARTICLE_META))
    prices = len(meta.get(_MICRODATA_PRICE, ()))
    features["meta_product"] = float(
        any(key in meta for key in _PRODUCT_META) or 0 < prices < MANY_PRICED_ITEMS
    )
    return features
