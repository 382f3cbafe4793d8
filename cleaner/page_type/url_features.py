"""Features from a page's url: its shape and the words of its path.

Only the subdomain, the path and the query's keys are read: the site's own
name says nothing about a page's type, and query values are ids and trackers.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import SplitResult, urlsplit

#: Path words (and subdomain labels) by the kind the features count.
URL_KINDS: dict[str, str] = {
    "article": (
        "blog blogs news article articles post posts story stories insights magazine "
        "opinion press journal"
    ),
    "docs": (
        "docs doc documentation reference api manual guide guides tutorial tutorials "
        "learn wiki handbook book man kb howto developer developers dev library std spec "
        "getting started"
    ),
    "forum": (
        "forum forums thread threads topic t discussion discussions community questions "
        "question viewtopic showthread comments board boards bbs r showtopic answers"
    ),
    "product": "product products p item itm dp sku buy pd",
    "collection": (
        "category categories collection collections c cat shop browse department catalog "
        "store range sale"
    ),
    "listing": (
        "search list lists listing listings jobs events results directory archive "
        "archives tag tags topics page latest all"
    ),
    "service": (
        "services service solutions solution pricing features about contact company "
        "platform plans enterprise business industries"
    ),
}
#: Whole path segments that name an issue tracker's or a code forge's discussion: an issue,
#: a pull or merge request, a bug (GitHub, GitLab, Gitea and Forgejo, Redmine, Bugzilla,
#: Launchpad). Counted as forum words, but only as segments of their own: in a slug,
#: "issues" or "bug" is a story's word ("legal-issues-mount").
TRACKER_SEGMENTS = frozenset({"issues", "pull", "pulls", "merge_requests", "show_bug.cgi", "+bug"})
#: Each word's kind (the first kind that names it).
_KIND_OF = {word: kind for kind, words in reversed(URL_KINDS.items()) for word in words.split()}

_WORD = re.compile(r"[a-z]+")
#: A year, or a year and month, as path segments: `/2024/`, `/2024/03/`, `/2024-03-08-...`.
_PATH_DATE = re.compile(r"/(?:19|20)\d\d(?:/|[/-](?:0?[1-9]|1[0-2])(?:[/-]|$))")
_NUMERIC_ID = re.compile(r"\d{3,}")
#: Query keys that say nothing about the page: trackers and session ids.
_TRACKING_KEYS = ("utm_", "srsltid", "gclid", "fbclid", "mc_", "ref", "sessionid", "_ga")


def url_features(url: str | None) -> dict[str, float]:
    """`url_<kind>`: path words of each kind; the path's depth, date, slug, id, file, query."""
    parts = _split(url)
    host = parts.hostname or ""
    segments = [segment for segment in parts.path.split("/") if segment]
    keys = [pair.split("=", 1)[0] for pair in parts.query.split("&") if pair]
    words = [
        *host.split(".")[:-2],
        *segments,
        *(key for key in keys if not key.startswith(_TRACKING_KEYS)),
    ]
    kinds = Counter(_KIND_OF.get(token) for word in words for token in _WORD.findall(word))
    kinds["forum"] += sum(segment in TRACKER_SEGMENTS for segment in segments)
    features = {f"url_{kind}": float(kinds[kind]) for kind in URL_KINDS}
    last = segments[-1] if segments else ""
    features["url_known"] = float(bool(host))
    features["url_depth"] = float(len(segments))
    features["url_date"] = float(bool(_PATH_DATE.search(parts.path)))
    features["url_slug_words"] = float(max((len(_WORD.findall(s)) for s in segments), default=0))
    features["url_numeric_id"] = float(bool(_NUMERIC_ID.search(parts.path)))
    features["url_file"] = float("." in last)
    features["url_query_keys"] = float(len(keys))
    return features


def _split(url: str | None) -> SplitResult:
    try:
        parts = urlsplit((url or "").strip().lower())
        parts.hostname  # noqa: B018 - raises ValueError for a malformed host
    except ValueError:
        return urlsplit("")
    return parts
