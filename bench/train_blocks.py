"""Train the block classifier on the WCXB dev split's tuning fold; report both folds.

What it does
------------
Every page of the dev split (`../shared/bench/wcxb/dev`) goes through the HTML
path of cleaner up to its text blocks, exactly as `cleaner.clean` would take it
(parse, prune never-content elements, DOM rules, the prose-based finder), and
each block gets the feature row of `cleaner.extract.block_features` and a label:
the share of its word pairs (single words for one-word blocks) found in the
page's true main content, content when at least half are.

A LightGBM model is fitted on the tuning fold's blocks only (bench/folds.py:
the sites of the validation fold are never seen), deterministically (fixed
seed, one thread), weighted by the square root of each block's length so long
runs count more than labels. Its trees are written as plain JSON
(`cleaner/extract/block_model.json`) that `cleaner.trees` evaluates at run
time without LightGBM.

It prints the block-selection word F1 (the blocks a threshold keeps, joined,
against the true main content, with the benchmark's metric) per page type on
the tuning fold (out-of-fold, from site-grouped cross-validation) and on the
validation fold, next to the finder's own choice; bench/wcxb.py measures the
whole pipeline.

    pip install -e '.[train]'
    python bench/train_blocks.py                      # train, report, write the model
    python bench/train_blocks.py --no-write           # report only
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from folds import fold_of, site_key
from selectolax.lexbor import LexborHTMLParser

from cleaner.buffer import TextBuffer
from cleaner.context import Context
from cleaner.dom_phase import run_dom_rules
from cleaner.extract.block_features import COLUMNS
from cleaner.extract.nesting import flatten_deep_nesting
from cleaner.extract.page import drop_never_content
from cleaner.extract.page_blocks import PageBlocks, find_blocks
from cleaner.read import decode
from cleaner.rules.loader import load_ruleset
from cleaner.rules.paths import default_rules_path

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "wcxb" / "dev"
MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner" / "extract" / "block_model.json"
_TOKEN = re.compile(r"\w+")
SEED = 7
PARAMS = {
    "objective": "binary",
    "learning_rate": 0.1,
    "num_leaves": 15,
    "max_depth": 6,
    "min_child_samples": 100,
    "subsample": 0.8,
    "subsample_freq": 1,
    "colsample_bytree": 0.8,
    "reg_lambda": 1.0,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 1,
    "seed": SEED,
    "verbose": -1,
}
ROUNDS = 100
THRESHOLD = 0.6


@dataclass
class PageRows:
    key: str
    page_type: str
    fold: str
    site: str
    rows: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    texts: list[str]
    finder_kept: np.ndarray
    truth: str


def page_blocks(html: str, ruleset: object) -> PageBlocks | None:
    """The blocks of a page as `cleaner.clean` sees them: pruned, DOM rules applied."""
    tree = LexborHTMLParser(flatten_deep_nesting(html))
    drop_never_content(tree)
    run_dom_rules(ruleset, tree, html, Context(TextBuffer(""), format="html"))  # type: ignore[arg-type]
    return find_blocks(tree.body) if tree.body is not None else None


def label(text: str, truth_words: set[str], truth_pairs: set[tuple[str, str]]) -> float:
    """The share of a block's word pairs (or its one word) found in the true content."""
    words = _TOKEN.findall(text.lower())
    if not words:
        return 0.0
    if len(words) == 1:
        return float(words[0] in truth_words)
    pairs = list(itertools.pairwise(words))
    return sum(pair in truth_pairs for pair in pairs) / len(pairs)


def load(folder: Path) -> list[PageRows]:
    ruleset = load_ruleset([default_rules_path()])
    pages = []
    for path in sorted((folder / "ground-truth").glob("*.json")):
        truth = json.loads(path.read_text())
        content = truth["ground_truth"].get("main_content")
        if content is None:
            continue
        url = truth.get("url") or ""
        page_type = truth["_internal"]["page_type"]["primary"]
        page_type = "collection" if page_type == "category" else page_type
        html = decode(gzip.decompress((folder / "html" / f"{path.stem}.html.gz").read_bytes()))
        view = page_blocks(html, ruleset)
        if view is None or not view.blocks:
            continue
        words = _TOKEN.findall(content.lower())
        truth_words, truth_pairs = set(words), set(itertools.pairwise(words))
        texts = [block.text for block in view.blocks]
        labels = np.array([label(text, truth_words, truth_pairs) for text in texts])
        site = site_key(url)
        pages.append(
            PageRows(
                path.stem,
                page_type,
                fold_of(site),
                site,
                view.features(),
                (labels >= 0.5).astype(np.int8),
                np.array([math.sqrt(min(len(text), 2000)) for text in texts]),
                texts,
                np.array(view.kept, dtype=bool),
                content,
            )
        )
    return pages


def cached(cache: Path | None, folder: Path) -> list[PageRows]:
    """The featurized pages, from `cache` when it exists (written there otherwise)."""
    import pickle

    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    pages = load(folder)
    if cache is not None:
        cache.write_bytes(pickle.dumps(pages))
    return pages


def word_f1(predicted: str, truth: str) -> float:
    found, true = Counter(_TOKEN.findall(predicted.lower())), Counter(_TOKEN.findall(truth.lower()))
    if not true:
        return 1.0 if not found else 0.0
    overlap = sum((found & true).values())
    return 2 * overlap / (sum(found.values()) + sum(true.values())) if overlap else 0.0


def fit(pages: Sequence[PageRows]):  # type: ignore[no-untyped-def]
    import lightgbm

    rows = np.vstack([page.rows for page in pages])
    labels = np.concatenate([page.labels for page in pages])
    weights = np.concatenate([page.weights for page in pages])
    data = lightgbm.Dataset(rows, labels, weight=weights, feature_name=list(COLUMNS))
    return lightgbm.train(PARAMS, data, num_boost_round=ROUNDS)


def site_groups(pages: Sequence[PageRows], count: int) -> list[list[PageRows]]:
    """The pages split into `count` groups by site (a site's pages stay together)."""
    groups: list[list[PageRows]] = [[] for _ in range(count)]
    for page in pages:
        groups[int(fold_digest(page.site) * count)].append(page)
    return groups


def fold_digest(site: str) -> float:
    import hashlib

    digest = hashlib.sha256(f"cv\n{site}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def scores(
    pages: Sequence[PageRows], probabilities: Sequence[np.ndarray]
) -> dict[str, dict[str, list[float]]]:
    result: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for page, probability in zip(pages, probabilities, strict=True):
        chosen = "\n".join(
            t for t, p in zip(page.texts, probability, strict=True) if p >= THRESHOLD
        )
        finder = "\n".join(t for t, k in zip(page.texts, page.finder_kept, strict=True) if k)
        for name, text in (("model", chosen), ("finder", finder)):
            score = word_f1(text, page.truth)
            result[name][page.page_type].append(score)
            result[name]["all"].append(score)
    return result


def report(title: str, result: dict[str, dict[str, list[float]]]) -> None:
    types = [
        "all",
        "article",
        "documentation",
        "service",
        "forum",
        "collection",
        "listing",
        "product",
    ]
    print(f"\n{title}")
    print(f"{'':8}" + "".join(f"{t[:8]:>9}" for t in types))
    for name, by_type in result.items():
        print(
            f"{name:8}"
            + "".join(f"{np.mean(by_type[t]) if by_type[t] else float('nan'):9.3f}" for t in types)
        )


def export(booster) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The model's trees as plain JSON for `cleaner.trees`."""
    dumped = booster.dump_model()
    return {
        "format": "cleaner-trees-1",
        "columns": list(COLUMNS),
        "objective": "binary",
        "threshold": THRESHOLD,
        "trees": [_slim(tree["tree_structure"]) for tree in dumped["tree_info"]],
    }


def _slim(node: dict[str, object]) -> dict[str, object]:
    """A dumped tree node with only what evaluating it needs."""
    if "leaf_value" in node:
        return {"leaf_value": node["leaf_value"]}
    return {
        "split_feature": node["split_feature"],
        "threshold": node["threshold"],
        "decision_type": node["decision_type"],
        "left_child": _slim(node["left_child"]),  # type: ignore[arg-type]
        "right_child": _slim(node["right_child"]),  # type: ignore[arg-type]
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-write", action="store_true", help="report only")
    parser.add_argument("--cv", type=int, default=4, help="site-grouped folds within tune")
    parser.add_argument("--cache", type=Path, help="keep the featurized pages in this file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pages = cached(args.cache, args.data)
    tune = [p for p in pages if p.fold == "tune"]
    validate = [p for p in pages if p.fold == "validate"]
    print(
        f"{len(pages)} pages featurized in {time.perf_counter() - started:.1f} s;"
        f" {sum(len(p.texts) for p in tune)} tuning blocks",
        file=sys.stderr,
    )
    out_of_fold: dict[str, np.ndarray] = {}
    for held in site_groups(tune, args.cv):
        rest = [p for p in tune if p not in held]
        booster = fit(rest)
        for page in held:
            out_of_fold[page.key] = booster.predict(page.rows)
    report("tune (out of fold, site-grouped CV)", scores(tune, [out_of_fold[p.key] for p in tune]))
    booster = fit(tune)
    report("validate", scores(validate, [booster.predict(p.rows) for p in validate]))
    if not args.no_write:
        MODEL_PATH.write_text(json.dumps(export(booster), separators=(",", ":")) + "\n")
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
