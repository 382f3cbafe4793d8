"""Batch inputs: JSONL fields and defaults, WARC and WARC.gz, folders, stdin sniffing, bad input."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner.batch import sources
from cleaner.batch.records import FieldNames, Record, parsed
from cleaner.batch.sources import SourceLog, check_paths, iter_records, jsonl_records
from cleaner.batch.warc_write import Page, write_warc
from cleaner.errors import InputError

HTML = b"<html><body><article><p>A page body.</p></article></body></html>"


def records(paths: list[str], fields: FieldNames | None = None, **kw: object) -> list[Record]:
    """The records of `paths` as a worker sees them (JSONL lines decoded)."""
    found = iter_records(paths, fields or FieldNames(), **kw)  # type: ignore[arg-type]
    return [parsed(record) for record in found]


def write_jsonl(path: Path, objects: list[object]) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


def test_jsonl_default_fields(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "x1", "url": "https://a.example/1", "html": "<p>one</p>"},
            {"id": 7, "text": "two"},
            {"content": "three"},
            {"raw": "four", "html": 5},
        ],
    )
    got = records([str(src)])
    assert [r.id for r in got] == ["x1", "7", f"{src}:3", f"{src}:4"]
    assert [r.raw for r in got] == ["<p>one</p>", "two", "three", "four"]
    assert got[0].url == "https://a.example/1" and got[0].format == "html"
    assert got[1].format is None and got[1].source == f"{src}:2"
    assert got[0].original == {"id": "x1", "url": "https://a.example/1", "html": "<p>one</p>"}


def test_jsonl_chosen_fields(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl", [{"key": "k", "link": "https://a.example/", "body": "<p>b</p>"}]
    )
    fields = FieldNames(html="body", url="link", id="key")
    (record,) = records([str(src)], fields)
    assert (record.id, record.url, record.raw, record.format) == (
        "k",
        "https://a.example/",
        "<p>b</p>",
        "html",
    )


def test_text_field_is_used_when_html_field_missing(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [{"plain": "words"}])
    (record,) = records([str(src)], FieldNames(html="page", text="plain"))
    assert record.raw == "words" and record.format is None


def test_bad_lines_become_problems_and_reading_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "ok"}\n{broken\n\n[1, 2]\n{"title": "no body"}\n{"text": "end"}\n')
    got = records([str(src)])
    assert [r.problem and r.problem.split(":")[0] for r in got] == [
        None,
        "invalid-json",
        "not-an-object",
        "no-body-field",
        None,
    ]
    assert got[1].source == f"{src}:2" and got[1].raw == b"{broken\n"
    assert got[-1].raw == "end"


def test_jsonl_gz_and_truncated_gz(tmp_path: Path) -> None:
    lines = b"".join(json.dumps({"text": f"r{i}"}).encode() + b"\n" for i in range(50))
    good = tmp_path / "a.jsonl.gz"
    good.write_bytes(gzip.compress(lines))
    assert [r.raw for r in records([str(good)])] == [f"r{i}" for i in range(50)]
    cut = tmp_path / "b.jsonl.gz"
    cut.write_bytes(gzip.compress(lines)[:-30])
    got = records([str(cut)])
    assert got[-1].problem is not None and got[-1].problem.startswith("unreadable")
    assert all(r.problem is None for r in got[:-1])


def test_warc_and_warc_gz_yield_html_responses(tmp_path: Path) -> None:
    pages = [
        Page("https://a.example/1", HTML),
        Page("https://a.example/logo.png", b"\x89PNG", "image/png"),
        Page(
            "https://a.example/2", "<p>caf\xe9</p>".encode("latin-1"), "text/html; charset=latin-1"
        ),
    ]
    for name in ("c.warc", "c.warc.gz"):
        path = tmp_path / name
        write_warc(str(path), pages)
        log = SourceLog()
        got = records([str(path)], log=log)
        assert [r.url for r in got] == ["https://a.example/1", "https://a.example/2"]
        assert got[0].raw == HTML and got[0].format == "html"
        assert got[1].content_type == "text/html; charset=latin-1"
        assert all(r.id and r.id.startswith("<urn:uuid:") for r in got)
        assert all(r.crawl_date for r in got)
        assert got[0].source == f"{path}@0"
        assert log.skipped == {"warc: not html": 1} and log.containers == 1


def test_folder_walk_takes_documents_and_containers_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b text")
    (tmp_path / "a.html").write_bytes(HTML)
    (tmp_path / "notes.json").write_text("{}")
    sub = tmp_path / "sub"
    sub.mkdir()
    write_jsonl(sub / "c.jsonl", [{"text": "c1"}, {"text": "c2"}])
    got = records([str(tmp_path)])
    assert [r.raw for r in got] == [HTML, b"b text", "c1", "c2"]
    assert got[0].id == str(tmp_path / "a.html")


def test_missing_path_is_refused_before_the_run() -> None:
    with pytest.raises(InputError, match=r"nope\.jsonl: no such file or folder"):
        check_paths(["-", "nope.jsonl"])


def stdin_records(data: bytes) -> tuple[list[Record], SourceLog]:
    log = SourceLog()
    got = list(iter_records(["-"], FieldNames(), stdin=io.BytesIO(data), log=log))
    return [parsed(record) for record in got], log


def test_stdin_jsonl_is_streamed_per_record() -> None:
    got, log = stdin_records(b'{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n')
    assert [(r.id, r.raw) for r in got] == [("a", "one"), ("b", "two")]
    assert log.containers == 1


def test_stdin_plain_document_is_one_record() -> None:
    got, log = stdin_records(b"Just an article.\n{not json}\n")
    assert [(r.id, r.raw) for r in got] == [("-", b"Just an article.\n{not json}\n")]
    assert log.containers == 0


def test_stdin_gzipped_warc(tmp_path: Path) -> None:
    path = tmp_path / "s.warc.gz"
    write_warc(str(path), [Page("https://a.example/s", HTML)])
    got, log = stdin_records(path.read_bytes())
    assert [r.url for r in got] == ["https://a.example/s"] and log.containers == 1


def test_records_are_read_lazily(tmp_path: Path) -> None:
    """A source yields a record before reading the rest of its file: memory stays flat."""
    src = write_jsonl(tmp_path / "a.jsonl", [{"text": "first"}])
    stream: Iterator[Record] = iter_records([str(src), str(tmp_path / "later.jsonl")], FieldNames())
    assert parsed(next(stream)).raw == "first"  # later.jsonl does not exist: not opened so far
    write_jsonl(tmp_path / "later.jsonl", [{"text": "second"}])
    assert [parsed(r).raw for r in stream] == ["second"]


def test_jsonl_lines_are_left_for_the_workers_to_decode(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "body"}])
    (record,) = iter_records([str(src)], FieldNames(id="id"))
    assert record.line == b'{"id": "x", "text": "body"}\n' and record.raw == b""
    assert (parsed(record).id, parsed(record).raw) == ("x", "body")


@pytest.mark.parametrize("block", [1, 3, 7, 1 << 20])
def test_long_and_short_lines_across_read_blocks(block: int) -> None:
    lines = [b'{"text": "' + b"x" * n + b'"}\n' for n in (0, 1, 5, 30, 2)]
    lines += [b"\n", b'{"text": "end"}']
    got = list(sources._lines(io.BytesIO(b"".join(lines)), block))
    assert got == lines
    assert len(list(jsonl_records(io.BytesIO(b"".join(lines)), FieldNames(), "-"))) == 6
