"""One input through the whole pipeline: read, (DOM and extraction), text phase."""

from __future__ import annotations

from collections.abc import Mapping

from cleaner._core import CoreError
from cleaner.context import Context
from cleaner.deadline import Deadline, DocumentTimeout, enforced
from cleaner.document import Document, Format, is_html
from cleaner.html import clean_html
from cleaner.lazy_text import LazyText, text_of
from cleaner.markdown import text_markdown
from cleaner.options import CleanOptions
from cleaner.read import detect_format_of, looks_binary, read_keeping_utf8, repair_mojibake
from cleaner.rules.ruleset import RuleSet
from cleaner.text_phase import clean_text


def clean_raw(
    ruleset: RuleSet,
    raw: str | bytes,
    *,
    url: str | None = None,
    format: Format | None = None,
    options: CleanOptions,
    known: Mapping[str, str | None] | None = None,
) -> Document:
    """Clean one raw input (str or bytes, any supported format) into a Document.

    A document that runs past `options.timeout` seconds comes back with status
    `error` and reason `timeout` rather than holding up the caller; bytes that
    are not text come back with status `error` too. `options.content_type`
    helps decode bytes, and `options.fix_mojibake` repairs text that was
    decoded with the wrong charset before (ftfy). `known` metadata (a title
    from a feed, say) is taken as given, before anything is looked for.
    """
    deadline = Deadline(options.timeout)
    given = format
    try:
        text: LazyText
        markup: bytes | None = None
        if isinstance(raw, str) and not options.fix_mojibake:
            text = raw  # read as it is: nothing to time
        else:
            if isinstance(raw, bytes) and looks_binary(raw):
                return _failed(url, given, "binary input: NUL bytes where text should be")
            with enforced(deadline):
                text, markup = _read(raw, options)
            deadline.check()
        if format is None and markup is not None:
            # Bytes read as UTF-8: a page is told from its first bytes, and stays undecoded
            # until a step of the HTML path reads its text.
            format = detect_format_of(text, markup)
        if not is_html(format):
            # In the core, which detects the format unless given and checks the deadline
            # itself, from any thread: no timer needed.
            body = text_of(text)
            document = clean_text(
                ruleset, body, format, options, stated=_stated(known, url), deadline=deadline
            )
            if document is not None:
                if options.markdown:
                    document.markdown = text_markdown(document, body, options)
                return document
        with enforced(deadline):
            return clean_html(
                ruleset,
                text,
                url=url,
                options=options,
                deadline=deadline,
                known=known,
                markup=markup,
            )
    except DocumentTimeout:
        return _failed(url, given, "timeout")
    except CoreError as error:  # a panic in the compiled core, caught there
        return _failed(url, given, str(error))


def _failed(url: str | None, format: Format | None, reason: str) -> Document:
    """The Document of an input that could not be cleaned: status `error`, and why."""
    return Document(url=url, status="error", format=format or "text", reason=reason)


def _read(raw: str | bytes, options: CleanOptions) -> tuple[LazyText, bytes | None]:
    """The input as text (bytes decoded, mojibake repaired when asked), and its UTF-8
    form when that is the raw input itself (bytes read as UTF-8, nothing repaired):
    then the text is decoded only when a step reads it."""
    if not isinstance(raw, bytes):
        return (repair_mojibake(raw) if options.fix_mojibake else raw), None
    text, markup = read_keeping_utf8(raw, options.content_type)
    if options.fix_mojibake:
        return repair_mojibake(text_of(text)), None
    return text, markup


def _stated(known: Mapping[str, str | None] | None, url: str | None) -> Context | None:
    """The fields the caller stated (`known`, the url) as a text input's Context starts
    from them; None when it stated none."""
    if not known and url is None:
        return None
    ctx = Context()
    ctx.set_fields(known or {}, "argument")
    ctx.set_field("url", url, "argument")
    return ctx
