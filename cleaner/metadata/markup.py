"""The body's byline and date elements, found lazily, and the text a reader sees of an element."""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaner.dom import ancestors, is_descendant
from cleaner.page_selectors import BYLINES_AND_DATES


class Markup:
    """The body's byline and date elements, found by one traversal on first use.

    Most pages state author and date in their head, so most never pay for it.
    `selector`: BYLINES_AND_DATES, or the part of it that can match the page
    (see `cleaner.rules.dom_prefilter`; "" when none can).
    """

    def __init__(self, tree: LexborHTMLParser, selector: str = BYLINES_AND_DATES) -> None:
        self._tree = tree
        self._selector = selector
        self._nodes: list[LexborNode] | None = None
        self._bylines: list[LexborNode] | None = None

    def nodes(self) -> list[LexborNode]:
        """Every candidate element, in page order."""
        if self._nodes is None:
            body = self._tree.body
            root = body if body is not None else self._tree
            self._nodes = list(root.css(self._selector)) if self._selector else []
        return self._nodes

    def bylines(self) -> list[LexborNode]:
        """The outermost byline elements, at most `_MAX_BYLINES`, in page order."""
        if self._bylines is None:
            self._bylines = []
            for node in self.nodes():
                if len(self._bylines) >= _MAX_BYLINES:
                    break
                if (
                    _is_byline(node)
                    and not any(is_descendant(node, outer) for outer in self._bylines)
                    and not _in_a_response(node)
                ):
                    self._bylines.append(node)
        return self._bylines


#: A byline class token: up to four prefixes (`c-`, `article__`, `post-detail__meta-`),
#: "byline", "author" (or the same word in French, German, Spanish, Italian, Portuguese,
#: Polish: "auteur", "autor", "autore", and Italian's "firma") or a forum's "username", and
#: an optional suffix naming the name part
#: (`__name`, `-link`); never a comment's, a review's or a testimonial's.
_BYLINE_TOKEN = re.compile(
    r"(?:[a-z0-9]+(?:--?|__?)){0,4}(?:by-?line|authors?|auteurs?|autor(?:e|es|a|as|i|zy)?|firma|writer|(?:big)?user-?name)"
    r"(?:(?:-|_|__|--)?(?:names?|links?|author|byline|text|wrap|wrapper|container|info|meta|list))?"
)
_NOT_BYLINE_PARTS = ("comment", "reply", "review", "rev__", "rev-", "testimonial")
#: Microdata items whose author is not the page's: a review, a comment, an answer.
_RESPONSE_PROPS = frozenset({"review", "comment", "answer", "suggestedanswer", "acceptedanswer"})
_RESPONSE_TYPES = ("review", "comment", "answer")
_MAX_BYLINES = 6  # byline elements tried, in page order: later ones are comments and teasers


def _in_a_response(node: LexborNode) -> bool:
    """Whether the element sits in a review's, a comment's or an answer's microdata item:
    its author wrote that response, not the page."""
    for parent in ancestors(node):
        attrs = parent.attributes
        if (attrs.get("itemprop") or "").lower() in _RESPONSE_PROPS:
            return True
        if (attrs.get("itemtype") or "").lower().endswith(_RESPONSE_TYPES):
            return True
    return False


def _is_byline(node: LexborNode) -> bool:
    """True for microdata and rel authors and for whole byline class tokens."""
    if node.tag in ("body", "html", "meta", "link"):
        return False
    attrs = node.attributes
    if attrs.get("itemprop") == "author":
        return True
    if "author" in (attrs.get("rel") or "").lower().split():
        return True
    classes = attrs.get("class") or ""
    if _names_a_byline(classes):
        return True
    return _names_a_meta_line(classes) and _credits_someone(node)


def is_meta_line(node: LexborNode) -> bool:
    """True for a post's meta line that credits someone (`<p class="entry-meta">By …`).

    Its links are as often categories and tags as the author's, so only its
    words after "by" name the author.
    """
    return _names_a_meta_line(node.attributes.get("class") or "") and _credits_someone(node)


@lru_cache(maxsize=2048)
def _names_a_byline(classes: str) -> bool:
    """Whether a class attribute holds a whole byline token (pages repeat their class
    attributes: each is matched once)."""
    return any(
        _BYLINE_TOKEN.fullmatch(token) and not any(part in token for part in _NOT_BYLINE_PARTS)
        for token in classes.lower().split()
    )


@lru_cache(maxsize=2048)
def _names_a_meta_line(classes: str) -> bool:
    """Whether a class attribute holds a post's meta-line token (`entry-meta`)."""
    return any(_META_TOKEN.fullmatch(token) for token in classes.lower().split())


#: A post's meta line (`entry-meta`, `post-meta`, `page-header__meta`): a byline when it says "by".
_META_TOKEN = re.compile(r"(?:[a-z0-9]+(?:--?|__?)){0,3}meta(?:(?:--?|__?)(?:info|data|line|top))?")
_CREDIT = re.compile(r"(?i)(?:^|\s)(?:written\s+)?by:?\s+\w")


def _credits_someone(node: LexborNode) -> bool:
    """True when the node's first words credit someone: "By …", "Posted on … by …"."""
    text = node.text(separator=" ")
    return len(text) <= _META_LINE_CHARS and _CREDIT.search(text) is not None


_META_LINE_CHARS = 200


_BLOCK_BREAKS = frozenset({"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"})
#: Elements whose text no reader sees as words of the element around them: code, icons
#: (an inline `<svg>` has its own `<title>`; Angular Material's `<mat-icon>` holds an icon
#: font's ligature), buttons and form controls.
_UNSEEN = frozenset(
    {"script", "style", "noscript", "template", "svg", "mat-icon", "button", "select", "textarea"}
)


def visible_text(node: LexborNode, separator: str, skip: frozenset[str] = frozenset()) -> str:
    """The node's text without scripts, icons and buttons; line breaks and blocks become spaces.

    `separator` goes between inline text nodes: "" keeps `Mc<b>Donald</b>`
    whole in headlines, " " keeps `By<a>Name</a>` apart in bylines. Text
    inside elements of the `skip` tags is left out too.
    """
    unseen = _UNSEEN | skip
    pieces: list[str] = []
    for child in node.traverse(include_text=True):
        if child.is_text_node:
            if not _inside(child, node, unseen):
                pieces.append(child.text_content or "")
                pieces.append(separator)
        elif child.tag in _BLOCK_BREAKS:
            pieces.append(" ")
    return "".join(pieces)


#: Class tokens of text only screen readers get (`<span class="visually-hidden">Collection:
#: </span>` in a shop's h1): no reader sees it (the `screen-reader-only` rule's classes).
SCREEN_READER_ONLY = frozenset(
    {
        *("visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text"),
        *("screen-reader-only", "u-visually-hidden", "a11y-hidden", "assistive-text"),
        *("element-invisible", "show-for-sr", "screenreader-only"),
        *("is-visually-hidden", "hidden-visually", "visually-hidden-text"),
    }
)


#: Class prefixes of icon fonts, whose text is the icon's name drawn as a ligature ("link",
#: "shopping_cart"): a heading's anchor icon is no word of its title (the `icon-font-text`
#: rule's classes).
ICON_FONT_PREFIXES = ("material-icons", "material-symbols", "google-symbols")


def _inside(child: LexborNode, root: LexborNode, tags: frozenset[str]) -> bool:
    """True when an element between `child` and `root` (itself included) has one of `tags`,
    or is text only screen readers get, or an icon font's ligature."""
    parent = child.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        classes = parent.attributes.get("class")
        if classes and _unseen_classes(classes.split()):
            return True
        if parent.mem_id == root.mem_id:
            return False
        parent = parent.parent
    return False


def _unseen_classes(classes: list[str]) -> bool:
    """Whether an element's classes mark text only screen readers get, or an icon's name."""
    return not SCREEN_READER_ONLY.isdisjoint(classes) or any(
        token.startswith(ICON_FONT_PREFIXES) for token in classes
    )
