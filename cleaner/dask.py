"""Clean on a Dask cluster: bags of raw pages and dataframe columns (the CLI's `--dask` runs on
`cleaner.batch.dask_backend`).

Needs the `dask` extra (`pip install 'cleaner[dask]'`). Every worker process
compiles the rules once (a Cleaner cached per process, keyed by the rule
paths) and runs the same function as the local process pool, so results are
identical whichever way a batch ran. Rule files given by path must exist at
the same path on every worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cleaner.batch.records import (
    DEFAULT_ID_FIELD,
    DEFAULT_URL_FIELD,
    FieldNames,
    Record,
    record_from_object,
)
from cleaner.batch.worker import CleanSettings, clean_records, settings_for
from cleaner.document import SCALAR_FIELDS
from cleaner.options import CleanKeywords, CleanOptions

if TYPE_CHECKING:
    from typing_extensions import Unpack

#: Result fields `clean_dataframe` adds unless told otherwise.
DEFAULT_COLUMNS = ("text", "title", "date", "author", "site", "status", "reason")


def clean_bag(
    bag: Any,
    *,
    rules: Sequence[str | Path] | None = None,
    extra_rules: Sequence[str | Path] = (),
    html_field: str | None = None,
    text_field: str | None = None,
    url_field: str = DEFAULT_URL_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    options: CleanOptions | None = None,
    **keywords: Unpack[CleanKeywords],
) -> Any:
    """A bag of result dicts, one per item of `bag`, in the same partitions and order.

    Items are raw pages (str or bytes) or dicts whose fields are chosen as on
    the command line (`html_field`, `text_field`, `url_field`, `id_field`).
    Each result is the CLI's JSON record: id, input (None here), input_url,
    then the Document's fields. `options` (a `CleanOptions`) say how to
    clean; its fields may be given as keywords too (`timeout=None`), which
    override `options` as in `cleaner.clean`.
    """
    settings = settings_for(rules=rules, extra_rules=extra_rules, options=options, **keywords)
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
    options: CleanOptions | None = None,
    **keywords: Unpack[CleanKeywords],
) -> Any:
    """`ddf` with result columns added (`prefix` + each of `columns`), partition by partition.

    `html_column` holds the raw page (HTML, text or Markdown: the format is
    detected), `url_column` its url (None: no url). The new columns hold
    strings or None; list fields (authors, removed, captions) are not offered.
    `options` and keywords as in `clean_bag`.
    """
    unknown = [name for name in columns if name not in SCALAR_FIELDS]
    if unknown:
        raise ValueError(f"columns: {unknown} are not result fields; choose from {SCALAR_FIELDS}")
    added = [prefix + name for name in columns]
    taken = [name for name in added if name in ddf.columns]
    if taken:
        raise ValueError(f"columns {taken} already exist; pass prefix= to name the new ones")
    settings = settings_for(rules=rules, extra_rules=extra_rules, options=options, **keywords)
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
