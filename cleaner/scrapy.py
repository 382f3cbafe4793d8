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
- CLEANER_TIMEOUT (default 5 seconds) and CLEANER_CRAWL_DATE, as on the command line.

`scrapy.Item` classes must declare the fields the pipeline writes; dict items take any.
The rules are compiled once, when the crawler starts.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from cleaner.api import Cleaner
from cleaner.deadline import DEFAULT_TIMEOUT

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
        timeout: float | None = DEFAULT_TIMEOUT,
        crawl_date: str | None = None,
    ) -> None:
        self.cleaner = cleaner
        self.html_field = html_field
        self.url_field = url_field
        self.output_field = output_field
        self.merge_fields = merge_fields
        self.drop_empty = drop_empty
        self.timeout = timeout
        self.crawl_date = crawl_date

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanerPipeline:
        """Build the pipeline from the crawler's CLEANER_* settings."""
        settings = crawler.settings
        rules = settings.getlist("CLEANER_RULES") or None
        extra = settings.getlist("CLEANER_EXTRA_RULES")
        if not settings.get("CLEANER_HTML_FIELD", "html"):
            raise NotConfigured("CLEANER_HTML_FIELD is empty")
        timeout = settings.getfloat("CLEANER_TIMEOUT", DEFAULT_TIMEOUT)
        return cls(
            Cleaner(rules=rules, extra_rules=extra),
            html_field=settings.get("CLEANER_HTML_FIELD", "html"),
            url_field=settings.get("CLEANER_URL_FIELD", "url"),
            output_field=settings.get("CLEANER_OUTPUT_FIELD", "cleaned"),
            merge_fields=tuple(settings.getlist("CLEANER_MERGE_FIELDS", DEFAULT_MERGE_FIELDS)),
            drop_empty=settings.getbool("CLEANER_DROP_EMPTY", False),
            timeout=timeout or None,
            crawl_date=settings.get("CLEANER_CRAWL_DATE"),
        )

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the item's page; raise DropItem for an empty page when so configured."""
        adapter = ItemAdapter(item)
        raw = adapter.get(self.html_field)
        if not isinstance(raw, (str, bytes)):
            raise DropItem(f"no page in item field {self.html_field!r}")
        url = adapter.get(self.url_field)
        document = self.cleaner.clean(
            raw,
            url=url if isinstance(url, str) else None,
            crawl_date=self.crawl_date,
            timeout=self.timeout,
        )
        if self.drop_empty and document.status == "empty":
            raise DropItem(f"no article left in {url or 'page'}: {document.reason}")
        result = document.to_dict()
        if self.output_field:
            adapter[self.output_field] = result
        else:
            for name in self.merge_fields:
                adapter[name] = result[name]
        return item
