"""The core's field cleaners (src/dates.rs, src/urls.rs) against the Python ones.

The text phase is moving into the core, and setting a captured field cleans its value
there: a date is read by the core's parser (the one `cleaner.dates.parse_date` calls),
a url must be an http(s) URL and names the site. The Python side keeps urllib for URLs,
so the core's `site_of` and `is_http_url` must give what `cleaner.urls` gives on any
text: schemes in any case, userinfo, ports, IPv6 hosts, Unicode hosts, whitespace and
control characters, garbage.

Generated text leaves out lone surrogates (the core takes valid UTF-8 only) and
characters Python's Unicode database has not assigned: newer Unicode versions, which
the core's tables follow, may give those a case or a compatibility form.
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import _core
from cleaner.dates import MONTH_BY_NAME, parse_date
from cleaner.urls import is_http_url, site_of

CHECKED = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CHARACTERS = st.characters(exclude_categories=("Cs", "Cn"))
#: Python's `str.isspace` set and the C0 controls urlsplit strips at the start.
SPACES = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
EDGES = st.text(alphabet=st.sampled_from(SPACES + [chr(code) for code in range(0x21)]), max_size=3)


def hextets() -> st.SearchStrategy[str]:
    """IPv6-ish text: hextets, one `::` or none, an IPv4 tail, a zone; valid or nearly so."""
    hextet = st.one_of(
        st.sampled_from(["0", "1", "fe80", "FFFF", "db8", "", "12345", "g"]),
        st.text(alphabet="0123456789abcdefABCDEFxz", max_size=5),
    )
    tail = st.sampled_from(["", "", "1.2.3.4", "01.2.3.4", "256.1.1.1", "1.2.3", "0.0.0.0"])
    zone = st.sampled_from(["", "", "%eth0", "%25EtH0", "%", "%a%b", "%Zone"])
    return st.tuples(st.lists(hextet, max_size=9), st.integers(-1, 9), tail, zone).map(
        lambda parts: ipv6_text(*parts)
    )


def ipv6_text(hextets: list[str], gap: int, tail: str, zone: str) -> str:
    """The hextets joined by `:`, with `::` before hextet `gap` when there is one."""
    if 0 <= gap <= len(hextets):
        text = ":".join(hextets[:gap]) + "::" + ":".join(hextets[gap:])
    else:
        text = ":".join(hextets)
    if tail:
        text += tail if text.endswith(":") else ":" + tail
    return text + zone


HOSTS = st.one_of(
    st.sampled_from(
        [
            "www.example.com",
            "Example.COM.",
            "WWW.News.Example.org",
            "www.",
            "...",
            "ΑΣ",
            "ΑΣ.gr",
            "\u0130stanbul.tr",
            "b\u00fccher.de",
            "\u2100.com",
            "a\uff1ab.com",
            "xn--bcher-kva.de",
            "ex%41mple.com",
            "",
        ]
    ),
    hextets().map(lambda host: f"[{host}]"),
    st.sampled_from(["[v1.x]", "[v.x]", "[vAF.]", "[1.2.3.4]", "[::1", "::1]", "]x[", "[[::1]]"]),
    st.text(CHARACTERS, max_size=8),
    st.text(alphabet="[]:@%.vV1fF-_ÄΣ\u2100\ufe55", max_size=8),
)
USERINFO = st.sampled_from(["", "user@", "u:p@", "@", "a@b@", "[::1]@", "x]@", "Ü:ß@"])
PORTS = st.one_of(
    st.sampled_from(["", ":", ":80", ":8080", ":99999", ":abc", ":-1", ": 1", ":٣"]),
    st.text(CHARACTERS, max_size=4).map(lambda port: ":" + port),
)
SCHEMES = st.sampled_from(
    [
        *("http://", "https://", "HTTP://", "hTtPs://", "ftp://", "h+t.p://", "1http://", "//"),
        *("", "http:", "http:/", "http:\\\\", "mailto:", "ä://", "ht\ttp://", "http:/\n/"),
    ]
)
RESTS = st.one_of(
    st.sampled_from(["", "/", "/a/b", "?q=1", "#frag", "/p?q#f", "/[x]", "?@:"]),
    st.text(CHARACTERS, max_size=6),
)
URLS = st.one_of(
    st.tuples(EDGES, SCHEMES, USERINFO, HOSTS, PORTS, RESTS, EDGES).map("".join),
    st.text(CHARACTERS, max_size=30),
    st.text(alphabet=":/[]@?#%.hHtTpPsS \t\r\n\x00\x1c\u00a0wW", max_size=30),
)


@CHECKED
@given(URLS)
def test_core_site_of_is_the_python_one(url: str) -> None:
    assert _core.site_of(url) == site_of(url)


@CHECKED
@given(URLS)
def test_core_is_http_url_is_the_python_one(url: str) -> None:
    assert _core.is_http_url(url) == is_http_url(url)


@pytest.mark.parametrize("space", SPACES + [chr(code) for code in range(0x21)])
def test_core_strips_what_python_strips(space: str) -> None:
    for url in (f"{space}http://www.a.com{space}", f"http://a{space}b.com/", f"{space}//a.com"):
        assert _core.site_of(url) == site_of(url)
        assert _core.is_http_url(url) == is_http_url(url)


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.Example.COM/a", "example.com"),
        (" http://user:pw@news.example.org:8080/x ", "news.example.org"),
        ("http://example.com:abc/", "example.com"),  # .hostname never reads the port
        ("http://[FE80::1%25EtH0]:80/", "fe80::1%25eth0"),
        ("http://[::1/", None),
        ("http://[1.2.3.4]/", None),
        ("http://\u2100.com/", None),
        ("http://.../", ""),
        ("", None),
    ],
)
def test_sites(url: str, site: str | None) -> None:
    assert _core.site_of(url) == site_of(url) == site


def test_no_month_name_is_listed_twice() -> None:
    core = _core.month_names()
    assert len(core) == len(dict(core)), "a month name twice in the core's table"


@pytest.mark.parametrize("name", sorted(MONTH_BY_NAME))
def test_every_month_name_is_read_in_any_case(name: str) -> None:
    day = f"2024-{MONTH_BY_NAME[name]:02d}-05"
    for written in (name, name.upper(), name.title()):
        assert parse_date(f"5 {written} 2024") == day
        assert parse_date(f"{written} 5, 2024") == day


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("on 2024-5-8, late", "2024-05-08"),
        ("17th May 2024", "2024-05-17"),
        ("Sept. 3rd 2023", "2023-09-03"),
        ("DECEMBER 1, 1999", "1999-12-01"),
        ("1er mars 2024", "2024-03-01"),
        ("12 févr. 2024", "2024-02-12"),
        ("5 de mayo de 2024", "2024-05-05"),
        ("1º de mayo de 2024", "2024-05-01"),
        ("17 мая 2024", "2024-05-17"),
        ("3 ДЕКАБРЯ 2021 г.", "2021-12-03"),
        ("5 października 2020", "2020-10-05"),
        ("1.2.2023 um 9h05", "2023-02-01T09:05"),
        ("May 17, 2024 3.15 pm", "2024-05-17T15:15"),
        ("May 17, 2024 12:10 a.m.", "2024-05-17T00:10"),
        ("May 17, 2024 12:10 P.M.", "2024-05-17T12:10"),
        ("May 17, 2024 0:05 pm", "2024-05-17T12:05"),
        ("2024-05-19 10H34", "2024-05-19T10:34"),
        ("May 17, 2024 25:00 then 9:61 then 7:08", "2024-05-17T07:08"),
        ("May 17, 2024 110:34", "2024-05-17"),
        ("May 17, 2024 x10:34", "2024-05-17T10:34"),
        ("May 17, 2024 \u066310:34", "2024-05-17"),
        ("17.05.2024 08:15", "2024-05-17T08:15"),
        ("09:30 17.05.2024", "2024-05-17T09:30"),
        ("29 February 2023", None),
        ("29 February 2024", "2024-02-29"),
        ("29 February 1900", None),
        ("31 April 2024", None),
        ("0000-01-01", None),
        ("1 May 0000", None),
        ("9999-12-31", "9999-12-31"),
        ("5 Smarch 2024", None),
        ("2024-02-31, 1 May 2024", "2024-05-01"),
        ("\udc80 17 May 2024 \ud800 10:00", "2024-05-17T10:00"),
        ("", None),
    ],
)
def test_parse_date(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


@CHECKED
@given(st.text(max_size=40))
def test_a_parsed_date_is_a_real_day_and_time(value: str) -> None:
    parsed = parse_date(value)
    if parsed is not None:
        day, _, time = parsed.partition("T")
        assert dt.date.fromisoformat(day).isoformat() == day
        assert not time or dt.time.fromisoformat(time).isoformat(timespec="minutes") == time
