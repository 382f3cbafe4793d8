"""`cleaner report`: one self-contained page with statuses, per-rule and per-site tables,
the share chart and before/after samples, everything escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.report import build_report
from cleaner.report.chart import share_histogram
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    output = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", str(FIXTURES), "-o", str(output), "--sample", "3"]) == 0
    return output.read_text(encoding="utf-8")


def test_page_needs_no_network(page: str) -> None:
    assert not re.search(r"""(?i)\b(?:src|href)\s*=|<link\b|@import|url\(""", page)
    assert "<script>" in page and "<style>" in page


def test_tables_and_chart_present(page: str) -> None:
    for table in ("status-table", "rule-table", "site-table", "document-table"):
        assert f'<table id="{table}"' in page
    assert '<svg id="share-chart"' in page
    assert page.count('<rect class="bar"') == 10
    assert 'data-v="moscow-times-donation-appeal"' in page
    assert 'data-v="themoscowtimes.com"' in page


def test_samples_show_before_with_marks_and_after(page: str) -> None:
    assert page.count('<pre class="before">') == 3
    assert page.count('<pre class="after">') == 3
    assert "<mark title=" in page


def test_corpus_text_is_escaped(tmp_path: Path) -> None:
    doc = tmp_path / "evil.txt"
    doc.write_text("Related: <script>alert(1)</script>\nA body line & more.\n", encoding="utf-8")
    html = build_report([str(doc)], Cleaner(), title="<b>t</b>")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in html


def test_histogram_counts_each_share_once() -> None:
    svg = share_histogram([0.0, 0.05, 0.5, 1.0, 1.0])
    counts = [int(c) for c in re.findall(r'class="count">(\d+)<', svg)]
    assert counts == [2, 0, 0, 0, 0, 1, 0, 0, 0, 2]


def test_sample_is_reproducible(tmp_path: Path) -> None:
    first = build_report([str(FIXTURES)], Cleaner(), sample_size=2, seed=3)
    second = build_report([str(FIXTURES)], Cleaner(), sample_size=2, seed=3)
    assert first == second


def test_unwritable_output_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "report.html"
    assert main(["report", str(FIXTURES), "-o", str(target)]) == 2
    assert capsys.readouterr().err.startswith(f"cleaner: {target}: cannot write")


def test_jsonl_records_are_documents_with_their_url(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    records.write_text(
        '{"url": "https://www.one.example/a", "text": "First body line.\\nSecond line."}\n'
        '{"url": "https://two.example/b", "text": "Another body."}\n',
        encoding="utf-8",
    )
    html = build_report([str(records)], Cleaner())
    assert 'data-v="one.example"' in html and 'data-v="two.example"' in html
    assert f'data-v="{records}:2"' in html


def test_rewritten_report_keeps_the_file_mode(tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    output.write_text("old", encoding="utf-8")
    output.chmod(0o640)
    assert main(["report", str(FIXTURES), "-o", str(output)]) == 0
    assert output.stat().st_mode & 0o777 == 0o640
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
