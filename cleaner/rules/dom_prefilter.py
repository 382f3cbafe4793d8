"""Which parts of the DOM rules' selectors can match a page, from one literal pass over its HTML.

Chrome selectors are long lists of alternatives (`[class~="related"],
[class~="related-posts"], #comments, ...`), and a page holds few of the class
and id tokens they name. Lexbor tries every alternative on every element, so a
page paid for hundreds of alternatives it could never match: about half of the
time of an HTML document went there. Most alternatives need some literal text
in the page's markup (a class token, an id, an attribute name or value); one
case-insensitive pass of the core's literal set (Aho-Corasick) over the HTML
tells which of those literals occur, and each rule then runs only the
alternatives that can match, or not at all.

The narrowing never loses a match: an alternative is dropped only when a
literal it cannot match without is absent from the markup. (A token written with
character references, `class="rel&#97;ted"`, is the one way to hide it; no
real page does that to a class name.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.regex import LiteralSet, utf8
from cleaner.rules.base import Rule

#: The simple selectors that name literal text: `.class`, `#id`, `[attr]`, `[attr op value]`.
_LITERALS = re.compile(
    r"""[.#](?P<token>[A-Za-z_][\w-]*)"""
    r"""|\[\s*(?P<name>[\w-]+)\s*(?:[~|^$*]?=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[\w-]+)))?"""
)
#: Functional pseudo-classes: what is inside them may be negated (`:not(.x)`).
_PSEUDO_ARGUMENT = re.compile(r":[\w-]+\(")
#: Literal text that reads the same in raw markup (no escapes or character references).
_PLAIN = re.compile(r"[\w:;. -]+")
#: Shorter literals occur on nearly every page and narrow nothing.
_MIN_LITERAL = 3


@dataclass(frozen=True)
class Alternative:
    """One comma-separated part of a selector, with a literal it cannot match without."""

    source: str
    literal: str | None


def split_selector(selector: str) -> list[str]:
    """The top-level comma-separated alternatives of a selector list."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(selector):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selector[start:index].strip())
            start = index + 1
    parts.append(selector[start:].strip())
    return [part for part in parts if part]


def required_literal(alternative: str) -> str | None:
    """The longest literal every element matching `alternative` shows in its markup."""
    candidates: list[str] = []
    for match in _LITERALS.finditer(_outside_pseudo_arguments(alternative)):
        value = match.group("dq") or match.group("sq") or match.group("bare")
        candidates.extend(
            found for found in (match.group("token"), match.group("name"), value) if found
        )
    usable = [c for c in candidates if len(c) >= _MIN_LITERAL and _PLAIN.fullmatch(c)]
    return max(usable, key=len, default=None)


def _outside_pseudo_arguments(alternative: str) -> str:
    """The alternative without the arguments of `:not(...)`, `:is(...)` and the like."""
    kept, depth, index = [], 0, 0
    while index < len(alternative):
        opening = _PSEUDO_ARGUMENT.match(alternative, index) if depth == 0 else None
        if opening:
            depth, index = 1, opening.end()
            continue
        char = alternative[index]
        if depth:
            depth += {"(": 1, ")": -1}.get(char, 0)
        else:
            kept.append(char)
        index += 1
    return "".join(kept)


def _alternatives(selector: str | None) -> tuple[Alternative, ...] | None:
    if selector is None:
        return None
    return tuple(Alternative(part, required_literal(part)) for part in split_selector(selector))


class DomPrefilter:
    """The alternatives of every DOM rule's selector, and one set of their literals."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._alternatives = tuple(_alternatives(rule.dom_selector) for rule in rules)
        literals = sorted(
            {alt.literal for alts in self._alternatives if alts for alt in alts if alt.literal}
        )
        self._index = {literal: position for position, literal in enumerate(literals)}
        self._set = LiteralSet(literals)

    def scan(self, html: str | bytes) -> PageSelectors:
        """The narrowed selector of each rule for one page's markup (text, or the
        UTF-8 bytes the caller encoded it to already)."""
        found = self._set.present(html if isinstance(html, bytes) else utf8(html))
        return PageSelectors(self._alternatives, self._index, found)


@dataclass(frozen=True)
class PageSelectors:
    """Per page: which alternatives of each rule's selector can match it."""

    alternatives: tuple[tuple[Alternative, ...] | None, ...]
    index: dict[str, int]
    found: set[int]

    def can_match(self, position: int) -> bool:
        """Whether the rule at `position` of the DOM rules may find anything on this page."""
        alternatives = self.alternatives[position]
        return alternatives is None or any(map(self._possible, alternatives))

    def selector(self, position: int) -> str | None:
        """The rule's selector cut to the alternatives that can match (None: it has none)."""
        alternatives = self.alternatives[position]
        if alternatives is None:
            return None
        return ", ".join(alt.source for alt in alternatives if self._possible(alt))

    def _possible(self, alternative: Alternative) -> bool:
        literal = alternative.literal
        return literal is None or self.index[literal] in self.found
