"""Extraction accounts for every run of the page it leaves out, whichever way it chose."""

from __future__ import annotations

import json

import pytest

from cleaner import clean

BODY = "".join(
    f"<p>Paragraph {n} tells what the council decided, why it did so, and who objected "
    f"to the plan at the meeting on Tuesday evening.</p>"
    for n in range(1, 7)
)
CHROME = (
    "Weather in Harbourtown: sunny, 21 degrees",
    "Pole za obcí, na kterém má stát hala",
    "Harbour Gazette is published by Gazette Media Ltd",
)


def _news_page(declared: bool) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"})
    head = f'<script type="application/ld+json">{ld}</script>' if declared else ""
    return (
        f"<html><head><title>Ferry timetable changes | Harbour Gazette</title>{head}"
        '<meta property="og:type" content="article"></head><body>'
        f"<div class='weather'>{CHROME[0]}</div>"
        "<article><h1>Ferry timetable changes</h1>"
        f"<div class='photo'><img src='a.jpg' alt=''><div class='text'>{CHROME[1]}</div></div>"
        f"<div class='article-body' itemprop='articleBody'>{BODY}</div></article>"
        f"<div class='imprint'>{CHROME[2]}</div></body></html>"
    )


@pytest.mark.parametrize("declared", [True, False])
def test_every_run_left_out_is_recorded(declared: bool) -> None:
    document = clean(_news_page(declared))
    text = document.text or ""
    assert "Paragraph 6 tells" in text
    removed = " ".join(removal.text for removal in document.removed)
    for chrome in CHROME:
        assert chrome not in text
        assert chrome in removed, (chrome, [r.rule for r in document.removed])
    assert any(r.rule == "extract:headline" for r in document.removed)


def test_the_fallbacks_choice_records_what_it_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    # When the classifier keeps nothing, trafilatura's text is taken; it reports no
    # removals of its own, so the runs whose words it lacks are recorded for it.
    import cleaner.extract.page as page

    monkeypatch.setattr(page, "choose_blocks", lambda *args, **kwargs: page.ArticleText())
    document = clean(_news_page(declared=False))
    assert document.provenance.get("text") == "trafilatura"
    text = document.text or ""
    assert "Paragraph 6 tells" in text
    removed = " ".join(removal.text for removal in document.removed)
    assert CHROME[2] in removed
    assert all(line not in removed for line in text.split("\n") if len(line) > 40)


def test_text_of_controls_and_embedded_objects_is_recorded() -> None:
    # Buttons, a select's options and an icon's title are never content, but a reader
    # sees them: their text is recorded once per control; a script's code is not text;
    # a formula is neither: it stays as its text.
    page = (
        "<html><body><header><button>Menu</button></header><article>"
        f"<h1>Ferry timetable changes</h1>{BODY}"
        "<form><select name='pier'><option>North pier</option><option>South pier</option>"
        "</select><button type='submit'>Notify me <svg><title>bell</title></svg></button>"
        "</form><p>Formula <math><mi>x</mi><mo>=</mo><mn>2</mn></math> holds.</p>"
        "<script>var pier = 'north';</script></article></body></html>"
    )
    document = clean(page)
    recorded = [(r.rule, r.text) for r in document.removed if r.rule.startswith("extract:")]
    assert ("extract:form-control", "Menu") in recorded
    assert ("extract:form-control", "North pier South pier") in recorded
    assert ("extract:form-control", "Notify me bell") in recorded
    assert "Formula x=2 holds." in document.text  # a formula is text (extract/formulas.py)
    assert not any(text in ("bell", "North pier") for _, text in recorded)
    assert not any("var pier" in r.text for r in document.removed)
