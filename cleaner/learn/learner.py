"""`learn`: a corpus in, reviewed-ready rules out.

Each document is cleaned with the current rules first, so only what they
leave in the body is studied; recurring lines and blocks are then chosen
(`candidates`), turned into rules with examples from the corpus (`rules`) and
checked by loading them and running their examples (`writer`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cleaner.api import Cleaner
from cleaner.learn.candidates import Candidate, Settings, select_candidates
from cleaner.learn.corpus import CorpusDocument, read_corpus
from cleaner.learn.lines import DocumentLines, Line, document_lines
from cleaner.learn.rules import article_sentences, build_rule
from cleaner.learn.writer import keep_valid
from cleaner.read import decode


@dataclass
class LearnResult:
    """The learned rules (YAML-ready mappings) and what they were learned from."""

    rules: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0
    copies: int = 0
    sites: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def header(self, min_support: int) -> list[str]:
        """The comment lines heading the learned rule file."""
        sites = ", ".join(self.sites[:8]) or "none"
        if len(self.sites) > 8:
            sites += f" and {len(self.sites) - 8} more"
        return [
            f"Learned by `cleaner learn` from {self.documents} documents (sites: {sites});",
            f"lines and blocks recurring in at least {min_support} documents of a site.",
            f"{self.copies} documents that were mostly copies of others did not count.",
            "Review every rule before use: delete what is article text, widen what is too narrow.",
        ]


def learn(
    paths: Sequence[str], cleaner: Cleaner, settings: Settings, site: str | None = None
) -> LearnResult:
    """Learn rules from the corpus at `paths` (files, folders, JSON Lines)."""
    documents = [_studied(item, cleaner) for item in read_corpus(paths, site)]
    candidates, copies = select_candidates(documents, settings)
    result = LearnResult(documents=len(documents), copies=copies)
    result.sites = sorted({d.site for d in documents if d.site})
    rules = _rules(candidates, documents)
    result.rules, result.dropped = keep_valid(rules)
    return result


def _studied(item: CorpusDocument, cleaner: Cleaner) -> DocumentLines:
    text = decode(item.raw) if isinstance(item.raw, bytes) else item.raw
    document = cleaner.clean(text, url=item.url)
    site = item.site or document.site
    return document_lines(item.name, site, document.url is not None, text, document)


def _rules(candidates: list[Candidate], documents: list[DocumentLines]) -> list[dict[str, Any]]:
    recurring = {line.key for c in candidates for o in c.occurrences for line in o.lines}
    numbers: dict[str | None, int] = {}
    sentences: dict[str | None, list[Line]] = {}
    rules = []
    for candidate in candidates:
        site = candidate.site
        numbers[site] = numbers.get(site, 0) + 1
        if site not in sentences:
            scope = [d for d in documents if site is None or d.site == site]
            sentences[site] = article_sentences(scope, recurring)
        rules.append(build_rule(candidate, numbers[site], recurring, sentences[site]))
    return rules
