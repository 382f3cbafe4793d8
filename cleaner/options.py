"""`CleanOptions`: how to clean, defined once for every way in.

`clean`, `Cleaner`, the batch worker, Dask, Scrapy, lint and every command
take or build one of these rather than listing the settings again, so a new
setting is declared here (a field, and its keyword in `CleanKeywords`) and
reaches all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypedDict

from cleaner.read import require_ftfy

#: Seconds one document may take unless the caller says otherwise.
DEFAULT_TIMEOUT = 5.0
#: The share of a document's text the rules may remove before the result is flagged.
DEFAULT_MAX_REMOVED_SHARE = 0.6


@dataclass(frozen=True, kw_only=True)
class CleanOptions:
    """The settings of a clean run; frozen and hashable, so it travels to workers as it is.

    - `timeout`: seconds one document may take (None: no limit); a document
      over it comes back with status `error`, reason `timeout`.
    - `crawl_date`: when the pages were fetched (ISO 8601); no publication
      date later than it is taken.
    - `content_type`: the HTTP Content-Type header that came with raw bytes,
      for their charset.
    - `max_removed_share`: when the rules remove more than this share (0 to 1)
      of a document's text, its `warnings` say so (None: no limit).
    - `fix_mojibake`: repair text decoded with the wrong charset before
      (`cafÃ©` → `café`; needs the `ftfy` extra).
    - `markdown`: also fill `Document.markdown`, the body as GitHub-flavoured
      Markdown (see `cleaner.markdown`); nothing of it runs otherwise.
    - `links`, `images`: with `markdown`, keep links (`[text](url)`) and
      images (`![alt](src)`) in it; without, they leave no trace.
    - `lead`: an HTML page's standfirst (the summary its template prints between
      headline and body, marked as such) opens the text, as a reader sees it;
      False keeps to the body extraction finds, which leaves a standfirst printed
      apart from it out, as schema.org's `articleBody` and some benchmarks do.

    Values are checked when the object is built: a share outside 0..1 raises
    ValueError, `fix_mojibake` without ftfy raises MissingExtraError.
    """

    timeout: float | None = DEFAULT_TIMEOUT
    crawl_date: str | None = None
    content_type: str | None = None
    max_removed_share: float | None = DEFAULT_MAX_REMOVED_SHARE
    fix_mojibake: bool = False
    markdown: bool = False
    links: bool = False
    images: bool = False
    lead: bool = True

    def __post_init__(self) -> None:
        share = self.max_removed_share
        if share is not None and not 0 <= share <= 1:
            raise ValueError(f"max_removed_share must be between 0 and 1, got {share!r}")
        if self.fix_mojibake:
            require_ftfy()

    def for_record(
        self, *, content_type: str | None = None, crawl_date: str | None = None
    ) -> CleanOptions:
        """These options for one record that brings values of its own.

        A record can carry a content type (a WARC record's HTTP header) and a
        crawl date (a WARC record's `WARC-Date`). The rule is the same for
        both: a value the run set wins, because whoever set it for the whole
        run meant it (`--crawl-date` overrides every `WARC-Date`); the
        record's value fills a field the run left unset (None or empty).
        """
        content_type = self.content_type or content_type
        crawl_date = self.crawl_date or crawl_date
        if content_type == self.content_type and crawl_date == self.crawl_date:
            return self
        return replace(self, content_type=content_type, crawl_date=crawl_date)

    def with_keywords(self, keywords: CleanKeywords) -> CleanOptions:
        """A copy with the fields `keywords` names replaced: keywords override these options.

        This is what `clean(raw, options=run, timeout=None)` does: the run's
        options, but no time limit.
        """
        return replace(self, **keywords) if keywords else self


class CleanKeywords(TypedDict, total=False):
    """`CleanOptions`' fields as keyword arguments, for `clean(raw, timeout=None)` and kin.

    The same names and types as the fields (a test keeps the two in step).
    """

    timeout: float | None
    crawl_date: str | None
    content_type: str | None
    max_removed_share: float | None
    fix_mojibake: bool
    markdown: bool
    links: bool
    images: bool
    lead: bool


#: The options of a call that names none.
DEFAULT_OPTIONS = CleanOptions()
