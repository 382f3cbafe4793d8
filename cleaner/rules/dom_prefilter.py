"""Which parts of the DOM rules' selectors can match a page, from one literal pass over its HTML.

Chrome selectors are long lists of alternatives (`[class~="related"],
[class~="related-posts"], #comments, ...`), and a page holds few of the class
and id tokens they name. Lexbor tries every alternative on every element, so a
page paid for hundreds of alternatives it could never match: about half of the
time of an HTML document went there. Most alternatives need some literal text
in the page's markup (a class token, an id, an attribute name or value, a start
tag: see `cleaner.rules.selector_needs`); one case-insensitive pass of the core's
literal set (Aho-Corasick) over the HTML tells which of those literals occur,
and which as whole words, and each rule then runs only the alternatives that can
match, or not at all.

The narrowing never loses a match: an alternative is dropped only when a
literal it cannot match without is absent from the markup, or never a whole word
there when it must be one, or never where the value of its attribute may be.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.regex import LiteralSet, utf8
from cleaner.rules.base import Rule
from cleaner.rules.selector_needs import Need, needs_of, split_selector

__all__ = ["Alternative", "DomPrefilter", "PageSelectors", "split_selector"]


@dataclass(frozen=True)
class Alternative:
    """One comma-separated part of a selector, and the literals it cannot match without."""

    source: str
    needs: tuple[Need, ...]


def _alternatives(selector: str | None) -> tuple[Alternative, ...] | None:
    if selector is None:
        return None
    return tuple(Alternative(part, needs_of(part)) for part in split_selector(selector))


#: An alternative's text and the keys a page must show for it to match (see `_keys`).
Checked = tuple[tuple[str, frozenset[int]], ...]


class DomPrefilter:
    """The alternatives of every DOM rule's selector and of `page_selectors` (those the
    HTML path runs itself: `cleaner.page_selectors`), and one set of their literals."""

    def __init__(self, rules: Sequence[Rule], page_selectors: Sequence[str] = ()) -> None:
        alternatives = tuple(_alternatives(rule.dom_selector) for rule in rules)
        own = {selector: _alternatives(selector) or () for selector in page_selectors}
        sought = sorted(
            {
                (need.literal, need.attribute or "")
                for alts in (*alternatives, *own.values())
                if alts
                for alt in alts
                for need in alt.needs
            }
        )
        index = {pair: position for position, pair in enumerate(sought)}
        self._rules = tuple(
            None if alts is None else _checked(alts, index) for alts in alternatives
        )
        self._own = {selector: _checked(alts, index) for selector, alts in own.items()}
        self._set = LiteralSet(
            [literal for literal, _ in sought], [attribute or None for _, attribute in sought]
        )

    def scan(self, html: str | bytes) -> PageSelectors:
        """The narrowed selectors for one page's markup (text, or the UTF-8 bytes the
        caller encoded it to already)."""
        data = html if isinstance(html, bytes) else utf8(html)
        anywhere, whole = self._set.occurrences(data, markup=True)
        found = {_key(index, whole=False) for index in anywhere}
        found.update(_key(index, whole=True) for index in whole)
        return PageSelectors(self._rules, self._own, frozenset(found))


#: The position of each (literal, attribute or "") in the literal set.
Index = dict[tuple[str, str], int]


def _checked(alternatives: tuple[Alternative, ...], index: Index) -> Checked:
    return tuple((alt.source, _keys(alt, index)) for alt in alternatives)


def _keys(alternative: Alternative, index: Index) -> frozenset[int]:
    """What a page must show for `alternative` to match: one key per need."""
    return frozenset(
        _key(index[need.literal, need.attribute or ""], need.whole) for need in alternative.needs
    )


def _key(literal: int, whole: bool) -> int:
    """One key per literal and kind of occurrence (anywhere, as a whole word)."""
    return 2 * literal + whole


@dataclass(frozen=True)
class PageSelectors:
    """Per page: which alternatives of each rule's selector, and of the HTML path's own
    selectors, can match it.

    `rules`: per DOM rule, its alternatives with the keys each needs (None for a
    rule without a selector); `own`: the same for each of the HTML path's
    selectors; `found`: the keys the page's markup shows.
    """

    rules: tuple[Checked | None, ...]
    own: dict[str, Checked]
    found: frozenset[int]

    def can_match(self, position: int) -> bool:
        """Whether the rule at `position` of the DOM rules may find anything on this page."""
        alternatives = self.rules[position]
        found = self.found
        return alternatives is None or any(keys <= found for _, keys in alternatives)

    def selector(self, position: int) -> str | None:
        """The rule's selector cut to the alternatives that can match (None: it has none)."""
        alternatives = self.rules[position]
        if alternatives is None:
            return None
        found = self.found
        return ", ".join(source for source, keys in alternatives if keys <= found)

    def narrowed(self, selector: str) -> str:
        """One of the HTML path's selectors cut to the alternatives that can match this
        page ("": none can). A selector the prefilter was not built with comes back
        whole."""
        alternatives = self.own.get(selector)
        if alternatives is None:
            return selector
        found = self.found
        return ", ".join(source for source, keys in alternatives if keys <= found)
