"""The names a site goes by, and recognising them in titles and credits.

Names are compared in compact form (`page.compact_form`): `BBC News`, `bbc.co.uk`
and `bbc` are told apart from the headline or author they stand beside.
"""

from __future__ import annotations

import re

from cleaner.metadata.page import Page, compact_form, ld_text, meta_value, primary_article, types_of


def site_names_of(page: Page, site: str | None) -> list[str]:
    """Compact forms of the names the site goes by, to recognise them in titles and credits.

    A declared name as long as a headline and equal to the page's title is
    that title filed in the wrong field by a template, not the site's name: it
    would make every part of the title look like a part of the site's name.
    """
    raw: list[str | None] = [
        meta_value(page, "og:site_name"),
        meta_value(page, "application-name"),
    ]
    twitter = meta_value(page, "twitter:site")
    raw.append(twitter.lstrip("@") if twitter else None)
    primary = primary_article(page)
    publisher = primary.get("publisher") if primary else None
    if isinstance(publisher, dict):
        raw.append(ld_text(publisher, "name"))
    for obj in page.others:
        if {"website", "organization", "newsmediaorganization"} & set(types_of(obj)):
            raw.append(ld_text(obj, "name"))
    titles = {compact_form(page.title), compact_form(meta_value(page, "og:title"))}
    declared = [
        compact_form(name)
        for name in raw
        if name and not (len(name.split()) > _SITE_NAME_WORDS and compact_form(name) in titles)
    ]
    if site:
        labels = site.split(".")
        declared += [compact_form(site), compact_form(_registrable_label(labels))]
    return list(dict.fromkeys(name for name in declared if name))


def own_site_names(page: Page, site: str | None) -> list[str]:
    """Compact forms of the names a site gives itself: its host, `og:site_name`, app name.

    The host gives its registrable name and its first label, which on a
    hosting platform is the site's own (`janedoe.substack.com`).

    Narrower than `site_names_of`: an account handle or a publisher named in
    JSON-LD may be a desk's or a parent company's, not the site's own name.
    """
    raw = [meta_value(page, "og:site_name"), meta_value(page, "application-name")]
    if site:
        labels = site.split(".")
        raw += [_registrable_label(labels), labels[0]]  # `janedoe` of janedoe.substack.com
    return [name for name in map(compact_form, raw) if name]


def _registrable_label(labels: list[str]) -> str:
    """The name part of a host: `nytimes` of nytimes.com, `bbc` of bbc.co.uk."""
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "gob"})


def is_site_name(text: str, names: list[str]) -> bool:
    """True when `text` names the site, compared in compact form.

    Equal, or nearly: a part of a name (`Sportsnet` of sportsnet.ca), or a name
    with a word or two more (`BBC News`, `Twin Cities Pioneer Press`). A longer
    text that merely contains the name (`Apple unveils iPhone`) is a headline.
    """
    compact = compact_form(text)
    if not compact:
        return False
    if compact in names:
        return True
    if len(text.split()) > _SITE_NAME_WORDS:
        return False
    return any(
        (len(compact) >= 3 and compact in n)
        or (len(n) >= 3 and n in compact and len(compact) - len(n) <= _SITE_NAME_EXTRA)
        for n in names
    )


_SITE_NAME_WORDS = 5
_SITE_NAME_EXTRA = 8  # characters a site name may gain ("News", "Online") and still be it


# -- in titles and credits ----------------------------------------------------------------


SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " // ", " ‹ ", " › ", " ~ ")
#: Separators allowed between a title and the whole site name only (the full-width colon
#: of Japanese and Chinese titles among them: `見出し：朝日新聞デジタル`).
_SITE_SEPARATORS = (*SEPARATORS, ": ", " : ", " @ ", "：")

#: Characters of the scripts whose titles write their separators without spaces (Chinese
#: and Japanese), with their punctuation and full-width forms (`「」`, `！`).
_HAN_KANA = (
    "[\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]"
)
#: A separator as Chinese and Japanese titles write it, unspaced: a bar or an underscore
#: beside such a character (`标题_新闻中心_某某网`, `見出し｜サイト`), a dash between two
#: of them (`标题-某某网`); the full-width bar and `丨` are separators wherever they stand.
#: A bar or dash between Latin letters or digits (`C|C++`, `COVID-19`) is not one, nor a
#: hyphen in Korean, which spaces its words and joins names with it (`엘제이-류화영`).
_UNSPACED_SEPARATOR = re.compile(
    f"\\s*[｜丨]\\s*|(?<={_HAN_KANA})[_|]|[_|](?={_HAN_KANA})"
    f"|(?<={_HAN_KANA})[-－–—](?={_HAN_KANA})"
)


def spaced_separators(title: str) -> str:
    """`title` with the separators Chinese and Japanese titles write unspaced written as
    SEPARATORS are (`标题_新闻中心` gives `标题 | 新闻中心`), so that a title's parts and
    its site name are told apart in every script. Other titles come back as they are."""
    if title.isascii():
        return title
    return _UNSPACED_SEPARATOR.sub(_spaced, title)


def _spaced(match: re.Match[str]) -> str:
    dash = match.group().strip()
    return f" {dash} " if dash in "–—" else " - " if dash in "-－" else " | "


def strip_site(title: str, names: list[str], leading: bool = True) -> str:
    """The title without a trailing (and, if `leading`, a leading) site name and its separator.

    A whole site name is looked for first, since it may hold separators itself
    (`Autoracing | F1 | Indy`); then one part at a time, loosely compared.
    """
    title = _strip_whole_site(title, names, leading)
    changed = True
    while changed:
        changed = False
        for separator in _SITE_SEPARATORS:
            head, sep, tail = title.rpartition(separator)
            if sep and head.strip() and is_site_name(tail, names):
                title, changed = head.strip(), True
                break
            if not leading:
                continue
            head, sep, tail = title.partition(separator)
            if sep and tail.strip() and is_site_name(head, names):
                title, changed = tail.strip(), True
                break
    return title.strip()


def _strip_whole_site(title: str, names: list[str], leading: bool) -> str:
    """The title without a site name that ends (or starts) it after (before) any separator."""
    for separator in _SITE_SEPARATORS:
        start = title.find(separator)
        while start > 0:
            head, tail = title[:start].strip(), title[start + len(separator) :].strip()
            if head and tail and compact_form(tail) in names:
                return head
            if leading and head and tail and compact_form(head) in names:
                return tail
            start = title.find(separator, start + 1)
    return title


def names_site(name: str, site_names: list[str]) -> bool:
    """True when a credit is the site or starts with its name (`Telegraph Sport`, `CNN Tech`)."""
    compact = compact_form(name)
    if compact_form(name.split()[0]) in site_names:
        return True
    return any(
        compact == n
        or (min(len(compact), len(n)) >= 5 and (compact.startswith(n) or n.startswith(compact)))
        for n in site_names
    )
