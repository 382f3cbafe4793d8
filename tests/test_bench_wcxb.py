"""The WCXB benchmark's metric, metadata matching and site folds, on hand-written data.

bench/ is a folder of scripts, not a package: its folder goes on sys.path, as
the scripts themselves do for their siblings.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from folds import fold_of, registered_domain, site_key, split_sites
from wcxb import (
    PageResult,
    field_matches,
    load_pages,
    main,
    snippets_found,
    summarize,
    tokens,
    word_scores,
)

# --- the metric --------------------------------------------------------------------------------


def test_tokens_are_lowercased_word_runs_counted_with_multiplicity() -> None:
    assert tokens("The ferry, the FERRY; café_2 -- 2024!") == {
        "the": 2,
        "ferry": 2,
        "café_2": 1,
        "2024": 1,
    }


def test_word_scores_divide_the_overlap_by_each_side() -> None:
    precision, recall, f1 = word_scores("The cat sat on the mat", "the cat sat")
    assert (precision, recall) == (1.0, 0.5)
    assert f1 == pytest.approx(2 / 3)


def test_word_scores_count_a_repeated_word_only_as_often_as_the_truth_has_it() -> None:
    precision, recall, _ = word_scores("the harbour", "the the the")
    assert precision == pytest.approx(1 / 3)
    assert recall == pytest.approx(1 / 2)


def test_word_scores_ignore_case_and_punctuation() -> None:
    assert word_scores("Council meets, Monday.", "council MEETS monday") == (1.0, 1.0, 1.0)


def test_word_scores_are_zero_without_overlap_or_without_prediction() -> None:
    assert word_scores("ferry timetable", "weather report") == (0.0, 0.0, 0.0)
    assert word_scores("ferry timetable", "") == (0.0, 0.0, 0.0)


def test_an_empty_truth_scores_one_only_for_an_empty_prediction() -> None:
    assert word_scores("", "") == (1.0, 1.0, 1.0)
    assert word_scores("", " -- ") == (1.0, 1.0, 1.0)  # no word, so empty
    assert word_scores("", "Sign in") == (0.0, 0.0, 0.0)


def test_snippets_are_found_as_case_insensitive_substrings() -> None:
    text = "The Ferry leaves at noon.\n\nTickets on board."
    assert snippets_found(["ferry leaves", "TICKETS ON", "timetable"], text) == 2


def result(
    f1: float | None, precision: float | None = None, with_found: int = 0, with_total: int = 0
) -> PageResult:
    return PageResult(
        key="0001",
        page_type="article",
        fold="tune",
        host="example.org",
        seconds=0.5,
        precision=f1 if precision is None else precision,
        recall=f1,
        f1=f1,
        predicted_words=10,
        true_words=None if f1 is None else 10,
        with_found=with_found,
        with_total=with_total,
        without_found=0,
        without_total=0,
        fields=None,
    )


def test_summary_averages_page_scores_and_pools_snippets() -> None:
    summary = summarize(
        [
            result(1.0, precision=1.0, with_found=1, with_total=1),
            result(0.0, precision=0.5, with_found=0, with_total=3),
            result(None, with_found=2, with_total=2),  # unlabelled: snippets only
        ]
    )
    assert (summary.pages, summary.scored_pages) == (3, 2)
    assert summary.f1 == 0.5
    assert summary.precision == 0.75
    assert summary.with_rate == 0.5  # 3 of 6 snippets, not the mean of per-page shares
    assert summary.without_rate is None
    assert summary.pages_per_second == 2.0


def test_summary_of_no_pages_has_no_figures() -> None:
    summary = summarize([])
    assert (summary.f1, summary.with_rate, summary.pages_per_second) == (None, None, None)


# --- metadata matching --------------------------------------------------------------------------


def test_titles_match_across_case_whitespace_and_typographic_quotes() -> None:
    assert field_matches("title", "Ferry  timetable’s changes", "ferry timetable's\nCHANGES")
    assert not field_matches(
        "title", "Ferry timetable changes", "Ferry timetable changes | Gazette"
    )


def test_author_lists_match_whatever_their_separators() -> None:
    assert field_matches("author", "Ann Lee, Bo Chan and Cy Dale", "Ann Lee; Bo Chan; Cy Dale")
    assert not field_matches("author", "Ann Lee, Bo Chan", "Bo Chan, Ann Lee")


def test_a_null_truth_matches_only_no_value() -> None:
    assert field_matches("author", None, None)
    assert field_matches("author", "", "  ")  # blank is null
    assert not field_matches("author", None, "Harbour Gazette Staff")
    assert not field_matches("author", "Ann Lee", None)


def test_dates_compare_by_day_or_by_the_truths_month() -> None:
    assert field_matches("date", "2024-03-05", "2024-03-05T10:00:00+01:00")
    assert not field_matches("date", "2024-03-05", "2024-03-06")
    assert field_matches("date", "2024-03", "2024-03-28")
    assert not field_matches("date", "2024-03", "2024-04-01")


# --- folds --------------------------------------------------------------------------------------


def test_registered_domain_keeps_a_country_second_level_label() -> None:
    assert registered_domain("docs.example.org") == "example.org"
    assert registered_domain("forum.example.co.uk") == "example.co.uk"
    assert registered_domain("news.council.gov.au") == "council.gov.au"
    assert registered_domain("blog.example.de") == "example.de"


def test_site_key_groups_subdomains_and_country_sites_of_one_name() -> None:
    assert site_key("https://www.example.com/a") == "example"
    assert site_key("https://docs.example.com/b") == "example"
    assert site_key("https://shop.example.co.uk/c") == "example"
    assert site_key("https://alice.blogplatform.com/p/1") == "blogplatform"
    assert site_key("http://192.0.2.7:8080/x") == "192.0.2.7"
    assert site_key("") == ""
    assert site_key("/relative/path") == ""


def test_folds_are_pinned_to_the_seed() -> None:
    """The folds must never move: later benchmarks and earlier figures rely on them."""
    assert fold_of("harbourgazette") == "tune"
    assert fold_of("nosuchsite") == "validate"
    assert fold_of("harbourgazette", seed="another seed") in ("tune", "validate")


def test_about_two_thirds_of_sites_fall_in_the_tuning_fold() -> None:
    folds = split_sites(f"site{number}" for number in range(3000))
    assert len(folds["tune"]) + len(folds["validate"]) == 3000
    assert abs(len(folds["tune"]) / 3000 - 2 / 3) < 0.04


def test_split_sites_lists_each_site_once_in_order() -> None:
    folds = split_sites(["nosuchsite", "harbourgazette", "harbourgazette"])
    assert folds == {"tune": ["harbourgazette"], "validate": ["nosuchsite"]}


# --- loading and a whole run --------------------------------------------------------------------

ARTICLE = """<html><head><title>Ferry timetable changes</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry timetable changes</h1>
<p>The harbour authority will change the ferry timetable from next Monday, adding two early
departures from the north pier and one late crossing on Fridays.</p>
<p>Tickets bought for the old times stay valid for a month, the authority said.</p>
</article><footer>Copyright Harbour Gazette</footer></body></html>"""

ARTICLE_TEXT = (
    "The harbour authority will change the ferry timetable from next Monday, adding two early"
    " departures from the north pier and one late crossing on Fridays.\n\n"
    "Tickets bought for the old times stay valid for a month, the authority said."
)

CATEGORY = """<html><head><link rel="canonical" href="https://shop.example.co.uk/ferries">
<title>Ferries</title></head><body><ul><li>North pier ferry</li><li>South pier ferry</li></ul>
</body></html>"""


def write_page(folder: Path, key: str, html: str, entry: dict[str, object]) -> None:
    (folder / "html").mkdir(parents=True, exist_ok=True)
    (folder / "ground-truth").mkdir(parents=True, exist_ok=True)
    (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
    (folder / "ground-truth" / f"{key}.json").write_text(json.dumps(entry), encoding="utf-8")


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    write_page(
        tmp_path,
        "0001",
        ARTICLE,
        {
            "url": "https://www.harbourgazette.org/ferry",
            "_internal": {"page_type": {"primary": "article"}},
            "ground_truth": {
                "title": "Ferry timetable changes",
                "author": None,
                "publish_date": None,
                "main_content": ARTICLE_TEXT,
                "with": ["two early departures"],
                "without": ["Copyright Harbour Gazette"],
            },
        },
    )
    write_page(
        tmp_path,
        "0002",
        CATEGORY,
        {
            "_internal": {"page_type": {"primary": "category"}},
            "ground_truth": {
                "title": "Ferries",
                "author": None,
                "publish_date": None,
                "with": [],
                "without": [],
            },
        },
    )
    return tmp_path


def test_pages_load_with_type_alias_site_from_canonical_and_missing_label(dataset: Path) -> None:
    article, category = load_pages(dataset)
    assert (article.page_type, article.site, article.fold) == ("article", "harbourgazette", "tune")
    assert article.host == "harbourgazette.org"
    assert category.page_type == "collection"
    assert category.site == "example"  # no url in the truth: the canonical link's site
    assert category.truth is None  # no main_content field: unlabelled, not empty


def test_a_whole_run_prints_the_tables_and_writes_the_figures(
    dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "figures.json"
    assert (
        main(["--data", str(dataset), "--only", "cleaner", "--json", str(out), "--errors", "1"])
        == 0
    )
    printed = capsys.readouterr().out
    assert "word F1" in printed and "metadata exact match" in printed
    assert "pages without a main_content label: 1" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    scores = figures["extractors"]["cleaner"]["scores"]["all"]
    assert scores["all"]["pages"] == 2 and scores["all"]["scored_pages"] == 1
    assert 0 < scores["article"]["f1"] <= 1  # the figure, not cleaner's quality, is tested here
    assert scores["collection"]["f1"] is None
    assert figures["pages"]["all"] == {
        "all": 2,
        "article": 1,
        "documentation": 0,
        "service": 0,
        "forum": 0,
        "collection": 1,
        "listing": 0,
        "product": 0,
    }
    assert [page["key"] for page in figures["extractors"]["cleaner"]["page_results"]] == [
        "0001",
        "0002",
    ]
    metadata = figures["extractors"]["cleaner"]["metadata"]["all"]
    assert metadata["author"]["null_pages"] == 2
