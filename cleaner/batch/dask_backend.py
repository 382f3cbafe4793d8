"""The CLI's `--dask ADDRESS|local` backend: chunks of records become tasks on a Dask cluster.

Needs the `dask` extra; distributed is imported only when the backend starts,
so the batch engine loads without it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from cleaner.batch.pool import Chunking, ResultFuture
from cleaner.batch.records import Record
from cleaner.batch.worker import CleanSettings, absolute_path, clean_records, cleaner_for
from cleaner.errors import InputError
from cleaner.jobs import default_jobs


class DaskBackend:
    """The CLI's `--dask ADDRESS|local` backend: chunks become tasks on the cluster.

    `local` starts a LocalCluster of `jobs` single-threaded worker processes
    (default: all cores) and stops it at the end; an address connects to a
    running scheduler. Chunks are larger than the local pool's: a Dask task
    costs milliseconds of scheduling and two network hops for its data.
    """

    chunking = Chunking(records=32, bytes=8 << 20)

    def __init__(self, settings: CleanSettings, address: str, *, jobs: int | None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            needs = "needs dask and distributed: pip install 'cleaner[dask]'"
            raise InputError(f"--dask {address}: {needs}") from None

        cleaner_for(settings)  # rule errors surface here, before the cluster starts
        self.settings = replace(
            settings,
            rules=None if settings.rules is None else tuple(map(absolute_path, settings.rules)),
            extra_rules=tuple(map(absolute_path, settings.extra_rules)),
        )
        self._cluster: Any = None
        if address == "local":
            with _sigint_ignored():  # Ctrl-C is the command's to handle, not the workers'
                self._cluster = LocalCluster(
                    n_workers=jobs or default_jobs(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",
                )
            self._client = Client(self._cluster)
        else:
            self._client = Client(address)

    @property
    def workers(self) -> int:
        """Worker threads across the cluster (at least 1), to size the in-flight window."""
        threads: dict[str, int] = self._client.nthreads()
        return max(1, sum(threads.values()))

    def submit(self, chunk: list[Record]) -> ResultFuture:
        future: ResultFuture = self._client.submit(clean_records, self.settings, chunk, pure=False)
        return future

    def revive(self) -> None:
        """Dask reschedules work of lost workers itself; nothing to restart here."""

    def close(self, *, cancel: bool = False) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT while worker processes start: they inherit it and leave Ctrl-C to us."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
