"""Normalised bodies and their word shingles, hashed to stable 64-bit integers in bulk.

A body is normalised to its lower-cased `\\w+` tokens joined by single spaces,
so case, punctuation and spacing never tell two bodies apart. A shingle is
`SHINGLE_SIZE` consecutive tokens; a body shorter than that is one shingle of
all its tokens.

A shingle is hashed as the span of normalised UTF-8 bytes it covers, with a
polynomial rolling hash modulo 2^64 computed for every span of many bodies at
once from one prefix sum (numpy, no Python loop per token), then mixed by the
splitmix64 finaliser so every bit, the top ones included, depends on every
byte. Every hash here is seeded and content-derived, never Python's salted
`hash()`: a body always gets the same shingles, whatever else is in the corpus.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

#: Words per shingle; the package docstring of `cleaner.dupes` says why 5.
SHINGLE_SIZE = 5

U64 = npt.NDArray[np.uint64]
Index = npt.NDArray[np.intp]

_WORD = re.compile(r"\w+")
_SPACE = ord(" ")
_PERSON = b"cleaner-dupes"  # blake2b personalisation: the seed of the body digest
_BASE = 0x100000001B3  # odd, so invertible modulo 2^64 (the 64-bit FNV prime)
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)


def normalise(text: str) -> str:
    """The lower-cased word tokens of `text`, joined by single spaces ('' when none)."""
    return " ".join(_WORD.findall(text.lower()))


def body_digest(normalised: str) -> bytes:
    """A digest of a normalised body: equal digests, identical bodies."""
    return hashlib.blake2b(normalised.encode(), digest_size=16, person=_PERSON).digest()


def shingle_hashes(bodies: Sequence[bytes], size: int = SHINGLE_SIZE) -> tuple[U64, Index]:
    """The shingle hashes of non-empty normalised UTF-8 bodies, and the body of each.

    Returns `(hashes, owners)`: `hashes[i]` is a shingle of `bodies[owners[i]]`.
    """
    data = np.frombuffer(b" ".join(bodies) + b" ", dtype=np.uint8)
    token_ends = np.flatnonzero(data == _SPACE)  # every token ends at a space
    token_starts = np.concatenate(([0], token_ends[:-1] + 1))
    tokens = np.fromiter((body.count(b" ") + 1 for body in bodies), np.intp, len(bodies))
    counts = np.where(tokens >= size, tokens - size + 1, 1)
    owners = np.repeat(np.arange(len(bodies), dtype=np.intp), counts)
    first = np.repeat(np.cumsum(tokens) - tokens, counts) + _ranks(counts)
    last = first + np.minimum(tokens[owners], size) - 1
    return _span_hashes(data, token_starts[first], token_ends[last]), owners


def _span_hashes(data: npt.NDArray[np.uint8], starts: Index, ends: Index) -> U64:
    """Polynomial hash of data[start:end] for every span, from one prefix sum."""
    powers = np.empty(len(data), dtype=np.uint64)
    powers[0] = 1
    powers[1:] = _BASE
    np.cumprod(powers, out=powers)  # _BASE^i, wrapping modulo 2^64
    prefix = np.zeros(len(data) + 1, dtype=np.uint64)
    np.cumsum(data.astype(np.uint64) * powers, out=prefix[1:])
    inverse = np.empty(len(data), dtype=np.uint64)
    inverse[0] = 1
    inverse[1:] = _BASE_INVERSE
    np.cumprod(inverse, out=inverse)
    shifted = (prefix[ends] - prefix[starts]) * inverse[starts]  # as if every span began at 0
    return _finalise(shifted + ends.astype(np.uint64) - starts.astype(np.uint64))


def _ranks(counts: Index) -> Index:
    """0, 1, ..., count-1 for each count, concatenated."""
    firsts = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(len(firsts), dtype=np.intp) - firsts


def _finalise(values: U64) -> U64:
    """splitmix64's finaliser: spreads every input bit over the whole word."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    mixed: U64 = values ^ (values >> np.uint64(31))
    return mixed
