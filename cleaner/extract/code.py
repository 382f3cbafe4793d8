"""A `<pre>` block's code as the page's text holds it: its own lines and indentation,
in a fence.

HTML collapses whitespace everywhere but in preformatted text, where line breaks
and indentation are the program's. The text of a page keeps such a block as a
fenced code block (the canonical body keeps fenced code line for line, see
`cleaner.normalize`), so a reader, or a model trained on the text, gets code
that still runs; `cleaner.markdown` lays the same lines out.
"""

from __future__ import annotations

import re

from cleaner.extract.blocks import Block

_BACKTICKS = re.compile(r"`+")
#: Columns between tab stops.
TAB_SIZE = 4


def code_lines(raw: str) -> list[str]:
    """The lines of preformatted text: tabs as spaces to the next of every fourth column
    (the text's spaces are plain ones), each line without trailing spaces, no blank line
    at either end, and the indentation all lines share taken off."""
    lines = [line.expandtabs(TAB_SIZE).rstrip() for line in raw.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    indents = [len(line) - len(line.lstrip()) for line in lines if line]
    cut = min(indents, default=0)
    return [line[cut:] for line in lines]


def code_fence(code: str) -> str:
    """The backtick fence a fenced code block of `code` needs (at least three)."""
    return "`" * max(3, longest_backticks(code) + 1)


def longest_backticks(text: str) -> int:
    """The length of the longest run of backticks in `text` (0 when it holds none)."""
    return max((len(run) for run in _BACKTICKS.findall(text)), default=0)


def fenced_code(block: Block) -> tuple[str, list[str]]:
    """A preformatted block's fence and code lines, as the page's text holds them."""
    lines = code_lines("".join(block.parts))
    return code_fence("\n".join(lines)), lines


def fenced_text(block: Block) -> str:
    """A preformatted block's text: its code lines between two fences."""
    return as_fenced(*fenced_code(block))


def as_fenced(fence: str, lines: list[str]) -> str:
    """Code `lines` between two `fence` lines, as the page's text holds them."""
    return "\n".join((fence, *lines, fence))
