"""How faithfully `Document.markdown` says `Document.text`, and what asking for it costs.

Runs `cleaner.clean(page, url=..., markdown=True)` on the WCXB development
pages (README beside the data), parses each page's Markdown with a CommonMark
parser (markdown-it-py, with GitHub's tables) and strips its syntax: the text
of its paragraphs, headings, list items, cells and code. The word F1 of that
text against `doc.text` (the benchmark's metric: lowercase `\\w+` tokens,
multisets) is printed overall and per page type; 1.0 means the Markdown says
exactly the body's words. Speed is pages per second on one process over the
same pages, with and without the option (each page both ways in turn).

With `--markdown-inputs`, trafilatura's Markdown of each page (as bench/dumps.py
makes it) is cleaned as a Markdown input too, and scored the same way. There the
body keeps some of the input's syntax as text (an ordered list's numbers, a code
fence's language, a link whose form the reducing rules do not take), which the
parser reads as syntax: those words are the difference.

    python bench/markdown_fidelity.py [--data DIR] [--limit N] [--worst N] [--markdown-inputs]

Needs the `test` extra (markdown-it-py).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wcxb import DEFAULT_DATA, PAGE_TYPES, Page, load_pages, word_scores

import cleaner
from cleaner import CleanOptions

#: Block tokens whose content is text of the page (code, and raw HTML were there any).
_CONTENT_BLOCKS = frozenset({"fence", "code_block", "html_block"})


def parser() -> MarkdownIt:
    """A CommonMark parser with GitHub's pipe tables."""
    return MarkdownIt("commonmark").enable("table")


def stripped_text(markdown: str, markdown_it: MarkdownIt | None = None) -> str:
    """The text a Markdown document says, its syntax stripped: one line per block."""
    lines: list[str] = []
    for token in (markdown_it or parser()).parse(markdown):
        if token.type == "inline":
            lines.append(_inline_text(token.children or []))
        elif token.type in _CONTENT_BLOCKS:
            lines.append(token.content)
    return "\n".join(lines)


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child.children or []))
    return "".join(parts)


#: The Markdown structures counted over the pages: token type → what the table calls it.
STRUCTURES = {
    "heading_open": "headings",
    "list_item_open": "list items",
    "th_open": "header cells",
    "td_open": "cells",
    "fence": "code blocks",
    "blockquote_open": "quotes",
}


def fidelity(
    inputs: Sequence[tuple[Page, str | bytes]], markdown_it: MarkdownIt, counts: Counter[str]
) -> list[tuple[Page, float]]:
    """Each page with the word F1 of its input's stripped Markdown against its body; the
    Markdown structures found are added to `counts`."""
    options = CleanOptions(markdown=True)
    scores = []
    for page, raw in inputs:
        document = cleaner.clean(raw, url=page.url, options=options)
        markdown = document.markdown or ""
        counts.update(
            STRUCTURES[token.type]
            for token in markdown_it.parse(markdown)
            if token.type in STRUCTURES
        )
        scores.append((page, word_scores(document.text, stripped_text(markdown, markdown_it))[2]))
    return scores


def markdown_inputs(pages: Sequence[Page]) -> list[tuple[Page, str | bytes]]:
    """trafilatura's Markdown of each page (as bench/dumps.py makes it), as Markdown inputs."""
    from dumps import trafilatura_dumps

    return [(dump.page, dump.text) for dump in trafilatura_dumps(pages) if dump.text.strip()]


def pages_per_second(pages: Sequence[Page]) -> tuple[float, float]:
    """Pages per second without and with the option, each page cleaned both ways in
    turn (which goes first alternates), so that the load of the machine falls on both
    alike; warmed up on the first page."""
    plain, markdown = CleanOptions(), CleanOptions(markdown=True)
    seconds = {plain: 0.0, markdown: 0.0}
    for options in seconds:
        cleaner.clean(pages[0].html, url=pages[0].url, options=options)
    for index, page in enumerate(pages):
        for options in (plain, markdown) if index % 2 else (markdown, plain):
            start = time.perf_counter()
            cleaner.clean(page.html, url=page.url, options=options)
            seconds[options] += time.perf_counter() - start
    return len(pages) / seconds[plain], len(pages) / seconds[markdown]


def report(scores: list[tuple[Page, float]], counts: Counter[str], worst: int) -> None:
    by_type: dict[str, list[float]] = defaultdict(list)
    for page, score in scores:
        by_type["all"].append(score)
        by_type[page.page_type].append(score)
    print(f"{'pages':<14} {'n':>5} {'word F1':>8}  (stripped Markdown against doc.text)")
    for group in ("all", *PAGE_TYPES):
        values = by_type.get(group, [])
        if values:
            print(f"{group:<14} {len(values):>5} {sum(values) / len(values):>8.4f}")
    print("structures: " + ", ".join(f"{counts[name]} {name}" for name in STRUCTURES.values()))
    below = sorted((pair for pair in scores if pair[1] < 1), key=lambda pair: pair[1])
    print(f"pages below 1.0: {len(below)}")
    for page, score in below[:worst]:
        print(f"  {page.key} {page.page_type:<13} {score:.4f} {page.url}")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the WCXB dev folder")
    arguments.add_argument("--limit", type=int, default=0, help="only the first N pages")
    arguments.add_argument("--worst", type=int, default=5, help="list the N lowest pages below 1")
    arguments.add_argument("--no-speed", action="store_true", help="skip the speed passes")
    arguments.add_argument(
        "--markdown-inputs",
        action="store_true",
        help="also clean trafilatura's Markdown of each page as a Markdown input",
    )
    args = arguments.parse_args(argv)
    pages = load_pages(args.data)
    if args.limit:
        pages = pages[: args.limit]
    counts: Counter[str] = Counter()
    print("HTML pages")
    report(fidelity([(page, page.html) for page in pages], parser(), counts), counts, args.worst)
    if args.markdown_inputs:
        counts = Counter()
        print("\nMarkdown inputs: trafilatura's Markdown of the same pages")
        scores = fidelity(markdown_inputs(pages), parser(), counts)
        report(scores, counts, args.worst)
    if not args.no_speed:
        plain, with_markdown = pages_per_second(pages)
        print(f"\npages/s without markdown: {plain:.1f}")
        print(f"pages/s with markdown:    {with_markdown:.1f} ({with_markdown / plain - 1:+.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
