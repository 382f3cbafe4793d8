"""lift_captions: lift figure captions and photo credits out of an HTML page before extraction.

A figure's caption is metadata about an image, not article prose; left in the
page, extractors glue it between paragraphs. This kind reads each figure-like
element's caption and credit into `captions`, then removes the figure (or only
its caption, when the figure holds more than an image and a caption).
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from pydantic import field_validator

from cleaner.context import Context
from cleaner.document import Caption, Removal
from cleaner.dom import check_selector, collapsed_text, is_descendant
from cleaner.rules.dom_guard import holds_main_content, kept_together_warning, tell_most_prose
from cleaner.rules.dom_rule import DomRule
from cleaner.rules.kinds.caption import TRAILING_SEPARATORS, CaptionRule
from cleaner.rules.page_text import PageText
from cleaner.rules.paths import default_rules_path
from cleaner.text_rules import run_rule

#: Text a figure may hold besides its caption and credit and still count as "an
#: image and its caption" ("Enlarge", "1 / 12", a play button label).
MAX_OTHER_CHARS = 40

#: A caption with at least this share of its text in links is a teaser, not a caption.
LINK_ONLY_SHARE = 0.9

#: The shipped rule file whose `caption` rules `credit_rules` may name.
CAPTION_RULES_FILE = ("global", "captions.yaml")


class LiftCaptions(DomRule):
    """Figure captions in the DOM: `<figure><img><figcaption>…</figcaption></figure>`.

    For each element matching `selector`, the text of its first `caption`
    element becomes a Caption; the text of its `credit` elements (inside or
    beside the caption) is the credit. With no credit element, the `caption`
    rules named in `credit_rules` (the shipped text-phase caption rules, so the
    vocabulary of "Photo: …", "(Reuters)", "© …" lives in one place) split a
    trailing credit off the caption text. The figure is removed when it holds
    nothing but an image, the caption and the credit; otherwise only the caption
    and credit elements are. No element holding the article itself is removed
    (see `cleaner.rules.dom_guard`).
    """

    kind: Literal["lift_captions"]
    caption: str = "figcaption"
    credit: str | None = None
    credit_rules: tuple[str, ...] = ()

    @field_validator("caption", "credit")
    @classmethod
    def _inner_selectors_parse(cls, value: str | None) -> str | None:
        if value is not None:
            check_selector(value)
        return value

    @field_validator("credit_rules")
    @classmethod
    def _credit_rules_exist(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        known = shipped_caption_rules()
        missing = [name for name in value if name not in known]
        if missing:
            raise ValueError(
                f"no caption rule {', '.join(missing)} in {'/'.join(CAPTION_RULES_FILE)}"
            )
        return value

    def finding_note(self) -> str:
        return "taken as a caption"

    def apply_dom(
        self,
        tree: Any,
        ctx: Context,
        selector: str | None = None,
        page: PageText | None = None,
    ) -> int:
        """Lift the caption of every matching figure; return how many were lifted.

        When the captions together hold most of the page's prose (a photo essay, whose
        story is told in them), they are its content: none is lifted, and a warning says
        so (see `cleaner.rules.dom_guard.tell_most_prose`).
        `page`: the page's visible text, kept across the DOM rules of one page.
        """
        selector = selector or self.selector
        page = page or PageText()
        figures = [(figure, figure.css_first(self.caption)) for figure in tree.css(selector)]
        captions = [caption for _, caption in figures if caption is not None]
        if tell_most_prose(captions, tree, page):
            ctx.warnings.append(kept_together_warning(self.id, len(captions)))
            return 0
        count = 0
        for figure, caption in figures:
            # Removing an element detaches everything in it: a figure inside a figure
            # (or caption) already removed has no parent.
            if figure.parent is None:
                continue
            if self._lift(figure, caption, tree, ctx, page) is not None:
                count += 1
        return count

    def _lift(
        self, figure: Any, caption: Any, tree: Any, ctx: Context, page: PageText
    ) -> bool | None:
        """Lift one figure's caption (`caption`: its caption element, if any); None: nothing
        lifted, else whether the figure went."""
        if caption is not None and _is_link_only(caption):
            return None  # a teaser card's headline, not a caption
        credits = self._credit_nodes(figure)
        if caption is None and not credits:
            return None
        record = self._record(caption, credits)
        if record is None:
            return None
        targets = self._targets(figure, caption, credits, tree, page)
        if not targets:
            return None
        ctx.captions.append(record)
        for node in targets:
            text = collapsed_text(node)
            ctx.removed.append(Removal(self.id, None, None, text))
            page.removing(node, text)
            node.decompose()
        return targets[0] is figure

    def _credit_nodes(self, figure: Any) -> list[Any]:
        """The figure's credit elements, outermost only (a credit inside a credit once)."""
        if self.credit is None:
            return []
        nodes = list(figure.css(self.credit))
        return [node for node in nodes if not any(is_descendant(node, other) for other in nodes)]

    def _record(self, caption: Any, credits: list[Any]) -> Caption | None:
        """The Caption for a figure's caption and credit elements; None when both are empty."""
        text = _caption_text(caption, self.credit) if caption is not None else ""
        if credits:
            credit = _join(
                _clean_credit(collapsed_text(node), self.credit_rules) for node in credits
            )
        else:
            text, credit = split_credit(text, self.credit_rules)
        if not text and not credit:
            return None
        return Caption(text or None, credit or None)

    def _targets(
        self, figure: Any, caption: Any, credits: list[Any], tree: Any, page: PageText
    ) -> list[Any]:
        """What to remove: the whole figure, else its caption and stray credits, else nothing."""
        parts = ([caption] if caption is not None else []) + [
            node for node in credits if caption is None or not is_descendant(node, caption)
        ]
        other = page.element_chars(figure) - sum(map(page.element_chars, parts))
        if other <= MAX_OTHER_CHARS and not holds_main_content(figure, tree, page=page):
            return [figure]
        if any(holds_main_content(node, tree, page=page) for node in parts):
            return []
        return parts


def split_credit(text: str, rule_ids: tuple[str, ...]) -> tuple[str, str]:
    """Split a trailing credit off caption text with the named shipped caption rules.

    "Rescue workers at the site. (Reuters)" → ("Rescue workers at the site.",
    "Reuters"). The first rule whose match takes the whole caption decides;
    with none, the text comes back whole and the credit empty.
    """
    rules = shipped_caption_rules()
    for rule_id in rule_ids:
        ctx = Context()
        run = run_rule(rules[rule_id], ctx, text)
        if run.fired and ctx.captions and not run.text.strip():
            found = ctx.captions[0]
            return found.text or "", found.credit or ""
    return text, ""


@cache
def shipped_caption_rules() -> dict[str, CaptionRule]:
    """The `caption` rules of the shipped captions file, by id (loaded once).

    Read by the loader like any rule file, so they are the rules a run loads,
    with the same checks and limits.
    """
    # Imported here: the loader imports every kind, this one included.
    from cleaner.rules.loader import load_file

    path = default_rules_path().joinpath(*CAPTION_RULES_FILE)
    if not path.is_file():
        return {}
    return {rule.id: rule for rule, _source in load_file(path) if isinstance(rule, CaptionRule)}


def _caption_text(caption: Any, credit_selector: str | None) -> str:
    """A caption element's text without the credit elements inside it."""
    if credit_selector is not None and caption.css_first(credit_selector) is not None:
        caption = caption.clone()
        for node in caption.css(credit_selector):
            if node.parent is not None:
                node.decompose()
    return collapsed_text(caption).rstrip(TRAILING_SEPARATORS)


def _clean_credit(text: str, rule_ids: tuple[str, ...]) -> str:
    """A credit element's text without wrapping or label: "(Photo: Jane Doe/AP)" → "Jane Doe/AP"."""
    if len(text) > 1 and text[0] in "([" and text[-1] in ")]":
        text = text[1:-1].strip()
    caption_text, credit = split_credit(text, rule_ids)
    if credit and not caption_text:
        text = credit
    return text.lstrip("© ").rstrip(TRAILING_SEPARATORS)


def _join(parts: Any) -> str:
    """Distinct non-empty credits, in order, joined with " / "."""
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return " / ".join(seen)


def _is_link_only(node: Any) -> bool:
    """Whether all of a node's text is link text (a teaser's headline, a "Watch live" link)."""
    linked = sum(len(collapsed_text(link)) for link in node.css("a"))
    return linked > 0 and linked >= LINK_ONLY_SHARE * len(collapsed_text(node))
