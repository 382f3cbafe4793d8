"""Page-level features for the page-type classifier, read from the untouched page.

Each feature is a number, never NaN: a flag, a count or a share. They are read
before any element is pruned, since chrome and form controls are part of what
tells a shop's category page from a forum thread. The first two groups are
`quick_features`, read in microseconds; the others, `structure_features`,
cost about a millisecond on a typical page, and are read only when the
quick ones leave the type open (`model.Cascade`). Five groups, by prefix:

* what the page declares for machines (`declared`): `ld_` JSON-LD types by
  kind, `og_` the Open Graph type, `meta_` article and product meta tags;
* the url (`url_features`): `url_` path words by kind (`docs`, `forum`,
  `product`, `category`...), a date in the path, the path's depth and slug;
* the class attributes (`classes`): `cls_` words naming a part of a page
  (`post`, `reply`, `price`, `cart`, `sidebar`, `toc`...);
* the body (`body`): `n_` element counts (code blocks, forms, tables,
  headings...), the visible text's size and its `share_` of prose, prose
  paragraphs and how they are grouped, linked headings, prices;
* repeated items (`repeats`): `rep_` siblings of one tag and class holding
  images (cards), linked headings (teasers) or times (posts).
"""

from __future__ import annotations

from collections import Counter

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner.metadata.page import Page
from cleaner.page_type.body import Body, body_features
from cleaner.page_type.classes import class_features, class_values
from cleaner.page_type.declared import declared_features
from cleaner.page_type.repeats import repeat_features
from cleaner.page_type.url_features import url_features


def quick_features(signals: Page, url: str | None) -> dict[str, float]:
    """The features that cost next to nothing: what the page declares, and its url.

    `signals` are the page's meta tags and JSON-LD objects as the metadata
    step collected them; `url` is the page's own (canonical) url, if known.
    """
    return {**declared_features(signals), **url_features(url)}


def structure_features(tree: LexborHTMLParser, html: str) -> dict[str, float]:
    """The features read from the page's structure: classes, elements, text, repeated items.

    `tree` is the parsed `html`, untouched. A page without a body (a frameset)
    has the features of an empty one.
    """
    values = class_values(html)
    body = Body(tree.body if tree.body is not None else _empty_body())
    return {
        **class_features(values),
        **body_features(body),
        **repeat_features(body, Counter(values)),
    }


def page_features(
    tree: LexborHTMLParser, html: str, signals: Page, url: str | None
) -> dict[str, float]:
    """Every feature of one page, by name (see `quick_features`, `structure_features`)."""
    return {**quick_features(signals, url), **structure_features(tree, html)}


def _empty_body() -> LexborNode:
    body = LexborHTMLParser("").body
    assert body is not None  # an HTML parse always makes a body unless frames replace it
    return body
