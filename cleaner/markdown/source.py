"""A Markdown input's Markdown: the input with the text phase's removals, its syntax kept.

The text phase reduces Markdown syntax to plain text with rules of their own
(`rules/global/markdown.yaml`, ids `markdown-*`), each removing exactly the
markup. Leaving those removals out, and applying every other one to the input,
gives the kept Markdown: the same words as the body, with the input's headings,
lists, tables, code, quotes and emphasis. Links (inline and reference-style, with
their definitions) and images are reduced as in the body unless asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cleaner.document import Removal
from cleaner.markdown.inline import InlineStyle

#: The syntax-reducing rules whose removals the Markdown leaves out (it keeps the syntax).
KEPT_SYNTAX = frozenset(
    {
        "markdown-heading-marks",
        "markdown-setext-underline",
        "markdown-strong",
        "markdown-wrapped-strong",
        "markdown-emphasis",
        "markdown-inline-tags",
        "markdown-escapes",
        "markdown-blockquote",
        "markdown-rule-line",
        "markdown-table-delimiter",
        "markdown-table-pipes",
        "markdown-footnote-refs",
        "markdown-footnote-labels",
    }
)
LINK_SYNTAX = frozenset(
    {
        "markdown-links",
        "markdown-wrapped-links",
        "markdown-autolinks",
        "markdown-reference-links",
        "markdown-reference-definitions",
    }
)
IMAGE_SYNTAX = frozenset({"markdown-images"})

#: Runs of blank lines, and lines holding only whitespace, which removals leave behind.
_BLANK_RUNS = re.compile(r"(?:[ \t]*\n){3,}")
_SPACE_ONLY = re.compile(r"^[ \t]+$", re.M)


def source_markdown(source: str, removals: Iterable[Removal], style: InlineStyle) -> str:
    """`source` (a Markdown input) without the removals that are not its syntax's."""
    kept = _kept_syntax(style)
    cuts = sorted(
        (r.start, r.end)
        for r in removals
        if r.start is not None and r.end is not None and r.rule not in kept
    )
    parts: list[str] = []
    cursor = 0
    for start, end in cuts:
        if start > cursor:
            parts.append(source[cursor:start])
        cursor = max(cursor, end)
    parts.append(source[cursor:])
    return _tidy("".join(parts))


def _kept_syntax(style: InlineStyle) -> frozenset[str]:
    kept = KEPT_SYNTAX
    if style.links:
        kept |= LINK_SYNTAX
    if style.images:
        kept |= IMAGE_SYNTAX
    return kept


def _tidy(markdown: str) -> str:
    """Blank lines the removals left run together, no blank lines around."""
    markdown = markdown.replace("\r\n", "\n").replace("\r", "\n")
    markdown = _BLANK_RUNS.sub("\n\n", _SPACE_ONLY.sub("", markdown))
    return markdown.strip("\n").rstrip() if markdown.strip() else ""
