"""Author names from raw credits: prefixes, dates, roles, agencies and the site taken out."""

from __future__ import annotations

import re

from cleaner.dates import MONTH_BY_NAME
from cleaner.metadata.page import clean_text, compact_form
from cleaner.metadata.site_names import names_site

_CREDIT_START = re.compile(
    r"(?i)^(?:von|par|por|przez|door|της|του|από\s+τ[ηο]ν?)\s+|\b(?:written\s+)?by\s*:?\s+"
)
_LOWER_PREFIX = re.compile(r"^(?:di|de|door|av|af):?\s+")  # lower case: "De" starts names
#: A role label before the name, in any case: "Author Jane Doe", "Texto: Ana Ruiz".
_ROLE_PREFIX = re.compile(
    r"(?i)^(?:(?:author|autor|autora|auteur|autore|text|texto|tekst):?\s+"
    r"|(?:作者|记者|記者)\s*[:：/／]?\s*(?=\S)|文\s*[:：/／]\s*)"
)
#: A label before the name: "Text:", "Autor:", "Текст:", "作者：", "文／".
_LABEL = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+)?\s?[:：／]\s*")
#: A role written after the name: "김민수 기자", "山本健太記者", "王晓燕 记者".
_ROLE_SUFFIX = re.compile(r"\s*(?:기자|記者|记者|特派員|特派员)$")
_CREDIT_END = re.compile(
    r"(?i)\s[|•·—–-]\s|[|•·()\[\]\n]|\s@|https?:|\b(?:last\s+)?(?:updated|published|posted|"
    r"veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|"
    r"aggiornato|opublikowano)\b|\s입력\b"
)
_JOINERS = re.compile(
    r"\s*(?:[,;&/]|\s(?:and|und|et|y|e|i|en|og|och|oraz|ja|és)\s|(?<=\w\w)\.\s)\s*"
)
_TRAILING_WORDS = frozenset(
    {"on", "at", "am", "le", "el", "il", "den", "the", "updated", "published", "posted"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
    | set(MONTH_BY_NAME)
)
#: Credits that are no person's name, in compact form.
_NOT_NAMES = frozenset(
    {"admin", "administrator", "editor", "editors", "editorialboard", "staff", "emailtheauthor"}
    | {"follow", "biography", "bio", "contact", "more", "share", "twitter", "facebook", "guest"}
    | {"anonymous", "unknown", "author", "authors", "advertisement", "sponsored", "newsdesk"}
    | {"undefined", "null", "none", "nan"}  # empty template values
    | {"hi", "hello", "welcome", "signin", "login", "account", "myaccount", "buyer", "seller"}
    | {"editorial", "opinion", "news", "home", "by", "von", "par", "por", "door", "przez"}
    | {"md", "ms", "phd", "rdn", "rd", "mph", "mba", "jr", "sr", "dr", "msc", "ma", "ba", "mr"}
    | {"webdesk", "redaktion", "rédaction", "redacción", "redazione", "redakcja"}
)
#: Words that make a credit a role, desk or link label rather than a name.
_ROLE_WORDS = frozenset(
    {"staff", "reporter", "reporters", "correspondent", "editor", "editors", "writer", "writers"}
    | {"contributor", "columnist", "producer", "journalist", "photographer", "bureau", "desk"}
    | {"newsroom", "team", "board", "email", "view", "posts", "articles", "profile", "read"}
    | {"minutes", "min", "ago", "updated", "published", "posted", "comments", "more"}
    | {"editorial", "process", "guidelines", "policy", "about", "bio", "admin", "webmaster"}
)
#: Words that make a credit an organisation's name.
_ORGANISATION_WORDS = frozenset(
    {"agency", "association", "institute", "university", "department", "ministry", "office"}
    | {"inc", "inc.", "ltd", "ltd.", "llc", "corp", "corporation", "company", "group", "council"}
    | {"foundation", "society", "organization", "organisation", "network", "media", "press"}
    | {"news", "magazine", "journal", "studio", "studios", "services", "communications"}
)
#: News agencies, compact: credits, never authors.
_AGENCIES = frozenset(
    {"reuters", "associatedpress", "theassociatedpress", "ap", "afp", "agencefrancepresse"}
    | {"dpa", "efe", "ansa", "bloomberg", "bloombergnews", "pressassociation", "pa", "pamedia"}
    | {"xinhua", "kyodo", "kyodonews", "upi", "tass", "ians", "pti", "ani", "aap", "cnnwire"}
    | {"thecanadianpress", "canadianpress", "apa", "anp", "belga", "sda", "ats", "europapress"}
)
_MAX_NAME_WORDS = 6


def clean_authors(credits: list[str], names: list[str]) -> list[str]:
    """The distinct people in raw credits, in order.

    News agencies are credits but not authors: a byline of only "Reuters"
    gives no author, as a reader would say the story has no named author.
    """
    found: dict[str, str] = {}
    for credit in credits:
        for name in _without_outlet(_split_credit(credit)):
            name = _without_repetition(_without_agency_suffix(name))
            if _is_person(name, names):
                name = name.title() if name.isupper() and " " in name else name
                found.setdefault(name.casefold(), name)
    return list(found.values())


def _without_repetition(name: str) -> str:
    """`AquaCare AquaCare` → `AquaCare`: a name said twice (an avatar's text and the link's)."""
    words = name.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def _without_outlet(pieces: list[str]) -> list[str]:
    """A credit's names without a one-word outlet after a full name (`Jane Doe, Futurism`)."""
    if len(pieces) < 2 or len(pieces[0].split()) < 2:
        return pieces
    return [pieces[0], *(p for p in pieces[1:] if len(p.split()) >= 2)]


def _split_credit(text: str) -> list[str]:
    """The names in one credit: prefix ("By"), trailing date/role text and joins removed."""
    text = clean_text(text) or ""
    start = _CREDIT_START.search(text)
    if start is not None:
        text = text[start.end() :]
    text = _LABEL.sub("", _ROLE_PREFIX.sub("", _LOWER_PREFIX.sub("", text)))
    end = _CREDIT_END.search(text)
    if end is not None:
        text = text[: end.start()]
    digit = _FIRST_NUMBER.search(text)
    if digit is not None:
        text = _drop_trailing_words(text[: digit.start()])
    pieces = (
        _ROLE_SUFFIX.sub("", _ROLE_PREFIX.sub("", _LOWER_PREFIX.sub("", p.strip(" ,.;:-–—'\""))))
        for p in _JOINERS.split(text)
    )
    return [p for p in pieces if p]


#: The first number standing on its own (a date, a time), not the digits ending a user name.
_FIRST_NUMBER = re.compile(r"(?<![^\W_])\d")


def _without_agency_suffix(name: str) -> str:
    """`Eric Tucker Associated Press` → `Eric Tucker`: an agency run into a name."""
    lowered = name.lower()
    for agency in _AGENCY_SUFFIXES:
        if lowered.endswith(agency) and len(name) - len(agency) > 3:
            rest = name[: -len(agency)].rstrip(" ,")
            return rest if len(rest.split()) >= 2 else name
    return name


_AGENCY_SUFFIXES = (" associated press", " reuters", " afp", " dpa", " bloomberg", " ap")


def _drop_trailing_words(text: str) -> str:
    """Text before a date, without the month, weekday and "on" words that led up to it."""
    words = text.replace(",", " ").split()
    while words and words[-1].lower().rstrip(".") in _TRAILING_WORDS:
        words.pop()
    return " ".join(words)


def _is_person(name: str, site_names: list[str]) -> bool:
    """Whether a credit looks like a name or user name, not a role, date, link or the site."""
    handle = _is_handle(name)
    if not 2 <= len(name) <= 60 or (name[0].islower() and not handle):
        return False
    if (any(c.isdigit() for c in name) and not _USER_NAME.fullmatch(name)) or "@" in name:
        return False  # a date or a time; a user name may end in digits (`InsaneSnow45`)
    if "://" in name or "www." in name:
        return False
    lowered = name.lower().replace("-", " ").split()
    if len(lowered) > _MAX_NAME_WORDS or any(w.strip(".,") in _ROLE_WORDS for w in lowered):
        return False
    words = name.split()
    if len(words) == 1 and name.isupper() and len(name) > 3:
        return False  # a code or user name (KWCHCIK), not a person's name
    if not handle and any(
        w[0].islower() and w not in _NAME_PARTICLES for w in words[1:] if w[0].isalpha()
    ):
        return False  # "The Russian and Syrian defense ministries"
    if lowered[0] == "the" or any(w in _ORGANISATION_WORDS for w in lowered):
        return False  # "The Water Coolest", "European Space Agency": bodies and publications
    compact = compact_form(name)
    if not compact or compact in _NOT_NAMES or _is_agency(name):
        return False
    return not names_site(name, site_names)


#: Lower-case words that may stand inside a name (Ursula von der Leyen, Vincent van Gogh).
_NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le"}
    | {"bin", "ibn", "al", "el", "ter", "zu", "af", "st."}
)


def site_named_person(credits: list[str], names: list[str]) -> str | None:
    """The first credit that is the site's very name and reads as a person's name.

    Personal sites are named after their authors (`janedoe.com`, a newsletter
    called "Jane Doe"): there the site's name is the author's. A name is two
    to four capitalised words (`Jane Doe`, `Anna van der Berg`); a one-word
    brand, an acronym or a name with an organisation's word is not.
    """
    for credit in credits:
        for piece in _split_credit(credit):
            if compact_form(piece) in names and _reads_as_a_name(piece) and _is_person(piece, []):
                return piece
    return None


def _reads_as_a_name(text: str) -> bool:
    """True for two to four capitalised words, name particles aside (`Anna van der Berg`)."""
    words = text.split()
    names = [w for w in words if w not in _NAME_PARTICLES]
    return 2 <= len(names) <= 4 and len(names) >= len(words) - 2 and all(map(_capitalised, names))


def _capitalised(word: str) -> bool:
    """`Doe`, `Martínez-Beltrán`, `O'Neil`: an upper-case letter, then lower-case letters."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return len(letters) >= 2 and letters.isalpha() and word[0].isupper() and word[1:].islower()


#: One word of four letters or more then digits: a user name (`InsaneSnow45`), not a code (`rmb80`).
_USER_NAME = re.compile(r"[^\W\d_]{4,}[^\W_]*\d+")


def _is_handle(name: str) -> bool:
    """True for a user name: one word in lower case (`amondale`, `h.szeyee`).

    Forums and blog platforms credit accounts; an account name of three
    letters or fewer is initials or a desk code, and an admin account is the
    site's, not a person's.
    """
    letters = sum(c.isalpha() for c in name)
    # several lower-case words in a byline are a phrase ("expert gardeners"), not a name
    return letters >= 4 and name.islower() and " " not in name and "admin" not in name


def credits_organisation(credits: list[str], names: list[str]) -> bool:
    """True when a credit names a news agency or the site itself."""
    pieces = (piece for credit in credits for piece in _split_credit(credit))
    return any(_is_agency(piece) or names_site(piece, names) for piece in pieces)


def _is_agency(name: str) -> bool:
    """True for a news agency's name, alone or leading (`Reuters Washington`)."""
    return compact_form(name) in _AGENCIES or compact_form(name.split()[0]) in _AGENCIES
