"""A candidate → a rule mapping, ready for YAML: id, kind, description, scope, pattern, examples.

Each rule carries two examples taken from the corpus: one occurrence inside its
neighbouring lines (expected output: the neighbours alone) and one article
sentence of the same site that must come through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from cleaner.learn.candidates import Candidate, Occurrence
from cleaner.learn.lines import DocumentLines, Line
from cleaner.learn.patterns import line_pattern

#: A line that reads like an article sentence: a few words, ending like a sentence.
_SENTENCE_END = tuple('.!?"”’»)')
_MIN_SENTENCE_WORDS = 8
#: Site rules name their site by their own pattern when some documents had no url,
#: but only when the line is specific enough to identify a site.
_FINGERPRINT_WORDS = 4
_SHOWN_CHARS = 70


def rule_id(site: str | None, number: int) -> str:
    """`learned-<site>-<n>` (`learned-global-<n>` for rules of every site)."""
    name = re.sub(r"[^a-z0-9._-]+", "-", (site or "global").lower()).strip("-._") or "site"
    return f"learned-{name}-{number}"


def build_rule(
    candidate: Candidate, number: int, recurring: set[str], sentences: Sequence[Line]
) -> dict[str, Any]:
    """The rule mapping for a candidate; `recurring` keys are never used as context."""
    occurrence = candidate.occurrences[0]
    rule: dict[str, Any] = {
        "id": rule_id(candidate.site, number),
        "kind": "drop_block" if candidate.is_block else "drop_lines",
        "description": _description(candidate),
    }
    if candidate.site:
        rule["sites"] = [candidate.site]
    if candidate.is_block:
        rule["start"] = line_pattern(candidate.texts())
        rule["end"] = line_pattern(candidate.texts(end=True))
        longest = max(o.rows for o in candidate.occurrences)
        rule["max_lines"] = longest + max(2, longest // 4)
    else:
        rule["pattern"] = line_pattern(candidate.texts())
    if _wants_fingerprint(candidate):
        rule["fingerprint"] = rule["start" if candidate.is_block else "pattern"]
    negatives = _negative(occurrence, recurring, sentences)
    rule["examples"] = [_positive(occurrence, recurring), *negatives]
    return rule


def article_sentences(documents: Sequence[DocumentLines], recurring: set[str]) -> list[Line]:
    """Kept lines that read like article sentences and recur nowhere: the negative examples."""
    return [
        line
        for document in documents
        for line in document.kept
        if line.key not in recurring and _reads_like_sentence(line)
    ]


def _description(candidate: Candidate) -> str:
    if candidate.site:
        where = f"of {candidate.site}"
    else:
        where = "with no known site" if candidate.siteless else "across sites"
    counted = f"{candidate.support} of {candidate.documents} documents {where}"
    first = _shown(candidate.texts()[0])
    if candidate.is_block:
        last = _shown(candidate.texts(end=True)[0])
        return f'Learned block recurring in {counted}, from "{first}" to "{last}".'
    return f'Learned line recurring in {counted}: "{first}".'


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _wants_fingerprint(candidate: Candidate) -> bool:
    without_url = any(not o.document.has_url for o in candidate.occurrences)
    words = candidate.occurrences[0].lines[0].words
    return bool(candidate.site) and without_url and words >= _FINGERPRINT_WORDS


def _positive(occurrence: Occurrence, recurring: set[str]) -> dict[str, str]:
    """The occurrence between its nearest non-recurring neighbours → the neighbours alone."""
    document = occurrence.document
    first, last = occurrence.lines[0].row, occurrence.lines[-1].row
    before = _neighbour(document.kept[: occurrence.first][::-1], recurring)
    after = _neighbour(document.kept[occurrence.last + 1 :], recurring)
    context = [line.text for line in (before, after) if line is not None]
    input_lines = document.rows[first : last + 1]
    if before is not None:
        input_lines.insert(0, before.text)
    if after is not None:
        input_lines.append(after.text)
    return {"input": "\n".join(input_lines), "output": "\n".join(context)}


def _neighbour(lines: Sequence[Line], recurring: set[str]) -> Line | None:
    return next((line for line in lines if line.key not in recurring), None)


def _negative(
    occurrence: Occurrence, recurring: set[str], sentences: Sequence[Line]
) -> list[dict[str, str]]:
    """The longest article sentence of the occurrence's document, else of its site."""
    own = article_sentences([occurrence.document], recurring)
    pool = own or list(sentences)
    if not pool:
        return []
    return [{"input": max(pool, key=lambda line: (line.words, line.text)).text}]


def _reads_like_sentence(line: Line) -> bool:
    return line.words >= _MIN_SENTENCE_WORDS and line.text.endswith(_SENTENCE_END)
