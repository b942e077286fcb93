"""Benchmark of mention-finding (briefing.reference.find_mentions): MB/s on about 2 MB of text.

Prints one table and asserts nothing. Run from the repository root:

    PYTHONPATH=src .venv/bin/python bench/bench_mentions.py [--mb 2]

Rows: the synthetic corpus (bench/synthetic_corpus.py, seed sentences varied) read article by
article, and the same articles joined into one text (one call), after the tables are loaded
(the load time is its own row). Why: mentions are looked up for every article, so their speed
sets a floor under extraction speed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_corpus import generate_corpus  # noqa: E402
from briefing import reference  # noqa: E402


def corpus_of(megabytes: float) -> list[str]:
    """Synthetic articles until their UTF-8 size reaches `megabytes`."""
    texts, size = [], 0
    for _, text in generate_corpus(100_000):
        texts.append(text)
        size += len(text.encode("utf-8"))
        if size >= megabytes * 1e6:
            break
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=2.0)
    args = parser.parse_args()
    texts = corpus_of(args.mb)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t0 = time.perf_counter()
    reference.find_mentions("Shanghai")
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    n = sum(len(reference.find_mentions(t)) for t in texts)
    per_article = time.perf_counter() - t0
    joined = "\n\n".join(texts)
    t0 = time.perf_counter()
    n_joined = len(reference.find_mentions(joined))
    whole = time.perf_counter() - t0
    print(f"{'case':<28}{'MB':>6}{'seconds':>9}{'MB/s':>8}{'mentions':>10}")
    print(f"{'tables loaded':<28}{'':>6}{load:>9.2f}{'':>8}{'':>10}")
    for case, seconds, count in (
        ("article by article", per_article, n),
        ("one joined text", whole, n_joined),
    ):
        print(f"{case:<28}{size:>6.2f}{seconds:>9.2f}{size / seconds:>8.2f}{count:>10}")


if __name__ == "__main__":
    main()
