"""Raw input → decoded text and its format (text, markdown or html)."""

from __future__ import annotations

import codecs
import functools
import re
from typing import cast

from cleaner import _core
from cleaner.document import Format
from cleaner.errors import CleanerError
from cleaner.lazy_text import LazyText, decoded_on_first_use, text_of
from cleaner.regex import STAND_INS

#: File suffixes of the raw inputs cleaner reads when it walks a folder.
INPUT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")

#: Byte-order marks, each with the codec of the text that follows it. UTF-32 LE's
#: mark opens with UTF-16 LE's, so it is looked for first.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(raw: bytes, content_type: str | None = None) -> str:
    """Bytes → str (see `decode_keeping_utf8`)."""
    return decode_keeping_utf8(raw, content_type)[0]


def decode_keeping_utf8(raw: bytes, content_type: str | None = None) -> tuple[str, bytes | None]:
    """Bytes → str, and `raw` itself when the str is `raw` read as UTF-8 (its UTF-8
    form, which the HTML path would otherwise encode again), else None (see
    `read_keeping_utf8`)."""
    text, markup = read_keeping_utf8(raw, content_type)
    return text_of(text), markup


def read_keeping_utf8(raw: bytes, content_type: str | None = None) -> tuple[LazyText, bytes | None]:
    """Bytes → text, and `raw` itself when the text is `raw` read as UTF-8 (its UTF-8
    form, which the HTML path would otherwise encode again), else None. Bytes read
    as UTF-8 are checked in the core and decoded only when the text is first read.

    Trusting in turn: a BOM, the HTTP `content_type` charset, a
    `<meta charset>` near the top of a page, strict UTF-8, UTF-8 with stray
    windows-1252 bytes (mixed sources), text that reads as Western European
    windows-1252, then charset detection.

    A declared single-byte Western charset loses to bytes that are valid UTF-8
    with non-ASCII in them: pages that say latin-1 but send UTF-8 are common,
    and real windows-1252 text is almost never valid UTF-8. Never fails:
    undecodable bytes become U+FFFD as a last resort.
    """
    marked = byte_order_mark(raw)
    if marked is not None:  # the mark says how the text is stored, and is not part of it
        mark, codec = marked
        return raw[len(mark) :].decode(codec, errors="replace"), None
    if b"\0" in raw[:_BINARY_SCAN_BYTES]:
        utf16 = _utf16_without_bom(raw[:_BINARY_SCAN_BYTES])
        if utf16 is not None:
            return raw.decode(utf16, errors="replace"), None
    declared = _charset_in(content_type or "") or _meta_charset(raw)
    if declared is not None and not (declared == "cp1252" and _is_utf8(raw)):
        if declared == "utf-8" and _core.is_utf8(raw):
            return decoded_on_first_use(raw), raw  # bytes that replacing would not touch
        try:
            return raw.decode(declared, errors="replace"), None
        except (UnicodeError, LookupError):  # a codec that fails even when told to replace
            pass
    if _core.is_utf8(raw):
        return decoded_on_first_use(raw), raw
    if _mostly_utf8(raw):
        return raw.decode("utf-8", errors=_CP1252_FALLBACK), None
    if _reads_as_western_cp1252(raw):
        return raw.decode("cp1252"), None
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None:
        return str(best), None
    return raw.decode("utf-8", errors="replace"), None


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


@functools.lru_cache(maxsize=256)
def _codec_name(label: str) -> str | None:
    """Python's codec for a charset label; None for labels it does not know and for
    codecs no page can be in.

    A label comes from the page or its server, so anyone can write one: Python
    also names transforms (`zlib`, `base64`, `rot13`) and codecs that refuse to
    decode at all (`undefined`, `idna`). Like browsers, only a charset that reads
    ASCII as ASCII is believed (the label itself was readable as ASCII); that
    also turns away UTF-16 and UTF-32 claims, which are recognised from the bytes.
    """
    label = label.strip().lower()
    try:
        info = codecs.lookup("cp1252" if label in _WINDOWS_1252_LABELS else label)
        readable = _ASCII_PROBE.decode(info.name, errors="replace")
        if getattr(info, "_is_text_encoding", True) and readable == _ASCII_PROBE.decode():
            return info.name
    except (LookupError, UnicodeError, ValueError):
        pass
    return None


#: Printable ASCII and the usual control characters, which a page's charset must keep
#: as they are (escapes too: `unicode_escape` would turn `\\u0041` into `A`).
_ASCII_PROBE = bytes(c for c in range(0x20, 0x7F) if c != 0x5C) + b"\t\n\r\\u0041+-~{"


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not raw.isascii()


def byte_order_mark(raw: bytes) -> tuple[bytes, str] | None:
    """(mark, codec of the text after it) when `raw` opens with a byte-order mark.

    Decoding drops the mark; lint keeps it, to write a file back as it was.
    """
    for mark, codec in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            return mark, codec
    return None


def looks_binary(raw: bytes) -> bool:
    """Whether bytes are not text at all: NULs and other control bytes in the first 8 KB.

    A NUL is git's and grep's sign of binary data; a text with a stray NUL or two
    is still text, so control bytes must also make up 2% of the head (they are ~10%
    of compressed or random data, none of text). UTF-16 and UTF-32 text holds NULs
    too; it is recognised by its BOM, or, with none, by NULs in every other byte.
    """
    head = raw[:_BINARY_SCAN_BYTES]
    if b"\0" not in head or byte_order_mark(head) is not None:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls * 50 >= len(head) and _utf16_without_bom(head) is None


#: C0 control bytes that text does not hold (tab, line breaks, form feed and escape aside).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20)])


def _utf16_without_bom(head: bytes) -> str | None:
    """The UTF-16 codec whose zero high bytes explain the NULs, None when neither does."""
    even, odd = head[0::2], head[1::2]
    if odd and odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


_BINARY_SCAN_BYTES = 8192


def _mostly_utf8(raw: bytes) -> bool:
    """Whether bytes that fail strict UTF-8 are still UTF-8 with some stray bytes.

    So it is when there is a valid multi-byte sequence for every four stray bytes: text
    pasted together from a UTF-8 source and a windows-1252 one. Text wholly in
    another charset has almost no valid multi-byte sequences.
    """
    decoded = raw.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd") - raw.count("\ufffd".encode())
    non_ascii = len(decoded) - len(decoded.encode("ascii", errors="ignore"))
    valid = non_ascii - invalid
    return valid > 0 and valid * 4 >= invalid


#: Characters Western European text in windows-1252 is made of, beyond ASCII.
#: Left out: ý Ý ð Ð þ Þ, which windows-1254 uses for Turkish ı İ ğ Ğ ş Ş.
_WESTERN = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿŒœ‘’‚“”„–—…€«»°·¡¿§©®ªº\u00a0"
_WESTERN_BYTES = frozenset(_WESTERN.encode("cp1252"))
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _reads_as_western_cp1252(raw: bytes) -> bool:
    """Whether bytes are plausibly French, German, Spanish... in windows-1252.

    Charset detection guesses badly on such text (French read as Baltic,
    German as Mac Turkish). Western text is mostly ASCII letters with a few
    accented ones; text in another single-byte charset (Cyrillic, Greek,
    Polish) has non-ASCII bytes that either map to symbols here or outnumber
    its ASCII letters.
    """
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    if high == 0 or high * 2 > letters:
        return False
    return set(raw.translate(None, bytes(range(0x80)))) <= _WESTERN_BYTES


def _decode_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode bytes invalid as UTF-8 as windows-1252 instead.

    Its five unassigned bytes become the Latin-1 characters of the same value,
    so no byte is lost.
    """
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(_cp1252_char(byte) for byte in bad), error.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_CP1252_FALLBACK = "cleaner.cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _decode_as_cp1252)


class MissingExtraError(CleanerError):
    """An option needs a package that is not installed."""


def require_ftfy() -> None:
    """Fail early, with the install line, when mojibake repair is asked for without ftfy."""
    try:
        import ftfy  # noqa: F401
    except ImportError:
        raise MissingExtraError("fix_mojibake needs ftfy: pip install 'cleaner[ftfy]'") from None


def repair_mojibake(text: str) -> str:
    """`text` with mis-decoded runs (UTF-8 read as windows-1252: `cafÃ©`) repaired by ftfy.

    Only ftfy's encoding repair runs: quotes, line breaks and the rest are left
    to the canonical body. Removal offsets then point into the repaired text.
    """
    import ftfy  # imported late: an optional extra, loaded only when asked for

    return str(ftfy.fix_encoding(text))


def detect_format_of(text: LazyText, markup: bytes | None) -> Format:
    """`detect_format` of an input read as `_read` reads it: from its UTF-8 `markup` when
    it has it, so that a page is told from its first bytes without being decoded."""
    if markup is not None:
        found = _core.detect_format_utf8(markup)
        if found != "invalid":
            return cast(Format, found)
    return detect_format(text_of(text))


def detect_format(text: str) -> Format:
    """HTML when the text opens like a page, is dense with tags or is one HTML fragment;
    Markdown on two signals; else text.

    The core decides (`src/text/format.rs`), as it does for the body it settles:
    the signals are looked for in the text as the rules will see it (every line
    break a `\n`, every space a plain one), in its first 200,000 characters.
    """
    try:
        found = _core.detect_format(text)
    except UnicodeEncodeError:
        found = _core.detect_format(text.translate(STAND_INS))
    return cast(Format, found)
