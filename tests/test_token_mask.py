"""The core's TokenMask finds the block features' name words as a regex alternation does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import _core
from cleaner.extract.block_features import NAME_TOKENS

#: The reference: the alternation of the words, longest first, scanned by `re`.
_PATTERN = re.compile("|".join(sorted(NAME_TOKENS, key=len, reverse=True)))
_MASK = _core.TokenMask(list(NAME_TOKENS))


def _reference(text: str) -> int:
    bits = 0
    for match in _PATTERN.finditer(text):
        bits |= 1 << NAME_TOKENS.index(match.group())
    return bits


def test_class_strings_give_their_words_bits() -> None:
    text = "site-nav main-content postitle"
    expected = sum(1 << NAME_TOKENS.index(word) for word in ("nav", "main", "content", "post"))
    assert _MASK.mask(text) == expected == _reference(text)
    assert _MASK.mask("") == 0


#: Pieces of words (whole, cut, overlapping) and separators, so texts hold near misses.
_PIECES = st.sampled_from(
    [
        *NAME_TOKENS,
        *(token[:3] for token in NAME_TOKENS),
        *(token[2:] for token in NAME_TOKENS),
        *("-", " ", "_", "é", "ß", "İ", "x", "1"),
    ]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_the_mask_is_the_alternations_matches(text: str) -> None:
    lowered = text.lower()
    assert _MASK.mask(lowered) == _reference(lowered)


@pytest.mark.parametrize("tokens", [["a", ""], ["a", "a"], [f"w{index}" for index in range(129)]])
def test_word_lists_it_cannot_hold_are_refused(tokens: list[str]) -> None:
    with pytest.raises(ValueError):
        _core.TokenMask(tokens)
