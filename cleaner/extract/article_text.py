"""The article's text from its containers: prose runs in page order, chrome runs left out.

Every run inside the containers that is left out is reported with the reason,
so a document's `removed` list says what extraction dropped, not only what the
rules did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cleaner.extract.blocks import MAX_PROSE_LINK_DENSITY, SUBHEADING_TAGS, Block
from cleaner.extract.main_content import MainContent

#: A link-heavy run shorter than this is a link list or a teaser, not article text.
LONG_RUN_CHARS = 300
#: Runs before the first and after the last prose run are kept only from this length:
#: kickers, bylines, dates and tag lists sit there.
EDGE_RUN_CHARS = 60


@dataclass
class ArticleText:
    """The article's paragraphs, and the runs of its containers that were left out."""

    paragraphs: list[str] = field(default_factory=list)
    #: (reason, text) for every run left out: "headline", "link-list", "edge" or
    #: "boilerplate".
    dropped: list[tuple[str, str]] = field(default_factory=list)
    #: The blocks the paragraphs come from, in page order.
    kept: list[Block] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def article_text(blocks: list[Block], main: MainContent) -> ArticleText:
    """Paragraphs of the article (each `<br>`-separated line its own), in page order."""
    result = ArticleText()
    inside: list[Block] = []
    after_prose = False
    containers = frozenset(container.mem_id for container in main.containers)
    for block in blocks:
        if not block.text or containers.isdisjoint(block.chain):
            continue
        reason = _left_out(block, after_prose)
        if reason:
            result.dropped.append((reason, block.text))
        else:
            inside.append(block)
            after_prose = after_prose or block.prose
    first, last = _prose_span(inside)
    for index, block in enumerate(inside):
        if first <= index <= last or len(block.text) >= EDGE_RUN_CHARS:
            result.paragraphs.extend(block.text.split("\n"))
            result.kept.append(block)
        else:
            result.dropped.append(("edge", block.text))
    return result


def _left_out(block: Block, after_prose: bool) -> str | None:
    """Why a run is not article text: the page headline (it is the title) or a link list.
    An `<h1>` after the article's prose has begun is a subheading (Medium marks its
    section headings so), not the headline."""
    if block.node.tag == "h1" and not after_prose:
        return "headline"
    if _link_list(block):
        return "link-list"
    return None


def _link_list(block: Block) -> bool:
    """Whether a short run is mostly link text and no sentence that links what it names."""
    short = len(block.text) < LONG_RUN_CHARS
    return short and block.link_density > 0.5 and not _linked_sentence(block)


#: Unlinked characters a sentence needs around its links to be prose, not a list.
MIN_SENTENCE_FRAME_CHARS = 40


def _linked_sentence(block: Block) -> bool:
    """Whether a run mostly of link text is one sentence that links what it names ("It
    ranks in my lists of the best spa hotels, the best beach resorts and ..."): one line,
    words of its own around the links, and a full stop at its end. A list of links has
    no words between them, nor a sentence's end."""
    text = block.text
    return (
        "\n" not in text
        and len(text) - block.link_chars >= MIN_SENTENCE_FRAME_CHARS
        and text.rstrip()[-1:] in ".!?"
    )


def _prose_span(blocks: list[Block]) -> tuple[int, int]:
    """Index of the first and of the last prose run (an empty span when there is none)."""
    indexes = [i for i, block in enumerate(blocks) if block.prose]
    return (indexes[0], indexes[-1]) if indexes else (0, -1)


def record_run(dropped: list[tuple[str, str]], run: list[Block]) -> None:
    """Record a run of blocks left out as one removal in `dropped` ("link-list" when it is
    mostly link text, else "boilerplate"), and empty the run."""
    if not run:
        return
    text = "\n".join(block.text for block in run)
    links = sum(block.link_chars for block in run)
    why = "link-list" if links > MAX_PROSE_LINK_DENSITY * len(text) else "boilerplate"
    dropped.append((why, text))
    run.clear()


def with_blocks(blocks: Sequence[Block], article: ArticleText, added: set[int]) -> ArticleText:
    """`article` with the blocks at the `added` indexes of the page, and the headings just
    above each of them ("Ingredients"; "Lineups" over "Home side (4-3-3)"), in page
    order; those blocks' lines no longer recorded as left out."""
    kept = {id(block) for block in article.kept}
    added = {index for index in added if id(blocks[index]) not in kept}
    if not added:
        return article
    for index in sorted(added):
        above = index - 1
        while above >= 0 and blocks[above].node.tag in SUBHEADING_TAGS:
            added.add(above)
            above -= 1
    chosen = [block for index, block in enumerate(blocks) if id(block) in kept or index in added]
    paragraphs = [line for block in chosen for line in block.text.split("\n")]
    dropped = _without(article.dropped, [blocks[index] for index in sorted(added)])
    return ArticleText(paragraphs, dropped, chosen)


def _without(dropped: list[tuple[str, str]], taken: list[Block]) -> list[tuple[str, str]]:
    """The runs recorded as left out, less the `taken` blocks' lines: a block the
    classifier left out and another step brings back is no longer a removal."""
    result = []
    pending = [block.text.split("\n") for block in taken]
    for why, text in dropped:
        lines = text.split("\n")
        for own in list(pending):
            at = _find_run(lines, own)
            if at is not None:
                del lines[at : at + len(own)]
                pending.remove(own)
        if lines:
            result.append((why, "\n".join(lines)))
    return result


def _find_run(lines: list[str], run: list[str]) -> int | None:
    """Where `run` stands in `lines` as consecutive lines, if it does."""
    for at in range(len(lines) - len(run) + 1):
        if lines[at : at + len(run)] == run:
            return at
    return None
