"""Learning rules from a corpus: recurring lines and blocks that are not article text.

`learn(paths, cleaner, settings)` reads the corpus (`corpus`), keeps the lines
the current rules leave (`lines`), picks what recurs per site (`candidates`),
writes rule patterns (`patterns`) and rules with examples (`rules`), and checks
them (`writer`). The `cleaner learn` command writes the result for review.
"""

from cleaner.learn.candidates import Settings
from cleaner.learn.learner import LearnResult, learn
from cleaner.learn.writer import render_rules, write_atomically

__all__ = ["LearnResult", "Settings", "learn", "render_rules", "write_atomically"]
