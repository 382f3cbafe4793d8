"""Reading a learning corpus: files, folders (walked) and JSON Lines records with a url.

Every document comes with the site it belongs to, because rules are learned per
site: from `--site` when given, else the host of its url, else a folder named
like a host (`corpus/example.com/a.txt`). Sites found by a rule's fingerprint
are filled in later, once the document has been cleaned.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.errors import InputError
from cleaner.inputs import iter_inputs
from cleaner.urls import site_of

#: Suffixes read as JSON Lines, one record per line.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Record fields that may hold the raw document, in order of preference.
CONTENT_FIELDS = ("raw", "html", "content", "text", "body")


@dataclass(frozen=True)
class CorpusDocument:
    """One raw document of the corpus, where it came from, and its site if known."""

    name: str
    raw: str | bytes
    url: str | None
    site: str | None


def read_corpus(paths: Sequence[str], site: str | None = None) -> Iterator[CorpusDocument]:
    """Yield the corpus's documents in the order given; folders walked in sorted order.

    JSON Lines files (named, or found in a folder) give one document per
    record; `site`, when given, is the site of every document.
    """
    for raw_path in paths:
        path = Path(raw_path)
        if path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
            yield from read_jsonl(path, site)
            continue
        for item in iter_inputs([raw_path]):
            yield CorpusDocument(item.name, item.data, None, site or _folder_site(item.name))
        if path.is_dir():
            for jsonl in sorted(p for p in path.rglob("*") if p.suffix.lower() in JSONL_SUFFIXES):
                yield from read_jsonl(jsonl, site)


def read_jsonl(path: Path, site: str | None = None) -> Iterator[CorpusDocument]:
    """One document per JSON Lines record: `{"url": ..., "raw"|"html"|"text"|...: ...}`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read: {error}") from None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _record_document(path, number, line, site)


def _record_document(path: Path, number: int, line: str, site: str | None) -> CorpusDocument:
    where = f"{path}:{number}"
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{where}: expected a JSON object, got invalid JSON: {error.msg}"
        ) from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with url and text fields")
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        raise InputError(f"{where}: url: expected a string")
    content = next((record[f] for f in CONTENT_FIELDS if isinstance(record.get(f), str)), None)
    if content is None:
        fields = ", ".join(CONTENT_FIELDS)
        raise InputError(f"{where}: expected a string field holding the document ({fields})")
    return CorpusDocument(where, content, url, site or site_of(url))


def _folder_site(name: str) -> str | None:
    """The site named by the file's folder (`.../example.com/a.txt`), if it looks like a host."""
    folder = Path(name).parent.name.lower()
    if "." in folder and all(part.isalnum() or "-" in part for part in folder.split(".") if part):
        return folder.removeprefix("www.")
    return None
