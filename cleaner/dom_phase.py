"""The DOM phase of an HTML input: every DOM rule, in order, on the parsed page."""

from __future__ import annotations

from typing import Any

from cleaner.context import Context
from cleaner.rules.dom_prefilter import PageSelectors
from cleaner.rules.page_text import PageText
from cleaner.rules.ruleset import RuleSet


def run_dom_rules(
    ruleset: RuleSet,
    tree: Any,
    html: str | bytes,
    ctx: Context,
    selectors: PageSelectors | None = None,
) -> None:
    """Apply the DOM rules that apply to this page to its selectolax `tree`, whose
    never-content elements are gone (`cleaner.extract.page.drop_never_content`).

    Each rule looks only for the parts of its selector that the page's markup
    (`html`, as text or UTF-8) can match, and a rule none of whose parts can match is
    skipped: `selectors` are those parts, when the caller scanned the markup
    already (`ruleset.dom_prefilter.scan`). The page's visible text, which the DOM
    guard weighs matches against, is measured once and kept up to date as the rules
    remove elements.
    """
    page = selectors if selectors is not None else ruleset.dom_prefilter.scan(html)
    text = PageText(pruned=True)
    for position, rule in enumerate(ruleset.dom_rules):
        narrowed = page.selector(position)  # "": nothing of it can match
        if narrowed != "" and rule.applies(ctx):
            rule.apply_dom(tree, ctx, narrowed, text)
