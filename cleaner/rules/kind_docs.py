"""The kind table of rules/README.md, made from the kinds themselves so it cannot drift from KINDS.

Each row comes from one kind's model: its name, default phase and formats,
the fields it adds to (or whose defaults it changes from) the common ones, and
the first line of its module's docstring, which reads `name: what it does`.
After adding or changing a kind, rewrite the table with

    python -m cleaner.rules.kind_docs [README]

`tests/test_kind_docs.py` fails while the committed table differs from this one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo

from cleaner.rules.base import Rule
from cleaner.rules.kinds import KINDS
from cleaner.rules.paths import default_rules_path

BEGIN = "<!-- kind table: made by `python -m cleaner.rules.kind_docs`; edit the kinds, not this -->"
END = "<!-- end of kind table -->"

#: Common fields a kind row leaves out: the kind is the row, formats have their own column.
_SHOWN_ELSEWHERE = ("kind", "formats")


def kind_table() -> str:
    """The Markdown table of every kind, in KINDS order, between the BEGIN and END markers."""
    rows = [
        BEGIN,
        "| kind | phase | formats | fields | what it does |",
        "|---|---|---|---|---|",
        *(_row(name, kind) for name, kind in KINDS.items()),
        END,
    ]
    return "\n".join(rows)


def _row(name: str, kind: type[Rule]) -> str:
    formats = kind.model_fields["formats"].default
    cells = (
        f"`{name}`",
        f"`{kind.default_phase}`",
        ", ".join(f"`{format}`" for format in formats) or "all",
        ", ".join(_field(field, info) for field, info in own_fields(kind).items()) or "none",
        summary(name, kind),
    )
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def own_fields(kind: type[Rule]) -> dict[str, FieldInfo]:
    """The fields a kind adds to the common ones, or whose default it changes."""
    common = Rule.model_fields
    return {
        name: info
        for name, info in kind.model_fields.items()
        if name not in _SHOWN_ELSEWHERE
        and (name not in common or info.default != common[name].default)
    }


def _field(name: str, info: FieldInfo) -> str:
    if info.is_required():
        return f"`{name}` (required)"
    if info.default is None:
        return f"`{name}` (optional)"
    return f"`{name}` (default `{_yaml(info.default)}`)"


def _yaml(value: Any) -> str:
    """A default as a rule file would write it: `''`, `[]`, `head`, `40`."""
    if isinstance(value, tuple):
        return "[" + ", ".join(_yaml(item) for item in value) + "]"
    if value == "":
        return "''"
    return str(value)


def summary(name: str, kind: type[Rule]) -> str:
    """What a kind does: the first line of its module docstring, after `name: `."""
    doc = sys.modules[kind.__module__].__doc__ or ""
    first = doc.strip().split("\n", 1)[0]
    prefix = f"{name}: "
    if not first.startswith(prefix):
        raise ValueError(f"{kind.__module__}: docstring must open with {prefix!r}")
    text = first.removeprefix(prefix)
    return text[:1].upper() + text[1:]


def with_kind_table(readme: str) -> str:
    """The README text with the part from BEGIN through END replaced by the current table."""
    start = readme.find(BEGIN)
    end = readme.find(END, start)
    if start < 0 or end < 0:
        raise ValueError("README has no kind table markers")
    return readme[:start] + kind_table() + readme[end + len(END) :]


def main(argv: list[str]) -> int:
    """Rewrite the kind table of the given README (default: the shipped rules' README)."""
    path = Path(argv[0]) if argv else default_rules_path() / "README.md"
    text = path.read_text(encoding="utf-8")
    updated = with_kind_table(text)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        print(f"{path}: kind table rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
