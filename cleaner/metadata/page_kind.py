"""Whether a page declares itself an article, weighing what its metadata says.

A JSON-LD article object is a declaration. An Open Graph type of `article` is one
too, except where the page's JSON-LD states another kind of page: WordPress SEO
plugins write `og:type` "article" on every page of a site, its service pages,
shops and contact pages included, and a page so declared had its content taken
as one article container (see `cleaner.extract.page.extract_text`), losing the
sections around it.
"""

from __future__ import annotations

from cleaner.metadata.page import Page, meta_value, types_of

#: JSON-LD types (lower case) of pages that are not articles: products and offers,
#: services and businesses, lists, listings, events, courses, software, Q&A, FAQs and
#: the site's about, contact and profile pages.
OTHER_PAGE_TYPES = frozenset(
    {
        *("product", "productgroup", "offer", "aggregateoffer", "service", "localbusiness"),
        *("store", "restaurant", "itemlist", "collectionpage", "searchresultspage"),
        *("jobposting", "realestatelisting", "event", "course", "softwareapplication"),
        *("qapage", "faqpage", "aboutpage", "contactpage", "profilepage", "checkoutpage"),
    }
)


def declares_article(page: Page) -> bool:
    """Whether the page calls itself an article: a JSON-LD article, else `og:type`
    "article" on a page whose JSON-LD states no other kind of page."""
    if page.articles:
        return True
    og_type = (meta_value(page, "og:type") or "").strip().lower()
    return og_type == "article" and not states_other_kind(page)


def states_other_kind(page: Page) -> bool:
    """Whether a JSON-LD object of the page is typed as a non-article page or thing."""
    return any(kind in OTHER_PAGE_TYPES for obj in page.others for kind in types_of(obj))
