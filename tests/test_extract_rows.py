"""A data table's row is one line of the text, its cells apart by ` | `; layout tables and
cells of several lines stay one paragraph a line."""

from __future__ import annotations

from cleaner import Cleaner

CLEANER = Cleaner()

LEAD = (
    "<h1>Ferry timetable changes</h1><p>The harbour authority will change the ferry "
    "timetable from next Monday, adding two early departures from the north pier and "
    "one late crossing on Fridays.</p>"
)
TAIL = (
    "<p>Passengers with season tickets keep them, and the old timetable stays on the "
    "notice boards until the end of the month.</p>"
)


def page(body: str) -> str:
    return (
        "<html><head><title>Ferry timetable changes | Harbour Gazette</title></head>"
        f"<body><article>{LEAD}{body}{TAIL}</article></body></html>"
    )


TIMETABLE = (
    "<table><tr><th>Date</th><th>Change</th></tr>"
    "<tr><td>March 3, 2025</td><td>First early departure at 6:10</td></tr>"
    "<tr><td>March 10, 2025</td><td>Second early departure at 6:40</td></tr></table>"
)


def test_a_row_is_one_line_and_its_date_cells_are_not_datelines() -> None:
    document = CLEANER.clean(page(TIMETABLE), markdown=True)
    lines = document.text.split("\n")
    assert "Date | Change" in lines
    assert "March 3, 2025 | First early departure at 6:10" in lines
    assert "March 10, 2025 | Second early departure at 6:40" in lines
    assert not [r for r in document.removed if r.rule in ("dated-line", "published-line")]
    assert "| March 10, 2025 | Second early departure at 6:40 |" in (document.markdown or "")


def test_a_layout_table_keeps_its_cells_apart() -> None:
    inner = "<table><tr><td>Pier</td><td>North</td></tr></table>"
    layout = (
        f"<table><tr><td>The first crossing leaves at ten past six.</td><td>{inner}</td>"
        "<td>The last one leaves at eleven at night.</td></tr></table>"
    )
    lines = CLEANER.clean(page(layout)).text.split("\n")
    assert "The first crossing leaves at ten past six." in lines
    assert "The last one leaves at eleven at night." in lines
    assert "Pier | North" in lines  # the table inside holds data


def test_a_cell_of_several_lines_stays_one_paragraph_a_line() -> None:
    table = (
        "<table><tr><td>North pier<br>Gate 2</td><td>Early departures</td></tr>"
        "<tr><td>South pier</td><td>Late crossings</td></tr></table>"
    )
    lines = CLEANER.clean(page(table)).text.split("\n")
    assert "North pier" in lines and "Gate 2" in lines and "Early departures" in lines
    assert "South pier | Late crossings" in lines
