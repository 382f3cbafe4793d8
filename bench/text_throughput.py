"""Text-phase throughput: how many MB/s one core cleans with the shipped rules.

What it measures
----------------
A corpus of at least `--mb` MB (default 20; 1 MB = 10^6 UTF-8 bytes) is built
in memory from the five seed articles in `fixtures/*.txt`. Every document is a
light, seeded variation of a seed, so the rules have real work to do and no
two documents are the same: body paragraphs are partly reordered, numbers,
names, places and dates are changed, and chrome is added the way scrapes carry
it (a "Related article:" or "Read more:" line, a photo-credit caption, a byline,
a share bar, a bare URL, another site's donation or newsletter appeal, a
source-url footer). About a third of the documents are Markdown, the rest plain
text (the Markdown seed is sometimes flattened to plain text, plain seeds are
sometimes given Markdown headings, emphasis and links).

Three loops then run over the same corpus in this one process, each timed on
its own (building the corpus is not timed, nor is a warm-up of the cleaner on
0.5 MB of documents from another seed, which lets the lazy DFAs build their states):

* floor   - reading the in-memory corpus and splitting every document into
            lines, the least any line-oriented cleaner has to do;
* naive   - the default rules' patterns as a plain loop of `re.sub` calls per
            document (Python's `re`, patterns translated from the rule dialect), the
            obvious hand-written alternative to the engine (the slowest loop:
            some of those patterns backtrack a lot under `re`);
* cleaner - `Cleaner().clean(text)` on every document: format detection, the
            prefilter, every applicable rule, the removal records and the
            canonical body. Results are dropped as they come, as a service
            that writes them out would.

The floor and the cleaner loops run `--repeat` times (default 3) and the table
gives each one's best run, as timeit reports the best of its repeats: on a
shared machine a slower run measures what else the machine was doing. The
cleaner's median run is printed under the table, so the spread shows.
The table gives MB/s, docs/s and each loop's speed as a share of the floor's.
Below it, from a second, untimed pass of the cleaner, come the statuses (how
many documents ended `ok`), the fields found and the rules that fired most
often (counted from `Document.removed`), to show that the rules did real work.
The target is >= 30 MB/s for `cleaner` on one core. A full run takes well
under two minutes, most of it the naive loop (`--no-naive` skips it).

How to run
----------
From the repository root, with the project installed::

    python bench/text_throughput.py            # full run, 20 MB
    python bench/text_throughput.py --mb 50    # a bigger corpus
    python bench/text_throughput.py --quick    # a ~1 MB smoke run

Options: `--seed` changes the corpus, `--no-naive` skips the `re.sub` loop,
`--repeat` sets how many times the floor and cleaner loops run.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner import Cleaner, Document
from cleaner.document import METADATA_FIELDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MB = 1_000_000
WARM_UP_MB = 0.5

# --- Vocabulary for the variations -------------------------------------------------

#: Names and places swapped consistently within one document: each row's first entry is
#: the seed's wording, and every entry of a row is used together (full name and surname).
SWAPS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (
        ("Vladimir Putin", "Putin"),
        ("Dmitry Medvedev", "Medvedev"),
        ("Sergei Lavrov", "Lavrov"),
        ("Mikhail Mishustin", "Mishustin"),
    ),
    (("Xi Jinping", "Xi"), ("Li Qiang", "Li"), ("Wang Yi", "Wang"), ("Zhao Leji", "Zhao")),
    (("Vedant Patel", "Patel"), ("Matthew Miller", "Miller"), ("John Kirby", "Kirby")),
    (("Harbin",), ("Shenyang",), ("Dalian",), ("Changchun",), ("Vladivostok",)),
    (("Kharkiv",), ("Sumy",), ("Vovchansk",), ("Chernihiv",)),
    (("Friday",), ("Monday",), ("Tuesday",), ("Wednesday",)),
    (("Thursday",), ("Sunday",), ("Saturday",)),
)
_SWAP_RE = re.compile(
    "|".join(
        rf"\b{re.escape(word)}\b"
        for word in sorted((w for row in SWAPS for w in row[0]), key=len, reverse=True)
    )
)
_NUMBER_RE = re.compile(r"(?<![\d\-:/.])\b\d{1,3}\b(?![\-:/]\d|\.\d)")
_ISO_DATE_RE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
_PUBLISHED_RE = re.compile(r"(?m)^[^\S\n]*Published: [^\n]*$")
_DATED_LINE_RE = re.compile(
    r"(?m)^(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December) \d{1,2}, \d{4}$"
)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONATE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)

HEADLINES = (
    "Putin in trade push on final day of China trip",
    "Kremlin seeks Chinese backing as sanctions bite",
    "Energy deals dominate Harbin expo",
    "Beijing and Moscow pledge closer high-tech cooperation",
    "Xi and Putin frame ties as force for stability",
)
AUTHORS = (
    "Jane Doe",
    "Anna-Lena van der Berg",
    "Marc Dupont",
    "Olga Petrova",
    "Tom Baker",
    "Li Wei",
    "Carlos de la Vega",
)
CREDITS = (
    "Jane Doe/AP",
    "Alexander Zemlianichenko/AP",
    "Sergei Bobylev, TASS / kremlin.ru",
    "Pedro Pardo/AFP",
    "dpa",
    "Maxim Shemetov/Reuters",
)
AGENCIES = ("Reuters", "AFP", "TASS", "AP", "Getty Images", "Xinhua", "EPA-EFE")
SITES = (
    "example-news.com",
    "dailyglobe.example.org",
    "www.themoscowtimes.com",
    "nachrichten.example.de",
    "lemonde.example.fr",
)


@dataclass(frozen=True)
class Seed:
    """One fixture article split into paragraphs, with the separator it uses."""

    name: str
    head: list[str]  # paragraphs kept in place at the top
    body: list[str]  # paragraphs that may be reordered and have chrome put between them
    tail: list[str]  # paragraphs kept in place at the end (appeals, footers)
    sep: str
    markdown: bool


def load_seeds(folder: Path) -> list[Seed]:
    """The fixture articles (`*.txt` only), split into head, body and tail paragraphs."""
    seeds = [
        _split_seed(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt"))
    ]
    if not seeds:
        sys.exit(f"no *.txt fixtures in {folder}")
    return seeds


def _split_seed(name: str, text: str) -> Seed:
    """Paragraphs up to the first long one are the head; the appeal and footer, the tail."""
    sep = "\n\n" if "\n\n" in text.strip() else "\n"
    paragraphs = text.split(sep)
    first_body = next(i for i, p in enumerate(paragraphs) if len(p.strip()) > 150)
    head, rest = paragraphs[: first_body + 1], paragraphs[first_body + 1 :]
    tail_from = len(rest)
    for i, paragraph in enumerate(rest):
        if paragraph.startswith(("A Message from", "Original url:")):
            tail_from = i
            break
    markdown = "**" in text or "](" in text or "\n# " in text
    return Seed(name, head, rest[:tail_from], rest[tail_from:], sep, markdown)


# --- Chrome a scrape picks up ------------------------------------------------------


def related_line(rng: random.Random, markdown: bool) -> str:
    """A link to another article set between paragraphs."""
    label = rng.choice(
        (
            "Related article:",
            "Read more:",
            "READ MORE:",
            "See also:",
            "Lesen Sie auch:",
            "Related:",
            "Lire aussi :",
        )
    )
    title = rng.choice(HEADLINES)
    if markdown:
        return f"**{label}** [{title}](https://{rng.choice(SITES)}/{rng.randrange(10**6)})"
    return f"{label} {title}"


def caption_line(rng: random.Random, markdown: bool) -> str:
    """A photo caption with its credit, in one of the shapes the caption rules know."""
    who = rng.choice(("Putin", "Xi Jinping", "Delegates", "Workers", "Visitors"))
    where = rng.choice(("at the expo", "in Harbin", "in Beijing on May 16", "at a news conference"))
    text = f"{who} {where}."
    shape = rng.randrange(4 if markdown else 3)
    if shape == 0:
        return f"{text} Photo: {rng.choice(CREDITS)}"
    if shape == 1:
        return f"{text} ({rng.choice(AGENCIES)})"
    if shape == 2:
        return f"Photograph: {rng.choice(CREDITS)}"
    return f"{text} **{rng.choice(CREDITS)}**"


def share_bar(rng: random.Random) -> str:
    """A row of share buttons rendered as text."""
    buttons = rng.sample(("Facebook", "Twitter", "Email", "LinkedIn", "WhatsApp", "Telegram"), 3)
    label = rng.choice(("Share: ", "Share this article ", ""))
    return label + rng.choice((" ", " | ")).join(buttons)


def appeal_block(rng: random.Random) -> str:
    """Another site's donation or newsletter box, from its opening line to its close."""
    blocks = (
        (
            "Dear readers,",
            "Independent journalism costs money. Every contribution, however "
            "small, keeps our reporting free for everyone.",
            "Support us today",
        ),
        (
            "Liebe Leserinnen und Leser,",
            "unabhängiger Journalismus kostet Geld. Mit Ihrer "
            "Unterstützung bleibt diese Seite frei zugänglich.",
            "Jetzt unterstützen",
        ),
        (
            "Chers lecteurs,",
            "notre rédaction est indépendante et a besoin de vous pour continuer à informer.",
            "Faire un don",
        ),
        (
            "Sign up for our Morning Briefing newsletter",
            "The news you need, every weekday.",
            "Read our privacy policy",
        ),
        (
            "A note from the editors:",
            "We rely on readers like you. Please consider a gift of $5 a month.",
            "Maybe later",
        ),
    )
    return "\n".join(rng.choice(blocks))


def url_footer(rng: random.Random, markdown: bool) -> str:
    """A footer naming the article's url."""
    url = f"https://{rng.choice(SITES)}/{rng.randrange(2019, 2025)}/{rng.randrange(10**7)}"
    if markdown:
        return f"Original url:\n\n<{url}>"
    return f"{rng.choice(('Source', 'Original url', 'Quelle'))}: {url}"


# --- Variations of one seed --------------------------------------------------------


def random_date(rng: random.Random) -> tuple[int, int, int]:
    """A valid (year, month, day)."""
    return rng.randrange(2019, 2026), rng.randrange(1, 13), rng.randrange(1, 29)


def iso_date(rng: random.Random) -> str:
    """A valid date as YYYY-MM-DD."""
    year, month, day = random_date(rng)
    return f"{year:04d}-{month:02d}-{day:02d}"


def published_line(rng: random.Random) -> str:
    """A "Published: …" line in one of several shapes and languages."""
    year, month, day = random_date(rng)
    hour, minute = rng.randrange(24), rng.randrange(60)
    shape = rng.randrange(3)
    if shape == 0:
        return f" Published: {hour:02d}:{minute:02d}, {day} {MONTHS[month - 1]} {year}"
    if shape == 1:
        return f"Updated on {MONTHS[month - 1]} {day}, {year}"
    return f"Veröffentlicht am {day}. {MONATE[month - 1]} {year}, {hour:02d}:{minute:02d} Uhr"


def dated_line(rng: random.Random) -> str:
    """A line holding only a date."""
    year, month, day = random_date(rng)
    if rng.random() < 0.5:
        return f"{MONTHS[month - 1]} {day}, {year}"
    return f"{day} {MONTHS[month - 1]} {year}"


def swap_names(text: str, rng: random.Random) -> str:
    """Swap people, places and weekdays, the same way throughout the document."""
    chosen: dict[str, str] = {}
    for row in SWAPS:
        replacement = rng.choice(row)
        chosen.update(zip(row[0], replacement, strict=True))
    return _SWAP_RE.sub(lambda m: chosen[m.group(0)], text)


def renumber(text: str, rng: random.Random) -> str:
    """New small numbers (amounts, counts) and new ISO dates."""
    text = _NUMBER_RE.sub(lambda m: str(rng.randrange(2, 10 ** len(m.group(0)))), text)
    return _ISO_DATE_RE.sub(lambda _: iso_date(rng), text)


def to_markdown(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Give a plain article Markdown marks: a few links and bold words, a subheading."""
    out = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        if len(words) > 12 and rng.random() < 0.4:
            i = rng.randrange(len(words) - 3)
            words[i] = (
                f"[{words[i]} {words[i + 1]}](https://{rng.choice(SITES)}/{rng.randrange(10**5)})"
            )
            del words[i + 1]
        if len(words) > 12 and rng.random() < 0.3:
            i = rng.randrange(len(words))
            words[i] = f"**{words[i]}**"
        out.append(" ".join(words).replace("$", "\\$"))
    if len(out) > 4:
        out.insert(rng.randrange(2, len(out)), "## " + rng.choice(HEADLINES))
    return out


def to_plain(text: str) -> str:
    """Flatten a Markdown article: no links, emphasis, escapes or heading marks."""
    text = re.sub(r"!?\[([^\]\n]*)\]\([^)\n]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = text.replace("**", "").replace("\\$", "$")
    return re.sub(r"(?m)^#{1,6} ", "", text)


def light_shuffle(body: list[str], rng: random.Random) -> list[str]:
    """Swap a few body paragraphs: the article still reads, but in another order."""
    body = list(body)
    for _ in range(rng.randrange(1, 4)):
        if len(body) < 2:
            break
        i = rng.randrange(len(body) - 1)
        j = min(len(body) - 1, i + rng.randrange(1, 4))
        body[i], body[j] = body[j], body[i]
    return body


def variant(seed: Seed, rng: random.Random) -> str:
    """One document: the seed reordered, renamed, redated, with chrome added."""
    sep = seed.sep
    markdown = rng.random() < (0.8 if seed.markdown else 0.2)
    head = [_vary_head(p, rng) for p in seed.head]
    headline = next((i for i, p in enumerate(head[:-1]) if 20 <= len(p.strip()) <= 150), None)
    if headline is not None and rng.random() < 0.3:
        head.insert(headline + 1, f"By {rng.choice(AUTHORS)}")
    if len(head) == 1 and not _ISO_DATE_RE.search(head[0]) and rng.random() < 0.3:
        head.insert(0, dated_line(rng))
    body = [renumber(p, rng) for p in light_shuffle(seed.body, rng)]
    if markdown and not seed.markdown:
        body = to_markdown(body, rng)
    chrome: list[Callable[[], str]] = [
        lambda: related_line(rng, markdown),
        lambda: caption_line(rng, markdown),
        lambda: share_bar(rng),
        lambda: f"https://{rng.choice(SITES)}/news/{rng.randrange(10**6)}",
    ]
    for _ in range(rng.randrange(0, 4)):
        body.insert(rng.randrange(len(body) + 1), rng.choice(chrome)())
    tail = list(seed.tail)
    if rng.random() < 0.35:
        tail.insert(0, appeal_block(rng))
    if not any(p.startswith("Original url:") for p in tail) and rng.random() < 0.3:
        tail.append(url_footer(rng, markdown))
    text = swap_names(sep.join(head + body + tail), rng)
    if seed.markdown and not markdown:
        text = to_plain(text)
    return text


def _vary_head(paragraph: str, rng: random.Random) -> str:
    """Head paragraphs keep their role, with another date in another shape."""
    paragraph = _ISO_DATE_RE.sub(lambda _: iso_date(rng), paragraph)
    paragraph = _PUBLISHED_RE.sub(lambda _: published_line(rng), paragraph)
    return _DATED_LINE_RE.sub(lambda _: dated_line(rng), paragraph)


def build_corpus(seeds: Sequence[Seed], megabytes: float, seed: int) -> list[str]:
    """Documents varied from the seeds until their UTF-8 size reaches `megabytes`."""
    rng = random.Random(seed)
    docs: list[str] = []
    size = 0
    while size < megabytes * MB:
        doc = variant(seeds[len(docs) % len(seeds)], rng)
        docs.append(doc)
        size += len(doc.encode("utf-8"))
    return docs


# --- The timed loops ---------------------------------------------------------------


def run_floor(docs: Sequence[str]) -> int:
    """Read every document and split it into lines."""
    count = 0
    for doc in docs:
        count += len(doc.split("\n"))
    return count


#: Rule-dialect classes Python's `re` lacks, as the bare ranges that stand in for them (ASCII,
#: Latin-1, Latin Extended-A and Cyrillic letters; good enough for a cost baseline).
_DIALECT_CLASSES = {
    r"\p{Lu}": "A-ZÀ-ÖØ-ÞА-ЯЁ",
    r"\p{Ll}": "a-zß-öø-ÿа-яё",
    r"\p{M}": "\u0300-\u036f",
    r"\p{Nd}": "0-9",
    r"\p{Latin}": "A-Za-zÀ-ÖØ-öø-ɏ",
    r"\p{Greek}": "\u0370-\u03ff",
    r"\p{Cyrillic}": "\u0400-\u04ff",
    r"\p{Hebrew}": "\u0590-\u05ff",
    r"\p{Arabic}": "\u0600-\u06ff",
    r"\p{Devanagari}": "\u0900-\u097f",
    r"\p{Thai}": "\u0e00-\u0e7f",
    r"\p{Hangul}": "\u1100-\u11ff\uac00-\ud7a3",
    r"\p{Hiragana}": "\u3040-\u309f",
    r"\p{Katakana}": "\u30a0-\u30ff",
    r"\p{Han}": "\u3400-\u4dbf\u4e00-\u9fff",
    r"\p{Extended_Pictographic}": "\u2600-\u27bf\U0001f300-\U0001faff",
    r"\pL": "a-zA-ZÀ-ÖØ-öø-ÿĀ-žА-яЁё",
    r"\pN": "0-9",
}


def to_python_re(source: str) -> str:
    """A rule pattern in Python `re` syntax: Unicode classes and scripts as ranges, `\\z` as `\\Z`.

    The ranges are each script's main block, near enough for a baseline that only has to do
    comparable work; `(?-u:...)` (ASCII-only word boundaries) becomes a plain group.
    """
    source = source.replace("(?-u:", "(?:")
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(source):
        for token, ranges in _DIALECT_CLASSES.items():
            if source.startswith(token, i):
                out.append(ranges if in_class else f"[{ranges}]")
                i += len(token)
                break
        else:
            char = source[i]
            if char == "\\":
                escaped = source[i : i + 2]
                out.append("\\Z" if escaped == "\\z" else escaped)
                i += 2
                continue
            if char == "[" and not in_class:
                in_class = True
            elif char == "]" and in_class:
                in_class = False
            out.append(char)
            i += 1
    return "".join(out)


def naive_patterns(cleaner: Cleaner) -> list[re.Pattern[str]]:
    """Every pattern of the loaded rules, compiled with Python's `re`."""
    sources = []
    for rule in cleaner.ruleset.rules:
        for name in ("pattern", "start", "end", "fingerprint"):
            pattern = getattr(rule, name, None)
            if pattern is not None and hasattr(pattern, "source"):
                sources.append(pattern.source)
    return [re.compile(to_python_re(source), re.MULTILINE) for source in sources]


def run_naive(docs: Sequence[str], patterns: Sequence[re.Pattern[str]]) -> int:
    """Delete every match of every pattern, one `re.sub` after another."""
    kept = 0
    for doc in docs:
        for pattern in patterns:
            doc = pattern.sub("", doc)
        kept += len(doc)
    return kept


def warm_up(cleaner: Cleaner, docs: Sequence[str]) -> None:
    """Clean other documents first, untimed: the lazy DFAs build their states as text needs them.

    A service that has run for a while has them; without this a short run
    would time their building. The documents come from another seed, so no
    timed document was seen before.
    """
    for doc in docs:
        cleaner.clean(doc)


def run_cleaner(docs: Sequence[str], cleaner: Cleaner) -> int:
    """Clean every document with the default rules, keeping nothing but a count.

    A service writes each result out and drops it; holding thousands of
    Documents alive would time Python's garbage collector as much as the cleaner.
    """
    clean = cleaner.clean
    ok = 0
    for doc in docs:
        ok += clean(doc).status == "ok"
    return ok


def timed(function: Callable[[], object]) -> tuple[float, object]:
    """Seconds `function` took, and what it returned."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def repeated(function: Callable[[], object], repeat: int) -> list[float]:
    """Seconds of each of `repeat` runs of `function`, fastest first."""
    return sorted(timed(function)[0] for _ in range(max(1, repeat)))


# --- Report ------------------------------------------------------------------------


def report(rows: list[tuple[str, float]], size: int, count: int) -> None:
    """The table: MB/s, docs/s and speed relative to the floor for each loop."""
    floor = dict(rows)["floor"]
    print(f"{'loop':<8} {'seconds':>8} {'MB/s':>9} {'docs/s':>10} {'vs floor':>9}")
    for name, seconds in rows:
        print(
            f"{name:<8} {seconds:8.3f} {size / MB / seconds:9.1f} {count / seconds:10.0f} "
            f"{floor / seconds:9.3f}"
        )


def summarise(documents: Sequence[Document]) -> None:
    """Show the rules did real work: statuses, fields found, and the rules that fired most."""
    statuses = Counter(doc.status for doc in documents)
    formats = Counter(doc.format for doc in documents)
    fired = Counter(removal.rule for doc in documents for removal in doc.removed)
    fields = {name: sum(1 for doc in documents if getattr(doc, name)) for name in METADATA_FIELDS}
    captions = sum(len(doc.captions) for doc in documents)
    print(f"\nstatus ok: {statuses['ok']} of {len(documents)} documents {dict(statuses)}")
    print(f"formats: {dict(formats)}  captions lifted: {captions}")
    print("docs with field: " + ", ".join(f"{k} {v}" for k, v in fields.items()))
    print(f"removals: {sum(fired.values())} by {len(fired)} rules; most frequent:")
    for rule, count in fired.most_common(15):
        print(f"  {count:7d}  {rule}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--quick", action="store_true", help="small smoke run (1 MB)")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the corpus")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive re.sub loop")
    parser.add_argument("--repeat", type=int, default=3, help="runs of floor and cleaner loops")
    args = parser.parse_args(argv)
    megabytes = 1.0 if args.quick else args.mb

    started = time.perf_counter()
    seeds = load_seeds(FIXTURES)
    docs = build_corpus(seeds, megabytes, args.seed)
    size = sum(len(doc.encode("utf-8")) for doc in docs)
    cleaner = Cleaner()
    warm_up(cleaner, build_corpus(seeds, WARM_UP_MB, args.seed + 1))
    print(
        f"corpus: {len(docs)} docs ({len(set(docs))} distinct), {size / MB:.1f} MB, "
        f"built in {time.perf_counter() - started:.1f} s; python {sys.version.split()[0]}\n"
    )

    rows = [("floor", repeated(lambda: run_floor(docs), args.repeat)[0])]
    if not args.no_naive:
        patterns = naive_patterns(cleaner)
        rows.append((f"naive{len(patterns)}", timed(lambda: run_naive(docs, patterns))[0]))
    runs = repeated(lambda: run_cleaner(docs, cleaner), args.repeat)
    rows.append(("cleaner", runs[0]))
    report(rows, size, len(docs))
    median = statistics.median(runs)
    print(f"cleaner, median of {len(runs)} runs: {size / MB / median:.1f} MB/s\n")
    summarise([cleaner.clean(doc) for doc in docs])  # a second, untimed pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
