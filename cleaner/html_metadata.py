"""Article metadata (title, authors, date, url, site, section) from a parsed HTML page.

Runs on the untouched page, before any chrome is removed, and reads what
publishers put there for machines (JSON-LD, Open Graph and other meta tags,
microdata) alongside the visible markup (the `<h1>`, bylines, `<time>`). It
is built for speed: one CSS traversal of the body (and a cheap one of the
head) collects the structured data and the h1s; a second one, for bylines
and dates, runs only when a page needs it (no structured author or date, a
structured author to check against the byline, a UTC timestamp to place in
the publisher's day). No lxml, no date guessing library.

The values aim at what a reader would call the article's title, author and
date: the visible headline without the site name, the people credited (not
the publication), and the publication (not modification) date.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner import html_dates
from cleaner.dates import _MONTH_BY_NAME
from cleaner.dom import is_descendant
from cleaner.urls import is_http_url, site_of

JsonObject = dict[str, Any]


@dataclass
class PageMetadata:
    """Metadata of one page; `sources` says where each field came from.

    Sources: "json-ld", "meta", "microdata", "html" (visible markup such as
    the h1, a byline, a `<time>` or the canonical link) and "url".
    """

    title: str | None = None
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    site: str | None = None
    section: str | None = None
    sources: dict[str, str] = field(default_factory=dict)


def extract_metadata(
    tree: LexborHTMLParser, url: str | None = None, crawl_date: str | None = None
) -> PageMetadata:
    """The metadata of a parsed page; never raises for broken markup or bad JSON-LD.

    `url` is where the page was fetched (resolves a relative canonical link and
    gives the site); `crawl_date` (ISO) caps the date: a later one is skipped.
    """
    page = _collect(tree)
    markup = _Markup(tree)
    result = PageMetadata()
    _set_url(result, page, url)
    names = _site_names(page, result.site)
    _set_title(result, page, names)
    _set_authors(result, page, markup, names)
    _set_date(result, page, markup, html_dates.crawl_day_of(crawl_date))
    _set_section(result, page, names)
    return result


# -- collection -----------------------------------------------------------------------------


@dataclass
class _Page:
    """What one traversal of the page found: meta tags, JSON-LD, title, h1s, canonical."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    articles: list[JsonObject] = field(default_factory=list)  # JSON-LD article objects
    others: list[JsonObject] = field(default_factory=list)  # every other JSON-LD object
    title: str | None = None
    h1: list[LexborNode] = field(default_factory=list)
    canonical: str | None = None


_HEAD_SELECTOR = 'meta, title, link[rel~=canonical], script[type="application/ld+json" i]'
#: Body tags that matter: headlines, microdata metas, JSON-LD and markup a broken head spilled.
_BODY_SELECTOR = 'h1, meta, title, script[type="application/ld+json" i]'


def _collect(tree: LexborHTMLParser) -> _Page:
    """Gather the head-level signals and the h1 elements.

    Head and body are queried apart: the head is small, and the body query
    needs fewer selectors, which is what a traversal's cost grows with.
    """
    page = _Page()
    head, body = tree.head, tree.body
    if head is None or body is None:
        nodes = tree.css(_HEAD_SELECTOR + ", h1")
    else:
        nodes = [*head.css(_HEAD_SELECTOR), *body.css(_BODY_SELECTOR)]
    for node in nodes:
        tag = node.tag
        if tag == "meta":
            _add_meta(page.meta, node.attributes)
        elif tag == "script":
            _add_jsonld(page, node.text())
        elif tag == "h1":
            page.h1.append(node)
        elif tag == "title" and (node.parent is None or node.parent.tag != "svg"):
            page.title = page.title or node.text()
        elif tag == "link" and page.canonical is None:
            page.canonical = node.attributes.get("href")
    return page


def _add_meta(meta: dict[str, list[str]], attrs: Mapping[str, str | None]) -> None:
    """File a meta tag's content under its lower-cased name, property and `itemprop:` key."""
    content = attrs.get("content")
    if not content or not content.strip():
        return
    keys = [attrs.get("name"), attrs.get("property")]
    itemprop = attrs.get("itemprop")
    if itemprop:
        keys.append("itemprop:" + itemprop)
    for key in keys:
        if key:
            meta.setdefault(key.strip().lower(), []).append(content)


_ARTICLE_TYPES = frozenset(
    {"blogposting", "liveblogposting", "socialmediaposting", "report", "posting"}
)


def _add_jsonld(page: _Page, text: str) -> None:
    """Parse one JSON-LD script and file its objects as articles or others."""
    text = text.strip()
    for wrapper in ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"):
        text = text.replace(wrapper, "")
    try:
        data = json.loads(text, strict=False)
    except (ValueError, RecursionError):  # invalid, or nested deeper than Python recurses
        return
    for obj in _jsonld_objects(data, 0):
        types = _types(obj)
        is_article = any(t.endswith("article") or t in _ARTICLE_TYPES for t in types)
        (page.articles if is_article else page.others).append(obj)


def _jsonld_objects(data: Any, depth: int) -> Iterator[JsonObject]:
    """Every object in a JSON-LD value: lists, `@graph` and `mainEntity` are opened."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):
            if key in data:
                yield from _jsonld_objects(data[key], depth + 1)


def _types(obj: JsonObject) -> list[str]:
    """The object's `@type`s in lower case, without a schema.org prefix."""
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return [v.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if isinstance(v, str)]


def _ld_text(obj: JsonObject | None, key: str) -> str | None:
    """A JSON-LD property as clean text: the first of a list, unescaped, spaces collapsed."""
    if obj is None:
        return None
    value = obj.get(key)
    if isinstance(value, list) and value:
        value = value[0]
    return _clean(value) if isinstance(value, str) else None


def _clean(text: str | None) -> str | None:
    """Unescape HTML entities and collapse white space; None for empty text."""
    if not text:
        return None
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split()) or None


def _first_meta(page: _Page, *keys: str) -> tuple[str, str] | None:
    """(clean value, source) of the first present meta key."""
    for key in keys:
        for value in page.meta.get(key, ()):
            cleaned = _clean(value)
            if cleaned:
                return cleaned, "microdata" if key.startswith("itemprop:") else "meta"
    return None


# -- url, site and section ------------------------------------------------------------------


def _set_url(result: PageMetadata, page: _Page, url: str | None) -> None:
    """Canonical link, else og:url, else the fetch url; the site is the chosen url's host."""
    og_url = _first_meta(page, "og:url")
    base = url or (og_url[0] if og_url else None)
    candidates = [
        (_resolve(page.canonical, base), "html"),
        (_resolve(og_url[0], url) if og_url else None, "meta"),
        (url, "url"),
    ]
    for value, source in candidates:
        if value and is_http_url(value):
            result.url, result.sources["url"] = value.strip(), source
            break
    result.site = site_of(result.url) or site_of(url)
    if result.site:
        result.sources["site"] = "url"


def _resolve(href: str | None, base: str | None) -> str | None:
    """`href` made absolute against `base`; None when it cannot be."""
    if not href or not href.strip():
        return None
    href = href.strip()
    if is_http_url(href) or not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def _set_section(result: PageMetadata, page: _Page, names: list[str]) -> None:
    """article:section, else the JSON-LD articleSection; never the site's own name."""
    value = _ld_text(_primary(page), "articleSection")
    candidates = [_first_meta(page, "article:section"), (value, "json-ld") if value else None]
    for found in candidates:
        if found is not None and _compact(found[0]) not in names:
            result.section, result.sources["section"] = found
            return


def _primary(page: _Page) -> JsonObject | None:
    """The page's own JSON-LD article: the first one with a headline, else the first."""
    for obj in page.articles:
        if isinstance(obj.get("headline"), str):
            return obj
    return page.articles[0] if page.articles else None


def _site_names(page: _Page, site: str | None) -> list[str]:
    """Compact forms of the names the site goes by, to recognise them in titles and credits."""
    raw: list[str | None] = [
        _meta_value(page, "og:site_name"),
        _meta_value(page, "application-name"),
    ]
    twitter = _meta_value(page, "twitter:site")
    raw.append(twitter.lstrip("@") if twitter else None)
    primary = _primary(page)
    publisher = primary.get("publisher") if primary else None
    if isinstance(publisher, dict):
        raw.append(_ld_text(publisher, "name"))
    for obj in page.others:
        if {"website", "organization", "newsmediaorganization"} & set(_types(obj)):
            raw.append(_ld_text(obj, "name"))
    if site:
        labels = site.split(".")
        raw += [site, _registrable_label(labels)]
    return list(dict.fromkeys(c for c in map(_compact, raw) if c))


def _meta_value(page: _Page, key: str) -> str | None:
    found = _first_meta(page, key)
    return found[0] if found else None


def _registrable_label(labels: list[str]) -> str:
    """The name part of a host: `nytimes` of nytimes.com, `bbc` of bbc.co.uk."""
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "gob"})


_NOT_ALNUM = re.compile(r"[\W_]+")


def _compact(text: str | None) -> str:
    """Lower case letters and digits only: the loose form names are compared in."""
    return _NOT_ALNUM.sub("", text.lower()) if text else ""


def _is_site_name(text: str, names: list[str]) -> bool:
    """True when `text` names the site, compared in compact form.

    Equal, or nearly: a part of a name (`Sportsnet` of sportsnet.ca), or a name
    with a word or two more (`BBC News`, `Twin Cities Pioneer Press`). A longer
    text that merely contains the name (`Apple unveils iPhone`) is a headline.
    """
    compact = _compact(text)
    if not compact:
        return False
    if compact in names:
        return True
    if len(text.split()) > _SITE_NAME_WORDS:
        return False
    return any(
        (len(compact) >= 3 and compact in n)
        or (len(n) >= 3 and n in compact and len(compact) - len(n) <= _SITE_NAME_EXTRA)
        for n in names
    )


_SITE_NAME_WORDS = 5
_SITE_NAME_EXTRA = 8  # characters a site name may gain ("News", "Online") and still be it


# -- title ----------------------------------------------------------------------------------

_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " ‹ ", " › ", " ~ ")
#: Separators allowed between a title and the whole site name only.
_SITE_SEPARATORS = (*_SEPARATORS, ": ", " : ", " @ ")


class _Candidate(NamedTuple):
    """A title from metadata or `<title>`: as written, without the site name, and its source."""

    raw: str
    stripped: str
    source: str


def _set_title(result: PageMetadata, page: _Page, names: list[str]) -> None:
    """The visible headline, unless nothing confirms it and metadata offers better.

    Labels are the headline a reader sees, so an h1 wins when a title candidate
    matches it (exactly, in part, or nearly), and an h1 inside article/main
    wins anyway. An h1 elsewhere that nothing confirms is often a logo or a
    section name: JSON-LD and meta titles beat it, `<title>` beats a short one.
    """
    candidates = _title_candidates(page, names)
    inside, outside = _headline_h1s(page.h1, names)
    found = _agreeing_h1(inside + outside, candidates)
    if found is None:
        found = _unconfirmed_title(inside, outside, candidates)
    if found is not None and found[0]:
        result.title, result.sources["title"] = found


def _unconfirmed_title(
    inside: list[str], outside: list[str], candidates: list[_Candidate]
) -> tuple[str, str] | None:
    """The title when no candidate confirms an h1: a related in-article h1, else metadata."""
    structured = [c for c in candidates if c.source != "html"]
    if inside and _related(inside[0], candidates):
        return inside[0], "html"
    if structured:
        return structured[0].stripped, structured[0].source
    if outside and len(outside[0].split()) >= _HEADLINE_WORDS and _related(outside[0], candidates):
        return outside[0], "html"
    if candidates:
        return candidates[0].stripped, candidates[0].source
    return (outside[0], "html") if outside else None


_HEADLINE_WORDS = 4  # an unconfirmed h1 outside the article shorter than this is a logo


def _related(h1: str, candidates: list[_Candidate]) -> bool:
    """True when the h1 shares a word of four letters or more with a title candidate.

    An edited headline keeps some of its words; an h1 that shares none is
    another story's (a featured teaser) or a widget's. With no candidate at
    all there is nothing to contradict the h1.
    """
    if not candidates:
        return True
    words = {w for w in _WORD.findall(h1.lower()) if len(w) >= 4}
    return any(words.intersection(_WORD.findall(c.raw.lower())) for c in candidates)


def _title_candidates(page: _Page, names: list[str]) -> list[_Candidate]:
    """Distinct titles from JSON-LD, Open Graph, Twitter, other meta, then `<title>`."""
    primary = _primary(page)
    found: list[tuple[str | None, str]] = [(_ld_text(primary, "headline"), "json-ld")]
    for key in ("og:title", "twitter:title", "twitter:text:title", "dcterms.title", "title"):
        found.append((_meta_value(page, key), "meta"))
    found.append((_ld_text(primary, "name"), "json-ld"))
    found.append((_clean(page.title), "html"))
    first_source: dict[str, str] = {}
    for text, source in found:
        if text and text not in first_source:
            first_source[text] = source
    return [_Candidate(raw, _strip_site(raw, names), src) for raw, src in first_source.items()]


def _headline_h1s(nodes: list[LexborNode], names: list[str]) -> tuple[list[str], list[str]]:
    """Texts of the h1s that may be the headline: (inside article/main, elsewhere)."""
    inside: list[str] = []
    outside: list[str] = []
    for node in nodes[:_MAX_H1]:
        text = _clean(_visible_text(node, ""))
        if not text or len(text) > 300 or _is_site_name(text, names):
            continue
        (inside if _within(node, ("article", "main")) else outside).append(text)
    return inside, outside


_MAX_H1 = 30  # pages with more h1s use them for widgets; the headline comes early


def _agreeing_h1(h1s: list[str], candidates: list[_Candidate]) -> tuple[str, str] | None:
    """(h1, "html") for the first h1 that a title candidate confirms.

    A candidate confirms an h1 when it, its site-stripped form or a run of its
    separator-delimited parts equals it (`Opinion | Headline - Site`), when it
    is a truncated start of it (og:title cut at 100 characters), or, failing
    those, when the two share most of their words (an edited headline). The
    cheap tests run first: most pages are settled by the first.
    """
    if not h1s or not candidates:
        return None
    targets = [(h1, _compact(h1)) for h1 in h1s]
    variants = {_compact(c.raw) for c in candidates} | {_compact(c.stripped) for c in candidates}
    for extra in (None, (_compact(v) for c in candidates for v in _segment_runs(c.raw))):
        variants.update(extra or ())
        truncated = [v for v in variants if len(v) >= _TRUNCATED_MIN]
        for h1, target in targets:
            if target in variants or any(target.startswith(v) for v in truncated):
                return h1, "html"
    for h1 in h1s:
        if any(_similar(h1, c.stripped) for c in candidates):
            return h1, "html"
    return None


_TRUNCATED_MIN = 20  # a shorter title that starts an h1 is a coincidence, not a truncation
_SIMILAR = 0.6  # share of distinct words two wordings of one headline have in common


def _similar(a: str, b: str) -> bool:
    """True when two texts share most of their words (Jaccard index of word sets)."""
    words_a, words_b = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    union = words_a | words_b
    return len(union) >= 3 and len(words_a & words_b) / len(union) >= _SIMILAR


_WORD = re.compile(r"\w+")


def _segment_runs(raw: str) -> Iterator[str]:
    """Every run of the text's separator-delimited parts long enough to be a headline.

    Colons split too here (`The Space Review: Headline`); a short run such as
    "Opinion" is left out so that it cannot confirm a section-name h1.
    """
    parts = [raw]
    for separator in (*_SEPARATORS, ": "):
        parts = [piece for part in parts for piece in part.split(separator)]
    if len(parts) == 1 or len(parts) > _MAX_PARTS:
        return
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            run = " ".join(parts[start:end])
            if (start, end) != (0, len(parts)) and len(run) >= _MIN_RUN_CHARS:
                yield run


_MAX_PARTS = 8
_MIN_RUN_CHARS = 12


def _strip_site(title: str, names: list[str]) -> str:
    """The title without a leading or trailing site name (and its separator).

    A whole site name is looked for first, since it may hold separators itself
    (`Autoracing | F1 | Indy`); then one part at a time, loosely compared.
    """
    title = _strip_whole_site(title, names)
    changed = True
    while changed:
        changed = False
        for separator in _SITE_SEPARATORS:
            head, sep, tail = title.rpartition(separator)
            if sep and head.strip() and _is_site_name(tail, names):
                title, changed = head.strip(), True
                break
            head, sep, tail = title.partition(separator)
            if sep and tail.strip() and _is_site_name(head, names):
                title, changed = tail.strip(), True
                break
    return title.strip()


def _strip_whole_site(title: str, names: list[str]) -> str:
    """The title without a site name that ends or starts it after/before any separator."""
    for separator in _SITE_SEPARATORS:
        start = title.find(separator)
        while start > 0:
            head, tail = title[:start].strip(), title[start + len(separator) :].strip()
            if head and tail and _compact(tail) in names:
                return head
            if head and tail and _compact(head) in names:
                return tail
            start = title.find(separator, start + 1)
    return title


def _within(node: LexborNode, tags: tuple[str, ...]) -> bool:
    """True when an ancestor of the node has one of `tags`."""
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


_BLOCK_BREAKS = frozenset({"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"})


def _visible_text(node: LexborNode, separator: str) -> str:
    """The node's text without scripts; line breaks and blocks become spaces.

    `separator` goes between inline text nodes: "" keeps `Mc<b>Donald</b>`
    whole in headlines, " " keeps `By<a>Name</a>` apart in bylines.
    """
    pieces: list[str] = []
    for child in node.traverse(include_text=True):
        if child.is_text_node:
            parent = child.parent
            if parent is None or parent.tag not in ("script", "style", "noscript"):
                pieces.append(child.text_content or "")
                pieces.append(separator)
        elif child.tag in _BLOCK_BREAKS:
            pieces.append(" ")
    return "".join(pieces)


# -- body markup ---------------------------------------------------------------------------

#: Body elements that may be a byline or a date. Few substring selectors keep the one
#: traversal cheap (its cost grows with the selector count; each one more costs about a
#: fifth), Python then checks whole class tokens. `*=` is case-sensitive: "Byline" and
#: "AuthorName" are found, camel-case "byLine" and "articleDate" are not.
_MARKUP_SELECTOR = "[itemprop], [rel~=author], [class*=uthor], [class*=yline], time, [class*=date]"


class _Markup:
    """The body's byline and date elements, found by one traversal on first use.

    Most pages state author and date in their head, so most never pay for it.
    """

    def __init__(self, tree: LexborHTMLParser) -> None:
        self._tree = tree
        self._nodes: list[LexborNode] | None = None
        self._bylines: list[LexborNode] | None = None

    def nodes(self) -> list[LexborNode]:
        """Every candidate element, in page order."""
        if self._nodes is None:
            body = self._tree.body
            self._nodes = list((body if body is not None else self._tree).css(_MARKUP_SELECTOR))
        return self._nodes

    def bylines(self) -> list[LexborNode]:
        """The outermost byline elements, at most `_MAX_BYLINES`, in page order."""
        if self._bylines is None:
            self._bylines = []
            for node in self.nodes():
                if len(self._bylines) >= _MAX_BYLINES:
                    break
                if _is_byline(node) and not any(
                    is_descendant(node, outer) for outer in self._bylines
                ):
                    self._bylines.append(node)
        return self._bylines


# -- date ----------------------------------------------------------------------------------


def _set_date(result: PageMetadata, page: _Page, markup: _Markup, crawl_day: str | None) -> None:
    """The publication date: structured data, then markup, the url, and last the modified date.

    A UTC timestamp from metadata is moved to the publisher's day when the url
    or the visible date shows it (see `html_dates.local_day`).
    """
    found = html_dates.first_date(_published_candidates(page, markup, result.url), crawl_day)
    if found is None:
        found = html_dates.first_date(_modified_candidates(page), crawl_day)
    if found is not None and found.source != "html" and html_dates.is_utc_time(found):
        found = html_dates.local_day(found, result.url, _visible_dates(markup), crawl_day)
    if found is not None:
        result.date, result.sources["date"] = found.value, found.source


def _visible_dates(markup: _Markup) -> Iterator[str]:
    """Visible date texts, scanning the body only once iterated."""
    yield from html_dates.visible_dates(markup.nodes(), markup.bylines())


def _published_candidates(
    page: _Page, markup: _Markup, url: str | None
) -> Iterator[tuple[str | None, str]]:
    """Publication date candidates, best first; the body is only searched if reached.

    JSON-LD dates come from the page's own article (other article objects are
    related stories) and from WebPage objects, which some sites date instead.
    """
    primary = _primary(page)
    objects = [primary] if primary is not None else []
    objects += [o for o in page.others if any(t.endswith("page") for t in _types(o))]
    for value in html_dates.jsonld_dates(objects, ("datePublished", "dateCreated")):
        yield value, "json-ld"
    yield from html_dates.meta_dates(page.meta, html_dates.PUBLISHED_META)
    yield from html_dates.markup_dates(markup.nodes(), markup.bylines(), url)


def _modified_candidates(page: _Page) -> Iterator[tuple[str | None, str]]:
    """Modification dates: the last resort when nothing says when the page was published."""
    primary = _primary(page)
    for value in html_dates.jsonld_dates([primary] if primary else [], ("dateModified",)):
        yield value, "json-ld"
    yield from html_dates.meta_dates(page.meta, html_dates.MODIFIED_META)


# -- authors --------------------------------------------------------------------------------

_AUTHOR_META = (
    "author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "article:author",
    "og:article:author",
    "article_author",
)

#: A byline class token: an optional prefix or two (`c-`, `article__`), "byline" or "author",
#: and an optional suffix naming the name part (`__name`, `-link`); never `comment-author`.
_BYLINE_TOKEN = re.compile(
    r"(?:[a-z0-9]+(?:-|_|__)){0,2}(?:by-?line|authors?|writer)"
    r"(?:(?:-|_|__|--)?(?:names?|links?|author|byline|text|wrap|wrapper|container|info|meta|list))?"
)
_NOT_BYLINE_PREFIXES = ("comment", "reply", "review")
_MAX_BYLINES = 6  # byline elements tried, in page order: later ones are comments and teasers


def _set_authors(result: PageMetadata, page: _Page, markup: _Markup, names: list[str]) -> None:
    """The people credited: JSON-LD, then meta tags, then microdata and bylines.

    A byline crediting only an agency or the site ends the search: the page
    names no author, and later "bylines" are those of related stories. A
    byline that lists the structured authors and more people wins, as
    JSON-LD often names only the first of several.
    """
    for credits, source in _credit_sources(page, markup):
        authors = _clean_authors(credits, names)
        if authors:
            if source in ("json-ld", "meta"):
                authors, source = _fuller_byline(authors, source, markup, names)
            result.authors, result.author = authors, ", ".join(authors)
            result.sources["author"] = source
            return
        if source == "html" and _credits_organisation(credits, names):
            return


def _fuller_byline(
    authors: list[str], source: str, markup: _Markup, names: list[str]
) -> tuple[list[str], str]:
    """The first byline's names when they add full names to `authors`, else `authors`."""
    for credits, _ in _markup_credits(markup.bylines()):
        shown = _clean_authors(credits, names)
        if not shown:
            continue
        known = {a.casefold() for a in authors}
        extra = [n for n in shown if n.casefold() not in known]
        if extra and known <= {n.casefold() for n in shown} and all(" " in n for n in extra):
            return shown, "html"
        break
    return authors, source


def _credits_organisation(credits: list[str], names: list[str]) -> bool:
    """True when a credit names a news agency or the site itself."""
    pieces = (piece for credit in credits for piece in _split_credit(credit))
    return any(_is_agency(piece) or _names_site(piece, names) for piece in pieces)


def _is_agency(name: str) -> bool:
    """True for a news agency's name, alone or leading (`Reuters Washington`)."""
    return _compact(name) in _AGENCIES or _compact(name.split()[0]) in _AGENCIES


def _credit_sources(page: _Page, markup: _Markup) -> Iterator[tuple[list[str], str]]:
    """(raw credits, source) per source, best first; the body is searched last and lazily."""
    primary = _primary(page)
    if primary is not None:
        yield _jsonld_people(primary.get("author") or primary.get("creator")), "json-ld"
    for key in _AUTHOR_META:
        values = [v for v in page.meta.get(key, ()) if not _is_link(v)]
        if values:
            yield values, "meta"
    yield from _markup_credits(markup.bylines())


def _jsonld_people(value: Any) -> list[str]:
    """Names in a JSON-LD author value: a string, an object with a name, or a list of those."""
    if isinstance(value, str):
        return [] if _is_link(value) else [value]
    if isinstance(value, list):
        return [name for item in value[:20] for name in _jsonld_people(item)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list) and name:
            name = name[0]
        return [name] if isinstance(name, str) and not _is_link(name) else []
    return []


def _markup_credits(bylines: list[LexborNode]) -> Iterator[tuple[list[str], str]]:
    """Credits from microdata and byline elements, one element at a time in page order."""
    for node in bylines:
        if node.attributes.get("itemprop") == "author":
            yield _microdata_people(node), "microdata"
            continue
        links = _byline_links(node)
        if links:
            yield links, "html"
        text = _clean(_visible_text(node, " ")) or ""
        if len(text) <= _MAX_BYLINE_CHARS:  # longer: a container with an author class
            yield [text], "html"


_MAX_BYLINE_CHARS = 300
_AUTHOR_HREF = re.compile(
    r"/(?:authors?|autor(?:es)?|auteur|people|profiles?|staff|writers?|contributors?|"
    r"journalists?|columnists?|reporters?|by|user|redaktion|team)/",
    re.IGNORECASE,
)
_MAX_PLAIN_LINKS = 3  # more links than that in a byline are tags and categories


def _byline_links(node: LexborNode) -> list[str]:
    """Texts of a byline's author links: those to author pages, else a few plain links."""
    if node.tag == "a":
        return []
    links = node.css("a")
    to_authors = [
        a for a in links if _AUTHOR_HREF.search(a.attributes.get("href") or "") is not None
    ]
    chosen = to_authors or (links if len(links) <= _MAX_PLAIN_LINKS else [])
    return [_visible_text(a, " ") for a in chosen if len(a.text()) <= _MAX_BYLINE_CHARS]


def _is_byline(node: LexborNode) -> bool:
    """True for microdata and rel authors and for whole byline class tokens."""
    if node.tag in ("body", "html", "meta", "link"):
        return False
    attrs = node.attributes
    if attrs.get("itemprop") == "author":
        return True
    if "author" in (attrs.get("rel") or "").lower().split():
        return True
    return any(
        _BYLINE_TOKEN.fullmatch(token) and not token.startswith(_NOT_BYLINE_PREFIXES)
        for token in (attrs.get("class") or "").lower().split()
    )


def _microdata_people(node: LexborNode) -> list[str]:
    """An itemprop=author element's name: its itemprop=name, content, or text."""
    inner = node.css_first("[itemprop=name]")
    target = inner if inner is not None else node
    content = target.attributes.get("content")
    return [content] if content else [_visible_text(target, " ")]


def _is_link(value: str) -> bool:
    """True for a URL, path, e-mail address or @handle: what article:author often holds."""
    value = value.strip().lower()
    return (
        value.startswith(("http:", "https:", "www.", "/", "@"))
        or _EMAIL.fullmatch(value) is not None
    )


_EMAIL = re.compile(r"\S+@\S+\.\w+")


_CREDIT_START = re.compile(r"(?i)^(?:von|par|por|przez)\s+|\b(?:written\s+)?by\s*:?\s+")
_LOWER_PREFIX = re.compile(r"^(?:di|de|door|av|af|autor|autora|author|text|texto|tekst):?\s+")
_LABEL = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+)?\s?:\s*")  # "Text:", "Autor:", "Текст:"
_CREDIT_END = re.compile(
    r"(?i)\s[|•·—–-]\s|[|•·()\[\]\n]|\s@|https?:|\b(?:last\s+)?(?:updated|published|posted|"
    r"veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|"
    r"aggiornato|opublikowano)\b"
)
_JOINERS = re.compile(
    r"\s*(?:[,;&/]|\s(?:and|und|et|y|e|i|en|og|och|oraz|ja|és)\s|(?<=\w\w)\.\s)\s*"
)
_TRAILING_WORDS = frozenset(
    {"on", "at", "am", "le", "el", "il", "den", "the", "updated", "published", "posted"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
    | set(_MONTH_BY_NAME)
)
#: Credits that are no person's name, in compact form.
_NOT_NAMES = frozenset(
    {"admin", "administrator", "editor", "editors", "editorialboard", "staff", "emailtheauthor"}
    | {"follow", "biography", "bio", "contact", "more", "share", "twitter", "facebook", "guest"}
    | {"anonymous", "unknown", "author", "authors", "advertisement", "sponsored", "newsdesk"}
    | {"editorial", "opinion", "news", "home"}
    | {"md", "ms", "phd", "rdn", "rd", "mph", "mba", "jr", "sr", "dr", "msc", "ma", "ba", "mr"}
    | {"webdesk", "redaktion", "rédaction", "redacción", "redazione", "redakcja"}
)
#: Words that make a credit a role, desk or link label rather than a name.
_ROLE_WORDS = frozenset(
    {"staff", "reporter", "reporters", "correspondent", "editor", "editors", "writer", "writers"}
    | {"contributor", "columnist", "producer", "journalist", "photographer", "bureau", "desk"}
    | {"newsroom", "team", "board", "email", "view", "posts", "articles", "profile", "read"}
    | {"minutes", "min", "ago", "updated", "published", "posted", "comments", "more"}
)
#: Words that make a credit an organisation's name.
_ORGANISATION_WORDS = frozenset(
    {"agency", "association", "institute", "university", "department", "ministry", "office"}
    | {"inc", "inc.", "ltd", "ltd.", "llc", "corp", "corporation", "company", "group", "council"}
    | {"foundation", "society", "organization", "organisation", "network", "media", "press"}
    | {"news", "magazine", "journal", "studio", "studios", "services", "communications"}
)
#: News agencies, compact: credits, never authors.
_AGENCIES = frozenset(
    {"reuters", "associatedpress", "theassociatedpress", "ap", "afp", "agencefrancepresse"}
    | {"dpa", "efe", "ansa", "bloomberg", "bloombergnews", "pressassociation", "pa", "pamedia"}
    | {"xinhua", "kyodo", "kyodonews", "upi", "tass", "ians", "pti", "ani", "aap", "cnnwire"}
    | {"thecanadianpress", "canadianpress", "apa", "anp", "belga", "sda", "ats", "europapress"}
)
_MAX_NAME_WORDS = 6


def _clean_authors(credits: list[str], names: list[str]) -> list[str]:
    """The distinct people in raw credits, in order.

    News agencies are credits but not authors: a byline of only "Reuters"
    gives no author, as a reader would say the story has no named author.
    """
    found: dict[str, str] = {}
    for credit in credits:
        for name in _without_outlet(_split_credit(credit)):
            name = _without_agency_suffix(name)
            if _is_person(name, names):
                name = name.title() if name.isupper() and " " in name else name
                found.setdefault(name.casefold(), name)
    return list(found.values())


def _without_outlet(pieces: list[str]) -> list[str]:
    """A credit's names without a one-word outlet after a full name (`Jane Doe, Futurism`)."""
    if len(pieces) < 2 or len(pieces[0].split()) < 2:
        return pieces
    return [pieces[0], *(p for p in pieces[1:] if len(p.split()) >= 2)]


def _split_credit(text: str) -> list[str]:
    """The names in one credit: prefix ("By"), trailing date/role text and joins removed."""
    text = _clean(text) or ""
    start = _CREDIT_START.search(text)
    if start is not None:
        text = text[start.end() :]
    text = _LABEL.sub("", _LOWER_PREFIX.sub("", text))
    end = _CREDIT_END.search(text)
    if end is not None:
        text = text[: end.start()]
    digit = next((i for i, c in enumerate(text) if c.isdigit()), None)
    if digit is not None:
        text = _drop_trailing_words(text[:digit])
    pieces = (_LOWER_PREFIX.sub("", p.strip(" ,.;:-–—'\"")) for p in _JOINERS.split(text))
    return [p for p in pieces if p]


def _without_agency_suffix(name: str) -> str:
    """`Eric Tucker Associated Press` → `Eric Tucker`: an agency run into a name."""
    lowered = name.lower()
    for agency in _AGENCY_SUFFIXES:
        if lowered.endswith(agency) and len(name) - len(agency) > 3:
            rest = name[: -len(agency)].rstrip(" ,")
            return rest if len(rest.split()) >= 2 else name
    return name


_AGENCY_SUFFIXES = (" associated press", " reuters", " afp", " dpa", " bloomberg", " ap")


def _drop_trailing_words(text: str) -> str:
    """Text before a date, without the month, weekday and "on" words that led up to it."""
    words = text.replace(",", " ").split()
    while words and words[-1].lower().rstrip(".") in _TRAILING_WORDS:
        words.pop()
    return " ".join(words)


def _is_person(name: str, site_names: list[str]) -> bool:
    """Whether a credit looks like a name, not a role, date, handle, link or the site."""
    if not 2 <= len(name) <= 60 or name[0].islower():
        return False
    if any(c.isdigit() for c in name) or "@" in name or "://" in name or "www." in name:
        return False
    lowered = name.lower().replace("-", " ").split()
    if len(lowered) > _MAX_NAME_WORDS or any(w.strip(".,") in _ROLE_WORDS for w in lowered):
        return False
    words = name.split()
    if len(words) == 1 and name.isupper() and len(name) > 3:
        return False  # a code or user name (KWCHCIK), not a person's name
    if any(w[0].islower() and w not in _NAME_PARTICLES for w in words[1:] if w[0].isalpha()):
        return False  # "The Russian and Syrian defense ministries"
    if lowered[0] == "the" or any(w in _ORGANISATION_WORDS for w in lowered):
        return False  # "The Water Coolest", "European Space Agency": bodies and publications
    compact = _compact(name)
    if not compact or compact in _NOT_NAMES or _is_agency(name):
        return False
    return not _names_site(name, site_names)


#: Lower-case words that may stand inside a name (Ursula von der Leyen, Vincent van Gogh).
_NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le"}
    | {"bin", "ibn", "al", "el", "ter", "zu", "af", "st."}
)


def _names_site(name: str, site_names: list[str]) -> bool:
    """True when a credit is the site or starts with its name (`Telegraph Sport`, `CNN Tech`)."""
    compact = _compact(name)
    if _compact(name.split()[0]) in site_names:
        return True
    return any(
        compact == n
        or (min(len(compact), len(n)) >= 5 and (compact.startswith(n) or n.startswith(compact)))
        for n in site_names
    )
