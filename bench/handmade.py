"""Hand-written pages of many kinds and languages: cleaner and trafilatura against a reader.

What it measures
----------------
`bench/pages/` holds pages written by hand for this project (none copied from
a site or a benchmark; README there): each `NAME.html` is a whole page as a
real platform serves it (a WordPress blog in German, a phpBB thread, a
Shopify product, a MediaWiki article, a Japanese news portal, a Lever job
posting, ...), and `NAME.expected.txt` the main content a careful reader would
keep, headline first. Each page is cleaned by cleaner (its title put in front
of its text, as the expected text opens with the headline) and by trafilatura
(default settings), and scored with the WCXB word metric (bench/wcxb.py).

The benchmarks the extraction was developed on label content their own way
(the WCXB pages keep rating lines and button labels, the news set drops a
story's standfirst); these pages follow one reader's convention across kinds
the benchmarks hold few of, so they show what a user sees on such pages.
Rules found wanting here were fixed in general terms (the software's own
wording, a platform's class names); none is scoped to one of these pages.

    python bench/handmade.py             # the table and the means
    python bench/handmade.py -v          # also each page's extra and missing lines
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from selectolax.lexbor import LexborHTMLParser
from wcxb import word_scores

from cleaner import Cleaner
from cleaner.metadata.page import collect, page_url

PAGES = Path(__file__).resolve().parent / "pages"
#: A line counts as extra (or missing) when more than this share of its words is not in
#: the other text.
STRAY_SHARE = 0.5


@dataclass(frozen=True)
class HandmadePage:
    """One hand-written page and the text a reader keeps of it."""

    name: str
    html: str
    expected: str

    @cached_property
    def url(self) -> str | None:
        """The address the page states for itself, as cleaner reads it (its canonical link,
        else its `og:url`) and a crawl would have fetched it from; None when it states
        none. Not an address made from the file's name: its words ("forum", "product",
        "news") would tell the page-type model what the page is."""
        found = page_url(collect(LexborHTMLParser(self.html)), None)
        return found[0] if found else None


def load_pages(folder: Path = PAGES) -> list[HandmadePage]:
    """Every page of the folder with its expected text, by name."""
    return [
        HandmadePage(
            path.stem,
            path.read_text(encoding="utf-8"),
            path.with_suffix(".expected.txt").read_text(encoding="utf-8"),
        )
        for path in sorted(folder.glob("*.html"))
    ]


def cleaner_text(cleaner: Cleaner, page: HandmadePage) -> str:
    """cleaner's text of the page with its title in front (the expected text opens with the
    headline, which cleaner keeps as a field)."""
    document = cleaner.clean(page.html, url=page.url)
    text = document.text or ""
    if document.title and not text.startswith(document.title):
        return f"{document.title}\n\n{text}"
    return text


def trafilatura_text(page: HandmadePage) -> str:
    """trafilatura's text of the page, default settings."""
    import trafilatura

    return trafilatura.extract(page.html, url=page.url) or ""


def stray_lines(text: str, other: str) -> list[str]:
    """The lines of `text` most of whose words `other` lacks."""
    words = set(other.split())
    stray = []
    for line in text.split("\n"):
        tokens = line.split()
        if tokens and sum(token not in words for token in tokens) > STRAY_SHARE * len(tokens):
            stray.append(line)
    return stray


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show extra and missing lines")
    parser.add_argument("--pages", type=Path, default=PAGES, help="folder of NAME.html pages")
    args = parser.parse_args(argv)
    cleaner = Cleaner()
    totals: dict[str, list[float]] = {"cleaner": [], "trafilatura": []}
    print(f"{'page':28}{'cleaner P/R/F1':>20}{'trafilatura P/R/F1':>22}")
    for page in load_pages(args.pages):
        ours, theirs = cleaner_text(cleaner, page), trafilatura_text(page)
        scores = word_scores(page.expected, ours), word_scores(page.expected, theirs)
        for name, (_, _, f1) in zip(totals, scores, strict=True):
            totals[name].append(f1)
        cells = ["{:.2f}/{:.2f}/{:.2f}".format(*score) for score in scores]
        print(f"{page.name:28}{cells[0]:>20}{cells[1]:>22}")
        if args.verbose:
            for line in stray_lines(ours, page.expected):
                print(f"    extra    {line[:100]!r}")
            for line in stray_lines(page.expected, ours):
                print(f"    missing  {line[:100]!r}")
    for name, values in totals.items():
        print(f"mean F1 {name:12} {sum(values) / max(1, len(values)):.3f} ({len(values)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
