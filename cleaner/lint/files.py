"""Which files a lint run reads: the named files, and corpus files in named folders.

From a folder, files ending in .txt, .md, .markdown or .jsonl are taken, in
sorted order; a file named explicitly is read whatever its suffix. `exclude`
globs (gitignore style, relative to the config root) apply to both, so a
pre-commit hook that names files still honours them. Symbolic links are never
followed, so a run never reads or rewrites a file outside the tree it was given.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

#: Suffixes of corpus files taken from a folder.
CORPUS_SUFFIXES = (".txt", ".md", ".markdown", ".jsonl")


@dataclass(frozen=True)
class Target:
    """A file to lint, or a reason it cannot be (`problem`)."""

    path: str
    problem: str | None = None

    @property
    def is_jsonl(self) -> bool:
        return self.path.lower().endswith(".jsonl")


def discover(paths: Sequence[str], root: Path, exclude: Sequence[str] = ()) -> list[Target]:
    """The targets under `paths`, each once, sorted by path."""
    spec = glob_spec(exclude) if exclude else None
    found: dict[str, Target] = {}
    for given in paths:
        for target in _expand(Path(given)):
            if spec is None or not _excluded(spec, target.path, root):
                found.setdefault(target.path, target)
    return [found[key] for key in sorted(found)]


def glob_spec(globs: Sequence[str]) -> pathspec.GitIgnoreSpec:
    """Globs matched as .gitignore lines are (`*.md`, `drafts/**`, `/top-level.txt`)."""
    return pathspec.GitIgnoreSpec.from_lines(globs)


def relative_to_root(path: str, root: Path) -> str:
    """`path` relative to `root`, posix style (the form globs are matched against)."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def _expand(path: Path) -> Iterator[Target]:
    if path.is_symlink():
        yield Target(str(path), "is a symbolic link: not followed")
    elif path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield Target(str(path))
    elif path.exists():
        yield Target(str(path), "not a regular file")
    else:
        yield Target(str(path), "no such file or folder")


def _walk(folder: Path) -> Iterator[Target]:
    for current, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            file = Path(current, name)
            if name.lower().endswith(CORPUS_SUFFIXES) and not file.is_symlink():
                yield Target(str(file))


def _excluded(spec: pathspec.GitIgnoreSpec, path: str, root: Path) -> bool:
    return spec.match_file(relative_to_root(path, root))
