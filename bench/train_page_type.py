"""Train the page-type models on the WCXB dev split's tuning fold and ship them as JSON.

What it does
------------
1. Reads every page of the split (bench/wcxb.py's loader: bytes, url, type,
   site, fold) and computes its features exactly as `clean()` does: decode,
   flatten, parse, collect the head's signals, the page's own url, then the
   quick features (declared types, url) and the structure features. Their
   times per page are printed, and the cascade's (see 3).
2. Trains on the tuning fold's pages, each twice: as it is, and with no url
   (its `url_` features those of an unknown url) at weight `URLLESS_WEIGHT`.
   Most pages come with a url, but not all (a folder of saved pages, a dump):
   the url-less copies teach the trees to read the structure too, and cost
   the pages with a url nothing the cross-validation can see.
3. Trains two forests, each with its hyper-parameters chosen by
   cross-validation on the tuning fold only: the full one on every feature,
   the quick one on the quick features. `clean()` runs them as a cascade
   (`cleaner.page_type.model.Cascade`): the quick forest decides when it
   gives a type at least the threshold's share of the probability, and the
   structure is read only for the pages it leaves open. The cross-validation: `CV_REPEATS`
   shuffles of `CV_FOLDS` folds, every site's pages (and their url-less
   copies) in one fold (StratifiedGroupKFold), over the grid `GRID` and the
   round counts `ROUNDS`, scored on the pages as they are; within
   `TOLERANCE` of the best accuracy, the smallest model wins. The cascade's
   threshold is chosen the same way: the lowest of `THRESHOLDS` (the most
   pages settled quickly) whose cross-validated accuracy stays within
   `TOLERANCE` of the full forest's alone.
4. Trains LightGBM with the chosen parameters on the whole tuning fold,
   deterministically (fixed seeds, `deterministic`, one thread, row-wise
   histograms), exports both forests to `cleaner/page_type/model.json`, and
   checks that cleaner's own evaluator (`cleaner.page_type.model`) gives
   LightGBM's scores on every page.
5. Reports the validation fold's accuracy (with and without urls), overall
   and per type, and its confusion matrix. The validation fold is never used
   to choose anything.

Running it twice gives the same file byte for byte; `--check` trains and
compares with the shipped file instead of writing it (exit status 1 when they
differ). `--reference` prints the scores of the test suite's fixed feature
vectors (tests/test_page_type_model.py) for the freshly trained forests.

How to run
----------
From the repository root, with the `train` extra installed
(`pip install -e '.[train]'`: LightGBM and scikit-learn)::

    python bench/train_page_type.py                 # train, report, write the model
    python bench/train_page_type.py --check         # retrain and compare with the shipped file
    python bench/train_page_type.py --data DIR --output /tmp/model.json
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wcxb import DEFAULT_DATA, PAGE_TYPES, Page, load_pages

from cleaner.extract.nesting import flatten_deep_nesting
from cleaner.extract.streamed import place_streamed_content
from cleaner.metadata.page import Page as Signals
from cleaner.metadata.page import collect, page_url
from cleaner.page_type import MIN_TEXT_CHARS
from cleaner.page_type.features import quick_features, structure_features
from cleaner.page_type.model import (
    CASCADE_FORMAT,
    MODEL_FORMAT,
    MODEL_PATH,
    Cascade,
    TreeModel,
    load_cascade,
)
from cleaner.page_type.url_features import url_features
from cleaner.read import decode

ROOT = Path(__file__).resolve().parent.parent
#: Fixed for good: the same seed everywhere makes the file reproducible.
SEED = 20240615
CV_FOLDS = 5
CV_REPEATS = 3
#: LightGBM parameters shared by every run; the grid varies the rest.
BASE_PARAMS: dict[str, Any] = {
    "objective": "multiclass",
    "learning_rate": 0.1,
    "feature_fraction": 0.8,
    "feature_fraction_seed": SEED,
    "bagging_fraction": 1.0,
    "seed": SEED,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 1,
    "verbose": -1,
}
GRID: tuple[dict[str, Any], ...] = tuple(
    {"num_leaves": leaves, "min_data_in_leaf": min_data}
    for leaves in (4, 7, 15)
    for min_data in (10, 20, 40)
)
#: Boosting rounds tried (trees per class); the largest is the model's size limit.
ROUNDS = (50, 100, 150, 200)
#: Within this much CV accuracy of the best, the smallest model (leaves times rounds)
#: wins: half a point, well under the standard error of an accuracy on a thousand pages
#: (about one point), so a bigger model is never bought with noise.
TOLERANCE = 0.005
#: The weight of a page's url-less copy: enough for the trees to learn the structure
#: (tuning-fold CV without urls 0.72 -> 0.80), too little to move the pages with one.
URLLESS_WEIGHT = 0.1
#: How sure the quick forest may have to be to decide alone: the lowest that keeps the
#: cascade within TOLERANCE of the full forest's accuracy is chosen (never below 0.8).
THRESHOLDS = (0.8, 0.85, 0.9, 0.95)
#: The quick features' names, in their order.
QUICK_NAMES = tuple(quick_features(Signals(), None))


@dataclass(frozen=True)
class Example:
    """One page's features (with its url, and without), label, site, fold and times."""

    key: str
    site: str
    fold: str
    page_type: str
    features: dict[str, float]
    urlless: dict[str, float]
    quick_seconds: float
    structure_seconds: float


def featurize(page: Page) -> Example:
    """The page's features, computed as `cleaner.html.clean_html` computes them."""
    from selectolax.lexbor import LexborHTMLParser

    html = flatten_deep_nesting(decode(page.html))
    tree = LexborHTMLParser(html)
    place_streamed_content(tree, html)
    signals = collect(tree)  # the metadata step's: shared, not timed
    found = page_url(signals, page.url or None)
    url = found[0] if found is not None else page.url or None
    started = time.perf_counter()
    quick = quick_features(signals, url)
    read_quick = time.perf_counter()
    structure = structure_features(tree, html)
    read_structure = time.perf_counter()
    features = {**quick, **structure}
    urlless = {**features, **url_features(None)}
    return Example(
        page.key, page.site, page.fold, page.page_type, features, urlless,
        read_quick - started, read_structure - read_quick,
    )  # fmt: skip


@dataclass(frozen=True)
class Data:
    """Feature matrices (with urls, without), labels and sites of a list of examples."""

    x: np.ndarray
    urlless: np.ndarray
    y: np.ndarray
    sites: list[str]

    @classmethod
    def of(cls, examples: Sequence[Example], names: Sequence[str], classes: Sequence[str]) -> Data:
        return cls(
            x=np.array([[e.features[name] for name in names] for e in examples]),
            urlless=np.array([[e.urlless[name] for name in names] for e in examples]),
            y=np.array([classes.index(e.page_type) for e in examples]),
            sites=[e.site for e in examples],
        )

    def training_set(self, rows: np.ndarray) -> Any:
        """A LightGBM dataset of the rows, each also without its url at URLLESS_WEIGHT."""
        import lightgbm as lgb

        weights = np.concatenate([np.ones(len(rows)), np.full(len(rows), URLLESS_WEIGHT)])
        return lgb.Dataset(
            np.vstack([self.x[rows], self.urlless[rows]]),
            np.concatenate([self.y[rows], self.y[rows]]),
            weight=weights,
        )


# --- choosing and training --------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """Cross-validated accuracy of one grid point and round count."""

    params: dict[str, Any]
    rounds: int
    accuracy: float  # on the pages as they are
    urlless: float  # on the same pages without their urls


def folds(data: Data, repeat: int) -> Any:
    """The site-grouped folds of one shuffle of the tuning pages."""
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(CV_FOLDS, shuffle=True, random_state=SEED + repeat)
    return splitter.split(data.x, data.y, data.sites)


def cross_validate(data: Data, params: dict[str, Any]) -> list[Score]:
    """Mean accuracies per round count over site-grouped folds of the tuning pages."""
    import lightgbm as lgb

    correct = dict.fromkeys(ROUNDS, 0)
    correct_urlless = dict.fromkeys(ROUNDS, 0)
    for repeat in range(CV_REPEATS):
        for train, test in folds(data, repeat):
            booster = lgb.train(params, data.training_set(train), max(ROUNDS))
            for rounds in ROUNDS:
                for matrix, tally in ((data.x, correct), (data.urlless, correct_urlless)):
                    predicted = booster.predict(matrix[test], num_iteration=rounds).argmax(axis=1)
                    tally[rounds] += int((predicted == data.y[test]).sum())
    total = len(data.y) * CV_REPEATS
    return [
        Score(params, rounds, correct[rounds] / total, correct_urlless[rounds] / total)
        for rounds in ROUNDS
    ]


def choose(label: str, data: Data, classes: Sequence[str]) -> Score:
    """The smallest model within TOLERANCE of the best cross-validated accuracy."""
    scores: list[Score] = []
    for point in GRID:
        params = {**BASE_PARAMS, **point, "num_class": len(classes)}
        for score in cross_validate(data, params):
            print(f"  {label} cv {point} rounds {score.rounds}: {score.accuracy:.4f} "
                  f"(without urls {score.urlless:.4f})", flush=True)  # fmt: skip
            scores.append(score)
    best = max(score.accuracy for score in scores)
    chosen = min(
        (score for score in scores if score.accuracy >= best - TOLERANCE),
        key=lambda s: (
            s.params["num_leaves"] * s.rounds,
            -s.accuracy,
            s.params["min_data_in_leaf"],
        ),
    )
    grid_point = {key: chosen.params[key] for key in ("num_leaves", "min_data_in_leaf")}
    print(f"{label}: best CV accuracy {best:.4f}; the smallest model within {TOLERANCE}: "
          f"{grid_point}, {chosen.rounds} rounds, {chosen.accuracy:.4f} "
          f"(without urls {chosen.urlless:.4f})")  # fmt: skip
    return chosen


def choose_threshold(full: Data, quick: Data, full_score: Score, quick_score: Score) -> float:
    """The lowest threshold of THRESHOLDS whose cascade keeps within TOLERANCE of the full forest.

    Scored on the same site-grouped folds as the forests were chosen on.
    """
    import lightgbm as lgb

    correct = dict.fromkeys(THRESHOLDS, 0)
    settled = dict.fromkeys(THRESHOLDS, 0)
    for repeat in range(CV_REPEATS):
        for train, test in folds(full, repeat):
            boosters = [
                lgb.train(score.params, data.training_set(train), score.rounds)
                for data, score in ((full, full_score), (quick, quick_score))
            ]
            full_scores = boosters[0].predict(full.x[test], raw_score=True)
            quick_scores = boosters[1].predict(quick.x[test], raw_score=True)
            for threshold in THRESHOLDS:
                sure = softmax_top(quick_scores) >= threshold
                predicted = np.where(sure, quick_scores.argmax(axis=1), full_scores.argmax(axis=1))
                correct[threshold] += int((predicted == full.y[test]).sum())
                settled[threshold] += int(sure.sum())
    total = len(full.y) * CV_REPEATS
    for threshold in THRESHOLDS:
        print(f"  cascade at {threshold}: CV accuracy {correct[threshold] / total:.4f}, "
              f"the quick forest settles {settled[threshold] / total:.0%}")  # fmt: skip
    within = [t for t in THRESHOLDS if correct[t] / total >= full_score.accuracy - TOLERANCE]
    threshold = min(within, default=max(THRESHOLDS))
    print(f"cascade threshold {threshold}: CV accuracy {correct[threshold] / total:.4f} "
          f"(the full forest alone {full_score.accuracy:.4f})")  # fmt: skip
    return threshold


def softmax_top(scores: np.ndarray) -> np.ndarray:
    """Each row's highest softmax probability."""
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray(1.0 / shifted.sum(axis=1))


def train(data: Data, score: Score) -> Any:
    import lightgbm as lgb

    return lgb.train(score.params, data.training_set(np.arange(len(data.y))), score.rounds)


# --- export -----------------------------------------------------------------------------------


def export(booster: Any, classes: Sequence[str], names: Sequence[str]) -> dict[str, Any]:
    """The booster's trees in cleaner's forest format (see cleaner/page_type/model.py)."""
    dump = booster.dump_model()
    per_iteration = dump["num_tree_per_iteration"]
    trees = [
        {"class": info["tree_index"] % per_iteration, **_flat_tree(info["tree_structure"])}
        for info in dump["tree_info"]
    ]
    return {
        "format": MODEL_FORMAT,
        "classes": list(classes),
        "features": list(names),
        "trees": trees,
    }


def _flat_tree(root: dict[str, Any]) -> dict[str, list[Any]]:
    """One tree as arrays of splits (by split_index) and leaves (by leaf_index)."""
    if "leaf_value" in root:  # a tree without a split
        return {"split_feature": [], "threshold": [], "left": [], "right": [],
                "leaf_value": [root["leaf_value"]]}  # fmt: skip
    splits: dict[int, dict[str, Any]] = {}
    leaves: dict[int, float] = {}

    def child(node: dict[str, Any]) -> int:
        if "leaf_index" in node:
            leaves[node["leaf_index"]] = node["leaf_value"]
            return -node["leaf_index"] - 1
        visit(node)
        return int(node["split_index"])

    def visit(node: dict[str, Any]) -> None:
        if node["decision_type"] != "<=" or node["missing_type"] != "None":
            raise ValueError(f"unsupported split: {node['decision_type']} {node['missing_type']}")
        splits[node["split_index"]] = {
            "feature": node["split_feature"],
            "threshold": node["threshold"],
            "left": child(node["left_child"]),
            "right": child(node["right_child"]),
        }

    visit(root)
    order = range(len(splits))
    return {
        "split_feature": [splits[i]["feature"] for i in order],
        "threshold": [splits[i]["threshold"] for i in order],
        "left": [splits[i]["left"] for i in order],
        "right": [splits[i]["right"] for i in order],
        "leaf_value": [leaves[i] for i in range(len(leaves))],
    }


def forest_text(forest: dict[str, Any]) -> str:
    """A forest as JSON, one tree per line (readable diffs, same bytes every run)."""
    head = {key: value for key, value in forest.items() if key != "trees"}
    lines = [json.dumps(tree, separators=(",", ":")) for tree in forest["trees"]]
    return (
        json.dumps(head, separators=(",", ":"))[:-1] + ',"trees":[\n' + ",\n".join(lines) + "\n]}"
    )


def model_text(threshold: float, quick: dict[str, Any], full: dict[str, Any]) -> str:
    """The cascade file: its threshold, then the quick forest and the full one."""
    head = json.dumps({"format": CASCADE_FORMAT, "threshold": threshold}, separators=(",", ":"))
    return f'{head[:-1]},\n"quick":{forest_text(quick)},\n"full":{forest_text(full)}}}\n'


def check_evaluator(model: TreeModel, booster: Any, x: np.ndarray) -> float:
    """The largest difference between cleaner's and LightGBM's scores over the rows."""
    reference = booster.predict(x, raw_score=True)
    ours = np.array([model.scores(row.tolist()) for row in x])
    if not np.array_equal(reference.argmax(axis=1), ours.argmax(axis=1)):
        raise SystemExit("the exported trees choose other types than LightGBM")
    return float(np.abs(reference - ours).max())


def print_reference(boosters: dict[str, Any], names: dict[str, Sequence[str]]) -> None:
    """LightGBM's scores for the test suite's fixed vectors, ready to paste into it."""
    path = ROOT / "tests" / "test_page_type_model.py"
    spec = importlib.util.spec_from_file_location("reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for label in ("quick", "full"):
        vectors = [[float(v.get(n, 0.0)) for n in names[label]] for v in module.REFERENCE_VECTORS]
        scores = boosters[label].predict(np.array(vectors), raw_score=True)
        print(f"REFERENCE_{label.upper()}_SCORES: list[list[float]] = [")
        for row in scores:
            print("    [" + ", ".join(repr(float(value)) for value in row) + "],")
        print("]")


# --- the cascade as clean() runs it -----------------------------------------------------------


def cascade_type(cascade: Cascade, features: dict[str, float]) -> str:
    """The type `cleaner.page_type.classify_page` gives a page of these features."""
    decided = cascade.quick_decision(features)
    if decided is not None:
        return decided
    if features["text_chars"] < MIN_TEXT_CHARS:
        return "other"
    return cascade.full.predict(features)


def cascade_seconds(cascade: Cascade, example: Example) -> float:
    """What the page type costs a page in clean(): features read and forests run."""
    started = time.perf_counter()
    settled = cascade.quick_decision(example.features) is not None
    if not settled:
        cascade.full.predict(example.features)
    spent = time.perf_counter() - started + example.quick_seconds
    return spent if settled else spent + example.structure_seconds


# --- reporting --------------------------------------------------------------------------------


def report_accuracy(title: str, truth: Sequence[str], predicted: Sequence[str]) -> None:
    classes = [*PAGE_TYPES, "other"]
    pairs = list(zip(truth, predicted, strict=True))
    accuracy = sum(t == p for t, p in pairs) / len(pairs)
    print(f"\n{title}: accuracy {accuracy:.3f} on {len(pairs)} pages")
    width = max(len(name) for name in classes)
    print(" " * (width + 2) + " ".join(f"{name[:7]:>7}" for name in classes) + "   recall")
    for name in PAGE_TYPES:
        row = [sum(t == name and p == other for t, p in pairs) for other in classes]
        total = sum(row)
        recall = row[classes.index(name)] / total if total else 0.0
        counts = " ".join(f"{count:>7}" for count in row)
        print(f"{name:<{width}}  {counts}   {recall:.3f} ({total})")


def report_times(label: str, seconds: Sequence[float]) -> None:
    mean, most = 1e3 * statistics.mean(seconds), 1e3 * max(seconds)
    print(f"{label}: mean {mean:.3f} ms, max {most:.2f} ms per page")


def inference_times(model: TreeModel, examples: Sequence[Example]) -> list[float]:
    times = []
    for example in examples:
        started = time.perf_counter()
        model.predict(example.features)
        times.append(time.perf_counter() - started)
    return times


# --- main -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="WCXB dev folder")
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help="model file to write")
    parser.add_argument("--check", action="store_true", help="compare with --output, write nothing")
    parser.add_argument(
        "--reference", action="store_true", help="print the tests' reference scores"
    )
    args = parser.parse_args(argv)

    pages = load_pages(args.data)
    gc.freeze()  # the loaded pages are no garbage: collections then cost what one page makes
    examples = [featurize(page) for page in pages]
    report_times("quick features", [e.quick_seconds for e in examples])
    report_times("structure features", [e.structure_seconds for e in examples])
    classes = list(PAGE_TYPES)
    names = {"full": list(examples[0].features), "quick": list(QUICK_NAMES)}
    tune = [example for example in examples if example.fold == "tune"]
    validate = [example for example in examples if example.fold == "validate"]
    print(f"{len(tune)} tuning pages ({len({e.site for e in tune})} sites), "
          f"{len(names['full'])} features, {len(names['quick'])} of them quick")  # fmt: skip

    tuning = {label: Data.of(tune, names[label], classes) for label in ("full", "quick")}
    chosen = {label: choose(label, tuning[label], classes) for label in ("full", "quick")}
    threshold = choose_threshold(tuning["full"], tuning["quick"], chosen["full"], chosen["quick"])
    boosters = {label: train(tuning[label], chosen[label]) for label in ("full", "quick")}
    forests = {label: export(boosters[label], classes, names[label]) for label in boosters}
    text = model_text(threshold, forests["quick"], forests["full"])

    scratch = args.output.with_suffix(".check.json") if args.check else args.output
    scratch.parent.mkdir(parents=True, exist_ok=True)
    scratch.write_text(text, encoding="utf-8")
    cascade = load_cascade(scratch)
    if args.check:
        scratch.unlink()
    for label, forest in (("full", cascade.full), ("quick", cascade.quick)):
        everything = Data.of(examples, names[label], classes)
        matrix = np.vstack([everything.x, everything.urlless])
        difference = check_evaluator(forest, boosters[label], matrix)
        print(f"{label} forest: {forest.trees} trees; largest score difference from "
              f"LightGBM over every page {difference:.2e}")  # fmt: skip
    report_times("full forest inference", inference_times(cascade.full, examples))
    report_times("page type in clean() (cascade)", [cascade_seconds(cascade, e) for e in examples])
    settled = [e for e in examples if cascade.quick_decision(e.features) is not None]
    print(f"the quick forest settles {len(settled) / len(examples):.0%} of all pages; "
          f"model file {len(text.encode()):,} bytes")  # fmt: skip
    if args.reference:
        print_reference(boosters, names)

    truth = [e.page_type for e in validate]
    report_accuracy("validation fold", truth, [cascade_type(cascade, e.features) for e in validate])
    report_accuracy(
        "validation fold without urls", truth, [cascade_type(cascade, e.urlless) for e in validate]
    )
    full_only = [cascade.full.predict(e.features) for e in validate]
    agree = sum(t == p for t, p in zip(truth, full_only, strict=True))
    print(f"\nvalidation accuracy of the full forest alone: {agree / len(truth):.3f}")

    if args.check:
        same = args.output.exists() and args.output.read_text(encoding="utf-8") == text
        print("the shipped model is reproduced byte for byte" if same else "MODEL DIFFERS")
        return 0 if same else 1
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
