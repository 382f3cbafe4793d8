"""cleaner on the hand-written pages of bench/pages: what a reader keeps, page by page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from handmade import HandmadePage, cleaner_text, load_pages  # noqa: E402
from wcxb import word_scores  # noqa: E402

from cleaner import Cleaner  # noqa: E402

PAGES = load_pages()
CLEANER = Cleaner()
#: Every page's word F1 at least this; their mean at least MEAN_F1. cleaner reaches 0.69
#: to 0.80 on its weakest pages, all from the rounds written blind: a Japanese marketplace
#: product in a table layout whose delivery table and shop box it keeps, a Magento
#: category whose buying guide sits in a CMS block classed `widget` (left out with the
#: sidebars), a Brazilian marketplace's results whose prices and ratings its block model
#: scores low, a Swedish Next.js product, a Korean board's comments, a Japanese Q&A page, a
#: car dealer's inventory with its buttons; and 0.939 on all 176.
PAGE_F1 = 0.68
MEAN_F1 = 0.93


def _f1(page: HandmadePage) -> float:
    return word_scores(page.expected, cleaner_text(CLEANER, page))[2]


def test_there_are_pages_of_many_kinds() -> None:
    assert len(PAGES) >= 176


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_each_page_keeps_what_a_reader_keeps(page: HandmadePage) -> None:
    assert _f1(page) >= PAGE_F1


def test_the_pages_together_score_high() -> None:
    scores = [_f1(page) for page in PAGES]
    assert sum(scores) / len(scores) >= MEAN_F1
