"""Record what the engine makes of fixed corpora, and compare a later engine against it.

Why
---
A change of engine (a new regex dialect, a compiled text phase) must not change
results, except where an old result was a bug. This script writes every
document's full output (text, metadata fields, captions, removals with rule,
start, end and text, warnings, status and reason) as one JSON line, one file
per corpus, so a later engine can be compared document by document.

Corpora
-------
* ``fixtures``   every raw fixture under ``fixtures/`` (text, Markdown, HTML);
* ``throughput`` the bench/text_throughput.py corpus (20 MB, seed 1);
* ``scrapinghub`` the 181 benchmark pages (``--scrapinghub``, HTML, with their url);
* ``wcxb``       the WCXB dev pages (``--wcxb``, HTML, with their url);
* ``fuzz``       a seeded corpus of lines from the fixtures and the rule examples,
                 shuffled and mutated with non-ASCII letters, digits and spaces;
* ``surrogates`` the first 500 fuzz documents with lone surrogates spliced in (a str
                 may hold them; UTF-8 cannot).

Benchmark data is read from where it lies and never copied; the records go to
a directory outside the repository. Cleaning runs with no time limit, so a slow
moment of the machine never changes a record.

How to run
----------
::

    python bench/record_outputs.py /work/records/python            # record
    python bench/record_outputs.py --compare /work/records/python  # rerun, list differences
    python bench/record_outputs.py --compare DIR --corpus fixtures --corpus fuzz

``--compare`` prints, per document that differs, its corpus, key and the first
output field that differs (with both values, shortened), then a count per
corpus; it exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cleaner import Cleaner, CleanOptions

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED_BENCH = ROOT.parent / "shared" / "bench"
CORPORA = ("fixtures", "throughput", "scrapinghub", "wcxb", "fuzz", "surrogates")
FUZZ_DOCS = 3000
FUZZ_SEED = 16

#: One input: (key, raw text or bytes, url or None, format or None).
Item = tuple[str, "str | bytes", "str | None", "str | None"]


def fixture_items() -> Iterator[Item]:
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix in (".txt", ".md", ".html"):
            yield path.name, path.read_bytes(), None, None


def throughput_items() -> Iterator[Item]:
    import text_throughput

    docs = text_throughput.build_corpus(text_throughput.load_seeds(FIXTURES), 20.0, 1)
    for index, doc in enumerate(docs):
        yield str(index), doc, None, None


def scrapinghub_items(folder: Path) -> Iterator[Item]:
    import html_accuracy

    for page in html_accuracy.load_pages(folder):
        yield page.key, page.html, page.url or None, "html"


def wcxb_items(folder: Path) -> Iterator[Item]:
    import wcxb

    for page in wcxb.load_pages(folder):
        yield page.key, page.html, page.url or None, "html"


_NOISE = (
    "é",
    "я",
    "ß",
    "٣",
    "१",
    "\u00a0",
    "\u2009",
    "\u200b",
    "\u000b",
    "\t",
    "Ⅻ",
    "²",
    "_",
    "ǅ",
    "ﬁ",
    "İ",
    "\u2028",
    "12",
    "٢٠٢٤",
    "  ",
    "\n",
    "\n\n",
    "#",
    "*",
    ">",
    "[",
    "](",
    "http://x.org/a",
)


def fuzz_items() -> Iterator[Item]:
    """Seeded documents of shuffled fixture and example lines, with noise spliced in."""
    cleaner = Cleaner()
    lines: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")) + sorted(FIXTURES.glob("*.md")):
        lines += path.read_text(encoding="utf-8").split("\n")
    for rule in cleaner.ruleset.rules:
        for example in rule.examples:
            lines += example.input.split("\n")
    rng = random.Random(FUZZ_SEED)
    for index in range(FUZZ_DOCS):
        chosen = [rng.choice(lines) for _ in range(rng.randint(1, 40))]
        chosen = [_mutate(line, rng) if rng.random() < 0.3 else line for line in chosen]
        fmt = rng.choice((None, None, "text", "markdown"))
        yield str(index), "\n".join(chosen), None, fmt


def _mutate(line: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(line))
        choice = rng.random()
        if choice < 0.6:
            line = line[:at] + rng.choice(_NOISE) + line[at:]
        elif choice < 0.8:
            line = line.upper()
        else:
            line = line[:at]
    return line


def surrogate_items() -> Iterator[Item]:
    rng = random.Random(FUZZ_SEED + 1)
    for (key, raw, url, fmt), _ in zip(fuzz_items(), range(500), strict=False):
        assert isinstance(raw, str)
        for _ in range(rng.randint(1, 4)):
            at = rng.randint(0, len(raw))
            raw = raw[:at] + chr(rng.randint(0xD800, 0xDFFF)) + raw[at:]
        yield key, raw, url, fmt


def items_of(corpus: str, args: argparse.Namespace) -> Iterator[Item]:
    sources: dict[str, Callable[[], Iterator[Item]]] = {
        "fixtures": fixture_items,
        "throughput": throughput_items,
        "scrapinghub": lambda: scrapinghub_items(args.scrapinghub),
        "wcxb": lambda: wcxb_items(args.wcxb),
        "fuzz": fuzz_items,
        "surrogates": surrogate_items,
    }
    return sources[corpus]()


def record_of(cleaner: Cleaner, item: Item) -> dict[str, Any]:
    key, raw, url, fmt = item
    document = cleaner.clean(raw, url=url, format=fmt)  # type: ignore[arg-type]
    return {"key": key, **document.to_dict()}


def records(cleaner: Cleaner, corpus: str, args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    for item in items_of(corpus, args):
        yield record_of(cleaner, item)


def first_difference(old: dict[str, Any], new: dict[str, Any]) -> str | None:
    for name in list(old) + [name for name in new if name not in old]:
        if old.get(name) != new.get(name):
            return name
    return None


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False).encode("utf-8", "backslashreplace").decode()
    return text if len(text) <= 300 else text[:300] + "…"


def _diff_detail(old: Any, new: Any) -> str:
    if isinstance(old, list) and isinstance(new, list):
        for index, (a, b) in enumerate(zip(old, new, strict=False)):
            if a != b:
                return f"[{index}] {_short(a)} -> {_short(b)}"
        return f"length {len(old)} -> {len(new)}: extra {_short((old or new)[len(new or old) :])}"
    if isinstance(old, str) and isinstance(new, str):
        at = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None)
        at = min(len(old), len(new)) if at is None else at
        return f"at {at}: {_short(old[max(0, at - 60) : at + 120])} -> " + _short(
            new[max(0, at - 60) : at + 120]
        )
    return f"{_short(old)} -> {_short(new)}"


def compare(
    cleaner: Cleaner, folder: Path, corpora: Sequence[str], args: argparse.Namespace
) -> int:
    total = 0
    counts: dict[str, tuple[int, int]] = {}
    for corpus in corpora:
        path = folder / f"{corpus}.jsonl"
        lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 is data
        old_records = [json.loads(line) for line in lines if line]
        # Through JSON as the records went: a surrogate pair reads back as one character.
        new_records = [json.loads(json.dumps(new)) for new in records(cleaner, corpus, args)]
        differing = 0
        for old, new in zip(old_records, new_records, strict=False):
            name = first_difference(old, new)
            if name is None:
                continue
            differing += 1
            print(f"{corpus} {old['key']}: {name}: {_diff_detail(old.get(name), new.get(name))}")
        if len(old_records) != len(new_records):
            print(f"{corpus}: {len(old_records)} records, now {len(new_records)}")
            differing += 1
        counts[corpus] = (differing, len(old_records))
        total += differing
    for corpus, (differing, count) in counts.items():
        print(f"{corpus}: {differing} of {count} documents differ")
    return 1 if total else 0


def record(cleaner: Cleaner, folder: Path, corpora: Sequence[str], args: argparse.Namespace) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for corpus in corpora:
        count = 0
        with (folder / f"{corpus}.jsonl").open("w", encoding="utf-8") as out:
            for result in records(cleaner, corpus, args):
                out.write(json.dumps(result) + "\n")  # ASCII: lone surrogates stay escapes
                count += 1
        print(f"{corpus}: {count} documents")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="where to write the records")
    parser.add_argument("--compare", type=Path, help="records to compare a fresh run against")
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="default: all")
    parser.add_argument("--scrapinghub", type=Path, default=SHARED_BENCH / "scrapinghub")
    parser.add_argument("--wcxb", type=Path, default=SHARED_BENCH / "wcxb" / "dev")
    args = parser.parse_args(argv)
    corpora = args.corpus or list(CORPORA)
    cleaner = Cleaner(options=CleanOptions(timeout=None))
    if args.compare is not None:
        return compare(cleaner, args.compare, corpora, args)
    if args.folder is None:
        parser.error("give a folder to record into, or --compare FOLDER")
    if args.folder.resolve().is_relative_to(ROOT):
        parser.error("records hold benchmark data: write them outside the repository")
    return record(cleaner, args.folder, corpora, args)


if __name__ == "__main__":
    sys.exit(main())
