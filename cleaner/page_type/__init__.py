"""Page types: what kind of page an HTML input is, from its structure.

`classify_page` reads features of the untouched page (`features`) and lets
small gradient-boosted tree models (`model`, trained by
`bench/train_page_type.py`) choose among article, forum, product,
collection, listing, documentation and service. What the page declares
(JSON-LD and Open Graph types) and its url are read first, and settle most
articles; only when they leave the type open is the page's structure read
(code blocks, forms, cards, posts, prose) for the full model. Such a page
with almost no visible text (a script-rendered shell, a redirect stub) is
"other": nothing on it tells what it is.
"""

from __future__ import annotations

from functools import cache
from typing import cast

from selectolax.lexbor import LexborHTMLParser

from cleaner.document import PAGE_TYPES, PageType
from cleaner.lazy_text import LazyText, text_of
from cleaner.metadata.page import Page
from cleaner.page_type.features import page_features, quick_features, structure_features
from cleaner.page_type.model import Cascade, ModelError, default_cascade

#: A page with less visible text than this (characters, each text node stripped) is "other".
MIN_TEXT_CHARS = 100


def classify_page(
    tree: LexborHTMLParser, html: LazyText, signals: Page, url: str | None
) -> tuple[PageType, str]:
    """(page type, provenance) of a parsed page, before any of it is pruned.

    `tree` is the parsed `html` (or what decodes it: read only for the full
    model, see `cleaner.lazy_text`); `signals` are the meta tags and JSON-LD
    objects the metadata step collected; `url` is the page's own url, if
    known. Provenance is "model" for the classifier's choice, "html" for a
    page with too little text (and nothing declared that tells its type).
    """
    cascade = _checked_cascade()
    quick = quick_features(signals, url)
    decided = cascade.quick_decision(quick)
    if decided is not None:
        return cast(PageType, decided), "model"
    features = {**quick, **structure_features(tree, text_of(html))}
    if features["text_chars"] < MIN_TEXT_CHARS:
        return "other", "html"
    return cast(PageType, cascade.full.predict(features)), "model"


@cache
def _checked_cascade() -> Cascade:
    cascade = default_cascade()
    unknown = set(cascade.full.classes) - set(PAGE_TYPES)
    if unknown:
        raise ModelError(f"the page-type model names unknown types: {sorted(unknown)}")
    return cascade


__all__ = ["MIN_TEXT_CHARS", "classify_page", "page_features"]
