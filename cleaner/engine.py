"""The text phase: run every applicable rule over the buffer, in order.

A few pattern-set passes (see `cleaner.rules.prefilter`) tell which rules can fire at all, so a
document pays for the few rules that match it rather than for the whole set.
"""

from __future__ import annotations

from collections import Counter

from cleaner.context import Context
from cleaner.deadline import Deadline
from cleaner.rules.ruleset import RuleSet


def run_text_pass(ruleset: RuleSet, ctx: Context, deadline: Deadline | None = None) -> Counter[str]:
    """Name the site, then run the text rules; return how often each rule fired.

    One pass of the rules over a text, as the text phase, each settle pass and
    lint's analysis make it: site rules need the site, and a text without a url
    gets it from a fingerprint. The deadline is checked between the two steps
    and before each rule that runs.
    """
    identify_site(ruleset, ctx)
    if deadline is not None:
        deadline.check()
    return run_text_rules(ruleset, ctx, deadline)


def identify_site(ruleset: RuleSet, ctx: Context) -> None:
    """Name the site from a fingerprint in the text when no url has named it."""
    if "site" in ctx.fields:
        return
    for pattern, site in ruleset.fingerprints:
        if pattern.search(ctx.subject) is not None:
            ctx.set_field("site", site, "fingerprint")
            return


def run_text_rules(
    ruleset: RuleSet, ctx: Context, deadline: Deadline | None = None
) -> Counter[str]:
    """Apply the text rules to `ctx`; return how often each rule fired.

    The deadline is checked before each rule that runs: off the main thread,
    where no timer signal can interrupt, that is what bounds a document.
    """
    check = deadline.check if deadline is not None else None
    fired: Counter[str] = Counter()
    candidates = ruleset.prefilter.track(ctx.buffer)
    for position, rule, conditional in ruleset.plans[ctx.format]:
        # Conditions first: cheap, and they spare a set pass for rules (site
        # rules mostly) that would not run anyway.
        if conditional and not rule.applies(ctx):
            continue
        if not candidates.may_fire(position):
            continue
        if check is not None:
            check()
        hits = rule.apply(ctx)
        if hits:
            fired[rule.id] += hits
    return fired
