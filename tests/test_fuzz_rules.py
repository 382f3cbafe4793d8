"""Hostile rules, generated: any pattern a user writes either loads or is refused with a
RuleError, and a rule that loads runs on any text without raising or hanging."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, RuleError
from tests.test_fuzz import check_document

#: Pieces of the rule dialect and of Perl syntax it refuses, drawn into patterns.
PIECES = st.sampled_from(
    [*"ab \n^$.*+?()[]{}|\\-,:09",
       "(?P<text>", "(?P<credit>", "(?P<date>", "(?i:", "(?:", "(?=", "(?<!", "\\1", "\\pL",
       "\\p{Lu}", "[^\\n]", "{1,3}", "{2}", "{10,400}?", "{1,1000}", "\\A", "\\z", "\\b",
       "[ \\t]*", "Advertisement", "©", "Photo:"]
)  # fmt: skip
PATTERNS = st.lists(PIECES, min_size=1, max_size=16).map("".join)
KINDS = st.sampled_from(["drop_lines", "caption", "substitute", "capture"])
TEXTS = st.text(alphabet="ab \n©:AdPhoto0912.-", max_size=200)

FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


def rule_file(kind: str, pattern: str) -> str:
    extra = {"capture": "  field: date\n", "substitute": "  replace: ''\n"}.get(kind, "")
    quoted = pattern.replace("'", "''").replace("\n", "\\n")
    return (
        f"- id: generated\n  kind: {kind}\n  description: A generated rule.\n{extra}"
        f"  pattern: '{quoted}'\n  examples:\n    - input: 'x'\n"
    )


def load(text: str) -> Cleaner | RuleError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            return Cleaner(rules=[path])
        except RuleError as error:
            return error


@FAST
@given(KINDS, PATTERNS, TEXTS)
def test_any_pattern_loads_or_is_one_rule_error_and_never_breaks_cleaning(
    kind: str, pattern: str, text: str
) -> None:
    loaded = load(rule_file(kind, pattern))
    if isinstance(loaded, RuleError):
        assert "\n" not in str(loaded)
        assert loaded.rule_id in ("generated", None), loaded
        assert loaded.field in ("pattern", None), loaded
        return
    doc = loaded.clean(text, timeout=None)
    check_document(text, doc)


@FAST
@given(st.text(max_size=400))
def test_any_yaml_text_loads_or_is_one_rule_error(text: str) -> None:
    loaded = load(text)
    if isinstance(loaded, RuleError):
        assert "\n" not in str(loaded)
