"""Formulas: a MathML formula's text stays in the sentence around it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner import clean
from cleaner.extract.formulas import formulas_as_text

KATEX_N_SQUARED = (
    '<span class="katex"><span class="katex-mathml"><math><semantics><mrow><msup><mi>n</mi>'
    '<mn>2</mn></msup></mrow><annotation encoding="application/x-tex">n^2</annotation>'
    '</semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base">'
    '<span class="mord mathnormal">n</span><span class="msupsub"><span class="mord">2</span>'
    "</span></span></span></span>"
)
SENTENCES = (
    "<p>Adding the odd numbers one after another gives a square every time, which the "
    "picture of nested corners makes plain before any proof.</p>"
    "<p>The sum of the first n odd numbers is " + KATEX_N_SQUARED + ", for every positive "
    "integer, and the proof by induction takes two lines.</p>"
)


def test_a_formula_becomes_its_presentation_text() -> None:
    html = '<p>With <math alttext="m=64"><mi>m</mi><mo>=</mo><mn>64</mn></math> landmarks.</p>'
    tree = LexborHTMLParser(html)
    assert formulas_as_text(tree, html.encode()) == 1
    assert tree.body is not None
    assert tree.body.text() == "With m=64 landmarks."


def test_a_rendered_formula_is_its_text_once_without_its_annotations() -> None:
    html = "<p>" + KATEX_N_SQUARED + "</p>"
    tree = LexborHTMLParser(html)
    formulas_as_text(tree, html.encode())
    assert tree.body is not None
    assert tree.body.text() == "n2"
    assert tree.css_first(".katex") is None


def test_a_mediawiki_formula_becomes_text_although_its_mathml_is_hidden() -> None:
    html = (
        '<p>The area is <span class="mwe-math-element"><span class="mwe-math-mathml-inline '
        'mwe-math-mathml-a11y" style="display: none;"><math><semantics><mrow><mi>π</mi>'
        '<msup><mi>r</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">'
        '\\pi r^2</annotation></semantics></math></span><img class="mwe-math-fallback-image-'
        'inline" aria-hidden="true" alt="\\pi r^2" src="/f.svg"></span>.</p>'
    )
    tree = LexborHTMLParser(html)
    formulas_as_text(tree, html.encode())
    assert tree.body is not None
    assert tree.body.text() == "The area is πr2."


def test_a_katex_formula_is_kept_once_in_the_cleaned_text() -> None:
    page = (
        "<html><head><title>Odd numbers and squares</title></head><body><article>"
        "<h1>Odd numbers and squares</h1>" + SENTENCES + "</article></body></html>"
    )
    document = clean(page)
    assert "first n odd numbers is n2, for every positive integer" in document.text


def test_a_page_without_formulas_is_left_as_it_is() -> None:
    html = "<p>The math club meets on Fridays.</p>"
    tree = LexborHTMLParser(html)
    assert formulas_as_text(tree, html.encode()) == 0


def test_nested_formulas_and_nested_renderer_elements_are_replaced_once() -> None:
    html = (
        '<p>A <span class="MathJax"><span class="katex"><math><mi>a</mi><math><mi>b</mi>'
        "</math></math></span><math><mi>c</mi></math></span> and <math><mi>d</mi></math>.</p>"
    )
    tree = LexborHTMLParser(html)
    formulas_as_text(tree, html.encode())
    assert tree.body is not None
    assert tree.body.text() == "A ab c and d."


def test_a_mathjax_2_displayed_formula_is_its_text_once() -> None:
    html = (
        '<p>It follows that</p><div class="MathJax_Display"><span class="MathJax">'
        '<nobr aria-hidden="true"><span class="math">E=mc2</span></nobr>'
        '<span class="MJX_Assistive_MathML"><math display="block"><mi>E</mi><mo>=</mo>'
        "<mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math></span></span></div>"
    )
    tree = LexborHTMLParser(html)
    formulas_as_text(tree, html.encode())
    assert tree.body is not None
    assert tree.body.text() == "It follows thatE=mc2"
