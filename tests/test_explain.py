"""`cleaner explain`: removals marked with their rule ids, metadata with provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.cli import main
from cleaner.explain import marked_text
from tests.conftest import FIXTURES

SEED_003 = next(FIXTURES.glob("003_*.txt"))
PAGE_101 = next(FIXTURES.glob("101_*.html"))


def explain_output(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["explain", *args]) == 0
    return capsys.readouterr().out


def test_text_removals_bracketed_with_rule_id(capsys: pytest.CaptureFixture[str]) -> None:
    out = explain_output(["--color", "never", str(SEED_003)], capsys)
    assert "[moscow-times-donation-appeal: A Message from The Moscow Times:\nDear readers," in out
    assert "Remind me later.]" in out
    assert "\x1b[" not in out
    assert "site: themoscowtimes.com  (from fingerprint)" in out


def test_marked_text_keeps_every_input_character() -> None:
    raw = SEED_003.read_text(encoding="utf-8")
    document = clean(raw)
    shown = marked_text(raw, document.removed, color=False)
    unmarked = shown.replace("[moscow-times-donation-appeal: ", "").replace(
        "Remind me later.]", "Remind me later."
    )
    assert unmarked == raw


def test_overlapping_removals_are_attributed_once() -> None:
    raw = "keep [a](http://x) drop\nnext"
    document = clean(raw, format="markdown")
    shown = marked_text(raw, document.removed, color=False)
    for removal in document.removed:
        assert f"[{removal.rule}: " in shown


def test_color_always_uses_ansi(capsys: pytest.CaptureFixture[str]) -> None:
    out = explain_output(["--color", "always", str(SEED_003)], capsys)
    assert "\x1b[9;31mA Message from The Moscow Times:" in out
    assert "[moscow-times-donation-appeal]" in out


def test_html_lists_removals_by_rule_and_provenance(capsys: pytest.CaptureFixture[str]) -> None:
    out = explain_output(["--color", "never", str(PAGE_101)], capsys)
    assert "[cookie-consent] 1 removed" in out
    assert "== Body kept ==" in out
    assert "title: Island ferry returns after three-month repair  (from html)" in out
    assert "author: Harriet Lowe  (from json-ld)" in out


def test_explain_folder_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "b.txt").write_text("two", encoding="utf-8")
    assert main(["explain", str(tmp_path)]) == 2
    assert "expected one input file, found 2" in capsys.readouterr().err
