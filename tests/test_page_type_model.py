"""The page-type models: the tree evaluator, the cascade, the shipped file, the export.

The evaluator and the cascade are checked on a tiny hand-made model (scores
worked out by hand), the shipped forests against the scores LightGBM gave for
fixed feature vectors when they were trained, and the training script's
export against LightGBM itself on made-up data, when LightGBM is installed.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from cleaner.document import PAGE_TYPES
from cleaner.page_type.model import (
    CASCADE_FORMAT,
    MODEL_FORMAT,
    ModelError,
    TreeModel,
    default_cascade,
    load_cascade,
    load_model,
    top_probability,
)

# --- the evaluator on a hand-made model --------------------------------------------------------

#: Two classes, features x and y. Class a: one tree, `x <= 1.5` -> 1.0, else
#: (`y <= 0` -> -1.0, else 2.0). Class b: a lone leaf 0.5, and `y <= 3` -> 0.25 else -0.25.
TINY_MODEL = {
    "format": MODEL_FORMAT,
    "classes": ["a", "b"],
    "features": ["x", "y"],
    "trees": [
        {"class": 0, "split_feature": [0, 1], "threshold": [1.5, 0.0], "left": [-1, -2],
         "right": [1, -3], "leaf_value": [1.0, -1.0, 2.0]},
        {"class": 1, "split_feature": [], "threshold": [], "left": [], "right": [],
         "leaf_value": [0.5]},
        {"class": 1, "split_feature": [1], "threshold": [3.0], "left": [-1], "right": [-2],
         "leaf_value": [0.25, -0.25]},
    ],
}  # fmt: skip


@pytest.fixture
def tiny_model(tmp_path: Path) -> TreeModel:
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(TINY_MODEL), encoding="utf-8")
    return load_model(path)


@pytest.mark.parametrize(
    ("x", "y", "scores"),
    [
        (1.0, 5.0, [1.0, 0.25]),  # x <= 1.5: leaf 1.0; y > 3: 0.5 - 0.25
        (1.5, 5.0, [1.0, 0.25]),  # equal to the threshold goes left
        (2.0, -1.0, [-1.0, 0.75]),  # x > 1.5, y <= 0
        (2.0, 0.5, [2.0, 0.75]),
        (2.0, float("nan"), [-1.0, 0.75]),  # NaN reads as 0 (missing type None)
    ],
)
def test_evaluator_follows_the_trees(
    tiny_model: TreeModel, x: float, y: float, scores: list[float]
) -> None:
    assert tiny_model.scores_of({"x": x, "y": y}) == scores


def test_predict_takes_features_by_name_and_missing_ones_as_zero(tiny_model: TreeModel) -> None:
    assert tiny_model.predict({"x": 2.0, "y": 0.5}) == "a"
    assert tiny_model.predict({"x": 2.0}) == "b"  # y = 0: -1.0 against 0.75
    assert tiny_model.depth == 2


@pytest.mark.parametrize(
    "broken",
    [
        {"format": "something else"},
        {**TINY_MODEL, "trees": [{**TINY_MODEL["trees"][0], "leaf_value": [1.0]}]},  # type: ignore[dict-item]
        {**TINY_MODEL, "trees": [{**TINY_MODEL["trees"][0], "split_feature": [0, 7]}]},  # type: ignore[dict-item]
        {**TINY_MODEL, "trees": [{**TINY_MODEL["trees"][0], "class": 5}]},  # type: ignore[dict-item]
    ],
    ids=["format", "leaves", "feature", "class"],
)
def test_a_broken_model_file_is_refused(tmp_path: Path, broken: dict[str, object]) -> None:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ModelError):
        load_model(path)


def test_a_cascade_decides_early_only_when_its_quick_forest_is_sure(tmp_path: Path) -> None:
    path = tmp_path / "cascade.json"
    cascade_file = {"format": CASCADE_FORMAT, "threshold": 0.8, "quick": TINY_MODEL,
                    "full": TINY_MODEL}  # fmt: skip
    path.write_text(json.dumps(cascade_file), encoding="utf-8")
    cascade = load_cascade(path)
    # Scores (1.0, 0.25): class a has probability 1 / (1 + e^-0.75) = 0.68: left open.
    assert cascade.quick_decision({"x": 1.0, "y": 5.0}) is None
    # Scores (2.0, 0.25): class a has 1 / (1 + e^-1.75) = 0.85: decided.
    assert cascade.quick_decision({"x": 2.0, "y": 5.0}) == "a"
    assert top_probability(np.array([2.0, 0.25])) == pytest.approx(1 / (1 + math.exp(-1.75)))


def test_a_cascade_of_forests_that_disagree_on_classes_is_refused(tmp_path: Path) -> None:
    other = {**TINY_MODEL, "classes": ["a", "c"]}
    path = tmp_path / "cascade.json"
    cascade_file = {"format": CASCADE_FORMAT, "threshold": 0.8, "quick": TINY_MODEL,
                    "full": other}  # fmt: skip
    path.write_text(json.dumps(cascade_file), encoding="utf-8")
    with pytest.raises(ModelError):
        load_cascade(path)


# --- the shipped model -------------------------------------------------------------------------

#: Fixed feature vectors (features not named are 0), loosely shaped like pages of a few
#: kinds, and the raw class scores LightGBM gave for them when the shipped forests were
#: trained, in the models' class order: the file must evaluate exactly so. Retraining
#: changes them: `python bench/train_page_type.py --reference` prints the new ones.
REFERENCE_VECTORS: list[dict[str, float]] = [
    {},
    {
        "ld_product": 1,
        "og_product": 1,
        "meta_product": 1,
        "url_product": 1,
        "url_depth": 2,
        "cls_price": 6,
        "cls_cart": 3,
        "n_button": 2,
        "n_input": 2,
        "text_chars": 2400,
        "n_prices": 4,
        "n_img": 9,
        "n_p": 5,
        "n_prose": 1,
        "prose_chars": 230,
    },
    {
        "ld_article": 1,
        "ld_person": 1,
        "og_article": 1,
        "meta_article": 1,
        "url_article": 1,
        "url_date": 1,
        "url_depth": 5,
        "url_slug_words": 6,
        "text_chars": 5200,
        "n_p": 14,
        "n_prose": 11,
        "prose_chars": 3900,
        "share_prose": 0.75,
        "prose_together": 1.0,
        "max_paragraph_chars": 520,
        "share_link_text": 0.08,
    },
    {
        "url_forum": 2,
        "url_numeric_id": 1,
        "cls_post": 14,
        "cls_reply": 6,
        "cls_user": 9,
        "cls_message": 5,
        "n_time": 12,
        "rep_dated": 12,
        "rep_posts": 8,
        "text_chars": 7000,
        "n_p": 3,
        "n_prose": 1,
        "share_link_text": 0.2,
        "n_textarea": 1,
    },
    {
        "url_docs": 1,
        "cls_toc": 2,
        "cls_sidebar": 1,
        "cls_code": 3,
        "n_pre": 6,
        "n_code": 30,
        "n_table": 2,
        "n_h2": 6,
        "n_h3": 4,
        "text_chars": 9000,
        "n_p": 20,
        "n_prose": 8,
    },
]
REFERENCE_QUICK_SCORES: list[list[float]] = [
    [
        -1.7814802739372806,
        -2.961997161127098,
        -2.1706541515275424,
        -3.381047864587001,
        -2.451625945357752,
        -2.4931646631486863,
        -4.23713412842824,
    ],
    [
        -2.2350568732932263,
        -2.961997161127098,
        -2.0966964424863823,
        -3.381047864587001,
        -2.476164749420938,
        -3.079172854826839,
        2.634610321262219,
    ],
    [
        2.780746640938603,
        -5.1479944655144685,
        -5.14611210528208,
        -3.1322579352951285,
        -5.920820483691938,
        -5.62370412742883,
        -4.55433836193135,
    ],
    [
        -1.9442547616977577,
        -3.0505771223010907,
        -3.8508310025883468,
        3.4915464313536444,
        -1.6259435913676021,
        -2.5727677390677917,
        -4.23713412842824,
    ],
    [
        -1.7814802739372806,
        0.12137850448091539,
        -2.6585170286371698,
        -3.381047864587001,
        -3.103152929016421,
        -2.4931646631486863,
        -4.492754386332842,
    ],
]
REFERENCE_FULL_SCORES: list[list[float]] = [
    [
        -2.820039487120525,
        -2.7015363839086133,
        -1.1885408009888774,
        -2.2731893777114545,
        -5.1591118039977335,
        -1.1434783594810511,
        -4.635989992969705,
    ],
    [
        -2.820039487120525,
        -4.2217154043503164,
        -2.2587790554322447,
        -2.5955845718333483,
        -2.4378412392817665,
        -0.9045287222192224,
        2.829845170153797,
    ],
    [
        2.33724017804631,
        -2.8632405948459776,
        -3.5406621148603326,
        -2.9331366381445223,
        -5.945457226438657,
        -3.8697302724407496,
        -5.545512734052462,
    ],
    [
        -2.4373421455021527,
        -3.570198654458966,
        -2.6161722958100593,
        4.182553171114034,
        -5.618790920257284,
        -1.2775268092345566,
        -4.202055839273332,
    ],
    [
        -2.4373421455021527,
        1.0882268010281355,
        -1.2742854497484528,
        -4.326856009929852,
        -5.661561287195173,
        -2.1650399814418706,
        -5.040412432366955,
    ],
]


def test_the_shipped_cascade_loads_and_names_page_types() -> None:
    cascade = default_cascade()
    assert set(cascade.full.classes) <= set(PAGE_TYPES) - {"other"}
    assert len(cascade.full.classes) == 7 and cascade.full.depth >= 1
    assert set(cascade.quick.features) < set(cascade.full.features)
    assert 0.5 < cascade.threshold < 1


@pytest.mark.parametrize("forest", ["quick", "full"])
def test_the_shipped_forests_score_as_lightgbm_did(forest: str) -> None:
    model: TreeModel = getattr(default_cascade(), forest)
    expected_scores = {"quick": REFERENCE_QUICK_SCORES, "full": REFERENCE_FULL_SCORES}[forest]
    assert len(expected_scores) == len(REFERENCE_VECTORS)
    for features, expected in zip(REFERENCE_VECTORS, expected_scores, strict=True):
        assert model.scores_of(features) == expected


# --- the export, against LightGBM itself -------------------------------------------------------


def test_exported_trees_score_exactly_as_lightgbm(tmp_path: Path) -> None:
    """Trees trained and exported as the training script does, on made-up data."""
    lightgbm = pytest.importorskip("lightgbm")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from train_page_type import BASE_PARAMS, export, forest_text

    rng = np.random.default_rng(7)
    x = np.column_stack([rng.normal(size=400), rng.integers(0, 6, 400), rng.random(400)])
    y = (x[:, 0] > 0).astype(int) + (x[:, 1] >= 3).astype(int)
    params = {**BASE_PARAMS, "num_class": 3, "num_leaves": 7, "min_data_in_leaf": 5}

    def trained() -> tuple[str, Any]:
        booster = lightgbm.train(params, lightgbm.Dataset(x, y), 30)
        return forest_text(export(booster, ["a", "b", "c"], ["f0", "f1", "f2"])), booster

    text, booster = trained()
    assert trained()[0] == text  # deterministic: the same file from the same data
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    model = load_model(path)
    probe = np.vstack([x[:40], [[np.nan, 2.0, 0.5], [0.3, np.nan, np.nan], [np.nan] * 3]])
    expected = booster.predict(probe, raw_score=True).tolist()
    names = ("f0", "f1", "f2")
    assert [model.scores_of(dict(zip(names, row, strict=True))) for row in probe] == expected
