"""The standfirst: the lead paragraph a page marks as such between its headline and its body.

News and magazine templates print a one- or two-sentence summary under the
headline, outside the element that holds the body: `p.article__lead`,
`div.standfirst`, `h2.subtitle`, `[itemprop=description]`, a French `chapo`,
an Italian `sommario`. The prose finder starts from the body's paragraphs and
the classifier scores such a run like a kicker, so both leave it out, and
the reader loses the article's first sentences. A run counts as the lead only
when its element (or one of the few above it) names itself one, when it lies
after the page's `<h1>` and before the content, and when it reads as prose.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from cleaner.dom import within_reach
from cleaner.extract.blocks import Block, h1_above
from cleaner.words import latin_equivalent_chars

#: Class or id words templates give the standfirst, in English and the languages whose
#: news templates name it otherwise ("chapo", "chapeau", "sommario", "entradilla",
#: "bajada", "linha-fina", "vorspann", "ingress", "wstep"/"lead" in Polish CMSs).
_LEAD_WORD = re.compile(
    r"(?<![a-z])(?:standfirst|stand-first|lead|lede|leadin|lead-in|dek|deck|subtitle|sub-title"
    r"|subtitulo|subheadline|sub-headline|subhead|summary|sumario|sommario|intro|introtext"
    r"|strapline|chapo|chapeau|chapô|entradilla|bajada|linha-fina|linhafina|vorspann|ingress"
    r"|ingresso|wstep|abstract|article-desc|description)(?![a-z])"
)
#: Microdata properties of a lead.
_LEAD_PROPS = frozenset({"description", "alternativeheadline", "abstract"})
#: How many elements above a run may carry the mark (a `<p>` inside `div.lead`).
MARK_REACH = 3
#: How far above the content the headline may stand, in blocks (a lead, a byline, a date
#: and share labels may lie between).
HEADLINE_REACH = 8
#: A lead is prose: at least this long (counted as a space-separated script writes it)...
MIN_LEAD_CHARS = 40
#: ...mostly not link text...
MAX_LEAD_LINK_DENSITY = 0.25
#: ...nor mostly figures (a date line a template marks up as the summary: "Nov. 20, 2019
#: Updated: Nov. 20, 2019 1:35 a.m."), unless it has the words of a sentence around them
#: ("Riders on the 4, 9, 12 and 40 will see trips as late as 2:30 a.m. starting Oct. 5")...
MAX_DIGIT_SHARE = 0.15
#: (a sentence has at least this many words of two letters or more; a date line has fewer)
SENTENCE_WORDS = 8
_WORD = re.compile(r"[^\W\d_]{2,}")
#: ...nor a byline ("by NAME / 2016.12.01", "Von NAME").
_BYLINE_OPENING = re.compile(r"(?i:by|von|par|por|di|door|przez|av|af|от|de)[ \t]")


def lead_blocks(blocks: list[Block], first: int) -> list[int]:
    """The indexes of the blocks between the `<h1>` above block `first` (the content's
    first block) and it that are the page's marked lead; none when no `<h1>` is near."""
    start = h1_above(blocks, first, HEADLINE_REACH)
    if start < 0:
        return []
    return [index for index in range(start + 1, first) if _is_lead(blocks[index])]


def _is_lead(block: Block) -> bool:
    """Whether a run is a marked lead: prose, not a date line or a byline, whose element or
    one of the MARK_REACH above it names itself one."""
    if block.link_density > MAX_LEAD_LINK_DENSITY or block.node.tag == "h1":
        return False
    text = block.text
    if latin_equivalent_chars(text) < MIN_LEAD_CHARS or _BYLINE_OPENING.match(text):
        return False
    if _mostly_figures(text):
        return False
    return any(_marked(node) for node in within_reach(block.node, MARK_REACH))


def _mostly_figures(text: str) -> bool:
    """Whether a run is figures with few words between them: a date and time line."""
    digits = sum(char.isdigit() for char in text)
    if digits <= MAX_DIGIT_SHARE * len(text.replace(" ", "")):
        return False
    return len(_WORD.findall(text)) < SENTENCE_WORDS


def _marked(node: LexborNode) -> bool:
    """Whether an element's itemprop, class or id names it a lead."""
    attrs = node.attributes
    if (attrs.get("itemprop") or "").lower() in _LEAD_PROPS:
        return True
    named = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return bool(named.strip()) and _LEAD_WORD.search(named) is not None
