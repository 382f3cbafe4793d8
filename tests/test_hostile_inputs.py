"""Bad bytes in, a Document out: empty, binary, broken or mixed encodings, huge inputs.

Cleaning never raises for bad content: each of these inputs comes back with
a status and, when nothing usable is left, a reason.
"""

from __future__ import annotations

import codecs
import gzip
import random
import subprocess
import sys
import textwrap
import tracemalloc

import pytest

from cleaner import Cleaner, CleanerError, clean
from cleaner.lazy_text import text_of
from cleaner.read import decode, looks_binary, read_keeping_utf8

CLEANER = Cleaner()
ARTICLE = (
    "Le café de la gare a rouvert ses portes.\n\nLes habitués sont déjà revenus, très contents."
)


@pytest.mark.parametrize("raw", [b"", "", b"   \n\n\t  ", " \n \r\n "])
def test_empty_input_is_status_empty_with_a_reason(raw: str | bytes) -> None:
    doc = CLEANER.clean(raw)
    assert (doc.status, doc.reason, doc.text) == ("empty", "input has no text", "")


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        gzip.compress(ARTICLE.encode() * 200, mtime=0),
        random.Random(6).randbytes(5000),
    ],
    ids=["png", "gzip", "random"],
)
def test_binary_file_is_an_error_not_text(raw: bytes) -> None:
    doc = CLEANER.clean(raw)
    assert (doc.status, doc.text) == ("error", "")
    assert doc.reason is not None and doc.reason.startswith("binary input")


def test_utf16_and_utf32_are_not_taken_for_binary() -> None:
    for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        assert not looks_binary(ARTICLE.encode(codec)), codec


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_text_with_a_bom_is_decoded_by_it(bom: bytes, codec: str) -> None:
    doc = CLEANER.clean(bom + ARTICLE.encode(codec))
    assert doc.status == "ok"
    assert doc.text == clean(ARTICLE).text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised(codec: str) -> None:
    assert decode(ARTICLE.encode(codec)) == ARTICLE


def test_invalid_utf8_never_raises_and_keeps_the_ascii_text() -> None:
    raw = b"Hello \xff\xfe world \xc3\x28 text.\n\nA second \x80 paragraph."
    doc = CLEANER.clean(raw)
    assert doc.status == "ok"
    for word in ("Hello", "world", "text.", "second", "paragraph."):
        assert word in doc.text


def test_utf8_with_stray_windows_1252_bytes_keeps_both() -> None:
    """Text pasted from two sources: each part comes out as it was written."""
    raw = "Café au lait — ".encode() + "naïve résumé, déjà vu".encode("cp1252")
    assert decode(raw) == "Café au lait — naïve résumé, déjà vu"


def test_windows_1252_bytes_undefined_in_it_are_kept_as_latin1() -> None:
    raw = "Café ".encode() + b"\x81\x8d"
    assert decode(raw) == "Café \x81\x8d"


def test_mojibake_is_kept_as_is_by_default() -> None:
    raw = "The café was ‘open’ today.".encode().decode("cp1252").encode()
    assert clean(raw).text == "The cafÃ© was â€˜openâ€™ today."


def test_mojibake_is_repaired_with_ftfy_when_asked() -> None:
    pytest.importorskip("ftfy")
    raw = "The café was ‘open’ today.".encode().decode("cp1252").encode()
    assert clean(raw, fix_mojibake=True).text == "The café was ‘open’ today."
    assert CLEANER.clean(raw.decode(), fix_mojibake=True).text == "The café was ‘open’ today."


def test_repair_leaves_good_text_alone() -> None:
    pytest.importorskip("ftfy")
    assert clean(ARTICLE, fix_mojibake=True).text == clean(ARTICLE).text


def test_mojibake_repair_without_ftfy_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ftfy", None)  # makes `import ftfy` fail
    with pytest.raises(CleanerError, match=r"pip install 'cleaner\[ftfy\]'"):
        clean("text", fix_mojibake=True)


def single_line(megabytes: int, filler: bytes) -> bytes:
    return (filler * (megabytes * 2**20 // len(filler) + 1))[: megabytes * 2**20]


#: Peak memory allowed per input byte. Cleaning keeps a few copies of the text (the
#: bytes, the str, the rules' view, its UTF-8 form); a line with runs of spaces also
#: goes through `str.split` when the body is made canonical, ~12 bytes per byte.
PEAK_PER_INPUT_BYTE = 16


@pytest.mark.parametrize(
    "filler",
    [b"Lorem ipsum dolor sit amet, consectetur. ", b"Lorem  ipsum dolor\t sit amet.  "],
    ids=["plain", "space-runs"],
)
def test_10mb_single_line_cleans_in_bounded_memory(filler: bytes) -> None:
    raw = single_line(10, filler)
    tracemalloc.start()
    try:
        doc = CLEANER.clean(raw, timeout=None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert doc.status == "ok" and "\n" not in doc.text
    assert len(doc.text) > 0.9 * len(" ".join(raw.decode().split()))
    assert peak < PEAK_PER_INPUT_BYTE * len(raw)


@pytest.mark.slow
def test_100mb_single_line_cleans_in_bounded_memory() -> None:
    """In a child process, so the peak resident size is this document's alone."""
    script = textwrap.dedent(
        """
        import resource, sys
        from cleaner import Cleaner
        cleaner = Cleaner()
        raw = (b"Lorem  ipsum dolor sit amet. " * (100 * 2**20 // 29 + 1))[: 100 * 2**20]
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        doc = cleaner.clean(raw, timeout=None)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(doc.status, len(doc.text), (after - before) * 1024)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=True
    )
    status, length, grown = done.stdout.split()
    assert status == "ok" and int(length) > 90 * 2**20
    assert int(grown) < PEAK_PER_INPUT_BYTE * 100 * 2**20


PAGE = (
    "<html><head><meta charset='{label}'></head><body><p>The harbour ferry returned to "
    "service on Monday after a winter of repairs, and the first crossing was full.</p>"
    "</body></html>"
)


@pytest.mark.parametrize(
    "label",
    ["zlib", "base64", "rot13", "hex", "uu", "bz2", "undefined", "idna", "punycode",
     "unicode_escape", "utf-7", "utf-16", "utf-32", "cp037", "no-such-charset"],
)  # fmt: skip
def test_a_charset_label_no_page_can_be_in_is_ignored(label: str) -> None:
    """Python names transforms and odd codecs that would raise or garble: a page's own
    label, or its server's, must not make cleaning fail."""
    page = PAGE.format(label=label).encode()
    for doc in (clean(page), clean(page, content_type=f"text/html; charset={label}")):
        assert doc.status == "ok"
        assert doc.text.startswith("The harbour ferry returned")


@pytest.mark.parametrize("label", ["koi8-r", "windows-1251", "iso-8859-5"])
def test_a_real_charset_label_is_still_believed(label: str) -> None:
    page = PAGE.format(label=label).replace("The harbour ferry", "Паром").encode(label)
    assert clean(page).text.startswith("Паром returned")


LEGACY_TEXTS = {
    "french": ("Le café est très bon. Déjà vu à la crème brûlée, dit-il à l’hôtel.", "cp1252"),
    "german": ("Größe und Übermaß, schön und grün: die Straße führt über die Brücke.", "cp1252"),
    "spanish": ("¿Dónde está el niño? Mañana será otro día, señor.", "cp1252"),
    "russian": ("Привет, как дела? Это новости дня, сообщает корреспондент.", "cp1251"),
    "polish": ("Zażółć gęślą jaźń. Władze miasta ogłosiły, że most będzie zamknięty.", "cp1250"),
    "greek": ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.", "cp1253"),
    "japanese": ("東京都は月曜日、新しい図書館を来年春に開館すると発表した。", "shift_jis"),
}


@pytest.mark.parametrize("language", LEGACY_TEXTS)
def test_undeclared_legacy_charsets_are_read_right(language: str) -> None:
    """No BOM, header or meta: Western windows-1252 is recognised by its letters (charset
    detection reads short French as Baltic), the rest is left to charset detection."""
    text, codec = LEGACY_TEXTS[language]
    for copies in (1, 40):
        assert decode((text * copies).encode(codec)) == text * copies


def test_text_with_a_stray_nul_is_still_text() -> None:
    raw = ("A long paragraph of ordinary article text. " * 50).encode() + b"\x00 end."
    doc = CLEANER.clean(raw)
    assert doc.status == "ok" and doc.text.startswith("A long paragraph")


@pytest.mark.parametrize(
    "raw", ["Grüße, café".encode(), b"plain ascii", b"\xed\xa0\x80 a surrogate", b"caf\xe9"]
)
def test_bytes_read_lazily_give_what_decoding_gives(raw: bytes) -> None:
    text, markup = read_keeping_utf8(raw)
    assert text_of(text) == decode(raw)
    assert (markup is raw) == (not isinstance(text, str))  # UTF-8: decoded when read
