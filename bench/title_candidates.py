"""Title candidates of a page and their features, for the title study (bench/title_study.py).

A page offers several wordings of its title: each h1, and each metadata
title (JSON-LD headline and name, Open Graph, Twitter, other meta, `<title>`)
without the site's name (`site_names.strip_site`) and as its headline part
(`titles.main_part`: before a tagline or a breadcrumb trail; on a home page
the site's own title, `titles.site_title`). The rules' choice
(`titles.choose_title`) is one of them. Each distinct wording is one
candidate that remembers every place it came from: the same words in the
h1, the og:title and the `<title>` are one candidate found three times.
Wordings that differ only in case, Unicode compatibility forms or spacing are
one candidate, written as the first place found them (the rules' choice,
then the h1s, then the metadata in `titles.metadata_titles` order). A
wording that keeps the site's name is no candidate (the rules never give one
off a home page), nor, off a home page, one that is only the site's name.

`feature_rows` gives each candidate a row of COLUMNS: where it came from, how
many places agree on it, how it relates to the other wordings, what it looks
like, and what kind of page it is on; `pick` is how a ranker's scores choose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cleaner.document import PAGE_TYPES
from cleaner.metadata.page import Page, compact_form
from cleaner.metadata.site_names import strip_site
from cleaner.metadata.titles import main_part, metadata_titles, page_headlines, site_title

#: Where a metadata title is, by the field `titles.metadata_titles` names.
FIELD_ORIGINS = {
    "headline": "ld_headline",
    "og:title": "og",
    "twitter:title": "twitter",
    "twitter:text:title": "other_meta",
    "dcterms.title": "other_meta",
    "title": "other_meta",  # a `<meta name="title">`; the `<title>` element is "title_tag"
    "name": "ld_name",
}
#: The metadata origins, in the order of their feature columns.
METADATA_ORIGINS = ("ld_headline", "og", "twitter", "other_meta", "ld_name", "title_tag")
#: How a metadata title became the candidate: as written (when it names no site), less the
#: site's name, its headline part.
FORMS = ("whole", "site_cut", "part")
#: At most this many h1s become candidates (pages with more use them for widgets).
MAX_HEADLINES = 8


@dataclass
class TitleCandidate:
    """One distinct wording of the page's title and everything known of where it came from.

    `origins` holds `origin:form` tags of the metadata titles it is a wording
    of (`og:whole`, `title_tag:site_cut`) and `h1` for an h1, `fields` the
    metadata fields it is found in; `h1_index` is the position of its first
    h1 among the page's headline h1s (-1: none), and `inside` whether that h1
    sits inside article or main.
    """

    text: str
    source: str
    origins: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)
    h1_index: int = -1
    inside: bool = False
    h1_count: int = 0
    rule: bool = False


@dataclass(frozen=True)
class PageTitles:
    """A page's title candidates and the page-level facts their features need."""

    candidates: list[TitleCandidate]
    headlines: int  # headline h1s on the page
    headlines_inside: int  # of them inside article or main


def gather_candidates(
    page: Page,
    names: list[str],
    home: bool,
    rule_choice: tuple[str, str] | None,
) -> PageTitles:
    """The page's distinct title wordings; the rules' choice first, marked `rule`."""
    found: dict[str, TitleCandidate] = {}

    def add(text: str, source: str) -> TitleCandidate:
        key = same_title_key(text)
        candidate = found.get(key)
        if candidate is None:
            candidate = found[key] = TitleCandidate(text, source)
        return candidate

    if rule_choice is not None:
        add(*rule_choice).rule = True
    headlines = page_headlines(page.h1, names)
    for index, (text, inside) in enumerate(headlines[:MAX_HEADLINES]):
        candidate = add(text, "html")
        candidate.origins.add("h1")
        candidate.h1_count += 1
        if candidate.h1_index < 0:
            candidate.h1_index, candidate.inside = index, inside
    for title in metadata_titles(page):
        origin = "title_tag" if title.source == "html" else FIELD_ORIGINS[title.field]
        for form, text in _wordings(title.text, names, home):
            candidate = add(text, title.source)
            candidate.origins.add(f"{origin}:{form}")
            candidate.fields.add(f"{title.source}:{title.field}")
    kept = [c for c in found.values() if home or c.rule or compact_form(c.text) not in names]
    within_article = sum(1 for headline in headlines if headline.inside)
    return PageTitles(kept, len(headlines), within_article)


def _wordings(raw: str, names: list[str], home: bool) -> list[tuple[str, str]]:
    """(form, text) of a metadata title: less the site's name, and its headline part; the
    first also "whole" when the title names no site (it is then the title as written)."""
    cut = strip_site(raw, names)
    part = site_title(raw, names) if home else main_part(cut)
    found = [("site_cut", cut), ("part", part)]
    if cut == raw:
        found.append(("whole", raw))
    return [(form, text) for form, text in found if text]


def same_title_key(text: str) -> str:
    """The form in which two wordings of a title that differ only in case, Unicode
    compatibility forms or spacing are equal."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


# --- features ---------------------------------------------------------------------------------

_ORIGIN_COLUMNS = ("h1", *(f"{origin}:{form}" for origin in METADATA_ORIGINS for form in FORMS))
_CANDIDATE_COLUMNS = (
    *("rule", "sources", "h1_first", "h1_index", "h1_inside", "h1_repeats"),
    *("words", "chars", "separators", "colon", "upper_share", "digits", "question"),
    *("bracket", "mentions_site", "length_share", "contains_others", "inside_others"),
    *("similar_max", "similar_rule", "similar_h1", "similar_title_tag"),
)
_PAGE_COLUMNS = (
    *("home", "headlines", "headlines_inside", "candidates"),
    *(f"type_{page_type}" for page_type in PAGE_TYPES),
)
#: The feature columns, in the order of a row.
COLUMNS: tuple[str, ...] = (*_ORIGIN_COLUMNS, *_CANDIDATE_COLUMNS, *_PAGE_COLUMNS)

_WORD = re.compile(r"\w+")
_SEPARATOR = re.compile(r"\s[-–—|·•/»:]\s|:\s")
_SHORT_NAME = 4  # a site name shorter than this is found inside too many words


class _Wording:
    """What the relations between candidates read of one wording, worked out once."""

    __slots__ = ("compact", "words")

    def __init__(self, text: str) -> None:
        self.compact = compact_form(text)
        self.words = frozenset(_WORD.findall(text.lower()))


def feature_rows(
    titles: PageTitles, page_type: str | None, home: bool, names: list[str]
) -> list[list[float]]:
    """One row of COLUMNS per candidate of `titles`, in their order."""
    candidates = titles.candidates
    wordings = [_Wording(c.text) for c in candidates]
    rule = _first(candidates, wordings, lambda c: c.rule)
    first_h1 = _first(candidates, wordings, lambda c: c.h1_index == 0)
    title_tag = _first(candidates, wordings, lambda c: "title_tag:part" in c.origins)
    longest = max((len(c.text) for c in candidates), default=1)
    page = [
        float(home),
        float(titles.headlines),
        float(titles.headlines_inside),
        float(len(candidates)),
        *(float(page_type == kind) for kind in PAGE_TYPES),
    ]
    rows: list[list[float]] = []
    for candidate, wording in zip(candidates, wordings, strict=True):
        others = [other for other in wordings if other is not wording]
        rows.append(
            [
                *(float(column in candidate.origins) for column in _ORIGIN_COLUMNS),
                *_own_features(candidate, wording, names, longest),
                *_relations(wording, others),
                _similarity(wording, rule),
                _similarity(wording, first_h1),
                _similarity(wording, title_tag),
                *page,
            ]
        )
    return rows


def _own_features(
    candidate: TitleCandidate, wording: _Wording, names: list[str], longest: int
) -> list[float]:
    """The candidate's origin counts and its text's own shape."""
    text = candidate.text
    letters = [ch for ch in text if ch.isalpha()]
    mentions = any(len(n) >= _SHORT_NAME and n in wording.compact for n in names)
    return [
        float(candidate.rule),
        float(len(candidate.fields) + (1 if candidate.h1_count else 0)),
        float(candidate.h1_index == 0),
        float(candidate.h1_index),
        float(candidate.inside),
        float(candidate.h1_count),
        float(len(wording.words)),
        float(len(text)),
        float(len(_SEPARATOR.findall(text))),
        float(":" in text),
        sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0,
        float(any(ch.isdigit() for ch in text)),
        float(text.rstrip().endswith("?")),
        float(any(ch in text for ch in "([")),
        float(mentions),
        len(text) / longest,
    ]


def _relations(wording: _Wording, others: Sequence[_Wording]) -> list[float]:
    """How many other wordings it contains and lies within, and its closest word overlap."""
    compact = wording.compact
    contains = sum(1 for o in others if o.compact and o.compact in compact)
    inside = sum(1 for o in others if compact and compact in o.compact)
    closest = max((_similarity(wording, o) for o in others), default=0.0)
    return [float(contains), float(inside), closest]


def _similarity(a: _Wording, b: _Wording | None) -> float:
    """The Jaccard index of two wordings' word sets; -1 when there is no second wording."""
    if b is None:
        return -1.0
    union = a.words | b.words
    return len(a.words & b.words) / len(union) if union else 0.0


def _first(
    candidates: Sequence[TitleCandidate],
    wordings: Sequence[_Wording],
    test: Callable[[TitleCandidate], bool],
) -> _Wording | None:
    """The wording of the first candidate that passes `test`."""
    for candidate, wording in zip(candidates, wordings, strict=True):
        if test(candidate):
            return wording
    return None


# --- choosing ---------------------------------------------------------------------------------


def pick(probabilities: Sequence[float], rule: int | None, threshold: float) -> int:
    """The most probable candidate, when it is at least `threshold` and more probable than
    the rules' choice (index `rule`, None: the rules chose none); else the rules' choice.

    Ties go to the earlier candidate, so the rules' choice (always first) wins them.
    """
    best = max(range(len(probabilities)), key=lambda index: (probabilities[index], -index))
    if rule is None:
        return best
    if probabilities[best] >= threshold and probabilities[best] > probabilities[rule]:
        return best
    return rule
