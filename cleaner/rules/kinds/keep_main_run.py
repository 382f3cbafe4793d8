"""keep_main_run: in a whole-page dump, keep the lines that read as the article."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from cleaner import _core
from cleaner.document import Format
from cleaner.rules.base import CoreSpec, Rule
from cleaner.trees import TreeEnsemble, load_ensemble

#: The line model (trained by bench/train_dump_lines.py on whole-page dumps of the WCXB
#: dev pages' tuning fold), shipped with the kind, and its second stage, which reads the
#: first stage's probabilities around each line.
MODEL_PATH = Path(__file__).with_name("keep_main_run_model.json")
CONTEXT_MODEL_PATH = Path(__file__).with_name("keep_main_run_context_model.json")


@cache
def line_model() -> TreeEnsemble:
    """The shipped line model, loaded once per process."""
    return load_ensemble(MODEL_PATH, tuple(_core.dump_line_columns()))


@cache
def context_model() -> TreeEnsemble:
    """The shipped second stage, loaded once per process."""
    columns = (*_core.dump_line_columns(), *_core.dump_context_columns())
    return load_ensemble(CONTEXT_MODEL_PATH, columns)


class KeepMainRun(Rule):
    """Page furniture around and among the article in a page converted to Markdown or
    text whole.

    A text is a dump only with `min_furniture` link or image lines (lines that are
    mostly link text, or only images), a fifth of its lines furniture and three
    of its first or last ten (a page's header or footer); so an article, or an
    already clean text, loses nothing. In a dump, a learned line model scores
    each line from what a reader sees of it (Markdown links as their text, images
    as nothing, no URLs or list marks: length, link share, punctuation, heading
    and list marks, code and tables) and of the lines around it (neighbours, the
    link and prose shares of windows of lines, of its run of list items and of
    its section, the distance to prose), and a second stage scores it again with
    what the first made of the lines around it; the lines it keeps stay, and each
    run of the others goes as one removal. In a dump that lists items (link lines long
    enough to be titles, three times its prose lines), those lines stay whatever
    the model says. A line of `min_prose_chars` visible characters (a Chinese or
    Japanese character counting as three), or a sentence
    of eight words, counts as prose. When the model keeps nothing, nothing goes.
    """

    default_phase = "extract"
    kind: Literal["keep_main_run"]
    formats: tuple[Format, ...] = ("text", "markdown")
    min_furniture: int = Field(default=5, ge=1, le=10_000)
    min_prose_chars: int = Field(default=80, ge=1, le=10_000)

    def _kind_spec(self) -> CoreSpec:
        model, second = line_model(), context_model()
        return {
            "min_furniture": self.min_furniture,
            "min_prose_chars": self.min_prose_chars,
            "line_model": model.forest,
            "line_threshold": model.threshold_value,
            "context_model": second.forest,
            "context_threshold": second.threshold_value,
        }
