"""A small evaluator for tree ensembles trained offline (gradient-boosted trees as JSON).

The models cleaner ships (the block classifier) are trained by scripts under
bench/ with LightGBM and written as plain JSON: the `tree_structure` of each
tree as LightGBM dumps it. Evaluating them needs no LightGBM at run time: the
trees are flattened into arrays once, and the compiled core's one tree
evaluator (`_core.Forest`, also behind the page-type forests) sends a whole
page's rows down every tree.

Only what the training scripts produce is supported: numeric `<=` splits on
features that are never missing, and a binary objective (the raw score through
the logistic function).
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner import _core

#: The format tag the training scripts write; a file without it is refused.
FORMAT = "cleaner-trees-1"


class ModelFileError(ValueError):
    """A model file this evaluator cannot read."""


@dataclass(frozen=True)
class Rows:
    """Rows of features as the models read them: float32 values (native byte order), row
    after row, `width` to a row. The block features are made so (the model was trained
    on float32 rows), and the core reads them as they are."""

    data: bytes
    width: int

    def __len__(self) -> int:
        return len(self.data) // (4 * self.width) if self.width else 0

    @classmethod
    def of(cls, rows: Iterable[Iterable[float]], width: int) -> Rows:
        """Rows from numbers (each rounded to float32); every row `width` long."""
        return cls(float32_bytes([value for row in rows for value in row]), width)


def float32_bytes(values: Sequence[float]) -> bytes:
    """`values` as native float32 bytes, each rounded to the nearest float32 (as a numpy
    cast does; `struct` packs several times faster than an `array` takes them)."""
    return struct.pack(f"{len(values)}f", *values)


@dataclass(frozen=True)
class TreeEnsemble:
    """Flattened trees, evaluated by the core, with the model's decision thresholds.

    `threshold_value` is the probability from which a row is taken as positive;
    `thresholds` are such values for named kinds of input (a model may set one
    per page type), which `threshold_for` falls back from to `threshold_value`.
    """

    columns: tuple[str, ...]
    threshold_value: float
    thresholds: dict[str, float]
    forest: _core.Forest
    trees: int

    def threshold_for(self, kind: str | None) -> float:
        """The decision threshold for inputs of `kind` (the default one when it has none)."""
        return self.thresholds.get(kind or "", self.threshold_value)

    def probabilities(self, rows: Rows) -> list[float]:
        """The positive-class probability of each row."""
        if len(rows) == 0 or self.trees == 0:
            return [0.0] * len(rows)
        return [_logistic(raw) for raw in self.forest.scores_of_f32_rows(rows.data, rows.width)]


def _logistic(raw: float) -> float:
    """1 / (1 + e^-raw), and 0 where e^-raw overflows a float (as it would to infinity)."""
    try:
        return 1.0 / (1.0 + math.exp(-raw))
    except OverflowError:
        return 0.0


def load_ensemble(path: Path, columns: tuple[str, ...]) -> TreeEnsemble:
    """Read a model file written for the feature `columns` (any other columns: refused)."""
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelFileError(f"{path}: cannot read the model: {error}") from None
    if model.get("format") != FORMAT:
        raise ModelFileError(f"{path}: not a {FORMAT} model file")
    if tuple(model.get("columns", ())) != columns:
        raise ModelFileError(f"{path}: trained on other feature columns; train it again")
    return _flatten(model, columns)


def _flatten(model: dict[str, Any], columns: tuple[str, ...]) -> TreeEnsemble:
    nodes: list[tuple[int, float, int, int, float]] = []
    roots = [_add(tree, nodes) for tree in model["trees"]]
    feature, threshold, left, right, value = zip(*nodes, strict=True) if nodes else ((),) * 5
    try:
        forest = _core.Forest(
            list(feature), list(threshold), list(left), list(right), list(value),
            roots, [0] * len(roots), 1,
        )  # fmt: skip
    except ValueError as error:
        raise ModelFileError(f"malformed trees: {error}") from None
    if forest.width > len(columns):
        raise ModelFileError("a split reads a feature past the model's columns")
    return TreeEnsemble(
        columns=columns,
        threshold_value=float(model.get("threshold", 0.5)),
        thresholds={str(kind): float(value) for kind, value in model.get("thresholds", {}).items()},
        forest=forest,
        trees=len(roots),
    )


def _add(node: dict[str, Any], nodes: list[tuple[int, float, int, int, float]]) -> int:
    """Append `node` and its subtree to `nodes`; return its index."""
    index = len(nodes)
    if "leaf_value" in node:
        nodes.append((0, 0.0, index, index, float(node["leaf_value"])))
        return index
    if node.get("decision_type", "<=") != "<=":
        raise ModelFileError(f"unsupported split {node.get('decision_type')!r}")
    nodes.append((0, 0.0, 0, 0, 0.0))  # filled in once the children have their indexes
    left = _add(node["left_child"], nodes)
    right = _add(node["right_child"], nodes)
    nodes[index] = (int(node["split_feature"]), float(node["threshold"]), left, right, 0.0)
    return index
