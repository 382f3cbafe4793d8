"""Where batch records come from: JSONL, WARC, plain files, folders and stdin, streamed.

Nothing here reads a whole JSONL or WARC file into memory: records are yielded
one at a time, so a run's memory does not grow with its input. A file that
cannot be read, or a line that is not JSON, becomes a record with a `problem`
(written out as an error), never an exception that stops the run; only a path
that does not exist at all is refused before the run starts.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cleaner.batch.records import FieldNames, Record
from cleaner.errors import InputError
from cleaner.read import INPUT_SUFFIXES

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
_GZIP_MAGIC = b"\x1f\x8b"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def container_kind(path: str) -> str | None:
    """'jsonl' or 'warc' for a path whose suffix names a file of many records, else None."""
    name = path.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return None


@dataclass
class SourceLog:
    """What the sources met besides records: containers opened, records passed over."""

    containers: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def holds_containers(paths: Sequence[str]) -> bool:
    """True when a path is, or a folder holds, a JSONL or WARC file (stdin is not looked at)."""
    return any(container_kind(path) for path in expand_paths(paths) if path != "-")


def check_paths(paths: Sequence[str]) -> None:
    """Refuse, before any work, a path that is neither `-` nor an existing file or folder."""
    for raw in paths:
        if raw != "-" and not Path(raw).exists():
            raise InputError(f"{raw}: no such file or folder")


def expand_paths(paths: Sequence[str]) -> Iterator[str]:
    """The paths given, folders replaced by their input files in sorted order.

    From a folder only files with an input suffix (documents, JSONL, WARC) are
    taken; a file named explicitly is read whatever its suffix.
    """
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_input_file(file):
                    yield str(file)
        else:
            yield raw


def iter_records(
    paths: Sequence[str],
    fields: FieldNames,
    *,
    stdin: BinaryIO | None = None,
    log: SourceLog | None = None,
) -> Iterator[Record]:
    """Every record of every path, in order; `log` notes containers and skipped records."""
    log = SourceLog() if log is None else log
    for name in expand_paths(paths):
        if name == "-":
            yield from _stdin_records(stdin or sys.stdin.buffer, fields, log)
            continue
        container = container_kind(name)
        log.containers += container is not None
        if container == "jsonl":
            yield from _guarded(name, _jsonl_file_records(name, fields))
        elif container == "warc":
            yield from _guarded(name, _warc_file_records(name, log.skipped))
        else:
            yield _file_record(Path(name))


def _is_input_file(file: Path) -> bool:
    return file.suffix.lower() in INPUT_SUFFIXES or container_kind(file.name) is not None


def _guarded(name: str, records: Iterable[Record]) -> Iterator[Record]:
    """Records of one file; a read failure part-way becomes one error record, then the next file."""
    count = 0
    try:
        for record in records:
            count += 1
            yield record
    except (KeyboardInterrupt, SystemExit, GeneratorExit, InputError):
        raise  # InputError: the run cannot read this kind of input at all (fastwarc missing)
    except BaseException as error:  # fastwarc reports corrupt input as a Rust panic
        reason = f"unreadable: {_message(error)}"
        yield Record(id=f"{name}#{count + 1}", source=name, problem=reason)


def _file_record(path: Path) -> Record:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return Record(id=name, source=name, problem=f"unreadable: {_message(error)}")
    if data.startswith(_GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            return Record(id=name, source=name, problem=f"unreadable: {_message(error)}")
    return Record(id=name, source=name, raw=data)


def _jsonl_file_records(name: str, fields: FieldNames) -> Iterator[Record]:
    opener = gzip.open if name.lower().endswith(".gz") else open
    with opener(name, "rb") as stream:
        yield from jsonl_records(stream, fields, name)  # type: ignore[arg-type]


def jsonl_records(stream: BinaryIO, fields: FieldNames, name: str) -> Iterator[Record]:
    """One record per non-blank line, still undecoded (see `records.parsed`)."""
    for number, line in enumerate(_lines(stream), start=1):
        if line.isspace():
            continue
        where = f"{name}:{number}"
        yield Record(id=where, source=where, line=line, fields=fields)


def _lines(stream: BinaryIO, block: int = 1 << 20) -> Iterator[bytes]:
    """The lines of a binary stream, read a block at a time (much faster for long lines)."""
    parts: list[bytes] = []
    while data := stream.read(block):
        start = 0
        while (end := data.find(b"\n", start)) != -1:
            parts.append(data[start : end + 1])
            yield b"".join(parts)
            parts = []
            start = end + 1
        if start < len(data):
            parts.append(data[start:])
    if parts:
        yield b"".join(parts)


def _warc_file_records(name: str, skipped: Counter[str]) -> Iterator[Record]:
    with open(name, "rb") as stream:
        yield from warc_records(stream, name, skipped)


def warc_records(stream: BinaryIO, name: str, skipped: Counter[str]) -> Iterator[Record]:
    """HTML HTTP responses of a WARC or WARC.gz stream; other records are counted in `skipped`."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        needs = "WARC input needs fastwarc: pip install 'cleaner[warc]'"
        raise InputError(f"{name}: {needs}") from None
    records = ArchiveIterator(
        stream, record_types=WarcRecordType.response, parse_http=True, auto_decode="all"
    )
    for warc in records:
        if not warc.is_http:
            skipped["warc: not an http response"] += 1
            continue
        content_type = warc.http_headers.get("Content-Type")
        if content_type is not None and not content_type.lower().startswith(_HTML_TYPES):
            skipped["warc: not html"] += 1
            continue
        headers = warc.headers
        yield Record(
            id=headers.get("WARC-Record-ID") or f"{name}@{warc.stream_pos}",
            source=f"{name}@{warc.stream_pos}",
            raw=warc.reader.read(),
            url=headers.get("WARC-Target-URI"),
            content_type=content_type,
            crawl_date=headers.get("WARC-Date"),
            format="html",
        )


def _stdin_records(stream: BinaryIO, fields: FieldNames, log: SourceLog) -> Iterator[Record]:
    """Stdin is sniffed: a WARC, JSON Lines (first line a JSON object), or one document."""
    head, reader = _read_head(stream, 2)
    if head == _GZIP_MAGIC:
        unzipped: BinaryIO = gzip.GzipFile(fileobj=reader)  # type: ignore[assignment]
        head, reader = _read_head(unzipped, _SNIFF_BYTES)
    else:
        head, reader = _read_head(reader, _SNIFF_BYTES)
    if head.startswith(b"WARC/"):
        log.containers += 1
        yield from _guarded("-", _spooled_warc_records(reader, log.skipped))
    elif _looks_like_jsonl(head):
        log.containers += 1
        yield from _guarded("-", jsonl_records(reader, fields, "-"))
    else:
        yield from _guarded("-", [Record(id="-", source="-", raw=reader.read())])


_SNIFF_BYTES = 65536


def _spooled_warc_records(stream: BinaryIO, skipped: Counter[str]) -> Iterator[Record]:
    """A WARC on stdin, copied to a temporary file first: fastwarc needs to seek."""
    with tempfile.TemporaryFile() as spool:
        shutil.copyfileobj(stream, spool, 1 << 20)
        spool.seek(0)
        yield from warc_records(spool, "-", skipped)


def _read_head(stream: BinaryIO, size: int) -> tuple[bytes, BinaryIO]:
    """The first `size` bytes (fewer at end of input) and a stream that still starts with them."""
    chunks: list[bytes] = []
    wanted = size
    while wanted > 0:
        chunk = stream.read(wanted)
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    head = b"".join(chunks)
    return head, io.BufferedReader(_Prefixed(head, stream))


class _Prefixed(io.RawIOBase):
    """A read-only stream that serves `prefix`, then the rest of `stream`."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            count = min(len(buffer), len(self._prefix))
            buffer[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _looks_like_jsonl(head: bytes) -> bool:
    """True when the first non-blank line is a JSON object (or an object too long to sniff)."""
    first, newline, _ = head.lstrip().partition(b"\n")
    if not first.startswith(b"{"):
        return False
    if not newline and len(head) >= _SNIFF_BYTES:
        return True
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _message(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error).splitlines()[0] if str(error) else type(error).__name__
