"""The rule dialect's Perl classes mean what rules/README.md says, class by class.

`\\d` is ASCII digits, `\\s` the five ASCII spaces, `\\w` and `\\b` Unicode words. Each
choice is pinned on the pattern level and through a loaded rule with its examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner, RuleError
from cleaner.regex import Pattern, Subject
from cleaner.rule_check import check_examples


def matches(source: str, text: str) -> list[str]:
    return [text[m.start : m.end] for m in Pattern(source).finditer(Subject(text))]


@pytest.mark.parametrize(
    ("source", "text", "found"),
    [
        (r"\d+", "on 2024-05, ٢٠٢٤ and १२", ["2024", "05"]),
        (r"\D+", "٣", ["٣"]),
        (r"[\d.]+", "v1.5 ٣.", ["1.5", "."]),
        (r"\p{Nd}+", "٢٠٢٤", ["٢٠٢٤"]),
        (r"a\sb", "a b a\tb a\u00a0b a\u000bb", ["a b", "a\tb"]),
        (r"a\Sb", "a\u00a0b", ["a\u00a0b"]),
        (r"\w+", "żółw язык", ["żółw", "язык"]),
        (r"\W+", "żółw, язык", [", "]),
        (r"\bby\b", "żby written by", ["by"]),
        (r"\Bby", "żby", ["by"]),
    ],
)
def test_perl_class_meaning(source: str, text: str, found: list[str]) -> None:
    assert matches(source, text) == found


RULES = """\
- id: pinned-digits
  kind: drop_lines
  description: A line of Western digits only; other scripts' digits stay.
  pattern: '^\\d+$'
  examples:
    - input: "Intro.\\n2024\\nEnd."
      output: "Intro.\\n\\nEnd."
    - input: "Intro.\\n٢٠٢٤\\nEnd."
- id: pinned-words
  kind: drop_lines
  description: A byline of one word in any script; a boundary inside a word is none.
  pattern: '^Von \\w+$|\\bby\\b [A-Z]\\w*$'
  examples:
    - input: "Text.\\nVon Łukasz\\nMore."
      output: "Text.\\n\\nMore."
    - input: "Text.\\nżby Anna\\nMore."
"""


def test_rule_examples_pin_the_classes(tmp_path: Path) -> None:
    path = tmp_path / "pinned.yaml"
    path.write_text(RULES, encoding="utf-8")
    cleaner = Cleaner(rules=[path])
    assert len(cleaner.ruleset) == 2
    report = check_examples(cleaner.ruleset)
    assert (report.examples, report.failures) == (4, [])
    assert report.fired == {"pinned-digits": 1, "pinned-words": 1}


def test_syntax_the_dialect_lacks_is_a_one_line_load_error(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES.replace("'^\\d+$'", "'^\\Q2024\\E$'"), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        Cleaner(rules=[path])
    error = caught.value
    assert (error.line, error.rule_id, error.field) == (4, "pinned-digits", "pattern")
    assert error.message == "Rust regex cannot compile it: unrecognized escape sequence: \\Q"


def test_a_lone_surrogate_is_a_character_like_any_other() -> None:
    # A str may hold one; the core matches it through a stand-in, at the same offsets.
    text = "x\ud800y\nRead more: \udcff story\n"
    assert matches(r"^Read more:[^\n]*$", text) == ["Read more: \udcff story"]
    assert matches(r"x.y", text) == ["x\ud800y"]
    spans = [(m.start, m.end) for m in Pattern(r"story").finditer(Subject(text))]
    assert spans == [(17, 22)]
