"""The publication date of an HTML page, from structured data, markup and the URL.

Candidates are tried in order of trust and the first usable one wins (see
`date_values.first_date`); the body is searched only when no structured date
serves, the page's text (the caller's `from_text`: the dateline, htmldate)
only when no date is marked up, and the modification date only when nothing
else dates the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from selectolax.lexbor import LexborNode

from cleaner.dom import ancestors
from cleaner.metadata.date_values import FoundDate, first_date, local_day, url_date
from cleaner.metadata.markup import Markup
from cleaner.metadata.page import Page, primary_article, types_of

#: Meta keys (lower case; `itemprop:` marks microdata) naming the publication date, best first.
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "article.published",
    "og:published_time",
    "itemprop:datepublished",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article_date_original",
    "originalpublicationdate",
    "citation_publication_date",
    "cxenseparse:recs:publishtime",
    "itemprop:datecreated",
    "datecreated",
    "article.created",
    "pdate",
)

#: Meta keys naming the last modification: used only when nothing else dates the page.
MODIFIED_META: tuple[str, ...] = (
    "article:modified_time",
    "itemprop:datemodified",
    "datemodified",
    "og:updated_time",
    "article.updated",
    "last-modified",
)

#: Parts of date class tokens that mark another date than the publication's.
_OTHER_DATES = (
    *("updat", "modif", "candidate", "validate", "picker", "dates", "tweet", "calendar"),
    *("comment", "issue", "event", "expir", "birth", "today", "current"),
)
#: Microdata properties of other dates than the publication's.
_OTHER_ITEMPROPS = frozenset(
    {"datemodified", "startdate", "enddate", "birthdate", "deathdate", "expires", "uploaddate"}
)
_VISIBLE_TEXT_LIMIT = 120  # longer text is a paragraph, not a date line


def choose_date(
    page: Page,
    markup: Markup,
    url: str | None,
    crawl_day: str | None,
    from_text: Callable[[], FoundDate | None] = lambda: None,
) -> FoundDate | None:
    """The publication date: structured data, then markup and the url, the page's text, and
    last the modified date.

    `from_text` reads a date from the page's text (the dateline, htmldate):
    it is asked only when no publication date is marked up. A timestamp from
    metadata is moved to the day a reader sees on the page, or for a UTC one
    to the url's day (see `date_values.local_day`).
    """
    found = first_date(_published_candidates(page, markup, url), crawl_day) or from_text()
    if found is None:
        found = first_date(_modified_candidates(page), crawl_day)
    if found is not None and found.source != "html" and "T" in found.value:
        found = local_day(found, url, _visible_dates(markup), crawl_day)
    return found


def _visible_dates(markup: Markup) -> Iterator[str]:
    """Visible date texts, scanning the body only once iterated."""
    yield from visible_dates(markup.nodes(), markup.bylines())


def _published_candidates(
    page: Page, markup: Markup, url: str | None
) -> Iterator[tuple[str | None, str]]:
    """Publication date candidates, best first; the body is only searched if reached.

    JSON-LD dates come from the page's own article (other article objects are
    related stories) and from WebPage objects, which some sites date instead.
    """
    primary = primary_article(page)
    objects = [primary] if primary is not None else []
    objects += [o for o in page.others if any(t.endswith("page") for t in types_of(o))]
    for value in jsonld_dates(objects, ("datePublished", "dateCreated")):
        yield value, "json-ld"
    yield from meta_dates(page.meta, PUBLISHED_META)
    yield from markup_dates(markup.nodes(), markup.bylines(), url)


def _modified_candidates(page: Page) -> Iterator[tuple[str | None, str]]:
    """Modification dates: the last resort when nothing says when the page was published."""
    primary = primary_article(page)
    for value in jsonld_dates([primary] if primary else [], ("dateModified",)):
        yield value, "json-ld"
    yield from meta_dates(page.meta, MODIFIED_META)


def meta_dates(meta: Mapping[str, Sequence[str]], keys: Sequence[str]) -> Iterable[tuple[str, str]]:
    """(value, source) for each value of `keys` in meta order; itemprop keys are microdata."""
    for key in keys:
        source = "microdata" if key.startswith("itemprop:") else "meta"
        for value in meta.get(key, ()):
            yield value, source


def jsonld_dates(objects: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> Iterable[str]:
    """String values of `keys` in the JSON-LD objects, object by object."""
    for obj in objects:
        for key in keys:
            value = obj.get(key)
            if isinstance(value, list) and value:
                value = value[0]
            if isinstance(value, str):
                yield value


def markup_dates(
    nodes: Sequence[LexborNode], bylines: Sequence[LexborNode], url: str | None
) -> Iterator[tuple[str | None, str]]:
    """(raw value, source) from body markup and the url, most trusted first.

    `nodes` are the body's date-like and byline-like elements in page order,
    `bylines` those of them that are bylines. Microdata comes first, then
    `<time datetime>` and date elements inside article/main, the url's
    day, and last the same kinds elsewhere on the page and byline text.
    """
    microdata: list[str | None] = []
    placed: list[str | None] = []
    elsewhere: list[str | None] = []
    for node in nodes:
        value = _date_value(node)
        if value is None:
            continue
        if node.attributes.get("itemprop") in ("datePublished", "dateCreated"):
            microdata.append(value)
        elif not _in_other_box(node):
            (placed if _in_article(node) else elsewhere).append(value)
    yield from ((value, "microdata") for value in microdata)
    yield from ((value, "html") for value in placed)
    yield url_date(url), "url"
    yield from ((value, "html") for value in elsewhere)
    for node in bylines:
        text = node.text(separator=" ")
        yield (text if len(text) <= _VISIBLE_TEXT_LIMIT else None), "html"


def visible_dates(nodes: Sequence[LexborNode], bylines: Sequence[LexborNode]) -> Iterator[str]:
    """Date texts a reader sees by the headline: bylines, then dated elements in the article."""
    for node in bylines:
        text = node.text(separator=" ")
        if len(text) <= _VISIBLE_TEXT_LIMIT:
            yield text
    for node in nodes:
        if node.attributes.get("itemprop") or not _in_article(node) or _in_other_box(node):
            continue
        if node.tag == "time" or _is_date_class(node.attributes.get("class")):
            text = node.text(separator=" ")
            if len(text) <= _VISIBLE_TEXT_LIMIT:
                yield text


def _date_value(node: LexborNode) -> str | None:
    """The date an element states: microdata content, a datetime, or a date element's text."""
    attrs = node.attributes
    itemprop = attrs.get("itemprop")
    if itemprop in ("datePublished", "dateCreated"):
        return attrs.get("content") or attrs.get("datetime") or node.text()
    if itemprop and itemprop.lower() in _OTHER_ITEMPROPS:
        return None
    if node.tag == "time" and attrs.get("datetime"):
        return attrs.get("datetime")
    if node.tag != "time" and not _is_date_class(attrs.get("class")):
        return None
    text = node.text(separator=" ")
    return text if len(text) <= _VISIBLE_TEXT_LIMIT else None


def _is_date_class(classes: str | None) -> bool:
    """True when a class token names a date and no other date than the publication's."""
    tokens = (classes or "").lower().split()
    return any("date" in t and not any(o in t for o in _OTHER_DATES) for t in tokens)


#: Parts of class and id tokens of the boxes whose dates are other pages' or other
#: people's: related and recommended posts, comments, sidebars and widgets, and the
#: site's masthead or top bar, which shows today's date.
_OTHER_BOXES = re.compile(
    r"related|recommend|comment|reply|sidebar|widget|teaser|masthead|top-?bar|top_bar"
    r"|top[-_]date|navbar",
    re.IGNORECASE,
)


def _in_other_box(node: LexborNode) -> bool:
    """True when a date element is, or sits in, a box of other posts' dates (see
    _OTHER_BOXES)."""
    for parent in (node, *ancestors(node, stop_at=("body", "html"))):
        attrs = parent.attributes
        names = attrs.get("class")
        if names and _OTHER_BOXES.search(names):
            return True
        names = attrs.get("id")
        if names and _OTHER_BOXES.search(names):
            return True
    return False


def _in_article(node: LexborNode) -> bool:
    """True when the node sits inside an article or main element.

    Not a bare `<header>`: the site's masthead is one, and shows today's date.
    """
    return any(parent.tag in ("article", "main") for parent in ancestors(node))
