"""Metadata accuracy (title, author, date) on real HTML pages, cleaner against trafilatura.

What it measures
----------------
The pages are the public article-extraction-benchmark set (`html/<id>.html.gz`,
each page's url in `ground-truth.json`), the same pages bench/html_accuracy.py
scores for body text. Their metadata labels live in `bench/metadata-truth.json`:
for each page, the headline, the byline author(s) and the first-publication day
a careful reader takes from the rendered page, labelled by hand without running
any extractor (its `_about` entry gives the rules). A null label means the page
shows no such item, so the right answer there is null too.

In one run, every labelled page goes through

* cleaner     - `cleaner.clean(html, url=url)`, its `.title`, `.author`, `.date`;
* trafilatura - `trafilatura.bare_extraction(html, url=url, with_metadata=True)`,
                the returned Document's `.title`, `.author`, `.date` (all null
                when it returns None).

A value matches its label when both are null or both are equal after collapsing
whitespace and Unicode NFC normalisation (an empty or blank value counts as
null). Dates are compared on their first 10 characters, the YYYY-MM-DD day.
Authors are compared case-sensitively on the full string: several names must be
joined with ", " in byline order, as the labels are.

For each tool and field the table gives exact-match accuracy over all labelled
pages (null == null counts as a match), over the pages whose label is set, and
over the pages whose label is null (where the tool must say nothing). A tool
that raises on a page is scored as giving null for every field there, and the
number of such pages is printed with the first error.

How to run
----------
From the repository root, with the project installed::

    python bench/html_metadata.py                       # the table
    python bench/html_metadata.py --show-misses author  # also cleaner's author misses
    python bench/html_metadata.py --data DIR --truth FILE

The data set lives outside the repository; `--data` defaults to
`../shared/bench/scrapinghub` next to the checkout, `--truth` to
`bench/metadata-truth.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from html_accuracy import DEFAULT_DATA, load_pages

FIELDS = ("title", "author", "date")
DEFAULT_TRUTH = Path(__file__).resolve().parent / "metadata-truth.json"
MAX_MISSES = 20

Fields = dict[str, str | None]
Extractor = Callable[[bytes, str], Fields]


class Page(Protocol):
    """What this benchmark reads of the pages `load_pages` returns."""

    @property
    def key(self) -> str: ...

    @property
    def html(self) -> bytes: ...

    @property
    def url(self) -> str: ...


@dataclass(frozen=True)
class Tally:
    """Matches and page counts for one tool and field, split by whether the label is set."""

    set_hits: int = 0
    set_pages: int = 0
    null_hits: int = 0
    null_pages: int = 0

    def add(self, label: str | None, hit: bool) -> Tally:
        if label is None:
            return Tally(self.set_hits, self.set_pages, self.null_hits + hit, self.null_pages + 1)
        return Tally(self.set_hits + hit, self.set_pages + 1, self.null_hits, self.null_pages)


def normalize(value: Any, field: str) -> str | None:
    """The comparable form of a value: whitespace collapsed, NFC, the day for dates."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", " ".join(str(value).split()))
    if field == "date":
        text = text[:10]
    return text or None


def load_truth(path: Path) -> dict[str, Fields]:
    """The labelled pages of the truth file (keys starting with "_" are notes, not pages)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        key: {field: normalize(entry.get(field), field) for field in FIELDS}
        for key, entry in data.items()
        if not key.startswith("_")
    }


def fields_of(result: Any) -> Fields:
    """Title, author and date of a tool's result object (all None for a None result)."""
    return {field: normalize(getattr(result, field, None), field) for field in FIELDS}


def cleaner_extractor() -> Extractor:
    from cleaner import clean

    return lambda html, url: fields_of(clean(html, url=url or None))


def trafilatura_extractor() -> Extractor:
    import trafilatura

    def extract(html: bytes, url: str) -> Fields:
        return fields_of(trafilatura.bare_extraction(html, url=url or None, with_metadata=True))

    return extract


EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "cleaner": cleaner_extractor,
    "trafilatura": trafilatura_extractor,
}


def run(pages: Sequence[Page], extract: Extractor) -> tuple[dict[str, Fields], list[str]]:
    """Every page's extracted fields, by page key, and one line per page that raised."""
    outputs: dict[str, Fields] = {}
    errors: list[str] = []
    for page in pages:
        try:
            outputs[page.key] = extract(page.html, page.url)
        except Exception as error:
            outputs[page.key] = dict.fromkeys(FIELDS)
            errors.append(f"{page.key[:12]}: {type(error).__name__}: {error}")
    return outputs, errors


def score(truth: Mapping[str, Fields], outputs: Mapping[str, Fields]) -> dict[str, Tally]:
    """One Tally per field over the pages in `outputs`."""
    tallies = dict.fromkeys(FIELDS, Tally())
    for key, got in outputs.items():
        for field in FIELDS:
            label = truth[key][field]
            tallies[field] = tallies[field].add(label, got[field] == label)
    return tallies


def ratio(hits: int, pages: int) -> str:
    """`0.912 (166/182)`, or a dash when there are no pages."""
    share = f"{hits / pages:.3f}" if pages else "    -"
    return f"{share} ({hits}/{pages})"


def print_row(tool: str, field: str, tally: Tally) -> None:
    hits, pages = tally.set_hits + tally.null_hits, tally.set_pages + tally.null_pages
    print(
        f"{tool:13s}{field:8s}{ratio(hits, pages):>18s}"
        f"{ratio(tally.set_hits, tally.set_pages):>18s}"
        f"{ratio(tally.null_hits, tally.null_pages):>18s}"
    )


def print_misses(
    field: str, truth: Mapping[str, Fields], outputs: Mapping[str, Fields], limit: int
) -> None:
    """Up to `limit` pages where the tool's value for `field` differs from the label."""
    misses = [key for key in outputs if outputs[key][field] != truth[key][field]]
    print(f"\ncleaner {field} misses: {len(misses)} (showing up to {limit})")
    for key in misses[:limit]:
        print(f"  {key[:12]}  label: {truth[key][field]!r}")
        print(f"  {'':12s}  got:   {outputs[key][field]!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--truth", type=Path, default=DEFAULT_TRUTH, help="metadata labels")
    parser.add_argument("--show-misses", choices=FIELDS, help="print cleaner's misses for a field")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"html_metadata: no ground-truth.json under {args.data}", file=sys.stderr)
        return 2
    truth = load_truth(args.truth)
    pages = [page for page in load_pages(args.data) if page.key in truth]
    print(f"{len(pages)} labelled pages of {len(truth)} in {args.truth.name}, from {args.data}")
    print(f"python {sys.version.split()[0]}\n")
    print(f"{'tool':13s}{'field':8s}{'all labels':>18s}{'label set':>18s}{'label null':>18s}")
    cleaner_outputs: dict[str, Fields] = {}
    for name, make in EXTRACTORS.items():
        try:
            extract = make()
        except ImportError as error:
            print(f"{name:13s}skipped: {error.name or error} is not installed")
            continue
        outputs, errors = run(pages, extract)
        for field, tally in score(truth, outputs).items():
            print_row(name, field, tally)
        if errors:
            print(f"{name:13s}raised on {len(errors)} pages (scored as null), first {errors[0]}")
        if name == "cleaner":
            cleaner_outputs = outputs
    if args.show_misses and cleaner_outputs:
        print_misses(args.show_misses, truth, cleaner_outputs, MAX_MISSES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
