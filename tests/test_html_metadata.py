"""extract_metadata on small inline pages: each source, title cleaning, credits and dates."""

from __future__ import annotations

import json
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner.metadata import PageMetadata, extract_metadata

URL = "https://www.example-news.com/2024/05/17/story.html"


def meta_of(
    head: str = "", body: str = "", url: str | None = URL, crawl_date: str | None = None
) -> PageMetadata:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(LexborHTMLParser(html), url=url, crawl_date=crawl_date)


def ld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def og(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


def named(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{content}">'


# -- title ----------------------------------------------------------------------------------


def test_jsonld_headline_inside_graph() -> None:
    graph = {
        "@graph": [{"@type": "WebSite", "name": "X"}, {"@type": "NewsArticle", "headline": "A"}]
    }
    result = meta_of(ld({"@context": "https://schema.org", **graph}))
    assert (result.title, result.provenance["title"]) == ("A", "json-ld")


def test_jsonld_top_level_list_and_type_list() -> None:
    data = [{"@type": "BreadcrumbList"}, {"@type": ["ReportageNewsArticle"], "headline": "B"}]
    assert meta_of(ld(data)).title == "B"


def test_og_title_then_twitter_title() -> None:
    assert meta_of(og("og:title", "From OG") + named("twitter:title", "From TW")).title == "From OG"
    result = meta_of(named("twitter:title", "From TW"))
    assert (result.title, result.provenance["title"]) == ("From TW", "meta")


def test_h1_confirmed_by_og_title_wins_with_its_visible_wording() -> None:
    result = meta_of(og("og:title", "Rates rise again"), "<article><h1>Rates  rise again!</h1>")
    assert (result.title, result.provenance["title"]) == ("Rates rise again!", "html")


def test_h1_matching_a_candidate_beats_other_h1s() -> None:
    body = "<h1>Sign in</h1><h1>Storm hits the coast</h1>"
    result = meta_of("<title>Storm hits the coast | Example News</title>", body)
    assert (result.title, result.provenance["title"]) == ("Storm hits the coast", "html")


def test_h1_inside_article_beats_unrelated_metadata_title() -> None:
    body = "<h1>Menu</h1><main><h1>Why my friend became a grocery store</h1></main>"
    result = meta_of(og("og:title", "Chasing analytics, my friend became a grocery store"), body)
    assert result.title == "Why my friend became a grocery store"


def test_unrelated_h1_does_not_beat_metadata() -> None:
    body = "<article><h1>Another featured story entirely</h1></article>"
    result = meta_of(og("og:title", "Reviews of the new console are in"), body)
    assert (result.title, result.provenance["title"]) == (
        "Reviews of the new console are in",
        "meta",
    )


def test_logo_h1_naming_the_site_is_ignored() -> None:
    head = og("og:site_name", "Kabar Dunia") + "<title>Headline here | Kabar Dunia</title>"
    result = meta_of(head, "<h1>Kabar Dunia</h1>")
    assert result.title == "Headline here"


def test_truncated_og_title_confirms_the_full_h1() -> None:
    full = "Emirates inks order for 30 Boeing 787 jets, will restart plans to expand airline"
    result = meta_of(og("og:title", full[:60] + "…"), f"<h1>{full}</h1>")
    assert result.title == full


def test_an_h1_that_only_adds_a_bracket_to_a_whole_title_gives_way_to_it() -> None:
    head = "<title>Town council approves the new river bridge - Example News</title>"
    body = "<h1>Town council approves the new river bridge (riverpost.org) 42</h1>"
    result = meta_of(head, body)
    assert (result.title, result.provenance["title"]) == (
        "Town council approves the new river bridge",
        "html",
    )


def test_an_h1_going_on_in_words_after_a_cut_title_stays_whole() -> None:
    head = og("og:title", "Town council approves the new river bridge")
    body = "<h1>Town council approves the new river bridge after a decade of delays</h1>"
    assert meta_of(head, body).title == (
        "Town council approves the new river bridge after a decade of delays"
    )


def test_an_h1_run_together_from_a_label_and_a_headline_takes_the_titles_separator() -> None:
    head = "<title>Question - Which lens for night skies? | Photo Forum</title>"
    body = '<h1><span class="label">Question</span> Which lens for night skies?</h1>'
    assert meta_of(head, body).title == "Question - Which lens for night skies?"


def test_an_h1_that_links_home_is_the_blogs_name_not_the_headline() -> None:
    head = "<title>Harbour Bees: Three winters on a roof</title>" + og(
        "og:title", "Three winters on a roof"
    )
    body = (
        "<h1><a href='https://harbourbees.example.org/'>Harbour Bees</a></h1>"
        "<h3 class='post-title'>Three winters on a roof</h3>"
    )
    assert meta_of(head, body).title == "Three winters on a roof"


def test_an_h1_that_links_to_its_post_is_the_headline() -> None:
    head = "<title>Three winters on a roof - Harbour Bees</title>"
    body = "<h1><a href='/2024/03/three-winters.html'>Three winters on a roof</a></h1>"
    assert meta_of(head, body).title == "Three winters on a roof"


def test_an_h1_marking_a_name_as_a_trademark_takes_the_titles_plain_wording() -> None:
    head = "<title>Trailmaster 2 - Hiking boots for wet ground | Example News</title>"
    assert meta_of(head, "<h1>Trailmaster® 2</h1>").title == "Trailmaster 2"


def test_an_h1_keeps_its_own_dash_when_the_title_only_writes_it_differently() -> None:
    head = og("og:title", "Storm season - What to expect")
    assert meta_of(head, "<h1>Storm season – What to expect</h1>").title == (
        "Storm season – What to expect"
    )


def test_an_h1_with_its_own_punctuation_keeps_its_wording() -> None:
    head = og("og:title", "Mobile design - The complete guide")
    assert meta_of(head, "<h1>Mobile design: The complete guide</h1>").title == (
        "Mobile design: The complete guide"
    )


def test_near_identical_h1_is_taken() -> None:
    head = og("og:title", "HS Roundup: Viera defeats Rockledge to remain undefeated")
    body = "<h1>High School Roundup: Viera defeats Rockledge to remain undefeated</h1>"
    assert meta_of(head, body).title.startswith("High School")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("title", "site_name"),
    [
        ("Storm hits the coast | Example News", "Example News"),
        ("Storm hits the coast - Example News", "Example News"),
        ("Storm hits the coast – Example News", "Example News"),
        ("Storm hits the coast — EXAMPLE NEWS", "Example News"),
        ("Storm hits the coast :: Example News", "Example News"),
        ("Storm hits the coast · Example News", "Example News"),
        ("Storm hits the coast • Example News", "Example News"),
        ("Example News » Storm hits the coast", "Example News"),
        ("Example News | Storm hits the coast", "Example News"),
        ("Storm hits the coast : CityAM", "CityAM"),
        ("Storm hits the coast | Autoracing | F1 | Indy", "Autoracing | F1 | Indy"),
    ],
)
def test_site_name_is_stripped_from_either_end(title: str, site_name: str) -> None:
    result = meta_of(f"<title>{title}</title>" + og("og:site_name", site_name))
    assert result.title == "Storm hits the coast"


def test_site_name_from_the_host_when_no_site_name_is_declared() -> None:
    head = "<title>Storm hits the coast - Example-News.com</title>"
    assert meta_of(head).title == "Storm hits the coast"


def test_non_english_titles_lose_the_site_name() -> None:
    head = "<title>Самые популярные блоги — www.wday.ru</title>"
    assert meta_of(head, url="https://www.wday.ru/a/1").title == "Самые популярные блоги"
    head = og("og:title", "La tempête frappe la côte – Le Monde") + og("og:site_name", "Le Monde")
    assert meta_of(head).title == "La tempête frappe la côte"


def test_a_headline_that_mentions_the_site_is_not_a_site_name() -> None:
    title = "Apple unveils a new iPhone - Tech"
    assert meta_of(f"<title>{title}</title>", url="https://www.apple.com/newsroom/1").title == title
    h1 = "<h1>Apple unveils a new iPhone</h1>"
    assert meta_of("", h1, url="https://apple.com/").title == "Apple unveils a new iPhone"


def test_svg_titles_in_the_body_are_not_the_page_title() -> None:
    assert meta_of("", "<svg><title>Facebook</title></svg><p>x</p>").title is None


def test_an_icon_fonts_ligature_in_the_h1_is_no_word_of_the_title() -> None:
    body = (
        "<article><h1>Loading data with route resolvers<a class='header-link' href='#x'>"
        "<i class='material-icons'>link</i></a></h1><p>Resolvers run first.</p></article>"
    )
    assert meta_of("", body).title == "Loading data with route resolvers"
    angular = body.replace("<i class='material-icons'>link</i>", "<mat-icon>link</mat-icon>")
    assert meta_of("", angular).title == "Loading data with route resolvers"


def test_an_h1_the_pages_json_ld_names_is_its_title_not_the_sites_name() -> None:
    # A title "Company - Complaint" over an h1 "Complaint" and an h2 "Company" reads like a
    # book site's "Page - Book" over its h1 "Book", but the JSON-LD names the h1's thing.
    head = "<title>Voltaluz - Billed twice in March - Complaints</title>" + ld(
        {"@context": "https://schema.org", "@type": "Question", "name": "Billed twice in March"}
    )
    body = (
        "<article><h1>Billed twice in March</h1><p>x</p></article><aside><h2>Voltaluz</h2></aside>"
    )
    assert meta_of(head, body).title == "Billed twice in March"


def test_unknown_suffix_goes_when_the_h1_confirms_the_shorter_side() -> None:
    head = "<title>Royal Arrogance - Sputnik International</title>"
    result = meta_of(head, "<h1>Royal Arrogance</h1>")
    assert result.title == "Royal Arrogance"


def test_section_prefix_goes_when_the_h1_confirms_it() -> None:
    head = "<title>Opinion | Republicans Follow Trump - The New York Times</title>"
    assert meta_of(head, "<h1>Republicans Follow Trump</h1>").title == "Republicans Follow Trump"


def test_title_entities_and_spaces_are_cleaned() -> None:
    data = {"@type": "Article", "headline": "&#8216;The Medium&#8217; &amp;  more"}
    assert meta_of(ld(data)).title == "‘The Medium’ & more"


def test_h1_keeps_inline_markup_whole_and_breaks_apart() -> None:
    assert meta_of("", "<h1>Mc<b>Donald</b> wins<br>again</h1>").title == "McDonald wins again"


def test_headline_text_leaves_out_icons_buttons_dates_and_anchor_marks() -> None:
    body = (
        '<article><h1><svg><title>Logo</title></svg><time datetime="2024-05-01">May 1</time>'
        " Tide tables for the <span>summer</span> <button>Copy link</button>"
        '<a class="headerlink" href="#tide">¶</a></h1></article>'
    )
    assert meta_of("", body).title == "Tide tables for the summer"


def test_soft_hyphens_and_zero_width_spaces_are_dropped() -> None:
    assert meta_of("", "<h1>Harbour Assis&shy;tance&#8203; Scheme</h1>").title == (
        "Harbour Assistance Scheme"
    )


def test_site_name_appended_to_the_visible_headline_goes() -> None:
    head = og("og:site_name", "Valley Courier")
    body = "<main><h1>Bridge reopens after repairs | Valley Courier</h1></main>"
    assert meta_of(head, body).title == "Bridge reopens after repairs"


def test_a_headline_that_starts_with_the_brand_keeps_it() -> None:
    head = og("og:site_name", "Lumen") + "<title>Lumen Desk Lamp - Warm Light | Lumen</title>"
    result = meta_of(head, "<main><h1>Lumen Desk Lamp - Warm Light</h1></main>")
    assert result.title == "Lumen Desk Lamp - Warm Light"


def test_the_only_h1_wins_outside_article_when_it_shares_words_with_the_title() -> None:
    head = og("og:title", "Oak Dining Tables - Solid Wood, Made to Order")
    result = meta_of(head, "<div class='hero'><h1>Dining Tables</h1></div><p>Our range.</p>")
    assert (result.title, result.provenance["title"]) == ("Dining Tables", "html")


def test_a_lone_unrelated_h1_outside_the_article_is_a_logo() -> None:
    head = "<title>Council approves the budget - Město Info</title>" + og(
        "og:site_name", "Město Info"
    )
    assert meta_of(head, "<header><h1>Zpravodaj</h1></header>").title == (
        "Council approves the budget"
    )


def test_the_first_of_pipe_separated_parts_is_the_title() -> None:
    head = "<title>Garden Kneelers | Soft Pads for Weeding | Shop Now</title>"
    assert meta_of(head).title == "Garden Kneelers"


@pytest.mark.parametrize(
    "title",
    [
        "Which bread flour do you use? / Baking / Bakers Forum",
        "Which bread flour do you use? - Baking - Bakers Forum",
    ],
)
def test_the_first_part_of_a_breadcrumb_trail_title_is_the_title(title: str) -> None:
    assert meta_of(f"<title>{title}</title>").title == "Which bread flour do you use?"
    two_parts = "<title>Before and after - A kitchen remodel</title>"
    assert meta_of(two_parts).title == "Before and after - A kitchen remodel"


def test_a_book_site_shows_its_own_name_as_h1_and_the_pages_name_as_a_heading() -> None:
    head = "<title>Knots for sailors - The Harbour Handbook</title>"
    body = (
        "<header><h1>The Harbour Handbook</h1></header>"
        "<main><h2>Knots for Sailors</h2><p>The bowline is the first knot.</p></main>"
    )
    assert meta_of(head, body).title == "Knots for sailors"
    site_first = "<title>Harbour Gazette - Storm hits the coast</title>"
    assert meta_of(site_first, "<h1>Storm hits the coast</h1>").title == "Storm hits the coast"


def test_a_home_page_keeps_a_leading_brand_and_prefers_its_title_to_a_slogan() -> None:
    head = "<title>Tidewater | Sailing Lessons on the Bay</title>"
    body = "<main><h1>Feel the wind</h1><h1>Courses for every level</h1></main>"
    result = meta_of(head, body, url="https://www.tidewater.example/")
    assert result.title == "Tidewater | Sailing Lessons on the Bay"
    inner = meta_of(head, "", url="https://www.tidewater.example/courses")
    assert inner.title == "Sailing Lessons on the Bay"


def test_a_declared_site_name_equal_to_the_title_is_not_the_sites_name() -> None:
    title = "How to Prune Roses: a Complete Guide for Beginners"
    head = og("og:site_name", title + " | Bloom") + og("og:title", title + " | Bloom")
    assert meta_of(head, f"<main><h1>{title}</h1></main>").title == title


def test_without_metadata_the_article_h1_beats_a_site_wide_title() -> None:
    head = "<title>Chatter - Where people talk</title>"
    body = "<main><h1>Which bread flour do you use?</h1><h1>Related threads</h1></main>"
    result = meta_of(head, body, url="https://chatter.example/t/123")
    assert result.title == "Which bread flour do you use?"


def test_a_cut_jsonld_headline_gives_way_to_the_whole_one() -> None:
    whole = "Ten ways to keep a small garden green through a dry summer without a hosepipe"
    head = ld({"@type": "BlogPosting", "headline": whole[:55]}) + og("og:title", whole)
    assert meta_of(head).title == whole


def test_a_longer_title_after_a_separator_is_not_the_whole_of_a_cut_one() -> None:
    headline = "A study finds that lab-grown follicles can produce hair in mice"
    head = ld({"@type": "Article", "headline": headline}) + og("og:title", headline + " : biology")
    assert meta_of(head).title == headline


def test_separators_left_dangling_by_an_empty_template_field_go() -> None:
    head = "<title>| Lantern Review</title>" + og("og:site_name", "Lantern Review")
    assert meta_of(head, "<div><h1>Camping Lights</h1></div>").title == "Camping Lights"


# -- authors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "author",
    [
        "Jane Doe",
        {"@type": "Person", "name": "Jane Doe"},
        [{"@type": "Person", "name": "Jane Doe"}],
        [{"@type": "Organization", "name": "Example News"}, {"name": "Jane Doe"}],
    ],
)
def test_jsonld_author_shapes(author: Any) -> None:
    data = {"@type": "NewsArticle", "headline": "H", "author": author}
    data["publisher"] = {"@type": "Organization", "name": "Example News"}
    result = meta_of(ld(data))
    assert (result.authors, result.provenance["author"]) == (["Jane Doe"], "json-ld")


def test_several_authors_are_joined_in_page_order() -> None:
    data = {"@type": "NewsArticle", "author": [{"name": "Ann Lee"}, {"name": "Bo Chan"}]}
    result = meta_of(ld(data))
    assert (result.author, result.authors) == ("Ann Lee, Bo Chan", ["Ann Lee", "Bo Chan"])


def test_meta_author_and_byl() -> None:
    assert meta_of(named("author", "Sarah E. Needleman")).authors == ["Sarah E. Needleman"]
    assert meta_of(named("byl", "By Jamelle Bouie")).authors == ["Jamelle Bouie"]


def test_meta_author_with_a_handle_keeps_the_name() -> None:
    assert meta_of(named("author", "Jane Doe @janedoe")).authors == ["Jane Doe"]
    assert meta_of(named("author", "jane@example.com")).authors == []


def test_article_author_url_is_skipped_for_a_name() -> None:
    head = og("article:author", "https://www.facebook.com/someone")
    assert meta_of(head).authors == []
    result = meta_of(head + og("article:author", "Troy Smith"))
    assert (result.authors, result.provenance["author"]) == (["Troy Smith"], "meta")


def test_microdata_author_name() -> None:
    body = '<div itemprop="author"><img alt=""><span itemprop="name">Carlos Nadalim</span></div>'
    result = meta_of("", body)
    assert (result.authors, result.provenance["author"]) == (["Carlos Nadalim"], "microdata")


def test_rel_author_link() -> None:
    result = meta_of("", '<p>Posted by <a rel="author" href="/u/1">Tony Carter</a></p>')
    assert (result.authors, result.provenance["author"]) == (["Tony Carter"], "html")


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("BY JANE DOE, JOHN ROE", ["Jane Doe", "John Roe"]),
        ("Von Max Mustermann", ["Max Mustermann"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("por Ana García y Luis Pérez", ["Ana García", "Luis Pérez"]),
        ("di Mario Rossi", ["Mario Rossi"]),
        ("Przez Jan Kowalski", ["Jan Kowalski"]),
        ("Door Pieter de Vries", ["Pieter de Vries"]),
        ("김민수 기자 입력 2025.03.15", ["김민수"]),
        ("作者：王晓燕", ["王晓燕"]),
        ("记者 王晓燕", ["王晓燕"]),
        ("文／王晓燕", ["王晓燕"]),
        ("山本健太記者", ["山本健太"]),
        ("Της Μαρίας Νικολάου", ["Μαρίας Νικολάου"]),
        ("Από τη Μαρία Νικολάου", ["Μαρία Νικολάου"]),
        ("Autorenko Ivan", ["Autorenko Ivan"]),
        ("文天祥", ["文天祥"]),
        ("Текст: Венера Ерофеева", ["Венера Ерофеева"]),
        ("Tom Krisher, AP Auto Writer", ["Tom Krisher"]),
        ("By Bill Hoppe | Special to the Pioneer Press", ["Bill Hoppe"]),
        ("By Joseph Tsidulko November 19, 2019, 07:47 PM EST", ["Joseph Tsidulko"]),
        ("By Lewis White @lewis_d_white Nov 19, 2019", ["Lewis White"]),
        ("By Jane Doe, Reuters", ["Jane Doe"]),
        ("By Jane Doe, Futurism", ["Jane Doe"]),
        ("Jane Doe, MS, RD", ["Jane Doe"]),
        ("Reuters", []),
        ("The Associated Press", []),
        ("By Jane Doe and jane doe", ["Jane Doe"]),
        ("Ursula von der Leyen", ["Ursula von der Leyen"]),
        ("Author Isaiah Shelton", ["Isaiah Shelton"]),
        ("Autor: Jan Nowak", ["Jan Nowak"]),
        ("By", []),
    ],
)
def test_byline_cleaning(byline: str, expected: list[str]) -> None:
    result = meta_of("", f'<div class="article__meta byline">{byline}</div>')
    assert result.authors == expected
    assert result.author == (", ".join(expected) or None)


@pytest.mark.parametrize(
    "credit",
    [
        "Staff",
        "Editorial Board",
        "Email the author",
        "Follow",
        "@janedoe",
        "https://example.com/jane",
        "Updated 5 hours ago",
        "admin",
        "Example News",
        "Example News Desk",
        "One Two Three Four Five Six Seven",
        "The Russian and Syrian defense ministries",
        "European Space Agency",
        "KWCHCIK",
        "rmb8090",
        "rmb",
        "jdadmin",
        "undefined",
        "posted in news today",
        "Full Bio",
        "Hi",
        "buyer",
        "Webmaster",
        "NOC Admin",
    ],
)
def test_credits_that_are_no_names_are_rejected(credit: str) -> None:
    head = og("og:site_name", "Example News") + named("author", credit)
    assert meta_of(head).authors == []


def test_a_lower_case_user_name_is_the_author_of_a_forum_post() -> None:
    body = '<div class="post-author"><a href="/members/amondale">amondale</a></div>'
    assert meta_of("", body).authors == ["amondale"]
    assert meta_of(named("author", "h.szeyee")).authors == ["h.szeyee"]
    assert meta_of(named("author", "expert gardeners")).authors == []


def test_a_thread_starters_user_name_is_the_author_of_a_forum_page() -> None:
    body = (
        '<h1>Which tent for a windy coast?</h1><ul class="thread-meta">'
        '<li>Thread starter <a class="username" href="/members/saltwind.12/">saltwind</a></li>'
        "<li>Started 3 March 2024</li></ul>"
        '<article class="message"><a class="bigusername" href="/members/Dunerider/">Dunerider</a>'
        "<p>I use a tunnel tent.</p></article>"
    )
    assert meta_of("", body).authors == ["saltwind"]


def test_a_posts_meta_line_that_says_by_is_a_byline() -> None:
    body = '<div class="publish-meta">Published 7 August 2023 by Nora Berg</div>'
    assert meta_of("", body, url=None).authors == ["Nora Berg"]
    links = (
        '<p class="entry-meta">Filed under <a href="/c/garden">Garden</a>, '
        '<a href="/c/soil">Soil</a> by <a href="/author/nora-berg">Nora Berg</a></p>'
    )
    assert meta_of("", links, url=None).authors == ["Nora Berg"]
    no_credit = '<p class="entry-meta">Filed under <a href="/c/garden">Garden Notes</a></p>'
    assert meta_of("", no_credit, url=None).authors == []


def test_a_name_said_twice_in_one_credit_is_one_name() -> None:
    assert meta_of("", '<span class="username">AquaCare AquaCare</span>').authors == ["AquaCare"]


def test_a_user_name_keeps_its_digits_and_a_date_after_a_name_goes() -> None:
    body = '<span class="author-name">LingoLover94</span>'
    assert meta_of("", body).authors == ["LingoLover94"]
    body = '<span class="author-name">Ann Lee 12 March 2024</span>'
    assert meta_of("", body).authors == ["Ann Lee"]


def test_byline_class_tokens_match_whole() -> None:
    assert meta_of("", '<div class="c-byline__author">Ann Lee</div>').authors == ["Ann Lee"]
    assert meta_of("", '<div class="comment-author">Ann Lee</div>').authors == []
    assert meta_of("", '<div class="authorship-notes">Ann Lee</div>').authors == []


def test_byline_class_tokens_with_long_prefixes_but_not_reviews_or_testimonials() -> None:
    for token in (
        "post-detail__meta-author",
        "content-hub-hero__content-authors",
        "meta-item--author",
    ):
        assert meta_of("", f'<span class="{token}">By Ann Lee</span>').authors == ["Ann Lee"]
    for token in (
        "featured-review_rating-author",
        "category-review-card_author",
        "testimonial-author",
    ):
        assert meta_of("", f'<cite class="{token}">Ann Lee</cite>').authors == []


def test_byline_class_tokens_in_other_languages() -> None:
    for token in ("field--name-field-auteur", "article-autor", "autore", "firma", "post__autora"):
        body = f'<div class="{token}">Par <a href="/p/ann-lee">Ann Lee</a></div>'
        assert meta_of("", body).authors == ["Ann Lee"], token
    assert meta_of("", '<div class="autorenew">Ann Lee</div>').authors == []


def test_links_beside_the_name_in_a_byline_are_no_names() -> None:
    byline = (
        '<div class="article-byline"><a href="/p/vdh">Victor Hanson</a>'
        ' <a href="/p/vdh#bio">About Victor Hanson</a>'
        ' <a href="/process">Editorial Process</a></div>'
    )
    assert meta_of("", byline).authors == ["Victor Hanson"]


def test_byline_links_to_author_pages_beat_category_links() -> None:
    byline = (
        '<div class="entry-byline"><a href="/author/carlos">Carlos Nadalim</a> 23/08/2018'
        ' <a href="/c/a">Alfabetização</a>, <a href="/c/b">Atividades</a>,'
        ' <a href="/c/c">Brinquedos</a>, <a href="/c/d">Música</a></div>'
    )
    assert meta_of("", byline).authors == ["Carlos Nadalim"]


def test_a_personal_site_named_after_its_author_credits_that_author() -> None:
    head = og("og:site_name", "Marta Olsen") + ld({"@type": "BlogPosting", "author": "Marta Olsen"})
    result = meta_of(head, "<h1>Notes on sourdough</h1>", url="https://martaolsen.example/notes/1")
    assert (result.author, result.provenance["author"]) == ("Marta Olsen", "json-ld")


def test_a_newsletter_on_a_platform_subdomain_credits_its_author() -> None:
    head = named("author", "Tomas Berg") + og("og:site_name", "Slow Engineering")
    result = meta_of(head, url="https://tomasberg.letters.example/p/on-queues")
    assert result.author == "Tomas Berg"


def test_a_site_name_credit_is_no_author_when_it_is_a_brand_or_an_organisation() -> None:
    brand = og("og:site_name", "Brightlane") + named("author", "Brightlane")
    assert meta_of(brand, url="https://brightlane.example/blog/a").author is None
    declared = (
        og("og:site_name", "Harbour Gazette")
        + named("author", "Harbour Gazette")
        + ld({"@type": "NewsMediaOrganization", "name": "Harbour Gazette"})
    )
    assert meta_of(declared, url="https://harbourgazette.example/a").author is None


def test_a_site_named_person_gives_way_to_any_other_credit() -> None:
    head = og("og:site_name", "Marta Olsen") + ld({"@type": "BlogPosting", "author": "Marta Olsen"})
    body = '<p class="byline">By Ola Nordmann</p>'
    assert meta_of(head, body, url="https://martaolsen.example/guest/1").author == "Ola Nordmann"


def test_agency_byline_ends_the_search() -> None:
    body = (
        '<div class="article-author">Associated Press</div>'
        '<aside><div class="related-links-author">Ryan McKenna</div></aside>'
    )
    assert meta_of("", body).authors == []
    assert meta_of("", '<div class="byline">Reuters Washington</div>').authors == []


def test_organisation_author_in_jsonld_falls_back_to_the_byline() -> None:
    data = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Example News"}}
    body = '<div class="byline">By Mike Wuerthele and Malcolm Owen</div>'
    head = ld(data) + og("og:site_name", "Example News")
    assert meta_of(head, body).authors == ["Mike Wuerthele", "Malcolm Owen"]


def test_structured_author_beats_byline() -> None:
    result = meta_of(named("author", "Ann Lee"), '<div class="byline">By Someone Else</div>')
    assert result.authors == ["Ann Lee"]


# -- dates ----------------------------------------------------------------------------------


def test_jsonld_date_published_not_modified() -> None:
    data = {
        "@type": "NewsArticle",
        "dateModified": "2024-05-20T08:00:00Z",
        "datePublished": "2024-05-17T10:34:56+02:00",
    }
    result = meta_of(ld(data))
    assert (result.date, result.provenance["date"]) == ("2024-05-17T10:34", "json-ld")


def test_jsonld_date_created_when_no_date_published() -> None:
    assert meta_of(ld({"@type": "Article", "dateCreated": "2024-05-16"})).date == "2024-05-16"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        (og("article:published_time", "2024-05-17T09:00:00+00:00"), "2024-05-17T09:00"),
        (named("pubdate", "2024-05-17"), "2024-05-17"),
        (named("sailthru.date", "2024-05-17 20:58:46"), "2024-05-17T20:58"),
        (named("parsely-pub-date", "2024-05-17T20:58:46Z"), "2024-05-17T20:58"),
        (named("DC.date.issued", "2024-05-17"), "2024-05-17"),
        (named("date", "2024/05/17"), "2024-05-17"),
        (named("pdate", "20240517"), "2024-05-17"),
        (named("publishdate", "1715940000"), "2024-05-17T10:00"),
        (named("article_date_original", "Friday, May 17, 2024, 06:51 AM"), "2024-05-17T06:51"),
    ],
)
def test_meta_publication_dates(tag: str, expected: str) -> None:
    result = meta_of(tag, url=None)
    assert (result.date, result.provenance["date"]) == (expected, "meta")


def test_midnight_means_no_time() -> None:
    assert meta_of(og("article:published_time", "2024-05-17T00:00:00Z")).date == "2024-05-17"


def test_microdata_dates_in_meta_and_elements() -> None:
    result = meta_of("", '<meta itemprop="datePublished" content="2024-05-17">', url=None)
    assert (result.date, result.provenance["date"]) == ("2024-05-17", "microdata")
    body = '<span itemprop="datePublished" datetime="2024-05-18T07:00">May 18</span>'
    assert meta_of("", body, url=None).date == "2024-05-18T07:00"


def test_time_in_article_beats_time_elsewhere() -> None:
    body = (
        '<aside><time datetime="2024-05-01">old</time></aside>'
        '<article><header><time datetime="2024-05-17T08:15">May 17</time></header></article>'
    )
    result = meta_of("", body, url=None)
    assert (result.date, result.provenance["date"]) == ("2024-05-17T08:15", "html")


def test_visible_date_text_and_byline_text() -> None:
    body = '<span class="article-publish-date">November 19, 2019, 9:02 AM</span>'
    assert meta_of("", body, url=None).date == "2019-11-19T09:02"
    body = '<div class="byline">By Ann Lee 17. Mai 2024</div>'
    assert meta_of("", body, url=None).date == "2024-05-17"


def test_other_dates_in_markup_are_ignored() -> None:
    body = (
        '<span class="updated-date">May 20, 2024</span><div class="tweet-date">May 21, 2024</div>'
    )
    assert meta_of("", body, url=None).date is None


def test_dates_of_other_posts_and_of_the_masthead_are_not_the_pages() -> None:
    byline = '<div class="byline">Von Ann Lee, 11. April 2025</div>'
    related = (
        '<div class="jp-relatedposts"><a>Frühbeete</a>'
        '<span class="jp-related-posts-i2__post-date">28. September 2024</span></div>'
    )
    comment = '<div class="comment-body"><time>12. April 2025</time></div>'
    article = f"<article><h1>Hochbeete</h1>{byline}<p>Text.</p>{related}{comment}</article>"
    assert meta_of("", article, url=None).date == "2025-04-11"
    masthead = '<div class="site-topbar"><div class="top-date">quinta-feira, maio 8, 2025</div>'
    masthead += "</div>"
    page = f'{masthead}<h1>Galpão inaugurado</h1><div class="post-date">May 7, 2025</div>'
    assert meta_of("", page, url=None).date == "2025-05-07"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ex.com/2019/11/18/story/", "2019-11-18"),
        ("https://ex.com/news/2019/nov/18/story/", "2019-11-18"),
        ("https://ex.com/story/2019-11-18-storm", "2019-11-18"),
        ("https://ex.com/2019/13/45/story/", None),
    ],
)
def test_date_from_url(url: str, expected: str | None) -> None:
    result = meta_of("", "<p>text</p>", url=url)
    assert result.date == expected
    if expected:
        assert result.provenance["date"] == "url"


def test_modified_date_only_as_last_resort() -> None:
    head = og("article:modified_time", "2024-05-20T10:00:00Z")
    assert meta_of(head, url=None).date == "2024-05-20T10:00"
    head += og("article:published_time", "2024-05-17T10:00:00Z")
    assert meta_of(head, url=None).date == "2024-05-17T10:00"


def test_crawl_date_caps_the_date_and_the_next_candidate_is_tried() -> None:
    head = og("article:published_time", "2030-01-01") + named("pubdate", "2024-05-17T10:00")
    result = meta_of(head, url=None, crawl_date="2024-05-18T00:00:00Z")
    assert result.date == "2024-05-17T10:00"
    assert meta_of(head, url=None, crawl_date="2024-05-17").date == "2024-05-17T10:00"
    assert meta_of(head, url=None, crawl_date="2024-05-16").date is None


def test_utc_timestamp_takes_the_publishers_day_from_the_url() -> None:
    head = og("article:published_time", "2019-11-19T04:58:00Z")
    result = meta_of(head, url="https://ex.com/2019/11/18/story/")
    assert (result.date, result.provenance["date"]) == ("2019-11-18", "url")
    result = meta_of(head, url="https://ex.com/2019/11/10/story/")  # another date: kept
    assert result.date == "2019-11-19T04:58"
    local = og("article:published_time", "2019-11-19T04:58:00-05:00")  # not UTC: as written
    assert meta_of(local, url="https://ex.com/2019/11/18/story/").date == "2019-11-19T04:58"


def test_utc_timestamp_takes_the_publishers_day_from_the_byline() -> None:
    head = og("article:published_time", "2019-11-19T00:04:00.000Z")
    body = (
        "<header>November 20, 2019</header>"
        '<article><div class="byline">By Randy Maniloff Nov. 18, 2019 7:04 pm ET</div></article>'
    )
    result = meta_of(head, body, url=None)
    assert (result.date, result.provenance["date"]) == ("2019-11-18T19:04", "html")


def test_the_day_a_reader_sees_beats_the_urls_day() -> None:
    # CNN's international pages stamp GMT days, whatever day the url names.
    head = og("article:published_time", "2019-11-19T02:34:30Z")
    body = '<article><time datetime="x">2:34 AM GMT, November 19, 2019</time><p>x</p></article>'
    result = meta_of(head, body, url="https://ex.com/2019/11/18/story/")
    assert result.date == "2019-11-19T02:34"


def test_a_zone_less_timestamp_takes_the_visible_day_next_to_it() -> None:
    head = named("datePublished", "2019-11-19 02:24:00")
    time = '<time datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019 at 9:24 pm ET</time>'
    body = f"<article>{time}</article>"
    result = meta_of(head, body, url=None)
    assert (result.date[:10], result.provenance["date"]) == ("2019-11-18", "html")
    assert meta_of(head, "<p>x</p>", url=None).date == "2019-11-19T02:24"  # nothing seen: kept


def test_masthead_date_is_not_the_publication_date() -> None:
    body = '<header><span class="date">November 20, 2019</span></header><article><p>x</p></article>'
    assert meta_of("", body, url=None).date == "2019-11-20"  # only as a page-wide last resort
    body += '<article><span class="post-date">November 18, 2019</span></article>'
    assert meta_of("", body, url=None).date == "2019-11-18"


def test_placeholder_years_are_ignored() -> None:
    head = named("pubdate", "0001-01-01T00:00:00") + named("date", "2024-05-17")
    assert meta_of(head, url=None).date == "2024-05-17"


def test_the_dateline_beside_the_headline_dates_an_unmarked_page() -> None:
    body = (
        "<div class='wrap'><h1>Ferry timetable changes</h1>"
        "<p>By Ann Lee · Published March 3, 2024 · 4 min read</p>"
        "<p>The harbour authority will change the timetable.</p></div>"
    )
    result = meta_of("", body, url=None)
    assert (result.date, result.provenance["date"]) == ("2024-03-03", "html")


def test_a_dateline_above_the_headline_in_another_language() -> None:
    body = "<div><span>Stadtleben</span> <span>17. Mai 2024</span></div><h1>Neue Bibliothek</h1>"
    assert meta_of("", body, url=None).date == "2024-05-17"


def test_a_date_far_below_the_headline_is_no_dateline() -> None:
    story = "<p>" + "The council met to discuss the budget for the coming year. " * 12 + "</p>"
    body = f"<h1>Budget approved</h1>{story}<p>The vote is on June 4, 2024.</p>"
    assert meta_of("", body, url=None).date is None


def test_a_dateline_after_the_crawl_date_is_skipped() -> None:
    body = "<h1>Harvest festival</h1><p>September 14, 2024</p>"
    assert meta_of("", body, url=None, crawl_date="2024-06-01").date is None


def test_marked_up_dates_come_before_the_dateline() -> None:
    head = og("article:published_time", "2024-02-01")
    body = "<h1>Harvest festival</h1><p>Updated March 5, 2024</p>"
    assert meta_of(head, body, url=None).date == "2024-02-01"


_POST_URL = "https://blog.example.org/notes/how-we-keep-pests-out-of-the-garden"
_POSTED_ELSEWHERE = (
    "<h2>How we keep pests out</h2>" + "<p>" + "Companion planting works well here. " * 15 + "</p>"
    '<div class="post-info">Posted on 3 December 2023</div>'
)


def test_htmldate_dates_a_post_whose_date_our_markup_misses() -> None:
    result = meta_of("", _POSTED_ELSEWHERE, url=_POST_URL)
    assert (result.date, result.provenance["date"]) == ("2023-12-03", "html")


def test_htmldate_is_not_asked_about_pages_that_do_not_look_like_a_post() -> None:
    assert meta_of("", _POSTED_ELSEWHERE, url="https://blog.example.org/notes/").date is None
    product = og("og:type", "product")
    assert meta_of(product, _POSTED_ELSEWHERE, url=_POST_URL).date is None
    listing = ld({"@type": "ItemList", "itemListElement": []}) + og("og:type", "article")
    assert meta_of(listing, _POSTED_ELSEWHERE, url=_POST_URL).date is None


def test_htmldate_is_capped_by_the_crawl_date() -> None:
    assert meta_of("", _POSTED_ELSEWHERE, url=_POST_URL, crawl_date="2023-06-01").date is None


# -- url, site, section ---------------------------------------------------------------------


def test_relative_canonical_is_resolved_against_the_url() -> None:
    result = meta_of('<link rel="canonical" href="/a/story?id=1">', url="https://www.ex.com/x/y")
    assert (result.url, result.provenance["url"]) == ("https://www.ex.com/a/story?id=1", "html")
    assert (result.site, result.provenance["site"]) == ("ex.com", "url")


def test_og_url_then_argument() -> None:
    result = meta_of(og("og:url", "https://m.ex.com/story"), url="https://ex.com/s?x=1")
    assert (result.url, result.provenance["url"], result.site) == (
        "https://m.ex.com/story",
        "meta",
        "m.ex.com",
    )
    result = meta_of("", url="https://www.ex.com/s")
    assert (result.url, result.provenance["url"], result.site) == (
        "https://www.ex.com/s",
        "argument",
        "ex.com",
    )


def test_relative_canonical_without_a_url_uses_og_url() -> None:
    head = '<link rel="canonical" href="/story">' + og("og:url", "https://ex.com/other")
    assert meta_of(head, url=None).url == "https://ex.com/story"


def test_section_from_meta_then_jsonld_list() -> None:
    head = og("article:section", "Business")
    assert (meta_of(head).section, meta_of(head).provenance["section"]) == ("Business", "meta")
    data = {"@type": "NewsArticle", "articleSection": ["Science", "Space"]}
    result = meta_of(ld(data))
    assert (result.section, result.provenance["section"]) == ("Science", "json-ld")


def test_section_naming_the_site_is_dropped() -> None:
    assert meta_of(og("article:section", "example-news.com")).section is None


# -- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<<<>>>",
        "<p>no head at all",
        '<script type="application/ld+json">{not json</script>',
        '<script type="application/ld+json">' + "[" * 50_000 + "</script>",
        '<script type="application/ld+json">{"@type": 5, "author": [null, {"name": 7}]}</script>',
        '<script type="application/ld+json">{"@type": "Article", "headline": {"x": 1}}</script>',
        '<meta name="author"><meta property="og:title"><link rel="canonical"><time datetime>',
        '<div class="byline"></div><h1></h1><title></title>',
    ],
)
def test_broken_pages_never_raise(html: str) -> None:
    result = extract_metadata(LexborHTMLParser(html), url="not a url", crawl_date="junk")
    assert isinstance(result, PageMetadata)


def test_jsonld_with_comment_wrapper_and_control_characters() -> None:
    script = (
        '<script type="application/ld+json"><!--{"@type":"Article","headline":"A\tB"}--></script>'
    )
    assert meta_of(script).title == "A B"


def test_empty_page_gives_only_the_url() -> None:
    result = meta_of("", "")
    assert result == PageMetadata(
        url=URL, site="example-news.com", date="2024-05-17", provenance=result.provenance
    )
    assert result.provenance == {"url": "argument", "site": "url", "date": "url"}


def test_og_type_article_is_no_declaration_where_json_ld_states_another_kind() -> None:
    article = og("og:type", "article")
    assert meta_of(article).declares_article
    service = ld({"@graph": [{"@type": ["Plumber", "Organization"]}, {"@type": "Service"}]})
    assert not meta_of(article + service).declares_article
    news = ld({"@type": "NewsArticle", "headline": "Ferry timetable changes"})
    assert meta_of(article + service + news).declares_article


def test_a_reviews_or_an_answers_author_is_not_the_pages() -> None:
    review = (
        '<h1>Trail shoe</h1><li itemscope itemprop="review" itemtype="http://schema.org/Review">'
        '<strong itemprop="author">Marcus T.</strong><p itemprop="reviewBody">Great.</p></li>'
    )
    assert meta_of("", review, url=None).authors == []
    judge_me = "<span class='jdgm-rev__author-wrapper'><span class='jdgm-rev__author'>"
    judge_me += "Dana W.</span></span>"
    assert meta_of("", judge_me, url=None).authors == []
    answer = (
        '<div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">'
        '<div itemprop="author" itemscope><span itemprop="name">Mirela Stan</span></div></div>'
    )
    assert meta_of("", answer, url=None).authors == []


def test_screen_reader_only_text_is_no_part_of_the_headline() -> None:
    body = '<h1><span class="visually-hidden">Collection: </span>Trail Running Shoes</h1>'
    assert meta_of("", body).title == "Trail Running Shoes"
