"""A bad rule file is rejected with one line: path:line: rule-id: field: what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner, RuleError

GOOD = """\
- id: good-rule
  kind: drop_lines
  description: Drops ads.
  pattern: '^Advertisement$'
  examples:
    - input: "Advertisement"
      output: ""
"""


def load(tmp_path: Path, text: str, name: str = "rules.yaml") -> RuleError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        Cleaner(rules=[path])
    return caught.value


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    error = load(tmp_path, GOOD + "- id: tabbed\n\tkind: drop_lines\n")
    assert error.path.endswith("rules.yaml") and error.line == 9
    assert "invalid YAML" in str(error)


def test_unknown_field_names_rule_and_field(tmp_path: Path) -> None:
    error = load(tmp_path, GOOD.replace("  pattern:", "  patern: x\n  pattern:"))
    assert (error.line, error.rule_id, error.field) == (4, "good-rule", "patern")
    assert str(error) == f"{error.path}:4: good-rule: patern: unknown field for this kind"


def test_unknown_kind(tmp_path: Path) -> None:
    error = load(tmp_path, GOOD.replace("kind: drop_lines", "kind: drop_everything"))
    assert (error.line, error.rule_id, error.field) == (1, "good-rule", "kind")
    assert "unknown kind 'drop_everything'" in error.message
    assert "drop_lines" in error.message


def test_pattern_that_the_dialect_rejects(tmp_path: Path) -> None:
    error = load(tmp_path, GOOD.replace("'^Advertisement$'", "'(?<=Ad)vertisement'"))
    assert (error.line, error.rule_id, error.field) == (4, "good-rule", "pattern")
    assert "Rust regex cannot compile" in error.message


def test_backreference_is_rejected(tmp_path: Path) -> None:
    error = load(tmp_path, GOOD.replace("'^Advertisement$'", "'(a)\\1'"))
    assert error.field == "pattern"


def test_missing_required_field(tmp_path: Path) -> None:
    error = load(tmp_path, GOOD.replace("  description: Drops ads.\n", ""))
    assert (error.rule_id, error.field) == ("good-rule", "description")
    assert error.message == "required field is missing"


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        Cleaner(rules=[tmp_path])
    error = caught.value
    assert error.path.endswith("b.yaml") and error.field == "id"
    assert "first defined at" in error.message and "a.yaml:1" in error.message


def test_duplicate_key_in_one_rule(tmp_path: Path) -> None:
    error = load(
        tmp_path,
        GOOD.replace("  description: Drops ads.\n", "  description: a\n  description: b\n"),
    )
    assert (error.line, error.field) == (4, "description")


def test_capture_needs_group_named_like_field(tmp_path: Path) -> None:
    text = GOOD.replace("kind: drop_lines", "kind: capture\n  field: date")
    error = load(tmp_path, text)
    assert error.rule_id == "good-rule"
    assert "(?P<date>" in error.message


def test_example_with_unknown_key(tmp_path: Path) -> None:
    error = load(tmp_path, GOOD.replace('      output: ""', '      outptu: ""'))
    assert error.field == "examples.0.outptu" and error.line == 7


def test_file_that_is_not_a_list(tmp_path: Path) -> None:
    error = load(tmp_path, "id: x\nkind: drop_lines\n")
    assert "expected a YAML list of rules" in error.message


def test_missing_rule_path(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no such rule file or folder"):
        Cleaner(rules=[tmp_path / "nope.yaml"])


def test_python_tags_are_refused(tmp_path: Path) -> None:
    error = load(tmp_path, "- !!python/object/apply:os.system ['true']\n")
    assert "invalid YAML" in error.message


def test_error_is_one_line(tmp_path: Path) -> None:
    error = load(tmp_path, GOOD.replace("kind: drop_lines", "kind: nope"))
    assert "\n" not in str(error)


def test_text_rule_cannot_run_in_the_dom_phase(tmp_path: Path) -> None:
    error = load(tmp_path, GOOD.replace("  pattern:", "  phase: dom\n  pattern:"))
    assert error.rule_id == "good-rule"
    assert "does not fit kind drop_lines" in error.message


def test_an_unknown_page_type_is_a_rule_error(tmp_path: Path) -> None:
    error = load(
        tmp_path,
        """- id: forum-only
  kind: drop_lines
  description: x
  pattern: '^Reply$'
  if_page_type: [forums]
  examples:
    - input: "Reply"
      page_type: forum
      output: ""
""",
    )
    assert "forum-only" in str(error) and "if_page_type" in str(error)
