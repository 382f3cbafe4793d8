"""The people an article credits: from JSON-LD, meta tags, microdata and bylines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborNode

from cleaner.metadata.author_names import (
    clean_authors,
    credits_organisation,
    site_named_person,
)
from cleaner.metadata.markup import Markup, is_meta_line, visible_text
from cleaner.metadata.page import (
    Page,
    clean_text,
    compact_form,
    organisation_names,
    primary_article,
)

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


def choose_authors(
    page: Page, markup: Markup, names: list[str], own_names: list[str]
) -> tuple[list[str], str] | None:
    """(authors, source): JSON-LD, then meta tags, then microdata and bylines.

    `names` are the names the site goes by, `own_names` those it gives itself
    (`site_names`): a credit of the latter that reads as a person's name is
    the author of a personal site, when no other credit names anyone.

    A byline crediting only an agency or the site ends the search: the page
    names no author, and later "bylines" are those of related stories. A
    byline that lists the structured authors and more people wins, as
    JSON-LD often names only the first of several.
    """
    for credits, source in _credit_sources(page, markup):
        authors = clean_authors(credits, names)
        if authors:
            if source in ("json-ld", "meta"):
                authors, source = _fuller_byline(authors, source, markup, names)
            return authors, source
        if source == "html" and credits_organisation(credits, names):
            break
    return _site_named_author(page, markup, own_names)


def _site_named_author(
    page: Page, markup: Markup, own_names: list[str]
) -> tuple[list[str], str] | None:
    """(author, source) on a personal site, whose name is its author's; None elsewhere.

    Asked only when no other credit names a person. A site name that the
    page's JSON-LD declares an organisation (and not a person) is a
    publication's, however it reads.
    """
    organisations = organisation_names(page)
    for credits, source in _credit_sources(page, markup):
        name = site_named_person(credits, own_names)
        if name is not None and compact_form(name) not in organisations:
            return [name], source
    return None


def _fuller_byline(
    authors: list[str], source: str, markup: Markup, names: list[str]
) -> tuple[list[str], str]:
    """The first byline's names when they add full names to `authors`, else `authors`."""
    for credits, _ in _markup_credits(markup.bylines()):
        shown = clean_authors(credits, names)
        if not shown:
            continue
        known = {a.casefold() for a in authors}
        extra = [n for n in shown if n.casefold() not in known]
        if extra and known <= {n.casefold() for n in shown} and all(" " in n for n in extra):
            return shown, "html"
        break
    return authors, source


def _credit_sources(page: Page, markup: Markup) -> Iterator[tuple[list[str], str]]:
    """(raw credits, source) per source, best first; the body is searched last and lazily."""
    primary = primary_article(page)
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
        links = _byline_links(node, plain=not is_meta_line(node))
        if links:
            yield links, "html"
        text = clean_text(visible_text(node, " ")) or ""
        if len(text) <= _MAX_BYLINE_CHARS:  # longer: a container with an author class
            yield [text], "html"


_MAX_BYLINE_CHARS = 300
_AUTHOR_HREF = re.compile(
    r"/(?:authors?|autor(?:es)?|auteur|people|profiles?|staff|writers?|contributors?|"
    r"journalists?|columnists?|reporters?|by|user|redaktion|team)/",
    re.IGNORECASE,
)
_MAX_PLAIN_LINKS = 3  # more links than that in a byline are tags and categories


def _byline_links(node: LexborNode, plain: bool = True) -> list[str]:
    """Texts of a byline's author links: those to author pages, else a few plain links.

    `plain` False takes author pages' links only: a post's meta line links
    its categories and tags as plainly as its author.
    """
    if node.tag == "a":
        return []
    links = node.css("a")
    to_authors = [
        a for a in links if _AUTHOR_HREF.search(a.attributes.get("href") or "") is not None
    ]
    chosen = to_authors or (links if plain and len(links) <= _MAX_PLAIN_LINKS else [])
    return [visible_text(a, " ") for a in chosen if len(a.text()) <= _MAX_BYLINE_CHARS]


def _microdata_people(node: LexborNode) -> list[str]:
    """An itemprop=author element's name: its itemprop=name, content, or text."""
    inner = node.css_first("[itemprop=name]")
    target = inner if inner is not None else node
    content = target.attributes.get("content")
    return [content] if content else [visible_text(target, " ")]


def _is_link(value: str) -> bool:
    """True for a URL, path, e-mail address or @handle: what article:author often holds."""
    value = value.strip().lower()
    return (
        value.startswith(("http:", "https:", "www.", "/", "@"))
        or _EMAIL.fullmatch(value) is not None
    )


_EMAIL = re.compile(r"\S+@\S+\.\w+")
