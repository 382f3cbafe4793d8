"""A block the page shows twice (a second layout, a tab and an accordion) is kept once;
text that repeats as content, at the same place in the page's structure, stays."""

from __future__ import annotations

from cleaner import Cleaner

CLEANER = Cleaner()

DESCRIPTION = (
    "<p>A wheel-thrown stoneware mug with a matte speckled glaze and a clear glazed "
    "interior, made by hand in our studio.</p>"
    "<p>Holds about 350 ml. Safe in the dishwasher and the microwave; avoid sudden "
    "changes of temperature.</p>"
)


def product_page(body: str) -> str:
    return (
        "<html><head><title>Speckled mug | Harbour Ceramics</title>"
        '<script type="application/ld+json">{"@type": "Product", "name": "Speckled mug"}'
        "</script></head><body><main><h1>Speckled mug</h1>"
        f"{body}</main></body></html>"
    )


def test_a_description_in_two_layouts_is_kept_once() -> None:
    html = product_page(
        f"<div class='details desktop-only'>{DESCRIPTION}</div>"
        f"<div class='accordion mobile-only'><h2>Details</h2>{DESCRIPTION}</div>"
    )
    document = CLEANER.clean(html)
    assert document.text.count("wheel-thrown stoneware mug") == 1
    assert document.text.count("Holds about 350 ml.") == 1
    repeats = [r.text for r in document.removed if r.rule == "extract:repeat"]
    assert any("Holds about 350 ml." in text for text in repeats)


def test_a_question_put_to_each_person_stays_every_time() -> None:
    question = "What made you start cooking for other people, and what keeps you at it?"
    answers = [
        "My grandmother ran a canteen by the harbour, and I grew up in its kitchen.",
        "A friend asked me to cater her wedding, and I never stopped after that.",
        "I missed the food of home when I moved here, so I learned to make it myself.",
    ]
    people = "".join(
        f"<section class='person'><h2>Cook {n}</h2><p class='question'>{question}</p>"
        f"<p>{answer} We talked for an hour about bread, fish and the market.</p></section>"
        for n, answer in enumerate(answers)
    )
    html = (
        "<html><head><title>Three cooks | Harbour Gazette</title></head><body><article>"
        f"<h1>Three cooks</h1>{people}</article></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.text.count(question) == 3
    assert not [r for r in document.removed if r.rule == "extract:repeat"]


def test_a_nested_list_that_loses_its_first_item_stays_a_list_in_markdown() -> None:
    # The nested list's first item repeats its parent item's text, so it is left out;
    # the list then starts at 2, which must not run on into the parent item's paragraph.
    item = "Check the ferry timetable before you set out for the pier"
    html = (
        "<html><head><meta property='og:type' content='article'></head><body><article>"
        "<p>The harbour ferry keeps running all winter, the council decided on Monday, "
        "after a long debate about costs and the islanders who depend on it.</p>"
        f"<ul><li>{item}<ol><li>{item}</li><li>Buy a ticket at the kiosk on the quay</li>"
        "</ol></li></ul></article></body></html>"
    )
    document = CLEANER.clean(html, markdown=True)
    markdown = document.markdown or ""
    assert "pier\n\n  2. Buy a ticket at the kiosk on the quay" in markdown


def test_a_reply_quoting_the_post_above_loses_the_whole_quote() -> None:
    first = (
        "I replaced the pump last winter and the boiler still loses pressure every few "
        "days. Has anyone seen this with the same model?"
    )
    reply = "Check the expansion vessel first; mine lost its charge the same way last year."
    quote = (
        '<blockquote class="bbCodeBlock"><div class="bbCodeBlock-title">harbourdad said:</div>'
        f'<div class="bbCodeBlock-content">{first}</div></blockquote>'
    )
    html = (
        "<html><head><title>Boiler keeps losing pressure | Home Repair Forum</title></head>"
        "<body><h1>Boiler keeps losing pressure</h1><div class='posts'>"
        f"<article class='message'><div class='bbWrapper'>{first}</div></article>"
        f"<article class='message'><div class='bbWrapper'>{quote}{reply}</div></article>"
        "</div></body></html>"
    )
    document = CLEANER.clean(html)
    assert document.text.count("I replaced the pump") == 1
    assert "harbourdad said:" not in document.text
    repeats = [r.text for r in document.removed if r.rule == "extract:repeat"]
    assert "harbourdad said:" in repeats
