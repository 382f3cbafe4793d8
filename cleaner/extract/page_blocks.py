"""A pruned page's text blocks and what the prose-based finder made of them.

The one view both the finder's choice and the learned block classifier start
from, and the one the training script (bench/train_blocks.py) featurizes, so
training and run time see the same blocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from selectolax.lexbor import LexborNode

from cleaner.extract.article_text import ArticleText, article_text
from cleaner.extract.block_features import block_features
from cleaner.extract.blocks import Block, text_blocks, trace_chains
from cleaner.extract.main_content import MainContent, find_main_content
from cleaner.trees import Rows


@dataclass
class PageBlocks:
    """The blocks of a page, the finder's main containers, and its article text."""

    blocks: list[Block]
    main: MainContent | None
    article: ArticleText | None

    @cached_property
    def in_main(self) -> list[bool]:
        """Per block: whether it lies in one of the finder's main containers."""
        if self.main is None:
            return [False] * len(self.blocks)
        containers = frozenset(container.mem_id for container in self.main.containers)
        return [not containers.isdisjoint(block.chain) for block in self.blocks]

    @cached_property
    def kept(self) -> list[bool]:
        """Per block: whether the finder's article text keeps it."""
        chosen = {id(block) for block in self.article.kept} if self.article else set()
        return [id(block) in chosen for block in self.blocks]

    @cached_property
    def features(self) -> Rows:
        """The feature rows of the blocks (see `cleaner.extract.block_features`), built once."""
        prose = [block.prose for block in self.blocks]
        return block_features(self.blocks, self.in_main, self.kept, prose)


def find_blocks(root: LexborNode) -> PageBlocks:
    """The text blocks under `root` (a pruned page's body) and the finder's choice."""
    blocks = [block for block in text_blocks(root) if block.text]
    trace_chains(blocks)
    main = find_main_content(blocks)
    article = article_text(blocks, main) if main is not None else None
    return PageBlocks(blocks, main, article)
