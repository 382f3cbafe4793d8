"""Article metadata (title, authors, date, url, site, section) from a parsed HTML page.

Runs on the untouched page, before any chrome is removed, and reads what
publishers put there for machines (JSON-LD, Open Graph and other meta tags,
microdata) alongside the visible markup (the `<h1>`, bylines, `<time>`). It
is built for speed: one CSS traversal of the body (and a cheap one of the
head) collects the structured data and the h1s (`page`); a second one, for
bylines and dates (`markup`), runs only when a page needs it (no structured
author or date, a structured author to check against the byline, a UTC
timestamp to place in the publisher's day). A page with no marked-up date
has its text read: the dateline beside the headline (`datelines`), then, for
a page that looks like a post, htmldate, which parses the page again with
lxml (`htmldate_dates`); so the cost of a date guessing library is paid by
few pages.

Fields are read in this order, each from what the earlier ones settled: the
url and its site (`page`), the names the site goes by (`site_names`), then
the title (`titles`), the authors (`authors`, `author_names`), the date
(`dates`, `date_values`, then `datelines` and `htmldate_dates`) and the
section (`page`), which the site names filter.

The values aim at what a reader would call the article's title, author and
date: the visible headline without the site name, the people credited (not
the publication), and the publication (not modification) date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser

from cleaner.lazy_text import LazyText, text_of
from cleaner.metadata.authors import choose_authors
from cleaner.metadata.date_values import FoundDate, crawl_day_of
from cleaner.metadata.datelines import dateline_date
from cleaner.metadata.dates import choose_date
from cleaner.metadata.htmldate_dates import htmldate_date
from cleaner.metadata.markup import Markup
from cleaner.metadata.page import Page, collect, page_url, section_of
from cleaner.metadata.page_kind import declares_article
from cleaner.metadata.site_names import own_site_names, site_names_of
from cleaner.metadata.titles import headline_names, named_title, rule_title
from cleaner.page_selectors import BYLINES_AND_DATES
from cleaner.urls import is_home_page, site_of


class _TitleInputs(NamedTuple):
    """What `rule_title` chose a title from, and its choice."""

    page: Page
    names: list[str]
    home: bool
    chosen: tuple[str, str]


@dataclass
class PageMetadata:
    """Metadata of one page; `provenance` says where each field came from.

    Where from: "json-ld", "meta", "microdata", "html" (visible markup such as
    the h1, a byline, a `<time>` or the canonical link), "url" (the site, or a
    date in the url's path) and "argument" (the url the caller gave).
    """

    title: str | None = None
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    site: str | None = None
    section: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    #: What the title was chosen from, for `named_title`.
    title_inputs: _TitleInputs | None = field(default=None, repr=False, compare=False)
    #: Whether the page declares itself an article (a JSON-LD article object, or
    #: og:type "article"): extraction then trusts the prose-based finder.
    declares_article: bool = False

    def named_title(self) -> tuple[str, str] | None:
        """(title, source) the page's `<title>` gives, when `title` is an h1 no title
        candidate states as it is: a service page's name beside its slogan. Worked
        out only when asked: only a service page's caller asks."""
        inputs = self.title_inputs
        if inputs is None:
            return None
        return named_title(inputs.page, inputs.names, inputs.home, inputs.chosen)


def extract_metadata(
    tree: LexborHTMLParser,
    url: str | None = None,
    crawl_date: str | None = None,
    html: LazyText | None = None,
    *,
    collected: Page | None = None,
    bylines_and_dates: str = BYLINES_AND_DATES,
) -> PageMetadata:
    """The metadata of a parsed page; never raises for broken markup or bad JSON-LD.

    `url` is where the page was fetched (resolves a relative canonical link and
    gives the site); `crawl_date` (ISO) caps the date: a later one is skipped.
    `html` is the source `tree` was parsed from (or what decodes it, see
    `cleaner.lazy_text`), which htmldate reads when the page's own date markup
    says nothing (serialised from `tree` if not given).
    `collected`: the page's meta tags and JSON-LD as `collect` found them, when
    the caller collected them already (the page type reads them too).
    `bylines_and_dates`: the part of BYLINES_AND_DATES that can match the page,
    when the caller knows it (see `cleaner.rules.dom_prefilter`).
    """
    page = collected if collected is not None else collect(tree)
    markup = Markup(tree, bylines_and_dates)
    result = PageMetadata()
    found_url = page_url(page, url)
    if found_url is not None:
        result.url, result.provenance["url"] = found_url
    result.site = site_of(result.url) or site_of(url)
    if result.site:
        result.provenance["site"] = "url"
    names = site_names_of(page, result.site)
    home = is_home_page(url or result.url)
    shown_names = headline_names(page, names)
    title = rule_title(page, shown_names, home)
    if title is not None:
        result.title, result.provenance["title"] = title
        result.title_inputs = _TitleInputs(page, shown_names, home, title)
    authors = choose_authors(page, markup, names, own_site_names(page, result.site))
    if authors is not None:
        result.authors, result.provenance["author"] = authors
        result.author = ", ".join(result.authors)
    crawl_day = crawl_day_of(crawl_date)

    def from_text() -> FoundDate | None:
        """The date beside the headline, else htmldate's on a page that looks like a post."""
        found = dateline_date(page.h1, result.title, names, crawl_day)
        if found is None:
            source = text_of(html) if html is not None else tree.html or ""
            found = htmldate_date(source, page, url or result.url, crawl_day)
        return found

    date = choose_date(page, markup, result.url, crawl_day, from_text)
    if date is not None:
        result.date, result.provenance["date"] = date.value, date.source
    result.declares_article = declares_article(page)
    section = section_of(page, names)
    if section is not None:
        result.section, result.provenance["section"] = section
    return result
