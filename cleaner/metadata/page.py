"""The page's head-level signals: meta tags, JSON-LD objects, `<title>`, h1s, canonical link.

`collect` gathers them in one cheap query of the head and one of the body;
the helpers below read them back as clean text, and choose the page's url
and section, the fields read straight from them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner.urls import is_http_url

JsonObject = dict[str, Any]


@dataclass
class Page:
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


def collect(tree: LexborHTMLParser) -> Page:
    """Gather the head-level signals and the h1 elements.

    Head and body are queried apart: the head is small, and the body query
    needs fewer selectors, which is what a traversal's cost grows with.
    """
    page = Page()
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


def _add_jsonld(page: Page, text: str) -> None:
    """Parse one JSON-LD script and file its objects as articles or others."""
    text = text.strip()
    for wrapper in ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"):
        text = text.replace(wrapper, "")
    try:
        data = json.loads(text, strict=False)
    except (ValueError, RecursionError):  # invalid, or nested deeper than Python recurses
        return
    for obj in _jsonld_objects(data, 0):
        types = types_of(obj)
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


def types_of(obj: JsonObject) -> list[str]:
    """The object's `@type`s in lower case, without a schema.org prefix."""
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return [v.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if isinstance(v, str)]


#: JSON-LD types of bodies that publish, as opposed to people.
ORGANISATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "localbusiness", "brand"}
)


def organisation_names(page: Page) -> set[str]:
    """Compact names of the JSON-LD objects typed as organisations and not as persons.

    Nested objects count (an article's `publisher`), so that a name the
    page declares a publication's is known wherever it is declared.
    """
    found: set[str] = set()
    stack: list[tuple[Any, int]] = [(obj, 0) for obj in (*page.articles, *page.others)]
    while stack:
        value, depth = stack.pop()
        if depth > 4:
            continue
        if isinstance(value, list):
            stack.extend((item, depth + 1) for item in value[:50])
        elif isinstance(value, dict):
            types = set(types_of(value))
            name = value.get("name")
            if isinstance(name, str) and types & ORGANISATION_TYPES and "person" not in types:
                found.add(compact_form(name))
            stack.extend(
                (item, depth + 1) for item in value.values() if isinstance(item, dict | list)
            )
    return found


def ld_text(obj: JsonObject | None, key: str) -> str | None:
    """A JSON-LD property as clean text: the first of a list, unescaped, spaces collapsed."""
    if obj is None:
        return None
    value = obj.get(key)
    if isinstance(value, list) and value:
        value = value[0]
    return clean_text(value) if isinstance(value, str) else None


def clean_text(text: str | None) -> str | None:
    """Unescape HTML entities, drop invisible marks, collapse white space; None for empty text.

    Soft hyphens, zero-width spaces and byte-order marks only hint where a
    line may break: `Assis&shy;tance` reads `Assistance`.
    """
    if not text:
        return None
    if "&" in text:
        text = html.unescape(text)
    text = text.translate(_INVISIBLE)
    return " ".join(text.split()) or None


#: Characters that change no word a reader sees (joiners stay: emoji and Persian need them).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def first_meta(page: Page, *keys: str) -> tuple[str, str] | None:
    """(clean value, source) of the first present meta key."""
    for key in keys:
        for value in page.meta.get(key, ()):
            cleaned = clean_text(value)
            if cleaned:
                return cleaned, "microdata" if key.startswith("itemprop:") else "meta"
    return None


def meta_value(page: Page, key: str) -> str | None:
    """The clean value of one meta key, if present."""
    found = first_meta(page, key)
    return found[0] if found else None


def primary_article(page: Page) -> JsonObject | None:
    """The page's own JSON-LD article: the first one with a headline, else the first."""
    for obj in page.articles:
        if isinstance(obj.get("headline"), str):
            return obj
    return page.articles[0] if page.articles else None


_NOT_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=1024)
def compact_form(text: str | None) -> str:
    """Lower case letters and digits only: the loose form names are compared in.

    Cached: a page compares its few names and titles with each other some thirty
    times, and the regex substitution is the cost of each.
    """
    return _NOT_ALNUM.sub("", text.lower()) if text else ""


# -- url and section ----------------------------------------------------------------------


def page_url(page: Page, url: str | None) -> tuple[str, str] | None:
    """(url, provenance): the canonical link, else og:url, else the fetch url.

    The fetch url is recorded as "argument", as the url argument of a text input is.
    """
    og_url = first_meta(page, "og:url")
    base = url or (og_url[0] if og_url else None)
    candidates = [
        (_resolve(page.canonical, base), "html"),
        (_resolve(og_url[0], url) if og_url else None, "meta"),
        (url, "argument"),
    ]
    for value, source in candidates:
        if value and is_http_url(value):
            return value.strip(), source
    return None


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


def section_of(page: Page, names: list[str]) -> tuple[str, str] | None:
    """(section, source): article:section, else the JSON-LD articleSection; never a site name.

    `names` are the site's names in compact form (`site_names.site_names_of`).
    """
    value = ld_text(primary_article(page), "articleSection")
    candidates = [first_meta(page, "article:section"), (value, "json-ld") if value else None]
    for found in candidates:
        if found is not None and compact_form(found[0]) not in names:
            return found
    return None
