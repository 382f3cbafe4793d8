"""The tree-ensemble evaluator behind the shipped block model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from cleaner.extract.block_choice import MODEL_PATH, block_model
from cleaner.extract.block_features import COLUMNS
from cleaner.trees import ModelFileError, load_ensemble

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
    rows = np.array([[1.0, 9.0], [1.5, 9.0], [2.0, -1.0], [2.0, 0.5]])
    raw = np.array([-2.0, -2.0, 0.5, 3.0]) + 0.25
    assert np.allclose(ensemble.probabilities(rows), 1 / (1 + np.exp(-raw)))
    assert ensemble.probabilities(np.zeros((0, 2))).shape == (0,)


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
    probabilities = model.probabilities(np.zeros((3, len(COLUMNS)), dtype=np.float32))
    assert probabilities.shape == (3,) and ((probabilities >= 0) & (probabilities <= 1)).all()
