"""Cleaning records inside a worker: one Cleaner per process, one result dict per record.

The same functions serve the local process pool, Dask workers and in-process
runs, so every backend writes byte-identical results. A record that raises is
turned into an error result here: nothing a page contains can stop a run.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cleaner.api import Cleaner
from cleaner.batch.records import Record, parsed
from cleaner.document import Document
from cleaner.options import DEFAULT_OPTIONS, CleanKeywords, CleanOptions

if TYPE_CHECKING:
    from typing_extensions import Unpack

#: Longest reason text kept for an exception, so one odd page cannot bloat the output.
_MAX_REASON = 300


@dataclass(frozen=True)
class CleanSettings:
    """Everything a worker needs to rebuild the same Cleaner and call it the same way.

    Hashable and small, so it travels to worker processes and Dask workers
    cheaply and keys the per-process Cleaner cache. `url` is the url of every
    record that brings none; `options` are the run's, which a record's own
    content type and crawl date complete (`CleanOptions.for_record`).
    """

    rules: tuple[str, ...] | None = None
    extra_rules: tuple[str, ...] = ()
    url: str | None = None
    options: CleanOptions = DEFAULT_OPTIONS


def settings_for(
    *,
    rules: Sequence[str | Path] | None = None,
    extra_rules: Sequence[str | Path] = (),
    options: CleanOptions | None = None,
    **keywords: Unpack[CleanKeywords],
) -> CleanSettings:
    """Picklable clean settings with rule paths made absolute (workers may start elsewhere).

    `options` and `keywords` combine as in `cleaner.clean`: a keyword
    overrides the same field of `options`. Dask and datatrove steps build
    their settings here, so every backend cleans with the same options.
    """
    return CleanSettings(
        rules=None if rules is None else tuple(absolute_path(p) for p in rules),
        extra_rules=tuple(absolute_path(p) for p in extra_rules),
        options=(options or DEFAULT_OPTIONS).with_keywords(keywords),
    )


def absolute_path(path: str | Path) -> str:
    """A rule path as every worker must see it: absolute."""
    return str(Path(path).resolve())


_cleaners: dict[tuple[tuple[str, ...] | None, tuple[str, ...]], Cleaner] = {}
_cleaners_lock = threading.Lock()


def cleaner_for(settings: CleanSettings) -> Cleaner:
    """This process's Cleaner for the settings' rules, compiled on first use only."""
    key = (settings.rules, settings.extra_rules)
    with _cleaners_lock:
        cleaner = _cleaners.get(key)
        if cleaner is None:
            cleaner = Cleaner(rules=settings.rules, extra_rules=settings.extra_rules)
            _cleaners[key] = cleaner
        return cleaner


def clean_records(settings: CleanSettings, records: Sequence[Record]) -> list[dict[str, Any]]:
    """Result dicts for a chunk of records, in the same order."""
    cleaner = cleaner_for(settings)
    return [clean_record(cleaner, settings, record) for record in records]


def clean_record(cleaner: Cleaner, settings: CleanSettings, record: Record) -> dict[str, Any]:
    """One output record: id, input, input_url, then the Document's JSON contract."""
    record = parsed(record)
    if record.problem is not None:
        document = Document(url=record.url, status="error", reason=record.problem)
    else:
        document = _clean_safely(cleaner, settings, record)
    return result_dict(record, document, url=record.url or settings.url)


def result_dict(record: Record, document: Document, *, url: str | None = None) -> dict[str, Any]:
    """The JSON output record for `record` cleaned into `document`.

    `input_url` is the url the input came with (its own, else the one given
    for every input); the Document's `url` may differ (a canonical link).
    """
    return {
        "id": record.id,
        "input": record.source,
        "input_url": url or record.url,
        **document.to_dict(),
    }


def _clean_safely(cleaner: Cleaner, settings: CleanSettings, record: Record) -> Document:
    url = record.url or settings.url
    try:
        return cleaner.clean(
            record.raw,
            url=url,
            format=record.format,
            options=settings.options.for_record(
                content_type=record.content_type, crawl_date=record.crawl_date
            ),
        )
    except Exception as error:  # a bug on one page must not stop millions of others
        message = str(error).splitlines()[0] if str(error) else ""
        reason = f"exception: {type(error).__name__}: {message}"[:_MAX_REASON]
        return Document(url=url, status="error", reason=reason.rstrip(": "))
