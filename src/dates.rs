//! Captured date strings in ISO 8601 (`2024-05-17`, `2024-05-19T10:34`).
//!
//! The one implementation of `cleaner.dates.parse_date`: numeric forms (year first with
//! dashes, dots or slashes; day first with dots; Chinese, Japanese and Korean year-month-
//! day), and month names in the major European languages, Ukrainian, Greek, Arabic and
//! Hindi; digits of the Arabic and Devanagari scripts read as ASCII ones. Anything else
//! yields None, so a rule never sets a date it cannot vouch for. The patterns are rule patterns
//! (`crate::pattern::Pattern`): `\d` is ASCII, `\b` and `\pL` are Unicode, and a
//! search on a span judges its ends by the surrounding text. A day is valid as
//! Python's `datetime.date` takes it: years 1 to 9999, real month lengths, leap
//! years.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::normalize::nfc;
use crate::pattern::{Pattern, Spans};

/// Each month's number and the names it is written with, in lower case.
pub const MONTHS: [(u32, &[&str]); 12] = [
    (
        1,
        &[
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
            "січня",
            "січень",
            "ιανουαρίου",
            "ιανουάριος",
            "يناير",
            "जनवरी",
            "янв",
            "ianuarie",
            "leden",
            "ledna",
            "január",
            "januára",
            "ocak",
            "tammikuu",
            "tammikuuta",
        ],
    ),
    (
        2,
        &[
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
            "лютого",
            "лютий",
            "φεβρουαρίου",
            "φεβρουάριος",
            "فبراير",
            "फ़रवरी",
            "फरवरी",
            "фев",
            "februarie",
            "únor",
            "února",
            "február",
            "februára",
            "şubat",
            "helmikuu",
            "helmikuuta",
        ],
    ),
    (
        3,
        &[
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
            "березня",
            "березень",
            "μαρτίου",
            "μάρτιος",
            "مارس",
            "मार्च",
            "мар",
            "martie",
            "březen",
            "března",
            "marec",
            "mart",
            "maaliskuu",
            "maaliskuuta",
            "marts",
            "március",
            "maret",
        ],
    ),
    (
        4,
        &[
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
            "квітня",
            "квітень",
            "απριλίου",
            "απρίλιος",
            "أبريل",
            "ابريل",
            "अप्रैल",
            "апр",
            "aprilie",
            "duben",
            "dubna",
            "apríl",
            "apríla",
            "nisan",
            "huhtikuu",
            "huhtikuuta",
            "április",
        ],
    ),
    (
        5,
        &[
            "may",
            "mai",
            "mayo",
            "maggio",
            "mag",
            "maio",
            "mei",
            "maj",
            "maja",
            "мая",
            "май",
            "травня",
            "травень",
            "μαΐου",
            "μάιος",
            "مايو",
            "मई",
            "květen",
            "května",
            "máj",
            "mája",
            "mayıs",
            "mayis",
            "toukokuu",
            "toukokuuta",
            "május",
        ],
    ),
    (
        6,
        &[
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
            "червня",
            "червень",
            "ιουνίου",
            "ιούνιος",
            "يونيو",
            "जून",
            "июн",
            "iunie",
            "červen",
            "června",
            "jún",
            "júna",
            "haziran",
            "kesäkuu",
            "kesäkuuta",
            "június",
        ],
    ),
    (
        7,
        &[
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
            "липня",
            "липень",
            "ιουλίου",
            "ιούλιος",
            "يوليو",
            "जुलाई",
            "июл",
            "iulie",
            "červenec",
            "července",
            "júl",
            "júla",
            "temmuz",
            "heinäkuu",
            "heinäkuuta",
            "július",
        ],
    ),
    (
        8,
        &[
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
            "серпня",
            "серпень",
            "αυγούστου",
            "αύγουστος",
            "أغسطس",
            "اغسطس",
            "अगस्त",
            "авг",
            "srpen",
            "srpna",
            "augusta",
            "ağustos",
            "elokuu",
            "elokuuta",
            "augusti",
            "augusztus",
            "agustus",
        ],
    ),
    (
        9,
        &[
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
            "вересня",
            "вересень",
            "σεπτεμβρίου",
            "σεπτέμβριος",
            "سبتمبر",
            "सितंबर",
            "सितम्बर",
            "сен",
            "сент",
            "septembrie",
            "září",
            "septembra",
            "eylül",
            "syyskuu",
            "syyskuuta",
            "szeptember",
        ],
    ),
    (
        10,
        &[
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
            "жовтня",
            "жовтень",
            "οκτωβρίου",
            "οκτώβριος",
            "أكتوبر",
            "اكتوبر",
            "अक्टूबर",
            "अक्तूबर",
            "окт",
            "octombrie",
            "říjen",
            "října",
            "október",
            "októbra",
            "ekim",
            "lokakuu",
            "lokakuuta",
        ],
    ),
    (
        11,
        &[
            "november",
            "nov",
            "novembre",
            "noviembre",
            "novembro",
            "listopad",
            "listopada",
            "ноября",
            "ноябрь",
            "листопада",
            "листопад",
            "νοεμβρίου",
            "νοέμβριος",
            "نوفمبر",
            "नवंबर",
            "नवम्बर",
            "ноя",
            "нояб",
            "noiembrie",
            "listopadu",
            "novembra",
            "kasım",
            "kasim",
            "marraskuu",
            "marraskuuta",
        ],
    ),
    (
        12,
        &[
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
            "грудня",
            "грудень",
            "δεκεμβρίου",
            "δεκέμβριος",
            "ديسمبر",
            "दिसंबर",
            "दिसम्बर",
            "дек",
            "decembrie",
            "prosinec",
            "prosince",
            "decembra",
            "aralık",
            "aralik",
            "joulukuu",
            "joulukuuta",
            "desember",
        ],
    ),
];

/// A month name in lower case → its number (a later month wins a shared name, as
/// Python's dict comprehension over the same table does).
static MONTH_BY_NAME: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    MONTHS
        .iter()
        .flat_map(|&(number, names)| names.iter().map(move |&name| (name, number)))
        .collect()
});

/// A month name: letters, and the vowel signs Devanagari writes as marks ("मार्च").
const MONTH: &str = r"(?P<month>[\pL\pM]+)\.?";

/// One way a day is written, and a character every match of it holds (None: no
/// such character): a value without it skips the search.
struct DayPattern {
    pattern: Pattern,
    required: Option<char>,
    year: usize,
    month: MonthGroup,
    day: usize,
}

/// Where a day pattern writes its month: as a number or as a name.
enum MonthGroup {
    Number(usize),
    Name(usize),
}

impl DayPattern {
    fn new(source: &str, required: Option<char>) -> DayPattern {
        let pattern = Pattern::new(source).expect("a date pattern compiles");
        let group = |name: &str| {
            pattern
                .names()
                .into_iter()
                .find(|(found, _)| found == name)
                .map(|(_, index)| index)
        };
        let month = match (group("mon"), group("month")) {
            (Some(index), _) => MonthGroup::Number(index),
            (None, Some(index)) => MonthGroup::Name(index),
            (None, None) => panic!("a day pattern has a month group"),
        };
        let (year, day) = (group("year"), group("day"));
        DayPattern {
            year: year.expect("a day pattern has a year group"),
            day: day.expect("a day pattern has a day group"),
            month,
            pattern,
            required,
        }
    }
}

/// The day patterns in the order they are tried.
static DAY_PATTERNS: LazyLock<[DayPattern; 6]> = LazyLock::new(|| {
    [
        DayPattern::new(
            r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})",
            Some('-'),
        ),
        DayPattern::new(
            &format!(
                r"(?i)\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?{MONTH},?\s+(?:de\s+)?(?P<year>\d{{4}})\b"
            ),
            None,
        ),
        DayPattern::new(
            &format!(r"(?i){MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
            None,
        ),
        DayPattern::new(
            r"\b(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\b",
            Some('.'),
        ),
        // Chinese and Japanese (2025年3月15日), Korean (2025년 3월 15일).
        DayPattern::new(
            r"(?P<year>\d{4})\s*[年년]\s*(?P<mon>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]",
            None,
        ),
        // Year first with dots or slashes (2025.03.15, 2025/3/15), as East Asian sites write.
        DayPattern::new(
            r"\b(?P<year>\d{4})[./](?P<mon>\d{1,2})[./](?P<day>\d{1,2})\b",
            None,
        ),
    ]
});

/// A time of day: hour, minute and an optional a.m./p.m.
struct TimePattern {
    pattern: Pattern,
    hour: usize,
    minute: usize,
    ampm: usize,
}

static TIME: LazyLock<TimePattern> = LazyLock::new(|| {
    let pattern = Pattern::new(
        r"(?i)(?:\A|[^\pN])(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})(?:\s*(?P<ampm>[ap])\.?m\b\.?)?",
    )
    .expect("the time pattern compiles");
    let names = pattern.names();
    let group = |name: &str| {
        names
            .iter()
            .find(|(found, _)| found == name)
            .map(|&(_, index)| index)
            .expect("the time pattern has its groups")
    };
    TimePattern {
        hour: group("hour"),
        minute: group("minute"),
        ampm: group("ampm"),
        pattern,
    }
});

/// A calendar day, valid as Python's `datetime.date` takes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// The day, or None where `datetime.date(year, month, day)` raises ValueError.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Day> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Day { year, month, day })
    }

    /// `YYYY-MM-DD`, as `datetime.date.isoformat` writes it.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// ISO 8601 for a date written in `value`, with the time when one is given; else None.
pub fn parse_date(value: &str) -> Option<String> {
    let ascii = ascii_digits(value);
    let value = ascii.as_deref().unwrap_or(value);
    let (day, span) = find_day(value)?;
    Some(match find_time(value, span) {
        Some(time) => format!("{}T{time}", day.iso()),
        None => day.iso(),
    })
}

/// `value` with the digits of other scripts (Arabic-Indic, Persian, Devanagari) written
/// as ASCII ones, which the patterns read; None when it holds none.
fn ascii_digits(value: &str) -> Option<String> {
    let other = |c: char| matches!(c, '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}' | '\u{966}'..='\u{96f}');
    if !value.chars().any(other) {
        return None;
    }
    let ascii = |c: char| match c {
        '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
        '\u{6f0}'..='\u{6f9}' => char::from(b'0' + (c as u32 - 0x6f0) as u8),
        '\u{966}'..='\u{96f}' => char::from(b'0' + (c as u32 - 0x966) as u8),
        _ => c,
    };
    Some(value.chars().map(ascii).collect())
}

/// Whether `value` is a date and little else: a day the parser reads, with at most
/// one word of letters beside it (a weekday, "Posted", "Updated").
pub fn is_date_line(value: &str) -> bool {
    let ascii = ascii_digits(value);
    let value = ascii.as_deref().unwrap_or(value);
    let Some((_, (start, end))) = find_day(value) else {
        return false;
    };
    let outside = value[..start]
        .split_whitespace()
        .chain(value[end..].split_whitespace());
    outside
        .filter(|word| word.chars().any(char::is_alphabetic))
        .count()
        <= 1
}

/// The month number a month name stands for (any case); None for an unknown name.
pub fn month_of_name(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    // Upper case can decompose a letter (Greek "ΐ" is "Ϊ" and an accent in capitals),
    // and lower case does not put it back together.
    MONTH_BY_NAME
        .get(lower.as_str())
        .or_else(|| MONTH_BY_NAME.get(nfc(&lower).as_str()))
        .copied()
}

/// The first day pattern's first match that makes a valid day, and the byte span of
/// that match; a pattern whose first match is no valid day yields to the next.
fn find_day(value: &str) -> Option<(Day, (usize, usize))> {
    let data = value.as_bytes();
    for day_pattern in DAY_PATTERNS.iter() {
        if day_pattern.required.is_some_and(|c| !value.contains(c)) {
            continue;
        }
        let Some(spans) = first_match(&day_pattern.pattern, data, 0) else {
            continue;
        };
        let month = match day_pattern.month {
            MonthGroup::Number(index) => number(value, &spans, index),
            MonthGroup::Name(index) => month_of_name(group(value, &spans, index)).unwrap_or(0),
        };
        let year = number(value, &spans, day_pattern.year);
        let Some(day) = Day::new(year, month, number(value, &spans, day_pattern.day)) else {
            continue;
        };
        let (start, end) = spans[0];
        return Some((day, (start as usize, end as usize)));
    }
    None
}

/// `HH:MM` of the first time in `value` that does not start inside `exclude` (the
/// day's match) and is a real time of day.
fn find_time(value: &str, exclude: (usize, usize)) -> Option<String> {
    if !value.contains([':', '.', 'h', 'H']) {
        return None; // every match of TIME holds one of these between hour and minute
    }
    let data = value.as_bytes();
    let mut pos = 0;
    while let Some(spans) = first_match(&TIME.pattern, data, pos) {
        let (start, end) = (spans[0].0 as usize, spans[0].1 as usize);
        pos = end; // TIME never matches the empty string
        if exclude.0 <= start && start < exclude.1 {
            continue;
        }
        let mut hour = number(value, &spans, TIME.hour);
        let minute = number(value, &spans, TIME.minute);
        match group(value, &spans, TIME.ampm).to_lowercase().as_str() {
            "p" if hour < 12 => hour += 12,
            "a" if hour == 12 => hour = 0,
            _ => {}
        }
        if hour < 24 && minute < 60 {
            return Some(format!("{hour:02}:{minute:02}"));
        }
    }
    None
}

/// The first match of `pattern` in `data[pos..]`.
fn first_match(pattern: &Pattern, data: &[u8], pos: usize) -> Option<Spans> {
    pattern.find(data, pos, data.len(), 1).into_iter().next()
}

/// A group's text; "" for a group that did not take part.
fn group<'a>(value: &'a str, spans: &Spans, index: usize) -> &'a str {
    match spans[index] {
        (start, end) if start >= 0 => &value[start as usize..end as usize],
        _ => "",
    }
}

/// A group of ASCII digits as a number (0 for a group that did not take part, as
/// the Python `int(group or 0)` reads it).
fn number(value: &str, spans: &Spans, index: usize) -> u32 {
    group(value, spans, index).parse().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::is_date_line;

    #[test]
    fn date_lines_are_a_date_and_at_most_one_word() {
        assert!(is_date_line("Oct 8, 2024"));
        assert!(is_date_line("Posted March 19, 2024"));
        assert!(is_date_line("Friday, May 17, 2024 10:05"));
        assert!(!is_date_line("Elections on 5 May 2024 change the council"));
        assert!(!is_date_line("Ferry timetable changes"));
    }

    use super::*;

    fn parsed(value: &str) -> Option<String> {
        parse_date(value)
    }

    #[test]
    fn iso_days() {
        assert_eq!(parsed("2024-05-18").as_deref(), Some("2024-05-18"));
        assert_eq!(parsed("on 2024-5-8, late").as_deref(), Some("2024-05-08"));
        assert_eq!(parsed("2024-13-01"), None);
    }

    #[test]
    fn english_days() {
        assert_eq!(parsed("May 17, 2024").as_deref(), Some("2024-05-17"));
        assert_eq!(parsed("17th May 2024").as_deref(), Some("2024-05-17"));
        assert_eq!(parsed("Sept. 3rd 2023").as_deref(), Some("2023-09-03"));
        assert_eq!(
            parsed("10:34, 19 May 2024").as_deref(),
            Some("2024-05-19T10:34")
        );
        assert_eq!(parsed("DECEMBER 1, 1999").as_deref(), Some("1999-12-01"));
    }

    #[test]
    fn german_french_spanish_and_russian_days() {
        assert_eq!(parsed("17. Mai 2024").as_deref(), Some("2024-05-17"));
        assert_eq!(
            parsed("17. Mai 2024, 14.30 Uhr").as_deref(),
            Some("2024-05-17T14:30")
        );
        assert_eq!(parsed("3. März 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(parsed("1er mars 2024").as_deref(), Some("2024-03-01"));
        assert_eq!(parsed("12 févr. 2024").as_deref(), Some("2024-02-12"));
        assert_eq!(parsed("5 de mayo de 2024").as_deref(), Some("2024-05-05"));
        assert_eq!(parsed("1º de mayo de 2024").as_deref(), Some("2024-05-01"));
        assert_eq!(parsed("17 мая 2024").as_deref(), Some("2024-05-17"));
        assert_eq!(parsed("3 ДЕКАБРЯ 2021 г.").as_deref(), Some("2021-12-03"));
        assert_eq!(parsed("5 października 2020").as_deref(), Some("2020-10-05"));
    }

    #[test]
    fn days_in_other_scripts() {
        for (written, day) in [
            ("15 березня 2025", "2025-03-15"),
            ("15 мар 2025", "2025-03-15"),
            ("15 Μαρτίου 2025", "2025-03-15"),
            ("15 مارس 2025", "2025-03-15"),
            ("١٥ مارس ٢٠٢٥", "2025-03-15"),
            ("15 मार्च 2025", "2025-03-15"),
            ("2025年3月15日", "2025-03-15"),
            ("2025년 3월 15일", "2025-03-15"),
            ("2025.03.15", "2025-03-15"),
            ("2025/3/15", "2025-03-15"),
        ] {
            assert_eq!(parsed(written).as_deref(), Some(day), "{written}");
        }
        assert_eq!(
            parsed("2025年3月15日 18:30").as_deref(),
            Some("2025-03-15T18:30")
        );
        assert!(is_date_line("١٥ مارس ٢٠٢٥"));
    }

    #[test]
    fn numeric_days() {
        assert_eq!(parsed("31.12.2023").as_deref(), Some("2023-12-31"));
        assert_eq!(
            parsed("1.2.2023 um 9h05").as_deref(),
            Some("2023-02-01T09:05")
        );
    }

    #[test]
    fn times() {
        assert_eq!(
            parsed("Friday 17 May 2024 3:05pm").as_deref(),
            Some("2024-05-17T15:05")
        );
        assert_eq!(
            parsed("May 17, 2024 3.15 pm").as_deref(),
            Some("2024-05-17T15:15")
        );
        assert_eq!(
            parsed("May 17, 2024 12:10 a.m.").as_deref(),
            Some("2024-05-17T00:10")
        );
        assert_eq!(
            parsed("May 17, 2024 12:10 P.M.").as_deref(),
            Some("2024-05-17T12:10")
        );
        assert_eq!(
            parsed("May 17, 2024 0:05 pm").as_deref(),
            Some("2024-05-17T12:05")
        );
        assert_eq!(
            parsed("2024-05-19 10H34").as_deref(),
            Some("2024-05-19T10:34")
        );
        assert_eq!(parsed("May 17, 2024 25:00").as_deref(), Some("2024-05-17"));
        assert_eq!(
            parsed("May 17, 2024 25:00 then 9:61 then 7:08").as_deref(),
            Some("2024-05-17T07:08")
        );
        // An hour glued to a number (any script's) is no time; glued to a letter it is.
        assert_eq!(parsed("May 17, 2024 110:34").as_deref(), Some("2024-05-17"));
        assert_eq!(
            parsed("May 17, 2024 x10:34").as_deref(),
            Some("2024-05-17T10:34")
        );
        assert_eq!(parsed("May 17, 2024 ٣10:34").as_deref(), Some("2024-05-17"));
    }

    #[test]
    fn a_time_starting_inside_the_day_is_skipped() {
        // "17.05" inside the numeric day would read as a time; the one after counts.
        assert_eq!(parsed("17.05.2024").as_deref(), Some("2024-05-17"));
        assert_eq!(
            parsed("17.05.2024 08:15").as_deref(),
            Some("2024-05-17T08:15")
        );
        assert_eq!(
            parsed("09:30 17.05.2024").as_deref(),
            Some("2024-05-17T09:30")
        );
    }

    #[test]
    fn invalid_days_yield_to_the_next_pattern_or_none() {
        assert_eq!(parsed("31 February 2024"), None);
        assert_eq!(parsed("29 February 2023"), None);
        assert_eq!(parsed("29 February 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(parsed("29 February 1900"), None);
        assert_eq!(parsed("29 February 2000").as_deref(), Some("2000-02-29"));
        assert_eq!(parsed("31 April 2024"), None);
        assert_eq!(parsed("0000-01-01"), None);
        assert_eq!(parsed("1 May 0000"), None);
        assert_eq!(parsed("9999-12-31").as_deref(), Some("9999-12-31"));
        assert_eq!(parsed("0001-01-01").as_deref(), Some("0001-01-01"));
        assert_eq!(parsed("5 Smarch 2024"), None);
        // The ISO pattern's first match is invalid; the day-month-year one still reads.
        assert_eq!(
            parsed("2024-02-31, 1 May 2024").as_deref(),
            Some("2024-05-01")
        );
        assert_eq!(parsed("yesterday"), None);
        assert_eq!(parsed(""), None);
    }

    #[test]
    fn days_follow_datetime_date() {
        assert_eq!(
            Day::new(2024, 2, 29).map(|d| d.iso()).as_deref(),
            Some("2024-02-29")
        );
        assert!(Day::new(0, 1, 1).is_none());
        assert!(Day::new(10000, 1, 1).is_none());
        assert!(Day::new(2024, 0, 1).is_none());
        assert!(Day::new(2024, 1, 0).is_none());
        assert!(Day::new(2024, 6, 31).is_none());
    }

    #[test]
    fn month_names_in_any_case() {
        assert_eq!(month_of_name("MAI"), Some(5));
        assert_eq!(month_of_name("Październik"), Some(10));
        assert_eq!(month_of_name("ДЕКАБРЬ"), Some(12));
        assert_eq!(month_of_name("smarch"), None);
        // Romanian, Czech and Slovak (genitive), Turkish, Finnish (partitive), Indonesian.
        assert_eq!(month_of_name("Septembrie"), Some(9));
        assert_eq!(month_of_name("ŘÍJNA"), Some(10));
        assert_eq!(month_of_name("júna"), Some(6));
        assert_eq!(month_of_name("Eylül"), Some(9));
        // Turkish capitals: "KASIM" lowers to "kasim", a dotted i, the way it is also typed.
        assert_eq!(month_of_name("KASIM"), Some(11));
        assert_eq!(month_of_name("syyskuuta"), Some(9));
        assert_eq!(month_of_name("Agustus"), Some(8));
        let names: usize = MONTHS.iter().map(|(_, names)| names.len()).sum();
        assert_eq!(MONTH_BY_NAME.len(), names, "no name stands for two months");
        for (number, names) in MONTHS {
            for name in names {
                assert_eq!(*name, name.to_lowercase());
                assert_eq!(month_of_name(name), Some(number));
            }
        }
    }
}
