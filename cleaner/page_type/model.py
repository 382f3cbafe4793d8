"""The page-type model: gradient-boosted trees read from JSON, evaluated by the core.

The trees are trained with LightGBM (`bench/train_page_type.py`) and exported
to `model.json`; this module needs neither LightGBM nor scikit-learn: it reads
the file and hands the trees, flattened, to the compiled core's one tree
evaluator (`_core.Forest`, also behind the block classifier), which walks a
page's features down them.

Two forests make a cascade (`Cascade`): a quick one reads only the features
that cost next to nothing (what the page declares, its url); when it gives
one type at least `threshold` of the probability, that type stands, and the
full forest, which reads the page's structure too, is never needed. Most
articles are settled so; the pages that need their structure read are not.

A forest (format `cleaner-page-type-trees/1`)::

    {"format": ..., "classes": [...], "features": [...],
     "trees": [{"class": k, "split_feature": [...], "threshold": [...],
                "left": [...], "right": [...], "leaf_value": [...]}, ...]}

and the file (format `cleaner-page-type-cascade/1`)::

    {"format": ..., "threshold": 0.8, "quick": <forest>, "full": <forest>}

A tree's splits are numbered from 0 (its root); a child `c >= 0` is split
`c`, a child `c < 0` is leaf `-c - 1` (LightGBM's own numbering). A page goes
left when its feature is `<= threshold`. A tree without a split holds one leaf.
A class's score is the sum of its trees' leaves, added in the file's order as
LightGBM adds them (the model's starting score is in them); the page's type is
the class with the highest score.

Missing values: the trees come from data without any, so every split's
missing type is "None", for which LightGBM reads NaN as 0; so does `scores`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeAlias

from cleaner import _core

MODEL_FORMAT = "cleaner-page-type-trees/1"
CASCADE_FORMAT = "cleaner-page-type-cascade/1"
MODEL_PATH = Path(__file__).with_name("model.json")

#: Flattened nodes: (feature, threshold, left, right, value); a leaf is its own children.
FlatNode: TypeAlias = tuple[int, float, int, int, float]


class ModelError(ValueError):
    """A model file that is not a page-type model this module can evaluate."""


@dataclass(frozen=True)
class TreeModel:
    """One forest: its classes, the features it reads, and its trees with their classes."""

    classes: tuple[str, ...]
    features: tuple[str, ...]
    forest: _core.Forest
    trees: int  # how many trees the forest holds
    depth: int  # the most splits on any path from a root to a leaf

    def scores(self, values: Sequence[float]) -> list[float]:
        """Each class's raw score for one feature vector (ordered as `features`)."""
        x = [value if value == value else 0.0 for value in values]  # NaN reads as 0
        return self.forest.scores(x)

    def scores_of(self, features: dict[str, float]) -> list[float]:
        """Each class's raw score for one page's features by name (missing names read as 0)."""
        return self.scores([features.get(name, 0.0) for name in self.features])

    def predict(self, features: dict[str, float]) -> str:
        """The class of one page, from its features by name."""
        scores = self.scores_of(features)
        return self.classes[scores.index(max(scores))]


def top_probability(scores: list[float]) -> float:
    """The probability the softmax of raw scores gives the highest-scoring class."""
    top = max(scores)
    return 1.0 / sum(math.exp(score - top) for score in scores)


@dataclass(frozen=True)
class Cascade:
    """The quick forest, the full one, and how sure the quick one must be to decide."""

    quick: TreeModel
    full: TreeModel
    threshold: float

    def quick_decision(self, features: dict[str, float]) -> str | None:
        """The quick forest's class when it is sure enough, else None."""
        scores = self.quick.scores_of(features)
        if top_probability(scores) < self.threshold:
            return None
        return self.quick.classes[scores.index(max(scores))]


def load_cascade(path: Path) -> Cascade:
    """Read a cascade file; ModelError when it is not one this module can evaluate."""
    data = _read(path, CASCADE_FORMAT)
    try:
        quick, full = _forest(data["quick"]), _forest(data["full"])
        threshold = float(data["threshold"])
    except (KeyError, TypeError, ValueError, IndexError, RecursionError) as error:
        raise ModelError(f"{path}: malformed cascade: {error!r}") from error
    if quick.classes != full.classes or not 0.0 < threshold <= 1.0:
        raise ModelError(f"{path}: the forests name other classes, or the threshold is no share")
    return Cascade(quick, full, threshold)


def load_model(path: Path) -> TreeModel:
    """Read one forest's file; ModelError when it is not one this module can evaluate."""
    data = _read(path, MODEL_FORMAT)
    try:
        return _build(data)
    except (KeyError, TypeError, ValueError, IndexError, RecursionError) as error:
        raise ModelError(f"{path}: malformed tree: {error!r}") from error


@cache
def default_cascade() -> Cascade:
    """The cascade shipped with the package, read once per process."""
    return load_cascade(MODEL_PATH)


def _read(path: Path, expected_format: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"{path}: {error}") from error
    if not isinstance(data, dict) or data.get("format") != expected_format:
        raise ModelError(f"{path}: not a {expected_format} file")
    return data


def _forest(data: Any) -> TreeModel:
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise ValueError(f"a forest is a {MODEL_FORMAT} object")
    return _build(data)


def _build(data: dict[str, Any]) -> TreeModel:
    classes = tuple(str(name) for name in data["classes"])
    features = tuple(str(name) for name in data["features"])
    nodes: list[FlatNode] = []
    roots: list[int] = []
    tree_class: list[int] = []
    depth = 0
    for tree in data["trees"]:
        index = int(tree["class"])
        if not 0 <= index < len(classes):
            raise ValueError(f"a tree of class {index}, of {len(classes)} classes")
        root, levels = _tree(tree, len(features), nodes)
        roots.append(root)
        tree_class.append(index)
        depth = max(depth, levels)
    columns = [list(column) for column in zip(*nodes, strict=True)] if nodes else [[]] * 5
    feature, threshold, left, right, value = columns
    forest = _core.Forest(
        feature, threshold, left, right, value, roots, tree_class, len(classes)
    )  # fmt: skip
    return TreeModel(classes, features, forest, len(roots), depth)


def _tree(tree: dict[str, Any], feature_count: int, nodes: list[FlatNode]) -> tuple[int, int]:
    """Append one tree's nodes from its arrays, root first (each node before its
    children); return (root index, depth). ValueError for a malformed tree."""
    splits = len(tree["split_feature"])
    leaves = [float(value) for value in tree["leaf_value"]]
    if len(leaves) != splits + 1:
        raise ValueError(f"a tree of {splits} splits needs {splits + 1} leaves, not {len(leaves)}")

    def node(child: int, level: int) -> tuple[int, int]:
        at = len(nodes)
        if child < 0:
            nodes.append((0, 0.0, at, at, leaves[-child - 1]))
            return at, level
        if level >= splits:
            raise ValueError("a tree's splits form a cycle")
        feature = int(tree["split_feature"][child])
        if not 0 <= feature < feature_count:
            raise ValueError(f"split feature {feature} out of range")
        nodes.append((0, 0.0, 0, 0, 0.0))  # filled in once the children have their indexes
        left, left_depth = node(int(tree["left"][child]), level + 1)
        right, right_depth = node(int(tree["right"][child]), level + 1)
        nodes[at] = (feature, float(tree["threshold"][child]), left, right, 0.0)
        return at, max(left_depth, right_depth)

    if not splits:
        at = len(nodes)
        nodes.append((0, 0.0, at, at, leaves[0]))
        return at, 0
    return node(0, 0)
