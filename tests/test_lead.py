"""The standfirst under a news page's headline opens its text (failure 3 of the HTML issue)."""

from __future__ import annotations

import json

from cleaner import clean

BODY = "".join(
    f"<p>Paragraph {n} of the story says what the council decided, why it did so, "
    f"and who objected to the plan at the meeting on Tuesday evening.</p>"
    for n in range(1, 6)
)
LEAD = "The harbour authority will add two early ferries and a late Friday crossing."


def _page(lead_markup: str, *, declared: bool = True) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"})
    head = f'<script type="application/ld+json">{ld}</script>' if declared else ""
    return (
        f"<html><head><title>Ferry timetable changes | Harbour Gazette</title>{head}"
        '<meta property="og:type" content="article"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><header><h1>Ferry timetable changes</h1>"
        f"{lead_markup}"
        "<div class='byline'>By Ann Berg</div></header>"
        f"<div class='article-body'>{BODY}</div></article>"
        "<footer>© Harbour Gazette</footer></body></html>"
    )


def test_a_marked_standfirst_opens_the_text() -> None:
    for markup in (
        f"<p class='article__lead'>{LEAD}</p>",
        f"<div class='standfirst'><p>{LEAD}</p></div>",
        f"<h2 class='subtitle'>{LEAD}</h2>",
        f"<p itemprop='description'>{LEAD}</p>",
        f"<div class='chapo'>{LEAD}</div>",
    ):
        for declared in (True, False):
            text = clean(_page(markup, declared=declared)).text or ""
            assert text.startswith(LEAD), (markup, declared, text[:120])
            assert "Paragraph 5 of the story" in text


def test_a_standfirst_full_of_figures_is_still_one() -> None:
    figures = "Riders on the 4, 9, 12, 21, 33 and 40 get trips as late as 2:30 a.m. from Oct. 5"
    text = clean(_page(f"<h2 class='b-subheadline'>{figures}</h2>")).text or ""
    assert text.startswith(figures), text[:120]


def test_without_lead_the_body_alone() -> None:
    text = clean(_page(f"<p class='article__lead'>{LEAD}</p>"), lead=False).text or ""
    assert text.startswith("Paragraph 1 of the story")
    assert LEAD not in text


def test_an_unmarked_line_a_date_or_a_byline_is_no_lead() -> None:
    for markup in (
        f"<p>{LEAD}</p><p class='share'>Share this story on your networks</p>",
        "<p class='summary'>Nov. 20, 2019 Updated: Nov. 20, 2019 1:35 a.m. 2019</p>",
        "<p class='lead'>By Ann Berg and Tom Lund, Harbour Gazette reporters</p>",
        "<p class='lead'><a href='/a'>Ferries</a> <a href='/b'>Harbour</a> "
        "<a href='/c'>Council decisions this week</a></p>",
    ):
        text = clean(_page(markup)).text or ""
        assert text.startswith("Paragraph 1 of the story"), (markup, text[:120])
