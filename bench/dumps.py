"""Text and Markdown dumps of the WCXB dev pages through cleaner: what it keeps and what it flags.

Three kinds of input, each built from the 1,497 WCXB dev pages
(`../shared/bench/wcxb/dev`, README there) and scored against the pages' true
main content with the benchmark's word metric (bench/wcxb.py):

* `clean`: the true main content itself, as plain text: already clean, so
  cleaner should leave it alone. Reported: the share of texts cleaner changes
  (its title, section and body together hold other words than the input), word
  recall (the title and section it keeps as fields count as kept), and the
  share of files `cleaner lint` reports findings in other than a title or date
  capture, with the rules behind them.
* `html2text`: the whole page converted by html2text (`body_width=0`): the
  navigation, footer and the rest of the page furniture with the article.
* `trafilatura`: trafilatura's `favor_recall` Markdown output with links,
  images and tables: the article with what a recall-minded extractor keeps.

For the two dump kinds it prints precision, recall and F1 of the dump itself
and of cleaner's output on it, overall and per page type. Every figure is
given for the tuning fold and the validation fold (bench/folds.py: two thirds
of the sites tune, the rest validate); rules are tuned on the first only.

    python bench/dumps.py --kind clean
    python bench/dumps.py --kind html2text --fold tune     # needs html2text (the bench extra)
    python bench/dumps.py --kind trafilatura
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wcxb import DEFAULT_DATA, GROUPS, Page, load_pages, tokens, word_scores

from cleaner import Cleaner
from cleaner.read import decode
from cleaner.rules.loader import load_ruleset
from cleaner.rules.paths import default_rules_path
from cleaner.rules.ruleset import RuleSet

KINDS = ("clean", "html2text", "trafilatura")
FOLDS = ("tune", "validate")
#: Fields whose capture a corpus lint of clean articles is expected to report: the
#: article's own headline and date line are metadata.
EXPECTED_FIELDS = frozenset({"title", "date"})


def expected_findings(ruleset: RuleSet) -> frozenset[str]:
    """The rules whose findings on a clean article are expected: the captures of a title
    or a date (EXPECTED_FIELDS), read from the rules themselves."""
    return frozenset(
        rule.id
        for rule in ruleset.text_rules
        if rule.kind == "capture" and getattr(rule, "field", None) in EXPECTED_FIELDS
    )


@dataclass(frozen=True)
class Dump:
    """One page's dump and the page it came from."""

    page: Page
    text: str


def clean_dumps(pages: Sequence[Page]) -> list[Dump]:
    """The true main content of every labelled page, as the input."""
    return [Dump(page, page.truth) for page in pages if page.truth and page.truth.strip()]


def html2text_dumps(pages: Sequence[Page]) -> list[Dump]:
    """Each page's whole body through html2text, lines unwrapped."""
    import html2text

    def convert(html: str) -> str:
        converter = html2text.HTML2Text()
        converter.body_width = 0
        return str(converter.handle(html))

    return _converted(pages, convert)


def trafilatura_dumps(pages: Sequence[Page]) -> list[Dump]:
    """trafilatura's recall-favouring Markdown of each page, links, images and tables kept."""
    import trafilatura

    def convert(html: str) -> str:
        return (
            trafilatura.extract(
                html,
                output_format="markdown",
                favor_recall=True,
                include_links=True,
                include_images=True,
                include_tables=True,
            )
            or ""
        )

    return _converted(pages, convert)


def _converted(pages: Sequence[Page], convert: Callable[[str], str]) -> list[Dump]:
    return [Dump(page, convert(decode(page.html))) for page in pages if page.truth is not None]


BUILDERS: dict[str, Callable[[Sequence[Page]], list[Dump]]] = {
    "clean": clean_dumps,
    "html2text": html2text_dumps,
    "trafilatura": trafilatura_dumps,
}


@dataclass
class CleanTally:
    """The clean-text figures of one fold: texts, changed texts, words kept, files flagged."""

    texts: int = 0
    changed: int = 0
    words: int = 0
    lost: int = 0
    flagged: int = 0
    rules: Counter[str] = field(default_factory=Counter)

    def add(
        self, text: str, kept: Counter[str], findings: set[str], expected: frozenset[str]
    ) -> None:
        """Count one clean text, the words cleaner kept of it, and the rules it flagged
        (those not `expected`)."""
        given = tokens(text)
        self.texts += 1
        self.changed += kept != given
        self.words += sum(given.values())
        self.lost += sum((given - kept).values())
        unexpected = findings - expected
        self.flagged += bool(unexpected)
        self.rules.update(unexpected)


def run_clean(dumps: Sequence[Dump], fold: str) -> None:
    """Clean texts through `clean` and `lint`: changed share, recall, flagged files."""
    from cleaner.lint.analysis import HtmlInputError, analyze

    cleaner = Cleaner()
    ruleset = load_ruleset([default_rules_path()])
    expected = expected_findings(ruleset)
    tallies = {name: CleanTally() for name in FOLDS}
    for dump in dumps:
        if fold != "all" and dump.page.fold != fold:
            continue
        document = cleaner.clean(dump.text)
        kept = tokens(document.text) + tokens(document.title or "") + tokens(document.section or "")
        try:
            findings = {removal.rule for removal in analyze(ruleset, dump.text).removals}
        except HtmlInputError:
            findings = {"(read as HTML)"}
        tallies[dump.page.fold].add(dump.text, kept, findings, expected)
    print(f"{'clean texts':24}{'texts':>8}{'changed':>9}{'recall':>9}{'flagged':>9}")
    for name, tally in tallies.items():
        if tally.texts:
            print(
                f"{name:24}{tally.texts:8d}{tally.changed / tally.texts:9.1%}"
                f"{1 - tally.lost / max(tally.words, 1):9.4f}{tally.flagged / tally.texts:9.1%}"
            )
    print("\nrules behind the flagged files (files per rule, tuning fold):")
    for rule, count in tallies["tune"].rules.most_common():
        print(f"  {rule:32}{count:6d}")


def run_dumps(dumps: Sequence[Dump], fold: str) -> None:
    """Dumps through `clean`: P/R/F1 of the dump and of cleaner's output, per page type."""
    cleaner = Cleaner()
    scores: dict[tuple[str, str, str], list[tuple[float, float, float]]] = {}
    for dump in dumps:
        if fold != "all" and dump.page.fold != fold:
            continue
        truth = dump.page.truth or ""
        cleaned = cleaner.clean(dump.text).text
        for name, text in (("dump", dump.text), ("cleaned", cleaned)):
            score = word_scores(truth, text)
            for group in ("all", dump.page.page_type):
                scores.setdefault((name, dump.page.fold, group), []).append(score)
    print(f"{'P / R / F1':24}" + "".join(f"{group[:8]:>18}" for group in GROUPS))
    for name in ("dump", "cleaned"):
        for fold_name in FOLDS:
            cells = [_cell(scores.get((name, fold_name, group), [])) for group in GROUPS]
            print(f"{name + ' ' + fold_name:24}" + "".join(f"{cell:>18}" for cell in cells))


def _cell(values: list[tuple[float, float, float]]) -> str:
    if not values:
        return "-"
    count = len(values)
    precision, recall, f1 = (sum(value[i] for value in values) / count for i in range(3))
    return f"{precision:.2f}/{recall:.2f}/{f1:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the dev split folder")
    parser.add_argument("--kind", choices=KINDS, default="clean", help="what to feed cleaner")
    parser.add_argument("--fold", choices=(*FOLDS, "all"), default="all", help="pages to run")
    args = parser.parse_args(argv)
    dumps = BUILDERS[args.kind](load_pages(args.data))
    print(f"{len(dumps)} {args.kind} inputs from {args.data}\n")
    if args.kind == "clean":
        run_clean(dumps, args.fold)
    else:
        run_dumps(dumps, args.fold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
