"""Main content and metadata on pages of seven kinds (WCXB dev split), against peers, in one run.

What it measures
----------------
The pages are the development split of the WCXB benchmark (1,497 pages:
`html/NNNN.html.gz`, each with `ground-truth/NNNN.json`; README beside the
data). Each page's type is `_internal.page_type.primary` (the benchmark counts
`category` as `collection`). Every extractor gets the raw page bytes and the
page's url, and decodes the bytes itself as part of its timed work (cleaner and
trafilatura take bytes; resiliparse is given `detect_encoding` +
`bytes_to_str`, its own decoder), so no extractor gains from a decoding done
for it.

Body text, with the benchmark's metric, per page:

* tokens are the `\\w+` matches of a text, lowercased; precision and recall
  are the overlap of the predicted and true token multisets divided by the
  predicted and the true token counts, F1 their harmonic mean (0 when the
  overlap is 0);
* a page whose true main content has no token scores 1 (P, R and F1) for a
  prediction with no token and 0 for any other;
* precision, recall and F1 are each the mean over pages.

Two pages carry no `main_content` field at all, though their `with` snippets
show content; they are unlabelled rather than empty, so they are left out of
precision, recall and F1 and still count for snippets, metadata and speed.

Snippet rates: of all `with` snippets of the pages in a group, the share
found in the extraction as case-insensitive substrings (higher is better); the
same share for the `without` snippets (lower is better). Pooled over snippets,
not averaged per page, so pages without snippets add nothing.

Metadata (cleaner and trafilatura): `cleaner.clean(...)`'s title, author and
date come from the same timed call as its text; trafilatura's from a separate,
untimed pass of `trafilatura.bare_extraction(html, url=url, with_metadata=True)`
(the call a user makes for metadata; its timed pass is `trafilatura.extract`
with the row's options, which extracts no metadata, so its speed is, if
anything, flattered). Exact match, applied identically to both, over every
page: the truth and the value are normalised and compared, and a page whose
truth is null (or blank) counts as a match only when the extractor gives
none, so a tool that names an author on every product page pays for it. The
table also splits each field into pages whose truth is set and pages whose
truth is null. Normalisation:

* title and author: Unicode NFKC, typographic quotes and dashes made ASCII,
  whitespace collapsed, case folded; for authors, the separators of a list of
  names (`,` `;` `&` `|` and the word `and`) all become ", ", so
  "A, B and C" equals "A; B; C" (order kept);
* date: the leading ISO day `YYYY-MM-DD` of the value; a truth given only to
  the month (`YYYY-MM`, two pages) matches a value in that month.

Speed is pages per second on one process, timing only the extraction calls
(pages are read and decompressed beforehand, each extractor is warmed up on
one page first, and scoring happens afterwards); each page's time is kept, so
every fold and type has its own figure. Each extractor runs over all pages
before the next one starts.

Folds
-----
Pages are split by site (bench/folds.py: the registered domain of the
ground-truth url, with a company's subdomains and country sites together)
into a tuning fold (about two thirds of the sites) and a validation fold,
with a fixed seed. A page whose ground truth has no url takes its site from
the page's canonical or `og:url` link, or, lacking both, is a site of its own.
`--fold all` runs every page and prints tune, validate and all side by side;
`--fold tune` or `--fold validate` runs only that fold's pages. Tune on the
tuning fold only: `--errors N`, cleaner's N worst pages per type, lists pages
of the tuning fold unless `--fold validate` is given.

How to run
----------
From the repository root, with the project and its `bench` extra installed
(`pip install -e '.[bench]'` brings resiliparse; a missing extractor is
skipped with a note)::

    python bench/wcxb.py                          # every extractor, every fold
    python bench/wcxb.py --fold tune --only cleaner --errors 5
    python bench/wcxb.py --limit 100 --json /tmp/wcxb.json --data DIR

The data set lives outside the repository; `--data` defaults to
`../shared/bench/wcxb/dev` next to the checkout.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from folds import FOLDS, SEED, fold_of, site_key

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "wcxb" / "dev"

PAGE_TYPES = ("article", "documentation", "service", "forum", "collection", "listing", "product")
TYPE_ALIASES = {"category": "collection"}
GROUPS = ("all", *PAGE_TYPES)
GROUP_HEADINGS = {"documentation": "docs", "collection": "collect"}
FIELDS = ("title", "author", "date")
FOLD_CHOICES = (*FOLDS, "all")

Fields = dict[str, str | None]

_TOKEN = re.compile(r"\w+")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}$")
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:[,;&|]|\band\b)\s*")
_ASCII_PUNCTUATION = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"}
)


# --- pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One benchmark page: raw bytes, url, type, site, and its ground truth."""

    key: str
    html: bytes
    url: str
    page_type: str
    site: str
    fold: str
    truth: str | None  # None: the page has no main_content label
    fields: Fields
    with_snippets: tuple[str, ...]
    without_snippets: tuple[str, ...]

    @property
    def host(self) -> str:
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.") or self.site


def load_page(folder: Path, key: str) -> Page:
    """One page: its decompressed bytes and what its ground-truth file says."""
    entry = json.loads((folder / "ground-truth" / f"{key}.json").read_text(encoding="utf-8"))
    truth = entry.get("ground_truth") or {}
    html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
    url = entry.get("url") or ""
    page_type = entry["_internal"]["page_type"]["primary"]
    site = site_key(url) or site_key(linked_url(html)) or f"page {key}"
    return Page(
        key=key,
        html=html,
        url=url,
        page_type=TYPE_ALIASES.get(page_type, page_type),
        site=site,
        fold=fold_of(site),
        truth=truth.get("main_content"),
        fields={
            "title": truth.get("title"),
            "author": truth.get("author"),
            "date": truth.get("publish_date"),
        },
        with_snippets=tuple(truth.get("with") or ()),
        without_snippets=tuple(truth.get("without") or ()),
    )


def load_pages(folder: Path) -> list[Page]:
    """Every page with both an HTML file and a ground-truth file, in key order."""
    keys = sorted(path.name.removesuffix(".json") for path in folder.glob("ground-truth/*.json"))
    return [load_page(folder, key) for key in keys if (folder / "html" / f"{key}.html.gz").exists()]


def linked_url(html: bytes) -> str:
    """The page's canonical link, else its `og:url`, else ""."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for selector, attribute in (
        ('link[rel="canonical"]', "href"),
        ('meta[property="og:url"]', "content"),
    ):
        node = tree.css_first(selector)
        value = node.attributes.get(attribute) if node is not None else None
        if value:
            return str(value)
    return ""


# --- the metric -------------------------------------------------------------------------------


def tokens(text: str) -> Counter[str]:
    """The multiset of a text's `\\w+` matches, lowercased."""
    return Counter(match.lower() for match in _TOKEN.findall(text))


def word_scores(truth: str, predicted: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of one page, as the benchmark defines them."""
    true_tokens, predicted_tokens = tokens(truth), tokens(predicted)
    if not true_tokens:
        return (1.0, 1.0, 1.0) if not predicted_tokens else (0.0, 0.0, 0.0)
    overlap = sum((true_tokens & predicted_tokens).values())
    if overlap == 0:
        return 0.0, 0.0, 0.0
    precision = overlap / sum(predicted_tokens.values())
    recall = overlap / sum(true_tokens.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def snippets_found(snippets: Iterable[str], text: str) -> int:
    """How many snippets occur in the text, ignoring case."""
    folded = text.lower()
    return sum(1 for snippet in snippets if snippet.lower() in folded)


def normalize_field(field: str, value: object) -> str | None:
    """The comparable form of a title, author or date; None for a missing or blank value."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = ", ".join(str(item) for item in value)
    text = unicodedata.normalize("NFKC", str(value)).translate(_ASCII_PUNCTUATION)
    text = " ".join(text.split()).casefold()
    if field == "author":
        text = ", ".join(name for name in _AUTHOR_SEPARATOR.split(text) if name)
    elif field == "date":
        day = _ISO_DAY.match(text)
        text = day.group() if day else text
    return text or None


def field_matches(field: str, truth: object, value: object) -> bool:
    """Whether an extracted value matches the truth (both null counts as a match)."""
    want, got = normalize_field(field, truth), normalize_field(field, value)
    if field == "date" and want is not None and got is not None and _ISO_MONTH.match(want):
        return got[:7] == want
    return want == got


# --- extractors -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Extraction:
    """What one timed call gave: the text, and the metadata when the call yields it."""

    text: str
    fields: Fields | None = None


Extract = Callable[[bytes, str], Extraction]
ExtractFields = Callable[[bytes, str], Fields]


@dataclass(frozen=True)
class Extractor:
    """A timed text extraction and, for tools whose metadata is a separate call, that call."""

    extract: Extract
    metadata: ExtractFields | None = None


def fields_of(result: object) -> Fields:
    """Title, author and date attributes of a tool's result (all None for None)."""
    return {field: getattr(result, field, None) for field in FIELDS}


def cleaner_extractor() -> Extractor:
    from cleaner import Cleaner

    cleaner = Cleaner()

    def extract(html: bytes, url: str) -> Extraction:
        document = cleaner.clean(html, url=url or None, format="html")
        return Extraction(document.text, fields_of(document))

    return Extractor(extract)


def trafilatura_extractor(favor_precision: bool = False) -> Extractor:
    import trafilatura

    def extract(html: bytes, url: str) -> Extraction:
        text = trafilatura.extract(html, url=url or None, favor_precision=favor_precision)
        return Extraction(text or "")

    def metadata(html: bytes, url: str) -> Fields:
        document = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
        return fields_of(document)

    # Metadata does not depend on the extraction options: scored for the default row only.
    return Extractor(extract, None if favor_precision else metadata)


def resiliparse_extractor() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def extract(html: bytes, url: str) -> Extraction:
        text = extract_plain_text(
            bytes_to_str(html, detect_encoding(html) or "utf-8"), main_content=True
        )
        return Extraction(str(text))

    return Extractor(extract)


EXTRACTORS: dict[str, Callable[[], Extractor]] = {
    "cleaner": cleaner_extractor,
    "trafilatura": trafilatura_extractor,
    "trafilatura-precision": lambda: trafilatura_extractor(favor_precision=True),
    "resiliparse": resiliparse_extractor,
}

PACKAGES = ("cleaner", "trafilatura", "resiliparse")


# --- running and scoring ----------------------------------------------------------------------


@dataclass(frozen=True)
class PageResult:
    """One extractor on one page: scores, snippet counts, time and metadata."""

    key: str
    page_type: str
    fold: str
    host: str
    seconds: float
    precision: float | None
    recall: float | None
    f1: float | None
    predicted_words: int
    true_words: int | None
    with_found: int
    with_total: int
    without_found: int
    without_total: int
    fields: Fields | None


def score_page(page: Page, extraction: Extraction, seconds: float) -> PageResult:
    """Score one extraction against its page's ground truth."""
    text = extraction.text
    scores: tuple[float | None, ...] = (None, None, None)
    if page.truth is not None:
        scores = word_scores(page.truth, text)
    precision, recall, f1 = scores
    return PageResult(
        key=page.key,
        page_type=page.page_type,
        fold=page.fold,
        host=page.host,
        seconds=seconds,
        precision=precision,
        recall=recall,
        f1=f1,
        predicted_words=sum(tokens(text).values()),
        true_words=None if page.truth is None else sum(tokens(page.truth).values()),
        with_found=snippets_found(page.with_snippets, text),
        with_total=len(page.with_snippets),
        without_found=snippets_found(page.without_snippets, text),
        without_total=len(page.without_snippets),
        fields=extraction.fields,
    )


@dataclass
class Run:
    """Every page's result for one extractor, and the pages where it raised."""

    results: list[PageResult]
    errors: list[str]


def run(pages: Sequence[Page], extractor: Extractor) -> Run:
    """Extract every page, timing each call alone; score afterwards."""
    errors: list[str] = []
    extractor.extract(pages[0].html, pages[0].url)  # warm-up, untimed
    timed: list[tuple[Extraction, float]] = []
    for page in pages:
        started = time.perf_counter()
        try:
            extraction = extractor.extract(page.html, page.url)
        except Exception as error:
            extraction = Extraction("")
            errors.append(f"{page.key}: {type(error).__name__}: {error}")
        timed.append((extraction, time.perf_counter() - started))
    if extractor.metadata is not None:
        timed = [
            (Extraction(extraction.text, metadata_of(extractor.metadata, page, errors)), seconds)
            for page, (extraction, seconds) in zip(pages, timed, strict=True)
        ]
    results = [
        score_page(page, extraction, seconds)
        for page, (extraction, seconds) in zip(pages, timed, strict=True)
    ]
    return Run(results, errors)


def metadata_of(extract: ExtractFields, page: Page, errors: list[str]) -> Fields:
    """The untimed metadata call's fields; all None when it raises."""
    try:
        return extract(page.html, page.url)
    except Exception as error:
        errors.append(f"{page.key} (metadata): {type(error).__name__}: {error}")
        return dict.fromkeys(FIELDS)


@dataclass(frozen=True)
class Summary:
    """Mean word scores, snippet rates and speed over a group of pages (None: no pages)."""

    pages: int
    scored_pages: int
    precision: float | None
    recall: float | None
    f1: float | None
    with_rate: float | None
    without_rate: float | None
    pages_per_second: float | None


def mean(values: Sequence[float | None]) -> float | None:
    """The mean of the values, None for none."""
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def rate(found: int, total: int) -> float | None:
    return found / total if total else None


def summarize(results: Sequence[PageResult]) -> Summary:
    """Means over the labelled pages; snippet shares pooled over all snippets."""
    seconds = sum(result.seconds for result in results)
    return Summary(
        pages=len(results),
        scored_pages=sum(1 for result in results if result.f1 is not None),
        precision=mean([result.precision for result in results]),
        recall=mean([result.recall for result in results]),
        f1=mean([result.f1 for result in results]),
        with_rate=rate(sum(r.with_found for r in results), sum(r.with_total for r in results)),
        without_rate=rate(
            sum(r.without_found for r in results), sum(r.without_total for r in results)
        ),
        pages_per_second=len(results) / seconds if seconds else None,
    )


@dataclass(frozen=True)
class FieldTally:
    """Exact matches of one metadata field, split by whether the truth is set."""

    set_hits: int
    set_pages: int
    null_hits: int
    null_pages: int

    @property
    def hits(self) -> int:
        return self.set_hits + self.null_hits

    @property
    def pages(self) -> int:
        return self.set_pages + self.null_pages


def tally_field(field: str, pages: Sequence[Page], results: Sequence[PageResult]) -> FieldTally:
    """Exact-match counts of one field over pages and the extractor's results on them."""
    counts = Counter[str]()
    for page, result in zip(pages, results, strict=True):
        truth = page.fields[field]
        got = (result.fields or {}).get(field)
        side = "set" if normalize_field(field, truth) is not None else "null"
        counts[f"{side}_pages"] += 1
        counts[f"{side}_hits"] += field_matches(field, truth, got)
    return FieldTally(
        counts["set_hits"], counts["set_pages"], counts["null_hits"], counts["null_pages"]
    )


def in_group(page: Page, fold: str, group: str) -> bool:
    return (fold == "all" or page.fold == fold) and (group == "all" or page.page_type == group)


def select(
    pages: Sequence[Page], results: Sequence[PageResult], fold: str, group: str = "all"
) -> tuple[list[Page], list[PageResult]]:
    """The pages of a fold and group, with their results, in step."""
    pairs = [(p, r) for p, r in zip(pages, results, strict=True) if in_group(p, fold, group)]
    return [p for p, _ in pairs], [r for _, r in pairs]


# --- printing ---------------------------------------------------------------------------------

LABEL_WIDTH = 32
CELL = 9


def heading(title: str, extra: Sequence[str] = ()) -> None:
    groups = "".join(f"{GROUP_HEADINGS.get(g, g):>{CELL}s}" for g in GROUPS)
    print(f"\n{title:{LABEL_WIDTH}s}{groups}{''.join(f'{e:>{CELL}s}' for e in extra)}")


def cell(value: float | None, digits: int = 3, *, sign: bool = False) -> str:
    """A right-aligned figure, or a dash for none."""
    if value is None:
        return f"{'-':>{CELL}s}"
    return f"{value:+{CELL}.{digits}f}" if sign else f"{value:{CELL}.{digits}f}"


def print_fold_table(pages: Sequence[Page], folds: Sequence[str]) -> None:
    """Pages per fold and type, and the sites of each fold."""
    heading("pages", ["sites"])
    for fold in folds:
        chosen = [page for page in pages if in_group(page, fold, "all")]
        counts = [sum(1 for p in chosen if g == "all" or p.page_type == g) for g in GROUPS]
        sites = len({page.site for page in chosen})
        print(f"{fold:{LABEL_WIDTH}s}{''.join(f'{n:{CELL}d}' for n in counts)}{sites:{CELL}d}")


def print_metric_tables(
    summaries: dict[str, dict[str, dict[str, Summary]]], folds: Sequence[str]
) -> None:
    """One table per figure: rows are extractor and fold, columns the page types."""
    figures: list[tuple[str, Callable[[Summary], float | None]]] = [
        ("word F1", lambda s: s.f1),
        ("precision", lambda s: s.precision),
        ("recall", lambda s: s.recall),
        ("`with` found (higher better)", lambda s: s.with_rate),
        ("`without` found (lower better)", lambda s: s.without_rate),
    ]
    for title, figure in figures:
        heading(title, ["pages/s"] if title == "word F1" else [])
        for name, by_fold in summaries.items():
            for fold in folds:
                row = "".join(cell(figure(by_fold[fold][group])) for group in GROUPS)
                speed = cell(by_fold[fold]["all"].pages_per_second, 1) if title == "word F1" else ""
                print(f"{name + '  ' + fold:{LABEL_WIDTH}s}{row}{speed}")


def print_gap_table(summaries: dict[str, dict[str, dict[str, Summary]]]) -> None:
    """Word F1 on tune and validate, and their difference, per extractor."""
    columns = "".join(f"{column:>{CELL}s}" for column in ("tune", "validate", "val-tune"))
    print(f"\n{'word F1 on all types':{LABEL_WIDTH}s}{columns}")
    for name, by_fold in summaries.items():
        tune, validate = by_fold["tune"]["all"].f1, by_fold["validate"]["all"].f1
        gap = None if tune is None or validate is None else validate - tune
        print(f"{name:{LABEL_WIDTH}s}{cell(tune)}{cell(validate)}{cell(gap, sign=True)}")


def print_metadata_table(
    tallies: dict[str, dict[str, dict[str, FieldTally]]], folds: Sequence[str]
) -> None:
    """Exact-match shares per field over all pages, then author and date split by truth."""
    columns = ["title", "author", "date", "auth set", "auth null", "date set", "date null"]
    header = "".join(f"{column:>{CELL + 1}s}" for column in columns)
    print(f"\n{'metadata exact match':{LABEL_WIDTH}s}{header}")
    for name, by_fold in tallies.items():
        for fold in folds:
            tally = by_fold[fold]
            shares = [rate(tally[field].hits, tally[field].pages) for field in FIELDS]
            for field in ("author", "date"):
                shares.append(rate(tally[field].set_hits, tally[field].set_pages))
                shares.append(rate(tally[field].null_hits, tally[field].null_pages))
            row = "".join(f" {cell(value)}" for value in shares)
            print(f"{name + '  ' + fold:{LABEL_WIDTH}s}{row}")


def print_worst(results: Sequence[PageResult], fold: str, count: int) -> None:
    """The `count` lowest-F1 pages of each type in a fold: where to look next."""
    print(f"\ncleaner's {count} worst {fold} pages per type (F1, P, R; words out / words true)")
    for group in PAGE_TYPES:
        scored = [
            r for r in results if r.page_type == group and r.fold == fold and r.f1 is not None
        ]
        print(f"  {group}")
        for r in sorted(scored, key=lambda r: (r.f1, r.key))[:count]:
            print(
                f"    {r.key}  {r.host[:40]:40s} F1 {r.f1:.3f}  P {r.precision:.3f}"
                f"  R {r.recall:.3f}  {r.predicted_words:6d} / {r.true_words}"
            )


# --- main -------------------------------------------------------------------------------------


def versions() -> str:
    """The installed versions of the measured packages, e.g. `trafilatura 2.3.1`."""
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name} {package_metadata.version(name)}")
        except package_metadata.PackageNotFoundError:
            continue
    return "; ".join(found)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the dev split folder")
    parser.add_argument("--fold", choices=FOLD_CHOICES, default="all", help="pages to run")
    parser.add_argument("--only", nargs="+", choices=sorted(EXTRACTORS), help="extractors to run")
    parser.add_argument("--limit", type=int, help="only the first N pages (in key order)")
    parser.add_argument("--json", type=Path, help="write every figure and page score here")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        help="list cleaner's N worst pages per type (of the tuning fold, unless --fold validate)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if not (args.data / "ground-truth").is_dir():
        print(f"wcxb: no ground-truth folder under {args.data}", file=sys.stderr)
        return 2
    pages = [page for page in load_pages(args.data) if in_group(page, args.fold, "all")]
    pages = pages[: args.limit] if args.limit else pages
    if not pages:
        print("wcxb: no pages selected", file=sys.stderr)
        return 2
    folds = [*FOLDS, "all"] if args.fold == "all" else [args.fold]
    names = args.only or list(EXTRACTORS)
    print(f"{len(pages)} pages (fold {args.fold}) from {args.data}")
    print(f"python {sys.version.split()[0]}; {versions()}; fold seed {SEED!r}")
    print_fold_table(pages, folds)

    runs: dict[str, Run] = {}
    skipped: dict[str, str] = {}
    for name in names:
        try:
            extractor = EXTRACTORS[name]()
        except ImportError as error:
            skipped[name] = f"{error.name or error} is not installed"
            continue
        runs[name] = run(pages, extractor)

    summaries = {
        name: {
            fold: {g: summarize(select(pages, r.results, fold, g)[1]) for g in GROUPS}
            for fold in folds
        }
        for name, r in runs.items()
    }
    tallies = {
        name: {
            fold: {f: tally_field(f, *select(pages, r.results, fold)) for f in FIELDS}
            for fold in folds
        }
        for name, r in runs.items()
        if r.results and r.results[0].fields is not None
    }
    print_metric_tables(summaries, folds)
    if args.fold == "all":
        print_gap_table(summaries)
    if tallies:
        print_metadata_table(tallies, folds)
    for name, reason in skipped.items():
        print(f"\n{name}: skipped, {reason}")
    for name, r in runs.items():
        if r.errors:
            print(
                f"\n{name}: raised on {len(r.errors)} calls (scored as empty), first {r.errors[0]}"
            )
    unlabelled = sum(1 for page in pages if page.truth is None)
    if unlabelled:
        print(f"\npages without a main_content label: {unlabelled} (left out of P, R and F1)")
    if args.errors and "cleaner" in runs:
        # Worst pages guide tuning, so they come from the tuning fold unless validate was asked for.
        print_worst(
            runs["cleaner"].results, args.fold if args.fold != "all" else "tune", args.errors
        )
    if args.json:
        write_json(args, pages, folds, runs, summaries, tallies, skipped)
    return 0


def write_json(
    args: argparse.Namespace,
    pages: Sequence[Page],
    folds: Sequence[str],
    runs: dict[str, Run],
    summaries: dict[str, dict[str, dict[str, Summary]]],
    tallies: dict[str, dict[str, dict[str, FieldTally]]],
    skipped: dict[str, str],
) -> None:
    """Every figure printed, plus each extractor's per-page scores, as JSON."""
    report: dict[str, Any] = {
        "data": str(args.data),
        "fold": args.fold,
        "limit": args.limit,
        "seed": SEED,
        "versions": versions(),
        "pages": {
            fold: {g: sum(1 for p in pages if in_group(p, fold, g)) for g in GROUPS}
            for fold in folds
        },
        "sites": {fold: len({p.site for p in pages if in_group(p, fold, "all")}) for fold in folds},
        "skipped": skipped,
        "extractors": {
            name: {
                "errors": r.errors,
                "scores": {
                    fold: {g: asdict(s) for g, s in by_group.items()}
                    for fold, by_group in summaries[name].items()
                },
                "metadata": {
                    fold: {
                        f: {**asdict(t), "share": rate(t.hits, t.pages)}
                        for f, t in by_field.items()
                    }
                    for fold, by_field in tallies.get(name, {}).items()
                },
                "page_results": [asdict(result) for result in r.results],
            }
            for name, r in runs.items()
        },
    }
    args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nfigures written to {args.json}")


if __name__ == "__main__":
    sys.exit(main())
