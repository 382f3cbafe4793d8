"""Which rules can fire on a document, from a few RE2 set passes instead of one search per rule.

Rules are grouped by where their trigger is looked for: the whole text (line-
local triggers), the head region, the tail region. Each group is one RE2 set
of relaxed patterns (see `pattern_shape`), so an answer may name a rule that
then finds nothing, but never leaves out one that would fire. The whole-text
answer is kept until an edit changes text inside a line; the head and tail
answers, which depend on position, until an edit changes the region's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.buffer import TextBuffer
from cleaner.regex import PatternSet
from cleaner.rules.base import PrefilterScope, Rule
from cleaner.rules.regions import head_end, tail_start

Slot = tuple[PrefilterScope, int]


@dataclass(frozen=True)
class Prefilter:
    """The compiled sets for one rule list, and where each rule's trigger sits in them."""

    slots: tuple[Slot | None, ...]
    sets: dict[PrefilterScope, PatternSet]
    head_lines: int
    tail_lines: int

    @classmethod
    def build(cls, rules: Sequence[Rule]) -> Prefilter:
        sources: dict[PrefilterScope, list[str]] = {"text": [], "head": [], "tail": []}
        slots: list[Slot | None] = []
        for rule in rules:
            scope = rule.prefilter_scope
            if scope is None or rule.trigger is None:
                slots.append(None)
                continue
            slots.append((scope, len(sources[scope])))
            sources[scope].append(rule.trigger.source)
        return cls(
            tuple(slots),
            {scope: PatternSet(found) for scope, found in sources.items()},
            max((r.lines for r in rules if r.prefilter_scope == "head"), default=1),
            max((r.lines for r in rules if r.prefilter_scope == "tail"), default=1),
        )

    def track(self, buffer: TextBuffer) -> Candidates:
        """A per-document view that answers `may_fire` and refreshes itself after edits."""
        return Candidates(self, buffer)


class Candidates:
    """Per-document answers of a Prefilter, recomputed only when an edit may change them."""

    def __init__(self, prefilter: Prefilter, buffer: TextBuffer) -> None:
        self._prefilter = prefilter
        self._buffer = buffer
        self._found: dict[PrefilterScope, set[int]] = {}
        self._versions: dict[PrefilterScope, int] = {}
        self._regions: dict[PrefilterScope, str] = {}

    def may_fire(self, position: int) -> bool:
        """Whether the rule at `position` in the rule list can fire on the text as it is now."""
        slot = self._prefilter.slots[position]
        if slot is None:
            return True
        scope, index = slot
        return index in self._current(scope)

    def _current(self, scope: PrefilterScope) -> set[int]:
        buffer = self._buffer
        version = buffer.inline_version if scope == "text" else buffer.version
        if self._versions.get(scope) == version:
            return self._found[scope]
        self._versions[scope] = version
        if scope == "text":
            self._found[scope] = self._prefilter.sets[scope].matching(buffer.subject.data)
            return self._found[scope]
        region = self._region(scope)
        if self._regions.get(scope) != region:  # an edit elsewhere leaves the answer as it was
            self._regions[scope] = region
            data = region.encode("utf-8", "surrogatepass")
            self._found[scope] = self._prefilter.sets[scope].matching(data)
        return self._found[scope]

    def _region(self, scope: PrefilterScope) -> str:
        text = self._buffer.text
        if scope == "head":
            return text[: head_end(text, self._prefilter.head_lines)]
        return text[tail_start(text, self._prefilter.tail_lines) :]
