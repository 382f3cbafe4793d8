"""Write a file so that it is either wholly old or wholly new, whatever happens.

The new bytes go to a temporary file in the same folder (so the rename stays on
one file system), are flushed to disk, get the old file's mode, and replace the
old file with one atomic `os.replace`. A process killed at any moment leaves
the old file or the new one, never a half-written one (at worst a stray
`.NAME.*.cleaner-tmp` file next to it).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path`'s content with `data` atomically, keeping its mode (and owner if allowed)."""
    try:
        old = os.stat(path)
    except FileNotFoundError:
        old = None
    fd, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".cleaner-tmp"
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if old is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(old.st_mode))
                with contextlib.suppress(PermissionError):
                    os.fchown(handle.fileno(), old.st_uid, old.st_gid)
            else:  # a new file: the usual mode, not mkstemp's private 0600
                os.fchmod(handle.fileno(), 0o666 & ~_umask())
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform lets a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
