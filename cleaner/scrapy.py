"""`CleanerPipeline`: a Scrapy item pipeline that cleans each scraped page as it arrives.

Needs the `scrapy` extra. Enable it in the project settings:

    ITEM_PIPELINES = {"cleaner.scrapy.CleanerPipeline": 300}

Settings (all optional):

- CLEANER_HTML_FIELD (default "html"): the item field holding the page (str or bytes).
- CLEANER_URL_FIELD (default "url"): the item field holding its url.
- CLEANER_OUTPUT_FIELD (default "cleaned"): the field that receives the result dict
  (the JSON contract of `Document.to_dict()`); set it to "" to merge the
  CLEANER_MERGE_FIELDS (default text, title, date, author, status, reason) into
  the item itself instead.
- CLEANER_DROP_EMPTY (default False): drop items whose page has no article
  (status `empty`) with DropItem; otherwise they are kept and flagged by their status.
- CLEANER_RULES / CLEANER_EXTRA_RULES: rule files or folders (replace / add to the shipped rules).
- How to clean: one setting per `CleanOptions` field, named CLEANER_ and the field in capitals:
  CLEANER_TIMEOUT (seconds, default 5; 0 or None: no limit), CLEANER_CRAWL_DATE (ISO 8601),
  CLEANER_CONTENT_TYPE (the charset of bytes pages), CLEANER_MAX_REMOVED_SHARE (0-1, default
  0.6; None or "none": no limit), CLEANER_FIX_MOJIBAKE (default False; needs the ftfy extra),
  CLEANER_MARKDOWN (default False: fill the result's `markdown`), CLEANER_LINKS and
  CLEANER_IMAGES (default False: keep links and images in that Markdown), CLEANER_LEAD
  (default True: an HTML page's marked standfirst opens the text).

`scrapy.Item` classes must declare the fields the pipeline writes; dict items take any.
The rules are compiled once, when the crawler starts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from cleaner.api import Cleaner
from cleaner.options import CleanOptions

DEFAULT_MERGE_FIELDS = ("text", "title", "date", "author", "status", "reason")


class CleanerPipeline:
    """Cleans the page in each item and stores the result on the item (see module doc)."""

    def __init__(
        self,
        cleaner: Cleaner,
        *,
        html_field: str = "html",
        url_field: str = "url",
        output_field: str = "cleaned",
        merge_fields: tuple[str, ...] = DEFAULT_MERGE_FIELDS,
        drop_empty: bool = False,
    ) -> None:
        """`cleaner` cleans every page with its own `options` (see `Cleaner`)."""
        self.cleaner = cleaner
        self.html_field = html_field
        self.url_field = url_field
        self.output_field = output_field
        self.merge_fields = merge_fields
        self.drop_empty = drop_empty

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanerPipeline:
        """Build the pipeline from the crawler's CLEANER_* settings."""
        settings = crawler.settings
        rules = settings.getlist("CLEANER_RULES") or None
        extra = settings.getlist("CLEANER_EXTRA_RULES")
        if not settings.get("CLEANER_HTML_FIELD", "html"):
            raise NotConfigured("CLEANER_HTML_FIELD is empty")
        return cls(
            Cleaner(rules=rules, extra_rules=extra, options=options_from_settings(settings)),
            html_field=settings.get("CLEANER_HTML_FIELD", "html"),
            url_field=settings.get("CLEANER_URL_FIELD", "url"),
            output_field=settings.get("CLEANER_OUTPUT_FIELD", "cleaned"),
            merge_fields=tuple(settings.getlist("CLEANER_MERGE_FIELDS", DEFAULT_MERGE_FIELDS)),
            drop_empty=settings.getbool("CLEANER_DROP_EMPTY", False),
        )

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the item's page; raise DropItem for an empty page when so configured."""
        adapter = ItemAdapter(item)
        raw = adapter.get(self.html_field)
        if not isinstance(raw, (str, bytes)):
            raise DropItem(f"no page in item field {self.html_field!r}")
        url = adapter.get(self.url_field)
        document = self.cleaner.clean(raw, url=url if isinstance(url, str) else None)
        if self.drop_empty and document.status == "empty":
            raise DropItem(f"no article left in {url or 'page'}: {document.reason}")
        result = document.to_dict()
        if self.output_field:
            adapter[self.output_field] = result
        else:
            for name in self.merge_fields:
                adapter[name] = result[name]
        return item


def options_from_settings(settings: Any) -> CleanOptions:
    """The `CleanOptions` the CLEANER_<FIELD> settings describe; unset ones keep their defaults."""
    given = {}
    for option in fields(CleanOptions):
        name = setting_name(option.name)
        if name in settings:
            given[option.name] = _SETTING_READERS[option.name](settings, name)
    return CleanOptions(**given)


def setting_name(option: str) -> str:
    """The setting of a `CleanOptions` field: `max_removed_share` → CLEANER_MAX_REMOVED_SHARE."""
    return f"CLEANER_{option.upper()}"


def _seconds(settings: Any, name: str) -> float | None:
    value = settings.get(name)
    return None if value is None else float(value) or None


def _share(settings: Any, name: str) -> float | None:
    value = settings.get(name)
    return None if value is None or str(value).lower() == "none" else float(value)


def _text(settings: Any, name: str) -> str | None:
    value = settings.get(name)
    return None if value is None else str(value)


def _flag(settings: Any, name: str) -> bool:
    return bool(settings.getbool(name))


#: How each `CleanOptions` field is read from its setting (a test checks none is missing).
_SETTING_READERS: dict[str, Callable[[Any, str], Any]] = {
    "timeout": _seconds,
    "crawl_date": _text,
    "content_type": _text,
    "max_removed_share": _share,
    "fix_mojibake": _flag,
    "markdown": _flag,
    "links": _flag,
    "images": _flag,
    "lead": _flag,
}
