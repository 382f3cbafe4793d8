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
#: Every page's word F1 at least this, but for WEAK_PAGES; their mean at least MEAN_F1.
#: cleaner reaches 0.679 to 0.80 on its weakest other pages, all from the rounds written
#: blind: an Etsy-style listing whose reviews and shipping box it keeps (0.679 since a
#: run the model nearly keeps between kept blocks is kept: its "Ships from" and "Deliver
#: to" lines), a Japanese marketplace product in a table layout whose delivery table and
#: shop box it keeps, a Brazilian marketplace's results, a Swedish Next.js product, a
#: Korean board's comments, a podcast host's episode archive whose download and category
#: lines it keeps, a Bandcamp-style album whose fan comments it keeps, a funda-style search
#: whose postcode lines it drops, a Joomla course list it reads as an article, a Thai hotel
#: list whose review scores and struck prices it keeps, an Airbnb-style room whose reviews
#: and host box a service page keeps; and 0.943 on all 952.
PAGE_F1 = 0.67
MEAN_F1 = 0.92
#: Pages of the ninth and twelfth sets that cleaner gets badly wrong, held at WEAK_PAGE_F1 until it
#: does better: marketplace products whose hashed markup the block model misreads (an
#: AliExpress-style phone case 0.59, a Coupang-style rice cooker 0.67; a Zalando-style
#: jacket left the list at 0.72 once an accordion's toggle button read as its heading),
#: a Lemmy post typed as an article, so its comment tree goes as reader comments (0.51),
#: and a 5ch thread whose one-token lines of Japanese weigh little
#: against the thread list it keeps (0.63). From the twelfth set: an old-Reddit subreddit
#: listing whose sidebar and "submitted … by" lines it keeps and whose scores it drops
#: (0.57). From the
#: nineteenth set: a Korean Rhymix board post whose replies, printed as its comments, the
#: model drops (0.66). From the twenty-first set: a Meetup-style group page typed as an
#: article, so only its about text is kept, not its list of upcoming events (0.68). From
#: the twenty-second: a Flipkart-style phone whose hashed specification tables the model
#: drops and whose bank offers it keeps (0.63). From the twenty-fourth: a Spotify-style
#: playlist whose tracks sit in an ARIA grid of hashed classes the model mostly drops,
#: each column apart (0.53). From the twenty-fifth: a Ceneo-style price comparison whose
#: list of shop offers (each shop's name and price) the model drops (0.59). From the
#: twenty-seventh: a second Lemmy-style thread, typed as an article for the same reason as
#: the first (its comments are short, so the page-type features see one paragraph of prose),
#: whose comment tree goes (0.54). From the twenty-eighth: an IMDb-style film page typed as
#: a listing, whose credits, details and box office (label and value in list items of their
#: own) the model drops and whose user review it keeps (0.55). From the thirtieth: an
#: ImmoScout-style search typed as a service page, each flat's address a map button, which
#: never counts as content, and its rent and size figures left out (0.66). From the
#: thirty-third: an Etsy-style handmade listing typed as a product, whose reviews, shipping
#: box and shop policies the model keeps around the description (0.64). From the
#: thirty-eighth: a GitHub gist whose code GitHub lays out as a table, one row a line, so
#: each line is a block of its own, scored apart, and two of its three files go (0.61).
#: From the forty-first: a Hacker News-style item and a Slashdot-style story, which the
#: page-type model takes for articles, so their comment threads go as reader comments
#: (0.52, 0.51); a PTT-style board post whose push lines keep their user ids and times
#: and whose header lines stay (0.54); a job board's results whose place, salary and date
#: under each title the model drops (0.59).
WEAK_PAGES = frozenset(
    {
        "zh-aliexpress-like-product",
        "ko-coupang-like-product",
        "en-lemmy-post",
        "ja-5ch-like-thread",
        "en-reddit-like-subreddit-listing",
        "ko-rhymix-board",
        "en-meetup-group-events",
        "en-flipkart-style-product",
        "sv-spotify-like-playlist",
        "pl-ceneo-like-product-offers",
        "en-lemmy-style-thread",
        "en-imdb-film-page",
        "de-immobilien-mietwohnungen-suche",
        "en-handmade-listing-stoneware-mug",
        "en-github-gist-backoff-jitter",
        "en-hackernews-show-hn-item",
        "en-slashdot-story-comment-threads",
        "zh-ptt-hiking-article-push",
        "de-jobboerse-suchergebnisse",
    }
)
WEAK_PAGE_F1 = 0.42
#: Pages cleaner fails outright, each with why; their test is expected to fail (strictly:
#: once one passes, it leaves this list).
FAILING_PAGES = {
    "en-bugzilla-bug-recurring-event-exceptions": (
        "Bugzilla keeps the report and every reply in div#comments, which comments-section "
        "drops as reader comments; the bug's fields, attachments and header leave more "
        "than a short story's prose outside it, so the guard lets it go. The page states "
        "no address; at a show_bug.cgi address it reads as a discussion (0.84; 0.17 here)"
    ),
    "en-lobsters-story-nested-comments": (
        "A link aggregator's story page whose content is its nested comment tree; the "
        "page-type model takes it for an article (its address names no discussion, its "
        "markup a story with comments), so the comments go as reader comments and only the "
        "story's short text stays (0.39; 0.99 when typed a forum)"
    ),
}


def _marked(page: HandmadePage) -> object:
    """The page as a test parameter, expected to fail when it is one of FAILING_PAGES."""
    reason = FAILING_PAGES.get(page.name)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(page, id=page.name, marks=marks)


def _f1(page: HandmadePage) -> float:
    return word_scores(page.expected, cleaner_text(CLEANER, page))[2]


def test_there_are_pages_of_many_kinds() -> None:
    assert len(PAGES) >= 952


@pytest.mark.parametrize("page", [_marked(page) for page in PAGES])
def test_each_page_keeps_what_a_reader_keeps(page: HandmadePage) -> None:
    assert _f1(page) >= (WEAK_PAGE_F1 if page.name in WEAK_PAGES else PAGE_F1)


def test_the_weak_pages_are_still_pages_of_the_set() -> None:
    assert {page.name for page in PAGES} >= WEAK_PAGES | FAILING_PAGES.keys()


def test_the_pages_together_score_high() -> None:
    scores = [_f1(page) for page in PAGES]
    assert sum(scores) / len(scores) >= MEAN_F1
