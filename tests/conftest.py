"""Shared test configuration: the golden-file update switch and fixture paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite fixtures/*.expected.json from the current output, for review with git diff",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


#: The five seed articles (plain text and Markdown dumps of one news story).
SEEDS = sorted(FIXTURES.glob("0*.txt"))


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the `cleaner` command in this process: (exit code, stdout, stderr)."""
    from cleaner.cli import main

    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def seed_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding copies of the seeds; its parent is the working folder (no config)."""
    import shutil

    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    monkeypatch.chdir(tmp_path)
    return folder
