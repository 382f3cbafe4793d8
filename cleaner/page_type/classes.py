"""Features from the class attributes of a page: the words that name its parts.

The class values are read from the page's source with one regular expression
(`class="..."`) rather than element by element: reading every element's
attributes costs several times more, and the source holds the same values.
Counted, the same values tell which classes repeat on the page, which the
repeated-item features use to skip one-off wrappers.
"""

from __future__ import annotations

import re
from collections import Counter

#: A class attribute's value, double-quoted as nearly every page writes it.
_CLASS_VALUE = re.compile(r'class="([^"]*)"')
#: Class values longer than this are lists of utility classes (`flex mt-4 text-sm ...`):
#: their words name no part of a page.
MAX_NAME_CHARS = 80

#: Words of class values that name a part of a page, by kind (their plurals count too:
#: `replies` as "reply").
CLASS_KINDS: dict[str, str] = {
    "post": "post postbody poster",
    "reply": "reply answer respond",
    "comment": "comment",
    "thread": "thread topic forum discussion board",
    "message": "message msg quote bbcode",
    "user": "avatar user member username signature joined profile userinfo",
    "vote": "vote upvote karma score like reaction",
    "product": "product sku variant swatch pdp gallery zoom",
    "price": "price currency amount money sale discount",
    "cart": "cart basket checkout buy wishlist qty quantity stock",
    "rating": "rating review star",
    "card": "card tile teaser thumb thumbnail",
    "grid": "grid list item result listing collection catalog",
    "filter": "filter facet sort refine",
    "pager": "pagination pager paging paginate",
    "sidebar": "sidebar aside sidenav",
    "toc": "toc outline",
    "docs": "doc documentation devsite sphinx rst mdx markdown api wiki",
    "code": "highlight hljs language syntax code prism codehilite snippet",
    "hero": "hero cta banner jumbotron splash masthead",
    "pitch": "testimonial pricing plan feature benefit service solution client partner logo",
    "faq": "faq accordion collapse question",
    "article": "article entry story byline headline author published dateline blog",
    "share": "share social",
    "related": "related recommend recommended",
    "breadcrumb": "breadcrumb crumb",
    "menu": "menu nav navbar navigation dropdown",
    "form": "form field input contact signup subscribe newsletter login",
}
_KIND_OF = {
    form: kind
    for kind, words in CLASS_KINDS.items()
    for word in words.split()
    for form in (word, word + "s", word[:-1] + "ies" if word.endswith("y") else word)
}
#: What separates the words of a class value besides spaces (`forum-post`, `post_content`,
#: `post__title`). Camel case stays one word (`postBody` is "postbody").
_WORD_BREAKS = ("-", "_")


def class_values(html: str) -> list[str]:
    """Every class attribute's value in the page's source, in order."""
    return _CLASS_VALUE.findall(html)


def class_features(values: list[str]) -> dict[str, float]:
    """`cls_<kind>`: how many distinct class values use the kind's words.

    Distinct values, not elements: a value repeated over twenty posts counts
    once (the repeated-item features count the posts), and the words of a
    page's few hundred distinct values are quick to count.
    """
    named = " ".join(value for value in set(values) if len(value) <= MAX_NAME_CHARS).lower()
    for separator in _WORD_BREAKS:
        named = named.replace(separator, " ")
    kinds = Counter(map(_KIND_OF.get, named.split()))
    return {f"cls_{kind}": float(kinds[kind]) for kind in CLASS_KINDS}
