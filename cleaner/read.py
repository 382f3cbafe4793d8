"""Raw input → decoded text and its format (text, markdown or html)."""

from __future__ import annotations

import codecs
import re

from cleaner.document import Format
from cleaner.regex import Pattern, Subject

#: File suffixes of the raw inputs cleaner reads when it walks a folder.
INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HTML_START = Pattern(r"(?i)\A\s*(?:<!--[^>]*-->\s*)?<(?:!doctype\s+html|html|head|body)\b")
_HTML_TAGS = Pattern(
    r"(?i)</?(?:p|div|span|a|br|article|section|h[1-6]|li|ul|script|meta|img)\b[^>]*>"
)
_MARKDOWN = Pattern(
    r"^[ ]{0,3}#{1,6}[ \t]+\S"  # ATX heading
    r"|\*\*[^*\n]+\*\*|__[^_\n]+__"  # strong emphasis
    r"|!?\[[^\]\n]*\]\([^)\n]*\)"  # link or image
    r"|<https?://[^>\s]+>"  # autolink
    r"|\\[\\`*_{}\[\]()#+\-.!$]"  # backslash escape
    r"|^[ ]{0,3}(?:[-*+]|\d+\.)[ \t]+\S.*\n[ ]{0,3}(?:[-*+]|\d+\.)[ \t]+\S"  # list
)


def decode(raw: bytes, content_type: str | None = None) -> str:
    """Bytes → str, trusting in turn: a BOM, the HTTP `content_type` charset, a
    `<meta charset>` near the top of a page, strict UTF-8, then charset detection.

    A declared single-byte Western charset loses to bytes that are valid UTF-8
    with non-ASCII in them: pages that say latin-1 but send UTF-8 are common,
    and real windows-1252 text is almost never valid UTF-8. Never fails:
    undecodable bytes become U+FFFD as a last resort.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    declared = _charset_in(content_type or "") or _meta_charset(raw)
    if declared is not None and not (declared == "cp1252" and _is_utf8(raw)):
        return raw.decode(declared, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None:
        return str(best)
    return raw.decode("utf-8", errors="replace")


_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
#: How far into a page a `<meta charset>` is looked for (browsers prescan 1024 bytes;
#: real pages put a long head of scripts first, so look further).
_META_SCAN_BYTES = 4096


def _charset_in(header: str) -> str | None:
    match = _CHARSET.search(header.encode("latin-1", "replace"))
    return _codec_name(match.group(1).decode("ascii")) if match else None


def _meta_charset(raw: bytes) -> str | None:
    head = raw[:_META_SCAN_BYTES]
    lowered = head.lower()
    at = lowered.find(b"<meta")
    while at >= 0:
        end = lowered.find(b">", at)
        match = _CHARSET.search(head, at, end if end > 0 else len(head))
        if match:
            return _codec_name(match.group(1).decode("ascii"))
        at = lowered.find(b"<meta", at + 5)
    return None


#: Labels that browsers read as windows-1252 (the WHATWG encoding standard).
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}
)


def _codec_name(label: str) -> str | None:
    """Python's codec for a charset label, None for labels it does not know."""
    label = label.strip().lower()
    try:
        return codecs.lookup("cp1252" if label in _WINDOWS_1252_LABELS else label).name
    except LookupError:
        return None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not raw.isascii()


def detect_format(text: str) -> Format:
    """HTML when the text opens like a page or is dense with tags; Markdown on two signals."""
    head = text[:200_000]
    subject = Subject(head)
    # Every HTML signal holds a '<'; most text has none, and skips two passes.
    if "<" in head and (
        _HTML_START.search(subject) is not None or _HTML_TAGS.count(subject, 10) >= 10
    ):
        return "html"
    return "markdown" if _MARKDOWN.count(subject, 2) >= 2 else "text"
