"""Connected components of an undirected graph: a vectorised union-find.

Each round hooks the root of every edge's larger end under the smaller root
(`minimum.at`), then compresses every path by pointer jumping, until no edge
joins two roots. Roots only ever move to smaller indices, so there are no cycles
and the label of a component is its smallest member: deterministic.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Index = npt.NDArray[np.intp]


def component_labels(nodes: int, left: Index, right: Index) -> Index:
    """For each node, the smallest node of its component."""
    labels = np.arange(nodes, dtype=np.intp)
    while left.size:
        roots_left, roots_right = labels[left], labels[right]
        apart = roots_left != roots_right
        left, right = left[apart], right[apart]
        if not left.size:
            break
        low = np.minimum(roots_left[apart], roots_right[apart])
        high = np.maximum(roots_left[apart], roots_right[apart])
        np.minimum.at(labels, high, low)
        labels = _compress(labels)
    return labels


def _compress(labels: Index) -> Index:
    while True:
        jumped = labels[labels]
        if np.array_equal(jumped, labels):
            return labels
        labels = jumped
