"""Outputs of a batch run: whole JSON lines only, the errors file, Parquet, progress, summary."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cleaner.batch.progress import Progress
from cleaner.batch.records import Record
from cleaner.batch.sinks import ErrorsSink, JsonlSink, ParquetSink
from cleaner.batch.summary import Summary, reason_kind
from cleaner.batch.worker import CleanSettings, clean_records


def test_a_cut_off_write_is_trimmed_to_the_last_whole_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    sink = JsonlSink.to_path(str(out))
    sink.write({"id": 1})
    sink.write({"id": 2})
    sink.stream.write(b'{"id": 3, "te')  # what a write interrupted half-way leaves behind
    assert out.read_text() == "old\n"  # nothing replaced before the end
    sink.close(commit=True)
    assert out.read_text() == '{"id": 1}\n{"id": 2}\n'
    assert list(tmp_path.iterdir()) == [out]


def test_an_abandoned_output_leaves_nothing(tmp_path: Path) -> None:
    sink = JsonlSink.to_path(str(tmp_path / "out.jsonl"))
    sink.write({"id": 1})
    sink.close(commit=False)
    assert list(tmp_path.iterdir()) == []


def test_errors_file_decodes_raw_pages(tmp_path: Path) -> None:
    path = tmp_path / "errors.jsonl"
    sink = ErrorsSink(str(path))
    page = Record(
        id="<urn:uuid:1>",
        source="c.warc@0",
        raw="<p>café</p>".encode("latin-1"),
        url="https://a.example/",
        content_type="text/html; charset=latin-1",
        format="html",
    )
    sink.write(page, {"reason": "timeout"})
    sink.close(commit=True)
    (failed,) = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert failed == {
        "id": "<urn:uuid:1>",
        "url": "https://a.example/",
        "html": "<p>café</p>",
        "cleaner_error": {"reason": "timeout", "input": "c.warc@0"},
    }


def test_parquet_rows_round_trip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    records = [
        Record(id=str(i), source=f"s:{i}", raw=f"Paragraph {i} of a short story.") for i in range(5)
    ]
    # "later" stands for a field the JSON contract may gain: typed from the first rows
    results = [{**r, "later": [r["id"]]} for r in clean_records(CleanSettings(), records)]
    path = tmp_path / "out.parquet"
    sink = ParquetSink(str(path), group_rows=2)
    for result in results:
        sink.write(result)
    sink.close(commit=True)
    table = pq.read_table(path)
    assert table.num_rows == 5 and pq.ParquetFile(path).num_row_groups == 3
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == ["0", "1", "2", "3", "4"]
    assert rows[0]["text"] == results[0]["text"] and dict(rows[0]["provenance"]) == {}
    assert [r["later"] for r in rows] == [["0"], ["1"], ["2"], ["3"], ["4"]]


def test_summary_groups_reasons_and_counts_rules_once_per_record() -> None:
    summary = Summary()
    removal = {"rule": "ads", "start": 0, "end": 1, "text": "x"}
    summary.add({"status": "ok", "reason": None, "removed": [removal, removal]})
    summary.add({"status": "ok", "reason": None, "removed": [removal]})
    summary.add({"status": "error", "reason": "invalid-json: Expecting value", "removed": []})
    summary.add({"status": "error", "reason": "invalid-json: Extra data", "removed": []})
    summary.add({"status": "empty", "reason": "no article text found", "removed": []})
    lines = summary.lines(elapsed=2.0, megabytes=1.0)
    assert lines[0] == "cleaner: cleaned 5 records in 2.0 s (2.5 records/s, 0.50 MB/s)"
    assert lines[1:] == [
        "  status: ok 2, error 2, empty 1",
        "  empty: no article text found 1",
        "  error: invalid-json 2",
        "  top rules (records): ads 2",
    ]
    assert reason_kind("timeout") == "timeout"


def test_progress_line_only_when_enabled() -> None:
    quiet, shown = io.StringIO(), io.StringIO()
    for stream, enabled in ((quiet, False), (shown, True)):
        progress = Progress(stream, enabled=enabled, interval=0.0)
        progress.update(size=2_000_000, failed=False)
        progress.update(size=1_000_000, failed=True)
        progress.close()
    assert quiet.getvalue() == ""
    text = shown.getvalue()
    assert text.startswith("\rcleaner: 1 records") and text.endswith("\n")
    assert "2 records" in text and "records/s" in text and "MB/s" in text and "1 errors" in text
