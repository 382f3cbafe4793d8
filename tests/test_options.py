"""CleanOptions: one definition of how to clean, taken by every way in (library, batch, Dask,
Scrapy, lint, the commands), with the per-record rule and the keyword conveniences."""

from __future__ import annotations

import dataclasses
import math
import re
import sys
from types import SimpleNamespace
from typing import Any

import pytest

import cleaner
from cleaner import Cleaner, CleanOptions, clean
from cleaner.batch.records import Record
from cleaner.batch.worker import CleanSettings, clean_records
from cleaner.cli import build_parser
from cleaner.cli.options import clean_options_from
from cleaner.lint.linter import Policy
from cleaner.options import (
    DEFAULT_MAX_REMOVED_SHARE,
    DEFAULT_TIMEOUT,
    CleanKeywords,
)
from cleaner.read import MissingExtraError
from tests.conftest import ROOT

#: Text the shipped rules take a fifth or so of (a "Read more" and a share bar).
CHROME = (
    "Read more: another story\nShare: Facebook Twitter Email\n"
    "The council met on Monday and voted to keep the harbour ferry running all winter.\n"
    "The vote was seven to two, and the operator said timetables stay as they are.\n"
)
#: UTF-8 text read as windows-1252, as a misconfigured crawler stores it.
MOJIBAKE = "The café was ‘open’ today.".encode().decode("cp1252")
REPAIRED = "The café was ‘open’ today."
#: A page published (it says) in 2031: a crawl date before that leaves it without a date.
DATED_PAGE = (ROOT / "tests" / "data" / "dated-page.html").read_bytes()
LATER, EARLIER = "2032-01-01", "2024-05-18"


def test_the_defaults_are_defined_once_in_the_options_module() -> None:
    assert CleanOptions().timeout == DEFAULT_TIMEOUT == 5.0
    assert CleanOptions().max_removed_share == DEFAULT_MAX_REMOVED_SHARE == 0.6
    definition = re.compile(r"^(DEFAULT_TIMEOUT|DEFAULT_MAX_REMOVED_SHARE)\s*[:=]", re.M)
    defining = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "cleaner").rglob("*.py")
        if definition.search(path.read_text(encoding="utf-8"))
    )
    assert defining == ["cleaner/options.py"]


def test_every_way_in_starts_from_the_same_defaults() -> None:
    parser = build_parser()
    assert Cleaner(rules=[]).options == CleanOptions()
    assert CleanSettings().options == CleanOptions()
    assert Policy().options == CleanOptions()
    assert clean_options_from(parser.parse_args(["clean", "x.txt"])) == CleanOptions()
    assert clean_options_from(parser.parse_args(["lint", "x.txt"])) == CleanOptions()
    assert clean_options_from(parser.parse_args(["explain", "x.txt"])) == CleanOptions()


def test_options_are_frozen_hashable_and_keyword_only() -> None:
    options = CleanOptions(timeout=None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.timeout = 1.0  # type: ignore[misc]
    assert {options, CleanOptions(timeout=None)} == {options}
    with pytest.raises(TypeError):
        CleanOptions(1.0)  # type: ignore[call-arg]


def test_cleaner_exports_the_options() -> None:
    assert "CleanOptions" in cleaner.__all__
    assert cleaner.CleanOptions is CleanOptions


@pytest.mark.parametrize("share", [1.5, -0.1, math.nan])
def test_a_share_outside_zero_to_one_is_refused_when_built(share: float) -> None:
    with pytest.raises(ValueError, match="max_removed_share must be between 0 and 1"):
        CleanOptions(max_removed_share=share)
    with pytest.raises(ValueError, match="between 0 and 1"):
        clean("text", max_removed_share=share)


@pytest.mark.parametrize("share", [0, 1, 0.5, None])
def test_shares_from_zero_to_one_and_none_are_taken(share: float | None) -> None:
    assert CleanOptions(max_removed_share=share).max_removed_share == share


def test_mojibake_repair_without_ftfy_is_refused_when_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "ftfy", None)  # `import ftfy` now raises ImportError
    with pytest.raises(MissingExtraError, match=r"pip install 'cleaner\[ftfy\]'"):
        CleanOptions(fix_mojibake=True)
    assert CleanOptions(fix_mojibake=False).fix_mojibake is False


def test_the_keywords_are_the_fields() -> None:
    fields = {field.name: field.type for field in dataclasses.fields(CleanOptions)}
    keywords = {
        name: getattr(kind, "__forward_arg__", kind)  # TypedDict wraps string annotations
        for name, kind in CleanKeywords.__annotations__.items()
    }
    assert keywords == fields


def test_keywords_build_the_same_options_as_the_object() -> None:
    by_keywords = clean(CHROME, timeout=None, max_removed_share=0.1)
    by_object = clean(CHROME, options=CleanOptions(timeout=None, max_removed_share=0.1))
    assert by_keywords.warnings  # the limit reached the text phase
    assert by_keywords.to_dict() == by_object.to_dict()


def test_a_keyword_overrides_the_same_field_of_the_options() -> None:
    run = CleanOptions(max_removed_share=0.1, timeout=None)
    assert clean(CHROME, options=run).warnings
    assert clean(CHROME, options=run, max_removed_share=None).warnings == []
    assert run.with_keywords({"max_removed_share": None}) == CleanOptions(
        max_removed_share=None, timeout=None
    )
    assert run.with_keywords({}) is run


def test_an_unknown_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="crawldate"):
        clean("text", crawldate="2024-05-20")  # type: ignore[call-arg]


def test_a_cleaner_cleans_with_its_own_options_unless_a_call_gives_others() -> None:
    strict = Cleaner(options=CleanOptions(max_removed_share=0.1))
    assert strict.clean(CHROME).warnings
    assert strict.clean(CHROME, options=CleanOptions()).warnings == []
    assert strict.clean(CHROME, max_removed_share=None).warnings == []


def test_a_record_fills_only_what_the_run_left_unset() -> None:
    unset = CleanOptions()
    record = unset.for_record(content_type="text/html; charset=latin-1", crawl_date=EARLIER)
    assert (record.content_type, record.crawl_date) == ("text/html; charset=latin-1", EARLIER)
    run = CleanOptions(content_type="text/html; charset=utf-8", crawl_date=LATER)
    assert run.for_record(content_type="text/html; charset=latin-1", crawl_date=EARLIER) is run
    assert unset.for_record() is unset
    empty = CleanOptions(crawl_date="")  # empty counts as unset, as `or` did before
    assert empty.for_record(crawl_date=EARLIER).crawl_date == EARLIER


def test_in_a_batch_the_runs_crawl_date_wins_over_a_warc_records() -> None:
    record = Record(id="r", source=None, raw=DATED_PAGE, crawl_date=EARLIER)
    (capped,) = clean_records(CleanSettings(), [record])
    assert capped["date"] is None  # the record's crawl date, as the run set none
    (kept,) = clean_records(CleanSettings(options=CleanOptions(crawl_date=LATER)), [record])
    assert kept["date"] == "2031-01-01T09:00"  # the run's crawl date won


def test_the_clean_command_builds_its_options_from_its_arguments() -> None:
    pytest.importorskip("ftfy")
    args = build_parser().parse_args(
        [
            "clean",
            "--timeout",
            "0",
            "--crawl-date",
            EARLIER,
            "--max-removed-share",
            "none",
            "--fix-mojibake",
            "x.txt",
        ]
    )
    expected = CleanOptions(
        timeout=None, crawl_date=EARLIER, max_removed_share=None, fix_mojibake=True
    )
    assert clean_options_from(args) == expected


def test_lint_takes_its_time_limit_and_share_from_the_options() -> None:
    args = build_parser().parse_args(["lint", "--timeout", "2", "--max-removed-share", "0.3"])
    assert clean_options_from(args) == CleanOptions(timeout=2.0, max_removed_share=0.3)


# Dask: the bag and dataframe functions take the options (and the keywords) too.


def test_clean_bag_takes_the_options() -> None:
    dask_bag = pytest.importorskip("dask.bag")
    pytest.importorskip("ftfy")
    from cleaner.dask import clean_bag

    bag = dask_bag.from_sequence([CHROME, MOJIBAKE], npartitions=2)
    options = CleanOptions(max_removed_share=0.1, fix_mojibake=True)
    chrome, mojibake = clean_bag(bag, options=options).compute(scheduler="sync")
    assert chrome["warnings"] and mojibake["text"] == REPAIRED
    plain = clean_bag(bag).compute(scheduler="sync")
    assert plain[0]["warnings"] == [] and plain[1]["text"] != REPAIRED
    (overridden, _) = clean_bag(bag, options=options, max_removed_share=None).compute(
        scheduler="sync"
    )
    assert overridden["warnings"] == []


def test_clean_dataframe_takes_the_options() -> None:
    pd = pytest.importorskip("pandas")
    dask_dataframe = pytest.importorskip("dask.dataframe")
    pytest.importorskip("ftfy")
    from cleaner.dask import clean_dataframe

    frame = pd.DataFrame({"html": [MOJIBAKE]})
    ddf = dask_dataframe.from_pandas(frame, npartitions=1)
    result = clean_dataframe(
        ddf, url_column=None, columns=("text",), prefix="clean_", fix_mojibake=True
    ).compute(scheduler="sync")
    assert list(result["clean_text"]) == [REPAIRED]


# Scrapy: a CLEANER_<FIELD> setting for every field.


def _pipeline(settings: dict[str, Any]) -> Any:
    pytest.importorskip("scrapy")
    from scrapy.settings import Settings

    from cleaner.scrapy import CleanerPipeline

    return CleanerPipeline.from_crawler(SimpleNamespace(settings=Settings(settings)))


def test_every_option_has_a_scrapy_setting() -> None:
    pytest.importorskip("ftfy")
    pipeline = _pipeline(
        {
            "CLEANER_TIMEOUT": "0",
            "CLEANER_CRAWL_DATE": EARLIER,
            "CLEANER_CONTENT_TYPE": "text/html; charset=latin-1",
            "CLEANER_MAX_REMOVED_SHARE": "none",
            "CLEANER_FIX_MOJIBAKE": "True",
            "CLEANER_MARKDOWN": "True",
            "CLEANER_LINKS": "True",
            "CLEANER_IMAGES": "True",
            "CLEANER_LEAD": "False",
        }
    )
    options = pipeline.cleaner.options
    assert options == CleanOptions(
        timeout=None,
        crawl_date=EARLIER,
        content_type="text/html; charset=latin-1",
        max_removed_share=None,
        fix_mojibake=True,
        markdown=True,
        links=True,
        images=True,
        lead=False,
    )
    unchanged = [
        field.name
        for field in dataclasses.fields(CleanOptions)
        if getattr(options, field.name) == getattr(CleanOptions(), field.name)
    ]
    assert unchanged == []  # a new field needs its setting (and this test its value)
    assert _pipeline({}).cleaner.options == CleanOptions()


def test_the_scrapy_pipeline_cleans_with_the_options_set() -> None:
    pytest.importorskip("ftfy")
    pipeline = _pipeline({"CLEANER_MAX_REMOVED_SHARE": 0.1, "CLEANER_FIX_MOJIBAKE": True})
    chrome = pipeline.process_item({"url": "https://news.example/a", "html": CHROME})
    assert chrome["cleaned"]["warnings"]
    mojibake = pipeline.process_item({"url": "https://news.example/b", "html": MOJIBAKE})
    assert mojibake["cleaned"]["text"] == REPAIRED


def test_a_scrapy_share_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        _pipeline({"CLEANER_MAX_REMOVED_SHARE": 2})
