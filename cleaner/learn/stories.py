"""Telling stories apart: support counts documents of *different* stories.

The same sentence in three scrapes of one wire story is article text; a line in
three unrelated stories is boilerplate. Two documents tell the same story when
a good share of their own text (lines that do not recur across their site)
is shared, measured on five-word shingles.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from cleaner.learn.lines import DocumentLines

_SHINGLE_WORDS = 5
#: Share of the smaller document's shingles two documents of one story have in common.
_SAME_STORY_SHARE = 0.25


class StoryIndex:
    """Each document's own shingles, and a memo of which pairs tell the same story."""

    def __init__(self, documents: Sequence[DocumentLines], min_support: int) -> None:
        by_site: dict[str | None, list[DocumentLines]] = defaultdict(list)
        for document in documents:
            by_site[document.site].append(document)
        self._shingles: dict[int, set[int]] = {}
        for group in by_site.values():
            frequency: Counter[str] = Counter()
            for document in group:
                frequency.update(document.keys)
            for document in group:
                own = [ln.text for ln in document.kept if frequency[ln.key] < min_support]
                self._shingles[id(document)] = _shingles(own)
        self._memo: dict[tuple[int, int], bool] = {}

    def same_story(self, a: DocumentLines, b: DocumentLines) -> bool:
        key = (min(id(a), id(b)), max(id(a), id(b)))
        if key not in self._memo:
            first, second = self._shingles.get(id(a), set()), self._shingles.get(id(b), set())
            smaller = min(len(first), len(second))
            self._memo[key] = bool(smaller) and len(first & second) >= _SAME_STORY_SHARE * smaller
        return self._memo[key]

    def distinct_stories(self, documents: Sequence[DocumentLines], enough: int) -> int:
        """How many of `documents` tell different stories, counted greedily up to `enough`."""
        chosen: list[DocumentLines] = []
        for document in documents:
            if not any(self.same_story(document, other) for other in chosen):
                chosen.append(document)
                if len(chosen) >= enough:
                    break
        return len(chosen)


def _shingles(lines: Sequence[str]) -> set[int]:
    words = " ".join(lines).lower().split()
    if len(words) < _SHINGLE_WORDS:
        return {hash(" ".join(words))} if words else set()
    return {
        hash(" ".join(words[i : i + _SHINGLE_WORDS]))
        for i in range(len(words) - _SHINGLE_WORDS + 1)
    }
