"""A time limit per document: checked between pipeline steps, enforced by a timer
where the platform allows, so one pathological page cannot hang a scraping job."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DocumentTimeout(Exception):
    """Raised inside the pipeline when a document has used up its time."""


class Deadline:
    """When the current document must be finished; `check` between steps."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.expires = None if seconds is None else time.monotonic() + seconds

    def remaining(self) -> float | None:
        """Seconds left (negative once passed); None without a limit."""
        return None if self.expires is None else self.expires - time.monotonic()

    def check(self) -> None:
        """Stop the document (raise DocumentTimeout) once its time is up."""
        if self.expires is not None and time.monotonic() > self.expires:
            raise DocumentTimeout


@contextmanager
def enforced(deadline: Deadline) -> Iterator[None]:
    """Interrupt a step that runs past the deadline.

    Uses a real-time timer signal, which Python delivers only in the main
    thread and only between bytecodes: it stops Python-level work (our page
    walk, trafilatura's tree code) but waits for one long C call, such as a
    parse, to return. Elsewhere the checks between steps are the limit; every
    step is bounded in practice (the regex engine is linear in its input).
    """
    if deadline.seconds is None or not _can_use_timer():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, max(deadline.seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_use_timer() -> bool:
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return False
    # Leave a timer the host program set for itself alone.
    return signal.getitimer(signal.ITIMER_REAL)[0] == 0 and signal.getsignal(signal.SIGALRM) in (
        signal.SIG_DFL,
        signal.SIG_IGN,
        None,
    )


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise DocumentTimeout
