"""Benchmark of mention-finding (briefing.reference.find_mentions): MB/s on about 2 MB of text.

Prints one table and asserts nothing. Run from the repository root:

    PYTHONPATH=src .venv/bin/python bench/bench_mentions.py [--mb 2]

Rows: the synthetic corpus (bench/synthetic_corpus.py, seed sentences varied) read article by
article, the same articles joined into one text (one call), and its Chinese sentences alone,
after the tables are loaded (the load time is its own row). Why: mentions are looked up for
every article, so their speed sets a floor under extraction speed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_corpus import (  # noqa: E402
    CHINESE_PROSE,
    CHINESE_SENTENCES,
    generate_corpus,
)
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


def chinese_text(megabytes: float) -> str:
    """The synthetic corpus's Chinese sentences repeated to `megabytes`: a name-dense worst
    case (a mention every 30 characters)."""
    pool = "".join(CHINESE_SENTENCES + CHINESE_PROSE)
    n = int(megabytes * 1e6 / len(pool.encode("utf-8"))) + 1
    return "\n".join([pool] * n)


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
    zh = chinese_text(args.mb)
    zh_size = len(zh.encode("utf-8")) / 1e6
    t0 = time.perf_counter()
    n_zh = len(reference.find_mentions(zh))
    zh_seconds = time.perf_counter() - t0
    print(f"{'case':<28}{'MB':>6}{'seconds':>9}{'MB/s':>8}{'mentions':>10}")
    print(f"{'tables loaded':<28}{'':>6}{load:>9.2f}{'':>8}{'':>10}")
    for case, seconds, count in (
        ("article by article", per_article, n),
        ("one joined text", whole, n_joined),
    ):
        print(f"{case:<28}{size:>6.2f}{seconds:>9.2f}{size / seconds:>8.2f}{count:>10}")
    zh_mb_s = zh_size / zh_seconds
    zh_case = "Chinese only, one text"
    print(f"{zh_case:<28}{zh_size:>6.2f}{zh_seconds:>9.2f}{zh_mb_s:>8.2f}{n_zh:>10}")


if __name__ == "__main__":
    main()
