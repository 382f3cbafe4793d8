"""Train the dump line model of `keep_main_run` on whole-page dumps; report both folds.

What it does
------------
Every page of the WCXB dev split (`../shared/bench/wcxb/dev`) is turned into a
whole-page dump, as a crawler's converter would (html2text, `body_width=0`, the
bench/dumps.py builder). Each of its lines with text gets the feature row the
kind reads at run time (`_core.dump_line_rows`, the same code) and a label:
content when at least half its word pairs (its word, for a one-word line) are in
the page's true main content.

A LightGBM model is fitted on the tuning fold's lines only (bench/folds.py: the
validation fold's sites are never seen), deterministically (fixed seed, one
thread), each line weighted by the square root of its length and every page
weighing the same. One decision threshold (dumps come with no page type) is
chosen where the mean word F1 of the kept lines is best, from site-grouped
cross-validation within the tuning fold. A second stage is then fitted the same
way on each line's row and what the first stage made of the lines around it
(`_core.dump_context_rows`, the code the kind runs): its inputs on the tuning fold
are the first stage's out-of-fold probabilities, as for a page it never saw. The
trees and thresholds of both are written as plain JSON
(`cleaner/rules/kinds/keep_main_run_model.json` and `..._context_model.json`) that
the core evaluates without LightGBM.

It prints the line-selection word F1 (the kept lines' visible text against the
true main content) on the tuning fold (out of fold) and on the validation fold,
next to the dump's whole visible text and the best any line selection can do
(the labels); bench/dumps.py measures the whole pipeline.

    pip install -e '.[train,bench]'
    python bench/train_dump_lines.py                 # train, report, write the model
    python bench/train_dump_lines.py --no-write      # report only
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_blocks
from dumps import html2text_dumps
from train_blocks import (
    _TOKEN,
    PARAMS,
    ROUNDS,
    THRESHOLDS,
    fold_digest,
    label,
    page_weights,
    word_f1,
)
from wcxb import DEFAULT_DATA, load_pages

from cleaner import _core
from cleaner.rules.kinds.keep_main_run import CONTEXT_MODEL_PATH, MODEL_PATH, KeepMainRun

#: What the kind counts as prose by default (the rule may set another).
MIN_PROSE_CHARS = KeepMainRun.model_fields["min_prose_chars"].default
CV_FOLDS = 4


@dataclass
class DumpLines:
    """One page's dump: its lines' feature rows, visible texts and labels."""

    key: str
    page_type: str
    fold: str
    site: str
    rows: np.ndarray
    texts: list[str]
    labels: np.ndarray
    weights: np.ndarray
    truth: str


def featurize(data: Path) -> list[DumpLines]:
    """Every labelled page's html2text dump, read line by line as the kind reads it."""
    columns = len(_core.dump_line_columns())
    pages = []
    for dump in html2text_dumps(load_pages(data)):
        truth = dump.page.truth or ""
        data_bytes, texts = _core.dump_line_rows(dump.text, MIN_PROSE_CHARS)
        if not texts or not truth.strip():
            continue
        words = _TOKEN.findall(truth.lower())
        truth_words, truth_pairs = set(words), set(itertools.pairwise(words))
        labels = np.array([label(text, truth_words, truth_pairs) for text in texts])
        page = dump.page
        pages.append(
            DumpLines(
                page.key,
                page.page_type,
                page.fold,
                page.site,
                np.frombuffer(data_bytes, dtype=np.float32).reshape(-1, columns),
                texts,
                (labels >= 0.5).astype(np.int8),
                page_weights(texts),
                truth,
            )
        )
    return pages


def cached(cache: Path | None, data: Path) -> list[DumpLines]:
    """The featurized dumps, from `cache` when it exists (written there otherwise)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    pages = featurize(data)
    if cache is not None:
        cache.write_bytes(pickle.dumps(pages))
    return pages


#: Per page key, the rows a stage reads (the first stage: `DumpLines.rows`).
Features = dict[str, np.ndarray]


def first_rows(pages: Sequence[DumpLines]) -> Features:
    return {page.key: page.rows for page in pages}


def columns(second: bool) -> list[str]:
    names = list(_core.dump_line_columns())
    return names + list(_core.dump_context_columns()) if second else names


def fit(pages: Sequence[DumpLines], rows: Features, second: bool = False):  # type: ignore[no-untyped-def]
    import lightgbm

    matrix = np.vstack([rows[page.key] for page in pages])
    labels = np.concatenate([page.labels for page in pages])
    weights = np.concatenate([page.weights for page in pages])
    data = lightgbm.Dataset(matrix, labels, weight=weights, feature_name=columns(second))
    return lightgbm.train(PARAMS, data, num_boost_round=ROUNDS)


def out_of_fold(
    pages: Sequence[DumpLines], rows: Features, second: bool = False
) -> dict[str, np.ndarray]:
    """Each page's line probabilities from a model that never saw its site."""
    groups: list[list[DumpLines]] = [[] for _ in range(CV_FOLDS)]
    for page in pages:
        groups[int(fold_digest(page.site) * CV_FOLDS)].append(page)
    probabilities = {}
    for held in groups:
        held_keys = {page.key for page in held}
        booster = fit([page for page in pages if page.key not in held_keys], rows, second)
        for page in held:
            probabilities[page.key] = booster.predict(rows[page.key])
    return probabilities


def second_rows(
    pages: Sequence[DumpLines], first: dict[str, np.ndarray], threshold: float
) -> Features:
    """The second stage's rows of each page, from the first stage's probabilities."""
    width = len(columns(second=True))
    found = {}
    for page in pages:
        data = _core.dump_context_rows(
            page.rows.astype(np.float32).tobytes(), [float(p) for p in first[page.key]], threshold
        )
        found[page.key] = np.frombuffer(data, dtype=np.float32).reshape(-1, width)
    return found


def best_threshold(pages: Sequence[DumpLines], probabilities: dict[str, np.ndarray]) -> float:
    return max(THRESHOLDS, key=lambda value: mean_f1(pages, probabilities, value))


def selection_f1(page: DumpLines, keep: np.ndarray) -> float:
    return word_f1(
        "\n".join(text for text, kept in zip(page.texts, keep, strict=True) if kept), page.truth
    )


def mean_f1(
    pages: Sequence[DumpLines], probabilities: dict[str, np.ndarray], threshold: float
) -> float:
    return float(np.mean([selection_f1(p, probabilities[p.key] >= threshold) for p in pages]))


def report(title: str, pages: Sequence[DumpLines], keep: dict[str, np.ndarray]) -> None:
    """Mean word F1 per page type: the model's lines, the whole dump, the labels' lines."""
    figures: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for page in pages:
        everything = np.ones(len(page.texts), dtype=bool)
        for name, chosen in (
            ("model", keep[page.key]),
            ("dump", everything),
            ("best", page.labels > 0),
        ):
            score = selection_f1(page, chosen)
            figures[name]["all"].append(score)
            figures[name][page.page_type].append(score)
    train_blocks.report(title, figures, train_blocks.REPORTED_TYPES[:-1])


def export(booster, threshold: float, second: bool = False) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from train_blocks import _slim

    dumped = booster.dump_model()
    return {
        "format": "cleaner-trees-1",
        "columns": columns(second),
        "objective": "binary",
        "threshold": threshold,
        "trees": [_slim(tree["tree_structure"]) for tree in dumped["tree_info"]],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-write", action="store_true", help="report only")
    parser.add_argument("--cache", type=Path, help="keep the featurized dumps in this file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pages = cached(args.cache, args.data)
    tune = [page for page in pages if page.fold == "tune"]
    validate = [page for page in pages if page.fold == "validate"]
    print(
        f"{len(pages)} dumps featurized in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )
    rows = first_rows(pages)
    probabilities = out_of_fold(tune, rows)
    threshold = best_threshold(tune, probabilities)
    booster = fit(tune, rows)
    held = {page.key: booster.predict(page.rows) for page in validate}
    keep = {key: p >= threshold for key, p in {**probabilities, **held}.items()}
    report(f"first stage, threshold {threshold}: tune (out of fold)", tune, keep)
    report("first stage: validate", validate, keep)
    rows = second_rows(tune, probabilities, threshold) | second_rows(validate, held, threshold)
    second_probabilities = out_of_fold(tune, rows, second=True)
    second_threshold = best_threshold(tune, second_probabilities)
    second = fit(tune, rows, second=True)
    held = {page.key: second.predict(rows[page.key]) for page in validate}
    keep = {key: p >= second_threshold for key, p in {**second_probabilities, **held}.items()}
    report(f"second stage, threshold {second_threshold}: tune (out of fold)", tune, keep)
    report("second stage: validate", validate, keep)
    if not args.no_write:
        for path, model in (
            (MODEL_PATH, export(booster, threshold)),
            (CONTEXT_MODEL_PATH, export(second, second_threshold, second=True)),
        ):
            path.write_text(json.dumps(model, separators=(",", ":")) + "\n")
            print(f"wrote {path} ({path.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
