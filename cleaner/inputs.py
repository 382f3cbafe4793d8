"""Where inputs come from: files, folders (walked), or `-` for stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import InputError
from cleaner.read import INPUT_SUFFIXES


@dataclass(frozen=True)
class Input:
    """One raw input and the name to report it under."""

    name: str
    data: bytes


def iter_inputs(paths: Sequence[str]) -> Iterator[Input]:
    """Yield inputs in the order given; folders are walked in sorted order.

    From a folder, only files with an input suffix are taken; a file named
    explicitly is read whatever its suffix.
    """
    for raw in paths:
        if raw == "-":
            yield Input("-", sys.stdin.buffer.read())
            continue
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in INPUT_SUFFIXES:
                    yield _read(file)
        elif path.exists():
            yield _read(path)
        else:
            raise InputError(f"{raw}: no such file or folder")


def _read(path: Path) -> Input:
    try:
        return Input(str(path), path.read_bytes())
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
