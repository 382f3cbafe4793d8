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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from folds import fold_of, site_key
from selectolax.lexbor import LexborHTMLParser

from cleaner.context import Context
from cleaner.dom_phase import run_dom_rules
from cleaner.extract.block_features import COLUMNS
from cleaner.extract.nesting import flatten_deep_nesting
from cleaner.extract.page import drop_never_content
from cleaner.extract.page_blocks import PageBlocks, find_blocks
from cleaner.extract.streamed import place_streamed_content
from cleaner.metadata.page import collect
from cleaner.page_type import classify_page
from cleaner.read import decode
from cleaner.rules.loader import load_ruleset
from cleaner.rules.paths import default_rules_path

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "wcxb" / "dev"
DEFAULT_NEWS = DEFAULT_DATA.parent.parent / "scrapinghub"
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
#: The total training weight of one page's blocks.
PAGE_WEIGHT = 100.0
#: The decision thresholds tried per page type, on the tuning fold's out-of-fold scores.
THRESHOLDS = tuple(round(0.2 + 0.05 * step, 2) for step in range(11))


@dataclass
class PageRows:
    key: str
    page_type: str
    predicted_type: str
    fold: str
    site: str
    rows: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    texts: list[str]
    finder_kept: np.ndarray
    truth: str


def page_blocks(html: str, url: str, ruleset: object) -> tuple[PageBlocks | None, str]:
    """The blocks of a page as `cleaner.clean` sees them (pruned, DOM rules applied), and
    the page type it finds for the page."""
    html = flatten_deep_nesting(html)
    tree = LexborHTMLParser(html)
    place_streamed_content(tree, html)
    ctx = Context(format="html")
    ctx.page_type, _ = classify_page(tree, html, collect(tree), url or None)
    drop_never_content(tree)
    run_dom_rules(ruleset, tree, html, ctx)  # type: ignore[arg-type]
    return (find_blocks(tree.body) if tree.body is not None else None), ctx.page_type or "other"


def page_weights(texts: Sequence[str]) -> np.ndarray:
    """Each block's training weight: the square root of its length (capped), scaled so
    that every page's blocks weigh the same in all (the benchmark averages per page, so a
    page of 900 blocks must not outweigh nine pages of 100)."""
    weights = np.array([math.sqrt(min(len(text), 2000)) for text in texts])
    return weights * (PAGE_WEIGHT / max(weights.sum(), 1e-9))


def label(text: str, truth_words: set[str], truth_pairs: set[tuple[str, str]]) -> float:
    """The share of a block's word pairs (or its one word) found in the true content."""
    words = _TOKEN.findall(text.lower())
    if not words:
        return 0.0
    if len(words) == 1:
        return float(words[0] in truth_words)
    pairs = list(itertools.pairwise(words))
    return sum(pair in truth_pairs for pair in pairs) / len(pairs)


@dataclass(frozen=True)
class Labelled:
    """One page of the training data: its html and url, and its true main content."""

    key: str
    page_type: str
    url: str
    html: str
    content: str


def wcxb_pages(folder: Path) -> Iterator[Labelled]:
    """The WCXB dev pages with a main-content label (their type as the benchmark says)."""
    for path in sorted((folder / "ground-truth").glob("*.json")):
        truth = json.loads(path.read_text())
        content = truth["ground_truth"].get("main_content")
        if content is None:
            continue
        page_type = truth["_internal"]["page_type"]["primary"]
        page_type = "collection" if page_type == "category" else page_type
        html = decode(gzip.decompress((folder / "html" / f"{path.stem}.html.gz").read_bytes()))
        yield Labelled(path.stem, page_type, truth.get("url") or "", html, content)


def news_pages(folder: Path) -> Iterator[Labelled]:
    """The news pages of the article-body benchmark (type "news": reported apart)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        path = folder / "html" / f"{key}.html.gz"
        if path.exists() and truth[key].get("articleBody"):
            html = decode(gzip.decompress(path.read_bytes()))
            entry = truth[key]
            yield Labelled(key, "news", entry.get("url") or "", html, entry["articleBody"])


def load(pages: Iterable[Labelled]) -> list[PageRows]:
    ruleset = load_ruleset([default_rules_path()])
    rows = []
    for page in pages:
        view, predicted = page_blocks(page.html, page.url, ruleset)
        if view is None or not view.blocks:
            continue
        words = _TOKEN.findall(page.content.lower())
        truth_words, truth_pairs = set(words), set(itertools.pairwise(words))
        texts = [block.text for block in view.blocks]
        labels = np.array([label(text, truth_words, truth_pairs) for text in texts])
        site = site_key(page.url)
        rows.append(
            PageRows(
                page.key,
                page.page_type,
                predicted,
                fold_of(site),
                site,
                np.frombuffer(view.features.data, dtype=np.float32).reshape(-1, len(COLUMNS)),
                (labels >= 0.5).astype(np.int8),
                page_weights(texts),
                texts,
                np.array(view.kept, dtype=bool),
                page.content,
            )
        )
    return rows


def cached(cache: Path | None, folder: Path, news: Path | None) -> list[PageRows]:
    """The featurized pages, from `cache` when it exists (written there otherwise)."""
    import pickle

    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    labelled = itertools.chain(wcxb_pages(folder), news_pages(news) if news else ())
    pages = load(labelled)
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


@dataclass(frozen=True)
class Thresholds:
    """The decision threshold per page type (as the page-type classifier predicts it),
    and the one for any other page."""

    by_type: dict[str, float]
    default: float

    def of(self, page: PageRows) -> float:
        return self.by_type.get(page.predicted_type, self.default)


def choose_thresholds(
    pages: Sequence[PageRows], probabilities: dict[str, np.ndarray]
) -> Thresholds:
    """Per predicted page type, the threshold of THRESHOLDS with the best mean word F1
    (out-of-fold scores of the tuning fold); the best over all pages for the rest."""

    def best(group: Sequence[PageRows]) -> float:
        def mean_f1(threshold: float) -> float:
            fixed = Thresholds({}, threshold)
            return float(
                np.mean(scores(group, [probabilities[p.key] for p in group], fixed)["model"]["all"])
            )

        return max(THRESHOLDS, key=mean_f1)

    types = sorted({page.predicted_type for page in pages})
    by_type = {kind: best([p for p in pages if p.predicted_type == kind]) for kind in types}
    return Thresholds(by_type, best(pages))


def scores(
    pages: Sequence[PageRows], probabilities: Sequence[np.ndarray], thresholds: Thresholds
) -> dict[str, dict[str, list[float]]]:
    result: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for page, probability in zip(pages, probabilities, strict=True):
        threshold = thresholds.of(page)
        chosen = "\n".join(
            t for t, p in zip(page.texts, probability, strict=True) if p >= threshold
        )
        finder = "\n".join(t for t, k in zip(page.texts, page.finder_kept, strict=True) if k)
        for name, text in (("model", chosen), ("finder", finder)):
            score = word_f1(text, page.truth)
            result[name][page.page_type].append(score)
            result[name]["all"].append(score)
    return result


#: The page types reported, in order ("news": the article-body benchmark's pages).
REPORTED_TYPES = (
    *("all", "article", "documentation", "service", "forum", "collection", "listing"),
    *("product", "news"),
)


def report(
    title: str,
    result: dict[str, dict[str, list[float]]],
    types: Sequence[str] = REPORTED_TYPES,
) -> None:
    print(f"\n{title}")
    print(f"{'':8}" + "".join(f"{t[:8]:>9}" for t in types))
    for name, by_type in result.items():
        print(
            f"{name:8}"
            + "".join(f"{np.mean(by_type[t]) if by_type[t] else float('nan'):9.3f}" for t in types)
        )


def export(booster, thresholds: Thresholds) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The model's trees and thresholds as plain JSON for `cleaner.trees`."""
    dumped = booster.dump_model()
    return {
        "format": "cleaner-trees-1",
        "columns": list(COLUMNS),
        "objective": "binary",
        "threshold": thresholds.default,
        "thresholds": thresholds.by_type,
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
    parser.add_argument(
        "--news", type=Path, default=DEFAULT_NEWS, help="news pages to train on too"
    )
    parser.add_argument("--no-news", action="store_true", help="train on the WCXB pages only")
    parser.add_argument("--no-write", action="store_true", help="report only")
    parser.add_argument("--cv", type=int, default=4, help="site-grouped folds within tune")
    parser.add_argument("--cache", type=Path, help="keep the featurized pages in this file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pages = cached(args.cache, args.data, None if args.no_news else args.news)
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
    thresholds = choose_thresholds(tune, out_of_fold)
    print(f"thresholds: {thresholds.by_type}, otherwise {thresholds.default}", file=sys.stderr)
    tuned = scores(tune, [out_of_fold[p.key] for p in tune], thresholds)
    report("tune (out of fold, site-grouped CV)", tuned)
    booster = fit(tune)
    report("validate", scores(validate, [booster.predict(p.rows) for p in validate], thresholds))
    if not args.no_write:
        model = export(booster, thresholds)
        MODEL_PATH.write_text(json.dumps(model, separators=(",", ":")) + "\n")
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
