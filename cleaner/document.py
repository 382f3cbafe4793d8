"""The result of cleaning one input: body text, metadata, and what was removed.

`Document` is the single currency between the pipeline, the library API and the
CLI; `to_dict()` is the JSON output contract.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal, NamedTuple, get_args

Status = Literal["ok", "empty", "error"]
#: An input's format: what the reader detected or the caller said it is.
Format = Literal["text", "markdown", "html"]
#: Every input format, in declaration order.
FORMATS: tuple[Format, ...] = get_args(Format)

#: What kind of page an HTML input is (`cleaner.page_type`): "other" when nothing on
#: it tells. Text and Markdown inputs have none.
PageType = Literal[
    "article", "forum", "product", "collection", "listing", "documentation", "service", "other"
]
#: Every page type, in declaration order.
PAGE_TYPES: tuple[PageType, ...] = get_args(PageType)

#: A metadata field: one string per document, found in the page's markup, the url or the
#: text (a capture rule's `field`). The one list of their names: a new field is added here
#: and as a `Document` attribute, and given something that finds it; rules, the JSON and
#: Parquet outputs, `explain` and the Dask columns take it from here.
FieldName = Literal["title", "date", "author", "url", "site", "section", "dateline"]
#: The metadata fields, in output order.
METADATA_FIELDS: tuple[FieldName, ...] = get_args(FieldName)


def is_rule_provenance(source: str) -> bool:
    """Whether a field's provenance names a text rule (`rule:first-line-title`): a field the
    rules found in the body, rather than one the input stated (markup, url, arguments)."""
    return source.startswith("rule:")


def check_known(known: Mapping[str, str | None]) -> None:
    """Raise ValueError unless every key of `known` is a metadata field."""
    unknown = sorted(set(known) - set(METADATA_FIELDS))
    if unknown:
        raise ValueError(f"known: {unknown} are not metadata fields; choose from {METADATA_FIELDS}")


def is_html(format: Format | None) -> bool:
    """Whether an input format is an HTML page.

    A page goes through the DOM phase and extraction, and its removals carry no
    offsets into the input (they are elements and extraction losses).
    """
    return format == "html"


@dataclass(frozen=True)
class Caption:
    """An image caption lifted out of the body, with its photo credit when one was given."""

    text: str | None
    credit: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"text": self.text, "credit": self.credit}


class Removal(NamedTuple):
    """One piece of input text a rule took out of the body.

    `start`/`end` are character offsets into the decoded input for text and
    Markdown inputs; they are None where no such offsets exist (HTML elements).
    A named tuple: immutable like a frozen dataclass, several times cheaper to
    make, and a document makes one per removal.
    """

    rule: str
    start: int | None
    end: int | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Document:
    """A cleaned article. Never None: failures are a status and a reason.

    The attributes are the output fields, in output order; the metadata ones
    (title ... dateline, around `authors`) are those of METADATA_FIELDS.
    """

    text: str = ""
    #: The same content as `text` as GitHub-flavoured Markdown (headings, lists, tables,
    #: code, quotes), when asked for (`CleanOptions.markdown`; '' for an empty document);
    #: None otherwise, and for an input that could not be cleaned (status `error`).
    markdown: str | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    site: str | None = None
    section: str | None = None
    dateline: str | None = None
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    status: Status = "ok"
    reason: str | None = None
    format: Format = "text"
    #: The kind of page (HTML inputs only; None for text and Markdown).
    page_type: PageType | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    #: Problems worth a look that did not stop cleaning, one line each, e.g.
    #: `over-removal: rules removed 72% of the text (limit 60%)`.
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON output contract: every key present (OUTPUT_FIELDS), missing values None."""
        record: dict[str, Any] = {}
        for name in OUTPUT_FIELDS:
            value = getattr(self, name)
            copy = _COPIES.get(name)
            record[name] = value if copy is None else copy(value)
        return record

    def known_fields(self) -> dict[str, str]:
        """The metadata the input stated (page markup, url, `known=` arguments), not what the
        text rules found in the body, and the title however it was found.

        Cleaning the body again with these, `clean(doc.text, known=doc.known_fields())`,
        gives the body back: the second clean knows what the first knew before its
        rules ran (an HTML page's headline, say, so the body's first line is not
        taken for one), and the document's headline (a Markdown `# Title` the rules
        took out of the body, so its subheading is not taken for another).
        """
        found: dict[str, str] = {}
        for name in METADATA_FIELDS:
            value = getattr(self, name)
            stated = not is_rule_provenance(self.provenance.get(name, "rule:"))
            if value is not None and (stated or name == "title"):
                found[name] = value
        return found


#: The keys of `Document.to_dict()`: the Document's attributes, in declaration order.
OUTPUT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Document))

#: How `to_dict` turns the attributes that hold more than a string into plain JSON values.
_COPIES: dict[str, Callable[[Any], Any]] = {
    "authors": list,
    "captions": lambda captions: [c.to_dict() for c in captions],
    "removed": lambda removed: [r.to_dict() for r in removed],
    "provenance": dict,
    "warnings": list,
}

#: The output fields whose value is one string or None (the text, metadata, status...).
SCALAR_FIELDS: tuple[str, ...] = tuple(name for name in OUTPUT_FIELDS if name not in _COPIES)
