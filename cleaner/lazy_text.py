"""A page's text that may be decoded only when a step reads it.

The HTML path reads a page's UTF-8 bytes (the parser, the literal pass, the
nesting count) and needs its text only for a few pages (htmldate's date, the
page-type model's class words): decoding a page of a few hundred kilobytes
that holds a character beyond Latin-1 costs about as much as its literal pass.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

#: A text, or the function that makes it on its first call (the same str after).
LazyText = str | Callable[[], str]


def text_of(text: LazyText) -> str:
    """The text itself, made if it was not yet."""
    return text if isinstance(text, str) else text()


def decoded_on_first_use(data: bytes) -> Callable[[], str]:
    """The function that reads `data` (valid UTF-8) as a str, once."""
    return cache(lambda: data.decode("utf-8"))
