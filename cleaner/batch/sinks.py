"""Where results go: JSON Lines, Parquet (optional extra `parquet`), or plain bodies.

A file is written under a temporary name next to its destination and renamed
into place when the run ends, so a user's existing file is never left
half-written; a run stopped with Ctrl-C still renames what it wrote, and every
line in it is whole.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, Protocol

from cleaner.batch.records import Record, parsed
from cleaner.document import OUTPUT_FIELDS, SCALAR_FIELDS, is_html
from cleaner.errors import InputError
from cleaner.read import decode

Result = Mapping[str, Any]


class Sink(Protocol):
    """Takes results in order; `close(commit)` finishes (True) or abandons (False) the output."""

    def write(self, result: Result) -> None: ...

    def close(self, *, commit: bool) -> None: ...


class AtomicFile:
    """A binary file written as `<name>.partial-<pid>` and renamed over `path` on commit."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(f"{self.path.name}.partial-{os.getpid()}")
        try:
            # Open for the whole run; closed (and renamed or removed) by close().
            self.stream: BinaryIO = open(self.partial, "wb")  # noqa: SIM115
        except OSError as error:
            raise InputError(f"{path}: cannot write: {error.strerror or error}") from None

    def close(self, *, commit: bool, size: int | None = None) -> None:
        """Rename into place (commit) or remove; `size` cuts off a partly written tail."""
        if size is not None:
            self.stream.flush()
            self.stream.truncate(size)
        self.stream.close()
        if commit:
            os.replace(self.partial, self.path)
        else:
            self.partial.unlink(missing_ok=True)


class JsonlSink:
    """One JSON object per line.

    Bytes are counted line by line, so a file interrupted in the middle of a
    write (a second Ctrl-C) is cut back to its last whole line before it is
    renamed into place.
    """

    def __init__(self, stream: BinaryIO, file: AtomicFile | None = None) -> None:
        self.stream = stream
        self.file = file
        self.written = 0

    @classmethod
    def to_path(cls, path: str) -> JsonlSink:
        file = AtomicFile(path)
        return cls(file.stream, file)

    @classmethod
    def to_stdout(cls) -> JsonlSink:
        sys.stdout.flush()
        return cls(sys.stdout.buffer)

    def write(self, result: Mapping[str, Any]) -> None:
        data = (json.dumps(result, ensure_ascii=False) + "\n").encode("utf-8")
        self.stream.write(data)
        self.written += len(data)

    def close(self, *, commit: bool) -> None:
        if self.file is not None:
            self.file.close(commit=commit, size=self.written)
        else:
            self.stream.flush()


class TextSink:
    """The canonical bodies only, one blank line apart (the plain `cleaner clean` output);
    their Markdown instead where it was asked for."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.first = True

    def write(self, result: Result) -> None:
        if not self.first:
            self.stream.write("\n")
        markdown = result.get("markdown")
        body = markdown if isinstance(markdown, str) else result["text"]
        self.stream.write(str(body) + "\n")
        self.first = False

    def close(self, *, commit: bool) -> None:
        self.stream.flush()


class ParquetSink:
    """Results as Parquet row groups of `group_rows` rows.

    The columns of the JSON contract have fixed Arrow types (`result_schema`);
    a field the contract gains later is typed from the first row group.
    """

    def __init__(self, path: str, group_rows: int = 2000) -> None:
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise InputError(
                f"{path}: Parquet output needs pyarrow: pip install 'cleaner[parquet]'"
            ) from None
        self.path = Path(path)
        self.partial = self.path.with_name(f"{self.path.name}.partial-{os.getpid()}")
        self.schema: Any = None
        self.writer: Any = None
        self.rows: list[dict[str, Any]] = []
        self.group_rows = group_rows

    def write(self, result: Result) -> None:
        row = dict(result)
        row["provenance"] = sorted(result["provenance"].items())
        self.rows.append(row)
        if len(self.rows) >= self.group_rows:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.writer is None:
            self.schema = result_schema(self.rows)
            self.writer = pq.ParquetWriter(str(self.partial), self.schema)
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self, *, commit: bool) -> None:
        if commit:
            self._flush()
        if self.writer is not None:
            self.writer.close()
        if commit:
            os.replace(self.partial, self.path)
        else:
            self.partial.unlink(missing_ok=True)


def result_schema(rows: Sequence[Mapping[str, Any]] = ()) -> Any:
    """The Arrow schema of result records: fixed types for the known fields, in row order.

    The known fields are the record's own (id, input, input_url) and the Document's
    output fields: a string for each scalar one, and the types below for the rest.
    """
    import pyarrow as pa

    text = pa.string()
    compound = {
        "authors": pa.list_(text),
        "captions": pa.list_(pa.struct([("text", text), ("credit", text)])),
        "removed": pa.list_(
            pa.struct([("rule", text), ("start", pa.int64()), ("end", pa.int64()), ("text", text)])
        ),
        "warnings": pa.list_(text),
        "provenance": pa.map_(text, text),
    }
    known = {
        "id": text,
        "input": text,
        "input_url": text,
        **{name: text if name in SCALAR_FIELDS else compound[name] for name in OUTPUT_FIELDS},
    }
    names = list(rows[0]) if rows else list(known)
    return pa.schema([(name, known.get(name) or _inferred(rows, name)) for name in names])


def _inferred(rows: Sequence[Mapping[str, Any]], name: str) -> Any:
    import pyarrow as pa

    values = [row.get(name) for row in rows if row.get(name) is not None]
    inferred = pa.infer_type(values) if values else pa.string()
    return pa.string() if pa.types.is_null(inferred) else inferred


def open_sink(output: str | None, *, json_lines: bool) -> Sink:
    """The sink for `--output` (by suffix: .parquet, else JSONL) or stdout."""
    if output is None or output == "-":
        return JsonlSink.to_stdout() if json_lines else TextSink(sys.stdout)
    if output.lower().endswith(".parquet"):
        return ParquetSink(output)
    return JsonlSink.to_path(output)


class ErrorsSink:
    """`--errors FILE`: every failed input as JSONL, ready to be fed back to `cleaner clean`.

    A record read from JSONL is written back as it was plus a `cleaner_error`
    object; any other record as {id, url, html or text, cleaner_error}.
    """

    def __init__(self, path: str) -> None:
        self.lines = JsonlSink.to_path(path)

    def write(self, record: Record, result: Result) -> None:
        record = parsed(record)
        error = {"reason": result["reason"], "input": record.source}
        if record.original is not None:
            failed = {**record.original, "cleaner_error": error}
        else:
            body = record.raw if isinstance(record.raw, str) else _decoded(record)
            field = "html" if is_html(record.format) else "text"
            failed = {"id": record.id, "url": record.url, field: body, "cleaner_error": error}
        self.lines.write(failed)

    def close(self, *, commit: bool) -> None:
        self.lines.close(commit=commit)


def _decoded(record: Record) -> str:
    raw = record.raw if isinstance(record.raw, bytes) else record.raw.encode()
    try:
        return decode(raw, record.content_type)
    except Exception:  # the errors file must take any input, even one that will not decode
        return raw.decode("utf-8", "replace")
