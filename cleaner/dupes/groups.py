"""`find_groups`: documents whose cleaned bodies are identical or near-identical.

Two kinds of group come out, in one list:

- identical: every document whose normalised body (its lower-cased word tokens)
  is the same, similarity exactly 1.0, found by hashing the token sequence;
- near-identical: the connected components of the "estimated Jaccard >=
  threshold" graph over the distinct bodies (single linkage), with every
  document of every body in the component. Its similarity is the lowest
  estimate among the verified links that hold it together, so it is never below
  the threshold; for two bodies it is their estimated Jaccard.

An identical group of documents whose body is also near other bodies is nested
in that near group (a document is in at most one group of each kind). Bodies
with no word at all are never grouped: an empty page is not a duplicate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from cleaner.dupes.candidates import verified_pairs
from cleaner.dupes.components import component_labels
from cleaner.dupes.shingles import body_digest, normalise
from cleaner.dupes.signatures import signatures

#: Estimated Jaccard of 5-word shingles at or above which two bodies are near-duplicates.
#: Measured on the seed fixtures cleaned with the shipped rules (exact Jaccard of
#: 5-shingles): 000-002, two edits of one AFP wire story, 0.153 (000-003 0.165,
#: 002-003 0.163); 001, an LLM paraphrase of that story, at most 0.039 with any
#: of them. 0.08 sits near the geometric mean of 0.039 and 0.153, a factor of
#: two from each, and over three standard errors of the 256-bin estimate from each
#: (the estimates for these pairs are 0.148, and 0.023 at most for 001).
DEFAULT_THRESHOLD = 0.08


@dataclass(frozen=True)
class DuplicateGroup:
    """Documents reported together: names in input order and the group's similarity.

    `similarity` is 1.0 exactly for identical bodies; for a near-identical group
    it is the lowest estimated Jaccard of the links joining it (see the module).
    """

    members: list[str]
    similarity: float


@dataclass(frozen=True)
class _Corpus:
    """Distinct non-empty normalised bodies (UTF-8) and the input positions of their documents."""

    bodies: list[bytes]
    documents: list[list[int]]


def find_groups(
    docs: Sequence[tuple[str, str]], threshold: float = DEFAULT_THRESHOLD
) -> list[DuplicateGroup]:
    """Group (name, cleaned_text) pairs whose bodies are identical or near-identical.

    Groups come sorted by the input position of their first member (a group
    before the identical group nested in it); raises ValueError unless 0 < threshold <= 1.
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
    corpus = _distinct_bodies(docs)
    found = [(positions, 1.0) for positions in corpus.documents if len(positions) > 1]
    for bodies, similarity in _near_groups(corpus, threshold):
        found.append((sorted(i for body in bodies for i in corpus.documents[body]), similarity))
    found.sort(key=lambda group: (group[0][0], -len(group[0])))
    return [DuplicateGroup([docs[i][0] for i in positions], sim) for positions, sim in found]


def _distinct_bodies(docs: Sequence[tuple[str, str]]) -> _Corpus:
    body_of: dict[bytes, int] = {}
    bodies: list[bytes] = []
    documents: list[list[int]] = []
    for position, (_, text) in enumerate(docs):
        normalised = normalise(text)
        if not normalised:
            continue
        body = body_of.setdefault(body_digest(normalised), len(bodies))
        if body == len(bodies):
            bodies.append(normalised.encode())
            documents.append([])
        documents[body].append(position)
    return _Corpus(bodies, documents)


def _near_groups(corpus: _Corpus, threshold: float) -> list[tuple[list[int], float]]:
    """Components of two or more distinct bodies, with their weakest verified link."""
    bodies = len(corpus.bodies)
    if bodies < 2:
        return []
    table = signatures(corpus.bodies)
    left, right, similarity = verified_pairs(table, threshold)
    labels = component_labels(bodies, left, right)
    weakest = np.ones(bodies, dtype=np.float64)
    np.minimum.at(weakest, labels[left], similarity)
    return [
        (members.tolist(), float(weakest[label]))
        for label, members in _members_by_label(labels)
        if len(members) > 1
    ]


def _members_by_label(
    labels: npt.NDArray[np.intp],
) -> list[tuple[int, npt.NDArray[np.intp]]]:
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    cuts = np.flatnonzero(np.diff(sorted_labels)) + 1
    return [
        (int(chunk_labels[0]), chunk)
        for chunk_labels, chunk in zip(
            np.split(sorted_labels, cuts), np.split(order, cuts), strict=True
        )
    ]
