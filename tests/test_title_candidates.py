"""The title study's candidates, features and choice (bench/title_candidates.py), and the
steps of the title rules they read, on hand-written pages.

bench/ is a folder of scripts, not a package: its folder goes on sys.path, as
the scripts themselves do for their siblings.
"""

from __future__ import annotations

import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from title_candidates import COLUMNS, feature_rows, gather_candidates, pick, same_title_key

from cleaner.metadata.page import Page, collect
from cleaner.metadata.titles import (
    choose_title,
    headline_names,
    metadata_titles,
    named_title,
    page_headlines,
    rule_title,
)

NAMES = ["harbourgazette"]  # compact forms, as `site_names.site_names_of` gives them


def page_of(head: str, body: str) -> Page:
    return collect(LexborHTMLParser(f"<html><head>{head}</head><body>{body}</body></html>"))


STORY = page_of(
    '<meta property="og:title" content="Ferry service returns to the island | Harbour Gazette">'
    '<meta name="twitter:title" content="Ferry service returns to the island">'
    "<title>Ferry Service Returns To The Island - Harbour Gazette</title>",
    "<h1>Harbour Gazette</h1><article><h1>Ferry service returns to the island</h1>"
    "<p>The morning boat sails again.</p></article><h1>More stories</h1>",
)


def test_metadata_titles_come_in_order_with_their_field_and_source() -> None:
    found = [(t.field, t.source) for t in metadata_titles(STORY)]
    assert found == [("og:title", "meta"), ("twitter:title", "meta"), ("title", "html")]


def test_headline_h1s_leave_out_the_site_name_and_say_where_they_sit() -> None:
    headlines = page_headlines(STORY.h1, NAMES)
    assert [(h.text, h.inside) for h in headlines] == [
        ("Ferry service returns to the island", True),
        ("More stories", False),
    ]


def test_the_rules_steps_give_what_choose_title_gives() -> None:
    names = headline_names(STORY, NAMES)
    assert rule_title(STORY, names, False) == choose_title(STORY, NAMES)


def test_one_candidate_per_wording_with_every_place_it_came_from() -> None:
    rule = choose_title(STORY, NAMES)
    titles = gather_candidates(STORY, NAMES, False, rule)
    first = titles.candidates[0]
    assert rule == ("Ferry service returns to the island", "html")
    assert (first.text, first.rule, first.h1_index, first.inside) == (rule[0], True, 0, True)
    # The <title> differs only in case: the same candidate, written as the rules chose it.
    assert first.origins == {
        "h1",
        *("og:site_cut", "og:part"),
        *("twitter:whole", "twitter:site_cut", "twitter:part"),
        *("title_tag:site_cut", "title_tag:part"),
    }
    assert len(first.fields) == 3
    # No wording keeps the site's name, or is only the site's name.
    assert [c.text for c in titles.candidates] == [rule[0], "More stories"]
    assert (titles.headlines, titles.headlines_inside) == (2, 1)


def test_wordings_differing_only_in_case_and_spacing_are_one() -> None:
    assert same_title_key("Ferry  Service\u00a0returns") == same_title_key("ferry service Returns")
    assert same_title_key("Ferry service - returns") != same_title_key("Ferry service returns")


def test_feature_rows_have_every_column_and_mark_the_rules_choice() -> None:
    titles = gather_candidates(STORY, NAMES, False, choose_title(STORY, NAMES))
    rows = feature_rows(titles, "article", False, NAMES)
    column = {name: index for index, name in enumerate(COLUMNS)}
    assert [len(row) for row in rows] == [len(COLUMNS)] * 2
    first, second = rows
    assert (first[column["rule"]], second[column["rule"]]) == (1.0, 0.0)
    assert first[column["sources"]] == 4.0  # the h1 and three metadata fields
    assert (first[column["type_article"]], first[column["type_service"]]) == (1.0, 0.0)
    assert second[column["h1_index"]] == 1.0


def test_the_rules_choice_stands_unless_another_is_surer_and_sure_enough() -> None:
    assert pick([0.3, 0.6], rule=0, threshold=0.5) == 1
    assert pick([0.3, 0.45], rule=0, threshold=0.5) == 0  # below the threshold
    assert pick([0.6, 0.6], rule=0, threshold=0.0) == 0  # a tie goes to the rules
    assert pick([0.2, 0.1, 0.3], rule=None, threshold=0.9) == 2  # the rules chose none


SERVICE = page_of(
    "<title>Commercial Roof Repair and Replacement | Harbour Gazette</title>",
    "<main><h1>Roofs that keep your business running</h1><p>Repairs and coatings.</p></main>",
)


def test_named_title_is_the_title_tags_name_beside_an_h1_it_does_not_state() -> None:
    chosen = choose_title(SERVICE, NAMES)
    assert chosen == ("Roofs that keep your business running", "html")
    assert named_title(SERVICE, NAMES, False, chosen) == (
        "Commercial Roof Repair and Replacement",
        "html",
    )


def test_named_title_is_none_when_a_candidate_states_the_h1_or_no_h1_was_chosen() -> None:
    confirmed = choose_title(STORY, NAMES)
    assert confirmed is not None
    assert named_title(STORY, NAMES, False, confirmed) is None
    assert named_title(SERVICE, NAMES, False, ("Commercial Roof Repair", "meta")) is None
