"""Which rules can fire on a document, from a few pattern-set passes instead of one search per rule.

Rules are grouped by where their trigger is looked for: the whole text (line-
local triggers), the head region, the tail region. Each group is one set
of relaxed patterns (see `cleaner.regex.PatternSet`), so an answer may name a rule that
then finds nothing, but never leaves out one that would fire. The whole-text
answer is kept until an edit changes text inside a line; the head and tail
answers, which depend on position, until an edit changes the region's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.buffer import TextBuffer
from cleaner.regex import PatternSet, utf8
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
    #: For head and tail rules, where the same trigger sits in the whole-text set: asked
    #: first, it spares a region pass (refreshed after every edit) on the many documents
    #: whose text holds the trigger nowhere.
    prechecks: tuple[Slot | None, ...] = ()

    @classmethod
    def build(cls, rules: Sequence[Rule]) -> Prefilter:
        sources: dict[Group, list[str]] = {}
        slots: list[Slot | None] = []
        prechecks: list[Slot | None] = []
        for rule in rules:
            scope, source = rule.prefilter_scope, rule.prefilter_source
            if scope is None or source is None:
                slots.append(None)
                prechecks.append(None)
                continue
            slots.append(_place(sources, _group(rule, scope, source), source))
            # A line-local trigger found in the region is found in the whole text too.
            whole: Group = ("text", 0)
            prechecks.append(None if scope == "text" else _place(sources, whole, source))
        sets = {group: PatternSet(found) for group, found in sources.items()}
        return cls(tuple(slots), sets, tuple(prechecks))

    def track(self, buffer: TextBuffer) -> Candidates:
        """A per-document view that answers `may_fire` and refreshes itself after edits."""
        return Candidates(self, buffer)


def _place(sources: dict[Group, list[str]], group: Group, source: str) -> Slot:
    """Add `source` to the group's patterns; return where it sits."""
    found = sources.setdefault(group, [])
    found.append(source)
    return group, len(found) - 1


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

        A head or tail rule is first looked up in the whole-text answer, which
        most edits leave current; only if its trigger occurs somewhere is its
        region matched again.
        """
        prefilter = self._prefilter
        precheck = prefilter.prechecks[position]
        if precheck is not None and not self._found_in(precheck):
            return False
        slot = prefilter.slots[position]
        return slot is None or self._found_in(slot)

    def _found_in(self, slot: Slot) -> bool:
        """Whether the pattern at `slot` may match the text as it is now."""
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
            data = utf8(region)
            self._found[group] = sets[group].matching(data)

    def _region(self, group: Group) -> str:
        buffer = self._buffer
        scope, lines = group
        if scope == "head":
            return buffer.text[: buffer.head_end(lines)]
        return buffer.text[buffer.tail_start(lines) :]
