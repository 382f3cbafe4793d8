"""Turn the date strings rules capture into ISO 8601 (`2024-05-17`, `2024-05-19T10:34`).

Captured dates come in many shapes and languages ("May 17, 2024", "10:34, 19 May
2024", "17. Mai 2024", "2024-05-18"). The parser lives in the compiled core
(src/dates.rs), which runs it for the text rules too: numeric forms and month names
in the major European languages; anything else yields None, so a rule never sets a
date it cannot vouch for. The month names stay here as well, for the code that
recognises month words; tests/test_core_fields.py holds the two tables equal.
"""

from __future__ import annotations

from cleaner import _core
from cleaner.regex import STAND_INS

_MONTHS: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
        "styczeń",
        "stycznia",
        "января",
        "январь",
    ),
    2: (
        "february",
        "feb",
        "februar",
        "février",
        "févr",
        "fev",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
        "luty",
        "lutego",
        "февраля",
        "февраль",
    ),
    3: (
        "march",
        "mar",
        "märz",
        "mars",
        "marzo",
        "março",
        "maart",
        "marzec",
        "marca",
        "марта",
        "март",
    ),
    4: (
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "kwiecień",
        "kwietnia",
        "апреля",
        "апрель",
    ),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "мая", "май"),
    6: (
        "june",
        "jun",
        "juni",
        "juin",
        "junio",
        "giugno",
        "giu",
        "junho",
        "czerwiec",
        "czerwca",
        "июня",
        "июнь",
    ),
    7: (
        "july",
        "jul",
        "juli",
        "juillet",
        "juil",
        "julio",
        "luglio",
        "lug",
        "julho",
        "lipiec",
        "lipca",
        "июля",
        "июль",
    ),
    8: (
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "sierpień",
        "sierpnia",
        "августа",
        "август",
    ),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "settembre",
        "set",
        "setembro",
        "wrzesień",
        "września",
        "сентября",
        "сентябрь",
    ),
    10: (
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "październik",
        "października",
        "октября",
        "октябрь",
    ),
    11: (
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "listopad",
        "listopada",
        "ноября",
        "ноябрь",
    ),
    12: (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "grudzień",
        "grudnia",
        "декабря",
        "декабрь",
    ),
}
MONTH_BY_NAME = {name: number for number, names in _MONTHS.items() for name in names}


def parse_date(value: str) -> str | None:
    """ISO 8601 for a date written in `value`, with the time when one is given; else None.

    A lone surrogate (which UTF-8 cannot hold) is read as its stand-in, the way rule
    patterns match it: it is no letter, digit or space, so the result is the same.
    """
    try:
        return _core.parse_date(value)
    except UnicodeEncodeError:
        return _core.parse_date(value.translate(STAND_INS))
