"""Sources and method: the articles, a reliability note per outlet, the data-quality list
and the full facts table (section 8).

Reliability notes live in data/reference/outlets.csv (outlet, kind, note). Outlets are
matched by exact name first, then by the kind words the manifest uses for unknown outlets
("unknown (crypto/web3 news site)"), then fall back to a default note: an outlet we know
nothing about is said to be unknown, never silently trusted.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from briefing.articles import Article
from briefing.sections._common import as_list, format_amount, is_blank

OUTLETS_CSV = Path(__file__).resolve().parents[3] / "data" / "reference" / "outlets.csv"
DEFAULT_NOTE = "Unknown outlet: no track record assessed; treat its figures as unverified."

#: Words in an outlet's name or description -> the kind row in outlets.csv to use.
_KIND_HINTS: tuple[tuple[str, str], ...] = (
    ("crypto", "crypto news site"),
    ("web3", "crypto news site"),
    ("blockchain", "crypto news site"),
    ("metaverse news", "niche news/SEO site"),
    ("seo", "niche news/SEO site"),
    # a plan or notice published by a government body (河南省人民政府, 工业和信息化部, a ministry)
    ("政府", "government"),
    ("国务院", "government"),
    ("國務院", "government"),
    ("委员会", "government"),
    ("工业和信息化部", "government"),
    ("ministry", "government"),
    ("government", "government"),
    ("state council", "government"),
)

ARTICLE_COLUMNS: tuple[str, ...] = (
    "article", "title", "outlet", "published", "date_precision", "language", "n_facts",
    "n_on_topic", "reliability",
)  # fmt: skip

PROBLEM_COLUMNS: tuple[str, ...] = ("path", "problem", "detail")


def load_outlet_notes(path: Path | str = OUTLETS_CSV) -> dict[str, str]:
    """outlet name (lower case) -> note, plus "kind:<kind>" -> note for the generic kinds."""
    notes: dict[str, str] = {}
    path = Path(path)
    if not path.exists():
        return notes
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            outlet = (row.get("outlet") or "").strip().lower()
            note = (row.get("note") or "").strip()
            kind = (row.get("kind") or "").strip().lower()
            if outlet and note:
                notes[outlet] = note
            if kind and note and not outlet:
                notes[f"kind:{kind}"] = note
    return notes


def reliability(outlet: object, notes: dict[str, str]) -> str:
    """The note for an outlet: by name, else by kind words, else DEFAULT_NOTE."""
    name = "" if is_blank(outlet) else str(outlet).strip().lower()
    if name in notes:
        return notes[name]
    for hint, kind in _KIND_HINTS:
        if hint in name and f"kind:{kind}" in notes:
            return notes[f"kind:{kind}"]
    return notes.get("kind:unknown", DEFAULT_NOTE)


def articles(
    facts: pd.DataFrame,
    notes: dict[str, str] | None = None,
    corpus: Sequence[Article] = (),
) -> pd.DataFrame:
    """One row per article read, oldest first, with its outlet's note.

    Articles come from the facts table and, when given, from the loaded `corpus` too: an
    article without a single figure was still read and must be listed as a source.
    """
    notes = load_outlet_notes() if notes is None else notes
    if facts.empty and not corpus:
        return pd.DataFrame(columns=list(ARTICLE_COLUMNS))
    rows = []
    on = facts["on_topic"].map(lambda v: str(v).strip().lower() in {"true", "1", "yes"})
    for article, group in facts.assign(_on=on).groupby("article", sort=True):
        first = group.iloc[0]
        rows.append(
            {
                "article": article,
                "title": first.get("title", ""),
                "outlet": first.get("outlet", ""),
                "published": "" if is_blank(first.get("published")) else str(first["published"]),
                "date_precision": first.get("date_precision", ""),
                "language": first.get("language", ""),
                "n_facts": len(group),
                "n_on_topic": int(group["_on"].sum()),
                "reliability": reliability(first.get("outlet"), notes),
            }
        )
    seen = {row["article"] for row in rows}
    for item in corpus:
        if item.id in seen:
            continue
        meta = item.meta
        rows.append(
            {
                "article": item.id,
                "title": meta.title or "",
                "outlet": meta.outlet or "",
                "published": meta.published.isoformat() if meta.published else "",
                "date_precision": meta.date_precision,
                "language": meta.language,
                "n_facts": 0,
                "n_on_topic": 0,
                "reliability": reliability(meta.outlet, notes),
            }
        )
    out = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    return out.sort_values(["published", "article"]).reset_index(drop=True)


def input_problems(processed_dir: Path | str) -> pd.DataFrame:
    """Every skipped or degraded input with its reason (processed_dir/input_problems.csv).

    A missing file means the extract step recorded no problems file; we say so by
    returning an empty table rather than failing the section.
    """
    path = Path(processed_dir) / "input_problems.csv"
    if not path.exists() or path.stat().st_size == 0:
        return pd.DataFrame(columns=list(PROBLEM_COLUMNS))
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return table.sort_values(list(table.columns)).reset_index(drop=True)


def _ranked(facts: pd.DataFrame, claims: pd.DataFrame | None) -> pd.DataFrame:
    """Facts most worth checking first: on-topic before off-topic, figures of claims with
    more sources first, then figures with a measure before "other", then in article order."""
    sources: dict[str, int] = {}
    if claims is not None:
        for ids, n in zip(claims["fact_ids"], claims["n_sources"], strict=True):
            for fact_id in as_list(ids):
                sources[str(fact_id)] = int(n)
    return (
        facts.assign(
            _off=~facts["on_topic"].astype(str).str.lower().isin(["true", "1"]),
            _sources=-facts["id"].astype(str).map(sources).fillna(0),
            _other=facts["measure"].astype(str).eq("other"),
        )
        .sort_values(["_off", "_sources", "_other", "article", "start"], kind="stable")
        .drop(columns=["_off", "_sources", "_other"])
    )


def facts_appendix(
    facts: pd.DataFrame, claims: pd.DataFrame | None = None, limit: int | None = None
) -> pd.DataFrame:
    """The facts table for the appendix: each figure, its quote and provenance, in article order.

    With more than `limit` figures, the appendix keeps the `limit` most worth checking
    (`_ranked`). Figures an analyst excluded are left out (facts.csv keeps them, marked).
    """
    from briefing.corrections import excluded_mask

    facts = facts[~excluded_mask(facts)]
    if limit is not None and len(facts) > limit:
        facts = _ranked(facts, claims).head(limit)
    cols = [
        "id",
        "text",
        "measure",
        "entity",
        "year",
        "on_topic",
        "outlet",
        "published",
        "sentence",
    ]
    present = [c for c in cols if c in facts.columns]
    return facts.sort_values(["article", "start"])[present].reset_index(drop=True)


#: Quotes the printed annex lists at most (the most reported first); facts.csv has them all.
ANNEX_QUOTES = 150


def quote_annex(
    facts: pd.DataFrame, claims: pd.DataFrame | None = None, limit: int | None = ANNEX_QUOTES
) -> pd.DataFrame:
    """The annex, one row per quoted sentence: the figures read from it, where it comes from,
    and the sentence itself, in article order.

    Why by quote and not by figure: a sentence with four figures printed four times made the
    annex the longest part of the briefing. Grouped, each quote appears once and every figure
    keeps an anchor the body links to (`ids`). Which figures are kept when there are more
    than `limit` quotes follows `facts_appendix` (on-topic and most reported first).
    """
    cols = ["ids", "figures", "source", "quote", "article", "start"]
    if facts is None or facts.empty:
        return pd.DataFrame(columns=cols)
    from briefing.corrections import excluded_mask

    kept = facts[~excluded_mask(facts)]
    rows: dict[tuple[str, str], dict] = {}
    for fact in kept.sort_values(["article", "start"], kind="stable").to_dict("records"):
        key = (str(fact.get("article", "")), str(fact.get("sentence", "")))
        row = rows.setdefault(
            key,
            {
                "ids": [],
                "figures": [],
                "source": ", ".join(
                    str(v) for v in (fact.get("outlet"), fact.get("published")) if not is_blank(v)
                ),
                "quote": key[1],
                "article": key[0],
                "start": fact.get("start", 0),
            },
        )
        row["ids"].append(str(fact["id"]))
        row["figures"].append(_figure_label(fact))
    table = pd.DataFrame(list(rows.values()), columns=cols)
    table["figures"] = table["figures"].map("; ".join)
    if limit is not None and len(table) > limit:  # a quote ranks as its best figure
        rank = {str(i): n for n, i in enumerate(_ranked(kept, claims)["id"])}
        table["_rank"] = table["ids"].map(lambda ids: min(rank.get(i, len(rank)) for i in ids))
        table = table.nsmallest(limit, "_rank").drop(columns="_rank")
    return table.sort_values(["article", "start"], kind="stable").reset_index(drop=True)


def _figure_label(fact: dict) -> str:
    """ "250 billion yuan (Market-size target, Sichuan, 2025)": the figure as written and what
    the extractor made of it, so a wrong entity or year shows beside its quote."""
    from briefing.schema import MEASURE_NAMES

    what = [MEASURE_NAMES.get(str(fact.get("measure")), str(fact.get("measure") or ""))]
    what += [str(fact[k]) for k in ("entity",) if not is_blank(fact.get(k))]
    if not is_blank(fact.get("year")):
        what.append(str(int(float(fact["year"]))))
    if str(fact.get("on_topic")).lower() not in ("true", "1"):
        what.append("off topic")
    figure = (
        format_amount(float(fact["value"]), str(fact.get("unit") or ""), fact.get("qualifier"))
        if not is_blank(fact.get("value"))
        else str(fact.get("text", ""))
    )
    return f"{figure} ({', '.join(w for w in what if w)})"
