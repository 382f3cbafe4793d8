"""Corpus file bytes to text and back, in the same encoding and with the same BOM.

A fix must write a file back byte for byte as it was except where text is
removed, so decoding remembers the encoding and refuses any guess that does
not turn back into the very same bytes.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from cleaner.read import byte_order_mark


class UndecodableError(Exception):
    """The bytes are no text this tool can read and write back unchanged."""


@dataclass(frozen=True)
class Encoding:
    """How a file's text was stored: a codec and the byte-order mark in front, if any."""

    codec: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)

    @property
    def label(self) -> str:
        return f"{self.codec} with BOM" if self.bom else self.codec


def decode_bytes(raw: bytes) -> tuple[str, Encoding]:
    """The text of a corpus file and its encoding: a BOM, else UTF-8, else a detected charset.

    Raises UndecodableError for binary data and for bytes no charset reads
    and writes back unchanged.
    """
    marked = byte_order_mark(raw)
    if marked is not None:
        mark, codec = marked
        return _strict(raw[len(mark) :], Encoding(codec, mark))
    if b"\x00" in raw:
        raise UndecodableError("binary data (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), Encoding("utf-8")
    except UnicodeDecodeError as error:
        utf8_problem = f"not UTF-8 (byte {raw[error.start]:#04x} at offset {error.start})"
    return _detected(raw, utf8_problem)


def _strict(body: bytes, encoding: Encoding) -> tuple[str, Encoding]:
    try:
        return body.decode(encoding.codec), encoding
    except UnicodeDecodeError as error:
        raise UndecodableError(f"invalid {encoding.label} at offset {error.start}") from None


def _detected(raw: bytes, utf8_problem: str) -> tuple[str, Encoding]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise UndecodableError(f"{utf8_problem} and no other charset fits")
    codec = codecs.lookup(best.encoding).name
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        raise UndecodableError(f"{utf8_problem} and no other charset fits") from None
    if text.encode(codec) != raw:
        raise UndecodableError(f"{utf8_problem}; {codec} does not read it back unchanged")
    return text, Encoding(codec)
