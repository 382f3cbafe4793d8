"""What markup an alternative of a CSS selector cannot match without: the literals it names.

An element matches `[class~="related"]` only if its class attribute holds the
token `related`, and the parser built that attribute from the page's markup:
the markup holds `related` (in any case, as HTML's quirks mode compares class
names without case) in the value of a `class` attribute, with nothing a token
could continue with on either side. Tokens, ids and attribute names and values
are written between quotes, `=`, whitespace, `/` and `>`; none of those is a word
byte (an ASCII letter or digit, `_`, `-`, or a byte of a non-ASCII character),
so such a literal must occur as a whole word, and a value's in a value of its
attribute (the core tells where a place may be one: `src/attribute_values.rs`).
`[style*="display:none"]` needs its value in a `style` value, word or not; an
element of a tag (`nav`) needs its start tag (`<nav`), except tags the parser
makes up without one (`<html>`, `<tbody>`, `<p>` for a stray `</p>`, `<img>` for
`<image>`, ...).

Every literal an alternative names outside the arguments of pseudo-classes
(`:not(.x)` matches where `.x` is absent) is needed at once: all the compound
selectors of a complex selector match some element. Literals shorter than
three characters narrow nothing and are not looked for, and neither are those
found on nearly every page (attribute names beside their value, start tags of
an alternative that needs something else), nor literals that markup may spell
otherwise (character references), nor, in an alternative with a CSS escape
(`.ad\\-x`), whether a literal is a whole word.

A token written with character references (`class="rel&#97;ted"`), or after a
numeric reference to whitespace without its semicolon (`class="x&#32ads"`), is
missed; no real page does that to a class name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The simple selectors that name literal text: `.class`, `#id`, `[attr]`, `[attr op value]`.
_LITERALS = re.compile(
    r"""[.#](?P<token>[A-Za-z_][\w-]*)"""
    r"""|\[\s*(?P<name>[\w-]+)\s*(?:(?P<op>[~|^$*]?)=\s*"""
    r"""(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[\w-]+)))?"""
)
#: A type selector opening an alternative.
_TYPE = re.compile(r"(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?=$|[\s.#\[:>+~])")
#: Functional pseudo-classes: what is inside them may be negated (`:not(.x)`).
_PSEUDO_ARGUMENT = re.compile(r":[\w-]+\(")
#: Literal text that reads the same in raw markup (no escapes or character references).
_PLAIN = re.compile(r"[\w:;. -]+")
#: Shorter literals occur on nearly every page and narrow nothing.
_MIN_LITERAL = 3
#: Attribute operators whose value is the whole value, or one whole token of it.
_WHOLE_VALUE_OPERATORS = ("", "~")
#: Elements the HTML parser may create without a start tag of their name.
_IMPLIED_TAGS = frozenset({"html", "head", "body", "tbody", "tr", "colgroup", "p", "br", "img"})


@dataclass(frozen=True)
class Need:
    """A literal the page's markup must hold (ASCII case ignored) for an alternative to
    match: anywhere, or as a whole word; and, given an `attribute`, in a value of that
    attribute (a class token in a `class`, an id in an `id`)."""

    literal: str
    whole: bool
    attribute: str | None = None


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


def needs_of(alternative: str) -> tuple[Need, ...]:
    """The literals every element matching `alternative` (one part of a selector list)
    shows in the page's markup, each once.

    Of an attribute selector with a value, only the value: the attribute's name
    (`class`, `role`) is on nearly every page. A start tag only for an alternative
    that needs nothing else (most pages hold a `<div>`, few a `<marquee>`).
    """
    outside = _outside_pseudo_arguments(alternative)
    words = "\\" not in outside  # an escape may continue a token the pattern cut short
    found: list[Need] = []
    for match in _LITERALS.finditer(outside):
        value = match.group("dq") or match.group("sq") or match.group("bare")
        token, name = match.group("token"), match.group("name")
        if token is not None:
            attribute = "class" if match.group(0).startswith(".") else "id"
            found.append(Need(token, words, attribute))
        elif value is not None:
            whole = words and match.group("op") in _WHOLE_VALUE_OPERATORS
            found.append(Need(value, whole, name.lower()))
        else:
            found.append(Need(name, words))
    needs = [need for need in found if _is_plain(need.literal)]
    opening = _TYPE.match(outside)
    if not needs and opening is not None:
        tag = opening.group("tag").lower()
        if tag not in _IMPLIED_TAGS and len(tag) >= _MIN_LITERAL - 1:
            needs.append(Need("<" + tag, whole=False))
    return tuple(dict.fromkeys(needs))


def _is_plain(literal: str) -> bool:
    """Whether a literal is long enough to narrow and reads the same in raw markup."""
    return len(literal) >= _MIN_LITERAL and _PLAIN.fullmatch(literal) is not None


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
