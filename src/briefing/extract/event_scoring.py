"""Scoring the events extractor against the gold batches' events.csv (tests/fixtures/gold).

Why a scorer of its own: an event is not a figure. It has no number to match on, and the
same sentence can be quoted in many ways, so an event matches when the article is the same
and the date agrees *at the gold's precision* (a predicted 2022-09-27 agrees with a gold
"2022-09"; a predicted month never agrees with a gold day). Matching is one-to-one; among
several predictions with the right date, the one whose sentence holds the gold quote (else
the nearest one) is taken. Gold `optional` rows neither reward nor punish: a prediction that
matches one is set aside. Gold `off_topic` rows are events that must not be output: a
prediction matching one is a false positive, and is listed as such. Actor accuracy is the
share of matched gold rows whose actor agrees (case-insensitive); kind accuracy likewise.

    python -m briefing.extract.event_scoring --gold-dir tests/fixtures/gold --split tune
    python -m briefing.extract.event_scoring --gold-dir ../gold-a/tests/fixtures/gold \
        --gold-dir ../gold-b/tests/fixtures/gold --split unseen
    python -m briefing.extract.event_scoring --events events.csv   # score a written table

Splits come from `splits.csv` (article,split) in a gold folder or in any batch; an article
no split file names is assigned by a stable hash of its id (two thirds tune), the rule the
facts scorer uses (`briefing.extract.scoring.hashed_split`), so both scorers agree.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from briefing.extract.scoring import batch_articles

ROOT = Path(__file__).resolve().parents[3]
GOLD_DIR = ROOT / "tests" / "fixtures" / "gold"
PRECISION_RANK = {"year": 1, "month": 2, "day": 3}
_WIDTH = {"year": 4, "month": 7, "day": 10}


@dataclass
class EventGold:
    """Gold events of every batch, the article texts and metadata, and each article's split."""

    events: list[dict]
    texts: dict[str, str]
    metas: dict[str, dict]
    splits: dict[str, str]

    def articles(self, split: str = "all") -> list[str]:
        return sorted(a for a in self.texts if split == "all" or self.splits.get(a) == split)

    def rows(self, split: str = "all") -> list[dict]:
        keep = set(self.articles(split))
        return [g for g in self.events if g["article"] in keep]


@dataclass
class EventScore:
    precision: float
    recall: float
    f1: float
    actor_accuracy: float
    kind_accuracy: float
    matched: list[tuple[dict, dict]] = field(default_factory=list)  # (predicted, gold)
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    off_topic: list[tuple[dict, dict]] = field(default_factory=list)  # output though off-topic
    optional: list[tuple[dict, dict]] = field(default_factory=list)  # set aside


def hashed_split(article: str) -> str:
    """The split of an article no splits.csv names: stable, two thirds tune."""
    digest = hashlib.sha1(article.encode("utf-8")).digest()
    return "unseen" if digest[0] % 3 == 0 else "tune"


def _read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = []
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                print(f"{path}: line {reader.line_num} is malformed: skipped", file=sys.stderr)
                continue
            rows.append({k: v if k == "quote" else (v or "").strip() for k, v in row.items()})
        return rows


def load_event_gold(gold_dirs: Iterable[Path] = (GOLD_DIR,)) -> EventGold:
    """Every batch (a folder with events.csv and articles/) under each gold folder."""
    events: list[dict] = []
    texts: dict[str, str] = {}
    metas: dict[str, dict] = {}
    splits: dict[str, str] = {}
    for gold_dir in gold_dirs:
        for path in [gold_dir / "splits.csv", *sorted(gold_dir.glob("*/splits.csv"))]:
            if path.exists():
                for row in _read_rows(path):
                    splits[row["article"]] = row["split"]
        for batch in sorted(p for p in gold_dir.iterdir() if (p / "events.csv").exists()):
            b_texts, b_metas = batch_articles(batch)  # the same reading as the facts' scorer
            # ids must be unique: a name an earlier batch has is scored as batch/name
            keys = {a: f"{batch.name}/{a}" if a in texts else a for a in b_texts}
            for a, key in keys.items():
                texts[key], metas[key] = b_texts[a], b_metas[a]
            for row in _read_rows(batch / "events.csv"):
                row["batch"] = batch.name
                row["quote_start"] = _locate(b_texts.get(row["article"], ""), row)
                row["article"] = keys.get(row["article"], row["article"])
                events.append(row)
    for article in texts:
        plain = article.rsplit("/", 1)[-1]
        splits[article] = splits.get(plain) or hashed_split(plain)
    return EventGold(events, texts, metas, splits)


def _locate(text: str, row: dict) -> int:
    """Offset of the gold quote's nth occurrence (-1 when the quote is not in the text)."""
    pos = -1
    for _ in range(int(float(row.get("nth") or 1))):
        pos = text.find(row["quote"], pos + 1)
        if pos < 0:
            return -1
    return pos


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _precision(row: dict) -> str:
    return _text(row.get("precision")) or _text(row.get("date_precision")) or "day"


def date_agrees(predicted: dict, gold: dict) -> bool:
    """The predicted date says at least as much as the gold's and agrees at its precision."""
    g_prec = _precision(gold)
    p_prec = _precision(predicted)
    if PRECISION_RANK.get(p_prec, 0) < PRECISION_RANK.get(g_prec, 3):
        return False
    width = _WIDTH.get(g_prec, 10)
    p_date, g_date = _text(predicted.get("date")), _text(gold.get("date"))
    return bool(p_date) and p_date[:width] == g_date[:width]


def _actor(row: dict) -> str:
    return (_text(row.get("actor")) or _text(row.get("entity"))).lower()


def _distance(p: dict, g: dict) -> int:
    """How far the prediction's sentence is from the gold quote (0 when it holds it)."""
    q = g.get("quote_start", -1)
    if q is None or q < 0:
        return 10**9
    lo = int(p.get("sentence_start", p.get("start", 0)) or 0)
    hi = int(p.get("sentence_end", p.get("end", lo)) or lo)
    if lo <= q < max(hi, lo + 1):
        return 0
    return min(abs(q - lo), abs(q - hi)) + 1


def _take(preds: list[dict], used: set[int], g: dict) -> int | None:
    best: tuple[int, int] | None = None
    for i, p in enumerate(preds):
        if i in used or p["article"] != g["article"] or not date_agrees(p, g):
            continue
        d = _distance(p, g)
        if best is None or d < best[0]:
            best = (d, i)
    return None if best is None else best[1]


def score_events(predicted: list[dict], gold_rows: list[dict]) -> EventScore:
    """Precision, recall, F1 and actor accuracy of predicted events on the gold articles."""
    articles = {g["article"] for g in gold_rows}
    preds = [p for p in predicted if p.get("article") in articles]
    used: set[int] = set()
    matched, missed, off, optional = [], [], [], []
    order = {"gold": 0, "off_topic": 1, "optional": 2}
    for g in sorted(gold_rows, key=lambda r: order.get(r.get("status") or "gold", 0)):
        i = _take(preds, used, g)
        status = g.get("status") or "gold"
        if i is None:
            if status == "gold":
                missed.append(g)
            continue
        used.add(i)
        {"gold": matched, "off_topic": off, "optional": optional}.get(status, matched).append(
            (preds[i], g)
        )
    spurious = [p for i, p in enumerate(preds) if i not in used]
    n_out = len(matched) + len(off) + len(spurious)
    n_gold = len(matched) + len(missed)
    precision = len(matched) / n_out if n_out else 0.0
    recall = len(matched) / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    right = sum(_actor(p) == _actor(g) for p, g in matched)
    actor = right / len(matched) if matched else float("nan")
    kinds = sum(_text(p.get("kind")) == _text(g.get("kind")) for p, g in matched)
    kind = kinds / len(matched) if matched else float("nan")
    return EventScore(precision, recall, f1, actor, kind, matched, missed, spurious, off, optional)


def predict(gold: EventGold, split: str = "all") -> list[dict]:
    """Our extractor, run in this process on the gold articles of a split."""
    from briefing.extract.events import extract_events

    rows: list[dict] = []
    for article in gold.articles(split):
        rows.extend(extract_events(article, gold.texts[article], gold.metas[article]))
    return rows


def read_events_csv(path: Path) -> list[dict]:
    """A written events table, one row per (event, source article): a row whose `sources`
    names several articles counts for each of them."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = []
    for row in table.to_dict("records"):
        sources = [s for s in _text(row.get("sources")).split(";") if s] or [row["article"]]
        for source in sources:
            rows.append({**row, "article": source})
    return rows


def _print(result: EventScore, n_articles: int, n_gold: int) -> None:
    print(f"articles {n_articles}  gold events {n_gold}")
    print(
        f"precision {result.precision:.3f}  recall {result.recall:.3f}  f1 {result.f1:.3f}"
        f"  actor accuracy {result.actor_accuracy:.3f}  kind accuracy {result.kind_accuracy:.3f}"
    )
    for g in result.missed:
        print(f"missed    {g['article'][:40]:<40} {g['date']:<10} {g['quote'][:50]}")
    for p, g in result.matched:
        if _actor(p) != _actor(g):
            print(
                f"actor     {g['article'][:40]:<40} {g['date']:<10} "
                f"{_text(p.get('actor') or p.get('entity'))!r} ≠ {g['actor']!r}"
            )
    for p, _g in result.off_topic:
        print(f"off-topic {p['article'][:40]:<40} {_text(p.get('date')):<10} {_label(p)}")
    for p in result.spurious:
        print(f"spurious  {p['article'][:40]:<40} {_text(p.get('date')):<10} {_label(p)}")


def _label(p: dict) -> str:
    return (_text(p.get("label")) or " ".join(_text(p.get("sentence")).split()))[:70]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing.extract.event_scoring")
    parser.add_argument(
        "--gold-dir", type=Path, action="append", help="a gold folder of batches (repeatable)"
    )
    parser.add_argument("--split", choices=("tune", "unseen", "all"), default="tune")
    parser.add_argument("--events", type=Path, help="score this events CSV instead of a run")
    args = parser.parse_args(argv)
    gold = load_event_gold(args.gold_dir or [GOLD_DIR])
    predicted = read_events_csv(args.events) if args.events else predict(gold, args.split)
    rows = gold.rows(args.split)
    result = score_events(predicted, rows)
    n_gold = sum((r.get("status") or "gold") == "gold" for r in rows)
    _print(result, len(gold.articles(args.split)), n_gold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
