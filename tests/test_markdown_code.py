"""Markdown syntax is reduced outside code only, and plain text is not read as Markdown."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.lint.analysis import analyze
from cleaner.read import detect_format
from cleaner.rules.loader import load_ruleset
from cleaner.rules.paths import default_rules_path

CLEANER = Cleaner()

README = """# Installing the tool

The **fast** way is the [package](https://example.org/pkg):

```sh
# install it
pip install tool  # *not* as root
```

Or build it by hand:

    # from a checkout
    make __all__ > out_*_log

Then call `run(*args, **kwargs)` and read the _log_.
"""


def test_code_keeps_its_marks_and_prose_loses_them() -> None:
    document = CLEANER.clean(README)
    assert document.format == "markdown"
    text = " ".join(document.text.split())
    assert "The fast way is the package:" in text
    assert "# install it pip install tool # *not* as root" in text
    assert "`run(*args, **kwargs)`" in text
    assert "read the log." in text


def test_lint_reports_no_markdown_finding_inside_code() -> None:
    ruleset = load_ruleset([default_rules_path()])
    findings = analyze(ruleset, README).removals
    removed = {README[r.start : r.end] for r in findings if r.start is not None}
    code = (README.index("```sh"), README.index("Then call"))
    inside = [r for r in findings if r.start is not None and code[0] <= r.start < code[1]]
    assert inside == []
    assert {"**", "_"} <= removed  # the prose's marks are still reduced


def test_plain_text_with_code_like_characters_is_text() -> None:
    notes = (
        "Set up the service\n\n"
        "# of seats: 5\n"
        "- call __init__ before __enter__\n"
        "- match files with *.txt and *.md\n"
        "C:\\Users\\ana\\notes.txt holds the rest.\n"
    )
    assert detect_format(notes) == "text"
    document = CLEANER.clean(notes)
    for kept in ("# of seats: 5", "__init__", "*.txt and *.md", "C:\\Users\\ana"):
        assert kept in document.text


API_PAGE = """# Flex layout

The [`align-items`](/docs/css/align-items) property sets the **`cross`** alignment.

```md
See [`align-items`](/docs/css/align-items) for the values.
```
"""


def test_a_link_around_inline_code_keeps_the_code_and_loses_the_url() -> None:
    text = CLEANER.clean(API_PAGE).text
    assert "The `align-items` property sets the `cross` alignment." in text
    assert "See [`align-items`](/docs/css/align-items) for the values." in text  # fenced


def test_a_match_that_cuts_into_inline_code_is_still_left_alone() -> None:
    line = "Use the `[a](b)` form, or [the `x` flag](/flags), in the *Terminal*."
    text = CLEANER.clean(line).text
    assert "`[a](b)`" in text
    assert "the `x` flag" in text and "(/flags)" not in text
    assert "*Terminal*" not in text
