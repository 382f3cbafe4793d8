"""The compiled core's text phase through its Python face (`cleaner._core.TextRules`)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from cleaner import Cleaner, _core
from cleaner.document import Removal
from cleaner.rules.kinds import DropLines

RULES = Cleaner().ruleset


def drop_lines_spec(**changes: object) -> dict[str, object]:
    rule = next(rule for rule in RULES.text_rules if isinstance(rule, DropLines))
    return {**rule.core_spec(), **changes}


def test_a_spec_of_no_text_kind_is_refused_with_the_rule_named() -> None:
    with pytest.raises(ValueError, match=r"^x-rule: not a text kind: drop_elements$"):
        _core.TextRules([drop_lines_spec(id="x-rule", kind="drop_elements")], [])


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match='unknown format "pdf"'):
        RULES.text_core.run("Body.", "pdf")


def test_run_one_refuses_a_position_past_the_rules() -> None:
    with pytest.raises(ValueError, match="no rule at that position"):
        RULES.text_core.run_one(len(RULES.text_rules), "Body.", "text")


def test_the_edited_text_and_pieces_come_back_only_when_asked_for() -> None:
    text = "Read more: another story\nBody [text](https://x.y/z) here."
    plain = RULES.text_core.run(text, "markdown")
    edited = RULES.text_core.run(text, "markdown", edited=True)
    assert (plain.text, plain.pieces) == ("", [])
    assert plain.body == edited.body == "Body text here."
    assert (
        "".join(
            edited.text[start:end] if origin < 0 else text[origin : origin + end - start]
            for start, end, origin in edited.pieces
        )
        == edited.text
    )


@pytest.mark.parametrize(
    "call",
    [lambda text: RULES.text_core.run(text, "text"), lambda text: RULES.text_core.clean(text)],
    ids=["run", "clean"],
)
def test_the_core_works_without_the_gil(call: Callable[[str], object]) -> None:
    """While one thread cleans a large text in the core, another runs Python code."""
    huge = "Read more: another story\nA line of the body with words in it.\n" * 100_000
    done = threading.Event()
    worker = threading.Thread(target=lambda: (call(huge), done.set()))
    steps = 0
    worker.start()
    while not done.is_set() and worker.is_alive():
        steps += 1
    worker.join()
    assert steps > 1000


def test_a_block_rule_whose_patterns_match_empty_lines_ends(tmp_path: Path) -> None:
    """`^$` is a valid pattern (it matches nothing only where a line ends); a drop_block
    whose start and end both match an empty line must move on, not search the same place
    for ever."""
    rules = tmp_path / "blocks.yaml"
    rules.write_text(
        "- id: empty-block\n  kind: drop_block\n  description: From an empty line to the next.\n"
        "  start: '^$'\n  end: '^$'\n  examples:\n    - input: \"a\\nb\"\n",
        encoding="utf-8",
    )
    doc = Cleaner(rules=[rules]).clean("a\n\nb\n", timeout=5)
    assert (doc.status, doc.text) == ("ok", "a\n\nb")


#: A text with removals out of their rules' order, non-ASCII before them (offsets are in
#: characters), a Unicode space the rules see as a plain one, and a caption.
MIXED = (
    "Zürich\u2003— Read more: another story\n"
    "Photo: Jane Doe/AP\n"
    "The council met on Tuesday, and the mayor spoke about the plan for the new bridge.\n"
    "Share this article\n"
)


def test_clean_gives_what_run_gives_with_the_removals_in_order() -> None:
    core, ids = RULES.text_core, RULES.text_rule_ids
    cleaned = core.clean(
        MIXED, fields=[("url", "https://example.com/a")], provenance=[("url", "argument")]
    )
    ran = core.run(
        MIXED, "text", fields=[("url", "https://example.com/a")], provenance=[("url", "argument")]
    )
    assert cleaned is not None
    assert cleaned.format == "text"
    assert cleaned.body == ran.body
    assert list(cleaned.fields.items()) == ran.fields
    assert list(cleaned.provenance.items()) == ran.provenance
    assert cleaned.captions == ran.captions
    made = [Removal(ids[rule], start, end, MIXED[start:end]) for rule, start, end in ran.removals]
    assert len(made) >= 2
    assert cleaned.removed == sorted(made, key=lambda removal: removal.start or 0)
    assert all(type(removal) is Removal for removal in cleaned.removed)
    assert cleaned.removed_chars == sum(len(removal.text) for removal in made)
    assert cleaned.visible_chars == len(MIXED) - sum(map(MIXED.count, " \n\t\r\u00a0"))


def test_clean_detects_the_format_unless_given() -> None:
    markdown = "# A headline\n\nSome **bold** text and a [link](https://x.y/z).\n\n- one\n- two\n"
    page = "<!DOCTYPE html><html><body><p>A page.</p></body></html>"
    detected = RULES.text_core.clean(markdown)
    assert detected is not None and detected.format == "markdown"
    given = RULES.text_core.clean(markdown, "text")
    assert given is not None and given.format == "text"
    html = RULES.text_core.clean(page)
    assert html is not None
    assert (html.format, html.body, html.removed, html.fields) == ("html", "", [], {})


def test_clean_comes_back_empty_handed_once_the_time_is_up() -> None:
    assert RULES.text_core.clean(MIXED, timeout=0.0) is None


def test_clean_refuses_a_lone_surrogate_as_utf8_does() -> None:
    text = "Café \ud800 text."
    with pytest.raises(UnicodeEncodeError) as raised:
        RULES.text_core.clean(text)
    with pytest.raises(UnicodeEncodeError) as encoding:
        text.encode("utf-8")
    assert raised.value.args == encoding.value.args


def test_clean_leaves_no_utf8_copy_on_the_callers_str() -> None:
    """The core reads a str as UTF-8; a copy kept on the str (as `&str` arguments keep
    one) would double the memory of a corpus the caller holds."""
    for text in ("Zürich — " + "The council met. " * 50, "Plain ASCII. " * 50):
        before = sys.getsizeof(text)
        cleaned = RULES.text_core.clean(text)
        assert cleaned is not None and cleaned.body.startswith(text[:6])
        assert sys.getsizeof(text) == before


def test_clean_reads_every_kind_of_str() -> None:
    """A str is stored one, two or four bytes a character; each reads as its text."""
    for text in ("Café au lait.", "Le café’s menu.", "Emoji 🎉 party.", "Plain."):
        cleaned = RULES.text_core.clean(text)
        assert cleaned is not None and cleaned.body == text
