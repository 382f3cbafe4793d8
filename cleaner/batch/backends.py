"""Where chunks are cleaned: in this process, a local process pool, or a Dask cluster.

Each backend runs the same `clean_records` function, so the output of a run
does not depend on where it ran.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from cleaner.batch.pool import ResultFuture
from cleaner.batch.records import Record
from cleaner.batch.worker import CleanSettings, clean_records, cleaner_for


class InProcess:
    """Cleans each chunk right here when it is submitted: one job, no start-up cost."""

    def __init__(self, settings: CleanSettings) -> None:
        self.settings = settings
        cleaner_for(settings)

    def submit(self, chunk: list[Record]) -> ResultFuture:
        future: Future[list[dict[str, Any]]] = Future()
        future.set_result(clean_records(self.settings, chunk))
        return future

    def revive(self) -> None:
        """Nothing to restart in this process."""

    def close(self, *, cancel: bool = False) -> None:
        """Nothing to stop."""


class ProcessPool:
    """A pool of `jobs` worker processes, each holding its own compiled Cleaner.

    Where fork is available the workers inherit the Cleaner this process
    compiled (no second compile); elsewhere each compiles it once at start.
    Workers ignore SIGINT: Ctrl-C is the parent's to handle, so it can stop
    the run between records and leave whole lines behind.
    """

    def __init__(self, settings: CleanSettings, jobs: int) -> None:
        self.settings = settings
        self.jobs = jobs
        cleaner_for(settings)  # rule errors surface here, before any worker starts
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context(_start_method()),
            initializer=_init_worker,
            initargs=(self.settings,),
        )

    def submit(self, chunk: list[Record]) -> ResultFuture:
        try:
            return self._executor.submit(clean_records, self.settings, chunk)
        except BrokenProcessPool:
            self.revive()
            return self._executor.submit(clean_records, self.settings, chunk)

    def revive(self) -> None:
        """Replace the pool if a worker died; a healthy pool is kept.

        `_broken` is how ProcessPoolExecutor itself records a dead worker
        (stable since Python 3.7); a new pool is only started for a broken one,
        so the failures of the other chunks that were in flight on the dead
        pool do not restart the fresh pool again.
        """
        if getattr(self._executor, "_broken", False):
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._start()

    def close(self, *, cancel: bool = False) -> None:
        self._executor.shutdown(wait=True, cancel_futures=cancel)


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods:
        return "fork"
    return "spawn"


def _init_worker(settings: CleanSettings) -> None:
    """Per worker, once: leave Ctrl-C to the parent and have the Cleaner ready."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cleaner_for(settings)
