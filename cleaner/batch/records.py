"""One input record of a batch run, and how records are read out of JSON objects.

A record is what a source yields and what a worker cleans: the raw body plus
the id and url it is reported under. A record a source could not make sense of
(a broken JSONL line, an object with no body field) carries a `problem`
instead, so the run writes it out as an error and goes on.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from cleaner.document import Format

#: Body fields tried in order when no --html-field/--text-field is given.
DEFAULT_BODY_FIELDS = ("html", "text", "content", "raw")
DEFAULT_URL_FIELD = "url"
DEFAULT_ID_FIELD = "id"


@dataclass(frozen=True)
class Record:
    """One raw input: its body, the id and url it is reported under, and where it came from.

    `source` locates the record for a human (`file.jsonl:12`, `crawl.warc.gz@1834`;
    None for records handed over in memory, as from a Dask bag);
    `original` keeps the JSON object a JSONL record was read from, so the errors
    file can hand it back unchanged. A JSONL record travels as its raw `line`
    (and the `fields` to read from it) until `parsed` is called in a worker:
    decoding JSON costs as much as a third of cleaning a page, so it must not
    happen in the one process that feeds all the workers.
    """

    id: str | None
    source: str | None
    raw: str | bytes = b""
    url: str | None = None
    content_type: str | None = None
    crawl_date: str | None = None
    format: Format | None = None
    problem: str | None = None
    original: Mapping[str, Any] | None = field(default=None, compare=False)
    line: bytes | None = None
    fields: FieldNames | None = None

    @property
    def size(self) -> int:
        """Bytes (or characters) of input, for the MB/s figure and chunk sizes."""
        return len(self.raw) + len(self.line or b"")


@dataclass(frozen=True)
class FieldNames:
    """Which keys of a JSON object hold the body, url and id.

    `html` names a field of HTML (cleaned as HTML); `text` a field of plain
    text or Markdown (format detected). With neither, the first present of
    `DEFAULT_BODY_FIELDS` is taken: `html` as HTML, the others with their
    format detected.
    """

    html: str | None = None
    text: str | None = None
    url: str = DEFAULT_URL_FIELD
    id: str = DEFAULT_ID_FIELD

    def body_candidates(self) -> list[tuple[str, Format | None]]:
        """(field, format to force) pairs to try in order."""
        chosen: list[tuple[str, Format | None]] = []
        if self.html:
            chosen.append((self.html, "html"))
        if self.text:
            chosen.append((self.text, None))
        if chosen:
            return chosen
        return [(name, "html" if name == "html" else None) for name in DEFAULT_BODY_FIELDS]


def record_from_object(
    obj: object, fields: FieldNames, *, fallback_id: str | None, source: str | None
) -> Record:
    """The record a JSON value describes; a value with no usable body becomes a problem."""
    if not isinstance(obj, Mapping):
        return Record(id=fallback_id, source=source, problem="not-an-object")
    record_id = _scalar(obj.get(fields.id)) or fallback_id
    url = _scalar(obj.get(fields.url))
    for name, forced in fields.body_candidates():
        value = obj.get(name)
        if isinstance(value, str):
            return Record(
                id=record_id, source=source, raw=value, url=url, format=forced, original=obj
            )
    wanted = "/".join(name for name, _ in fields.body_candidates())
    return Record(
        id=record_id, source=source, url=url, problem=f"no-body-field: {wanted}", original=obj
    )


def parsed(record: Record) -> Record:
    """The record a JSONL `line` record stands for (any other record unchanged)."""
    if record.line is None:
        return record
    try:
        obj = json.loads(record.line)
    except ValueError as error:
        reason = f"invalid-json: {str(error).splitlines()[0]}"
        return replace(record, raw=record.line, line=None, problem=reason)
    fields = record.fields or FieldNames()
    return record_from_object(obj, fields, fallback_id=record.id, source=record.source)


def _scalar(value: object) -> str | None:
    """A JSON scalar as the string it is reported under (ids may be numbers)."""
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value)
    return text or None
