"""The corpus report: clean every input, gather the figures, render one self-contained page.

`build_report(paths, cleaner)` returns the HTML; `collect` gathers the figures,
`chart` draws the histogram, `page` lays the page out.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.api import Cleaner
from cleaner.learn.corpus import read_corpus
from cleaner.read import decode
from cleaner.report.collect import CorpusFigures
from cleaner.report.page import render_page


def build_report(
    paths: Sequence[str],
    cleaner: Cleaner,
    *,
    sample_size: int = 6,
    seed: int = 0,
    title: str = "cleaner report",
) -> str:
    """Clean the inputs at `paths` (files, folders, JSON Lines with a url) and render the page."""
    figures = CorpusFigures(sample_size=sample_size, seed=seed)
    for item in read_corpus(paths):
        text = decode(item.raw) if isinstance(item.raw, bytes) else item.raw
        figures.add(item.name, text, cleaner.clean(text, url=item.url))
    return render_page(figures, title)


__all__ = ["CorpusFigures", "build_report"]
