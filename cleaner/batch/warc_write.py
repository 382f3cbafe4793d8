"""Writing WARC files of HTML responses: for benchmarks, tests and converting crawls.

Each page becomes one `response` record (an HTTP/1.1 200 response with its
Content-Type), gzip-compressed per record when the path ends in `.gz`, as
WARC.gz readers expect.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO


@dataclass(frozen=True)
class Page:
    """One fetched page to archive: its url, body and the Content-Type it was served with."""

    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"


def write_warc(path: str, pages: Iterable[Page]) -> int:
    """Write `pages` as WARC response records to `path` (.gz: gzip per record); return the count."""
    compress = path.lower().endswith(".gz")
    count = 0
    with open(path, "wb") as stream:
        for page in pages:
            write_record(stream, page, compress=compress)
            count += 1
    return count


def write_record(stream: BinaryIO, page: Page, *, compress: bool) -> None:
    """Append one response record for `page` to `stream`."""
    from fastwarc.warc import WarcRecord, WarcRecordType

    http = (
        b"HTTP/1.1 200 OK\r\n"
        + f"Content-Type: {page.content_type}\r\nContent-Length: {len(page.body)}\r\n\r\n".encode()
        + page.body
    )
    record = WarcRecord()
    record.init_headers(WarcRecordType.response)
    record.headers["WARC-Target-URI"] = page.url
    record.headers["Content-Type"] = "application/http; msgtype=response"
    record.set_bytes_content(http)
    buffer = io.BytesIO()
    record.write(buffer)
    data = buffer.getvalue()
    stream.write(gzip.compress(data) if compress else data)
