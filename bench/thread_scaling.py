"""Text-path scaling with threads: one process, one shared Cleaner, 1 thread then N.

What it measures
----------------
The bench/text_throughput.py corpus (default 5 MB, seed 1) is cleaned by one
shared `Cleaner` (which is safe to share between threads), first on one
thread, then split over `--threads` threads (default 2) of a
ThreadPoolExecutor, each thread cleaning a contiguous share of the documents.
Both runs are timed on the same warm cleaner. The ratio of the two speeds is
what the GIL lets threads gain: only work done with the GIL released (the
compiled core's longer searches) runs in parallel. The target is >= 1.8x with
2 threads.

How to run
----------
From the repository root, with the project installed::

    python bench/thread_scaling.py                # 5 MB, 1 vs 2 threads
    python bench/thread_scaling.py --mb 20 --threads 4
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import text_throughput

from cleaner import Cleaner, CleanOptions

MB = 1_000_000


def clean_all(cleaner: Cleaner, docs: Sequence[str]) -> int:
    for doc in docs:
        cleaner.clean(doc)
    return len(docs)


def timed_run(cleaner: Cleaner, docs: Sequence[str], threads: int) -> float:
    shares = [docs[index::threads] for index in range(threads)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(lambda share: clean_all(cleaner, share), shares))
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--threads", type=int, default=2, help="threads of the second run")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the corpus")
    args = parser.parse_args(argv)
    seeds = text_throughput.load_seeds(text_throughput.FIXTURES)
    docs = text_throughput.build_corpus(seeds, args.mb, args.seed)
    size = sum(len(doc.encode("utf-8")) for doc in docs)
    cleaner = Cleaner(options=CleanOptions(timeout=None))
    clean_all(cleaner, text_throughput.build_corpus(seeds, 0.5, args.seed + 1))  # warm-up
    one = timed_run(cleaner, docs, 1)
    many = timed_run(cleaner, docs, args.threads)
    print(f"corpus: {len(docs)} docs, {size / MB:.1f} MB")
    print(f"1 thread:  {size / MB / one:6.1f} MB/s")
    print(f"{args.threads} threads: {size / MB / many:6.1f} MB/s  ({one / many:.2f}x one thread)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
