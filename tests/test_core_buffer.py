"""The core's edit buffer (src/buffer.rs) against cleaner/buffer.py, on generated edits.

The text phase is moving into the core; its piece table must give the very text and the
very removal offsets the Python buffer gives, whatever the edits and the input's
characters (Unicode spaces and line breaks, which the plain view rewrites, included).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import _core
from cleaner.buffer import Edit, TextBuffer

SOURCES = st.text(alphabet="ab \n\r\t\u00a0é\u2028ж.", max_size=40)
PICKS = st.lists(
    st.tuples(st.integers(0, 63), st.integers(0, 63), st.sampled_from(["", "", "x", "é\n"])),
    max_size=5,
)
CHECKED = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def concrete(text: str, picks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Edits on the text as it is now; replacements never overlap another edit."""
    edits: list[tuple[int, int, str]] = []
    for a, b, replacement in picks:
        a, b = a % (len(text) + 1), b % (len(text) + 1)
        start, end = min(a, b), max(a, b)
        clashes = any(
            (replacement or other_replacement)
            and start < max(other_end, other_start + 1)
            and other_start < max(end, start + 1)
            for other_start, other_end, other_replacement in edits
        )
        if not clashes:
            edits.append((start, end, replacement))
    return edits


@CHECKED
@given(SOURCES, st.lists(PICKS, min_size=1, max_size=4))
def test_core_buffer_gives_the_python_buffers_text_and_removals(
    source: str, rounds: list[list[tuple[int, int, str]]]
) -> None:
    python = TextBuffer(source)
    replayed: list[list[tuple[int, int, str]]] = []
    removed: list[list[tuple[int, int]]] = []
    for picks in rounds:
        edits = concrete(python.text, picks)
        replayed.append(edits)
        removals = python.apply([Edit(*edit) for edit in edits], "rule")
        removed.append([(removal.start, removal.end) for removal in removals])
    text, core_removed = _core.replay_edits(source, replayed)
    assert (text, core_removed) == (python.text, removed)
