"""Date values: machine-written dates read, capped by the crawl day, moved to the publisher's day.

Every date comes out in the project's form (`cleaner.dates.parse_date`):
`2024-05-17`, or `2024-05-19T10:34` when a time of day is known, with no
seconds and no time zone (the time is kept as the page wrote it, in its own
zone). A date after the crawl date cannot be the publication date of a
crawled page, so it is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple

from cleaner.dates import parse_date

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
    """The publication date in the publisher's own day, for a timestamp with a time of day.

    `2019-11-19T03:05Z` is the evening of Nov 18 in America, and readers (and
    labels) see the 18th; a CNN page stamped the same moment shows "November
    19" in GMT, whatever day its url names. So the first date a reader sees on
    the page settles it; without one, the url's day (written by the publisher's
    CMS in local time) does, for a UTC timestamp. Either only counts when it is
    the day before or after: anything else is another date, not the same moment
    seen from another zone.
    """
    day = dt.date.fromisoformat(found.value[:10])
    neighbours = {(day + dt.timedelta(days=shift)).isoformat() for shift in (-1, 1)}
    for text in visible:
        parsed = parse_date(text)
        if parsed is None:
            continue
        if parsed[:10] in neighbours and plausible(parsed, crawl_day):
            return FoundDate(parsed, "html", text)
        return found
    from_url = url_date(url)
    if is_utc_time(found) and from_url in neighbours and plausible(from_url, crawl_day):
        return FoundDate(from_url, "url", from_url)
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
