"""HTML inputs: page metadata and type, DOM rules, main-content extraction, then the text phase.

Metadata and the page's type are read from the whole page first: bylines and
dates often sit in the chrome the rules remove, and chrome (filters, carts,
reply buttons, form controls) tells a page's type. Selector rules then prune
chrome, which is cheaper and more precise than leaving the extractor to
guess, and the extracted text goes through the same text rules as any text
input. The page's type sets how readily the block classifier keeps a block. A
page whose visible markup holds no main text, but whose JSON-LD carries the
article's body (or whose framework page data holds a long body string), gives
that body; a product page gains the description and specifications its JSON-LD
states and its visible text lacks.
"""

from __future__ import annotations

from collections.abc import Mapping

from selectolax.lexbor import LexborHTMLParser

from cleaner.context import Context
from cleaner.deadline import Deadline
from cleaner.document import Document, FieldName, Removal
from cleaner.dom_phase import run_dom_rules
from cleaner.extract.declared import declared_lines
from cleaner.extract.embedded import embedded_text, page_data_text, product_details
from cleaner.extract.empty_page import (
    SHELL_REASON,
    PageSignals,
    empty_page_reason,
    page_signals,
)
from cleaner.extract.formulas import formulas_as_text
from cleaner.extract.nesting import flatten_deep_nesting
from cleaner.extract.page import Extraction, drop_never_content, extract_text
from cleaner.extract.raw_text import unswallowed
from cleaner.extract.shadow_roots import compose_shadow_roots
from cleaner.extract.streamed import place_streamed_content
from cleaner.lazy_text import LazyText, text_of
from cleaner.markdown import html_markdown
from cleaner.metadata import PageMetadata, extract_metadata
from cleaner.metadata.page import Page, collect
from cleaner.metadata.titles import thread_title
from cleaner.options import CleanOptions
from cleaner.page_selectors import BYLINES_AND_DATES, NEVER_CONTENT, SIGNALS, SWALLOWING
from cleaner.page_type import classify_page
from cleaner.rules.ruleset import RuleSet
from cleaner.text_phase import finish, run_text_phase

#: Page metadata fields copied into the document, in the order they are set.
_PAGE_FIELDS: tuple[FieldName, ...] = ("url", "title", "author", "date", "section")


def clean_html(
    ruleset: RuleSet,
    html: LazyText,
    *,
    url: str | None = None,
    options: CleanOptions,
    deadline: Deadline | None = None,
    known: Mapping[str, str | None] | None = None,
    markup: bytes | None = None,
) -> Document:
    """Clean one HTML page into a Document (never raises for bad markup).

    Of the `options`, the crawl date caps the page's date and the
    over-removal limit goes to the text phase; the deadline is the caller's.
    `markup`: `html` in UTF-8, when the caller has it (the bytes it was read from);
    `html` may then be the function that decodes it, called only by the steps that
    read the text (see `cleaner.lazy_text`).

    Nesting deeper than any real page is flattened first: the HTML parser's
    time grows with the square of the depth, and a C parse cannot be stopped.
    """
    deadline = deadline or Deadline(None)
    ctx = Context(format="html")
    ctx.set_fields(known or {}, "argument")
    flat = flatten_deep_nesting(html, markup=markup)
    if flat is not html:
        html, markup = flat, None
    tree, source = _parse(html, markup)
    repaired = unswallowed(tree, source)
    if repaired is not None:
        html, markup = repaired.decode("utf-8", errors="replace"), repaired
        tree, source = _parse(html, markup)
    selectors = ruleset.dom_prefilter.scan(source)
    place_streamed_content(tree, html, source)
    unslotted = compose_shadow_roots(tree, source)
    ctx.removed.extend(Removal("extract:unslotted", None, None, text) for text in unslotted)
    formulas_as_text(tree, source)
    collected = collect(tree)
    metadata = extract_metadata(
        tree,
        url=url,
        crawl_date=options.crawl_date,
        html=html,
        collected=collected,
        bylines_and_dates=selectors.narrowed(BYLINES_AND_DATES),
    )
    _set_page_fields(ctx, metadata)
    ctx.set_field("url", url, "argument")
    page_url = ctx.fields.get("url")
    ctx.page_type, ctx.provenance["page_type"] = classify_page(tree, html, collected, page_url)
    _name_service_page(ctx, metadata)
    _unlabel_thread(ctx)
    deadline.check()
    signals = page_signals(tree, collected, selectors.narrowed(SIGNALS))
    seen = drop_never_content(
        tree, selectors.narrowed(NEVER_CONTENT), selectors.narrowed(SWALLOWING)
    )
    ctx.removed.extend(Removal(f"extract:{why}", None, None, text) for why, text in seen)
    run_dom_rules(ruleset, tree, source, ctx, selectors)
    deadline.check()
    extraction = extract_text(
        tree,
        ctx.fields.get("url"),
        declares_article=metadata.declares_article,
        page_type=ctx.page_type,
        declared=declared_lines(collected),
        title=metadata.title,
        lead=options.lead,
    )
    deadline.check()
    ctx.removed.extend(
        Removal(f"extract:{why}", None, None, text) for why, text in extraction.dropped
    )
    reason = empty_page_reason(signals, extraction.text, tree)
    if _shows_no_text(extraction, reason):
        extraction, reason = _from_embedded_data(extraction, reason, collected, signals)
    if ctx.page_type == "product" and (reason is None or _shows_no_text(extraction, reason)):
        extraction, reason = _with_product_details(extraction, collected, reason)
    if reason is not None or not extraction.text:
        return _empty(ctx, options, extraction.text, reason)
    ctx.provenance["text"] = extraction.extractor
    document = run_text_phase(ruleset, ctx, extraction.text, options, deadline=deadline)
    if options.markdown:
        document.markdown = html_markdown(document, extraction.text, extraction.blocks, options)
        deadline.check()
    return document


def _parse(html: LazyText, markup: bytes | None) -> tuple[LexborHTMLParser, bytes]:
    """The parsed page, and its markup as the DOM prefilter reads it: in UTF-8, encoded
    once (or not at all, given `markup`).

    selectolax encodes a str to UTF-8 before parsing and the prefilter scans the
    same bytes: each encoding of a page of a few hundred KB holding a character
    beyond Latin-1 is a few percent of its time. Bytes parse to the same tree
    as the str they encode. A page with a lone surrogate, which UTF-8 cannot
    hold, is encoded without it, as selectolax encodes a str (the same tree as
    parsing the str), so the prefilter scans what the parser read: a surrogate
    inside a class name or an id leaves the parser the name without it.
    """
    if markup is None:
        try:
            markup = text_of(html).encode("utf-8")
        except UnicodeEncodeError:
            markup = text_of(html).encode("utf-8", errors="ignore")
    return LexborHTMLParser(markup), markup


def _from_embedded_data(
    extraction: Extraction, reason: str | None, collected: Page, signals: PageSignals
) -> tuple[Extraction, str | None]:
    """For a page whose markup shows no main text: the body its JSON-LD or its framework
    page data carries, else the extraction and reason as they are."""
    if embedded := embedded_text(collected):
        return Extraction(embedded, "json-ld"), None
    if embedded := page_data_text(signals.page_data):
        return Extraction(embedded, "page-data"), None
    return extraction, reason


def _with_product_details(
    extraction: Extraction, collected: Page, reason: str | None
) -> tuple[Extraction, str | None]:
    """The extraction with the JSON-LD product description and specifications its text
    lacks; a shell page that states them is no longer empty."""
    details = product_details(collected, extraction.text)
    if not details:
        return extraction, reason
    text = "\n".join(line for line in (extraction.text, *details) if line)
    extractor = extraction.extractor or "json-ld"
    return Extraction(text, extractor, extraction.dropped, extraction.blocks), None


def _shows_no_text(extraction: Extraction, reason: str | None) -> bool:
    """Whether the visible page holds no main text: nothing was extracted, or the page
    is a script-rendered shell (an error page or a login wall is what it says)."""
    return not extraction.text or (reason is not None and reason.startswith(SHELL_REASON))


def _empty(ctx: Context, options: CleanOptions, text: str, reason: str | None) -> Document:
    """The Document of a page with no main content; what extraction found is recorded."""
    if text:
        ctx.removed.append(Removal("extract:empty-page", None, None, text))
    document = finish(ctx, options.max_removed_share)
    document.status = "empty"
    document.reason = reason or "no article text found on the page"
    if options.markdown:
        document.markdown = ""
    return document


def _name_service_page(ctx: Context, page: PageMetadata) -> None:
    """A service page's title is the name its `<title>` gives, not its h1's slogan
    (`PageMetadata.named_title`), unless the caller gave the title."""
    if ctx.page_type != "service" or ctx.provenance.get("title") == "argument":
        return
    named = page.named_title()
    if named is not None:
        ctx.fields.pop("title", None)
        ctx.set_field("title", *named)


def _unlabel_thread(ctx: Context) -> None:
    """A forum thread's title without its software's label ("Thread: ", "View topic - "),
    unless the caller gave the title."""
    title = ctx.fields.get("title")
    if ctx.page_type != "forum" or title is None or ctx.provenance.get("title") == "argument":
        return
    unlabelled = thread_title(title)
    if unlabelled != title:
        source = ctx.provenance.get("title", "html")
        ctx.fields.pop("title")
        ctx.set_field("title", unlabelled, source)


def _set_page_fields(ctx: Context, page: PageMetadata) -> None:
    for name in _PAGE_FIELDS:
        ctx.set_field(name, getattr(page, name), page.provenance.get(name, "html"))
    if len(page.authors) > 1:
        ctx.authors = list(page.authors)
