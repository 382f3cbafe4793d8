"""Unit tests of the lint building blocks: positions, splicing, JSONL values, suppressions."""

from __future__ import annotations

import json

import pytest

from cleaner.document import Removal
from cleaner.lint.edits import SourceEdit
from cleaner.lint.findings import describe, preview
from cleaner.lint.jsonl import RecordError, raw_lines, read_record, replace_value
from cleaner.lint.lines import LineIndex, split_lines
from cleaner.lint.splice import apply_edits
from cleaner.lint.suppressions import parse_suppressions
from cleaner.lint.textcodec import Encoding, UndecodableError, decode_bytes
from cleaner.rules.kinds import KINDS


def cut(text: str, *parts: str) -> str:
    """`text` with each of `parts` (found by search) spliced out."""
    edits = []
    for part in parts:
        start = text.index(part)
        edits.append(SourceEdit(start, start + len(part)))
    return apply_edits(text, edits)


def test_positions_are_one_based_characters_across_line_break_styles() -> None:
    text = "ab\r\ncé\nx\ry"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(text.index("é")) == (2, 2)
    assert index.position(text.index("x")) == (3, 1)
    assert index.position(text.index("y")) == (4, 1)
    assert [text[line.start : line.end] for line in split_lines(text)] == ["ab", "cé", "x", "y"]


def test_a_removed_line_takes_its_line_break_and_keeps_paragraph_gaps() -> None:
    text = "One.\n\nRead more: elsewhere\n\nTwo.\n"
    assert cut(text, "Read more: elsewhere") == "One.\n\nTwo.\n"


def test_removed_lines_at_the_start_leave_no_blank_lines_the_file_did_not_have() -> None:
    text = "Kicker\n\n\nTitle\n\nBody.\n"
    assert cut(text, "Kicker", "Title") == "Body.\n"


def test_a_line_removed_between_lines_of_a_paragraph_leaves_no_gap() -> None:
    assert cut("Title\nByline\nBody.\n", "Byline") == "Title\nBody.\n"


def test_the_widest_of_the_joined_blank_runs_is_kept() -> None:
    text = "A.\n\n\nJunk\n\nB.\n"
    assert cut(text, "Junk") == "A.\n\n\nB.\n"


def test_inline_removals_take_the_whitespace_they_leave_behind() -> None:
    assert cut("Text. Read more: x\n", "Read more: x") == "Text.\n"
    assert cut("BEIJING: Putin said.\n", "BEIJING:") == "Putin said.\n"
    assert cut("He (AP) said.\n", "(AP)") == "He said.\n"


def test_crlf_and_a_missing_final_line_break_are_kept() -> None:
    text = "One.\r\n\r\nJunk\r\n\r\nTwo."
    assert cut(text, "Junk") == "One.\r\n\r\nTwo."
    assert cut("One.\r\n\r\nJunk", "Junk") == "One."


def test_a_removal_never_splits_a_crlf_pair() -> None:
    text = "One.\r\nJunk\r\nTwo.\r\n"
    start = text.index("Junk")
    fixed = apply_edits(text, [SourceEdit(start, start + len("Junk\r"))])
    assert fixed == "One.\r\nTwo.\r\n"


def test_inserted_text_replaces_its_span() -> None:
    text = "Fish &amp; chips.\n"
    start = text.index("&amp;")
    assert apply_edits(text, [SourceEdit(start, start + 5, "&")]) == "Fish & chips.\n"


def test_no_edits_leave_the_text_untouched() -> None:
    assert apply_edits("  odd\n\n\n spacing ", []) == "  odd\n\n\n spacing "


def test_jsonl_value_is_replaced_in_place() -> None:
    text = '{"id": 1.50, "text": "caf\\u00e9 junk", "tags": ["a"]}\r\n{"id":2,"text":"x"}\n'
    lines = list(raw_lines(text))
    assert [line.number for line in lines] == [1, 2]
    record = read_record(lines[0], "text")
    assert record.text == "café junk"
    fixed = replace_value(lines[0], record, "café")
    assert fixed == '{"id": 1.50, "text": "caf\\u00e9", "tags": ["a"]}'
    assert lines[0].newline == "\r\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2]", "expected a JSON object"),
        ('{"text": 3}', "is int, expected a string"),
        ('{"body": "x"}', "no 'text' field"),
        ('{"text": "x"', "invalid JSON"),
    ],
)
def test_jsonl_records_that_cannot_be_linted(line: str, message: str) -> None:
    with pytest.raises(RecordError, match=message):
        read_record(next(raw_lines(line)), "text")


def test_jsonl_last_duplicate_key_wins_as_in_json_loads() -> None:
    line = next(raw_lines('{"text": "a", "text": "b"}'))
    assert read_record(line, "text").text == json.loads(line.content)["text"]


def test_suppression_markers() -> None:
    text = (
        "Line one <!-- cleaner: ignore[rule-a, rule-b] -->\n"
        "Line two # cleaner: ignore\n"
        "Line three\n"
    )
    found = parse_suppressions(text)
    assert found.covers("rule-a", 1, 1) and found.covers("rule-b", 1, 1)
    assert not found.covers("rule-c", 1, 1)
    assert found.covers("anything", 2, 2)
    assert found.covers("rule-c", 1, 3)  # a block touching line 2
    assert not found.covers("rule-c", 3, 3)
    whole = parse_suppressions("x\n<!-- cleaner: ignore-file[rule-z] -->\n")
    assert whole.covers("rule-z", 1, 1) and not whole.covers("rule-a", 1, 1)
    assert not parse_suppressions("no markers here")


def test_encodings_round_trip() -> None:
    for raw in (
        "café".encode(),
        "\ufeffcafé".encode(),
        "café\n".encode("utf-16"),
        "café".encode("utf-16-be").join([b"\xfe\xff", b""]),
    ):
        text, encoding = decode_bytes(raw)
        assert "café" in text
        assert encoding.encode(text) == raw
    assert decode_bytes("café".encode("cp1252"))[1] != Encoding("utf-8")
    with pytest.raises(UndecodableError, match="binary"):
        decode_bytes(b"\x00\x01\x02binary")


def test_preview_is_one_short_line() -> None:
    assert preview('a "b"\nc') == 'a \\"b\\"\\nc'
    long = preview("x" * 200)
    assert len(long) == 60 and long.endswith("…")


@pytest.mark.parametrize(
    ("fields", "note"),
    [
        ({"kind": "drop_lines", "pattern": "^Ad$"}, ""),
        ({"kind": "capture", "pattern": "(?P<date>2024)", "field": "date"}, " (taken as date)"),
        ({"kind": "caption", "pattern": "(?P<text>Ad)"}, " (taken as a caption)"),
        ({"kind": "lift_captions", "selector": "figure"}, " (taken as a caption)"),
    ],
)
def test_a_finding_says_where_the_kind_keeps_the_text_it_takes(
    fields: dict[str, str], note: str
) -> None:
    rule = KINDS[fields["kind"]].model_validate(
        {"id": "r", "description": "d", "examples": [{"input": "x"}], **fields}
    )
    removal = Removal("r", 0, 8, "Ad\nmore\n")
    assert describe(removal, rule) == 'would remove "Ad\\nmore\\n" (2 lines)' + note
    assert describe(removal, None) == 'would remove "Ad\\nmore\\n" (2 lines)'
