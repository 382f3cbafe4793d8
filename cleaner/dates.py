"""Turn the date strings rules capture into ISO 8601 (`2024-05-17`, `2024-05-19T10:34`).

Captured dates come in many shapes and languages ("May 17, 2024", "10:34, 19 May
2024", "17. Mai 2024", "2024-05-18"). The parser lives in the compiled core
(src/dates.rs), which runs it for the text rules too: numeric forms and month names
in the major European languages; anything else yields None, so a rule never sets a
date it cannot vouch for. Its month names are read from the core, for the code that
recognises month words.
"""

from __future__ import annotations

from cleaner import _core
from cleaner.regex import STAND_INS

#: Every month name the date parser reads (lower case) → its month's number: the
#: core's own table, so the code that recognises month words and the parser agree.
MONTH_BY_NAME: dict[str, int] = dict(_core.month_names())


def parse_date(value: str) -> str | None:
    """ISO 8601 for a date written in `value`, with the time when one is given; else None.

    A lone surrogate (which UTF-8 cannot hold) is read as its stand-in, the way rule
    patterns match it: it is no letter, digit or space, so the result is the same.
    """
    try:
        return _core.parse_date(value)
    except UnicodeEncodeError:
        return _core.parse_date(value.translate(STAND_INS))
