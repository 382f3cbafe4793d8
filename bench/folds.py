"""Tuning and validation folds of benchmark pages, grouped by site, fixed for good.

Why
---
Extraction tuned on some pages must be judged on pages of sites it has never
seen: a site's pages share one template, so a rule tuned on one of them flatters
the score of the others. Every benchmark that splits pages (bench/wcxb.py, and
later ones such as a dumps benchmark) imports this module, so a site falls on
the same side everywhere.

How
---
* `site_key(url)`: the site a page belongs to. The host is lowercased and cut
  to its registered domain (`docs.python.org` -> `python.org`,
  `forum.mssociety.org.uk` -> `mssociety.org.uk`), then to the domain's name
  without its suffix (`amazon.com` and `amazon.co.uk` -> `amazon`): a company's
  subdomains and country sites share templates, and so do the blogs of one
  hosting platform (`*.substack.com`). The suffix is found by a fixed rule
  rather than the public suffix list, so the folds never move when a list is
  updated: the last label, or the last two when the last is a two-letter
  country code and the one before is one of `SECOND_LEVEL_LABELS` (`co.uk`,
  `com.au`, `gov.au`, `edu.in`). A url with no host gives "".
* `fold_of(site)`: "tune" or "validate", from the first 8 bytes of
  sha256(`SEED` + newline + site) read as a fraction of 2**64: below two thirds
  is "tune". A site's fold depends on nothing but the site and the seed (not
  on which other pages a benchmark holds), so about two thirds of the sites,
  not exactly two thirds of the pages, land in "tune"; the seed is fixed and
  is never changed to improve the balance.
"""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Iterable
from typing import Literal
from urllib.parse import urlsplit

Fold = Literal["tune", "validate"]
FOLDS: tuple[Fold, ...] = ("tune", "validate")

#: Fixed for good: changing it moves pages between folds and voids earlier figures.
SEED = "cleaner-folds-v1"
TUNE_SHARE = 2 / 3

#: Second-level labels that, under a two-letter country code, belong to the suffix.
SECOND_LEVEL_LABELS = frozenset(
    {"ac", "co", "com", "edu", "gob", "gouv", "gov", "govt", "ltd", "mil", "ne", "net"}
    | {"nhs", "nic", "or", "org", "plc", "sch"}
)


def registered_domain(host: str) -> str:
    """The registered domain of a host name: `blog.example.co.uk` -> `example.co.uk`."""
    host = host.lower().rstrip(".")
    if _is_ip_address(host):
        return host
    labels = host.split(".")
    suffix_length = 1
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL_LABELS:
        suffix_length = 2
    return ".".join(labels[-(suffix_length + 1) :])


def site_key(url: str) -> str:
    """The site a page belongs to: its registered domain's name, without the suffix."""
    host = urlsplit(url.strip()).hostname or ""
    if not host:
        return ""
    domain = registered_domain(host)
    if _is_ip_address(domain):
        return domain
    return domain.split(".", 1)[0]


def fold_of(site: str, seed: str = SEED) -> Fold:
    """The fold of a site: "tune" for about two thirds of all sites, "validate" for the rest."""
    digest = hashlib.sha256(f"{seed}\n{site}".encode()).digest()
    share = int.from_bytes(digest[:8], "big") / 2**64
    return "tune" if share < TUNE_SHARE else "validate"


def split_sites(sites: Iterable[str], seed: str = SEED) -> dict[Fold, list[str]]:
    """The distinct sites of each fold, sorted."""
    folds: dict[Fold, list[str]] = {fold: [] for fold in FOLDS}
    for site in sorted(set(sites)):
        folds[fold_of(site, seed)].append(site)
    return folds


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
