"""Hostile text: non-Latin scripts, invisible controls, pages of boilerplate, greedy rules,
and documents that run out of time, on the main thread and off it."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cleaner import Cleaner, clean
from cleaner.deadline import Deadline, enforced
from cleaner.document import Document
from cleaner.text_phase import DEFAULT_MAX_REMOVED_SHARE, removed_share

CLEANER = Cleaner()

#: (headline, body paragraphs) of short news items in scripts the shipped rules
#: were not written for.
ARTICLES = {
    "chinese": (
        "北京新地铁线路明年开通",
        "北京市政府周一宣布，新的地铁线路将于明年开通。\n\n"
        "这条线路全长三十公里，共设二十个车站，预计每天运送乘客五十万人次。",
    ),
    "japanese": (
        "新しい図書館、来春開館へ",
        "東京都は月曜日、新しい図書館を来年春に開館すると発表した。\n\n"
        "住民からは「子どもと一緒に通いたい」という声が上がっている。",
    ),
    "arabic": (
        "افتتاح حديقة عامة جديدة في وسط المدينة",
        "أعلنت بلدية المدينة يوم الاثنين عن افتتاح حديقة عامة جديدة.\n\n"
        "وقال رئيس البلدية إن المشروع استغرق ثلاث سنوات من العمل.",
    ),
    "russian": (
        "В Москве откроется новая станция метро",
        "Мэрия Москвы в понедельник объявила об открытии новой станции метро.\n\n"
        "Станция «Парковая» примет первых пассажиров в декабре, сообщает корреспондент.",
    ),
    "hindi": (
        "दिल्ली में नई मेट्रो लाइन",
        "दिल्ली सरकार ने सोमवार को नई मेट्रो लाइन खोलने की घोषणा की।\n\nयह लाइन तीस किलोमीटर लंबी होगी।",
    ),
}


@pytest.mark.parametrize("script", ARTICLES)
def test_shipped_rules_leave_a_non_latin_article_untouched(script: str) -> None:
    _, body = ARTICLES[script]
    doc = CLEANER.clean(body)
    assert (doc.status, doc.text, doc.removed) == ("ok", body, [])


@pytest.mark.parametrize("script", ARTICLES)
def test_non_latin_body_survives_boilerplate_around_it(script: str) -> None:
    headline, body = ARTICLES[script]
    raw = f"# {headline}\n\n**{headline}**\n\n{body}\n\nAdvertisement\n\nRead more: https://example.com/next\n"
    doc = CLEANER.clean(raw)
    assert doc.format == "markdown"
    assert doc.title == headline
    assert doc.text == body


@pytest.mark.parametrize("script", ARTICLES)
def test_non_latin_text_in_every_encoding_it_is_sent_in(script: str) -> None:
    _, body = ARTICLES[script]
    for codec in ("utf-8", "utf-16"):
        assert CLEANER.clean(body.encode(codec)).text == body


INVISIBLES = {
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "zero-width non-joiner": "\u200c",
    "byte order mark": "\ufeff",
    "left-to-right mark": "\u200e",
    "right-to-left override": "\u202e",
    "pop directional formatting": "\u202c",
    "first strong isolate": "\u2068",
}


@pytest.mark.parametrize("name", INVISIBLES)
def test_invisible_controls_are_kept_and_offsets_stay_true(name: str) -> None:
    """They carry meaning in some scripts (ZWNJ in Persian, ZWJ in emoji), so they stay;
    a line of boilerplate next to them is still found and its offsets still point
    at it."""
    char = INVISIBLES[name]
    raw = f"First{char} paragraph of the{char} story.\n\nAdvertisement\n\nSecond {char}paragraph."
    doc = CLEANER.clean(raw)
    assert doc.status == "ok"
    assert doc.text == f"First{char} paragraph of the{char} story.\n\nSecond {char}paragraph."
    assert [r.rule for r in doc.removed] == ["ad-label-line"]
    for removal in doc.removed:
        assert raw[removal.start : removal.end] == removal.text


def test_persian_zero_width_non_joiner_and_emoji_sequences_survive() -> None:
    persian = "می\u200cخواهم به خانه بروم."
    family = "The family \U0001f468\u200d\U0001f469\u200d\U0001f467 arrived."
    assert clean(f"{persian}\n\n{family}").text == f"{persian}\n\n{family}"


def test_page_of_boilerplate_only_is_empty_with_a_reason() -> None:
    raw = "Advertisement\n\nRead more: https://example.com/a\n\nAdvertisement\n"
    doc = CLEANER.clean(raw)
    assert (doc.status, doc.text) == ("empty", "")
    assert doc.reason == "rules removed all text"
    assert doc.removed and all(r.rule for r in doc.removed)


# Over-removal: a document the rules mostly remove is flagged, not silently emptied.

GREEDY_RULE = """\
- id: greedy
  kind: drop_lines
  description: Drops every line that mentions the council (a rule written too broadly).
  pattern: 'council'
  examples:
    - input: "The council met."
      output: ""
"""
KEPT = "Nothing else happened."
MOSTLY_COUNCIL = "\n".join(f"The council met for the {n}th time today." for n in range(8)) + (
    f"\n{KEPT}"
)


@pytest.fixture(scope="module")
def greedy(tmp_path_factory: pytest.TempPathFactory) -> Cleaner:
    path = tmp_path_factory.mktemp("rules") / "greedy.yaml"
    path.write_text(GREEDY_RULE, encoding="utf-8")
    return Cleaner(rules=[path])


def test_rules_removing_most_of_a_document_are_flagged_with_the_share(greedy: Cleaner) -> None:
    doc = greedy.clean(MOSTLY_COUNCIL)
    share = removed_share(MOSTLY_COUNCIL, doc.removed)
    assert share > DEFAULT_MAX_REMOVED_SHARE
    assert doc.text == KEPT and doc.status == "ok"  # the result is kept, and flagged
    limit = DEFAULT_MAX_REMOVED_SHARE
    assert doc.warnings == [
        f"over-removal: rules removed {share:.0%} of the text (limit {limit:.0%})"
    ]
    assert doc.to_dict()["warnings"] == doc.warnings


def test_share_counts_visible_characters_only(greedy: Cleaner) -> None:
    doc = greedy.clean(MOSTLY_COUNCIL)
    removed = sum(len("".join(r.text.split())) for r in doc.removed)
    assert removed_share(MOSTLY_COUNCIL, doc.removed) == removed / len(
        "".join(MOSTLY_COUNCIL.split())
    )


def test_over_removal_limit_is_settable(greedy: Cleaner) -> None:
    assert greedy.clean(MOSTLY_COUNCIL, max_removed_share=0.99).warnings == []
    assert greedy.clean(MOSTLY_COUNCIL, max_removed_share=None).warnings == []
    flagged = greedy.clean(
        "The council met.\nA much longer sentence that stays.", max_removed_share=0.1
    )
    assert flagged.warnings and "(limit 10%)" in flagged.warnings[0]


def test_a_document_emptied_by_rules_is_empty_and_flagged(greedy: Cleaner) -> None:
    doc = greedy.clean("The council met.\nThe council left.")
    assert (doc.status, doc.reason) == ("empty", "rules removed all text")
    assert doc.warnings == ["over-removal: rules removed 100% of the text (limit 60%)"]


def test_share_outside_zero_to_one_is_refused(greedy: Cleaner) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        greedy.clean("text", max_removed_share=1.5)


def test_ordinary_documents_are_not_flagged() -> None:
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    for path in sorted(fixtures.glob("*.*")):
        if path.suffix in (".txt", ".html"):
            assert CLEANER.clean(path.read_bytes()).warnings == [], path.name


# Time limits: a timer signal on the main thread, the checks between steps elsewhere.


#: A text of about 14 MB whose every line some rule looks at: minutes of rule work would be
#: needed to finish it under a slow engine, and well over the limits below in the core.
HUGE = "Read more: another story\nA line of the body with words in it.\n" * 220_000


@pytest.mark.parametrize("where", ["main thread", "worker thread"])
def test_the_core_stops_a_huge_text_at_its_deadline(where: str) -> None:
    """The core checks the deadline itself, before every rule, from any thread."""
    started = time.monotonic()
    if where == "main thread":
        doc = CLEANER.clean(HUGE, timeout=0.05)
    else:
        with ThreadPoolExecutor(1) as pool:
            doc = pool.submit(CLEANER.clean, HUGE, timeout=0.05).result()
    assert (doc.status, doc.reason) == ("error", "timeout")
    assert time.monotonic() - started < 1.5


def test_a_document_within_its_time_is_cleaned_in_a_worker_thread() -> None:
    with ThreadPoolExecutor(1) as pool:
        doc = pool.submit(CLEANER.clean, "A plain paragraph.", timeout=5).result()
    assert doc.status == "ok"


def test_timer_is_not_used_off_the_main_thread() -> None:
    seen: list[bool] = []

    def probe() -> None:
        import signal

        before = signal.getitimer(signal.ITIMER_REAL)
        with enforced(Deadline(1.0)):
            seen.append(signal.getitimer(signal.ITIMER_REAL) == before)

    worker = threading.Thread(target=probe)
    worker.start()
    worker.join()
    assert seen == [True]


def test_huge_document_in_a_worker_thread_respects_the_limit() -> None:
    raw = ("A line of ordinary article text, nothing more.\n" * 400_000).encode()
    with ThreadPoolExecutor(1) as pool:
        doc: Document = pool.submit(CLEANER.clean, raw, timeout=0.001).result()
    assert (doc.status, doc.reason) == ("error", "timeout")
