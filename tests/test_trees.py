"""The tree-ensemble evaluator behind the shipped block model."""

from __future__ import annotations

import json
import math
from array import array
from pathlib import Path

import pytest

from cleaner.extract.block_choice import MODEL_PATH, block_model
from cleaner.extract.block_features import COLUMNS
from cleaner.trees import ModelFileError, Rows, load_ensemble

#: Two trees over two columns, as the training script writes them (raw scores add up).
TREES = {
    "format": "cleaner-trees-1",
    "columns": ["a", "b"],
    "threshold": 0.5,
    "trees": [
        {
            "split_feature": 0,
            "threshold": 1.5,
            "decision_type": "<=",
            "left_child": {"leaf_value": -2.0},
            "right_child": {
                "split_feature": 1,
                "threshold": 0.0,
                "decision_type": "<=",
                "left_child": {"leaf_value": 0.5},
                "right_child": {"leaf_value": 3.0},
            },
        },
        {"leaf_value": 0.25},
    ],
}


def write(tmp_path: Path, model: dict[str, object]) -> Path:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model))
    return path


def test_rows_go_down_every_tree_and_scores_add_up(tmp_path: Path) -> None:
    ensemble = load_ensemble(write(tmp_path, TREES), ("a", "b"))
    rows = Rows.of([[1.0, 9.0], [1.5, 9.0], [2.0, -1.0], [2.0, 0.5]], 2)
    raw = [score + 0.25 for score in (-2.0, -2.0, 0.5, 3.0)]
    expected = [1 / (1 + math.exp(-score)) for score in raw]
    assert ensemble.probabilities(rows) == pytest.approx(expected)
    assert ensemble.probabilities(Rows.of([], 2)) == []


def test_rows_are_float32_row_after_row() -> None:
    rows = Rows.of([[0.1, 2], [True, -3.5]], 2)
    assert len(rows) == 2
    assert list(array("f", rows.data)) == [array("f", [0.1])[0], 2.0, 1.0, -3.5]


def test_a_raw_score_too_low_for_a_float_gives_probability_zero(tmp_path: Path) -> None:
    low = {**TREES, "trees": [{"leaf_value": -1000.0}]}
    ensemble = load_ensemble(write(tmp_path, low), ("a", "b"))
    assert ensemble.probabilities(Rows.of([[0.0, 0.0]], 2)) == [0.0]


def test_a_model_for_other_columns_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="other feature columns"):
        load_ensemble(write(tmp_path, TREES), ("a", "c"))


def test_a_file_of_another_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="not a cleaner-trees-1 model"):
        load_ensemble(write(tmp_path, {**TREES, "format": "other"}), ("a", "b"))


def test_the_shipped_block_model_matches_the_features() -> None:
    assert MODEL_PATH.is_file()
    model = block_model()
    assert model.columns == COLUMNS
    probabilities = model.probabilities(Rows.of([[0.0] * len(COLUMNS)] * 3, len(COLUMNS)))
    assert len(probabilities) == 3 and all(0 <= value <= 1 for value in probabilities)


def test_the_core_reads_float32_rows_as_the_values_they_are() -> None:
    from cleaner import _core

    # One split: x0 <= 0.1 (as a float64) goes left (-1), else right (+1). The float32
    # nearest 0.1 lies above 0.1, so a row holding it goes right.
    forest = _core.Forest([0, 0, 0], [0.1, 0.0, 0.0], [1, 1, 2], [2, 1, 2], [0.0, -1.0, 1.0],
                          [0], [0], 1)  # fmt: skip
    data = array("f", [0.1, 0.0, 0.05, 0.0]).tobytes()
    assert forest.scores_of_f32_rows(data, 2) == [1.0, -1.0]
    assert forest.scores_of_f32_rows(b"", 2) == []
    with pytest.raises(ValueError, match="do not fit"):
        forest.scores_of_f32_rows(data[:-1], 2)
