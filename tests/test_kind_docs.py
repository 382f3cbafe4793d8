"""rules/README.md against the kinds: the kind table is generated, and every field is described."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaner.rules.base import Rule
from cleaner.rules.kind_docs import BEGIN, END, kind_table, main, own_fields, with_kind_table
from cleaner.rules.kinds import KINDS

README = Path(__file__).resolve().parent.parent / "rules" / "README.md"


def readme() -> str:
    return README.read_text(encoding="utf-8")


def kind_section(name: str) -> str:
    """The text under `### name`, up to the next heading."""
    found = re.search(rf"^### {name}\n(.*?)(?=^#)", readme(), re.MULTILINE | re.DOTALL)
    assert found, f"rules/README.md has no section `### {name}`"
    return found.group(1)


def test_the_committed_kind_table_is_the_generated_one() -> None:
    text = readme()
    committed = text[text.index(BEGIN) : text.index(END) + len(END)]
    assert committed == kind_table(), "run `python -m cleaner.rules.kind_docs` and commit"


def test_the_kind_table_has_a_row_per_kind() -> None:
    rows = [line for line in kind_table().splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == list(KINDS)


@pytest.mark.parametrize("name", KINDS)
def test_every_kind_has_a_section_describing_its_fields(name: str) -> None:
    section = kind_section(name)
    missing = [field for field in own_fields(KINDS[name]) if f"`{field}`" not in section]
    assert not missing, f"### {name} does not describe {missing}"
    assert f"kind: {name}\n" in section, f"### {name} has no example rule"


def test_every_common_field_is_in_the_common_fields_table() -> None:
    table = readme().split("## Common fields", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE))
    assert documented == set(Rule.model_fields)


def test_main_rewrites_a_stale_table_and_leaves_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(f"# Rules\n\n{BEGIN}\n| old |\n{END}\n\nMore.\n", encoding="utf-8")
    assert main([str(path)]) == 0
    assert path.read_text(encoding="utf-8") == f"# Rules\n\n{kind_table()}\n\nMore.\n"
    assert with_kind_table(path.read_text(encoding="utf-8")) == path.read_text(encoding="utf-8")
