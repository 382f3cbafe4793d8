"""`cleaner learn`: planted boilerplate is learned, article sentences are left alone.

The corpus is built from the seed fixtures' article sentences (each used in one
document only) with boilerplate planted on two fake sites, plus the fixtures
themselves as documents of other sites.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import yaml

from cleaner import Cleaner
from cleaner.cli import main
from tests.conftest import FIXTURES

HARBOUR = "dailyharbour.example"
GAZETTE = "rivergazette.example"
APPEAL = [
    "Keeping the lights on at the Daily Harbour",
    "Our six reporters cover every council meeting so you do not have to.",
    "Readers like you pay for that work, one coffee at a time.",
    "Chip in at the front desk or online",
]
PROMPT = "The Harbour Daily lands in your inbox at seven each morning"
SHARED = "Audio version available for registered readers"
GAZETTE_LINE = "River Gazette readers can text tips to the newsroom any hour"
#: A long background paragraph repeated in a few stories: article prose, not boilerplate.
BACKGROUND = (
    "The harbour authority was created in 1952 to manage the quays, the ferry terminal and the "
    "fishing fleet, and it has answered to the county council ever since the reorganisation."
)


MONTHS = ("March", "May", "June")


def footer(year: int) -> str:
    # A footer the shipped rules leave alone (they drop a copyright notice themselves).
    return f"Daily Harbour Media Ltd, registered in England, company number 0{year}77"


def edition(number: int) -> str:
    return f"From the Harbour print edition of {number + 3} {MONTHS[number % 3]}"


def article_sentences() -> list[str]:
    """Distinct paragraphs of the seed fixtures' reviewed bodies, in a fixed shuffled order."""
    seen: dict[str, None] = {}
    for path in sorted(FIXTURES.glob("00*.expected.json")):
        body = json.loads(path.read_text(encoding="utf-8"))["text"]
        for paragraph in body.split("\n\n"):
            if len(paragraph.split()) >= 8:
                seen.setdefault(paragraph, None)
    sentences = list(seen)
    random.Random(7).shuffle(sentences)
    return sentences


def harbour_document(number: int, sentences: list[str], rng: random.Random) -> list[str]:
    """A story with the appeal block, a footer whose year varies, and (mostly) the prompt."""
    # The edition line follows the first paragraph: right under the headline it would
    # read as the headline of the body that is left, and go as the title does.
    lines = [f"Harbour story {number}: what changed this week", sentences[0], edition(number)]
    lines += sentences[1:3]
    if number % 4 != 3:
        lines.insert(rng.randint(3, 4), PROMPT)
    if number < 3:
        lines.append(BACKGROUND)
    if number % 2:
        lines.append(SHARED)
    lines += ["", *APPEAL, "", *sentences[3:], footer(2022 + number % 3)]
    return lines


def gazette_record(number: int, sentences: list[str]) -> dict[str, str]:
    lines = [*sentences[:2], GAZETTE_LINE, SHARED, *sentences[2:]]
    url = f"https://www.{GAZETTE}/2024/05/{number + 10}/story-{number}"
    return {"url": url, "text": "\n\n".join(lines)}


PLANTED = {
    *APPEAL,
    PROMPT,
    SHARED,
    GAZETTE_LINE,
    *(footer(y) for y in (2022, 2023, 2024)),
    *(edition(n) for n in range(8)),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    sentences = article_sentences()
    rng = random.Random(11)
    site_folder = root / HARBOUR
    site_folder.mkdir()
    for number in range(8):
        mine = sentences[number * 5 : number * 5 + 5]
        text = "\n".join(harbour_document(number, mine, rng)) + "\n"
        (site_folder / f"story-{number}.txt").write_text(text, encoding="utf-8")
    records = [gazette_record(n, sentences[40 + n * 2 : 42 + n * 2]) for n in range(3)]
    (root / "gazette.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def learned(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("learned") / "learned.yaml"
    assert main(["learn", str(corpus), str(FIXTURES), "-o", str(output)]) == 0
    return output


def corpus_documents(corpus: Path) -> list[tuple[str, str | None]]:
    """(text, url) of every planted document."""
    documents: list[tuple[str, str | None]] = [
        (p.read_text(encoding="utf-8"), None) for p in sorted((corpus / HARBOUR).glob("*.txt"))
    ]
    for line in (corpus / "gazette.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        documents.append((record["text"], record["url"]))
    return documents


def test_learned_file_passes_rules_test(learned: Path) -> None:
    assert main(["rules", "test", str(learned)]) == 0


def test_learned_rules_have_kinds_sites_support_and_examples(learned: Path) -> None:
    rules = yaml.safe_load(learned.read_text(encoding="utf-8"))
    by_kind = {rule["kind"] for rule in rules}
    assert by_kind == {"drop_lines", "drop_block"}
    harbour = [r for r in rules if r.get("sites") == [HARBOUR]]
    assert harbour and all(r["id"].startswith(f"learned-{HARBOUR}-") for r in harbour)
    assert any(r["id"].startswith("learned-global-") and "sites" not in r for r in rules)
    for rule in rules:
        assert " documents " in rule["description"]
        positive, negative = rule["examples"]
        assert "output" in positive and "output" not in negative


def test_digits_generalised_only_where_they_vary(learned: Path) -> None:
    rules = yaml.safe_load(learned.read_text(encoding="utf-8"))
    (footer_rule,) = [r for r in rules if "Ltd" in r.get("pattern", "")]
    assert "[0-9]+" in footer_rule["pattern"]
    (prompt_rule,) = [r for r in rules if "inbox" in r.get("pattern", "")]
    assert "[0-9]" not in prompt_rule["pattern"]
    (edition_rule,) = [r for r in rules if "edition" in r.get("pattern", "")]
    assert edition_rule["pattern"].endswith("of[ \\t]+[0-9]+[ \\t]+\\pL+[ \\t]*$")


def test_cleaning_with_learned_rules_removes_planted_lines_only(
    corpus: Path, learned: Path
) -> None:
    baseline, with_learned = Cleaner(), Cleaner(extra_rules=[learned])
    for text, url in corpus_documents(corpus):
        before = baseline.clean(text, url=url)
        after = with_learned.clean(text, url=url)
        for planted in PLANTED:
            assert planted not in after.text
        kept = [line for line in before.text.split("\n\n") if line not in PLANTED]
        assert all(line in after.text for line in kept)
        learned_removals = [r for r in after.removed if r.rule.startswith("learned-")]
        removed_lines = {ln for r in learned_removals for ln in r.text.split("\n") if ln.strip()}
        assert removed_lines <= PLANTED


def test_repeated_background_paragraph_is_not_learned(corpus: Path, learned: Path) -> None:
    text = learned.read_text(encoding="utf-8")
    assert "harbour authority" not in text.split("examples:")[0]
    after = Cleaner(extra_rules=[learned]).clean((corpus / HARBOUR / "story-0.txt").read_text())
    assert BACKGROUND in after.text


def test_min_support_above_the_corpus_learns_nothing(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "none.yaml"
    assert main(["learn", str(corpus), "--min-support", "20", "-o", str(output)]) == 0
    assert yaml.safe_load(output.read_text(encoding="utf-8")) == []


def test_site_option_names_every_document(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "site.yaml"
    args = ["learn", str(corpus / HARBOUR), "--site", "harbour.test", "-o", str(output)]
    assert main(args) == 0
    rules = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert rules and all(r["sites"] == ["harbour.test"] for r in rules)


def test_learn_prints_to_stdout_without_output(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["learn", str(corpus / HARBOUR)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# Learned by `cleaner learn`")
    assert "learned " in captured.err


def test_bad_jsonl_line_is_one_line_error_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"url": "https://a.example/x", "text": "ok"}\n{not json\n', encoding="utf-8")
    assert main(["learn", str(bad)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"cleaner: {bad}:2: expected a JSON object")
    assert "\n" not in error


def test_html_pages_learn_from_their_extracted_body(tmp_path: Path) -> None:
    folder = tmp_path / "shop.example"
    folder.mkdir()
    sentences = article_sentences()
    funded = "Our journalism is funded by readers of the Shop Example Gazette."
    for number in range(4):
        body = "".join(f"<p>{s}</p>" for s in sentences[number * 4 : number * 4 + 4])
        page = (
            f"<!DOCTYPE html><html><head><title>Story {number}</title></head><body><article>"
            f"<h1>Story {number} about trade</h1>{body}<p>{funded}</p></article></body></html>"
        )
        (folder / f"s{number}.html").write_text(page, encoding="utf-8")
    output = tmp_path / "learned.yaml"
    assert main(["learn", str(folder), "-o", str(output)]) == 0
    (rule,) = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert rule["sites"] == ["shop.example"] and "Gazette" in rule["pattern"]
    cleaner = Cleaner(extra_rules=[output])
    for number in range(4):
        document = cleaner.clean((folder / f"s{number}.html").read_bytes())
        assert document.site == "shop.example"  # named by the learned fingerprint
        assert funded not in document.text
        assert all(s in document.text for s in sentences[number * 4 : number * 4 + 4])
