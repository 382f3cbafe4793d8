"""What an RE2 pattern's syntax tells about its matches, without running it.

The engine uses this to go faster without changing any result: how many line
breaks one match can span (a rule whose matches stay within a line can keep
its prefilter verdict when other lines are emptied), where matches open
(`\\A`, `^`), a relaxed form of the pattern with counted repetitions widened
(cheap for RE2's automata, and it matches wherever the pattern does), and
plain text every match must contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import re2

#: Unicode classes (`\\p{...}`) that do not contain '\\n' (which is Cc and Common).
_SAFE_PROPERTIES = frozenset(
    (
        *("L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No"),
        *("P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So"),
        *("Z", "Zs", "Zl", "Zp", "Latin", "Greek", "Cyrillic", "Han", "Arabic", "Hebrew"),
        *("Hiragana", "Katakana", "Hangul", "Thai", "Devanagari", "Armenian", "Georgian"),
    )
)
_SAFE_POSIX = frozenset(
    (
        "alnum",
        "alpha",
        "digit",
        "lower",
        "upper",
        "punct",
        "word",
        "xdigit",
        "graph",
        "print",
        "blank",
    )
)
_NEWLINE_POSIX = frozenset(("space", "cntrl"))
_CLASS_ESCAPES = {"t": 9, "n": 10, "r": 13, "f": 12, "v": 11, "a": 7}


@dataclass(frozen=True)
class Shape:
    """What a pattern's syntax tells about its matches.

    `newlines`: the most '\\n' one match can hold (None: no bound, or syntax
    the analysis does not follow). `opens`: where every match starts, when
    each alternative opens with an anchor: "text" (`\\A`), "line" (`^` or
    `\\A`), or "" (anywhere). `relaxed`: the pattern with every counted
    repetition `x{m,n}` widened to `x*` (m = 0) or `x+`, so it matches wherever
    the pattern does. `counted`: the largest bound of a counted repetition (0
    when there is none). `literal`: text every match contains, when the
    pattern has one alternative and no case-insensitive part ('' otherwise).
    `line_prefix`: for a pattern of one alternative, its leading items that
    cannot match '\\n', relaxed: every match opens with a match of it, on
    one line ('' when there is none, or the first item may match '\\n').
    """

    newlines: int | None
    opens: str
    relaxed: str
    counted: int
    literal: str = ""
    line_prefix: str = ""


def shape_of(source: str) -> Shape:
    """The shape of an RE2 pattern; anything not understood makes it unbounded."""
    try:
        parser = _ShapeParser(source)
        newlines, opens, relaxed = parser.alternation()
        if parser.pos != len(source):
            raise _Unsupported(source[parser.pos :])
        options = re2.Options()
        options.log_errors = False
        re2.compile(relaxed.encode("utf-8"), options)
    except (_Unsupported, ValueError, re2.error):
        return Shape(None, "", source, 0)
    exact_case = not _FLAG_I.search(source)
    literal = parser.literal if exact_case and "|" not in relaxed else ""
    line_prefix = parser.line_prefix if parser.top_sequences == 1 else ""
    return Shape(newlines, opens, relaxed, parser.counted, literal, line_prefix)


#: A flag group that turns on case-insensitive matching, `(?i)` or `(?mi:`.
_FLAG_I = re.compile(r"\(\?[a-zA-Z]*i")


class _Unsupported(Exception):
    """Syntax the analysis does not follow."""


def _plus(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _plain_character(atom: str) -> str:
    """The character an atom stands for when it is one plain character; else ''."""
    if len(atom) == 1 and atom not in ".^$|()[]{}*+?\\":
        return atom
    if len(atom) == 2 and atom[0] == "\\" and not atom[1].isalnum():
        return atom[1]
    return ""


class _ShapeParser:
    """A recursive-descent reading of RE2 syntax, tracking line breaks and `\\A`.

    Deliberately cautious: `.` and any class or escape that might match '\\n'
    count as one line break each; unknown escapes and constructs raise
    `_Unsupported`, which makes the pattern unbounded.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0
        self.depth = 0  # groups open around pos
        self.counted = 0
        self.literal = ""  # longest run of plain characters in the outermost sequence
        self.line_prefix = ""  # relaxed leading items of the outermost sequence with no '\n'
        self.top_sequences = 0  # alternatives of the outermost alternation

    def at(self, text: str) -> bool:
        return self.source.startswith(text, self.pos)

    def take(self) -> str:
        if self.pos >= len(self.source):
            raise _Unsupported("unexpected end")
        char = self.source[self.pos]
        self.pos += 1
        return char

    def alternation(self) -> tuple[int | None, str, str]:
        """`a|b|…` up to `)` or the end: (newlines, opens, relaxed text)."""
        newlines, opens, relaxed = self.sequence()
        parts = [relaxed]
        while self.at("|"):
            self.pos += 1
            more, more_opens, more_relaxed = self.sequence()
            newlines = None if newlines is None or more is None else max(newlines, more)
            opens = opens if opens == more_opens else "line" if opens and more_opens else ""
            parts.append(more_relaxed)
        return newlines, opens, "|".join(parts)

    def sequence(self) -> tuple[int | None, str, str]:
        total: int | None = 0
        opens: str | None = None  # set by the first item that is not a flag group
        parts = []
        run = ""
        outermost = self.depth == 0
        self.top_sequences += outermost
        in_prefix = outermost
        while self.pos < len(self.source) and not self.at("|") and not self.at(")"):
            newlines, item_opens, relaxed, flags_only = self.atom()
            plain = _plain_character(relaxed)
            newlines, relaxed, quantified = self.quantifiers(newlines, relaxed)
            total = _plus(total, newlines)
            in_prefix = in_prefix and newlines == 0
            if in_prefix:
                self.line_prefix += relaxed
            if opens is None and not (flags_only and not quantified):
                opens = "" if quantified else item_opens
            parts.append(relaxed)
            run = run + plain if plain and not quantified else ""
            if self.depth == 0 and len(run) > len(self.literal):
                self.literal = run
        return total, opens or "", "".join(parts)

    def quantifiers(self, newlines: int | None, relaxed: str) -> tuple[int | None, str, bool]:
        quantified = False
        while self.pos < len(self.source):
            char = self.source[self.pos]
            if char in "*+?":
                self.pos += 1
                relaxed += char
                if char != "?" and newlines != 0:
                    newlines = None
            elif char == "{" and (bounds := self.counted_bounds()) is not None:
                low, high = bounds
                self.counted = max(self.counted, high or low)
                relaxed += "*" if low == 0 else "+"
                if newlines != 0:
                    newlines = None if newlines is None or high is None else newlines * high
            else:
                break
            quantified = True
            if self.at("?"):  # non-greedy marker
                self.pos += 1
                relaxed += "?"
        return newlines, relaxed, quantified

    def counted_bounds(self) -> tuple[int, int | None] | None:
        """`{n}`, `{n,}` or `{n,m}` at pos, consumed; None when the brace is a literal."""
        close = self.source.find("}", self.pos)
        if close < 0:
            return None
        low, comma, high = self.source[self.pos + 1 : close].partition(",")
        if not low.isdigit() or (high and not high.isdigit()):
            return None
        self.pos = close + 1
        if not comma:
            return int(low), int(low)
        return int(low), int(high) if high else None

    def atom(self) -> tuple[int | None, str, str, bool]:
        """One atom: (newlines, opens, relaxed text, is a flag-only group like `(?i)`)."""
        start = self.pos
        char = self.source[self.pos]
        if char == "(":
            return self.group()
        if char == "[":
            in_class = self.char_class()
            return in_class, "", self.source[start : self.pos], False
        if char == "\\":
            newlines, opens = self.escape()
            return newlines, opens, self.source[start : self.pos], False
        if char in "*+?":
            raise _Unsupported("repetition of nothing")
        self.pos += 1
        if char == ".":
            return 1, "", char, False  # matches '\n' under the s flag; assume it may
        if char == "^":
            return 0, "line", char, False  # patterns are compiled multi-line
        return int(char == "\n"), "", char, False

    def group(self) -> tuple[int | None, str, str, bool]:
        start = self.pos
        self.pos += 1
        if self.at("?P<") or self.at("?<"):
            self.pos = self.source.index(">", self.pos) + 1
        elif self.at("?"):
            self.pos += 1
            while self.take() not in ":)":
                if not (self.source[self.pos - 1].isalpha() or self.source[self.pos - 1] == "-"):
                    raise _Unsupported("group syntax")
            if self.source[self.pos - 1] == ")":
                return 0, "", self.source[start : self.pos], True
        opening = self.source[start : self.pos]
        self.depth += 1
        newlines, opens, relaxed = self.alternation()
        self.depth -= 1
        if self.take() != ")":
            raise _Unsupported("unbalanced group")
        return newlines, opens, opening + relaxed + ")", False

    def escape(self) -> tuple[int | None, str]:
        """An escape outside a class, consumed: (newlines it can match, "text" for `\\A`)."""
        self.pos += 1
        char = self.take()
        if char == "A":
            return 0, "text"
        if char in "zbB":
            return 0, ""
        if char == "Q":
            close = self.source.find("\\E", self.pos)
            stop = len(self.source) if close < 0 else close
            literal = self.source[self.pos : stop]
            self.pos = stop if close < 0 else close + 2
            return literal.count("\n"), ""
        if char in "dwS":
            return 0, ""
        if char in "DWsnC":
            return 1, ""
        if char in _CLASS_ESCAPES:
            return 0, ""
        if char in "pP":
            name = self.property_name()
            return int(char == "P" or name not in _SAFE_PROPERTIES), ""
        if char == "x":
            return int(self.hex_value() == 0x0A), ""
        if char.isalnum():
            raise _Unsupported(f"escape \\{char}")
        return 0, ""  # an escaped punctuation character

    def property_name(self) -> str:
        if self.at("{"):
            close = self.source.index("}", self.pos)
            name = self.source[self.pos + 1 : close]
            self.pos = close + 1
            return name if not name.startswith("^") else "^"  # negated: never safe
        return self.take()

    def hex_value(self) -> int:
        if self.at("{"):
            close = self.source.index("}", self.pos)
            digits = self.source[self.pos + 1 : close]
            self.pos = close + 1
        else:
            digits = self.source[self.pos : self.pos + 2]
            self.pos += 2
        return int(digits, 16)

    def char_class(self) -> int:
        """A `[...]` class, consumed: 1 when it can match '\\n', else 0."""
        self.pos += 1
        negated = self.at("^")
        self.pos += negated
        may_match = False  # some member may be '\n'
        covers = False  # some member surely is '\n', so a negated class excludes it
        first = True
        while True:
            if self.at("]") and not first:
                self.pos += 1
                break
            first = False
            if self.at("[:"):
                close = self.source.index(":]", self.pos)
                name = self.source[self.pos + 2 : close]
                self.pos = close + 2
                if name in _NEWLINE_POSIX:
                    may_match = covers = True
                elif name not in _SAFE_POSIX:
                    may_match = True
                continue
            low, item_may, item_covers = self.class_member()
            if low is not None and self.at("-") and not self.at("-]"):
                self.pos += 1
                high, _, _ = self.class_member()
                if high is None:
                    raise _Unsupported("range to a class")
                item_may = item_covers = low <= 0x0A <= high
            may_match = may_match or item_may
            covers = covers or item_covers
        return int(not covers if negated else may_match)

    def class_member(self) -> tuple[int | None, bool, bool]:
        """One member: (its code point when a single character, may be '\\n', surely is)."""
        char = self.take()
        if char != "\\":
            return ord(char), char == "\n", char == "\n"
        char = self.take()
        if char in _CLASS_ESCAPES:
            value = _CLASS_ESCAPES[char]
            return value, value == 0x0A, value == 0x0A
        if char == "x":
            value = self.hex_value()
            return value, value == 0x0A, value == 0x0A
        if char in "dwS":
            return None, False, False
        if char in "sWD":
            return None, True, True
        if char in "pP":
            safe = char == "p" and self.property_name() in _SAFE_PROPERTIES
            return None, not safe, False
        if char.isalnum():
            raise _Unsupported(f"escape \\{char} in a class")
        return ord(char), False, False
