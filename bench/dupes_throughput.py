"""Near-duplicate detection speed: `find_groups` on N generated documents of seed size.

What it measures
----------------
The five seed articles in `fixtures/0*.txt` are cleaned with the shipped rules,
and `--docs` documents (default 100,000) are generated from their bodies with a
seeded random generator, so that the corpus holds both near-duplicates and
documents unlike any other:

* near copies (`--near`, default 30%): a seed body with up to three sentences
  dropped and up to 5% of its words replaced, the way a republished story is
  trimmed and copy-edited; all near copies of one seed are near-duplicates;
* rewrites (the rest): a seed body with each sentence kept with probability
  0.8 and half of its words replaced from a 200,000-word synthetic vocabulary,
  which leaves it sharing almost no 5-word shingle with any other document.

Only `find_groups(docs)` is timed (tokenising, shingling, signatures, LSH,
verification and grouping), not generating the corpus; wall-clock and CPU time
are both printed, since CPU time is the steadier figure on a shared machine.
The target is under 60 seconds for 100,000 documents on one core.

How to run
----------
From the repository root, with the project installed::

    python bench/dupes_throughput.py              # 100,000 documents
    python bench/dupes_throughput.py --docs 10000 # a quick run
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import numpy as np

from cleaner import Cleaner
from cleaner.dupes import DEFAULT_THRESHOLD, find_groups

ROOT = Path(__file__).resolve().parent.parent
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=100_000, help="documents (default 100000)")
    parser.add_argument("--near", type=float, default=0.3, help="share of near copies (0.3)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (7)")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    args = parser.parse_args()

    docs = generate(seed_bodies(), args.docs, args.near, np.random.default_rng(args.seed))
    words = sum(len(text.split()) for _, text in docs) / len(docs)
    print(f"corpus: {len(docs):,} documents, {words:.0f} words each on average")

    started, started_cpu = time.perf_counter(), time.process_time()
    groups = find_groups(docs, threshold=args.threshold)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu

    grouped = len({name for group in groups for name in group.members})
    rate = len(docs) / elapsed
    print(f"find_groups: {elapsed:.1f} s wall, {cpu:.1f} s CPU ({rate:,.0f} docs/s wall)")
    print(f"threshold {args.threshold}: {len(groups):,} groups, {grouped:,} documents in a group")
    print("target: 100,000 documents in under 60 s on one core")


def seed_bodies() -> list[list[list[str]]]:
    """Each cleaned seed body as a list of sentences, each a list of words."""
    cleaner = Cleaner()
    bodies = []
    for path in sorted((ROOT / "fixtures").glob("0*.txt")):
        text = cleaner.clean(path.read_bytes()).text
        sentences = [s.split() for s in _SENTENCE_END.split(text) if s.strip()]
        bodies.append(sentences)
    return bodies


def generate(
    bodies: list[list[list[str]]], count: int, near: float, rng: np.random.Generator
) -> list[tuple[str, str]]:
    vocabulary = np.array([f"w{i:x}" for i in range(200_000)])
    docs = []
    for number in range(count):
        sentences = bodies[int(rng.integers(len(bodies)))]
        if rng.random() < near:
            text = _vary(
                sentences, rng, vocabulary, drop=3 / len(sentences), swap=0.05 * rng.random()
            )
        else:
            text = _vary(sentences, rng, vocabulary, drop=0.2, swap=0.5)
        docs.append((f"doc{number:06d}", text))
    return docs


def _vary(
    sentences: list[list[str]],
    rng: np.random.Generator,
    vocabulary: np.ndarray,
    drop: float,
    swap: float,
) -> str:
    kept = [s for s in sentences if rng.random() >= drop] or sentences[:1]
    words = np.array([w for s in kept for w in s], dtype=object)
    replace = rng.random(len(words)) < swap
    words[replace] = vocabulary[rng.integers(len(vocabulary), size=int(replace.sum()))]
    return " ".join(words.tolist())


if __name__ == "__main__":
    main()
