"""Apply a fix's edits to a file's text, keeping its layout everywhere else.

The fixed file is the original with the reported spans taken out, not the
canonical body: line wrapping, spacing, blank lines and line breaks that no
finding covers stay as they were. A little whitespace goes with a removal, so
the file does not fill up with holes:

* a line that a removal leaves blank (and that was not blank before) is deleted
  with its line break;
* the blank lines around deleted lines then form one run, cut to the longest
  of the runs that were there before (at the start or end of the file: to what
  the file had there), so paragraphs stay one gap apart as they were;
* whitespace a removal leaves at the end or start of a line goes, and so does
  a doubled space where a removal in mid-line had spaces on both sides;
* a file that did not end with a line break still does not.

Nothing else is removed: every other character stays, which the tests check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from cleaner.lint.edits import SourceEdit
from cleaner.lint.lines import Line, split_lines

LineKind = Literal["content", "blank", "deleted"]


@dataclass
class _OutLine:
    """One line of the fixed text: content, line break, and what became of it."""

    content: str
    newline: str
    kind: LineKind = "content"
    points: list[int] = field(default_factory=list)


def apply_edits(source: str, edits: Sequence[SourceEdit]) -> str:
    """The fixed text: `edits` applied to `source`, with the whitespace tidying above."""
    if not edits:
        return source
    lines = split_lines(source)
    out = _join_lines(source, lines, _normalized(source, edits))
    text = "".join(line.content + line.newline for line in _collapse_gaps(out))
    if source and not source.endswith(tuple("\r\n\u2028\u2029\x85")):
        text = _drop_final_break(text)
    return text


def _normalized(source: str, edits: Sequence[SourceEdit]) -> list[SourceEdit]:
    """Edits sorted, adjacent deletions joined, and never splitting a '\\r\\n' pair."""
    result: list[SourceEdit] = []
    for edit in sorted(edits):
        start, end, insert = edit
        if 0 < start < len(source) and source[start] == "\n" and source[start - 1] == "\r":
            start -= 1
        if 0 < end < len(source) and source[end] == "\n" and source[end - 1] == "\r":
            end -= 1
        if end <= start and not insert:
            continue
        if result and start <= result[-1].end and not insert and not result[-1].insert:
            result[-1] = SourceEdit(result[-1].start, max(end, result[-1].end))
            continue
        result.append(SourceEdit(start, end, insert))
    return result


def _join_lines(source: str, lines: list[Line], edits: list[SourceEdit]) -> list[_OutLine]:
    """Apply edits line by line; an edit across line breaks joins those lines into one."""
    out: list[_OutLine] = []
    index = at = 0  # index: next line; at: next edit
    while index < len(lines):
        first = current = index
        cursor = lines[current].start
        content = ""
        points: list[int] = []
        while at < len(edits) and edits[at].start < lines[current].next:
            edit = edits[at]
            content += source[cursor : edit.start] + edit.insert
            if not edit.insert:
                points.append(len(content))
            cursor = edit.end
            while current + 1 < len(lines) and cursor >= lines[current].next:
                current += 1
            at += 1
        content += source[cursor : lines[current].end]
        newline = source[max(cursor, lines[current].end) : lines[current].next]
        was_blank = all(
            not source[line.start : line.end].strip() for line in lines[first : current + 1]
        )
        out.append(_classified(_OutLine(content, newline, points=points), was_blank))
        index = current + 1
    return out


def _classified(line: _OutLine, was_blank: bool) -> _OutLine:
    if not line.points:
        line.kind = "blank" if was_blank else "content"
        return line
    line.content = _tidy(line.content, line.points)
    if not line.content.strip():
        line.kind = "blank" if was_blank else "deleted"
    return line


def _tidy(content: str, points: list[int]) -> str:
    """Take out whitespace a removal left behind at `points` (right to left, so offsets hold)."""
    for point in sorted(set(points), reverse=True):
        if point >= len(content.rstrip()):
            content = content[:point].rstrip() + content[point:]
        elif (
            point == 0
            or not content[:point].strip()
            or (content[point - 1].isspace() and content[point].isspace())
        ):
            content = content[:point] + content[point:].lstrip()
    return content


def _collapse_gaps(lines: list[_OutLine]) -> list[_OutLine]:
    """Drop deleted lines; cut each run of blank lines they joined to its longest old part."""
    result: list[_OutLine] = []
    run: list[_OutLine] = []  # blank and deleted lines since the last content line
    seen_content = False
    for line in lines:
        if line.kind == "content":
            result.extend(_kept_blanks(run, at_start=not seen_content, at_end=False))
            result.append(line)
            run, seen_content = [], True
        else:
            run.append(line)
    result.extend(_kept_blanks(run, at_start=not seen_content, at_end=True))
    return result


def _kept_blanks(run: list[_OutLine], *, at_start: bool, at_end: bool) -> list[_OutLine]:
    blanks = [line for line in run if line.kind == "blank"]
    if len(blanks) == len(run):
        return run
    parts = [0]
    for line in run:
        if line.kind == "deleted":
            parts.append(0)
        else:
            parts[-1] += 1
    if at_start and at_end:
        keep = 0
    elif at_start:
        keep = parts[0]
    elif at_end:
        keep = parts[-1]
    else:
        keep = max(parts)
    return blanks[:keep]


def _drop_final_break(text: str) -> str:
    for newline in ("\r\n", "\n", "\r", "\u2028", "\u2029", "\x85"):
        if text.endswith(newline):
            return text[: -len(newline)]
    return text
