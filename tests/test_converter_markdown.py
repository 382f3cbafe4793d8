"""Markdown as converters write it: tables, references, footnotes, underlined headings.

Converters write an HTML table as a GFM table, a link as a reference ("[anchor][1]" and
"[1]: url" below), and often a heading as a line underlined with "=" or "-". The body
reads a table row as an HTML table's row reads ("North pier | 07:15"), each on its own
line, not hard-wrapped into one paragraph with its delimiter row; a reference link as its
anchor; a footnote as its note, without the "[^1]" marks; and an underlined heading as a
heading (the first one the title). The Markdown rendition keeps the table, the footnotes,
the headings and, when links are asked for, the references.
Pages written by hand.
"""

from __future__ import annotations

from cleaner import clean

PAGE = """# Ferry timetable changes

The harbour authority will change the [ferry timetable][1] from next Monday.

| Route | Old | New |
|---|:---:|---|
| North pier | 07:15 | 06:45 |
| South pier | 08:00 | 07:30 |
| Island | 09:10 | 09:10 |

The changes follow a consultation in which residents asked for earlier sailings.

[1]: https://www.harbourgazette.example/timetable "Timetable"
"""


def test_a_table_reads_one_row_a_line_without_its_delimiter_row() -> None:
    paragraphs = clean(PAGE).text.split("\n\n")
    assert paragraphs[1:5] == [
        "Route | Old | New",
        "North pier | 07:15 | 06:45",
        "South pier | 08:00 | 07:30",
        "Island | 09:10 | 09:10",
    ]


def test_a_reference_link_reads_as_its_anchor_and_its_definition_goes() -> None:
    doc = clean(PAGE)
    assert doc.text.startswith("The harbour authority will change the ferry timetable from")
    assert "https://" not in doc.text
    assert "[1]" not in doc.text


def test_the_markdown_keeps_the_table_and_asked_for_links_their_references() -> None:
    plain = clean(PAGE, markdown=True).markdown or ""
    assert "| Route | Old | New |\n|---|:---:|---|\n| North pier | 07:15 | 06:45 |" in plain
    assert "[ferry timetable]" not in plain
    linked = clean(PAGE, markdown=True, links=True).markdown or ""
    assert "[ferry timetable][1]" in linked
    assert '[1]: https://www.harbourgazette.example/timetable "Timetable"' in linked


def test_rows_of_a_plain_text_table_stay_apart() -> None:
    text = (
        "The timetable from Monday, by route and time of the first departure:\n\n"
        "North pier | 07:15 | 06:45\nSouth pier | 08:00 | 07:30\nIsland | 09:10 | 09:10\n"
    )
    assert clean(text, format="text").text.split("\n\n")[1:] == [
        "North pier | 07:15 | 06:45",
        "South pier | 08:00 | 07:30",
        "Island | 09:10 | 09:10",
    ]


UNDERLINED = """Ferry timetable changes
=======================

The harbour authority will change the ferry timetable from next Monday.

Why it changes
--------------

The changes follow a consultation in which residents asked for **earlier** sailings.

Fares
=====

Fares do not change.
"""


def test_an_underlined_first_heading_is_the_title_and_the_rest_stay_headings() -> None:
    doc = clean(UNDERLINED)
    assert (doc.format, doc.title) == ("markdown", "Ferry timetable changes")
    assert doc.text.split("\n\n") == [
        "The harbour authority will change the ferry timetable from next Monday.",
        "Why it changes",
        "The changes follow a consultation in which residents asked for earlier sailings.",
        "Fares",
        "Fares do not change.",
    ]


def test_the_markdown_keeps_underlined_headings() -> None:
    markdown = clean(UNDERLINED, markdown=True).markdown or ""
    assert "Why it changes\n--------------" in markdown
    assert "Fares\n=====" in markdown


def test_a_paragraph_a_converter_wrapped_once_is_one_paragraph() -> None:
    """html2text wraps at 78 columns: a paragraph of two lines reads as one."""
    text = (
        "# Ferry timetable changes\n\n"
        "The harbour authority will change the ferry timetable from next week, adding\n"
        "two early departures from the north pier and one late crossing on Fridays.\n\n"
        "## Fares\n\n"
        "Fares do not change, the authority said.\n"
    )
    assert clean(text).text.split("\n\n") == [
        "The harbour authority will change the ferry timetable from next week, adding two "
        "early departures from the north pier and one late crossing on Fridays.",
        "Fares",
        "Fares do not change, the authority said.",
    ]


def test_a_footnote_reads_as_its_note_and_its_reference_goes() -> None:
    page = (
        "# Ferry timetable changes\n\n"
        "Fares stay the same on weekdays.[^1] The new timetable starts on Monday.\n\n"
        "## Notes\n\n"
        "[^1]: Weekend fares rise by a tenth.\n"
    )
    doc = clean(page)
    assert doc.text.split("\n\n") == [
        "Fares stay the same on weekdays. The new timetable starts on Monday.",
        "Notes",
        "Weekend fares rise by a tenth.",
    ]
    markdown = clean(page, markdown=True).markdown or ""
    assert "weekdays.[^1]" in markdown and "[^1]: Weekend fares" in markdown


WRAPPED_LINKS = """# Harbour people

The harbour authority has published a [guide](https://www.harbourgazette.example/guide) to
the ferries, written by its own staff.

Written by [Maria<br>
Mathioudaki](https://www.harbourgazette.example/authors/maria) for the weekend edition.

![The north pier at dawn,
seen from the ferry](https://www.harbourgazette.example/pier.jpg)

The guide lists every sailing and the fares for each route in the coming season.
""".replace("<br>", "  ")  # a converter writes a <br> as two spaces and a line break


def test_a_link_or_image_broken_over_lines_by_a_converter_is_read_whole() -> None:
    """A `<br>` inside a link or an image's alt text reaches Markdown as a line break
    in the anchor: the link reads as its text (its line break kept, as the page's
    `<br>` is), the image goes, and no bracket or url is left behind."""
    doc = clean(WRAPPED_LINKS)
    assert "Written by Maria\n\nMathioudaki for the weekend edition." in doc.text
    assert "[" not in doc.text and "](" not in doc.text and "pier.jpg" not in doc.text
    assert {r.rule for r in doc.removed} >= {"markdown-wrapped-links", "markdown-images"}
    linked = clean(WRAPPED_LINKS, markdown=True, links=True).markdown or ""
    assert "[Maria  \nMathioudaki](https://www.harbourgazette.example/authors/maria)" in linked


CONVERTER_EMPHASIS = """# Harbour guide

The harbour authority has published a [guide](https://harbour.example/guide) to the ferries.****

**Ferries:****Timetables** for every pier, and**fares** for each route.

Book a crossing online __

Fill in the ______ on the form, and rate the crossing **** out of five.
"""


def test_converter_emphasis_leaves_no_marks_behind() -> None:
    """Bold runs written back to back ("**a****b**"), glued to words, or empty (an
    empty `<strong>` as "****", an icon's `<i>` as "__") leave no marks, while a blank
    to fill in and a rating's stars stay."""
    paragraphs = clean(CONVERTER_EMPHASIS).text.split("\n\n")
    assert paragraphs == [
        "The harbour authority has published a guide to the ferries.",
        "Ferries:Timetables for every pier, andfares for each route.",
        "Book a crossing online",
        "Fill in the ______ on the form, and rate the crossing **** out of five.",
    ]


INLINE_TAGS = """# Harbour fares

A single crossing costs 4 euros<sup>1</sup>, says <u>Anna Berg</u> of the [harbour authority](https://harbour.example/).

The ferry burns less fuel per passenger than the bus, measured in kg CO<sub>2</sub> per km.
"""


def test_inline_html_a_converter_leaves_reads_as_its_text() -> None:
    """trafilatura's Markdown keeps `<sup>`, `<sub>` and `<u>`: the body reads their
    text, as the HTML path reads those elements; the Markdown rendition keeps them."""
    doc = clean(INLINE_TAGS, markdown=True)
    assert doc.text.split("\n\n") == [
        "A single crossing costs 4 euros1, says Anna Berg of the harbour authority.",
        "The ferry burns less fuel per passenger than the bus, measured in kg CO2 per km.",
    ]
    assert "<sup>1</sup>" in (doc.markdown or "") and "<u>Anna Berg</u>" in (doc.markdown or "")
