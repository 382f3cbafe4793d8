"""Hostile rule files are refused at load time with one line saying which limit they broke.

Patterns the rule dialect (Rust regex) cannot take, patterns too long or too
big once compiled, files too large or with too many rules, YAML alias bombs,
and symlinks out of a rule folder: each is a RuleError (`path:line: rule-id: field: message`).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cleaner import Cleaner, RuleError
from cleaner.rules import base, loader

RULE = """\
- id: {rule_id}
  kind: drop_lines
  description: Drops ads.
  pattern: '{pattern}'
  examples:
    - input: "Advertisement"
      output: ""
"""


def rule(pattern: str = "^Advertisement$", rule_id: str = "ads") -> str:
    return RULE.format(rule_id=rule_id, pattern=pattern)


def load_error(tmp_path: Path, text: str, name: str = "rules.yaml") -> RuleError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        Cleaner(rules=[path])
    assert "\n" not in str(caught.value)
    return caught.value


@pytest.mark.parametrize(
    ("pattern", "complaint"),
    [
        (
            "(?=Ad)vertisement",
            "look-around, including look-ahead and look-behind, is not supported",
        ),
        ("(?=Ad)vertisement", "(look-arounds are not supported by Rust regex)"),
        ("(?<!x)Ad", "(look-arounds are not supported by Rust regex)"),
        ("(a)\\\\1", "backreferences are not supported: \\1 (back-references are not supported"),
        ("(?P<n>a)(?P=n)", "(back-references are not supported by Rust regex)"),
        ("a++", "(possessive and atomic groups are not supported by Rust regex)"),
        ("a{2,1}", "invalid repetition count range"),
        ("\\\\pL{1000}", "pattern too large"),
        ("[z-a]", "invalid character class range"),
        ("(unclosed", "unclosed group"),
        ("\\\\p{NotAScript}", "Unicode property not found"),
        ("[[]", "unclosed character class"),
        ("\\\\Qa.b\\\\E", "unrecognized escape sequence"),
    ],
)
def test_every_pattern_the_dialect_cannot_take_is_one_line_naming_rule_and_field(
    tmp_path: Path, pattern: str, complaint: str
) -> None:
    error = load_error(tmp_path, rule(pattern.replace("\\\\", "\\")))
    assert (error.line, error.rule_id, error.field) == (4, "ads", "pattern")
    assert error.message.startswith("Rust regex cannot compile it: ")
    assert complaint in error.message


def test_counted_repetitions_over_a_thousand_load_within_the_size_limits(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(rule("^Ad{1001}$"), encoding="utf-8")
    assert len(Cleaner(rules=[path]).ruleset) == 1


def test_pattern_longer_than_the_limit(tmp_path: Path) -> None:
    pattern = "a" * (base.MAX_PATTERN_CHARS + 1)
    error = load_error(tmp_path, rule(pattern))
    assert (error.rule_id, error.field) == ("ads", "pattern")
    assert f"the limit is {base.MAX_PATTERN_CHARS:,}" in error.message


def test_pattern_at_the_length_limit_loads(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(rule("a" * base.MAX_PATTERN_CHARS), encoding="utf-8")
    assert len(Cleaner(rules=[path]).ruleset) == 1


def test_pattern_whose_compiled_program_is_over_the_limit(tmp_path: Path) -> None:
    # Short to write, but each counted repetition is some nine thousand automaton states.
    pattern = "[^\\n]{1,1000}" * 6
    assert len(pattern) < base.MAX_PATTERN_CHARS
    error = load_error(tmp_path, rule(pattern))
    assert (error.rule_id, error.field) == ("ads", "pattern")
    assert "automaton states; the limit is" in error.message


def test_every_shipped_pattern_is_within_the_limits() -> None:
    for shipped in Cleaner().ruleset.rules:
        for name in ("pattern", "start", "end", "fingerprint"):
            pattern = getattr(shipped, name, None)
            if pattern is not None and hasattr(pattern, "source"):
                assert len(pattern.source) <= base.MAX_PATTERN_CHARS
                assert base._program_size(pattern) <= base.MAX_PROGRAM_SIZE


def test_rule_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_RULE_FILE_BYTES", 200)
    error = load_error(tmp_path, rule() + "# " + "x" * 200 + "\n")
    assert error.path.endswith("rules.yaml") and error.line is None
    assert "over the 200-byte limit" in error.message


def test_too_many_rules_in_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_RULES_PER_FILE", 2)
    text = "".join(rule(rule_id=f"ads-{i}") for i in range(3))
    error = load_error(tmp_path, text)
    assert error.line == 15  # where the first rule over the limit starts
    assert "holds 3 rules; the limit is 2 per file" in error.message


def test_too_many_rules_in_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_RULES", 3)
    (tmp_path / "a.yaml").write_text(rule(rule_id="a-1") + rule(rule_id="a-2"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(rule(rule_id="b-1") + rule(rule_id="b-2"), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        Cleaner(rules=[tmp_path])
    error = caught.value
    assert error.path.endswith("b.yaml") and error.rule_id == "b-2"
    assert "too many rules: the limit is 3 in all" in error.message


def test_real_limits_are_generous_for_hand_written_rules() -> None:
    shipped = Cleaner().ruleset
    assert len(shipped) * 20 < loader.MAX_RULES
    assert loader.MAX_RULES_PER_FILE >= 1_000
    assert loader.MAX_RULE_FILE_BYTES >= 1_000_000


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """Nested aliases describe 10^8 strings in a few lines; nothing may expand them."""
    levels = ["- &l0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"- &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 9)]
    started = time.perf_counter()
    error = load_error(tmp_path, "\n".join(levels) + "\n")
    assert "expected a rule mapping" in error.message
    assert time.perf_counter() - started < 5  # a guard against hanging, not a benchmark


def test_yaml_alias_bomb_inside_a_rule_field(tmp_path: Path) -> None:
    bomb = "[&s6 [&s5 [x, x, x, x, x, x, x, x], *s5, *s5, *s5, *s5, *s5, *s5, *s5]"
    bomb += ", *s6, *s6, *s6, *s6, *s6, *s6, *s6]"
    text = rule().replace("  pattern:", f"  sites: {bomb}\n  pattern:")
    error = load_error(tmp_path, text)
    assert (error.rule_id, error.field) == ("ads", "sites.0")


def test_recursive_yaml_alias_is_refused(tmp_path: Path) -> None:
    error = load_error(tmp_path, rule().replace("description: Drops ads.", "description: &d [*d]"))
    assert "invalid YAML" in error.message and "recursive" in error.message


def test_yaml_python_tags_cannot_run_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = f"!!python/object/apply:pathlib.Path ['{marker}']"
    text = f"- !!python/object/apply:pathlib.Path.touch [{path}]\n"
    error = load_error(tmp_path, text)
    assert "invalid YAML" in error.message
    assert not marker.exists()


def test_symlink_out_of_a_rule_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(rule(), encoding="utf-8")
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "own.yaml").write_text(rule(rule_id="own"), encoding="utf-8")
    (folder / "linked.yaml").symlink_to(outside)
    with pytest.raises(RuleError) as caught:
        Cleaner(rules=[folder])
    assert caught.value.path.endswith("linked.yaml")
    assert "symlink leads outside the rule folder" in caught.value.message


def test_symlinked_folder_inside_a_rule_folder_is_not_walked(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "other.yaml").write_text(rule(rule_id="other"), encoding="utf-8")
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "own.yaml").write_text(rule(rule_id="own"), encoding="utf-8")
    (folder / "more").symlink_to(outside, target_is_directory=True)
    loaded = Cleaner(rules=[folder]).ruleset
    assert [r.id for r in loaded.rules] == ["own"]


def test_symlink_within_the_folder_is_followed(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    (folder / "shared").mkdir(parents=True)
    (folder / "shared" / "own.yaml").write_text(rule(rule_id="own"), encoding="utf-8")
    (folder / "alias.yml").symlink_to(folder / "shared" / "own.yaml")
    with pytest.raises(RuleError, match="duplicate id"):
        Cleaner(rules=[folder])


def test_a_file_the_user_names_is_read_wherever_it_is(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(rule(), encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(outside)
    assert [r.id for r in Cleaner(rules=[link]).ruleset.rules] == ["ads"]


def test_control_character_in_a_rule_file_is_one_line_with_its_line(tmp_path: Path) -> None:
    """Found by tests/test_fuzz_rules.py: PyYAML's reader error spans three lines."""
    error = load_error(tmp_path, rule() + "# bad \x1f byte\n")
    assert error.line == 8
    assert error.message == (
        "invalid YAML: unacceptable character #x001f: special characters are not allowed"
    )


@pytest.mark.parametrize("pattern", ["0|", "a*", "^", "\\\\b", "(?:Photo: )?", "[ \\\\t]*"])
def test_pattern_that_matches_nothing_within_a_line_is_refused(
    tmp_path: Path, pattern: str
) -> None:
    """It would match every line; on non-ASCII text its empty matches also fell between
    the bytes of one character and crashed cleaning (found by bench/fuzz_long.py)."""
    error = load_error(tmp_path, rule(pattern.replace("\\\\", "\\")))
    assert (error.rule_id, error.field) == ("ads", "pattern")
    assert "matches the empty string within a line" in error.message


@pytest.mark.parametrize("pattern", ["^$", "$", "\\\\z", "^[ \\\\t]*$"])
def test_pattern_that_matches_nothing_only_at_a_line_end_loads(
    tmp_path: Path, pattern: str
) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(rule(pattern.replace("\\\\", "\\")), encoding="utf-8")
    cleaner = Cleaner(rules=[path])
    assert cleaner.clean("©0 é\n\nAdvertisement").status in ("ok", "empty")
