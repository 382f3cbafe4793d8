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

#: Which set a trigger is in: its scope and, for head and tail, the region's line count;
#: for the whole text, 1 for the leading parts of multi-line triggers, 0 for the others.
Group = tuple[PrefilterScope, int]
Slot = tuple[Group, int]


@dataclass(frozen=True)
class Prefilter:
    """The compiled sets for one rule list, and where each rule's trigger sits in them.

    Head and tail triggers are grouped by the rule's `lines`, and each group is
    matched on its own region: most head rules look at one to three lines, and
    should not pay for a pass over the twelve lines a few others look at. The
    leading parts of multi-line triggers are a set of their own: their rules
    run early, and the other whole-text triggers are best matched later, on a
    text that earlier rules have already cleared of lines.
    """

    slots: tuple[Slot | None, ...]
    sets: dict[Group, PatternSet]

    @classmethod
    def build(cls, rules: Sequence[Rule]) -> Prefilter:
        sources: dict[Group, list[str]] = {}
        slots: list[Slot | None] = []
        for rule in rules:
            scope, source = rule.prefilter_scope, rule.prefilter_source
            if scope is None or source is None:
                slots.append(None)
                continue
            group = _group(rule, scope, source)
            found = sources.setdefault(group, [])
            slots.append((group, len(found)))
            found.append(source)
        return cls(tuple(slots), {group: PatternSet(found) for group, found in sources.items()})

    def track(self, buffer: TextBuffer) -> Candidates:
        """A per-document view that answers `may_fire` and refreshes itself after edits."""
        return Candidates(self, buffer)


def _group(rule: Rule, scope: PrefilterScope, source: str) -> Group:
    """The set a rule's prefilter pattern goes in (see `Group`)."""
    if scope != "text":
        return scope, rule.lines
    trigger = rule.trigger
    return scope, 0 if trigger is not None and source == trigger.source else 1


class Candidates:
    """Per-document answers of a Prefilter, recomputed only when an edit may change them."""

    def __init__(self, prefilter: Prefilter, buffer: TextBuffer) -> None:
        self._prefilter = prefilter
        self._buffer = buffer
        self._found: dict[Group, set[int]] = {}
        self._versions: dict[Group, int] = {}
        self._regions: dict[Group, str] = {}

    def may_fire(self, position: int) -> bool:
        """Whether the rule at `position` in the rule list can fire on the text as it is now.

        Asked for most rules of every document, so the common case (an answer
        still current) is settled here without a further call.
        """
        slot = self._prefilter.slots[position]
        if slot is None:
            return True
        group, index = slot
        buffer = self._buffer
        version = buffer.inline_version if group[0] == "text" else buffer.version
        if self._versions.get(group) != version:
            self._versions[group] = version
            self._refresh(group)
        return index in self._found[group]

    def _refresh(self, group: Group) -> None:
        """Match the group's set again, unless its region reads as it did last time."""
        sets = self._prefilter.sets
        if group[0] == "text":
            self._found[group] = sets[group].matching(self._buffer.subject.data)
            return
        region = self._region(group)
        if self._regions.get(group) != region:  # an edit elsewhere leaves the answer as it was
            self._regions[group] = region
            data = region.encode("utf-8", "surrogatepass")
            self._found[group] = sets[group].matching(data)

    def _region(self, group: Group) -> str:
        buffer = self._buffer
        scope, lines = group
        if scope == "head":
            return buffer.text[: buffer.head_end(lines)]
        return buffer.text[buffer.tail_start(lines) :]
