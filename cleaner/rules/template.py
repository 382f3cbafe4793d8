"""Replacement templates for substitute rules: literal text and group references."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.regex import Pattern

# Templates are short strings parsed once at load time; Python's re is fine here.
_REFERENCE = re.compile(r"\\(?:(\d{1,2})|g<(\w+)>)")


@dataclass(frozen=True)
class Ref:
    """A reference to a capture group, by number or by name."""

    group: int | str


class Template:
    """`replace: '\\1'`, `'\\g<text>'`, plain text, or a mix, parsed into pieces."""

    def __init__(self, source: str) -> None:
        self.pieces: list[str | Ref] = []
        position = 0
        for found in _REFERENCE.finditer(source):
            if found.start() > position:
                self.pieces.append(_unescape(source[position : found.start()]))
            number, name = found.groups()
            self.pieces.append(Ref(int(number) if number else name))
            position = found.end()
        if position < len(source):
            self.pieces.append(_unescape(source[position:]))
        self.refs = [piece for piece in self.pieces if isinstance(piece, Ref)]

    def check(self, pattern: Pattern) -> None:
        """Raise ValueError when the template names a group the pattern lacks."""
        for ref in self.refs:
            if isinstance(ref.group, int) and ref.group > pattern.group_count:
                raise ValueError(
                    f"replace refers to group {ref.group}; the pattern has {pattern.group_count}"
                )
            if isinstance(ref.group, str) and ref.group not in pattern.group_names:
                raise ValueError(f"replace refers to group <{ref.group}>, not in the pattern")

    def core_pieces(self, pattern: Pattern) -> list[tuple[str | None, int | None]]:
        """The template as the core takes it: (literal, None) or (None, group index) pieces."""
        names = pattern.names
        return [
            (piece, None)
            if isinstance(piece, str)
            else (None, names[piece.group] if isinstance(piece.group, str) else piece.group)
            for piece in self.pieces
        ]


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
