"""Text made safe to stand in Markdown: what a CommonMark parser reads back as the same text.

Inline text escapes the characters that open inline syntax anywhere (`*`,
`` ` ``, `[`, `]`, `<`, `\\`, `~`, an `_` at a word's edge, an `&` that would
read as an entity); a line's start also escapes what opens a block there
(`#`, `-`, `+`, `=`, `>`, `1.`). Code spans, fences and link destinations
are chosen so that their content needs no escaping at all.
"""

from __future__ import annotations

import re

from cleaner.extract.code import longest_backticks

#: Characters that open inline syntax wherever they stand.
_INLINE = re.compile(r"[\\`*\[\]<~]|&(?=#?[0-9A-Za-z]+;)|(?<![^\W_])_|_(?![^\W_])")
#: What opens a block at a line's start: a heading, a list item, a quote, a setext
#: underline or thematic break.
_LINE_START = re.compile(
    r"^(?:#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|[-=]+[ \t]*$|>|(\d{1,9})([.)])(?=[ \t]|$))"
)
#: A run of `#` that ends a line after a space: an ATX heading's closing sequence.
_CLOSING_HASHES = re.compile(r"(^|[ \t])(#+)[ \t]*$")


def escape_inline(text: str) -> str:
    """`text` as Markdown inline content that renders as `text` itself."""
    return _INLINE.sub(r"\\\g<0>", text)


def escape_line_start(line: str) -> str:
    """`line` (already inline-escaped) with a block-opening first character escaped."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(1) is not None:  # "1." or "1)": escape the delimiter
        return f"{match.group(1)}\\{match.group(2)}{line[match.end() :]}"
    return "\\" + line


def escape_text_line(text: str) -> str:
    """One line of plain text as a Markdown line: inline and line-start escapes."""
    return escape_line_start(escape_inline(text))


def escape_heading(markdown: str) -> str:
    """A heading's Markdown with a closing run of `#` escaped (ATX would drop it)."""
    return _CLOSING_HASHES.sub(lambda match: match.group(1) + "\\" + match.group(2), markdown)


def code_span(code: str) -> str:
    """`code` as an inline code span: fenced by more backticks than it holds in a row,
    padded with a space where it starts or ends with a backtick or a space."""
    fence = "`" * (longest_backticks(code) + 1)
    if code.startswith(("`", " ")) or code.endswith(("`", " ")):
        code = f" {code} "
    return f"{fence}{code}{fence}"


def link_destination(url: str) -> str:
    """`url` as a link destination: in angle brackets when it holds a space or a
    parenthesis, which a bare destination cannot."""
    if any(char in url for char in " ()<>\\"):
        escaped = url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")
        return f"<{escaped}>"
    return url
