"""Raw input → decoded text and its format (text, markdown or html)."""

from __future__ import annotations

import codecs

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


def decode(raw: bytes) -> str:
    """Bytes → str: BOM first, then strict UTF-8, then charset detection.

    Never fails: undecodable bytes become U+FFFD as a last resort.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None:
        return str(best)
    return raw.decode("utf-8", errors="replace")


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
