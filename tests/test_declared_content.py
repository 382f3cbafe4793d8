"""The lines a page's structured data declares as its content (a recipe card), and the
extraction that keeps them when the prose finder takes only the story above them."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner
from cleaner.extract.declared import declared_lines, found_share
from cleaner.metadata.page import collect

STORY = (
    "My grandmother baked this bread every Sunday in a blackened skillet, and the smell of "
    "browning butter still means the weekend to me. {n} She never measured anything, so it "
    "took me a whole winter of trials, a notebook of crossed-out amounts and a patient family "
    "to write down what her hands simply knew."
)
INGREDIENTS = ["0.5 cup unsalted butter", "1.5 cups yellow cornmeal", "2 large eggs"]
STEPS = [
    "Preheat the oven to 425 degrees F.",
    "Brown the butter in the skillet, swirling often.",
    "Whisk everything together and bake for 20 minutes.",
]


def _recipe_json(instructions: object) -> str:
    recipe = {
        "@context": "https://schema.org",
        "@type": ["Recipe", "NewsArticle"],
        "headline": "Skillet cornbread",
        "recipeIngredient": INGREDIENTS,
        "recipeInstructions": instructions,
    }
    return json.dumps(recipe)


def _page(instructions: object) -> str:
    story = "".join(f"<p>{STORY.format(n=n)}</p>" for n in range(4))
    steps = "".join(f"<li>{step}</li>" for step in STEPS)
    card = (
        '<div class="recipe-card"><h2>Ingredients</h2><ul>'
        "<li>½ cup unsalted butter</li><li>1 ½ cups yellow cornmeal</li><li>2 large eggs</li>"
        f"</ul><h2>Directions</h2><ol>{steps}</ol></div>"
    )
    return (
        '<html><head><title>Skillet cornbread</title><meta property="og:type" content="article">'
        f'<script type="application/ld+json">{_recipe_json(instructions)}</script></head><body>'
        f'<article><h1>Skillet cornbread</h1><div class="story">{story}</div>{card}</article>'
        "</body></html>"
    )


def test_a_recipes_ingredients_and_steps_are_declared_in_any_of_its_forms() -> None:
    steps = [{"@type": "HowToStep", "text": step} for step in STEPS]
    section = [{"@type": "HowToSection", "name": "Bake", "itemListElement": steps}]
    for instructions in (STEPS, steps, section, " ".join(STEPS)):
        lines = declared_lines(collect(LexborHTMLParser(_page(instructions))))
        assert lines[:3] == INGREDIENTS
        assert " ".join(lines[3:]) == " ".join(STEPS)


def test_a_page_without_a_recipe_declares_nothing() -> None:
    page = "<html><head><title>News</title></head><body><p>Text.</p></body></html>"
    assert declared_lines(collect(LexborHTMLParser(page))) == []


def test_a_line_is_found_with_most_of_its_words() -> None:
    text = "Ingredients: ½ cup unsalted butter, 2 large eggs."
    assert found_share(INGREDIENTS, text) == 2 / 3  # not the cornmeal
    assert found_share([], text) == 1.0


def test_the_recipe_card_is_kept_with_the_story() -> None:
    text = Cleaner().clean(_page(STEPS), url="https://example.org/cornbread").text
    assert "weekend to me" in text
    # The classifier passes the card's short lines over on so small a page: the blocks
    # that show the declared lines are added, with the headings over them.
    assert "Ingredients\n\n½ cup unsalted butter" in text
    assert "Directions\n\nPreheat the oven" in text
    assert "Whisk everything together and bake for 20 minutes." in text


def test_a_row_of_cells_shows_a_declared_line_and_is_no_longer_a_removal() -> None:
    from cleaner.extract.article_text import ArticleText
    from cleaner.extract.declared import with_declared
    from cleaner.extract.page_blocks import find_blocks

    # A recipe portal's ingredient table: amount and ingredient in two cells of a row, so
    # no one block holds enough of "500 g Kürbis (Hokkaido)"; the row does.
    rows = [("500 g", "Kürbis (Hokkaido)"), ("200 g", "Linsen, rote"), ("1 EL", "Rapsöl")]
    table = "".join(f"<tr><td>{amount}</td><td>{name}</td></tr>" for amount, name in rows)
    html = f"<body><p>Eine Suppe für kalte Tage.</p><h2>Zutaten</h2><table>{table}</table></body>"
    view = find_blocks(LexborHTMLParser(html).body)
    story = view.blocks[0]
    left_out = "\n".join(block.text for block in view.blocks[1:])
    article = ArticleText([story.text], [("boilerplate", left_out)], [story])
    widened = with_declared(view.blocks, article, [f"{a} {n}" for a, n in rows])
    assert widened.paragraphs == [
        *("Eine Suppe für kalte Tage.", "Zutaten", "500 g", "Kürbis (Hokkaido)"),
        *("200 g", "Linsen, rote", "1 EL", "Rapsöl"),
    ]
    assert widened.dropped == []


FAQ = [
    ("Do you take new patients?", "<p>Yes. We take <strong>new patients</strong> every week.</p>"),
    ("Is the practice step-free?", "Yes, the entrance and the treatment rooms are step-free."),
]


def _faq_page(main_entity: object) -> str:
    faq = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": main_entity}
    return (
        f'<html><head><script type="application/ld+json">{json.dumps(faq)}</script></head>'
        "<body><p>Text.</p></body></html>"
    )


def _question(name: str, answer: str) -> dict[str, object]:
    return {
        "@type": "Question",
        "name": name,
        "acceptedAnswer": {"@type": "Answer", "text": answer},
    }


def test_an_faqs_questions_and_answers_are_declared_without_their_tags() -> None:
    page = _faq_page([_question(q, a) for q, a in FAQ])
    assert declared_lines(collect(LexborHTMLParser(page))) == [
        "Do you take new patients?",
        "Yes. We take new patients every week.",
        "Is the practice step-free?",
        "Yes, the entrance and the treatment rooms are step-free.",
    ]
    # One question on its own, as some plugins write it; an entry that is no question.
    single = declared_lines(collect(LexborHTMLParser(_faq_page(_question(*FAQ[1])))))
    assert single == [FAQ[1][0], FAQ[1][1]]
    assert declared_lines(collect(LexborHTMLParser(_faq_page(["not a question"])))) == []
