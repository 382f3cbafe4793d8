"""Ordered, bounded parallel map of records to results over any executor backend.

Records are grouped into chunks (a few records, capped in bytes) and at most
`window` chunks are in flight at once, so memory stays flat however large the
input; results come back in input order. A chunk whose worker died (a crash in
native code, the OOM killer) is retried one record at a time on a fresh
worker, so only the record that kills a worker is written as an error.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from cleaner.batch.records import Record, parsed
from cleaner.batch.worker import result_dict
from cleaner.document import Document

Result = dict[str, Any]


class ResultFuture(Protocol):
    """What the map needs of a future: concurrent.futures and dask futures both fit."""

    def result(self) -> Any: ...


class Backend(Protocol):
    """Runs `clean_records` on chunks somewhere: in process, a process pool, a Dask cluster."""

    def submit(self, chunk: list[Record]) -> ResultFuture: ...

    def revive(self) -> None:
        """Make the backend usable again after a chunk failed (restart a broken pool)."""

    def close(self, *, cancel: bool = False) -> None: ...


@dataclass(frozen=True)
class Chunking:
    """How records are grouped: at most `records` per chunk and about `bytes` of body."""

    records: int = 8
    bytes: int = 2 << 20


def chunked(records: Iterable[Record], chunking: Chunking) -> Iterator[list[Record]]:
    """Consecutive records grouped into chunks; a chunk is closed at either limit."""
    chunk: list[Record] = []
    size = 0
    for record in records:
        chunk.append(record)
        size += record.size
        if len(chunk) >= chunking.records or size >= chunking.bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def ordered_map(
    backend: Backend, records: Iterable[Record], *, window: int, chunking: Chunking
) -> Iterator[tuple[Record, Result]]:
    """(record, result) pairs in input order, with at most `window` chunks in flight."""
    pending: deque[tuple[list[Record], ResultFuture]] = deque()
    chunks = chunked(records, chunking)
    for chunk in chunks:
        pending.append((chunk, backend.submit(chunk)))
        if len(pending) >= window:
            yield from _collect(backend, *pending.popleft())
    while pending:
        yield from _collect(backend, *pending.popleft())


def _collect(
    backend: Backend, chunk: list[Record], future: ResultFuture
) -> Iterator[tuple[Record, Result]]:
    try:
        results: list[Result] = future.result()
    except Exception:
        backend.revive()
        yield from _isolate(backend, chunk)
        return
    yield from zip(chunk, results, strict=True)


def _isolate(backend: Backend, chunk: list[Record]) -> Iterator[tuple[Record, Result]]:
    """Run a failed chunk again one record at a time; a record that fails alone is an error."""
    for record in chunk:
        try:
            (result,) = backend.submit([record]).result()
        except Exception as error:
            backend.revive()
            result = crashed_result(record, error)
        yield record, result


def crashed_result(record: Record, error: BaseException) -> Result:
    """The error result of a record whose worker died or whose task could not run."""
    reason = f"worker-crashed: {type(error).__name__}"
    record = parsed(record)  # a JSONL record is reported under its own id and url
    return result_dict(record, Document(url=record.url, status="error", reason=reason))
