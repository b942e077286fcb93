"""Benchmark of the figure extractor: throughput, and accuracy against quantulum3 on the gold set.

Prints one table and asserts nothing. Run from the repository root:

    .venv/bin/python bench/bench_extract.py            # 10,000 articles, about 50 MB
    .venv/bin/python bench/bench_extract.py --articles 2000 --quantulum-kb 20

Rows:
  - find_quantities on the synthetic corpus (bench/synthetic_corpus.py): MB/s on one core;
  - the full facts extractor (briefing.extract.corpus.extract_text or extract_facts), if it
    exists yet, on the same corpus;
  - ours vs quantulum3 on the gold set (tests/fixtures/gold_facts.csv: one row per figure with
    article, quote, value, unit): precision, recall, F1 and throughput. quantulum3 is slow, so
    its throughput is measured on the gold articles and at most --quantulum-kb of the corpus.

Scoring: when `briefing.extract.scoring` provides `score_quantities(predicted, gold)`, it is
used; otherwise a figure counts as found when an extracted quantity in the same article has
the gold unit and value (relative tolerance 1e-6) and its text lies inside the gold quote.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import inspect
import math
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic_corpus import generate_corpus  # noqa: E402
from briefing.extract.quantities import find_quantities  # noqa: E402

_CJK = re.compile(r"[\u4e00-\u9fff]")
GOLD = ROOT / "tests" / "fixtures" / "gold_facts.csv"
ARTICLES = ROOT / "data" / "articles"


@dataclass(frozen=True)
class Found:
    """One predicted figure, reduced to what the scorer compares."""

    article: str
    text: str
    value: float
    unit: str


def throughput(fn: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    """(MB/s, seconds) of calling fn on every text, one core, wall clock."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    seconds = time.perf_counter() - t0
    return size / seconds, seconds


def full_extractor() -> tuple[str, Callable[[str], object]] | None:
    """The facts extractor (every figure as a full fact row: measure, entity, year, topic
    and the rules that decided them), adapted to fn(text), if it exists yet."""
    for module in ("briefing.extract.facts", "briefing.extract.corpus"):
        try:
            corpus = importlib.import_module(module)
        except ImportError:
            continue
        found = _adapt(corpus)
        if found is not None:
            return found
    return None


def _adapt(corpus: Any) -> tuple[str, Callable[[str], object]] | None:
    for name in ("extract_text", "extract_facts"):
        fn = getattr(corpus, name, None)
        if fn is None:
            continue
        params = list(inspect.signature(fn).parameters)
        if len(params) == 1:
            return f"{corpus.__name__.rsplit('.', 1)[-1]}.{name}", fn
        if params[:2] in (["article_id", "text"], ["article", "text"], ["name", "text"]):
            label = f"{corpus.__name__.rsplit('.', 1)[-1]}.{name}"
            return label, lambda t, fn=fn: fn("bench", t)
    return None


def quantulum_found(article: str, text: str) -> list[Found]:
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        unit = q.unit
        code = getattr(unit, "currency_code", None)
        if code:
            name = code
        elif unit.name == "percentage":
            name = "percent"
        elif unit.name == "dimensionless":
            name = "count"
        else:
            name = unit.name
        out.append(Found(article, q.surface, float(q.value), name))
    return out


def ours_found(article: str, text: str) -> list[Found]:
    return [Found(article, q.text, q.value, q.unit) for q in find_quantities(text)]


def read_gold() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def score(predicted: list[Found], gold: list[dict[str, str]]) -> tuple[float, float, float]:
    """(precision, recall, F1) of predicted figures against the gold rows."""
    try:
        scoring = importlib.import_module("briefing.extract.scoring")
        custom = getattr(scoring, "score_quantities", None)
    except ImportError:
        custom = None
    if custom is not None:
        result = custom(predicted, gold)
        return result["precision"], result["recall"], result["f1"]
    matched_pred: set[int] = set()
    hits = 0
    for row in gold:
        value = float(row["value"])
        for i, p in enumerate(predicted):
            if i in matched_pred or p.article != row["article"] or p.unit != row["unit"]:
                continue
            if math.isclose(p.value, value, rel_tol=1e-6) and p.text in row.get("quote", p.text):
                matched_pred.add(i)
                hits += 1
                break
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def gold_articles(gold: list[dict[str, str]]) -> dict[str, str]:
    names = sorted({row["article"] for row in gold})
    out = {}
    for name in names:
        path = ARTICLES / f"{name}.txt"
        if path.exists():
            out[name] = path.read_text(encoding="utf-8")
    return out


def predict(
    finder: Callable[[str, str], list[Found]], articles: dict[str, str]
) -> tuple[list[Found], float]:
    t0 = time.perf_counter()
    found = [f for name, text in articles.items() for f in finder(name, text)]
    seconds = time.perf_counter() - t0
    return found, sum(len(t.encode()) for t in articles.values()) / 1e6 / seconds


def table(rows: Iterable[tuple[str, ...]]) -> str:
    rows = list(rows)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000, help="synthetic articles (~5 KB)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quantulum-kb", type=int, default=50, help="corpus sample for quantulum3")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")

    corpus = [text for _, text in generate_corpus(args.articles, args.seed)]
    size_mb = sum(len(t.encode()) for t in corpus) / 1e6
    rows = [("extractor", "data", "MB", "MB/s", "precision", "recall", "F1", "note")]
    mbps, _ = throughput(find_quantities, corpus)
    rows.append(("find_quantities", "synthetic", f"{size_mb:.1f}", f"{mbps:.1f}", "", "", "", ""))
    by_language = {"en": [t for t in corpus if not _CJK.search(t[:200])]}
    by_language["zh"] = [t for t in corpus if _CJK.search(t[:200])]
    for language, texts in by_language.items():
        mb = sum(len(t.encode()) for t in texts) / 1e6
        speed, _ = throughput(find_quantities, texts)
        figures = sum(len(find_quantities(t)) for t in texts[:200]) / max(1, len(texts[:200]))
        rows.append(
            (
                "find_quantities",
                f"synthetic, {language} only",
                f"{mb:.1f}",
                f"{speed:.1f}",
                "",
                "",
                "",
                f"{figures:.0f} figures per article",
            )
        )
    # the floor any extractor is measured against on this machine, at this moment: one
    # regex pass for digit runs (the machine is shared, so absolute MB/s drift)
    digits = re.compile(r"\d+")
    mbps_digits, _ = throughput(digits.findall, corpus)
    rows.append(
        (
            "bare digit regex",
            "synthetic",
            f"{size_mb:.1f}",
            f"{mbps_digits:.1f}",
            "",
            "",
            "",
            "one re.findall(r'\\d+') pass",
        )
    )
    full = full_extractor()
    if full is None:
        rows.append(("facts extractor", "synthetic", "", "n/a", "", "", "", "not built yet"))
    else:
        name, fn = full
        mbps_full, _ = throughput(fn, corpus)
        rows.append(
            (
                f"{name} (full fact rows)",
                "synthetic",
                f"{size_mb:.1f}",
                f"{mbps_full:.2f}",
                "",
                "",
                "",
                f"{mbps_digits / mbps_full:.0f}x slower than the digit regex",
            )
        )

    sample, sample_bytes = [], 0
    for text in corpus:
        if sample_bytes >= args.quantulum_kb * 1000:
            break
        sample.append(text)
        sample_bytes += len(text.encode())
    q_mbps, _ = throughput(lambda t: quantulum_found("s", t), sample)
    o_mbps, _ = throughput(lambda t: ours_found("s", t), sample)
    rows.append(
        ("quantulum3", "sample", f"{sample_bytes / 1e6:.2f}", f"{q_mbps:.3f}", "", "", "", "")
    )
    rows.append(
        (
            "ours",
            "sample",
            f"{sample_bytes / 1e6:.2f}",
            f"{o_mbps:.1f}",
            "",
            "",
            "",
            f"{o_mbps / q_mbps:.0f}x quantulum3",
        )
    )

    if GOLD.exists():
        gold = read_gold()
        articles = gold_articles(gold)
        gold_mb = sum(len(t.encode()) for t in articles.values()) / 1e6
        for label, finder in (("quantulum3", quantulum_found), ("ours", ours_found)):
            found, speed = predict(finder, articles)
            p, r, f1 = score(found, gold)
            rows.append(
                (
                    label,
                    f"gold ({len(gold)} figures)",
                    f"{gold_mb:.3f}",
                    f"{speed:.2f}",
                    f"{p:.2f}",
                    f"{r:.2f}",
                    f"{f1:.2f}",
                    "",
                )
            )
    else:
        rows.append(("ours / quantulum3", "gold", "", "", "", "", "", f"{GOLD.name} not found"))
    print(table(rows))
    print(
        f"machine: a reference pure-Python loop (1e6 additions) takes {calibration_ms():.0f} ms"
        " here; scale MB/s by it to compare machines."
    )


def calibration_ms() -> float:
    """Time of a fixed pure-Python workload, so throughputs can be compared across machines."""
    t0 = time.perf_counter()
    total = 0
    for i in range(1_000_000):
        total += i % 7
    return (time.perf_counter() - t0) * 1000


if __name__ == "__main__":
    main()
