"""cleaner.datatrove.CleanerExtractor in a real datatrove pipeline run by its local executor."""

from __future__ import annotations

import json
import multiprocessing
import pickle
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("orjson")  # datatrove's JsonlWriter

from datatrove.data import Document as DatatroveDocument
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter

import cleaner
from cleaner.datatrove import (
    HARD_TIMEOUT_MARGIN,
    CleanedPage,
    CleanerExtractor,
    Page,
    sandbox_limit,
)
from cleaner.options import CleanOptions

FIG = """<html><head><title>Repotting a fig tree | Balcony Garden</title>
<meta name="author" content="Mira Kovac">
<meta property="article:published_time" content="2024-02-10T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/plants">Plants</a> <a href="/about">About</a>
</nav></header><main><article><h1>Repotting a fig tree</h1>
<p>A potted fig needs a new pot every two or three years, when roots start to circle the
bottom and water runs straight through the soil.</p>
<p>Choose a pot only a few centimetres wider than the old one. Loosen the root ball with your
fingers, trim any dead roots, and set the tree at the same depth it grew before.</p>
<p>Water well and keep the tree out of strong sun for a week while the roots settle.</p>
</article></main><footer><p>Share this post on social media</p>
<p>Copyright 2024 Balcony Garden. All rights reserved.</p></footer></body></html>"""

BREAD = """<html><head><title>A slow sourdough loaf - The Bread Notebook</title>
<meta name="author" content="Tomas Berg"></head>
<body><nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav>
<article><h1>A slow sourdough loaf</h1>
<p>Mix the flour and water an hour before the starter goes in: the dough becomes smoother and
easier to stretch without any extra kneading.</p>
<p>Let the shaped loaf rest overnight in the fridge. The cold slows the yeast, deepens the
flavour and makes the crust blister in the oven.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>"""

EMPTY = """<html><head><title>Menu</title></head><body><nav><a href="/">Home</a>
<a href="/plants">Plants</a></nav><footer>Copyright 2024</footer></body></html>"""

FIG_URL = "https://balcony.example.net/fig"
BREAD_URL = "https://bread.example.org/sourdough"
CRAWL_DATE = "2024-03-01T00:00:00Z"


def _documents() -> list[DatatroveDocument]:
    return [
        DatatroveDocument(text=FIG, id="fig", metadata={"url": FIG_URL, "date": CRAWL_DATE}),
        DatatroveDocument(text=EMPTY, id="menu", metadata={"url": "https://balcony.example.net/"}),
        DatatroveDocument(text=BREAD, id="bread", metadata={"url": BREAD_URL}),
    ]


def _run(tmp_path: Path, step: CleanerExtractor) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run reader list -> step -> JSONL writer; the written documents by id, the step's stats."""
    executor = LocalPipelineExecutor(
        pipeline=[_documents(), step, JsonlWriter(str(tmp_path / "out"), compression=None)],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    lines = [
        json.loads(line)
        for path in sorted((tmp_path / "out").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    step_stats = next(s["stats"] for s in stats if "cleaner" in s["name"])
    return {line["id"]: line for line in lines}, step_stats


def test_a_pipeline_writes_cleaned_documents_and_drops_the_empty_page(tmp_path: Path) -> None:
    written, stats = _run(tmp_path, CleanerExtractor(timeout=10))

    assert sorted(written) == ["bread", "fig"]  # the menu page had no article
    fig = written["fig"]
    assert fig["text"].startswith("A potted fig needs a new pot every two or three years")
    assert fig["text"].endswith("while the roots settle.")
    assert "Home" not in fig["text"] and "Copyright" not in fig["text"]
    expected = cleaner.clean(FIG, url=FIG_URL, crawl_date=CRAWL_DATE)
    assert fig["text"] == expected.text  # the same result as cleaning the page directly
    assert fig["metadata"] == {
        "url": FIG_URL,
        "date": CRAWL_DATE,  # the reader's crawl date is kept
        "page_type": expected.page_type,
        "title": "Repotting a fig tree",
        "published": "2024-02-10T08:00",
        "author": "Mira Kovac",
        "site": "balcony.example.net",
        "removals": len(expected.removed),
    }
    assert fig["metadata"]["removals"] > 0
    bread = written["bread"]
    assert "Subscribe" not in bread["text"] and "overnight in the fridge" in bread["text"]
    assert bread["metadata"]["title"] == "A slow sourdough loaf"
    assert bread["metadata"]["author"] == "Tomas Berg"

    assert stats["total"] == 3
    assert stats["extracted"] == 3
    assert stats["forwarded"] == 2
    assert stats["dropped"] == 1
    assert stats["dropped_empty"] == 1
    assert (
        stats["removals"]["total"] == fig["metadata"]["removals"] + (bread["metadata"]["removals"])
    )


def test_the_crawl_date_in_the_metadata_bounds_the_publication_date(tmp_path: Path) -> None:
    step = CleanerExtractor()
    before = step.clean_page(Page(FIG, url=FIG_URL, crawl_date="2023-03-01T00:00:00Z"))
    after = step.clean_page(Page(FIG, url=FIG_URL, crawl_date=CRAWL_DATE))
    assert before.metadata["published"] is None  # a page cannot be published after its crawl
    assert after.metadata["published"] == "2024-02-10T08:00"


def test_a_page_over_cleaners_time_limit_is_skipped_and_counted(tmp_path: Path) -> None:
    written, stats = _run(tmp_path, CleanerExtractor(timeout=1e-9))
    assert written == {}
    assert stats["timeout"] == 3
    assert "forwarded" not in stats and "clean_error" not in stats


class _FailingOnBread(CleanerExtractor):
    """Cleans as usual, except that the bread page fails as a page that raised would."""

    def clean_page(self, page: Page | str) -> CleanedPage:
        cleaned = super().clean_page(page)
        if isinstance(page, Page) and page.url == BREAD_URL:
            return CleanedPage("", "error", "exception: ValueError: broken", cleaned.metadata)
        return cleaned


def test_a_page_that_fails_is_skipped_and_counted_and_the_run_goes_on(tmp_path: Path) -> None:
    written, stats = _run(tmp_path, _FailingOnBread())
    assert sorted(written) == ["fig"]
    assert stats["clean_error"] == 1
    assert stats["dropped_empty"] == 1
    assert stats["forwarded"] == 1


def test_options_come_as_a_clean_options_or_as_keywords() -> None:
    options = CleanOptions(max_removed_share=0.5, crawl_date="2024-01-01")
    step = CleanerExtractor(options=options, timeout=None)
    assert step.settings.options == CleanOptions(
        max_removed_share=0.5, crawl_date="2024-01-01", timeout=None
    )
    with pytest.raises(TypeError):
        CleanerExtractor(no_such_option=True)  # type: ignore[call-arg]


def test_the_sandbox_limit_leaves_cleaners_own_limit_to_fire_first() -> None:
    assert CleanerExtractor(timeout=2).timeout == 2 + HARD_TIMEOUT_MARGIN
    assert CleanerExtractor(timeout=2, hard_timeout=30).timeout == 30
    assert sandbox_limit(None, None) >= 3600  # no limit asked: a day


def test_extract_keeps_datatrove_s_text_to_text_contract() -> None:
    step = CleanerExtractor()
    assert step.extract(FIG).startswith("A potted fig needs a new pot")
    assert step.extract(EMPTY) == ""


def test_with_markdown_the_pipeline_carries_the_markdown_body() -> None:
    aftercare = "<h2>Aftercare</h2><ul><li>Water well</li></ul><p>Water well"
    page = FIG.replace("<p>Water well", aftercare)
    cleaned = CleanerExtractor(markdown=True).clean_page(Page(page, FIG_URL))
    assert "## Aftercare\n\n- Water well" in cleaned.text
    assert cleaned.text == cleaner.clean(page, url=FIG_URL, markdown=True).markdown


def test_the_step_pickles_as_settings_and_compiles_in_a_fresh_process() -> None:
    step = CleanerExtractor(timeout=10)
    step.extract(FIG)  # this process has compiled the rules; the step does not carry them
    shipped = pickle.dumps(step)
    assert len(shipped) < 4096
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(1) as pool:
        cleaned = pool.apply(_clean_fig, (shipped,))
    assert cleaned == step.clean_page(Page(FIG, url=FIG_URL))


def _clean_fig(shipped: bytes) -> CleanedPage:
    step: CleanerExtractor = pickle.loads(shipped)
    return step.clean_page(Page(FIG, url=FIG_URL))
