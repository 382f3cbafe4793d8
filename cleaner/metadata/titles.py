"""The article's title: the visible headline, checked against the metadata's titles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from cleaner.dom import ancestors
from cleaner.metadata.markup import visible_text
from cleaner.metadata.page import (
    ORGANISATION_TYPES,
    Page,
    clean_text,
    compact_form,
    ld_text,
    meta_value,
    primary_article,
    types_of,
)
from cleaner.metadata.site_names import SEPARATORS, is_site_name, spaced_separators, strip_site
from cleaner.words import UNSPACED, latin_equivalent_chars, word_count


class _Candidate(NamedTuple):
    """A title from metadata or `<title>`: as written, without the site name, and its source."""

    raw: str
    stripped: str
    source: str


def choose_title(page: Page, names: list[str], home: bool = False) -> tuple[str, str] | None:
    """(title, source): the visible headline, unless nothing confirms it and metadata offers better.

    Labels are the headline a reader sees, so an h1 wins when a title candidate
    matches it (exactly, in part, or nearly); an h1 inside article/main, or
    the page's only h1, wins too when it shares a word with a title (or no
    structured title contradicts it). An h1 elsewhere that nothing confirms is
    often a logo or a section name: JSON-LD and meta titles beat it, `<title>`
    beats a short one. A home page's h1s are slogans: only a confirmed one wins.
    """
    return rule_title(page, headline_names(page, names), home)


def named_title(
    page: Page, names: list[str], home: bool, chosen: tuple[str, str]
) -> tuple[str, str] | None:
    """(title, source): what the page's `<title>` names it, when the chosen title is an h1
    that no title candidate states as it is; else None. `names` as `headline_names` gives.

    On a service or landing page the h1 is a slogan ("Insurance to help protect
    you") while the title names the service ("Insurance for rideshare and
    delivery drivers"): the caller, which knows the page's type, takes this
    one there. An article's h1 is its headline however the title words it.
    """
    text, source = chosen
    if source != "html":
        return None
    candidates = _title_candidates(page, names, home)
    stated = {compact_form(form) for c in candidates for form in (c.raw, c.stripped)}
    if not candidates or compact_form(text) in stated:
        return None
    own = [c for c in candidates if c.source == "html"] or candidates
    return own[0].stripped, own[0].source


def headline_names(page: Page, names: list[str]) -> list[str]:
    """The site's names, with the one a documentation or book site shows as its h1."""
    return names + _name_shown_as_h1(page, names)


def rule_title(page: Page, names: list[str], home: bool) -> tuple[str, str] | None:
    """`choose_title`'s choice, given the names `headline_names` gives."""
    candidates = _title_candidates(page, names, home)
    inside, outside = _headline_h1s(page.h1, names)
    if home:
        inside, outside = [], inside + outside
    if not inside and len(outside) == 1 and _related(outside[0], candidates):
        inside, outside = outside, []
    found = _agreeing_h1(inside + outside, candidates)
    if found is None:
        found = _unconfirmed_title(inside, outside, candidates)
    return found if found is not None and found[0] else None


def _name_shown_as_h1(page: Page, names: list[str]) -> list[str]:
    """The site's name, when the page shows it as its h1 and its title says so.

    Documentation and book sites put their own name in the one h1 and the
    page's name in an h2: a title `Page - Book` with h1 `Book` and a heading
    `Page` names the site `Book`. The heading is what tells it from a title
    `Site - Headline` over an h1 `Headline`.
    """
    h1s: set[str] | None = None
    for raw in (clean_text(page.title), meta_value(page, "og:title")):
        parts = _parts(spaced_separators(raw or ""))
        if len(parts) < 2:
            continue
        if h1s is None:  # most titles have no parts: the h1s are read only when one has
            h1s = {compact_form(headline_text(node, names)) for node in page.h1[:_MAX_H1]}
        first, last = compact_form(parts[0]), compact_form(parts[-1])
        if last in h1s and first != last and first in _heading_texts(page):
            return [] if last in _declared_titles(page) else [last]
    return []


def _declared_titles(page: Page) -> set[str]:
    """Compact headlines and names of the page's JSON-LD things other than the site and
    its publisher: an h1 one of them names is the page's title, not the site's name."""
    found: set[str] = set()
    for obj in (*page.articles, *page.others):
        if _SITE_TYPES.isdisjoint(types_of(obj)):
            found.update(
                compact_form(text) for key in ("headline", "name") if (text := ld_text(obj, key))
            )
    return found


#: JSON-LD types that name the site or its publisher, not the page's own thing: the
#: organisations and the website itself. A local business is the page's own thing on its
#: own page, so its name may be the page's title.
_SITE_TYPES = (ORGANISATION_TYPES - {"localbusiness"}) | {"website"}


def _parts(title: str) -> list[str]:
    """A title's separator-delimited parts."""
    parts = [title]
    for separator in SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(separator)]
    return [part for part in parts if part]


def _heading_texts(page: Page) -> set[str]:
    """Compact texts of the page's h1 and h2 elements."""
    root = page.h1[0] if page.h1 else None
    while root is not None and root.parent is not None:
        root = root.parent
    if root is None:
        return set()
    return {compact_form(node.text(separator=" ")) for node in root.css("h1, h2")[:_MAX_H1]}


def _unconfirmed_title(
    inside: list[str], outside: list[str], candidates: list[_Candidate]
) -> tuple[str, str] | None:
    """The title when no candidate confirms an h1: a related in-article h1, else metadata."""
    structured = [c for c in candidates if c.source != "html"]
    if inside and (not structured or _related(inside[0], candidates)):
        return inside[0], "html"
    if structured:
        return _untruncated(structured[0], candidates)
    if outside and word_count(outside[0]) >= _HEADLINE_WORDS and _related(outside[0], candidates):
        return outside[0], "html"
    if candidates:
        return candidates[0].stripped, candidates[0].source
    return (outside[0], "html") if outside else None


_HEADLINE_WORDS = 4  # an unconfirmed h1 outside the article shorter than this is a logo


def _untruncated(chosen: _Candidate, candidates: list[_Candidate]) -> tuple[str, str]:
    """(title, source) of `chosen`, or of a longer candidate that it is the cut-off start of.

    Templates cut headlines for JSON-LD or social cards at a fixed length,
    with or without an ellipsis, while another field keeps the whole. A
    longer one that goes on after a separator (`Headline : Forum`) is not
    the whole of a cut one.
    """
    start = chosen.stripped.rstrip(".… ")
    if len(start) >= _CUT_MIN:
        for other in candidates:
            rest = other.stripped[len(start) :].lstrip()
            if other.stripped.startswith(start) and rest[:1].isalnum():
                return other.stripped, other.source
    return chosen.stripped, chosen.source


_CUT_MIN = 50  # a title shorter than this that starts another is a shorter wording, not a cut


def _related(h1: str, candidates: list[_Candidate]) -> bool:
    """True when the h1 shares a word of four letters or more with a title candidate.

    An edited headline keeps some of its words; an h1 that shares none is
    another story's (a featured teaser) or a widget's. With no candidate at
    all there is nothing to contradict the h1.
    """
    if not candidates:
        return True
    words = _words_of(h1, shortest=4)
    return any(words & _words_of(c.raw) for c in candidates)


def _title_candidates(page: Page, names: list[str], home: bool) -> list[_Candidate]:
    """Distinct titles from JSON-LD, Open Graph, Twitter, other meta, then `<title>`.

    Off a home page, a title that is only the site's name says nothing of the
    page and is left out.
    """
    first_source: dict[str, str] = {}
    for found in metadata_titles(page):
        first_source.setdefault(found.text, found.source)
    candidates = [
        _Candidate(raw, site_title(raw, names) if home else main_part(strip_site(raw, names)), src)
        for raw, src in first_source.items()
    ]
    return [c for c in candidates if home or compact_form(c.stripped) not in names]


class MetadataTitle(NamedTuple):
    """A title the page states for machines: its text, its provenance and the field it is in."""

    text: str
    source: str  # "json-ld", "meta" or "html" (the `<title>`)
    field: str  # "headline", "og:title", ..., "name", "title"


def metadata_titles(page: Page) -> list[MetadataTitle]:
    """The titles of JSON-LD, Open Graph, Twitter, other meta and `<title>`, in that order,
    without separators left dangling (`_trimmed`), their unspaced East Asian separators
    spaced (`spaced_separators`)."""
    primary = primary_article(page)
    found: list[tuple[str | None, str, str]] = [
        (ld_text(primary, "headline"), "json-ld", "headline")
    ]
    for key in _META_TITLE_KEYS:
        found.append((meta_value(page, key), "meta", key))
    found.append((ld_text(primary, "name"), "json-ld", "name"))
    found.append((clean_text(page.title), "html", "title"))
    return [
        MetadataTitle(text, source, field)
        for raw, source, field in found
        if (text := _trimmed(spaced_separators(raw) if raw else raw)) is not None
    ]


_META_TITLE_KEYS = ("og:title", "twitter:title", "twitter:text:title", "dcterms.title", "title")


def _trimmed(text: str | None) -> str | None:
    """A title without separators left dangling at either end by an empty template field."""
    return text.strip(_DANGLING).strip() or None if text else None


_DANGLING = " |-–—·/•"


def site_title(raw: str, names: list[str]) -> str:
    """A home page's title: the site's own, so a leading site name stays (`Brand | Tagline`).

    A trailing one goes, as on any page, and so do the parts after a first
    one that does not name the site.
    """
    title = strip_site(raw, names, leading=False)
    first = title.split(" | ", 1)[0]
    return title if is_site_name(first, names) else main_part(title)


def main_part(title: str) -> str:
    """The headline before taglines and sections: the first `|`-separated part, or the first
    part of a breadcrumb trail (`Topic / Board / Forum`, `Topic - Board - Forum`)."""
    head = title.split(" | ", 1)[0].strip()
    for separator in (" / ", " - "):
        parts = head.split(separator)
        if len(parts) >= _TRAIL_PARTS:
            head = parts[0].strip()
    return head or title


_TRAIL_PARTS = 3  # two parts may be one headline ("Before - After"); three make a trail


def _headline_h1s(nodes: list[LexborNode], names: list[str]) -> tuple[list[str], list[str]]:
    """Texts of the h1s that may be the headline: (inside article/main, elsewhere)."""
    inside: list[str] = []
    outside: list[str] = []
    for headline in page_headlines(nodes, names):
        (inside if headline.inside else outside).append(headline.text)
    return inside, outside


class Headline(NamedTuple):
    """An h1 that may be the page's headline: its words, and whether it is inside article
    or main."""

    text: str
    inside: bool


def page_headlines(nodes: list[LexborNode], names: list[str]) -> list[Headline]:
    """The h1s that may be the headline, in page order: not empty, not a whole
    paragraph, not the site's name."""
    found: list[Headline] = []
    for node in nodes[:_MAX_H1]:
        if _links_home(node):
            continue
        text = headline_text(node, names)
        if text and len(text) <= _MAX_HEADLINE_CHARS and not is_site_name(text, names):
            found.append(Headline(text, _within(node, ("article", "main"))))
    return found


def _links_home(node: LexborNode) -> bool:
    """Whether the h1's words are all one link to the site's home page: the site's name
    as a blog theme shows it above every post (Blogger, WordPress's `site-title`), never
    the post's headline, which links to the post if anywhere."""
    links = node.css("a")
    if len(links) != 1:
        return False
    href = (links[0].attributes.get("href") or "").strip()
    target = urlsplit(href)
    if not href or target.path not in ("", "/") or target.query or target.fragment:
        return False
    words = (node.text(deep=True) or "").split()
    return bool(words) and words == (links[0].text(deep=True) or "").split()


_MAX_HEADLINE_CHARS = 300
_MAX_H1 = 30  # pages with more h1s use them for widgets; the headline comes early


def headline_text(node: LexborNode, names: list[str]) -> str | None:
    """The words of a headline element: no icon, button or date in it, no anchor mark, no site.

    Blog themes put the post's `<time>` inside its h1, documentation tools a
    `¶` or `#` link to the heading, and some sites append their own name to
    the visible headline as they do to `<title>`. A leading brand stays: in a
    headline it names the product (`Nintendo Switch - OLED Model`).
    """
    text = clean_text(visible_text(node, "", skip=_NOT_HEADLINE))
    if text is None:
        return None
    return _trimmed(strip_site(_ANCHOR_MARK.sub("", text), names, leading=False))


_NOT_HEADLINE = frozenset({"time"})
_ANCHOR_MARK = re.compile(r"(?:\s*[¶🔗⚓]|\s+[#§])+$")


def _agreeing_h1(h1s: list[str], candidates: list[_Candidate]) -> tuple[str, str] | None:
    """(title, source) for the first h1 that a title candidate confirms.

    A candidate confirms an h1 when it, its site-stripped form or a run of its
    separator-delimited parts equals it (`Opinion | Headline - Site`), when it
    is a truncated start of it (og:title cut at 100 characters), or, failing
    those, when the two share most of their words (an edited headline). The
    cheap tests run first: most pages are settled by the first. The h1's
    wording wins, unless it only lost a separator the candidate keeps
    (`_written_form`) or only adds a bracket to it (`_without_appendage`).
    """
    if not h1s or not candidates:
        return None
    targets = [(h1, compact_form(h1)) for h1 in h1s]
    variants = {compact_form(c.raw) for c in candidates} | {
        compact_form(c.stripped) for c in candidates
    }
    for extra in (None, (compact_form(v) for c in candidates for v in _segment_runs(c.raw))):
        variants.update(extra or ())
        truncated = [v for v in variants if len(v) >= _TRUNCATED_MIN]
        for h1, target in targets:
            if target in variants:
                return _written_form(h1, candidates), "html"
            if any(target.startswith(v) for v in truncated):
                return _without_appendage(h1, candidates)
    for h1 in h1s:
        if any(_similar(h1, c.stripped) for c in candidates):
            return h1, "html"
    return None


def _without_appendage(h1: str, candidates: list[_Candidate]) -> tuple[str, str]:
    """(title, source): the h1 that a candidate starts, unless the h1 only adds a bracket to it.

    A candidate that starts an h1 is usually a headline cut short for a
    social card, and the h1 is then the whole. But an h1 may also carry a
    bracketed addition the page's title leaves out: the story's source and
    its comment count (`Headline (example.com) 87`), a format (`Headline
    [Video]`). The title, whole in itself, is the headline then.
    """
    for candidate in candidates:
        title = candidate.stripped
        if len(title) >= _TRUNCATED_MIN and h1.lower().startswith(title.lower()):
            rest = h1[len(title) :].lstrip()
            if rest[:1] in _BRACKETS:
                return title, candidate.source
    return h1, "html"


_BRACKETS = frozenset("([{")


def _written_form(h1: str, candidates: list[_Candidate]) -> str:
    """The h1 as a title candidate writes it, when the h1 only lost separators or added marks.

    An h1 built of a label element and a headline element reads as one run of
    words (`Question Why is it slow`) where the page's title keeps the
    separator between them (`Question - Why is it slow`); a shop's h1 marks
    a name as a trademark (`Switch™`) that its title writes plainly. The
    candidate, or one separator-delimited part of it, must keep every
    separator the h1 has: a title that only writes a dash differently
    leaves the h1 as it is.
    """
    plain = _plain_words(h1)
    separators = len(_SPACED_SEPARATOR.findall(h1))
    marked = bool(_TRADEMARK.search(h1))
    for candidate in candidates:
        for text in (candidate.stripped, *_parts(candidate.raw)):
            more = len(_SPACED_SEPARATOR.findall(text)) - separators
            if (
                (more > 0 or (more == 0 and marked))
                and not _TRADEMARK.search(text)
                and _plain_words(text) == plain
            ):
                return text
    return h1


def _plain_words(text: str) -> list[str]:
    """The text's words with separators and trademark marks left out."""
    return _SPACED_SEPARATOR.sub(" ", _TRADEMARK.sub("", text)).split()


_SPACED_SEPARATOR = re.compile(r"\s+[-–—|·•/]\s+")
_TRADEMARK = re.compile(r"[™®℠]")


_TRUNCATED_MIN = 20  # a shorter title that starts an h1 is a coincidence, not a truncation
_SIMILAR = 0.6  # share of distinct words two wordings of one headline have in common


def _similar(a: str, b: str) -> bool:
    """True when two texts share most of their words (Jaccard index of word sets)."""
    words_a, words_b = _words_of(a), _words_of(b)
    union = words_a | words_b
    return len(union) >= 3 and len(words_a & words_b) / len(union) >= _SIMILAR


_WORD = re.compile(r"\w+")
_UNSPACED_RUN = re.compile(f"{UNSPACED.pattern}+")


def _words_of(text: str, shortest: int = 1) -> set[str]:
    """A text's words of `shortest` letters or more, lower-cased. A run of a script written
    without spaces (Chinese, Japanese) has no words to tell apart: it gives its every
    three characters instead, about a word and a half of it, so that two wordings of one
    Chinese headline share words as two of an English one do."""
    lowered = text.lower()
    if lowered.isascii():
        return {word for word in _WORD.findall(lowered) if len(word) >= shortest}
    runs = _UNSPACED_RUN.findall(lowered)
    spaced = _UNSPACED_RUN.sub(" ", lowered) if runs else lowered
    words = {word for word in _WORD.findall(spaced) if len(word) >= shortest}
    words.update(run[start : start + 3] for run in runs for start in range(max(1, len(run) - 2)))
    return words


def _segment_runs(raw: str) -> Iterator[str]:
    """Every run of the text's separator-delimited parts long enough to be a headline.

    Colons split too here (`The Space Review: Headline`, `見出し：サイト`); a short run
    such as "Opinion" is left out so that it cannot confirm a section-name h1 (its
    length counted as a Latin text would write as much: a Chinese headline is short).
    """
    parts = [raw]
    for separator in (*SEPARATORS, ": ", "："):
        parts = [piece for part in parts for piece in part.split(separator)]
    if len(parts) == 1 or len(parts) > _MAX_PARTS:
        return
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            run = " ".join(parts[start:end])
            if (start, end) != (0, len(parts)) and latin_equivalent_chars(run) >= _MIN_RUN_CHARS:
                yield run


_MAX_PARTS = 8
_MIN_RUN_CHARS = 12


def _within(node: LexborNode, tags: tuple[str, ...]) -> bool:
    """True when an ancestor of the node has one of `tags`."""
    return any(parent.tag in tags for parent in ancestors(node))


#: The label forum software puts before a thread's title: vBulletin's h1 "Thread: …" (and
#: its translations), and phpBB's `<title>` "View topic - …" in the languages it ships.
_THREAD_LABEL = re.compile(
    r"^(?:(?:Thread|Topic|Thema|Sujet|Discussion|Discussione|Tema|Temat|Onderwerp|Tópico"
    r"|Tråd|Emne|Aihe|Konu|Тема|Téma|Subiect|主题|主題)\s?:"
    r"|(?:View topic|Thema anzeigen|Voir le sujet|Ver tema|Visualizza argomento|Zobacz temat"
    r"|Wyświetl temat|Bekijk onderwerp|Ver tópico|Просмотр темы|Visa ämne|Vis emne"
    r"|Näytä viestiketju|Zobrazit téma|Konuyu görüntüle)\s+[-–—:|•»]"
    r")\s+(?=\S)",
    re.IGNORECASE,
)


def thread_title(title: str) -> str:
    """A forum thread's title without the label its software puts before it ("Thread: ",
    "View topic - "): a label of the page, not words of the thread's title."""
    return _THREAD_LABEL.sub("", title, count=1)
