"""What each text rule costs: the text phase's time with the rule left out, against all rules.

Why
---
A rule's cost shows nowhere else: a pattern the prefilter cannot rule out cheaply
(a case-insensitive alternation of phrases in eight languages, a long counted
lead before its phrase) passes every example and every test while the text
phase runs five times slower. Run this after adding or widening a rule: the
rules whose absence saves the most come first.

How
---
The bench/text_throughput.py corpus (seed 1, `--mb` MB) is cleaned once with
every shipped rule and once with each text rule left out (the DOM rules never
run on it); each timing is the best of `--repeat` runs. A rule's cost is the
share of the full run's time that leaving it out saves; shares under a few
percent are noise on a shared machine.

    python bench/rule_cost.py               # every text rule, 2 MB
    python bench/rule_cost.py --top 10 --mb 4
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from text_throughput import FIXTURES, WARM_UP_MB, build_corpus, load_seeds, warm_up

from cleaner import Cleaner
from cleaner.rules.paths import default_rules_path

#: The rule kinds that run on the DOM, not in the text phase.
DOM_KINDS = {"drop_elements", "lift_captions"}


RuleFile = tuple[Path, list[dict[str, Any]]]


def rule_files() -> list[RuleFile]:
    """The shipped rule files in load order, each with its rules, read once."""
    paths = sorted(Path(default_rules_path()).rglob("*.yaml"))
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8")) or []) for path in paths]


def text_rule_ids(files: Sequence[RuleFile]) -> list[str]:
    """The ids of the text rules in `files`, in file order."""
    return [rule["id"] for _, rules in files for rule in rules if rule.get("kind") not in DOM_KINDS]


def without(files: Sequence[RuleFile], rule_id: str, folder: Path) -> list[str]:
    """The rule files with `rule_id` left out (the file holding it rewritten in `folder`)."""
    paths = []
    for path, rules in files:
        kept = [rule for rule in rules if rule["id"] != rule_id]
        if len(kept) == len(rules):
            paths.append(str(path))
            continue
        copy = folder / f"{path.parent.name}-{path.name}"
        copy.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), "utf-8")
        paths.append(str(copy))
    return paths


def seconds(
    rules: Sequence[str], documents: Sequence[str], warm: Sequence[str], repeat: int
) -> float:
    """The best of `repeat` timings of cleaning `documents` with `rules`, after `warm`
    (the lazy automata build their states as text needs them, untimed)."""
    cleaner = Cleaner(rules=list(rules))
    warm_up(cleaner, warm)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for document in documents:
            cleaner.clean(document)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per rule set (best kept)")
    parser.add_argument("--top", type=int, default=15, help="rules to list (default 15)")
    args = parser.parse_args(argv)
    seeds = load_seeds(FIXTURES)
    documents = build_corpus(seeds, args.mb, seed=1)
    warm = build_corpus(seeds, WARM_UP_MB, seed=2)
    files = rule_files()
    full = seconds([str(path) for path, _ in files], documents, warm, args.repeat)
    print(f"{len(documents)} documents, {args.mb} MB: every rule {full:.3f} s")
    costs = []
    with tempfile.TemporaryDirectory() as folder:
        for rule_id in text_rule_ids(files):
            rest = without(files, rule_id, Path(folder))
            costs.append((1 - seconds(rest, documents, warm, args.repeat) / full, rule_id))
    print(f"{'rule':32}{'share of the time it costs':>28}")
    for share, rule_id in sorted(costs, reverse=True)[: args.top]:
        print(f"{rule_id:32}{share:>27.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
