"""Scoring the extractor against the hand-annotated gold set (tests/fixtures/gold_facts.csv).

A predicted figure matches a gold figure when both are in the same article, have the same
unit and value (relative tolerance 1e-6), and their spans overlap (or, without offsets, one
text contains the other). Matching is one-to-one, in text order. Field accuracy (entity,
year, measure, on_topic, qualifier) is then measured on the matched pairs only.

`python -m briefing.extract.scoring` prints the table for the five articles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[3]
GOLD_PATH = ROOT / "tests" / "fixtures" / "gold_facts.csv"
ARTICLES_DIR = ROOT / "data" / "articles"
FIELDS = ("entity", "year", "measure", "on_topic", "qualifier", "counted")


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    matched: list[tuple[dict, dict]] = field(default_factory=list)  # (predicted, gold)
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)

    def field_accuracy(self, name: str, *, on_topic_only: bool = False) -> float:
        """Share of matched pairs whose `name` agrees (gold on-topic rows only if asked)."""
        pairs = [(p, g) for p, g in self.matched if not on_topic_only or _truth(g.get("on_topic"))]
        if not pairs:
            return float("nan")
        return sum(_same(name, p.get(name), g.get(name)) for p, g in pairs) / len(pairs)


def _truth(value: Any) -> bool:
    return str(value).strip().lower() in ("true", "1", "yes")


def _norm(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    text = str(value).strip()
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text


def _same(name: str, predicted: Any, gold: Any) -> bool:
    if name == "on_topic":
        return _truth(predicted) == _truth(gold)
    return _norm(predicted).lower() == _norm(gold).lower()


def _rows(table: Any) -> list[dict]:
    if isinstance(table, pd.DataFrame):
        return table.to_dict("records")
    out = []
    for item in table:
        out.append(
            dict(item)
            if isinstance(item, dict)
            else dict(vars(item))
            if hasattr(item, "__dict__")
            else item._asdict()
        )
    return out


def locate_gold(gold: list[dict], articles_dir: Path = ARTICLES_DIR) -> list[dict]:
    """Add start/end to gold rows from their quote and occurrence number (nth)."""
    texts: dict[str, str] = {}
    out = []
    for row in gold:
        row = dict(row)
        name = row["article"]
        if name not in texts:
            path = articles_dir / f"{name}.txt"
            texts[name] = path.read_text(encoding="utf-8") if path.exists() else ""
        text, quote = texts[name], row["quote"]
        nth = int(float(row.get("nth") or 1))
        pos = -1
        for _ in range(nth):
            pos = text.find(quote, pos + 1)
            if pos < 0:
                break
        row["start"], row["end"] = (pos, pos + len(quote)) if pos >= 0 else (None, None)
        out.append(row)
    return out


def _matches(p: dict, g: dict) -> bool:
    if p.get("article") != g.get("article") or str(p.get("unit")) != str(g.get("unit")):
        return False
    if not math.isclose(float(p["value"]), float(g["value"]), rel_tol=1e-6):
        return False
    ps, pe, gs, ge = p.get("start"), p.get("end"), g.get("start"), g.get("end")
    if ps is not None and gs is not None and not pd.isna(ps):
        return int(ps) < int(ge) and int(gs) < int(pe)
    pt, gt = str(p.get("text", "")), str(g.get("quote", ""))
    return pt in gt or gt in pt


def score(predicted: Any, gold: Any, *, articles_dir: Path = ARTICLES_DIR) -> Score:
    """Precision, recall and F1 of predicted figures, restricted to the gold articles."""
    gold_rows = locate_gold(_rows(gold), articles_dir)
    gold_articles = {g["article"] for g in gold_rows}
    pred_rows = [p for p in _rows(predicted) if p.get("article") in gold_articles]
    used: set[int] = set()
    matched: list[tuple[dict, dict]] = []
    missed: list[dict] = []
    for g in gold_rows:
        hit = next((i for i, p in enumerate(pred_rows) if i not in used and _matches(p, g)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            matched.append((pred_rows[hit], g))
    spurious = [p for i, p in enumerate(pred_rows) if i not in used]
    precision = len(matched) / len(pred_rows) if pred_rows else 0.0
    recall = len(matched) / len(gold_rows) if gold_rows else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, matched, missed, spurious)


def score_quantities(predicted: Any, gold: Any) -> dict[str, float]:
    """The bench's entry point: {'precision', 'recall', 'f1'} for figures found."""
    result = score(predicted, gold)
    return {"precision": result.precision, "recall": result.recall, "f1": result.f1}


def load_gold(path: Path = GOLD_PATH) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def main() -> int:
    from briefing.extract.corpus import extract_folder

    result = score(extract_folder(ARTICLES_DIR), load_gold())
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}  f1 {result.f1:.3f}")
    for name in FIELDS:
        print(
            f"{name:<10} accuracy "
            f"{result.field_accuracy(name, on_topic_only=name != 'on_topic'):.3f}"
        )
    for g in result.missed:
        print(f"missed    {g['article'][:30]}  {g['quote']}")
    for p in result.spurious:
        print(f"spurious  {p['article'][:30]}  {p['text']}")
    for p, g in result.matched:
        wrong = [
            f"{n}: {_norm(p.get(n))!r} vs gold {_norm(g.get(n))!r}"
            for n in FIELDS
            if not _same(n, p.get(n), g.get(n))
        ]
        if wrong and (_truth(g.get("on_topic")) or "on_topic" in " ".join(wrong)):
            print(f"fields    {g['quote'][:35]:<35} " + "; ".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
