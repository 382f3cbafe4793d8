"""The library face: `Cleaner` (compile rules once, clean many inputs) and `clean`."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from cleaner.deadline import DEFAULT_TIMEOUT
from cleaner.document import Document, Format
from cleaner.pipeline import clean_raw
from cleaner.read import require_ftfy
from cleaner.rules.loader import load_ruleset
from cleaner.rules.paths import default_rules_path
from cleaner.rules.ruleset import RuleSet
from cleaner.text_phase import DEFAULT_MAX_REMOVED_SHARE

RulePaths = Sequence[str | Path]


class Cleaner:
    """Holds one compiled rule set; `clean` is safe to call from many threads at once.

    `rules` replaces the shipped rules with the given files and folders;
    `extra_rules` adds files and folders to them.
    """

    def __init__(self, rules: RulePaths | None = None, *, extra_rules: RulePaths = ()) -> None:
        paths = [default_rules_path()] if rules is None else list(rules)
        self.ruleset: RuleSet = load_ruleset([*paths, *extra_rules])
        self._warm_up()

    def clean(
        self,
        raw: str | bytes,
        *,
        url: str | None = None,
        format: Format | None = None,
        crawl_date: str | None = None,
        content_type: str | None = None,
        timeout: float | None = DEFAULT_TIMEOUT,
        max_removed_share: float | None = DEFAULT_MAX_REMOVED_SHARE,
        fix_mojibake: bool = False,
    ) -> Document:
        """Clean one raw page or dump; the format is detected unless given.

        `crawl_date` (ISO 8601) caps the publication date found on a page;
        `content_type` is the HTTP header that came with `raw` bytes, for their
        charset; after `timeout` seconds (None: no limit) the document comes
        back with status `error`, reason `timeout`. When the rules remove more
        than `max_removed_share` of the text (None: no limit), `warnings` says
        so. `fix_mojibake` repairs text decoded with the wrong charset
        (`cafÃ©` → `café`; needs the `ftfy` extra).
        """
        if fix_mojibake:
            require_ftfy()
        _check_share(max_removed_share)
        return clean_raw(
            self.ruleset,
            raw,
            url=url,
            format=format,
            crawl_date=crawl_date,
            content_type=content_type,
            timeout=timeout,
            max_removed_share=max_removed_share,
            fix_mojibake=fix_mojibake,
        )

    def _warm_up(self) -> None:
        """Build every derived table now, so threads never race to build them."""
        ruleset = self.ruleset
        _ = ruleset.text_rules, ruleset.dom_rules, ruleset.dom_prefilter
        _ = ruleset.prefilter, ruleset.fingerprints, ruleset.plans


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
    crawl_date: str | None = None,
    content_type: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_removed_share: float | None = DEFAULT_MAX_REMOVED_SHARE,
    fix_mojibake: bool = False,
) -> Document:
    """Clean one input with the shipped rules: `clean(raw, url=...)` (see `Cleaner.clean`)."""
    return default_cleaner().clean(
        raw,
        url=url,
        format=format,
        crawl_date=crawl_date,
        content_type=content_type,
        timeout=timeout,
        max_removed_share=max_removed_share,
        fix_mojibake=fix_mojibake,
    )


def _check_share(share: float | None) -> None:
    if share is not None and not 0 <= share <= 1:
        raise ValueError(f"max_removed_share must be between 0 and 1, got {share!r}")
