"""`cleaner clean` on many records: JSONL/WARC in, JSONL/Parquet out, jobs, errors, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner.batch.warc_write import Page, write_warc
from cleaner.cli import main
from tests.conftest import FIXTURES

PAGES = sorted(FIXTURES.glob("10*.html"))
TEXTS = sorted(FIXTURES.glob("00*.txt"))


def corpus_objects() -> list[dict[str, object]]:
    """The seed fixtures as JSONL objects: HTML pages with urls, text dumps without."""
    objects: list[dict[str, object]] = [
        {"id": p.stem, "url": f"https://news.example/{p.stem}", "html": p.read_text("utf-8")}
        for p in PAGES
    ]
    objects += [{"id": p.stem, "text": p.read_text("utf-8")} for p in TEXTS]
    return objects


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(o) for o in corpus_objects()]
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").split("\n")[:-1]]


def cli(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True, check=False
    )


def test_jsonl_to_jsonl_keeps_order_ids_and_urls(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(corpus), "-o", str(out), "-j", "2", "--no-progress"]) == 0
    records = read_jsonl(out)
    expected_ids = [o["id"] for o in corpus_objects()]
    expected_ids.insert(3, f"{corpus}:4")
    assert [r["id"] for r in records] == expected_ids
    assert records[0]["input_url"] == f"https://news.example/{PAGES[0].stem}"
    assert records[0]["input"] == f"{corpus}:1"
    assert records[0]["status"] == "ok" and records[0]["format"] == "html"
    assert records[3]["status"] == "error" and str(records[3]["reason"]).startswith("invalid-json")
    moscow = next(r for r in records if str(r["id"]).startswith("003_"))
    assert moscow["site"] == "themoscowtimes.com" and "Remind me later" not in str(moscow["text"])


def test_one_job_and_two_jobs_write_identical_output(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["clean", str(corpus), "-o", str(one), "-j", "1"]) == 0
    assert main(["clean", str(corpus), "-o", str(two), "-j", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_matches_cleaning_each_file_alone(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(corpus), "-o", str(out)]) == 0
    by_id = {r["id"]: r for r in read_jsonl(out)}
    for page in PAGES:
        url = f"https://news.example/{page.stem}"
        capsys.readouterr()
        assert main(["clean", "--json", "--url", url, str(page)]) == 0
        alone = json.loads(capsys.readouterr().out)
        assert alone["id"] == alone["input"] == str(page)
        batch = by_id[page.stem]
        assert batch["input_url"] == alone["input_url"] == url
        keys = set(alone) - {"id", "input", "input_url"}
        assert {k: batch[k] for k in keys} == {k: alone[k] for k in keys}


def test_errors_file_collects_failed_inputs(corpus: Path, tmp_path: Path) -> None:
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    with corpus.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "bodiless", "url": "https://x.example/"}) + "\n")
    code = main(["clean", str(corpus), "-o", str(out), "--errors", str(errors)])
    assert code == 0
    failed = read_jsonl(errors)
    assert [f.get("id") for f in failed] == [f"{corpus}:4", "bodiless"]
    assert failed[0]["text"] == "{not json\n"
    assert failed[1]["url"] == "https://x.example/"
    assert failed[1]["cleaner_error"] == {
        "reason": "no-body-field: html/text/content/raw",
        "input": f"{corpus}:{len(corpus_objects()) + 2}",
    }
    assert len(read_jsonl(out)) == len(corpus_objects()) + 2


def test_warc_input(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(str(warc), [Page(f"https://news.example/{p.stem}", p.read_bytes()) for p in PAGES])
    result = cli(["clean", str(warc), "-j", "2"])
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.split(b"\n")[:-1]]
    assert [r["input_url"] for r in records] == [f"https://news.example/{p.stem}" for p in PAGES]
    assert all(r["status"] == "ok" and r["format"] == "html" for r in records)
    assert all(str(r["id"]).startswith("<urn:uuid:") for r in records)
    goldens = [json.loads(p.with_name(p.stem + ".expected.json").read_text()) for p in PAGES]
    assert [r["title"] for r in records] == [g["title"] for g in goldens]


def test_parquet_output_holds_the_same_records(corpus: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    jsonl, parquet = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    assert main(["clean", str(corpus), "-o", str(jsonl)]) == 0
    assert main(["clean", str(corpus), "-o", str(parquet)]) == 0
    rows = pq.read_table(parquet).to_pylist()
    for row in rows:
        row["provenance"] = dict(row["provenance"])
    assert rows == read_jsonl(jsonl)


def test_stdin_jsonl_gives_json_lines(corpus: Path) -> None:
    result = cli(["clean", "-"], stdin=corpus.read_bytes())
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.split(b"\n")[:-1]]
    assert len(records) == len(corpus_objects()) + 1
    assert records[0]["id"] == PAGES[0].stem and records[0]["input"] == "-:1"


def test_progress_and_summary_on_stderr(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clean", str(corpus), "-o", str(tmp_path / "o.jsonl"), "--progress"]) == 0
    err = capsys.readouterr().err
    assert "records/s" in err and "MB/s" in err and "1 errors" in err
    assert f"cleaned {len(corpus_objects()) + 1} records" in err
    assert f"status: ok {len(corpus_objects())}, error 1" in err
    assert "error: invalid-json 1" in err
    assert "top rules (records): " in err
    assert main(["clean", str(corpus), "-o", str(tmp_path / "o.jsonl"), "--no-summary"]) == 0
    assert capsys.readouterr().err == ""  # stderr is not a terminal: no progress unless forced


def test_a_failed_run_leaves_an_existing_output_alone(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  kind: nope\n  description: d\n  examples: [{input: a}]\n")
    result = cli(["clean", str(corpus), "-o", str(out), "--rules", str(bad)])
    assert result.returncode == 2 and len(result.stderr.decode().splitlines()) == 1
    assert out.read_text() == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "corpus.jsonl", "out.jsonl"]


def test_bad_jobs_value_exits_2() -> None:
    result = cli(["clean", "--jobs", "0", "x.jsonl"])
    assert result.returncode == 2 and b"--jobs" in result.stderr


def big_corpus(path: Path, count: int) -> Path:
    line = json.dumps({"text": TEXTS[3].read_text("utf-8")})
    path.write_text("".join(f"{line}\n" for _ in range(count)), encoding="utf-8")
    return path


@pytest.mark.parametrize("to_file", [False, True])
def test_ctrl_c_stops_cleanly_with_valid_jsonl(tmp_path: Path, to_file: bool) -> None:
    src = big_corpus(tmp_path / "big.jsonl", 20000)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "cleaner", "clean", str(src), "-j", "2"]
    args += ["-o", str(out)] if to_file else []
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = b""
    if to_file:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(
            p.name.startswith("out.jsonl.partial") and p.stat().st_size > 10000
            for p in tmp_path.iterdir()
        ):
            time.sleep(0.05)
    else:
        assert proc.stdout is not None
        first = proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    assert proc.stdout is not None and proc.stderr is not None
    stdout = first + proc.stdout.read()  # same reader: communicate() would skip its buffer
    stderr = proc.stderr.read()
    proc.wait(timeout=60)
    assert proc.returncode == 130, stderr
    text = out.read_text("utf-8") if to_file else stdout.decode()
    assert text.endswith("\n")
    records = [json.loads(line) for line in text.split("\n")[:-1]]  # not splitlines: U+2028
    assert 0 < len(records) < 20000
    assert all(r["status"] == "ok" for r in records)
    assert b"stopped after" in stderr
    assert not [p for p in os.listdir(tmp_path) if ".partial" in p]
