"""A whole batch run: records in, results out in input order, progress and summary on stderr.

This is the engine behind `cleaner clean`; it picks the backend (this process,
a process pool, a Dask cluster), streams records through it with a bounded
window and hands each result to the output, the errors file, the progress
line and the summary.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from cleaner.batch.backends import InProcess, ProcessPool
from cleaner.batch.dask_backend import DaskBackend
from cleaner.batch.interrupt import StopFlag, graceful_interrupt
from cleaner.batch.pool import Backend, Chunking, Result, ordered_map
from cleaner.batch.progress import Progress
from cleaner.batch.records import FieldNames, Record
from cleaner.batch.sinks import ErrorsSink, Sink, open_sink
from cleaner.batch.sources import SourceLog, check_paths, holds_containers, iter_records
from cleaner.batch.summary import Summary
from cleaner.batch.worker import CleanSettings
from cleaner.exit_codes import EXIT_INTERRUPTED, EXIT_OK
from cleaner.jobs import default_jobs


@dataclass(frozen=True)
class BatchOptions:
    """What to read, how to clean it, where results go and how the run reports.

    `json_lines` None means: JSON Lines when some input is JSONL or WARC (or
    `output` is given), the plain bodies otherwise. `chunking` None means the
    backend's own (larger chunks for Dask, where each task costs more).
    """

    paths: Sequence[str]
    settings: CleanSettings = field(default_factory=CleanSettings)
    fields: FieldNames = field(default_factory=FieldNames)
    jobs: int | None = None
    dask: str | None = None
    output: str | None = None
    json_lines: bool | None = None
    errors: str | None = None
    progress: bool | None = None
    summary: bool | None = None
    chunking: Chunking | None = None


def run_batch(options: BatchOptions, *, stderr: IO[str] | None = None) -> int:
    """Run the batch; 0 when every record was written (whatever its status), 130 on Ctrl-C."""
    err = stderr or sys.stderr
    check_paths(options.paths)
    log = SourceLog()
    records = iter_records(options.paths, options.fields, log=log)
    first, records = _peek(records, 2)
    backend, window, chunking = _backend(options, many=len(first) > 1)
    try:
        outputs = _open_outputs(options, log, err)
    except BaseException:
        backend.close(cancel=True)
        raise
    with graceful_interrupt() as stop:
        committed = False
        try:
            results = ordered_map(backend, records, window=window, chunking=chunking)
            outputs.drain(results, stop)
            committed = True
        except KeyboardInterrupt:
            stop.requested = committed = True
        finally:
            backend.close(cancel=stop.requested)
            outputs.close(commit=committed)
    outputs.summary.skipped.update(log.skipped)
    auto = outputs.summary.total > 1 or stop.requested
    if options.summary or (options.summary is None and auto):
        err.write("\n".join(outputs.report(interrupted=stop.requested)) + "\n")
    return EXIT_INTERRUPTED if stop.requested else EXIT_OK


def _open_outputs(options: BatchOptions, log: SourceLog, err: IO[str]) -> _Outputs:
    """Open the output and the errors file; nothing is left behind if the second fails."""
    sink = open_sink(options.output, json_lines=_json_lines(options, log))
    try:
        errors = ErrorsSink(options.errors) if options.errors else None
    except BaseException:
        sink.close(commit=False)
        raise
    progress = Progress(err, enabled=_progress_enabled(options.progress, err))
    return _Outputs(sink, errors, progress)


@dataclass
class _Outputs:
    """Everything a result is handed to, in order: the output, errors file, progress, summary."""

    sink: Sink
    errors: ErrorsSink | None
    progress: Progress
    summary: Summary = field(default_factory=Summary)

    def drain(self, results: Iterator[tuple[Record, Result]], stop: StopFlag) -> None:
        """Write every result; stop after the current record once Ctrl-C was pressed."""
        for record, result in results:
            self.sink.write(result)
            failed = result["status"] == "error"
            if failed and self.errors is not None:
                self.errors.write(record, result)
            self.summary.add(result)
            self.progress.update(size=record.size, failed=failed)
            if stop.requested:
                break

    def close(self, *, commit: bool) -> None:
        self.sink.close(commit=commit)
        if self.errors is not None:
            self.errors.close(commit=commit)
        self.progress.close()

    def report(self, *, interrupted: bool) -> list[str]:
        return self.summary.lines(
            elapsed=self.progress.elapsed,
            megabytes=self.progress.bytes / 1e6,
            interrupted=interrupted,
        )


def _backend(options: BatchOptions, *, many: bool) -> tuple[Backend, int, Chunking]:
    """The backend, its in-flight window (in chunks) and the chunking for this run."""
    jobs = options.jobs or default_jobs()
    if options.dask:
        dask = DaskBackend(options.settings, options.dask, jobs=options.jobs)
        return dask, 3 * dask.workers, options.chunking or DaskBackend.chunking
    chunking = options.chunking or Chunking()
    if jobs == 1 or not many:
        return InProcess(options.settings), 1, chunking
    return ProcessPool(options.settings, jobs), 4 * jobs, chunking


def _json_lines(options: BatchOptions, log: SourceLog) -> bool:
    if options.json_lines is not None:
        return options.json_lines
    return options.output is not None or log.containers > 0 or holds_containers(options.paths)


def _peek(records: Iterator[Record], count: int) -> tuple[list[Record], Iterator[Record]]:
    """The first `count` records (fewer if there are fewer) and an iterator over all of them."""
    first = list(itertools.islice(records, count))
    return first, itertools.chain(first, records)


def _progress_enabled(forced: bool | None, stream: IO[str]) -> bool:
    if forced is not None:
        return forced
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
