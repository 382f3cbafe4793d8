"""How far the page's own title wordings can take title exact match on the WCXB dev split.

Why
---
cleaner's titles come from hand-set rules (`cleaner.metadata.titles`): the
visible headline unless nothing confirms it. On most pages where they miss,
the true title is one of the other wordings the page offers (another h1, a
metadata title less the site's name), so a learned ranker over those
wordings was tried. This script is that experiment, kept so that it can be
run again when a new feature or candidate is thought of: it ships no model.

What it prints
--------------
1. Per fold and page type: the rules' exact match, and the share of pages
   whose true title is among the candidates (`title_candidates`), the most
   any chooser among them can reach.
2. Pages where the first headline h1 and the first metadata title (less the
   site's name) disagree and the truth is one of the two: how often it is
   which, per page type (the benchmark's label). Where the two are near even,
   no chooser of one of them does much better than the rules.
3. A LightGBM candidate ranker: each candidate gets the feature row of
   `title_candidates.feature_rows` (one feature says whether the rules chose
   it) and the label "is the true title" (bench/wcxb.py's `normalize_field`);
   the highest-scoring candidate replaces the rules' choice when its
   probability is at least a threshold and above that of the rules' choice
   (`title_candidates.pick`). Site-grouped cross-validation on the tuning
   fold only (bench/folds.py; within it a site's pages stay in one of
   `CV_FOLDS` folds, `CV_REPEATS` shuffles) chooses the parameters of `GRID`,
   the round count of `ROUNDS` and the threshold of `THRESHOLDS`: within
   `TOLERANCE` of the best exact match, the smallest model, then the highest
   threshold. It reports the tuning fold out of fold and the validation fold
   (the model trained on the whole tuning fold, deterministically: fixed
   seed, one thread), next to the rules. The validation fold chooses nothing.

How to run
----------
From the repository root, with the `train` extra installed
(`pip install -e '.[train]'`)::

    python bench/title_study.py                   # about twenty seconds
    python bench/title_study.py --data DIR
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from selectolax.lexbor import LexborHTMLParser
from title_candidates import COLUMNS, feature_rows, gather_candidates, pick, same_title_key
from wcxb import DEFAULT_DATA, PAGE_TYPES, Page, load_pages, normalize_field

from cleaner.extract.nesting import flatten_deep_nesting
from cleaner.extract.streamed import place_streamed_content
from cleaner.metadata.page import collect, page_url
from cleaner.metadata.site_names import site_names_of, strip_site
from cleaner.metadata.titles import (
    headline_names,
    main_part,
    metadata_titles,
    rule_title,
    site_title,
)
from cleaner.page_type import classify_page
from cleaner.read import decode
from cleaner.urls import is_home_page, site_of

SEED = 20250307
CV_FOLDS = 5
CV_REPEATS = 3
BASE_PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.05,
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
    for leaves in (4, 8, 16)
    for min_data in (10, 20, 40)
)
ROUNDS = (50, 100, 200, 300)
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)
#: Within this share of pages of the best CV exact match, the smaller model (then the higher
#: threshold) wins: half a point, under the standard error of a share of a thousand pages.
TOLERANCE = 0.005
GROUPS = ("all", *PAGE_TYPES)


@dataclass(frozen=True)
class PageCandidates:
    """One page's title candidates: feature rows, labels, and where the page belongs."""

    key: str
    site: str
    fold: str
    page_type: str  # the benchmark's label, for the tables
    rows: np.ndarray
    labels: np.ndarray
    rule: int | None  # the rules' choice among the candidates
    first_h1: int | None  # the first headline h1
    first_metadata: int | None  # the first metadata title's headline part


def featurize(page: Page) -> PageCandidates:
    """The page's candidates and their features, as `cleaner.clean` would see the page."""
    html = flatten_deep_nesting(decode(page.html))
    tree = LexborHTMLParser(html)
    place_streamed_content(tree, html)
    signals = collect(tree)
    found = page_url(signals, page.url or None)
    url = found[0] if found is not None else None
    page_type, _ = classify_page(tree, html, signals, url)
    names = site_names_of(signals, site_of(url) or site_of(page.url or None))
    home = is_home_page(page.url or url)
    names = headline_names(signals, names)
    titles = gather_candidates(signals, names, home, rule_title(signals, names, home))
    keys = [same_title_key(candidate.text) for candidate in titles.candidates]
    metadata = metadata_titles(signals)
    first = None
    if metadata:
        raw = metadata[0].text
        part = site_title(raw, names) if home else main_part(strip_site(raw, names))
        first = _index(keys, same_title_key(part))
    truth = normalize_field("title", page.fields["title"])
    rows = feature_rows(titles, page_type, home, names)
    return PageCandidates(
        key=page.key,
        site=page.site,
        fold=page.fold,
        page_type=page.page_type,
        rows=np.array(rows, dtype=np.float32).reshape(-1, len(COLUMNS)),
        labels=np.array(
            [normalize_field("title", c.text) == truth for c in titles.candidates], dtype=int
        ),
        rule=next((i for i, c in enumerate(titles.candidates) if c.rule), None),
        first_h1=next((i for i, c in enumerate(titles.candidates) if c.h1_index == 0), None),
        first_metadata=first,
    )


def _index(keys: list[str], key: str) -> int | None:
    return keys.index(key) if key in keys else None


def right_at(page: PageCandidates, index: int | None) -> bool:
    return index is not None and bool(page.labels[index])


# --- the ranker -------------------------------------------------------------------------------


def ranker_right(page: PageCandidates, probabilities: np.ndarray, threshold: float) -> bool:
    """Whether the ranker's choice is the true title (with fewer than two candidates, the
    rules' choice stands)."""
    if len(page.labels) < 2:
        return right_at(page, page.rule)
    return right_at(page, pick(probabilities.tolist(), page.rule, threshold))


def site_folds(pages: Sequence[PageCandidates], repeat: int) -> list[list[int]]:
    """Indexes of the pages in each of CV_FOLDS folds; a site's pages in one fold."""
    folds: list[list[int]] = [[] for _ in range(CV_FOLDS)]
    for index, page in enumerate(pages):
        digest = hashlib.sha256(f"{SEED}-{repeat}\n{page.site}".encode()).digest()
        folds[int.from_bytes(digest[:8], "big") * CV_FOLDS >> 64].append(index)
    return folds


def fit(pages: Sequence[PageCandidates], params: dict[str, Any], rounds: int) -> Any:
    """A booster on the candidates of the pages with two or more, each page weighing 1."""
    import lightgbm

    ranked = [page for page in pages if len(page.labels) >= 2]
    data = lightgbm.Dataset(
        np.vstack([page.rows for page in ranked]),
        np.concatenate([page.labels for page in ranked]),
        weight=np.concatenate([np.full(len(p.labels), 1.0 / len(p.labels)) for p in ranked]),
    )
    return lightgbm.train({**BASE_PARAMS, **params}, data, num_boost_round=rounds)


def predict(booster: Any, pages: Sequence[PageCandidates], rounds: int) -> dict[str, np.ndarray]:
    """Each page's candidate probabilities (zeros for a page with fewer than two)."""
    ranked = [page for page in pages if len(page.labels) >= 2]
    found = {page.key: np.zeros(len(page.labels)) for page in pages}
    if ranked:
        scores = booster.predict(np.vstack([p.rows for p in ranked]), num_iteration=rounds)
        ends = np.cumsum([len(page.labels) for page in ranked])[:-1]
        found.update(zip((p.key for p in ranked), np.split(scores, ends), strict=True))
    return found


@dataclass(frozen=True)
class Choice:
    """A grid point, round count and threshold with its CV exact match on the tuning fold."""

    grid: int
    rounds: int
    threshold: float
    score: float

    @property
    def size(self) -> int:
        return int(GRID[self.grid]["num_leaves"]) * self.rounds


OutOfFold = dict[tuple[int, int, int], dict[str, np.ndarray]]


def cross_validate(pages: Sequence[PageCandidates]) -> tuple[list[Choice], OutOfFold]:
    """CV exact match of every grid point, round count and threshold; and the out-of-fold
    probabilities per (grid index, rounds, repeat)."""
    out_of_fold: OutOfFold = defaultdict(dict)
    for grid, params in enumerate(GRID):
        for repeat in range(CV_REPEATS):
            for held in site_folds(pages, repeat):
                held_pages = [pages[i] for i in held]
                rest = set(held)
                booster = fit([p for i, p in enumerate(pages) if i not in rest], params,
                              max(ROUNDS))  # fmt: skip
                for rounds in ROUNDS:
                    out_of_fold[(grid, rounds, repeat)].update(predict(booster, held_pages, rounds))
    scores = [
        Choice(grid, rounds, threshold, _mean_right(pages, out_of_fold, grid, rounds, threshold))
        for grid in range(len(GRID))
        for rounds in ROUNDS
        for threshold in THRESHOLDS
    ]
    return scores, out_of_fold


def _mean_right(
    pages: Sequence[PageCandidates],
    out_of_fold: OutOfFold,
    grid: int,
    rounds: int,
    threshold: float,
) -> float:
    right = sum(
        ranker_right(page, out_of_fold[(grid, rounds, repeat)][page.key], threshold)
        for repeat in range(CV_REPEATS)
        for page in pages
    )
    return right / (len(pages) * CV_REPEATS)


def choose(scores: Sequence[Choice]) -> Choice:
    """The smallest model, then the highest threshold, within TOLERANCE of the best."""
    best = max(choice.score for choice in scores)
    within = [choice for choice in scores if choice.score >= best - TOLERANCE]
    return min(within, key=lambda c: (c.size, -c.threshold, -c.score))


# --- tables -----------------------------------------------------------------------------------


def in_group(page: PageCandidates, group: str) -> bool:
    return group in ("all", page.page_type)


def share_row(
    label: str, pages: Sequence[PageCandidates], right: Callable[[PageCandidates], bool]
) -> str:
    """`label`, then the share of pages of each group for which `right` holds."""
    cells = []
    for group in GROUPS:
        chosen = [right(page) for page in pages if in_group(page, group)]
        cells.append(f"{sum(chosen) / len(chosen):9.3f}" if chosen else f"{'-':>9}")
    return f"{label:18}" + "".join(cells)


def header(title: str) -> None:
    print(f"\n{title:18}" + "".join(f"{group[:8]:>9}" for group in GROUPS))


def print_coverage(folds: dict[str, list[PageCandidates]]) -> None:
    header("exact match")
    for name, pages in folds.items():
        print(share_row(f"rules {name}", pages, lambda p: right_at(p, p.rule)))
        print(share_row(f"any cand. {name}", pages, lambda p: bool(p.labels.any())))
    for name, pages in folds.items():
        counts = "".join(f"{sum(1 for p in pages if in_group(p, g)):9d}" for g in GROUPS)
        print(f"{'pages ' + name:18}{counts}")


def print_disagreements(folds: dict[str, list[PageCandidates]]) -> None:
    """Where the first h1 and the first metadata title disagree: which the truth follows."""
    header("h1/metadata")
    for name, pages in folds.items():
        tally: Counter[tuple[str, str]] = Counter()
        for page in pages:
            h1, metadata = page.first_h1, page.first_metadata
            if h1 is None or metadata is None or h1 == metadata:
                continue
            for group in GROUPS:
                if in_group(page, group):
                    tally[(group, "h1")] += right_at(page, h1)
                    tally[(group, "metadata")] += right_at(page, metadata)
        cells = "".join(f"{tally[(g, 'h1')]:>5}/{tally[(g, 'metadata')]:<3}" for g in GROUPS)
        print(f"{'truth ' + name:18}{cells}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="WCXB dev folder")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    pages = [featurize(page) for page in load_pages(args.data)]
    folds = {name: [p for p in pages if p.fold == name] for name in ("tune", "validate")}
    print(f"{len(pages)} pages featurized in {time.perf_counter() - started:.1f} s, "
          f"{sum(len(p.labels) for p in pages)} candidates, {len(COLUMNS)} features")  # fmt: skip
    print_coverage(folds)
    print_disagreements(folds)

    tune, validate = folds["tune"], folds["validate"]
    scores, out_of_fold = cross_validate(tune)
    chosen, best = choose(scores), max(scores, key=lambda c: c.score)
    print(f"\nranker: {GRID[chosen.grid]}, {chosen.rounds} rounds, threshold {chosen.threshold}, "
          f"CV exact match {chosen.score:.4f} (best {best.score:.4f}: {GRID[best.grid]}, "
          f"{best.rounds} rounds, threshold {best.threshold})")  # fmt: skip
    first_repeat = out_of_fold[(chosen.grid, chosen.rounds, 0)]
    booster = fit(tune, GRID[chosen.grid], chosen.rounds)
    on_validate = predict(booster, validate, chosen.rounds)
    header("exact match")
    print(share_row("rules tune", tune, lambda p: right_at(p, p.rule)))
    print(share_row("ranker tune (CV)", tune,
                    lambda p: ranker_right(p, first_repeat[p.key], chosen.threshold)))  # fmt: skip
    print(share_row("rules validate", validate, lambda p: right_at(p, p.rule)))
    print(share_row("ranker validate", validate,
                    lambda p: ranker_right(p, on_validate[p.key], chosen.threshold)))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
