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

What the machine allows is measured in the same run: the same corpus joined
into long documents (about `LONG_DOC_BYTES` each), cleaned the same way. A long
document spends nearly all its time in the core with the GIL released, so its
ratio is what threads gain on this machine for this work when the GIL is not in
the way (cores that share caches and memory bandwidth rarely give 2x). The
last line gives the corpus's ratio as a share of that ceiling. Each
configuration runs `--repeat` times, interleaved; the medians are reported.

How to run
----------
From the repository root, with the project installed::

    python bench/thread_scaling.py                # 5 MB, 1 vs 2 threads
    python bench/thread_scaling.py --mb 20 --threads 4
"""

from __future__ import annotations

import argparse
import statistics
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
#: The size of the long documents that measure the machine's own ceiling.
LONG_DOC_BYTES = 50_000


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


def joined(docs: Sequence[str], size: int) -> list[str]:
    """The documents joined, blank line between, into documents of about `size` bytes."""
    long_docs: list[str] = []
    current: list[str] = []
    length = 0
    for doc in docs:
        current.append(doc)
        length += len(doc.encode("utf-8")) + 2
        if length >= size:
            long_docs.append("\n\n".join(current))
            current, length = [], 0
    if current:
        long_docs.append("\n\n".join(current))
    return long_docs


def median_speeds(
    pool: ThreadPoolExecutor,
    cleaner: Cleaner,
    corpora: Sequence[Sequence[str]],
    threads: int,
    repeat: int,
) -> list[tuple[float, float]]:
    """Per corpus, the median seconds of 1 thread and of `threads`, runs interleaved."""
    runs: list[list[tuple[float, float]]] = [[] for _ in corpora]
    for _ in range(repeat):
        for index, docs in enumerate(corpora):
            one = timed_run(pool, cleaner, docs, 1)
            runs[index].append((one, timed_run(pool, cleaner, docs, threads)))
    return [
        (statistics.median(one for one, _ in timed), statistics.median(many for _, many in timed))
        for timed in runs
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--threads", type=int, default=2, help="threads of the second run")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each configuration")
    args = parser.parse_args(argv)
    seeds = text_throughput.load_seeds(text_throughput.FIXTURES)
    docs = text_throughput.build_corpus(seeds, args.mb, args.seed)
    long_docs = joined(docs, LONG_DOC_BYTES)
    size = sum(len(doc.encode("utf-8")) for doc in docs)
    cleaner = Cleaner(options=CleanOptions(timeout=None))
    with ThreadPoolExecutor(max_workers=args.threads) as pool:
        warm_up(
            pool, cleaner, text_throughput.build_corpus(seeds, 0.5, args.seed + 1), args.threads
        )
        (one, many), (long_one, long_many) = median_speeds(
            pool, cleaner, [docs, long_docs], args.threads, args.repeat
        )
    ratio, ceiling = one / many, long_one / long_many
    print(f"corpus: {len(docs)} docs, {size / MB:.1f} MB; medians of {args.repeat} runs")
    print(f"1 thread:  {size / MB / one:6.1f} MB/s")
    print(f"{args.threads} threads: {size / MB / many:6.1f} MB/s  ({ratio:.2f}x one thread)")
    print(
        f"the same text as {len(long_docs)} long documents (the machine's ceiling): "
        f"{size / MB / long_one:.1f} MB/s, {args.threads} threads {ceiling:.2f}x one thread"
    )
    print(f"the corpus's ratio is {ratio / ceiling:.0%} of the ceiling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
