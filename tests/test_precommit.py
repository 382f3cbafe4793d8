"""The pre-commit hooks, installed the way a corpus repository installs them.

The corpus repository's `.pre-commit-config.yaml` names both hooks at a commit
of the hook repository; pre-commit clones it and pip-installs it into a
virtualenv of its own, exactly as for a user. The hook repository is a
committed copy of this checkout in a temporary folder (the checkout itself is
never touched); the corpus repository holds one dirty article. The lint hook
fails, the fix hook rewrites the file, and the lint hook then passes. Needs git
and a package index for the hook's dependencies (the install is most of the
test's time; the virtualenv is built once and used by all three runs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIRTY_SEED = ROOT / "fixtures" / "002_3374ce598ea5bf26.txt"
_SKIP_COPY = shutil.ignore_patterns(
    ".git",
    ".venv",
    "__pycache__",
    "*.egg-info",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "build",
    "dist",
    ".data",
    "tests",
    "bench",
    "fixtures",
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _hook_repo(folder: Path) -> Path:
    shutil.copytree(ROOT, folder, ignore=_SKIP_COPY)
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "hooks")
    return folder


def _corpus_repo(folder: Path) -> Path:
    folder.mkdir()
    _git(folder, "init", "-q")
    shutil.copy(DIRTY_SEED, folder / "article.txt")
    (folder / "notes.py").write_text("print('not a corpus file')\n", encoding="utf-8")
    _git(folder, "add", "-A")
    return folder


def _configure(corpus: Path, hooks: Path) -> None:
    """A `.pre-commit-config.yaml` naming both hooks at the hook repository's commit."""
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hooks, check=True, capture_output=True, text=True
    ).stdout.strip()
    (corpus / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.as_uri()}\n    rev: {rev}\n"
        "    hooks:\n      - id: cleaner-lint\n      - id: cleaner-fix\n",
        encoding="utf-8",
    )


def _run_hook(corpus: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`pre-commit run HOOK --all-files`; the hook's virtualenv is built once, in `home`."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, "--all-files"],
        cwd=corpus,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hooks_fail_fix_then_pass(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    hooks = _hook_repo(tmp_path / "hooks")
    corpus = _corpus_repo(tmp_path / "corpus")
    _configure(corpus, hooks)
    home = tmp_path / "pre-commit-home"

    first = _run_hook(corpus, "cleaner-lint", home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "article.txt:1:1: section-kicker" in first.stdout
    assert "notes.py" not in first.stdout

    fixed = _run_hook(corpus, "cleaner-fix", home)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # files were modified
    assert "files were modified by this hook" in fixed.stdout
    article = (corpus / "article.txt").read_text(encoding="utf-8")
    assert article.startswith("Russian President Vladimir Putin was in the northeastern city")

    again = _run_hook(corpus, "cleaner-lint", home)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout
