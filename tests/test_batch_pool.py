"""The ordered, bounded parallel map: chunking, order, in-flight bound, crash isolation."""

from __future__ import annotations

import os
from typing import Any

from cleaner.batch.backends import InProcess, ProcessPool
from cleaner.batch.pool import Chunking, chunked, ordered_map
from cleaner.batch.records import Record
from cleaner.batch.worker import CleanSettings, clean_records

SETTINGS = CleanSettings()
CHUNKS = Chunking(records=3)


def text_records(count: int) -> list[Record]:
    return [
        Record(id=f"r{i}", source=f"s:{i}", raw=f"Paragraph number {i} of the story.")
        for i in range(count)
    ]


def test_chunks_close_at_either_limit() -> None:
    records = [Record(id=str(i), source=None, raw=b"x" * size) for i, size in enumerate([5] * 7)]
    assert [len(c) for c in chunked(records, Chunking(records=3, bytes=1000))] == [3, 3, 1]
    assert [len(c) for c in chunked(records, Chunking(records=100, bytes=10))] == [2, 2, 2, 1]


class FakeBackend:
    """Futures resolved only when collected, so the test sees how many are in flight."""

    def __init__(self, fail_ids: frozenset[str] = frozenset()) -> None:
        self.in_flight = 0
        self.most_in_flight = 0
        self.fail_ids = fail_ids
        self.revived = 0

    def submit(self, chunk: list[Record]) -> Any:
        backend = self
        backend.in_flight += 1
        backend.most_in_flight = max(backend.most_in_flight, backend.in_flight)

        class Lazy:
            def result(self) -> list[dict[str, Any]]:
                backend.in_flight -= 1
                if any(r.id in backend.fail_ids for r in chunk):
                    raise RuntimeError("worker died")
                return [{"id": r.id, "status": "ok"} for r in chunk]

        return Lazy()

    def revive(self) -> None:
        self.revived += 1

    def close(self, *, cancel: bool = False) -> None:
        pass


def test_order_kept_and_in_flight_bounded() -> None:
    backend = FakeBackend()
    records = text_records(100)
    pairs = list(ordered_map(backend, iter(records), window=3, chunking=Chunking(records=4)))
    assert [r.id for r, _ in pairs] == [r.id for r in records]
    assert [res["id"] for _, res in pairs] == [r.id for r in records]
    assert backend.most_in_flight == 3


def test_input_is_pulled_lazily() -> None:
    pulled = 0

    def source() -> Any:
        nonlocal pulled
        for record in text_records(1000):
            pulled += 1
            yield record

    results = ordered_map(FakeBackend(), source(), window=2, chunking=Chunking(records=5))
    next(results)
    assert pulled <= 2 * 5 + 5  # the window and the chunk being filled, never the whole input


def test_failed_chunk_is_retried_record_by_record() -> None:
    backend = FakeBackend(fail_ids=frozenset({"r5"}))
    pairs = list(ordered_map(backend, iter(text_records(12)), window=2, chunking=Chunking(4)))
    statuses = {record.id: result["status"] for record, result in pairs}
    assert statuses.pop("r5") == "error"
    assert set(statuses.values()) == {"ok"} and len(statuses) == 11
    (_, crashed) = pairs[5]
    assert crashed["reason"] == "worker-crashed: RuntimeError"
    assert backend.revived == 2  # once for the chunk, once for the record alone


class Bomb(str):
    """A body whose unpickling kills the worker process, like a segfault in native code."""

    def __reduce__(self) -> Any:
        return (os._exit, (3,))


def test_a_record_that_kills_its_worker_is_an_error_and_the_run_goes_on() -> None:
    records = text_records(10)
    records[4] = Record(id="bomb", source="s:4", raw=Bomb("boom"))
    pool = ProcessPool(SETTINGS, jobs=2)
    try:
        pairs = list(ordered_map(pool, iter(records), window=4, chunking=Chunking(records=3)))
    finally:
        pool.close()
    assert [r.id for r, _ in pairs] == [r.id for r in records]
    by_id = {record.id: result for record, result in pairs}
    assert by_id["bomb"]["status"] == "error"
    assert by_id["bomb"]["reason"] == "worker-crashed: BrokenProcessPool"
    assert all(by_id[f"r{i}"]["status"] == "ok" for i in range(10) if i != 4)


def test_backends_give_identical_results() -> None:
    records = text_records(20)
    expected = clean_records(SETTINGS, records)
    pool = ProcessPool(SETTINGS, jobs=2)
    try:
        parallel = [res for _, res in ordered_map(pool, iter(records), window=4, chunking=CHUNKS)]
    finally:
        pool.close()
    alone = InProcess(SETTINGS)
    local = [res for _, res in ordered_map(alone, iter(records), window=1, chunking=CHUNKS)]
    assert parallel == expected == local


def test_a_raising_page_becomes_an_error_result(monkeypatch: Any) -> None:
    from cleaner.api import Cleaner

    def explode(self: Cleaner, raw: Any, **kw: Any) -> Any:
        raise ValueError("bad page\nsecond line")

    monkeypatch.setattr(Cleaner, "clean", explode)
    (result,) = clean_records(SETTINGS, text_records(1))
    assert result["status"] == "error"
    assert result["reason"] == "exception: ValueError: bad page"
    assert result["id"] == "r0" and result["input"] == "s:0"
