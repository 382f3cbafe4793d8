"""The progress line on stderr: records, records/s, MB/s and errors, redrawn in place.

Shown only when stderr is a terminal unless forced on or off, so logs and pipes
never fill with carriage returns.
"""

from __future__ import annotations

import time
from typing import IO


class Progress:
    """Counts records as they are written and redraws one status line at most 4 times a second."""

    def __init__(self, stream: IO[str], *, enabled: bool, interval: float = 0.25) -> None:
        self.stream = stream
        self.enabled = enabled
        self.interval = interval
        self.started = time.monotonic()
        self.records = 0
        self.bytes = 0
        self.errors = 0
        self._drawn_at = 0.0
        self._width = 0

    def update(self, *, size: int, failed: bool) -> None:
        """Count one record of `size` bytes; redraw if the last redraw is old enough."""
        self.records += 1
        self.bytes += size
        self.errors += failed
        if self.enabled:
            now = time.monotonic()
            if now - self._drawn_at >= self.interval:
                self._draw(now)

    @property
    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    def line(self) -> str:
        """The status text: `12,345 records  812.3 records/s  4.21 MB/s  3 errors`."""
        seconds = self.elapsed
        return (
            f"{self.records:,} records  {self.records / seconds:,.1f} records/s  "
            f"{self.bytes / seconds / 1e6:,.2f} MB/s  {self.errors:,} errors"
        )

    def _draw(self, now: float) -> None:
        text = "cleaner: " + self.line()
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)
        self._drawn_at = now

    def close(self) -> None:
        """Leave the final figures on their own line."""
        if self.enabled and self.records:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
