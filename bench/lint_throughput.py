"""Corpus-lint throughput: files per second for `cleaner lint`, and the time of `dupes`.

What it measures
----------------
`--files` (default 10,000) seed-sized corpus files are generated from the five
seed articles in `fixtures/*.txt` with the seeded variations of
`bench/text_throughput.py` (reordered paragraphs, changed names and dates,
scrape chrome added), written as .txt or .md files into a temporary folder
(`--dir` to keep them somewhere). Then the lint run of `cleaner lint` (file
discovery, reading, decoding, every rule, findings, suppressions) is timed over
the whole folder, with `--jobs 1`, `--jobs 2` and all cores when that is more;
loading the rules in this process is not timed, starting worker processes is.
Printed: files/s per run and per core, and files per CPU-second (CPU time of
this process and its workers: the per-core rate with other load on the machine
taken out). The target is >= 2,000 files/s per core.

Then near-duplicate grouping: `--dupes-docs` (default 100,000) generated
documents, cleaned (timed apart), are grouped with `cleaner.dupes.find_groups`
at its default threshold; the time is printed with the number of groups. The
target is under a minute for 100,000 documents.

How to run
----------
From the repository root, with the project installed::

    python bench/lint_throughput.py            # 10,000 files, 100,000 dupes documents
    python bench/lint_throughput.py --quick    # 1,000 files, 5,000 documents: a smoke run

Timings on a shared machine are noisy: run twice and take the better figure.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from text_throughput import FIXTURES, MB, build_corpus, load_seeds

from cleaner import Cleaner
from cleaner.jobs import default_jobs
from cleaner.lint.files import discover
from cleaner.lint.linter import Policy
from cleaner.lint.runner import LintSetup, build_linter, run_targets
from cleaner.read import detect_format

TARGET_FILES_PER_CORE = 2_000
TARGET_DUPES_SECONDS = 60.0


def generate(count: int, seed: int) -> list[str]:
    """`count` varied seed articles (the corpus builder works in MB: ask for enough)."""
    seeds = load_seeds(FIXTURES)
    mean = sum(len(s.sep.join(s.head + s.body + s.tail).encode()) for s in seeds) / len(seeds)
    docs: list[str] = []
    while len(docs) < count:
        need = (count - len(docs)) * mean * 1.05 / MB
        docs.extend(build_corpus(seeds, need, seed + len(docs)))
    return docs[:count]


def write_corpus(folder: Path, docs: Sequence[str]) -> None:
    """One file per document, .md for Markdown ones, 500 per subfolder."""
    for number, doc in enumerate(docs):
        suffix = ".md" if detect_format(doc) == "markdown" else ".txt"
        sub = folder / f"part-{number // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc-{number:06d}{suffix}").write_text(doc, encoding="utf-8")


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_lint(folder: Path, jobs: int) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, files, findings) for one lint run with `jobs` processes."""
    setup = LintSetup(root=str(folder), policy=Policy(mode="lint"))
    linter = build_linter(setup)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    targets = discover([str(folder)], folder)
    reports = run_targets(linter, setup, targets, jobs)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    return seconds, cpu, len(targets), sum(len(report.findings) for report in reports)


def time_rules_only(folder: Path) -> float:
    """Files/s of `Cleaner.clean` alone on the same files, read beforehand, one core:
    the rules' own cost, which lint can only add to."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("doc-*"))]
    cleaner = Cleaner()
    started = time.perf_counter()
    for text in texts:
        cleaner.clean(text)
    return len(texts) / (time.perf_counter() - started)


def bench_lint(folder: Path) -> None:
    runs = sorted({1, 2, default_jobs()})
    header = ("jobs", "files", "findings", "seconds", "files/s", "per core", "per CPU-s")
    print("{:>4} {:>7} {:>9} {:>8} {:>9} {:>9} {:>10}".format(*header))
    for jobs in runs:
        seconds, cpu, files, findings = time_lint(folder, jobs)
        rate = files / seconds
        row = (jobs, files, findings, f"{seconds:.2f}", f"{rate:.0f}", f"{rate / jobs:.0f}")
        print("{:>4} {:>7} {:>9} {:>8} {:>9} {:>9} {:>10.0f}".format(*row, files / cpu))
    print(f"target: >= {TARGET_FILES_PER_CORE} files/s per core (machine: {os.cpu_count()} cores)")
    print(
        f"reference: Cleaner.clean alone, in memory, 1 core: {time_rules_only(folder):.0f} files/s"
    )


def bench_dupes(count: int, seed: int) -> None:
    try:
        from cleaner.dupes import find_groups
    except ImportError:
        print("dupes: not available (cleaner.dupes is not installed yet)")
        return
    docs = generate(count, seed)
    cleaner = Cleaner()
    started = time.perf_counter()
    bodies = [(f"doc-{n:06d}", cleaner.clean(doc).text) for n, doc in enumerate(docs)]
    cleaned = time.perf_counter() - started
    started = time.perf_counter()
    groups = find_groups(bodies)
    grouped = time.perf_counter() - started
    print(
        f"dupes: {count} documents: grouped in {grouped:.1f} s "
        f"(target < {TARGET_DUPES_SECONDS:.0f} s), {len(groups)} groups; "
        f"cleaning them first took {cleaned:.1f} s on one core"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", type=int, default=10_000, help="corpus files to lint")
    parser.add_argument("--dupes-docs", type=int, default=100_000, help="documents for dupes")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated corpus")
    parser.add_argument("--dir", type=Path, help="write the corpus here (default: a temp folder)")
    parser.add_argument("--quick", action="store_true", help="1,000 files, 5,000 documents")
    args = parser.parse_args(argv)
    files, dupes_docs = (1_000, 5_000) if args.quick else (args.files, args.dupes_docs)
    with tempfile.TemporaryDirectory(prefix="lint-bench-") as scratch:
        folder = args.dir or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        write_corpus(folder, generate(files, args.seed))
        print(f"lint: {files} generated files in {folder}")
        bench_lint(folder)
    bench_dupes(dupes_docs, args.seed + 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
