"""URL helpers: the site a URL belongs to, and whether a site rule covers it."""

from __future__ import annotations

from urllib.parse import urlsplit


def site_of(url: str | None) -> str | None:
    """The host of `url` in lower case without a leading `www.`; None if there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def is_http_url(value: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def is_home_page(url: str | None) -> bool:
    """True for a site's front page: an http(s) URL whose path is empty or `/`."""
    if not url or not is_http_url(url):
        return False
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return False
    return path in ("", "/")


def site_matches(site: str | None, patterns: tuple[str, ...]) -> bool:
    """True when `site` is one of `patterns` or a subdomain of one."""
    if not site:
        return False
    return any(site == p or site.endswith("." + p) for p in patterns)
