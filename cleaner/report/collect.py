"""Gathering a corpus run's figures: statuses, removals per rule and per site, shares, samples.

Only counters and one small record per document are kept; the full text of
a document is kept only for the sampled ones (reservoir sampling with a
fixed seed, so a run is reproducible and memory stays bounded).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from cleaner.document import Document, Format


@dataclass(frozen=True)
class DocumentRow:
    """One document's line in the report."""

    name: str
    site: str | None
    status: str
    reason: str | None
    format: Format
    removals: int
    removed_chars: int
    kept_chars: int

    @property
    def removed_share(self) -> float:
        """Share of the document's text removed: removed / (removed + kept) characters."""
        total = self.removed_chars + self.kept_chars
        return self.removed_chars / total if total else 0.0


@dataclass(frozen=True)
class Sample:
    """A sampled document: its decoded input and the cleaned result, for before/after views."""

    name: str
    raw_text: str
    document: Document


@dataclass
class RuleFigures:
    """How much one rule (or one site) removed across the corpus."""

    removals: int = 0
    documents: int = 0
    chars: int = 0


@dataclass
class CorpusFigures:
    """Everything the report shows, filled document by document."""

    sample_size: int = 6
    seed: int = 0
    rows: list[DocumentRow] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    rules: dict[str, RuleFigures] = field(default_factory=dict)
    sites: dict[str, RuleFigures] = field(default_factory=dict)
    site_documents: Counter[str] = field(default_factory=Counter)
    samples: list[Sample] = field(default_factory=list)
    _random: random.Random = field(default_factory=random.Random, repr=False)

    def __post_init__(self) -> None:
        self._random.seed(self.seed)

    def add(self, name: str, raw_text: str, document: Document) -> None:
        """Count one cleaned document in."""
        removed_chars = sum(len(r.text) for r in document.removed)
        row = DocumentRow(
            name,
            document.site,
            document.status,
            document.reason,
            document.format,
            len(document.removed),
            removed_chars,
            len(document.text),
        )
        self.rows.append(row)
        self.statuses[document.status] += 1
        site = document.site or "(unknown)"
        self.site_documents[site] += 1
        self._count_removals(document, site)
        self._sample(Sample(name, raw_text, document))

    def _count_removals(self, document: Document, site: str) -> None:
        seen: set[str] = set()
        site_figures = self.sites.setdefault(site, RuleFigures())
        for removal in document.removed:
            figures = self.rules.setdefault(removal.rule, RuleFigures())
            figures.removals += 1
            figures.chars += len(removal.text)
            if removal.rule not in seen:
                figures.documents += 1
                seen.add(removal.rule)
            site_figures.removals += 1
            site_figures.chars += len(removal.text)
        if document.removed:
            site_figures.documents += 1

    def _sample(self, sample: Sample) -> None:
        seen = len(self.rows)
        if len(self.samples) < self.sample_size:
            self.samples.append(sample)
            return
        slot = self._random.randrange(seen)
        if slot < self.sample_size:
            self.samples[slot] = sample
