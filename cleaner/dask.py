"""Clean on a Dask cluster: bags of raw pages, dataframe columns, and the CLI's `--dask` backend.

Needs the `dask` extra (`pip install 'cleaner[dask]'`). Every worker process
compiles the rules once (a Cleaner cached per process, keyed by the rule
paths) and runs the same function as the local process pool, so results are
identical whichever way a batch ran. Rule files given by path must exist at
the same path on every worker.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cleaner.batch.pool import Chunking, ResultFuture
from cleaner.batch.records import (
    DEFAULT_ID_FIELD,
    DEFAULT_URL_FIELD,
    FieldNames,
    Record,
    record_from_object,
)
from cleaner.batch.worker import CleanSettings, clean_records
from cleaner.deadline import DEFAULT_TIMEOUT
from cleaner.errors import InputError

#: Result fields `clean_dataframe` adds unless told otherwise.
DEFAULT_COLUMNS = ("text", "title", "date", "author", "site", "status", "reason")
#: Result fields that are single values, so can become dataframe columns.
SCALAR_FIELDS = (
    "text",
    "title",
    "date",
    "author",
    "url",
    "site",
    "section",
    "dateline",
    "status",
    "reason",
    "format",
)


def settings_for(
    *,
    rules: Sequence[str | Path] | None = None,
    extra_rules: Sequence[str | Path] = (),
    crawl_date: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> CleanSettings:
    """Picklable clean settings with rule paths made absolute (workers may start elsewhere)."""
    return CleanSettings(
        rules=None if rules is None else tuple(_absolute(p) for p in rules),
        extra_rules=tuple(_absolute(p) for p in extra_rules),
        crawl_date=crawl_date,
        timeout=timeout,
    )


def clean_bag(
    bag: Any,
    *,
    rules: Sequence[str | Path] | None = None,
    extra_rules: Sequence[str | Path] = (),
    html_field: str | None = None,
    text_field: str | None = None,
    url_field: str = DEFAULT_URL_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    crawl_date: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Any:
    """A bag of result dicts, one per item of `bag`, in the same partitions and order.

    Items are raw pages (str or bytes) or dicts whose fields are chosen as on
    the command line (`html_field`, `text_field`, `url_field`, `id_field`).
    Each result is the CLI's JSON record: id, input (None here), input_url,
    then the Document's fields.
    """
    settings = settings_for(
        rules=rules, extra_rules=extra_rules, crawl_date=crawl_date, timeout=timeout
    )
    fields = FieldNames(html=html_field, text=text_field, url=url_field, id=id_field)
    return bag.map_partitions(_clean_partition, settings, fields)


def _clean_partition(
    items: Iterable[Any], settings: CleanSettings, fields: FieldNames
) -> list[dict[str, Any]]:
    records = [_record_of(item, fields) for item in items]
    return clean_records(settings, records)


def _record_of(item: Any, fields: FieldNames) -> Record:
    if isinstance(item, (str, bytes)):
        return Record(id=None, source=None, raw=item)
    if isinstance(item, Mapping):
        fallback = item.get(fields.id)
        return record_from_object(
            item, fields, fallback_id=None if fallback is None else str(fallback), source=None
        )
    return Record(id=None, source=None, problem=f"unsupported-item: {type(item).__name__}")


def clean_dataframe(
    ddf: Any,
    *,
    html_column: str = "html",
    url_column: str | None = "url",
    columns: Sequence[str] = DEFAULT_COLUMNS,
    prefix: str = "",
    rules: Sequence[str | Path] | None = None,
    extra_rules: Sequence[str | Path] = (),
    crawl_date: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Any:
    """`ddf` with result columns added (`prefix` + each of `columns`), partition by partition.

    `html_column` holds the raw page (HTML, text or Markdown: the format is
    detected), `url_column` its url (None: no url). The new columns hold
    strings or None; list fields (authors, removed, captions) are not offered.
    """
    unknown = [name for name in columns if name not in SCALAR_FIELDS]
    if unknown:
        raise ValueError(f"columns: {unknown} are not result fields; choose from {SCALAR_FIELDS}")
    added = [prefix + name for name in columns]
    taken = [name for name in added if name in ddf.columns]
    if taken:
        raise ValueError(f"columns {taken} already exist; pass prefix= to name the new ones")
    settings = settings_for(
        rules=rules, extra_rules=extra_rules, crawl_date=crawl_date, timeout=timeout
    )
    meta = ddf._meta.assign(**{name: _object_series([]) for name in added})
    return ddf.map_partitions(
        _clean_frame, settings, html_column, url_column, tuple(columns), prefix, meta=meta
    )


def _clean_frame(
    frame: Any,
    settings: CleanSettings,
    html_column: str,
    url_column: str | None,
    columns: tuple[str, ...],
    prefix: str,
) -> Any:
    urls = frame[url_column] if url_column else [None] * len(frame)
    records = [_frame_record(raw, url) for raw, url in zip(frame[html_column], urls, strict=True)]
    results = clean_records(settings, records)
    new = {
        prefix + name: _object_series([r[name] for r in results], frame.index) for name in columns
    }
    return frame.assign(**new)


def _frame_record(raw: Any, url: Any) -> Record:
    url_text = url if isinstance(url, str) and url else None
    if isinstance(raw, (str, bytes)):
        return Record(id=None, source=None, raw=raw, url=url_text)
    return Record(id=None, source=None, url=url_text, problem="no-body: not a string")


def _object_series(values: list[Any], index: Any = None) -> Any:
    import pandas as pd

    return pd.Series(values, index=index, dtype=object)


def _absolute(path: str | Path) -> str:
    return str(Path(path).resolve())


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

        from cleaner.batch.backends import default_jobs
        from cleaner.batch.worker import cleaner_for

        cleaner_for(settings)  # rule errors surface here, before the cluster starts
        self.settings = CleanSettings(
            rules=None if settings.rules is None else tuple(map(_absolute, settings.rules)),
            extra_rules=tuple(map(_absolute, settings.extra_rules)),
            url=settings.url,
            crawl_date=settings.crawl_date,
            timeout=settings.timeout,
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
