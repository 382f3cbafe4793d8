"""Turn the date strings rules capture into ISO 8601 (`2024-05-17`, `2024-05-19T10:34`).

Captured dates come in many shapes and languages ("May 17, 2024", "10:34, 19 May
2024", "17. Mai 2024", "2024-05-18"). This small parser covers numeric forms and
month names in the major European languages; anything else yields None, so a
rule never sets a date it cannot vouch for.
"""

from __future__ import annotations

import datetime as dt

from cleaner.regex import Pattern, Subject

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
_MONTH = r"(?P<month>\pL+)\.?"

_ISO = Pattern(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})")
_DAY_MONTH_YEAR = Pattern(
    r"(?i)\b(?P<day>\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?"
    + _MONTH
    + r",?\s+(?:de\s+)?(?P<year>\d{4})\b"
)
_MONTH_DAY_YEAR = Pattern(
    r"(?i)" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"
)
_NUMERIC_DMY = Pattern(r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\b")
_TIME = Pattern(
    r"(?i)(?:\A|[^\pN])(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})(?:\s*(?P<ampm>[ap])\.?m\b\.?)?"
)


def parse_date(value: str) -> str | None:
    """ISO 8601 for a date written in `value`, with the time when one is given; else None."""
    subject = Subject(value)
    day = _find_day(subject)
    if day is None:
        return None
    time = _find_time(subject, exclude=day[1])
    if time is None:
        return day[0].isoformat()
    return f"{day[0].isoformat()}T{time}"


#: The day patterns in the order they are tried, each with a character every match of
#: it holds ('' for none): a value without that character skips the search.
_DAY_PATTERNS = ((_ISO, "-"), (_DAY_MONTH_YEAR, ""), (_MONTH_DAY_YEAR, ""), (_NUMERIC_DMY, "."))


def _find_day(subject: Subject) -> tuple[dt.date, tuple[int, int]] | None:
    for pattern, required in _DAY_PATTERNS:
        if required and required not in subject.text:
            continue
        match = pattern.search(subject)
        if match is None:
            continue
        month = _month_of(match.group("mon"), match.group("month"))
        try:
            day = dt.date(int(match.group("year") or 0), month, int(match.group("day") or 0))
        except ValueError:
            continue
        return day, (match.start, match.end)
    return None


def _month_of(number: str | None, name: str | None) -> int:
    if number is not None:
        return int(number)
    return MONTH_BY_NAME.get((name or "").lower(), 0)


def _find_time(subject: Subject, exclude: tuple[int, int]) -> str | None:
    text = subject.text
    if ":" not in text and "." not in text and "h" not in text and "H" not in text:
        return None  # every match of _TIME holds one of these between hour and minute
    for match in _TIME.finditer(subject):
        if exclude[0] <= match.start < exclude[1]:
            continue
        hour, minute = int(match.group("hour") or 0), int(match.group("minute") or 0)
        ampm = (match.group("ampm") or "").lower()
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    return None
