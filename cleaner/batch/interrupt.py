"""Ctrl-C during a batch run: the first one asks the run to stop between records.

The run then stops its workers, flushes and keeps the output written so far
(whole JSON lines only); a second Ctrl-C interrupts at once as usual.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class StopFlag:
    """Set by the first SIGINT; the run checks it after every record."""

    def __init__(self) -> None:
        self.requested = False

    def request(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)


@contextmanager
def graceful_interrupt() -> Iterator[StopFlag]:
    """A StopFlag wired to SIGINT for the duration (only in the main thread)."""
    flag = StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return
    previous = signal.signal(signal.SIGINT, flag.request)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)
