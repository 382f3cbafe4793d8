"""`CleanerExtractor`: a datatrove pipeline step that cleans each document's page, in place
of datatrove's Trafilatura step.

Needs the `datatrove` extra (`pip install 'cleaner[datatrove]'`; datatrove's
readers and writers want its own `io` extra too):

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.datatrove import CleanerExtractor

    LocalPipelineExecutor(
        pipeline=[WarcReader("crawl/"), CleanerExtractor(timeout=2), JsonlWriter("clean/")],
        tasks=8,
    ).run()

Each document's text (the raw page) is replaced by its cleaned body (as
Markdown, with headings, lists, tables and code, given `markdown=True`), and its
metadata gains the keys of `METADATA_KEYS`: the page type, title, publication
date (`published`, so a reader's crawl `date` is kept), author, site and the
number of removals. A page with no article (status `empty`) is dropped and
counted as `dropped_empty`; a page that failed or ran out of time is skipped
and counted as `clean_error` or `timeout`, as datatrove's extractors do.

Pages are cleaned as the batch workers clean a record (`cleaner.batch.worker`):
the same settings, the same per-process Cleaner, the same results. The step
itself holds only those settings, so it pickles small for datatrove's workers,
Slurm jobs or Ray tasks; each process compiles the rules on first use.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

# datatrove ships no type information (see the mypy override in pyproject.toml).
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from cleaner.batch.records import Record
from cleaner.batch.worker import clean_record, cleaner_for, settings_for
from cleaner.document import Status
from cleaner.options import CleanKeywords, CleanOptions

if TYPE_CHECKING:
    from datatrove.data import Document as DatatroveDocument
    from typing_extensions import Unpack

#: Metadata keys the step sets on each document it keeps, and the result field each holds.
METADATA_KEYS: dict[str, str] = {
    "page_type": "page_type",
    "title": "title",
    "published": "date",
    "author": "author",
    "site": "site",
}
#: The metadata key holding how many removals the rules made in the page.
REMOVALS_KEY = "removals"

#: Seconds the sandbox allows beyond `timeout` before it kills the process cleaning a page:
#: cleaner's own limit stops a page gently first; this one catches a page stuck past it
#: (and covers compiling the rules when a sandbox process cannot inherit them).
HARD_TIMEOUT_MARGIN = 5.0
#: The sandbox's limit when there is none: a day (the sandbox needs a number).
_NO_LIMIT = 24 * 3600.0


@dataclass(frozen=True)
class Page:
    """One page as the sandbox process receives it: the raw page, its url and crawl date."""

    raw: str
    url: str | None = None
    crawl_date: str | None = None


@dataclass(frozen=True)
class CleanedPage:
    """What comes back from the sandbox: the body, how cleaning ended, and the new metadata."""

    text: str
    status: Status
    reason: str | None
    metadata: dict[str, Any]


class CleanerExtractor(BaseExtractor):  # type: ignore[misc]  # datatrove is untyped: Any base
    """A datatrove extractor that cleans pages with cleaner's rules (see the module doc).

    `rules` replaces the shipped rules, `extra_rules` adds to them (paths
    every worker can read). How to clean is a `CleanOptions`, whose fields may
    also be given as keywords (`timeout=2`, `crawl_date=...`), which override
    `options` as in `cleaner.clean`. `timeout` is cleaner's limit per page;
    `hard_timeout` is datatrove's sandbox limit, after which the process
    cleaning a page is killed (default: `timeout` + HARD_TIMEOUT_MARGIN).
    """

    name = "🧹 cleaner"
    #: Set by the base class: whether a cleaning error was logged already (logged once).
    _warned_error: bool

    def __init__(
        self,
        *,
        rules: Sequence[str | Path] | None = None,
        extra_rules: Sequence[str | Path] = (),
        options: CleanOptions | None = None,
        hard_timeout: float | None = None,
        **keywords: Unpack[CleanKeywords],
    ) -> None:
        """Settings only: the rules are compiled in each process that cleans (see `run`)."""
        self.settings = settings_for(
            rules=rules, extra_rules=extra_rules, options=options, **keywords
        )
        super().__init__(timeout=sandbox_limit(self.settings.options.timeout, hard_timeout))

    def extract(self, text: str) -> str:
        """The cleaned body of one page given alone (no url): "" when it has no article."""
        return self.clean_page(Page(text)).text

    def clean_page(self, page: Page | str) -> CleanedPage:
        """Clean one page with this process's Cleaner; runs inside the sandbox process.

        A str is a page with no url (the sandbox warms up with "").
        """
        if isinstance(page, str):
            page = Page(page)
        record = Record(
            id=None, source=None, raw=page.raw, url=page.url, crawl_date=page.crawl_date
        )
        result = clean_record(cleaner_for(self.settings), self.settings, record)
        metadata = {key: result[field] for key, field in METADATA_KEYS.items()}
        metadata[REMOVALS_KEY] = len(result["removed"])
        return CleanedPage(_body(result), result["status"], result["reason"], metadata)

    def run(
        self,
        data: Iterator[DatatroveDocument],
        rank: int = 0,
        world_size: int = 1,
    ) -> Iterator[DatatroveDocument]:
        """Clean each document in a sandbox process, keeping those with an article.

        The rules are compiled here first, once per worker process, so a
        sandbox process forked from it starts with them compiled.
        """
        cleaner_for(self.settings)
        with ExtractorSandbox(self.timeout) as sandbox:
            for document in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    cleaned = self._clean_in(sandbox, document)
                if cleaned is not None and self._keep(document, cleaned):
                    yield document

    def _clean_in(self, sandbox: Any, document: DatatroveDocument) -> CleanedPage | None:
        """The cleaned page, or None (counted) when the sandbox timed out, died or raised."""
        metadata = document.metadata
        page = Page(document.text, _text(metadata.get("url")), _text(metadata.get("date")))
        try:
            cleaned: CleanedPage = sandbox.process_document(page, self.clean_page)
        except TimeoutError:
            self.stat_update("timeout")
            logger.warning("⏰ Timeout while cleaning a page. Skipping it.")
            return None
        except EOFError:
            self.stat_update("broken_process")
            logger.warning("The cleaning process died; a new one cleans the next page.")
            return None
        except Exception as error:  # a bug on one page must not stop the run
            self._clean_error(f"{type(error).__name__}: {error}")
            return None
        return cleaned

    def _keep(self, document: DatatroveDocument, cleaned: CleanedPage) -> bool:
        """Count how cleaning ended; on success, put the body and metadata on `document`."""
        if cleaned.status == "error":
            if cleaned.reason == "timeout":
                self.stat_update("timeout")
            else:
                self._clean_error(cleaned.reason or "error")
            return False
        self.stat_update("extracted")
        if cleaned.status == "empty":
            self.stat_update(StatHints.dropped, "dropped_empty")
            return False
        document.text = cleaned.text
        document.metadata.update(cleaned.metadata)
        self.stat_update(StatHints.forwarded)
        self.stat_update(REMOVALS_KEY, value=cleaned.metadata[REMOVALS_KEY])
        self.update_doc_stats(document)
        return True

    def _clean_error(self, reason: str) -> None:
        self.stat_update("clean_error")
        if not self._warned_error:
            logger.warning(f"❌ {reason} while cleaning a page. Skipping it (said only once).")
            self._warned_error = True


def sandbox_limit(timeout: float | None, hard_timeout: float | None) -> float:
    """Seconds the sandbox allows one page: `hard_timeout`, else `timeout` plus the margin."""
    if hard_timeout is not None:
        return hard_timeout
    return _NO_LIMIT if timeout is None else timeout + HARD_TIMEOUT_MARGIN


def _body(result: dict[str, Any]) -> str:
    """The text the pipeline carries on: the Markdown when the step was asked for it."""
    markdown = result.get("markdown")
    return markdown if isinstance(markdown, str) else str(result["text"])


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
