"""cleaner.scrapy.CleanerPipeline in a real Scrapy crawl of pages served from 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

pytest.importorskip("scrapy")

PAGES = sorted(FIXTURES.glob("10*.html"))
EMPTY_PAGE = (
    "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
)

CRAWL = textwrap.dedent(
    """
    import functools, http.server, sys, threading
    import scrapy
    from scrapy.crawler import CrawlerProcess

    site, out = sys.argv[1], sys.argv[2]
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site)
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"

    class Pages(scrapy.Spider):
        start_urls = [root + "index.html"]

        def parse(self, response):
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, self.page)

        def page(self, response):
            yield {"url": response.url, "html": response.text}

    class Dropping(Pages):
        name = "dropping"
        custom_settings = {
            "CLEANER_DROP_EMPTY": True,
            "FEEDS": {out + "/dropping.jsonl": {"format": "jsonlines"}},
        }

    class Merging(Pages):
        name = "merging"
        custom_settings = {
            "CLEANER_OUTPUT_FIELD": "",
            "CLEANER_MERGE_FIELDS": ["title", "status", "reason"],
            "FEEDS": {out + "/merging.jsonl": {"format": "jsonlines"}},
        }

    process = CrawlerProcess({
        "ITEM_PIPELINES": {"cleaner.scrapy.CleanerPipeline": 300},
        "LOG_LEVEL": "WARNING",
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
    })
    process.crawl(Dropping)
    process.crawl(Merging)
    process.start()
    server.shutdown()
    """
)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    out = tmp_path_factory.mktemp("out")
    names = [p.name for p in PAGES] + ["empty.html"]
    for page in PAGES:
        (site / page.name).write_bytes(page.read_bytes())
    (site / "empty.html").write_text(EMPTY_PAGE, encoding="utf-8")
    links = "".join(f'<a href="{name}">{name}</a>' for name in names)
    (site / "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    script = out / "crawl.py"
    script.write_text(CRAWL, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(site), str(out)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    return out


def items(path: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text("utf-8").split("\n")[:-1]]
    return {str(row["url"]).rsplit("/", 1)[-1]: row for row in rows}


def goldens() -> dict[str, dict[str, object]]:
    return {
        p.name: json.loads(p.with_name(p.stem + ".expected.json").read_text("utf-8")) for p in PAGES
    }


def test_items_carry_the_cleaned_article_and_empty_ones_are_dropped(crawled: Path) -> None:
    got = items(crawled / "dropping.jsonl")
    assert sorted(got) == sorted(p.name for p in PAGES)  # empty.html was dropped
    for name, golden in goldens().items():
        cleaned = got[name]["cleaned"]
        assert isinstance(cleaned, dict)
        assert cleaned["status"] == "ok"
        assert cleaned["title"] == golden["title"]
        assert cleaned["text"] == golden["text"]


def test_merged_fields_and_empty_pages_flagged(crawled: Path) -> None:
    got = items(crawled / "merging.jsonl")
    assert sorted(got) == sorted([p.name for p in PAGES] + ["empty.html"])
    assert got["empty.html"]["status"] == "empty" and got["empty.html"]["reason"]
    for name, golden in goldens().items():
        assert set(got[name]) == {"url", "html", "title", "status", "reason"}
        assert (got[name]["title"], got[name]["status"]) == (golden["title"], "ok")
