"""How often a second clean changes a cleaned body, on real pages and varied dumps.

Cleaning is meant to be idempotent: cleaning the body again, knowing what the
input stated (`clean(doc.text, known=doc.known_fields())`: an HTML page's
headline, date and author, the url), gives the body back. The
property tests (tests/test_fuzz.py) check it on generated inputs; this counts
it on realistic ones, which the tests cannot carry:

* html  - the HTML benchmark pages (`../shared/bench/scrapinghub`, real news
          and blog pages; see bench/html_accuracy.py);
* dumps - the text and Markdown corpus of bench/text_throughput.py (the seed
          articles with chrome added and light variations).

For each set it prints the documents cleaned, those that kept a body, and how
many of those bodies a second clean changed, with the first few paragraphs
that changed; and, for reference, how many a second clean that knows nothing
(`clean(doc.text)`) changes: on HTML pages it may take the body's first line
for the headline the page stated elsewhere.

    python bench/idempotence.py                 # 2 MB of dumps, all pages
    python bench/idempotence.py --mb 20 --data DIR
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import html_accuracy
import text_throughput

from cleaner import Cleaner

EXAMPLES = 3


def changed_paragraphs(before: str, after: str) -> list[str]:
    """Paragraphs of `before` that are not in `after`, and the reverse."""
    kept, again = before.split("\n\n"), after.split("\n\n")
    return [p for p in kept if p not in again] + [f"+ {p}" for p in again if p not in kept]


def measure(cleaner: Cleaner, name: str, inputs: Iterable[tuple[bytes | str, str | None]]) -> int:
    """Print the counts for one set; return how many bodies a second clean changed."""
    cleaned = with_body = changed = changed_bare = 0
    examples: list[str] = []
    for raw, url in inputs:
        cleaned += 1
        doc = cleaner.clean(raw, url=url, timeout=None)
        if doc.status != "ok":
            continue
        with_body += 1
        changed_bare += cleaner.clean(doc.text, timeout=None).text != doc.text
        again = cleaner.clean(doc.text, timeout=None, known=doc.known_fields()).text
        if again != doc.text:
            changed += 1
            if len(examples) < EXAMPLES:
                examples.append(" | ".join(changed_paragraphs(doc.text, again))[:160])
    print(
        f"{name:6} {cleaned:6} cleaned {with_body:6} with a body {changed:5} changed again"
        f" ({changed_bare} by a clean that knows nothing)"
    )
    for example in examples:
        print(f"         {example}")
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="MB of text and Markdown dumps")
    parser.add_argument("--data", type=Path, default=html_accuracy.DEFAULT_DATA)
    args = parser.parse_args(argv)
    cleaner = Cleaner()
    changed = 0
    if args.data.is_dir():
        pages = html_accuracy.load_pages(args.data)
        changed += measure(cleaner, "html", ((page.html, page.url or None) for page in pages))
    else:
        print(f"html   skipped: no benchmark pages at {args.data}")
    seeds = text_throughput.load_seeds(text_throughput.FIXTURES)
    dumps = text_throughput.build_corpus(seeds, args.mb, seed=1)
    changed += measure(cleaner, "dumps", ((dump, None) for dump in dumps))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
