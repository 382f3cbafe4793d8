"""The library face: clean(), Cleaner, Document.to_dict() and the output contract."""

from __future__ import annotations

import json
import pickle
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields
from pathlib import Path

import pytest

from cleaner import Cleaner, CleanOptions, Document, clean
from cleaner.document import METADATA_FIELDS
from tests.conftest import FIXTURES

CONTRACT_KEYS = {"text", *METADATA_FIELDS, "captions", "removed", "status", "reason"}


def test_clean_accepts_str_and_bytes_alike() -> None:
    (path,) = FIXTURES.glob("004_*.txt")
    assert clean(path.read_bytes()).to_dict() == clean(path.read_text(encoding="utf-8")).to_dict()


def test_to_dict_has_every_contract_key_and_is_json() -> None:
    record = clean("Just one paragraph of text.").to_dict()
    assert record.keys() >= CONTRACT_KEYS
    assert json.loads(json.dumps(record)) == record
    assert record["captions"] == [] and record["removed"] == []
    assert record["title"] is None and record["status"] == "ok"


def test_to_dict_keys_come_in_the_reviewed_order() -> None:
    """The JSON keys keep the order of the reviewed goldens, whatever the input."""
    (golden,) = FIXTURES.glob("004_*.expected.json")
    reviewed = list(json.loads(golden.read_text(encoding="utf-8")))
    assert list(clean("Just one paragraph of text.").to_dict()) == reviewed
    assert list(Document().to_dict()) == reviewed


def test_every_metadata_field_is_a_document_string() -> None:
    types = {f.name: f.type for f in fields(Document)}
    assert {name: types.get(name) for name in METADATA_FIELDS} == dict.fromkeys(
        METADATA_FIELDS, "str | None"
    )


def test_url_argument_sets_url_and_site() -> None:
    doc = clean("A paragraph.", url="https://www.Example.co.uk/news/1")
    assert doc.url == "https://www.Example.co.uk/news/1"
    assert doc.site == "example.co.uk"
    assert doc.provenance == {"url": "argument", "site": "url"}


def test_url_argument_is_recorded_alike_for_text_and_html() -> None:
    url = "https://www.example.com/news/1"
    page = "<html><body><article><p>" + "A paragraph of the story. " * 20 + "</p></article>"
    text_doc, page_doc = clean("A paragraph.", url=url), clean(page, url=url)
    assert page_doc.format == "html" and page_doc.url == url
    assert page_doc.provenance["url"] == text_doc.provenance["url"] == "argument"


def test_site_rules_apply_by_url() -> None:
    text = "Body.\nRead more about: Putin , China"
    assert "Read more about" in clean(text).text
    assert clean(text, url="https://www.themoscowtimes.com/a").text == "Body."


def test_empty_input_is_status_empty_with_reason() -> None:
    doc = clean(b"")
    assert isinstance(doc, Document)
    assert (doc.status, doc.reason, doc.text) == ("empty", "input has no text", "")


def test_all_boilerplate_is_status_empty_with_reason() -> None:
    doc = clean("Read more: Another story\nhttps://t.co/x\n")
    assert doc.status == "empty" and doc.reason == "rules removed all text"
    assert [r.rule for r in doc.removed] == ["related-links", "bare-url-line"]


def test_utf16_with_bom_is_decoded() -> None:
    doc = clean("Grüße aus Köln.".encode("utf-16"))
    assert doc.text == "Grüße aus Köln."


def test_nbsp_and_unicode_spaces_become_plain_spaces() -> None:
    assert clean("One\u00a0two\u2009three  four.").text == "One two three four."


def test_cleaner_with_only_given_rules(tmp_path: Path) -> None:
    rule = tmp_path / "mine.yaml"
    rule.write_text(
        "- id: drop-ads\n  kind: drop_lines\n  description: Ads.\n"
        "  pattern: '^ADVERTISEMENT$'\n  examples: [{input: 'ADVERTISEMENT', output: ''}]\n",
        encoding="utf-8",
    )
    only = Cleaner(rules=[rule])
    assert [r.id for r in only.ruleset.rules] == ["drop-ads"]
    doc = only.clean("Para one.\nADVERTISEMENT\nRead more: x")
    assert doc.text == "Para one.\n\nRead more: x"
    extra = Cleaner(extra_rules=[rule])
    assert extra.clean("Para one.\nADVERTISEMENT\nRead more: x").text == "Para one."


def test_one_cleaner_is_safe_across_threads() -> None:
    cleaner = Cleaner()
    inputs = [p.read_bytes() for p in sorted(FIXTURES.glob("*.txt"))] * 20
    serial = [cleaner.clean(raw).to_dict() for raw in inputs]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = [d.to_dict() for d in pool.map(cleaner.clean, inputs)]
    assert parallel == serial


def test_markdown_is_detected_and_reduced() -> None:
    doc = clean(
        "# Headline Here\n\nSee [the report](https://x.org/r) and **this**."
        "\n\n## Background\n\nMore."
    )
    assert doc.format == "markdown"
    assert doc.title == "Headline Here"
    assert doc.text == "See the report and this.\n\nBackground\n\nMore."


def test_html_input_is_extracted() -> None:
    html = (
        "<html><head><title>Big Story | Example News</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Big Story</h1>"
        + "".join(
            f"<p>Paragraph {i} of the article body, with enough words to count as text.</p>"
            for i in range(6)
        )
        + "</article></body></html>"
    )
    doc = clean(html, url="https://example.com/big-story")
    assert doc.format == "html" and doc.status == "ok"
    assert "Paragraph 0 of the article body" in doc.text
    assert doc.site == "example.com"


def test_html_chrome_is_removed_with_its_rule_recorded() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<div id='cookie-banner'>We use cookies. Accept all</div><article>"
        + "".join(
            f"<p>Paragraph {i} of the story, long enough to be body text.</p>" for i in range(5)
        )
        + "</article></body></html>"
    )
    doc = clean(html)
    removed = {r.rule: r.text for r in doc.removed}
    assert removed["site-navigation"] == "Home World"
    assert removed["cookie-consent"] == "We use cookies. Accept all"
    assert all(r.start is None for r in doc.removed if r.rule in removed)
    assert "cookies" not in doc.text


def test_known_metadata_is_taken_as_given() -> None:
    raw = (
        "Budget talks resume after the long summer break in the town hall\n"
        "The council met on Monday to discuss the budget.\n"
    )
    guessed = clean(raw)
    assert guessed.title == "Budget talks resume after the long summer break in the town hall"
    doc = clean(raw, known={"title": "Council budget, day two", "author": "Jane Doe"})
    assert doc.title == "Council budget, day two"
    assert doc.provenance["title"] == "argument" and doc.author == "Jane Doe"
    assert doc.text.startswith("Budget talks resume")  # no longer taken for the title


def test_known_fields_are_what_the_input_stated_and_the_title() -> None:
    doc = clean(
        "Budget talks resume\nBy Jane Doe\nThe council met on Monday.\n",
        url="https://example.com/a",
    )
    assert doc.provenance["title"] == "rule:first-line-title"
    assert doc.provenance["author"] == "rule:byline"
    # The author a rule found is not stated; the title, however found, is the document's
    # one headline, which a second clean must not look for again in the body.
    assert doc.known_fields() == {
        "url": "https://example.com/a",
        "site": "example.com",
        "title": "Budget talks resume",
    }


def test_known_names_only_metadata_fields() -> None:
    with pytest.raises(ValueError, match="not metadata fields"):
        clean("Text.", known={"headline": "x"})


def test_a_cleaner_pickles_as_its_rules_and_options(tmp_path: Path) -> None:
    """Shipped to another process (a pool, Spark, Dask), a Cleaner compiles its rules again."""
    extra = tmp_path / "house.yaml"
    extra.write_text(
        "- id: house-footer\n  kind: drop_lines\n  description: The house footer line.\n"
        "  pattern: '^House footer$'\n  examples:\n"
        '    - input: "Body text.\\nHouse footer"\n      output: Body text.\n',
        encoding="utf-8",
    )
    original = Cleaner(extra_rules=[extra], options=CleanOptions(timeout=2.0))
    copy = pickle.loads(pickle.dumps(original))
    raw = "Read more: another story\nBody text of the story.\nHouse footer"
    assert copy.options == original.options
    assert copy.clean(raw).to_dict() == original.clean(raw).to_dict()
    assert [r.rule for r in copy.clean(raw).removed] == ["related-links", "house-footer"]
