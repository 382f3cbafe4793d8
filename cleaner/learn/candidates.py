"""Choosing what to learn: recurring lines and recurring blocks of lines, per site.

A line is a candidate when it recurs in at least `min_support` documents of a
site. Documents mostly made of recurring lines are copies of one story (the
same article scraped twice, a syndicated wire piece) and do not count as
support, so a repeated article is not mistaken for boilerplate. A run of two or
more recurring lines that opens and closes the same way in `min_support`
documents is a block (an appeal, a newsletter box); other recurring lines are
single-line candidates unless they read like article prose (long sentences).
A line recurring in documents of two or more sites becomes a global candidate.
Documents with no known site are studied together like the documents of one
more site, and what recurs among them is global too: there is no site to name.
Support must come from `min_support` documents of different stories
(`stories`): a wire sentence printed by several sites is not boilerplate.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cleaner.learn.lines import DocumentLines, Line
from cleaner.learn.stories import StoryIndex


@dataclass(frozen=True)
class Settings:
    """The knobs of candidate selection (the `cleaner learn` options)."""

    min_support: int = 3
    #: A single line of this many words or more reads like article prose.
    prose_words: int = 25
    #: Longest single line (characters) taken as a candidate.
    max_chars: int = 300
    #: A document with more than this share of its text in recurring lines is a copy.
    copy_share: float = 0.8
    #: Longest block (rows, blank ones included) taken as a candidate.
    max_block_rows: int = 60


@dataclass(frozen=True)
class Occurrence:
    """Where a candidate was seen: a document and the kept-line indexes of its first and last."""

    document: DocumentLines
    first: int
    last: int

    @property
    def lines(self) -> list[Line]:
        return self.document.kept[self.first : self.last + 1]

    @property
    def rows(self) -> int:
        return self.lines[-1].row - self.lines[0].row + 1


@dataclass
class Candidate:
    """A line (first == last) or block that recurs, with every place it was seen."""

    #: The site the rule is for; None: every site.
    site: str | None
    keys: tuple[str, str]
    occurrences: list[Occurrence] = field(default_factory=list)
    documents: int = 0

    @property
    def is_block(self) -> bool:
        return self.keys[0] != self.keys[1]

    @property
    def siteless(self) -> bool:
        """Whether it was learned from documents with no known site (and is global for that)."""
        return not any(o.document.site for o in self.occurrences)

    @property
    def support(self) -> int:
        return len({id(o.document) for o in self.occurrences})

    @property
    def documents_seen(self) -> list[DocumentLines]:
        """The documents it occurs in, each once, in corpus order."""
        return list({id(o.document): o.document for o in self.occurrences}.values())

    def texts(self, end: bool = False) -> list[str]:
        """Every observed text of the first (or last) line."""
        return [(o.lines[-1] if end else o.lines[0]).text for o in self.occurrences]


def select_candidates(
    documents: Sequence[DocumentLines], settings: Settings
) -> tuple[list[Candidate], int]:
    """Global and per-site candidates, best supported first; and the number of copies set aside."""
    copies = _copies(documents, settings)
    originals = [d for d in documents if id(d) not in copies]
    global_keys = _cross_site_keys(originals, settings.min_support)
    candidates = _line_candidates(None, originals, global_keys, settings)
    by_site: dict[str | None, list[DocumentLines]] = defaultdict(list)
    for document in originals:
        by_site[document.site or None].append(document)
    for site in sorted(by_site, key=lambda site: (site is not None, site or "")):
        candidates += _site_candidates(site, by_site[site], global_keys, settings)
    stories = StoryIndex(originals, settings.min_support)
    enough = settings.min_support
    kept = [c for c in candidates if stories.distinct_stories(c.documents_seen, enough) >= enough]
    return kept, len(documents) - len(originals)


def _copies(documents: Sequence[DocumentLines], settings: Settings) -> set[int]:
    """Ids of documents most of whose text recurs in other documents of their site."""
    frequencies = {
        site: _document_frequency(d for d in documents if d.site == site)
        for site in {d.site for d in documents}
    }
    copies: set[int] = set()
    for document in documents:
        frequency = frequencies[document.site]
        total = sum(len(line.text) for line in document.kept)
        shared = sum(
            len(line.text) for line in document.kept if frequency[line.key] >= settings.min_support
        )
        if total and shared > settings.copy_share * total:
            copies.add(id(document))
    return copies


def _document_frequency(documents: Iterable[DocumentLines]) -> Counter[str]:
    frequency: Counter[str] = Counter()
    for document in documents:
        frequency.update(document.keys)
    return frequency


def _cross_site_keys(documents: Sequence[DocumentLines], min_support: int) -> set[str]:
    """Keys seen in documents of two or more sites (no site counts as one) and enough documents."""
    sites: dict[str, set[str | None]] = defaultdict(set)
    frequency = _document_frequency(documents)
    for document in documents:
        for key in document.keys:
            if frequency[key] >= min_support:
                sites[key].add(document.site)
    return {key for key, seen in sites.items() if len(seen) >= 2}


def _site_candidates(
    site: str | None, documents: list[DocumentLines], skip: set[str], settings: Settings
) -> list[Candidate]:
    """The blocks and lines recurring in one site's documents (None: the site-less ones)."""
    frequency = _document_frequency(documents)
    recurring = {k for k, n in frequency.items() if n >= settings.min_support and k not in skip}
    blocks = _block_candidates(site, documents, recurring, settings)
    in_blocks = {line.key for block in blocks for o in block.occurrences for line in o.lines}
    return blocks + _line_candidates(site, documents, recurring - in_blocks, settings)


def _block_candidates(
    site: str | None, documents: list[DocumentLines], recurring: set[str], settings: Settings
) -> list[Candidate]:
    found: dict[tuple[str, str], Candidate] = {}
    for document in documents:
        for first, last in _recurring_runs(document, recurring, settings):
            occurrence = Occurrence(document, first, last)
            if occurrence.rows > settings.max_block_rows:
                continue
            keys = (document.kept[first].key, document.kept[last].key)
            found.setdefault(keys, Candidate(site, keys, documents=len(documents)))
            found[keys].occurrences.append(occurrence)
    blocks = [c for c in found.values() if c.support >= settings.min_support]
    return sorted(blocks, key=lambda c: -c.support)


def _recurring_runs(
    document: DocumentLines, recurring: set[str], settings: Settings
) -> list[tuple[int, int]]:
    """(first, last) kept-line indexes of maximal runs of two or more recurring lines.

    Prose-length lines at either edge are trimmed off: a block opens and closes
    on its own short lines, not on a repeated article paragraph next to it.
    """
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, line in enumerate([*document.kept, None]):
        if line is not None and line.key in recurring:
            start = index if start is None else start
            continue
        if start is not None and index - start >= 2:
            runs.append((start, index - 1))
        start = None
    trimmed = [_trim(document, first, last, settings) for first, last in runs]
    return [(a, b) for a, b in trimmed if b > a and document.kept[a].key != document.kept[b].key]


def _trim(document: DocumentLines, first: int, last: int, s: Settings) -> tuple[int, int]:
    while first < last and document.kept[first].words >= s.prose_words:
        first += 1
    while last > first and document.kept[last].words >= s.prose_words:
        last -= 1
    return first, last


def _line_candidates(
    site: str | None, documents: Sequence[DocumentLines], keys: set[str], settings: Settings
) -> list[Candidate]:
    found: dict[str, Candidate] = {}
    for document in documents:
        seen: set[str] = set()
        for index, line in enumerate(document.kept):
            if line.key not in keys or line.key in seen or not _fits_single(line, settings):
                continue
            seen.add(line.key)
            candidate = found.setdefault(
                line.key, Candidate(site, (line.key, line.key), documents=len(documents))
            )
            candidate.occurrences.append(Occurrence(document, index, index))
    lines = [c for c in found.values() if c.support >= settings.min_support]
    return sorted(lines, key=lambda c: (-c.support, c.keys[0]))


def _fits_single(line: Line, settings: Settings) -> bool:
    """Short enough, not prose-length, and holding a letter (not a bare separator)."""
    return (
        len(line.text) <= settings.max_chars
        and line.words < settings.prose_words
        and any(char.isalpha() for char in line.text)
    )
