"""Scoring the extractor against hand-annotated gold: the seeds' 35 figures
(tests/fixtures/gold_facts.csv) and the held-out style gold set (tests/fixtures/gold/<batch>/).

A predicted figure matches a gold figure when both are in the same article, have the same
unit and value (relative tolerance 1e-6), and their spans overlap (or, without offsets, one
text contains the other). Matching is one-to-one, in text order. That is the *quantity*
score. The *strict* score counts a figure only when its entity, year and measure are right
too (entity is not scored on off-topic gold rows): a figure with the right number filed
under the wrong place or year is a wrong fact in the report. Field accuracy is measured on
the matched pairs.

    python -m briefing.extract.scoring                      # the seeds
    python -m briefing.extract.scoring --gold-dir tests/fixtures/gold --split tune
    python -m briefing.extract.scoring --gold-dir tests/fixtures/gold --split unseen \
        --facts predicted.csv                               # score a facts CSV instead

Splits come from `splits.csv` (article,split) in the gold folder or in any batch; an
article no split file names is assigned by a stable hash of its id (two thirds tune), so
the split never depends on what the extractor does.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from briefing.schema import FACT_COLUMNS

ROOT = Path(__file__).resolve().parents[3]
GOLD_PATH = ROOT / "tests" / "fixtures" / "gold_facts.csv"
ARTICLES_DIR = ROOT / "data" / "articles"
GOLD_DIR = ROOT / "tests" / "fixtures" / "gold"
FIELDS = ("entity", "year", "measure", "on_topic", "qualifier", "counted")
#: The fields a strict match needs right besides the number itself.
STRICT_FIELDS = ("entity", "year", "measure")
#: What each miss prints: the rules that decided the predicted fields.
RULE_COLUMNS = ("entity_rule", "year_rule", "measure_rule")


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
    from briefing.articles import Article, iter_corpus

    # the loader's text, which the extractor's offsets index (markup and front matter gone)
    texts = {item.id: item.text for item in iter_corpus(articles_dir) if isinstance(item, Article)}
    out = []
    for row in gold:
        row = dict(row)
        text, quote = texts.get(row["article"], ""), row["quote"]
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
    return _match(_rows(predicted), locate_gold(_rows(gold), articles_dir))


def score_quantities(predicted: Any, gold: Any) -> dict[str, float]:
    """The bench's entry point: {'precision', 'recall', 'f1'} for figures found."""
    result = score(predicted, gold)
    return {"precision": result.precision, "recall": result.recall, "f1": result.f1}


def load_gold(path: Path = GOLD_PATH) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _strict_ok(p: dict, g: dict) -> bool:
    """Right entity (on-topic gold rows only), year and measure."""
    for name in STRICT_FIELDS:
        if name == "entity" and not _truth(g.get("on_topic")):
            continue
        if not _same(name, p.get(name), g.get(name)):
            return False
    return True


@dataclass
class StrictScore:
    """The quantity score of a set of articles plus the strict one."""

    quantities: Score
    strict_precision: float
    strict_recall: float
    strict_f1: float
    strict_misses: list[tuple[dict | None, dict]]  # (predicted or None when not found, gold)


def strict_score(predicted: Any, gold_rows: list[dict]) -> StrictScore:
    """Score predicted facts against located gold rows (each with start/end)."""
    result = _match(_rows(predicted), gold_rows)
    right = [(p, g) for p, g in result.matched if _strict_ok(p, g)]
    n_pred = len(result.matched) + len(result.spurious)
    precision = len(right) / n_pred if n_pred else 0.0
    recall = len(right) / len(gold_rows) if gold_rows else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    misses: list[tuple[dict | None, dict]] = [
        (p, g) for p, g in result.matched if not _strict_ok(p, g)
    ]
    misses += [(None, g) for g in result.missed]
    misses.sort(key=lambda pg: (pg[1]["article"], pg[1].get("start") or 0))
    return StrictScore(result, precision, recall, f1, misses)


def _match(pred_all: list[dict], gold_rows: list[dict]) -> Score:
    gold_articles = {g["article"] for g in gold_rows}
    pred_rows = [p for p in pred_all if p.get("article") in gold_articles]
    by_article: dict[str, list[int]] = {}
    for i, p in enumerate(pred_rows):
        by_article.setdefault(p["article"], []).append(i)
    used: set[int] = set()
    matched: list[tuple[dict, dict]] = []
    missed: list[dict] = []
    for g in gold_rows:
        hit = next(
            (
                i
                for i in by_article.get(g["article"], [])
                if i not in used and _matches(pred_rows[i], g)
            ),
            None,
        )
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


# ---------------------------------------------------------------- the gold set
@dataclass
class GoldSet:
    """The gold batches: figures located in the article texts, each article's split."""

    facts: list[dict]  # gold rows with batch, start, end
    texts: dict[str, str]  # article id -> text as the loader reads it
    metas: dict[str, dict]  # article id -> metadata for the extractor
    splits: dict[str, str]  # article id -> tune | unseen

    def rows(self, split: str = "all") -> list[dict]:
        return [g for g in self.facts if split == "all" or self.splits[g["article"]] == split]

    def articles(self, split: str = "all") -> list[str]:
        return sorted(a for a in self.texts if split == "all" or self.splits.get(a) == split)


def hashed_split(article: str) -> str:
    """The split of an article no splits.csv names: stable, two thirds tune."""
    digest = hashlib.sha1(article.encode("utf-8")).digest()
    return "unseen" if digest[0] % 3 == 0 else "tune"


def batch_articles(batch: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """Texts and metadata of a batch's articles: the files in articles/ read by the loader,
    the batch's manifest.csv (beside articles/) taking precedence for metadata."""
    from briefing.articles import Article, iter_corpus
    from briefing.inputs.manifest import file_key, read_manifest

    manifest = read_manifest(batch) if (batch / "manifest.csv").exists() else None
    texts: dict[str, str] = {}
    metas: dict[str, dict] = {}
    for item in iter_corpus(batch / "articles"):
        if not isinstance(item, Article):
            continue
        m = item.meta
        row = manifest.rows.get(file_key(m.file or item.id)) if manifest else None
        texts[item.id] = item.text
        metas[item.id] = {
            "title": (row.title if row else None) or m.title,
            "outlet": (row.outlet if row else None) or m.outlet,
            "published": (row.published if row else None) or m.published,
            "date_precision": (row.date_precision if row and row.published else None)
            or m.date_precision,
            "language": (row.language if row else None) or m.language,
            "url": (row.url if row else None) or m.url,
            "encoding": item.encoding,
            "source_format": item.source_format,
        }
    return texts, metas


def _read_rows(path: Path) -> list[dict]:
    """A gold CSV's rows as strings; a malformed row (wrong number of fields) is reported
    on stderr and left out rather than stopping the score of every other row."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                print(
                    f"{path}: line {reader.line_num} has a wrong number of fields: skipped",
                    file=sys.stderr,
                )
                continue
            out.append({k: (v or "").strip() if k != "quote" else v for k, v in row.items()})
    return out


def _key(article: str, batch: str, seen: dict[str, str]) -> str:
    """An article's id in the gold set: its file stem, or batch/stem when an earlier batch
    already has an article of that name (ids must be unique; the scorer says when not)."""
    return f"{batch}/{article}" if article in seen else article


def load_gold_set(gold_dir: Path = GOLD_DIR) -> GoldSet:
    """Every batch under gold_dir (a folder with facts.csv and articles/)."""
    facts: list[dict] = []
    texts: dict[str, str] = {}
    metas: dict[str, dict] = {}
    splits: dict[str, str] = {}
    split_files = [gold_dir / "splits.csv", *sorted(gold_dir.glob("*/splits.csv"))]
    for path in split_files:
        if path.exists():
            for row in _read_rows(path):
                splits[row["article"].strip()] = row["split"].strip()
    for batch in sorted(p for p in gold_dir.iterdir() if (p / "facts.csv").exists()):
        b_texts, b_metas = batch_articles(batch)
        for article in b_texts:
            key = _key(article, batch.name, texts)
            texts[key], metas[key] = b_texts[article], b_metas[article]
            if key != article:
                print(
                    f"gold: {article} is in two batches; this one is scored as {key}",
                    file=sys.stderr,
                )
        for row in _read_rows(batch / "facts.csv"):
            row["batch"] = batch.name
            if f"{batch.name}/{row['article']}" in texts:
                row["article"] = f"{batch.name}/{row['article']}"
            facts.append(row)
    located = []
    for row in facts:
        text = texts.get(row["article"], "")
        pos = -1
        for _ in range(int(float(row.get("nth") or 1))):
            pos = text.find(row["quote"], pos + 1)
            if pos < 0:
                break
        row["start"], row["end"] = (pos, pos + len(row["quote"])) if pos >= 0 else (None, None)
        located.append(row)
    for article in texts:
        plain = article.split("/")[-1]
        splits[article] = splits.get(plain) or hashed_split(plain)
    return GoldSet(located, texts, metas, splits)


def predict_gold_set(gold: GoldSet, split: str = "all") -> pd.DataFrame:
    """Our extractor run in this process on the gold articles of a split."""
    from briefing.extract.facts import extract_facts

    rows: list[dict] = []
    for article in gold.articles(split):
        meta = dict(gold.metas[article])
        extra = {k: meta.pop(k) for k in ("encoding", "source_format")}
        rows.extend(extract_facts(article, gold.texts[article], meta, extra=extra))
    return pd.DataFrame(rows, columns=list(FACT_COLUMNS))


def score_gold_set(gold: GoldSet, split: str = "all", predicted: Any | None = None) -> StrictScore:
    """Strict and quantity scores of our extractor (or of `predicted` facts) on a split."""
    if predicted is None:
        predicted = predict_gold_set(gold, split)
    return strict_score(predicted, gold.rows(split))


def _print_score(result: StrictScore, n_articles: int) -> None:
    q = result.quantities
    print(f"articles {n_articles}  gold figures {len(q.matched) + len(q.missed)}")
    print(
        f"strict    precision {result.strict_precision:.3f}  recall {result.strict_recall:.3f}"
        f"  f1 {result.strict_f1:.3f}"
    )
    print(f"quantity  precision {q.precision:.3f}  recall {q.recall:.3f}  f1 {q.f1:.3f}")
    for name in FIELDS:
        print(
            f"{name:<10} accuracy "
            f"{q.field_accuracy(name, on_topic_only=name == 'entity'):.3f}"
            + ("  (on-topic gold rows)" if name == "entity" else "")
        )
    for p, g in result.strict_misses:
        where = f"{g['article'][:34]:<34} {g['quote'][:30]:<30}"
        if p is None:
            print(f"missed   {where}")
            continue
        wrong = [
            f"{n} {_norm(p.get(n))!r}≠{_norm(g.get(n))!r}"
            for n in STRICT_FIELDS
            if not (n == "entity" and not _truth(g.get("on_topic")))
            and not _same(n, p.get(n), g.get(n))
        ]
        rules = " ".join(f"{c}={_norm(p.get(c)) or '-'}" for c in RULE_COLUMNS)
        print(f"wrong    {where} {'; '.join(wrong)}  [{rules}]")
    for p in q.spurious:
        print(f"spurious {p['article'][:34]:<34} {str(p['text'])[:30]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefing.extract.scoring")
    parser.add_argument("--gold-dir", type=Path, help="the gold set (folder of batches)")
    parser.add_argument("--split", choices=("tune", "unseen", "all"), default="all")
    parser.add_argument("--facts", type=Path, help="score this facts CSV instead of a run")
    args = parser.parse_args(argv)
    if args.gold_dir is not None:
        gold = load_gold_set(args.gold_dir)
        predicted = (
            pd.read_csv(args.facts, dtype={"year": "string"}, keep_default_na=False)
            if args.facts
            else None
        )
        if predicted is not None:
            predicted["start"] = pd.to_numeric(predicted["start"])
            predicted["end"] = pd.to_numeric(predicted["end"])
        result = score_gold_set(gold, args.split, predicted)
        _print_score(result, len(gold.articles(args.split)))
        return 0
    return _main_seeds()


def _main_seeds() -> int:
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
