"""Formulas: a MathML formula's text stays in the page, as its reader sees it.

`<math>` is embedded markup like `<svg>`, and never-content elements go before the
rules run (`cleaner.extract.page.drop_never_content`). But a formula is the text of
the sentence around it: "for every positive integer n" lost its "n", a paper's
"with m=64 landmarks" its "m=64". KaTeX, MathJax (with its assistive MathML),
LaTeXML (arXiv's HTML papers) and MediaWiki all put the formula in a `<math>`.

`formulas_as_text` replaces each `<math>` with its text as presentation MathML shows
it: the identifiers, numbers and operators in order ("n2" for n squared, as the
text of `n<sup>2</sup>` reads), without its annotations (the TeX source and content
MathML a formula carries for machines). Where a renderer's element holds the formula
twice, as MathML and as a visual copy drawn in spans for sight (KaTeX's `katex`,
MathJax's `mjx-container` and `MathJax` elements), or shows an image of it and hides
the MathML (MediaWiki's `mwe-math-element`), that element becomes the text: the
formula once, where it stood. Nothing a reader sees goes with the second copy, so no
removal is recorded for it.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from cleaner import _core
from cleaner.dom import ancestors

#: Text in the markup of every page with a MathML formula.
MATH_MARK = b"<math"
#: The parts of a formula that are for machines: its TeX source, its content MathML.
ANNOTATIONS = "annotation, annotation-xml"
#: The class of a renderer's element that holds one formula twice (as MathML and as a
#: visual copy or an image of it): KaTeX's, MathJax 2's, MediaWiki's.
RENDERED_FORMULA_CLASSES = frozenset({"katex", "MathJax", "MathJax_Display", "mwe-math-element"})
#: MathJax 3's element for one rendered formula.
RENDERED_FORMULA_TAG = "mjx-container"
#: The walk up from a formula to its renderer's element stops at these.
BLOCK_TAGS = frozenset({"p", "div", "li", "td", "th", "dd", "section", "article", "body"})


def formulas_as_text(tree: LexborHTMLParser, markup: bytes) -> int:
    """Replace each MathML formula of the page with its text; return how many were.
    `markup`: the page's markup in UTF-8, looked at for MATH_MARK only.

    A formula inside another is part of the other's text. Every element to replace is
    found before any is replaced, and one inside another is left to go with it, so no
    element is used after the tree lost it."""
    if not _core.holds(markup, MATH_MARK):
        return 0
    formulas = [
        formula
        for formula in tree.css("math")
        if not any(above.tag == "math" for above in ancestors(formula))
    ]
    replaced: dict[int, tuple[Any, list[str]]] = {}
    for formula in formulas:
        shown = _shown_element(formula)
        if shown.mem_id not in replaced:
            replaced[shown.mem_id] = (shown, [])
        replaced[shown.mem_id][1].append(formula_text(formula))
    for shown, texts in replaced.values():
        # An element inside another one replaced is gone with it: its text is in the other's.
        if not any(above.mem_id in replaced for above in ancestors(shown)):
            shown.replace_with(" ".join(text for text in texts if text))
    return len(formulas)


def formula_text(formula: Any) -> str:
    """The text of a `<math>` element as presentation MathML shows it, whitespace
    collapsed; its annotations are removed from it. Its elements' texts are joined as
    they are laid out, with no space put between them ("1+3=4", "n2")."""
    for annotation in formula.css(ANNOTATIONS):
        annotation.decompose()
    return " ".join(formula.text(deep=True).split())


def _shown_element(formula: Any) -> Any:
    """The element to replace with the formula's text: the outermost renderer's element
    around it (RENDERED_FORMULA_CLASSES, RENDERED_FORMULA_TAG) below its block, else the
    formula itself."""
    shown = formula
    for above in ancestors(formula):
        if above.tag == RENDERED_FORMULA_TAG or not RENDERED_FORMULA_CLASSES.isdisjoint(
            (above.attributes.get("class") or "").split()
        ):
            shown = above  # MathJax 2 draws a displayed formula in a `div.MathJax_Display`
        elif above.tag in BLOCK_TAGS:
            break
    return shown
