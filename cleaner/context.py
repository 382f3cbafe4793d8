"""Per-document state shared by the steps that clean one input.

A Context is created for each call and never shared between threads, which is
what lets one compiled rule set serve many threads at once. The DOM phase and
the page's metadata fill it; the text rules (in the compiled core) start from
its fields and add their removals, captures and captions to it. A text or
Markdown input needs one only for the fields its caller states (`known=`, the
url): the core takes them and hands back the rest in the Document's shapes
(`text_phase.clean_text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cleaner.dates import parse_date
from cleaner.document import Caption, Format, PageType, Removal
from cleaner.urls import is_http_url, site_of


@dataclass
class Context:
    """The metadata and records gathered so far for one document."""

    format: Format = "text"
    #: The kind of page, for HTML inputs (`cleaner.page_type`).
    page_type: PageType | None = None
    fields: dict[str, str] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    #: Every author when a page names several; `fields["author"]` joins them.
    authors: list[str] = field(default_factory=list)
    #: Decisions worth a look that changed nothing: a removal a rule asked for and a
    #: guard refused (see `Document.warnings`).
    warnings: list[str] = field(default_factory=list)

    def set_field(self, name: str, value: str | None, source: str) -> bool:
        """Set a metadata field unless already known; False when the value is unusable.

        The first source to set a field wins: explicit arguments and earlier
        rules are more trustworthy than later guesses. (The text rules set
        fields by the same rule, in the core.)
        """
        if name in self.fields:
            return False
        cleaned = _clean_value(name, value)
        if cleaned is None:
            return False
        self.fields[name] = cleaned
        self.provenance[name] = source
        if name == "url":
            self._site_from_url(cleaned)
        return True

    def set_fields(self, values: Mapping[str, str | None], source: str) -> None:
        """Set each of `values` that is not known yet (see `set_field`)."""
        for name, value in values.items():
            self.set_field(name, value, source)

    def _site_from_url(self, url: str) -> None:
        site = site_of(url)
        if site and self.provenance.get("site", "").startswith("fingerprint"):
            del self.fields["site"]
        if site and "site" not in self.fields:
            self.fields["site"] = site
            self.provenance["site"] = "url"


def _clean_value(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    if not value:
        return None
    if name == "date":
        return parse_date(value)
    if name == "url":
        return value if is_http_url(value) else None
    return value
