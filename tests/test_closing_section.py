"""The section under the content's closing heading is kept when the model nearly keeps it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner.extract.blocks import Block
from cleaner.extract.closing_section import closing_section_end
from cleaner.extract.page_blocks import find_blocks

STORY = (
    "<p>Reset two-factor authentication from the security page once your identity has been "
    "checked by the support team in writing.</p>"
)
FAQ = (
    "<section class='faq'><h2>Frequently asked questions</h2>"
    "<mat-panel-title>Can support turn it off over the phone?</mat-panel-title>"
    "<p>No. We only reset it after a written request.</p>"
    "<mat-panel-title>Will it sign me out elsewhere?</mat-panel-title>"
    "<p>Yes. Every session ends when it is reset.</p></section>"
    "<section class='feedback'><p>Was this article helpful?</p></section>"
)
RELATED = (
    "<section><h2>Related articles</h2><p><a href='/a'>Change your password</a></p>"
    "<p><a href='/b'>Recover a locked account</a></p></section>"
)


def _blocks(body: str) -> list[Block]:
    tree = LexborHTMLParser("<html><body><main>" + body + "</main></body></html>")
    assert tree.body is not None
    return find_blocks(tree.body).blocks


def _heading(blocks: list[Block]) -> int:
    return next(index for index, block in enumerate(blocks) if block.node.tag == "h2")


def test_a_closing_headings_section_is_kept_to_the_sections_end() -> None:
    blocks = _blocks(STORY + FAQ)
    heading = _heading(blocks)
    probabilities = [0.9] * (heading + 1) + [0.3, 0.5, 0.27, 0.24] + [0.25]
    end = closing_section_end(blocks, heading, probabilities)
    assert blocks[end].text == "Yes. Every session ends when it is reset."


def test_a_section_the_model_rates_low_stays_out() -> None:
    blocks = _blocks(STORY + FAQ)
    heading = _heading(blocks)
    probabilities = [0.9] * (heading + 1) + [0.1, 0.2, 0.1, 0.1] + [0.25]
    assert closing_section_end(blocks, heading, probabilities) == heading


def test_a_heading_over_links_stays_alone() -> None:
    blocks = _blocks(STORY + RELATED)
    heading = _heading(blocks)
    probabilities = [0.9] * (heading + 1) + [0.5, 0.5]
    assert closing_section_end(blocks, heading, probabilities) == heading


def test_a_closing_paragraph_opens_no_section() -> None:
    blocks = _blocks(STORY + "<p>The end of the story, in a paragraph of its own.</p>")
    assert closing_section_end(blocks, len(blocks) - 1, [0.9] * len(blocks)) == len(blocks) - 1
