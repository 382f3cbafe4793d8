"""What every rule has, whatever its kind: id, description, scope, position, examples.

A rule is a validated pydantic model. Its kind-specific subclass (one module
each under `cleaner.rules.kinds`) adds its fields: patterns and options for a
text kind, which the compiled core runs (`core_spec`), a selector and
`apply_dom` for a DOM kind. Patterns are compiled while the model is
validated, so a bad pattern is reported with its field name, and a loaded rule
is ready to run.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, model_validator

from cleaner import _core
from cleaner.context import Context
from cleaner.document import FieldName, Format, PageType, is_rule_provenance
from cleaner.regex import DIALECT, Pattern, PatternError, Subject
from cleaner.rules.page_text import PageText
from cleaner.urls import site_matches

Where = Literal["anywhere", "head", "tail"]
#: A text rule as the compiled core takes it (see `Rule.core_spec`).
CoreSpec = dict[str, Any]

#: The order rules run in. Within a phase, rules run in load order.
PHASES = ("dom", "extract", "remove", "head", "inline")
Phase = Literal["dom", "extract", "remove", "head", "inline"]


#: The longest pattern source a rule may hold (the shipped rules' longest is ~1,600).
MAX_PATTERN_CHARS = 5_000
#: The most automaton states a pattern may compile to (the shipped rules' largest is
#: ~30,000 states). The core's own size limits reject patterns far beyond it; this
#: bound keeps one rule from slowing every document with a huge automaton.
MAX_PROGRAM_SIZE = 50_000


def _compile(value: Any) -> Pattern:
    """A pattern field's YAML string → compiled Pattern, within the size limits.

    Every rejection is a ValueError, which the loader reports as one line naming the
    rule and field: the dialect's own complaint (look-arounds, back-references, bad
    syntax, over its size limits) or the limit that was passed.
    """
    if isinstance(value, Pattern):
        return value
    if not isinstance(value, str):
        raise ValueError("expected a pattern string")
    if not value:
        raise ValueError("expected a non-empty pattern")
    if len(value) > MAX_PATTERN_CHARS:
        raise ValueError(
            f"pattern is {len(value):,} characters long; the limit is {MAX_PATTERN_CHARS:,}"
        )
    try:
        pattern = Pattern(value)
    except PatternError as error:
        raise ValueError(_with_hint(str(error), value)) from None
    if _matches_empty_within_a_line(pattern):
        raise ValueError(
            "pattern matches the empty string within a line, so it matches everywhere;"
            " make it match at least one character"
        )
    size = _program_size(pattern)
    if size > MAX_PROGRAM_SIZE:
        raise ValueError(
            f"pattern compiles to {size:,} automaton states; the limit is {MAX_PROGRAM_SIZE:,}"
            " (narrow large counted repetitions such as {1,5000})"
        )
    return pattern


#: Perl syntax the dialect refuses, and what to say about it: its own words may name
#: only the syntax (`unrecognized flag: P=`).
_UNSUPPORTED = (
    (("(?=", "(?!", "(?<=", "(?<!"), f"look-arounds are not supported by {DIALECT}"),
    (
        ("(?P=", "\\1", "\\2", "\\3", "\\4", "\\5", "\\6", "\\7", "\\8", "\\9", "\\g<", "\\k<"),
        f"back-references are not supported by {DIALECT}",
    ),
    (("++", "*+", "?+", "(?>"), f"possessive and atomic groups are not supported by {DIALECT}"),
)


def _with_hint(message: str, source: str) -> str:
    """The dialect's complaint, plus what Perl feature the pattern asked for when that is why."""
    for openers, hint in _UNSUPPORTED:
        if any(opener in source for opener in openers):
            return f"{message} ({hint})"
    return message


#: A text with lines, words, a blank line and an end, to see where a pattern matches nothing.
_EMPTY_PROBE = "xx y.\n\nzz\n"


def _matches_empty_within_a_line(pattern: Pattern) -> bool:
    """Whether the pattern can match nothing before a character of a line (`a*`, `x|`,
    `^`, `\\b`).

    Such a pattern matches at every line or word: a drop_lines rule would empty
    the document. Matching nothing where a line or the text ends (`^$`, `$`,
    `\\z`) is how patterns say "up to here" and stays allowed.
    """
    probe = _EMPTY_PROBE
    return any(
        match.start == match.end and match.start < len(probe) and probe[match.start] != "\n"
        for match in pattern.finditer(Subject(probe))
    )


def _program_size(pattern: Pattern) -> int:
    """The size of the pattern's compiled automaton, in states."""
    return pattern.program_size


#: A pattern field: written as a pattern string in YAML, held compiled in the model.
RegexField = Annotated[Pattern, BeforeValidator(_compile), PlainSerializer(lambda p: p.source)]


class CaptionExpectation(BaseModel):
    """A caption an example expects the rule to lift."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    credit: str | None = None


#: Provenance of an example's `given` fields, and of its `found` ones.
EXAMPLE_PROVENANCE = "example"
FOUND_PROVENANCE = "rule:example"


class Example(BaseModel):
    """An input with the output and captures the rule must produce from it.

    An example with no `output`, `captures` or `captions` must come through
    unchanged: that is how a rule states what it must *not* touch.
    """

    model_config = ConfigDict(extra="forbid")
    input: str
    output: str | None = None
    captures: dict[FieldName, str] = Field(default_factory=dict)
    captions: list[CaptionExpectation] = Field(default_factory=list)
    given: dict[FieldName, str] = Field(default_factory=dict)
    #: Fields an earlier text rule found in the text (as `given`, but found, not stated).
    found: dict[FieldName, str] = Field(default_factory=dict)
    format: Format | None = None
    #: The page's type, for rules with page-type conditions (None: not an HTML page's).
    page_type: PageType | None = None

    def known_before(self) -> dict[FieldName, tuple[str, str]]:
        """The fields known before the rule runs, with their provenance."""
        known = {name: (value, EXAMPLE_PROVENANCE) for name, value in self.given.items()}
        known.update((name, (value, FOUND_PROVENANCE)) for name, value in self.found.items())
        return known

    @property
    def expects_change(self) -> bool:
        return self.output is not None or bool(self.captures) or bool(self.captions)


class Rule(BaseModel):
    """Fields common to all kinds; subclasses add their own and what runs them."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    #: The phase a kind runs in unless a rule says otherwise.
    default_phase: ClassVar[Phase] = "remove"

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=100)
    kind: str
    description: str = Field(min_length=1)
    sites: tuple[str, ...] = ()
    fingerprint: RegexField | None = None
    formats: tuple[Format, ...] = ()
    if_set: tuple[FieldName, ...] = ()
    if_unset: tuple[FieldName, ...] = ()
    if_found: tuple[FieldName, ...] = ()
    if_page_type: tuple[PageType, ...] = ()
    unless_page_type: tuple[PageType, ...] = ()
    phase: Phase | None = None
    where: Where = "anywhere"
    lines: int = Field(default=12, ge=1, le=10_000)
    fix: Literal["safe", "unsafe"] = "safe"
    skip_code: bool = False
    examples: list[Example] = Field(min_length=1)

    @model_validator(mode="after")
    def _fingerprint_names_a_site(self) -> Rule:
        if self.fingerprint is not None and not self.sites:
            raise ValueError("fingerprint needs `sites`: the site it identifies")
        return self

    @model_validator(mode="after")
    def _phase_fits_kind(self) -> Rule:
        on_dom = self.default_phase == "dom"
        if self.phase is not None and (self.phase == "dom") != on_dom:
            expected = "dom (or no phase)" if on_dom else "one of extract, remove, head, inline"
            raise ValueError(
                f"phase {self.phase!r} does not fit kind {self.kind}; expected {expected}"
            )
        return self

    @property
    def run_phase(self) -> Phase:
        return self.phase or self.default_phase

    def core_spec(self) -> CoreSpec:
        """The rule as the compiled core's text phase takes it: plain data, patterns
        compiled. Every key is present; a kind fills in its own (`_kind_spec`)."""
        spec: CoreSpec = {
            "id": self.id,
            "kind": self.kind,
            "where": self.where,
            "lines": self.lines,
            "skip_code": self.skip_code,
            "formats": list(self.formats),
            "sites": list(self.sites),
            "if_set": list(self.if_set),
            "if_unset": list(self.if_unset),
            "if_found": list(self.if_found),
            "if_page_type": list(self.if_page_type),
            "unless_page_type": list(self.unless_page_type),
            "patterns": {},
            "groups": {},
            "field": None,
            "drop": None,
            "max_matches": None,
            "max_lines": None,
            "min_furniture": None,
            "min_prose_chars": None,
            "line_model": None,
            "line_threshold": None,
            "context_model": None,
            "context_threshold": None,
            "template": [],
        }
        spec.update(self._kind_spec())
        return spec

    def _kind_spec(self) -> CoreSpec:
        """The kind's own part of `core_spec`: its patterns, groups and options."""
        return {}

    @cached_property
    def alone(self) -> _core.TextRules:
        """This rule by itself, compiled for the core: how its examples run."""
        return _core.TextRules([self.core_spec()], [])

    def applies(self, ctx: Context) -> bool:
        """Whether the rule's scope covers this document in its current state."""
        if self.formats and ctx.format not in self.formats:
            return False
        fields = ctx.fields
        if self.sites and not site_matches(fields.get("site"), self.sites):
            return False
        if (self.if_page_type or self.unless_page_type) and not self._fits_page_type(ctx):
            return False
        # No generators: asked of every rule for every document, where a generator
        # per call costs more than the check itself.
        for name in self.if_set:
            if name not in fields:
                return False
        for name in self.if_found:
            if not is_rule_provenance(ctx.provenance.get(name, "")):
                return False
        return not self.if_unset or fields.keys().isdisjoint(self.if_unset)

    def _fits_page_type(self, ctx: Context) -> bool:
        """Whether the page's type (None for text and Markdown) passes the type conditions."""
        if self.if_page_type and ctx.page_type not in self.if_page_type:
            return False
        return ctx.page_type is None or ctx.page_type not in self.unless_page_type

    def finding_note(self) -> str:
        """What becomes of the text the rule takes, for lint's findings; "" when it is dropped.

        Lint says `would remove "…"` of every finding; a kind that keeps the text
        elsewhere (a metadata field, a caption) says where, and lint adds it in
        parentheses: `(taken as date)`.
        """
        return ""

    @property
    def dom_selector(self) -> str | None:
        """The CSS selector a DOM kind looks for (narrowed per page, see `dom_prefilter`)."""
        return None

    def apply_dom(
        self,
        tree: Any,
        ctx: Context,
        selector: str | None = None,
        page: PageText | None = None,
    ) -> int:
        """Run on a parsed HTML page (selectolax tree); only kinds of the dom phase do.

        `selector`, when given, replaces `dom_selector`: the part of it that can
        match this page. `page`: the page's visible text, kept up to date by every
        DOM rule of the page that removes elements (see `PageText`).
        """
        return 0
