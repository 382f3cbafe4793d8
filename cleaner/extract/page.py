"""From a parsed page to its article text: drop what is never content, find the article,
fall back to trafilatura when no prose is found."""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from cleaner.dom import collapsed_text, visible_chars
from cleaner.extract.article_text import article_text
from cleaner.extract.blocks import text_blocks
from cleaner.extract.fallback import trafilatura_text
from cleaner.extract.main_content import find_main_content

#: Elements whose text is never article text: code, styling, embedded objects and form
#: controls. Site chrome (navigation, share bars, ...) is left to the YAML rules.
NEVER_CONTENT = (
    "script, style, noscript, template, svg, math, iframe, object, embed, canvas, "
    "button, select, input, textarea, option, [hidden]"
)


@dataclass
class Extraction:
    """What extraction found: the text, which extractor found it ('' when none did),
    and the runs of the article's containers it left out, with the reason."""

    text: str = ""
    extractor: str = ""
    dropped: list[tuple[str, str]] = field(default_factory=list)


#: Never-content elements that may hold the whole page: an unclosed `<noscript>` (a
#: tracking pixel's, say) swallows everything after it, which browsers still show.
SWALLOWING_TAGS = frozenset({"noscript"})
#: A swallowing element with more than this share of the page's text is unwrapped.
SWALLOWED_SHARE = 0.5


def drop_never_content(tree: LexborHTMLParser) -> None:
    """Remove the elements of NEVER_CONTENT from the page.

    A `<noscript>` holding most of the page's text is the page itself, left
    unclosed: its tags are unwrapped and its content stays.
    """
    _unwrap_swallowing(tree)
    for node in tree.css(NEVER_CONTENT):
        node.decompose()


def _unwrap_swallowing(tree: LexborHTMLParser) -> None:
    """Unwrap each SWALLOWING_TAGS element whose text is most of the page's visible text.

    Its own text is not visible to `visible_chars` (a `<noscript>` is hidden
    when scripts run), so the page's visible text is counted with it added back.
    """
    swallowing = tree.css(", ".join(sorted(SWALLOWING_TAGS)))
    if not swallowing or tree.body is None:
        return
    page_chars = visible_chars(tree.body)
    for node in swallowing:
        own = len(collapsed_text(node))
        if own > SWALLOWED_SHARE * (page_chars + own):
            node.unwrap()


def extract_text(tree: LexborHTMLParser, url: str | None) -> Extraction:
    """The article text of a pruned page: ours when we find prose, else trafilatura's."""
    if tree.body is None:
        return Extraction()
    blocks = text_blocks(tree.body)
    main = find_main_content(blocks)
    if main is not None:
        article = article_text(blocks, main)
        if article.paragraphs:
            return Extraction(article.text, "cleaner", article.dropped)
    text = trafilatura_text(tree, url)
    return Extraction(text, "trafilatura" if text else "")
