"""The text phase: run every applicable rule over the buffer, in order.

One RE2 set pass tells which rules can fire at all, so a document pays for the
few rules that match it rather than for the whole rule set. Emptying whole
lines cannot create a match for a prefiltered rule (their patterns stay within
a line and do not depend on position; see `Rule.prefiltered`), so the pass is
repeated only after an edit that changed text within a line.
"""

from __future__ import annotations

from collections import Counter

from cleaner.context import Context
from cleaner.rules.ruleset import RuleSet


def identify_site(ruleset: RuleSet, ctx: Context) -> None:
    """Name the site from a fingerprint in the text when no url has named it."""
    if "site" in ctx.fields:
        return
    for pattern, site in ruleset.fingerprints:
        if pattern.search(ctx.subject) is not None:
            ctx.set_field("site", site, "fingerprint")
            return


def run_text_rules(ruleset: RuleSet, ctx: Context) -> Counter[str]:
    """Apply the text rules to `ctx`; return how often each rule fired."""
    fired: Counter[str] = Counter()
    prefilter = ruleset.prefilter
    candidates = prefilter.matching(ctx.subject.data)
    for rule, trigger in zip(ruleset.text_rules, ruleset.triggers, strict=True):
        if trigger is not None and trigger not in candidates:
            continue
        if not rule.applies(ctx):
            continue
        inline_version = ctx.buffer.inline_version
        hits = rule.apply(ctx)
        if hits:
            fired[rule.id] += hits
        if ctx.buffer.inline_version != inline_version:
            candidates = prefilter.matching(ctx.subject.data)
    return fired
