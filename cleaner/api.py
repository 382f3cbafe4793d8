"""The library face: `Cleaner` (compile rules once, clean many inputs) and `clean`."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cleaner.document import Document, Format, check_known
from cleaner.options import DEFAULT_OPTIONS, CleanKeywords, CleanOptions
from cleaner.pipeline import clean_raw
from cleaner.rules.loader import load_ruleset
from cleaner.rules.paths import default_rules_path
from cleaner.rules.ruleset import RuleSet

if TYPE_CHECKING:
    from typing_extensions import Unpack

RulePaths = Sequence[str | Path]


class Cleaner:
    """Holds one compiled rule set; `clean` is safe to call from many threads at once.

    `rules` replaces the shipped rules with the given files and folders;
    `extra_rules` adds files and folders to them. `options` are the
    `CleanOptions` a call to `clean` uses when it passes none.

    A Cleaner pickles as its rule sources and options, and is compiled again
    where it is unpickled: so it can be shipped to the processes of a pool, a
    Spark or Dask worker, without their compiled patterns.
    """

    def __init__(
        self,
        rules: RulePaths | None = None,
        *,
        extra_rules: RulePaths = (),
        options: CleanOptions = DEFAULT_OPTIONS,
    ) -> None:
        paths = [default_rules_path()] if rules is None else list(rules)
        self.ruleset: RuleSet = load_ruleset([*paths, *extra_rules])
        self.options = options
        self._sources = (None if rules is None else tuple(rules), tuple(extra_rules))
        self._warm_up()

    def clean(
        self,
        raw: str | bytes,
        *,
        url: str | None = None,
        format: Format | None = None,
        options: CleanOptions | None = None,
        known: Mapping[str, str | None] | None = None,
        **keywords: Unpack[CleanKeywords],
    ) -> Document:
        """Clean one raw page or dump; the format is detected unless given.

        `options` (a `CleanOptions`: time limit, crawl date, content type,
        over-removal limit, mojibake repair, Markdown output) default to this
        Cleaner's. Any of their fields may also be passed as a keyword, which
        overrides the same field of `options`: `clean(raw, timeout=None)`,
        `clean(raw, options=run, crawl_date="2024-05-20")`,
        `clean(raw, markdown=True)` (`doc.markdown`: the body as Markdown).

        `known` is metadata the caller already has for this input (a feed's
        title, a CMS's author): it is taken as given, and the rules do not
        look for it in the body. `clean(doc.text, known=doc.known_fields())`
        gives `doc.text` back.
        """
        if known:
            check_known(known)
        chosen = (options or self.options).with_keywords(keywords)
        return clean_raw(self.ruleset, raw, url=url, format=format, options=chosen, known=known)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as the rule sources and options; the rules compile again on unpickling."""
        rules, extra_rules = self._sources
        return (_rebuilt, (rules, extra_rules, self.options))

    def _warm_up(self) -> None:
        """Build every derived table now, so threads never race to build them."""
        ruleset = self.ruleset
        _ = ruleset.text_rules, ruleset.dom_rules, ruleset.dom_prefilter, ruleset.text_core
        _ = ruleset.text_rule_ids


def _rebuilt(rules: RulePaths | None, extra_rules: RulePaths, options: CleanOptions) -> Cleaner:
    """A Cleaner compiled again from what `Cleaner.__reduce__` kept."""
    return Cleaner(rules, extra_rules=extra_rules, options=options)


_default: Cleaner | None = None
_default_lock = threading.Lock()


def default_cleaner() -> Cleaner:
    """The process-wide Cleaner with the shipped rules, built on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Cleaner()
        return _default


def clean(
    raw: str | bytes,
    *,
    url: str | None = None,
    format: Format | None = None,
    options: CleanOptions | None = None,
    known: Mapping[str, str | None] | None = None,
    **keywords: Unpack[CleanKeywords],
) -> Document:
    """Clean one input with the shipped rules: `clean(raw, url=...)` (see `Cleaner.clean`)."""
    return default_cleaner().clean(
        raw, url=url, format=format, options=options, known=known, **keywords
    )
