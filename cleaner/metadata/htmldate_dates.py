"""htmldate's reading of a post's date: the last resort when the page's own date code found none.

htmldate (a dependency of trafilatura) knows where sites put dates that our
own code does not read: an unlabelled element with a date-like class or id,
a forum post's timestamp, in many date formats. Structured data, date markup
and the dateline come first, as they are faster and more exact; this module
is asked only when they found nothing, and only about pages that look like
one post or article:

* the page calls itself an article (`og:type`), or its URL ends in a slug of
  several words (`/how-we-keep-pests-out/`), as single posts' URLs do;
* it does not declare itself a product, an offer or a list of things (Open
  Graph or JSON-LD types): a shop's or a catalogue's timestamps are stock and
  price updates, not publications.

Other pages (home pages, categories, documentation, services) rarely have a
publication date, and htmldate, which takes whatever date it finds, would
give them one. Its answer is capped by the crawl day like every other date,
and htmldate is told the cap, so it never returns a date after it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from urllib.parse import urlsplit

from cleaner.metadata.date_values import FoundDate, plausible
from cleaner.metadata.page import Page, meta_value, types_of

#: JSON-LD types of pages that sell or list things rather than publish them.
_UNDATED_TYPES = frozenset(
    {"product", "productgroup", "offer", "aggregateoffer", "itemlist", "collectionpage"}
    | {"searchresultspage", "softwareapplication", "webapplication", "mobileapplication"}
)
#: Parts of an og:type naming a product (`product`, `product.group`, `ebay-objects:item`).
_UNDATED_OG_TYPES = ("product", "item")
_SLUG_WORD = re.compile(r"[^\W_]+")
_SLUG_WORDS = 4  # a last path segment of this many words names one post


def htmldate_date(
    html: str, page: Page, url: str | None, crawl_day: str | None
) -> FoundDate | None:
    """The publication date htmldate finds on a page that looks like one post, else None.

    `html` is the page's source, `page` what `page.collect` read of it, `url`
    its address; the date is a day (`YYYY-MM-DD`), never after `crawl_day`.
    """
    if not html or not looks_like_a_post(page, url):
        return None
    found = _find_date(html, url, crawl_day)
    if found is None or not plausible(found, crawl_day):
        return None
    return FoundDate(found, "html", found)


def looks_like_a_post(page: Page, url: str | None) -> bool:
    """True for a page that calls itself an article or has a post's URL, and sells nothing."""
    og_type = (meta_value(page, "og:type") or "").lower()
    if any(part in og_type for part in _UNDATED_OG_TYPES) or _declares_goods_or_lists(page):
        return False
    return og_type == "article" or _has_slug(url)


def _declares_goods_or_lists(page: Page) -> bool:
    """True when a JSON-LD object types the page as a product, an offer or a list."""
    return any(
        kind in _UNDATED_TYPES for obj in (*page.articles, *page.others) for kind in types_of(obj)
    )


def _has_slug(url: str | None) -> bool:
    """True when the URL's last path segment is a slug of several words."""
    if not url:
        return False
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    segments = [segment for segment in path.split("/") if segment]
    if not segments:
        return False
    last = segments[-1].rsplit(".", 1)[0]  # without `.html`
    return len(_SLUG_WORD.findall(last)) >= _SLUG_WORDS


def _find_date(html: str, url: str | None, crawl_day: str | None) -> str | None:
    """htmldate's original (not updated) date of the page, never after `crawl_day`."""
    from htmldate import find_date  # imported late: most pages never get here

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)  # its per-page messages
    try:
        return find_date(
            html,
            url=url,
            original_date=True,
            extensive_search=False,
            max_date=_max_date(crawl_day),
        )
    except (ValueError, TypeError, OverflowError, RecursionError):
        return None


def _max_date(crawl_day: str | None) -> str | None:
    """The latest date htmldate may return: the crawl day, else its own default (today)."""
    if crawl_day is None:
        return None
    try:
        return dt.date.fromisoformat(crawl_day).isoformat()
    except ValueError:
        return None
