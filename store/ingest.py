"""Batch ingest: read inputs and feeds, extract, store one article per transaction, report.

Bad inputs are reported one line each and skipped; the batch goes on. The extractor and the
reader are parameters (tests and benchmarks pass their own); by default they are extract's.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from extract.errors import InputError, StrikemapError
from extract.model import Article

from store.progress import Progress
from store.store import Store


@dataclass
class BatchSummary:
    articles_new: int = 0
    articles_stored: int = 0       # already in the store (same content hash)
    failed: int = 0
    events_new: int = 0
    events_merged: int = 0

    def line(self) -> str:
        return (f"articles: {self.articles_new} new, {self.articles_stored} already stored, "
                f"{self.failed} failed; events: {self.events_new} new, {self.events_merged} merged")


def _default_reader(paths: list[str], overrides: dict) -> Iterator[Article | InputError]:
    from extract.read import read_inputs         # lazily: only the ingest command needs it
    return read_inputs(paths, overrides)


def collect_inputs(paths: Iterable[str], feeds: Iterable[str], overrides: dict,
                   reader: Callable | None = None) -> list[Article | InputError]:
    """Every article (or error) from files, folders and feeds, read before storing starts."""
    from store.feeds import read_feed
    items: list[Article | InputError] = []
    paths = list(paths)
    if paths:
        items.extend((reader or _default_reader)(paths, overrides))
    for feed in feeds:
        items.extend(read_feed(feed, overrides))
    return items


def ingest_items(store: Store, items: list[Article | InputError], *, err=None,
                 extractor: Callable | None = None) -> BatchSummary:
    """Store each article in its own transaction; print one line per failure; -> the summary."""
    err = err if err is not None else sys.stderr
    summary = BatchSummary()
    progress = Progress(len(items), stream=err)
    for item in items:
        problem = None
        if isinstance(item, InputError):
            problem = str(item)
        else:
            try:
                events = None if extractor is None else extractor(item)
                result = store.ingest_article(item, events)
            except StrikemapError as exc:
                problem = f"{item.id}: {exc}"
            except Exception as exc:         # one article the extractor chokes on must not end the batch
                problem = f"{item.id}: extraction failed ({type(exc).__name__}: {exc})"
            else:
                if result.new_article:
                    summary.articles_new += 1
                    summary.events_new += result.events_new
                    summary.events_merged += result.events_merged
                else:
                    summary.articles_stored += 1
        if problem:
            summary.failed += 1
            progress.clear_line()
            print(f"error: {problem}".splitlines()[0], file=err)
        progress.advance()
    return summary
