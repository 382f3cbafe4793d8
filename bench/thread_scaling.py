"""Text-path scaling with threads: one process, one shared Cleaner, 1 thread then N.

What it measures
----------------
The bench/text_throughput.py corpus (default 5 MB, seed 1) is cleaned by one
shared `Cleaner` (which is safe to share between threads), first on one
thread, then split over `--threads` threads (default 2) of one
ThreadPoolExecutor, each thread cleaning every N-th document. Both runs are
timed on the same warm cleaner and the same worker threads, each of which
cleaned 0.5 MB of another seed's documents first (the regex engine keeps its
lazy DFA states per thread, as a long-running service's threads would have
them). The ratio of the two speeds is what the GIL lets threads gain: only
work done with the GIL released (the whole text phase, in the compiled core)
runs in parallel; reading, the Document and the call itself hold it. The
target is >= 1.8x with 2 threads.

How to run
----------
From the repository root, with the project installed::

    python bench/thread_scaling.py                # 5 MB, 1 vs 2 threads
    python bench/thread_scaling.py --mb 20 --threads 4
"""

from __future__ import annotations

import argparse
import sys
import threading
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


def warm_up(pool: ThreadPoolExecutor, cleaner: Cleaner, docs: Sequence[str], threads: int) -> None:
    """Every worker thread cleans `docs` once, as a long-running service's threads have:
    the regex engine's caches (lazy DFA states) are per thread and start cold."""
    barrier = threading.Barrier(threads)

    def task(_: int) -> int:
        barrier.wait()  # each worker takes exactly one warm-up task
        return clean_all(cleaner, docs)

    list(pool.map(task, range(threads)))


def timed_run(
    pool: ThreadPoolExecutor, cleaner: Cleaner, docs: Sequence[str], threads: int
) -> float:
    shares = [docs[index::threads] for index in range(threads)]
    started = time.perf_counter()
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
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        warm_up(
            pool, cleaner, text_throughput.build_corpus(seeds, 0.5, args.seed + 1), args.threads
        )
        one = timed_run(pool, cleaner, docs, 1)
        many = timed_run(pool, cleaner, docs, args.threads)
    print(f"corpus: {len(docs)} docs, {size / MB:.1f} MB")
    print(f"1 thread:  {size / MB / one:6.1f} MB/s")
    print(f"{args.threads} threads: {size / MB / many:6.1f} MB/s  ({one / many:.2f}x one thread)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
