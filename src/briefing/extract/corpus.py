"""Running the extractor over a folder of articles, and the `briefing extract` command.

Small corpora run in this process; large ones (many articles or many bytes) are split into
chunks for worker processes. Rows are sorted by (article, start) afterwards, so the output is
the same either way.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from briefing.articles import Article, iter_corpus
from briefing.extract.document import read_document
from briefing.extract.events import EVENT_COLUMNS, extract_events, merge_events
from briefing.extract.facts import document_facts
from briefing.schema import FACT_COLUMNS

PARALLEL_MIN_ARTICLES = 200
PARALLEL_MIN_BYTES = 2_000_000
CHUNK_ARTICLES = 50


def _meta_dict(article: Article) -> dict:
    m = article.meta
    return {
        "title": m.title,
        "outlet": m.outlet,
        "published": m.published,
        "date_precision": m.date_precision,
        "language": m.language,
        "url": m.url,
    }


def _job(article: Article) -> tuple[str, str, dict, dict]:
    return (
        article.id,
        article.text,
        _meta_dict(article),
        {"encoding": article.encoding, "source_format": article.source_format},
    )


def _run_chunk(jobs: list[tuple[str, str, dict, dict]]) -> tuple[list[dict], list[dict]]:
    facts: list[dict] = []
    events: list[dict] = []
    for article_id, text, meta, extra in jobs:
        doc = read_document(text, meta)  # read once: facts and events share it
        facts.extend(document_facts(article_id, doc, extra=extra))
        events.extend(extract_events(article_id, text, meta, doc=doc))
    return facts, events


def _chunks(articles: Iterable[Article], size: int) -> Iterable[list[tuple[str, str, dict, dict]]]:
    chunk: list[tuple[str, str, dict, dict]] = []
    for article in articles:
        chunk.append(_job(article))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _folder_size(directory: Path) -> tuple[int, int]:
    n = size = 0
    for entry in os.scandir(directory):
        if entry.is_file() and not entry.name.startswith(".") and entry.name != "manifest.csv":
            n += 1
            size += entry.stat().st_size
    return n, size


def extract_rows(
    articles: Sequence[Article], *, workers: int | None = None
) -> tuple[list[dict], list[dict]]:
    """Fact and event rows of already loaded articles (the build reads the folder once and
    extracts only the articles its cache does not hold). Large batches run in worker
    processes; the rows are the same either way."""
    n_bytes = sum(len(a.text) for a in articles)
    parallel = workers != 1 and (
        len(articles) > PARALLEL_MIN_ARTICLES or n_bytes > PARALLEL_MIN_BYTES
    )
    facts: list[dict] = []
    events: list[dict] = []
    if parallel:
        max_workers = workers or max(1, min(4, os.cpu_count() or 1))
        with concurrent.futures.ProcessPoolExecutor(max_workers=max_workers) as pool:
            for f, e in pool.map(_run_chunk, _chunks(articles, CHUNK_ARTICLES)):
                facts.extend(f)
                events.extend(e)
    else:
        for chunk in _chunks(articles, CHUNK_ARTICLES):
            f, e = _run_chunk(chunk)
            facts.extend(f)
            events.extend(e)
    return facts, events


def facts_frame(rows: list[dict]) -> pd.DataFrame:
    """The facts table (columns FACT_COLUMNS) from fact rows, sorted by article and offset."""
    facts_df = pd.DataFrame(rows, columns=list(FACT_COLUMNS))
    facts_df["year"] = facts_df["year"].astype("Int64")
    return facts_df.sort_values(["article", "start"], kind="stable").reset_index(drop=True)


def events_frame(rows: list[dict]) -> pd.DataFrame:
    """The events table (columns EVENT_COLUMNS) from event rows, sorted likewise; the same
    event told by several articles is one row, every article in its `sources`."""
    events_df = pd.DataFrame(merge_events(rows), columns=list(EVENT_COLUMNS))
    return events_df.sort_values(["article", "start"], kind="stable").reset_index(drop=True)


def extract_all(
    directory: Path | str, *, workers: int | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Facts and events of every article in `directory`, plus the number of articles read."""
    directory = Path(directory)
    _folder_size(directory)  # a missing folder fails here, as before any work
    articles = [item for item in iter_corpus(directory) if isinstance(item, Article)]
    facts, events = extract_rows(articles, workers=workers)
    return facts_frame(facts), events_frame(events), len(articles)


def extract_folder(directory: Path | str, *, workers: int | None = None) -> pd.DataFrame:
    """One row per figure of every article in `directory` (columns FACT_COLUMNS)."""
    return extract_all(directory, workers=workers)[0]


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    df.to_csv(tmp, index=False, lineterminator="\n")
    tmp.replace(path)


def run_extract(args: argparse.Namespace) -> int:
    """`briefing extract DIR --out FILE.csv [--events FILE.csv]`; returns the exit code."""
    started = time.perf_counter()
    try:
        facts, events, n_articles = extract_all(args.directory, workers=args.workers)
    except FileNotFoundError as exc:
        print(f"briefing extract: {exc}", file=sys.stderr)
        return 2
    _write_csv(facts, Path(args.out))
    if args.events:
        _write_csv(events, Path(args.events))
    seconds = time.perf_counter() - started
    print(
        f"briefing extract: {n_articles} articles, {len(facts)} figures, "
        f"{len(events)} events, {seconds:.2f} s",
        file=sys.stderr,
    )
    return 0


def add_extract_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `briefing extract`, and the function that runs it."""
    parser.add_argument("directory", metavar="DIR", help="folder of articles (+ manifest.csv)")
    parser.add_argument("--out", required=True, metavar="FILE.csv", help="facts table to write")
    parser.add_argument("--events", metavar="FILE.csv", help="also write the events table here")
    parser.add_argument(
        "--workers", type=int, default=None, help="worker processes (1 = no parallelism)"
    )
    parser.set_defaults(func=run_extract)
