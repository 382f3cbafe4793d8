"""Publication dates of HTML pages, from structured data, markup and the URL.

Helpers for `cleaner.html_metadata`. Every date comes out in the project's
form (`cleaner.dates.parse_date`): `2024-05-17`, or `2024-05-19T10:34` when a
time of day is known, with no seconds and no time zone (the time is kept as
the page wrote it, in its own zone). Candidates are tried in order of trust
and the first usable one wins; a date after the crawl date cannot be the
publication date of a crawled page, so it is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from selectolax.lexbor import LexborNode

from cleaner.dates import parse_date

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

_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|[a-z]{3})[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)"
    r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)
_URL_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_SLASHED_ISO = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})\b")
_MIN_YEAR = 1971  # epoch 0 and "0001-01-01" are placeholders, never publication dates
_VISIBLE_TEXT_LIMIT = 120  # longer text is a paragraph, not a date line


def machine_date(value: str) -> str | None:
    """ISO date of a machine-written value (ISO text, `YYYY/MM/DD`, `YYYYMMDD`, epoch).

    Midnight is dropped as a time: CMSes write `T00:00:00` for date-only values.
    """
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return _numeric_date(value)
    slashed = _SLASHED_ISO.match(value)
    if slashed:
        value = "{}-{}-{}{}".format(*slashed.groups(), value[slashed.end() :])
    parsed = parse_date(value)
    if parsed is not None and parsed.endswith("T00:00"):
        return parsed[:10]
    return parsed


def _numeric_date(value: str) -> str | None:
    """`YYYYMMDD`, or Unix time in seconds or milliseconds (as UTC)."""
    try:
        if len(value) == 8:
            return dt.datetime.strptime(value, "%Y%m%d").date().isoformat()
        if len(value) in (10, 13):
            seconds = int(value) / (1000 if len(value) == 13 else 1)
            stamp = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
            return stamp.strftime("%Y-%m-%dT%H:%M")
    except (ValueError, OverflowError, OSError):
        return None
    return None


class FoundDate(NamedTuple):
    """A date chosen for the page: ISO value, its source, and the text it was read from."""

    value: str
    source: str
    raw: str


def first_date(
    candidates: Iterable[tuple[str | None, str]], crawl_day: str | None
) -> FoundDate | None:
    """The first candidate whose value parses and is not after `crawl_day`.

    Candidates are (raw value, source) pairs, parsed lazily so that a page
    with a good first candidate costs one parse.
    """
    for raw, source in candidates:
        if not raw:
            continue
        parsed = machine_date(raw)
        if parsed is not None and plausible(parsed, crawl_day):
            return FoundDate(parsed, source, raw)
    return None


_UTC = re.compile(r"(?:Z|[+-]00:?00|\bUTC|\bGMT)$", re.IGNORECASE)


def is_utc_time(found: FoundDate) -> bool:
    """True for a timestamp written in UTC, whose day may not be the publisher's."""
    return "T" in found.value and _UTC.search(found.raw.strip()) is not None


def local_day(
    found: FoundDate, url: str | None, visible: Iterable[str], crawl_day: str | None
) -> FoundDate:
    """The publication date in the publisher's own day, for a UTC timestamp.

    `2019-11-19T03:05Z` is the evening of Nov 18 in America, and readers (and
    labels) see the 18th. The url's day, written by the publisher's CMS in
    local time, settles it; without one, the first visible date on the page
    does. Either only counts when it is the day before or after: anything
    else is another date, not the same moment seen from another zone.
    """
    day = dt.date.fromisoformat(found.value[:10])
    neighbours = {(day + dt.timedelta(days=shift)).isoformat() for shift in (-1, 1)}
    from_url = url_date(url)
    if from_url is not None:
        if from_url in neighbours and plausible(from_url, crawl_day):
            return FoundDate(from_url, "url", from_url)
        return found
    for text in visible:
        parsed = parse_date(text)
        if parsed is None:
            continue
        if parsed[:10] in neighbours and plausible(parsed, crawl_day):
            return FoundDate(parsed, "html", text)
        break
    return found


def plausible(date: str, crawl_day: str | None) -> bool:
    """False for placeholder years and for days after the crawl day.

    The cap compares days only: the page's time is in its own zone and the
    crawl time may be in another, so a same-day time proves nothing.
    """
    if int(date[:4]) < _MIN_YEAR:
        return False
    return crawl_day is None or date[:10] <= crawl_day


def crawl_day_of(crawl_date: str | None) -> str | None:
    """The `YYYY-MM-DD` day of a crawl date given in any form parse_date reads."""
    if not crawl_date:
        return None
    parsed = machine_date(crawl_date)
    return parsed[:10] if parsed else None


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


def url_date(url: str | None) -> str | None:
    """The day written in a URL path (`/2024/05/17/`, `/2024-05-17-`, `/20240517/`)."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match is None:
        return None
    year, month, day = (p for p in match.groups() if p is not None)
    number = _URL_MONTHS.get(month.lower(), 0) if month.isalpha() else int(month)
    try:
        return dt.date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


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
        else:
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
        if node.attributes.get("itemprop") or not _in_article(node):
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


def _in_article(node: LexborNode) -> bool:
    """True when the node sits inside an article or main element.

    Not a bare `<header>`: the site's masthead is one, and shows today's date.
    """
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return True
        parent = parent.parent
    return False
