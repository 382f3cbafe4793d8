"""Candidate pairs by LSH banding with one bin per band, verified by estimated Jaccard.

Banding with `r` rows per band makes a pair with Jaccard `s` a candidate with
probability 1 - (1 - s^r)^b. The default threshold is low (0.08: edited
republications of one wire story share only ~15% of their 5-word shingles), and
r = 2 over 256 bins would find a pair at s = 0.08 only 80% of the time, so each
band is a single bin (r = 1): a pair at s = 0.08 becomes a candidate with
probability 1 - 0.92^256 > 0.99999999.

Single-bin bands are wide open, so a bucket (every body holding one bin value)
can be large; its members are paired with the bucket's first body only (a
star, not all pairs), which keeps the candidate list at most BINS x bodies long
and never quadratic, even when the whole corpus is one story. Every candidate
is then verified by its estimated Jaccard before it may join two groups.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from cleaner.dupes.signatures import Signatures, estimated_jaccard

Index = npt.NDArray[np.intp]


def verified_pairs(
    table: Signatures, threshold: float
) -> tuple[Index, Index, npt.NDArray[np.float64]]:
    """Pairs (left < right) whose estimated Jaccard is at least `threshold`, with the estimate."""
    left, right = candidate_pairs(table)
    similarity = estimated_jaccard(table, left, right)
    keep = similarity >= threshold
    return left[keep], right[keep], similarity[keep]


def candidate_pairs(table: Signatures) -> tuple[Index, Index]:
    """Distinct pairs (first body of a bucket, other member), sorted; buckets are bin values.

    Bin values carry their bin number in their top bits, so one sort of
    (value, body) keys over the whole table buckets every band at once, each
    bucket listing its bodies in input order (a value an empty bin borrowed
    joins its lender's bucket: the bodies still share that shingle).
    """
    bodies = len(table)
    column = np.arange(bodies, dtype=np.uint64)[:, np.newaxis]
    keys = np.sort(((table.astype(np.uint64) << np.uint64(32)) | column).ravel())
    starts = np.flatnonzero(np.diff(keys >> np.uint64(32), prepend=np.uint64(1 << 32)))
    sizes = np.diff(starts, append=len(keys))
    shared = sizes > 1  # buckets of one body pair nothing
    members = keys[np.repeat(shared, sizes)] & np.uint64(0xFFFFFFFF)
    firsts = np.repeat(keys[starts[shared]] & np.uint64(0xFFFFFFFF), sizes[shared])
    paired = members != firsts
    codes = np.sort(firsts[paired].astype(np.int64) * bodies + members[paired].astype(np.int64))
    codes = codes[np.diff(codes, prepend=np.int64(-1)) != 0]
    return (codes // bodies).astype(np.intp), (codes % bodies).astype(np.intp)
