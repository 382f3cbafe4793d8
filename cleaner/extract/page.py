"""From a parsed page to its main text: drop what is never content, find the content
(the finder's article on article pages that declare themselves so, the block classifier
elsewhere), fall back to trafilatura when neither finds any, or when the classifier keeps
only a few words of a page with text and trafilatura finds several times as many."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner.dom import ancestors, collapsed_len, collapsed_text, visible_chars
from cleaner.extract.article_tables import with_article_tables
from cleaner.extract.article_text import ArticleText, record_run
from cleaner.extract.block_choice import choose_blocks
from cleaner.extract.blocks import TABLE_CELLS, Block
from cleaner.extract.declared import found_share, with_declared
from cleaner.extract.fallback import trafilatura_text
from cleaner.extract.lead import lead_blocks
from cleaner.extract.page_blocks import PageBlocks, find_blocks
from cleaner.extract.repeats import without_repeats
from cleaner.extract.rows import blocks_text
from cleaner.page_selectors import NEVER_CONTENT, SWALLOWING
from cleaner.words import word_count, word_set


@dataclass
class Extraction:
    """What extraction found: the text, which extractor found it ('' when none did),
    the runs of the article's containers it left out, with the reason, and the kept
    blocks the text is made of (their lines one paragraph each; none when the text
    came from elsewhere), which Markdown is rendered from."""

    text: str = ""
    extractor: str = ""
    dropped: list[tuple[str, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


#: A swallowing element (`page_selectors.SWALLOWING`) with more than this share of the
#: page's text is unwrapped...
SWALLOWED_SHARE = 0.5
#: ...when it holds at least this much text.
MIN_SWALLOWED_CHARS = 200


#: Never-content elements whose text a reader sees, and the reason their removal is
#: recorded under: a form's controls (a button's label, a list's options) and objects
#: drawn or embedded in the page (an icon's title, a formula, a frame's fallback).
#: Scripts, styles, templates and `<noscript>` hold code or text shown only without
#: scripts: nothing a reader sees is lost with them.
SEEN_NEVER_CONTENT = {
    "button": "form-control",
    "select": "form-control",
    "option": "form-control",
    "textarea": "form-control",
    "svg": "embedded-object",
    "math": "embedded-object",
    "iframe": "embedded-object",
    "object": "embedded-object",
    "embed": "embedded-object",
    "canvas": "embedded-object",
}


def drop_never_content(
    tree: LexborHTMLParser, never_content: str = NEVER_CONTENT, swallowing: str = SWALLOWING
) -> list[tuple[str, str]]:
    """Remove the elements of NEVER_CONTENT from the page; return what a reader saw of
    them, each element's text with its reason (SEEN_NEVER_CONTENT), for the record.

    A `<noscript>` holding most of the page's text is the page itself, left
    unclosed: its tags are unwrapped and its content stays. `never_content` and
    `swallowing`: NEVER_CONTENT and SWALLOWING, or the parts of them that can
    match the page (see `cleaner.rules.dom_prefilter`; "" when none can).
    """
    if swallowing:
        _unwrap_swallowing(tree, swallowing)
    if not never_content:
        return []
    nodes = tree.css(never_content)
    seen = _seen_texts(nodes)
    for node in nodes:
        node.decompose()
    return seen


def _seen_texts(nodes: list[Any]) -> list[tuple[str, str]]:
    """The text of each element of `nodes` a reader sees, with its reason, once: an
    element inside another one of them (a select's options) is its container's text."""
    seen = []
    for node in nodes:
        why = SEEN_NEVER_CONTENT.get(node.tag)
        if why is None:
            continue
        text = collapsed_text(node)
        if text and not any(above.tag in SEEN_NEVER_CONTENT for above in ancestors(node)):
            seen.append((why, text))
    return seen


def _unwrap_swallowing(tree: LexborHTMLParser, swallowing: str) -> None:
    """Unwrap each element matching `swallowing` whose text is most of the page's visible
    text.

    Its own text is not visible to `visible_chars` (a `<noscript>` is hidden
    when scripts run), so the page's visible text is counted with it added back.
    """
    nodes = tree.css(swallowing)
    if not nodes or tree.body is None:
        return
    page_chars: int | None = None
    for node in nodes:
        own = collapsed_len(node)
        if own < MIN_SWALLOWED_CHARS:  # a tracking pixel's or a "please enable scripts"
            continue
        if page_chars is None:
            page_chars = visible_chars(tree.body)
        if own > SWALLOWED_SHARE * (page_chars + own):
            node.unwrap()


def extract_text(
    tree: LexborHTMLParser,
    url: str | None,
    *,
    declares_article: bool = False,
    page_type: str | None = None,
    declared: Sequence[str] = (),
    title: str | None = None,
    lead: bool = True,
) -> Extraction:
    """The main text of a pruned page, else trafilatura's.

    On an article page (`page_type`) that also declares itself one in its
    markup (`declares_article`: JSON-LD or Open Graph), the prose-based
    finder's article: on news pages it is the more precise of the two.
    Elsewhere, the blocks the learned block classifier keeps (see
    `cleaner.extract.block_choice`), at the threshold of the page's type:
    content spread over sections, cards and posts is not in one container,
    and a page that calls itself an article may be a forum thread or a
    product (the page-type classifier weighs more than that one declaration).
    On the tuning fold the finder loses to the classifier everywhere else,
    articles without the declaration included. A classifier's choice of a few
    words on a page with text (`_is_sparse`) is checked against trafilatura's,
    which is taken when it holds FALLBACK_RATIO times as many words.
    `declared`: lines the page's structured data says its content holds (a
    recipe's ingredients and steps, `cleaner.extract.declared`); a finder's
    article that misses them gives way to a classifier's choice that has them.
    `title`: the page's title as its metadata settled it, which tells the classifier's
    choice which `<h1>` is the headline.
    `lead`: keep the standfirst the page marks under its headline (`cleaner.extract.lead`);
    without it, the body alone, as schema.org's `articleBody` has it.
    """
    if tree.body is None:
        return Extraction()
    view = find_blocks(tree.body)
    article = view.article
    chosen: ArticleText | None = None
    if article is not None and article.paragraphs and declares_article and page_type == "article":
        chosen = _classifier_if_fragment(view, article, lead) or _classifier_if_declared(
            view, article, declared, lead
        )
        if chosen is None:
            article = with_article_tables(view.blocks, article)
            article = _with_lead(view, article) if lead else article
            return _cleaner_extraction(_with_outside_recorded(view, article))
    chosen = chosen or _with_declared_shown(
        choose_blocks(view, page_type, title, lead=lead), view, declared
    )
    if chosen.paragraphs and not _is_sparse(chosen, view):
        return _cleaner_extraction(chosen)
    text = trafilatura_text(tree, url)
    if chosen.paragraphs and not _outweighs(text, chosen.text):
        return _cleaner_extraction(chosen)
    return Extraction(text, "trafilatura" if text else "", _left_out_of(view.blocks, text))


def _with_lead(view: PageBlocks, article: ArticleText) -> ArticleText:
    """The finder's `article` with the page's marked lead above it (`cleaner.extract.lead`):
    the finder starts from the body's paragraphs, which the lead stands apart from."""
    if not article.kept:
        return article
    first = next(i for i, block in enumerate(view.blocks) if block is article.kept[0])
    leads = [view.blocks[index] for index in lead_blocks(view.blocks, first)]
    if not leads:
        return article
    lines = [line for block in leads for line in block.text.split("\n")]
    return ArticleText(lines + article.paragraphs, article.dropped, leads + article.kept)


def _with_outside_recorded(view: PageBlocks, article: ArticleText) -> ArticleText:
    """The finder's `article` with the runs outside its containers that it does not keep
    recorded as left out too (the headline above the body, the menus, the footer): every
    word of the page the text lacks is accounted for, as in the classifier's choice."""
    kept = {id(block) for block in article.kept}
    dropped = list(article.dropped)
    run: list[Block] = []
    for block, inside in zip(view.blocks, view.in_main, strict=True):
        if inside or id(block) in kept:
            record_run(dropped, run)
        elif block.node.tag == "h1":
            record_run(dropped, run)
            dropped.append(("headline", block.text))
        else:
            run.append(block)
    record_run(dropped, run)
    return ArticleText(article.paragraphs, dropped, article.kept)


def _left_out_of(blocks: list[Block], text: str) -> list[tuple[str, str]]:
    """The runs of `blocks` whose words the fallback's `text` mostly lacks, recorded as
    `_with_outside_recorded` records them: trafilatura reports no removals of its own.
    (Words, not substrings: linear in the page, whatever its size.)"""
    held = word_set(text)
    dropped: list[tuple[str, str]] = []
    run: list[Block] = []
    for block in blocks:
        words = word_set(block.text)
        if len(words & held) * 2 >= len(words):
            record_run(dropped, run)
        else:
            run.append(block)
    record_run(dropped, run)
    return dropped


def _cleaner_extraction(chosen: ArticleText) -> Extraction:
    """cleaner's own extraction of the `chosen` blocks, each block shown twice kept once,
    a data table's row one line (`cleaner.extract.rows`)."""
    chosen = without_repeats(chosen)
    return Extraction(blocks_text(chosen.kept), "cleaner", chosen.dropped, chosen.kept)


#: The classifier's choice is sparse when it holds fewer words than this on a page
#: whose blocks hold at least PAGE_WORDS: a price and a delivery note kept from a
#: product page whose description and specs the model passed over.
SPARSE_WORDS = 150
PAGE_WORDS = 200
#: A sparse choice gives way to trafilatura's text when that holds this many times its
#: words (on the tuning fold: F1 +0.002, the same on the validation fold, the news
#: pages unchanged).
FALLBACK_RATIO = 3


def _is_sparse(chosen: ArticleText, view: PageBlocks) -> bool:
    """Whether the classifier kept so little of a page with text that another look pays."""
    if word_count(chosen.text, SPARSE_WORDS) >= SPARSE_WORDS:
        return False
    return sum(word_count(block.text) for block in view.blocks) >= PAGE_WORDS


def _outweighs(fallback: str, chosen: str) -> bool:
    """Whether the fallback's text holds FALLBACK_RATIO times the chosen text's words."""
    return word_count(fallback) >= FALLBACK_RATIO * word_count(chosen)


#: The finder's article is a fragment when the classifier keeps this many times its text...
FRAGMENT_RATIO = 2.5
#: ...and what the classifier adds reads as article text: at least this share of it in
#: long paragraphs or table cells (a teaser list of headlines and one-line summaries
#: below a news story has neither).
ARTICLE_LIKE_SHARE = 0.3
#: A paragraph this long is article text, not a headline or a teaser's summary.
LONG_PARAGRAPH_CHARS = 150


def _classifier_if_fragment(
    view: PageBlocks, article: ArticleText, lead: bool
) -> ArticleText | None:
    """The classifier's choice when the finder's `article` is only a fragment of the
    article; None when the finder's article is the whole of it.

    The finder takes the best-scoring run of prose containers; on a page that
    splits its article over sections, around a gallery or a table, that can be
    its first few paragraphs. When the classifier keeps FRAGMENT_RATIO times as
    much text, and what it adds reads as an article's (`_reads_as_article`) or
    mostly comes above the finder's article in the same landmark (`_mostly_above`),
    the finder has found such a fragment. The classifier is asked only when the
    page has that much text at all. (On the tuning fold, ratios from 1.5 to 2.5
    score within a page of each other and 4 lower; on the news pages, without
    the check of what is added, any ratio below 4 took a list of teasers.)
    """
    own = _chars(article.kept)
    limit = FRAGMENT_RATIO * max(1, own)
    if _chars(view.blocks) < limit:
        return None
    finder_nodes = {block.node.mem_id for block in article.kept}
    outside = [block for block in view.blocks if block.node.mem_id not in finder_nodes]
    # The classifier's additions would be at least `limit - own` long, and that share of
    # them article-like: when the page has not that much such text, it need not be asked.
    if _article_like_chars(outside) < ARTICLE_LIKE_SHARE * (limit - own):
        return None
    chosen = choose_blocks(view, "article", lead=lead)
    if _chars(chosen.kept) < limit:
        return None
    added = [block for block in chosen.kept if block.node.mem_id not in finder_nodes]
    if _reads_as_article(added) or _mostly_above(added, article.kept):
        return chosen
    return None


def _mostly_above(added: list[Block], kept: list[Block]) -> bool:
    """Whether most of the classifier's additions come before the finder's first block,
    inside the same landmark (`<main>` or `<article>`): a dictionary entry's senses above
    its example sentences, which the finder took for the article. Teasers come after."""
    if not kept or not added:
        return False
    holder = next(
        (node.mem_id for node in ancestors(kept[0].node) if node.tag in ("main", "article")), None
    )
    if holder is None or any(holder not in block.chain for block in added):
        return False
    first = kept[0].order
    above = [block for block in added if block.order < first]
    return _chars(above) * 2 >= _chars(added)


#: The finder's article misses what the page declares when it holds less than this share
#: of the declared lines; the classifier's choice is taken when it holds this share.
DECLARED_SHARE = 0.5


def _classifier_if_declared(
    view: PageBlocks, article: ArticleText, declared: Sequence[str], lead: bool
) -> ArticleText | None:
    """When the finder's `article` lacks the lines the page declares as its content (a
    recipe page's story without its recipe card): the classifier's choice if it holds
    them, else the article with the blocks that show them; None otherwise."""
    if _shows_declared(declared, article):
        return None
    chosen = choose_blocks(view, "article", lead=lead)
    if found_share(declared, chosen.text) >= DECLARED_SHARE:
        return chosen
    widened = with_declared(view.blocks, article, declared)
    return widened if found_share(declared, widened.text) >= DECLARED_SHARE else None


def _with_declared_shown(
    chosen: ArticleText, view: PageBlocks, declared: Sequence[str]
) -> ArticleText:
    """The classifier's `chosen` blocks, with those that show the lines the page declares
    when it holds too few of them (a recipe card's ingredient table it passed over)."""
    if _shows_declared(declared, chosen):
        return chosen
    return with_declared(view.blocks, chosen, declared)


def _shows_declared(declared: Sequence[str], chosen: ArticleText) -> bool:
    """Whether `chosen` holds DECLARED_SHARE of the `declared` lines (all, when none are)."""
    return not declared or found_share(declared, chosen.text) >= DECLARED_SHARE


def _reads_as_article(blocks: list[Block]) -> bool:
    """Whether ARTICLE_LIKE_SHARE of the blocks' text is long paragraphs or table cells."""
    return _article_like_chars(blocks) >= ARTICLE_LIKE_SHARE * _chars(blocks)


def _article_like_chars(blocks: list[Block]) -> int:
    """The characters of the blocks that are long paragraphs or table cells."""
    return sum(
        len(block.text)
        for block in blocks
        if len(block.text) >= LONG_PARAGRAPH_CHARS or block.node.tag in TABLE_CELLS
    )


def _chars(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)
