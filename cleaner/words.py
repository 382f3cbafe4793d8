"""Word counts that hold for every script, not only for the ones that put spaces
between words.

Chinese and Japanese (and Thai, Lao, Khmer, Burmese) write a sentence without
spaces, so `str.split()` takes a whole paragraph for one word: a 700-character
Japanese article counted as five words, and the empty-page check took it for a
script-rendered shell. Here a run of such characters counts one word per
`CHARS_PER_WORD` characters, about what a word of those languages averages.
"""

from __future__ import annotations

import re

#: Characters of scripts written without spaces between words: CJK ideographs,
#: kana, and the Southeast Asian scripts.
UNSPACED = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
#: Characters of an unspaced script taken for one word.
CHARS_PER_WORD = 2
_WORD = re.compile(r"\w+")


def word_count(text: str, enough: int | None = None) -> int:
    """The words of `text`; with `enough`, counting may stop once that many are found
    (the count is then at least `enough`)."""
    if enough is None:
        spaced = len(text.split())
    else:
        spaced = len(text.split(maxsplit=enough))
        if spaced > enough:
            return spaced
    if text.isascii():
        return spaced
    unspaced = len(UNSPACED.findall(text))
    return spaced + unspaced // CHARS_PER_WORD


#: Commas of the scripts that do not use ",": full-width and ideographic (Chinese,
#: Japanese) and Arabic.
OTHER_COMMAS = ("，", "、", "،")


def word_set(text: str) -> set[str]:
    """A text's distinct words (runs of `\\w`), lower-cased: what "does this text show
    that line" compares (a description or a recipe line against the extracted text)."""
    return set(_WORD.findall(text.lower()))


def comma_count(text: str) -> int:
    """The commas of `text`, in every script's form."""
    return text.count(",") + sum(text.count(comma) for comma in OTHER_COMMAS)


#: The characters of a space-separated script one character of an unspaced script
#: stands for: a word and its space over the two characters of a word.
LATIN_CHARS_PER_UNSPACED = 3


def latin_equivalent_chars(text: str) -> int:
    """`text`'s length as a space-separated script would write as much."""
    if text.isascii():
        return len(text)
    unspaced = len(UNSPACED.findall(text))
    return len(text) + (LATIN_CHARS_PER_UNSPACED - 1) * unspaced


#: Full stops of the scripts that do not use ".": ideographic and full-width (Chinese,
#: Japanese), Devanagari's danda, Urdu's full stop.
OTHER_STOPS = ("。", "．", "।", "۔")
#: What a sentence ends with, in every script's form.
SENTENCE_ENDS = ".!?:" + "".join(OTHER_STOPS) + "！？：؟"


def stop_count(text: str) -> int:
    """The full stops of `text`, in every script's form."""
    if text.isascii():
        return text.count(".")
    return text.count(".") + sum(text.count(stop) for stop in OTHER_STOPS)


def ends_like_a_sentence(text: str) -> bool:
    """Whether `text`'s last character ends a sentence in some script."""
    return bool(text) and text[-1] in SENTENCE_ENDS


def starts_like_a_sentence(text: str) -> bool:
    """Whether `text` opens as a sentence does: with a capital, or with a letter of a
    script that has no case (Chinese, Japanese, Arabic, Hebrew, Hindi, Thai...), where
    every sentence opens so."""
    first = text[:1]
    return first.isupper() or (first.isalpha() and not first.islower())
