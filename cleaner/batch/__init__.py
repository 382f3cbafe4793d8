"""Batch processing: many records streamed through all cores, in order, with flat memory.

One module per concern: `records` (an input record, JSON field names),
`sources` (JSONL, WARC, files, folders, stdin), `worker` (cleaning in a
worker process), `pool` (ordered, bounded parallel map), `backends` (in
process, process pool), `sinks` (JSONL, Parquet, bodies, errors file),
`progress`, `summary`, `interrupt` (Ctrl-C), `runner` (a whole run) and
`warc_write` (writing WARC files). `cleaner clean` is the command-line face;
`cleaner.dask` and `cleaner.scrapy` reuse the same worker.
"""

from __future__ import annotations

from cleaner.batch.records import FieldNames, Record
from cleaner.batch.runner import BatchOptions, run_batch
from cleaner.batch.worker import CleanSettings

__all__ = ["BatchOptions", "CleanSettings", "FieldNames", "Record", "run_batch"]
