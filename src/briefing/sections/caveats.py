"""Caveats: single-source figures, figures sources disagree on, and figures left out as
off-topic (section 9). A reader weighing a number needs all three lists."""

from __future__ import annotations

import pandas as pd

from briefing.sections._common import as_list, format_amount, is_blank, year_text

COLUMNS_SINGLE: tuple[str, ...] = (
    "claim_id",
    "measure",
    "entity",
    "year",
    "figure",
    "outlet",
    "fact_id",
)
COLUMNS_CONFLICT: tuple[str, ...] = (
    "claim_id",
    "measure",
    "entity",
    "year",
    "figure",
    "outlet",
    "fact_id",
)
COLUMNS_OFF_TOPIC: tuple[str, ...] = ("fact_id", "text", "measure", "entity", "outlet", "sentence")


def single_source(claims: pd.DataFrame) -> pd.DataFrame:
    """Agreed claims reported by one article only, one row each."""
    rows = []
    chosen = claims[(claims["n_sources"] == 1) & ~claims["conflict"].astype(bool)]
    for claim in chosen.to_dict("records"):
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "measure": claim["measure"],
                "entity": "" if is_blank(claim["entity"]) else claim["entity"],
                "year": year_text(claim["year"]),
                "figure": format_amount(
                    claim["value"], claim["unit"], claim["qualifier"], claim.get("value_high")
                ),
                "outlet": (as_list(claim["outlets"]) or [""])[0],
                "fact_id": str(as_list(claim["fact_ids"])[0]),
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS_SINGLE))


def conflicts(claims: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Conflicting claims side by side: one row per source figure, grouped by claim.

    Each row is one article's figure as it wrote it, so the reader sees "Sichuan 250
    billion yuan (Outlet A) | 300 billion yuan (Outlet B)" and nothing averaged.
    """
    by_id = facts.set_index(facts["id"].astype(str)) if not facts.empty else facts
    rows = []
    for claim in claims[claims["conflict"].astype(bool)].to_dict("records"):
        for fact_id in as_list(claim["fact_ids"]):
            fact = by_id.loc[str(fact_id)] if str(fact_id) in by_id.index else None
            if fact is None:
                continue
            rows.append(
                {
                    "claim_id": claim["claim_id"],
                    "measure": claim["measure"],
                    "entity": "" if is_blank(claim["entity"]) else claim["entity"],
                    "year": year_text(claim["year"]),
                    "figure": format_amount(float(fact["value"]), fact["unit"], fact["qualifier"]),
                    "outlet": "" if is_blank(fact["outlet"]) else str(fact["outlet"]),
                    "fact_id": str(fact_id),
                }
            )
    return pd.DataFrame(rows, columns=list(COLUMNS_CONFLICT))


def off_topic(facts: pd.DataFrame) -> pd.DataFrame:
    """Figures the extractor marked off-topic (bylines, unrelated stories) and left out."""
    if facts.empty:
        return pd.DataFrame(columns=list(COLUMNS_OFF_TOPIC))
    flag = facts["on_topic"].map(lambda v: str(v).strip().lower() in {"false", "0", "no"})
    rows = facts[flag].sort_values(["article", "start"])
    out = pd.DataFrame(
        {
            "fact_id": rows["id"].astype(str),
            "text": rows["text"],
            "measure": rows["measure"].fillna(""),
            "entity": rows["entity"].fillna(""),
            "outlet": rows["outlet"].fillna(""),
            "sentence": rows["sentence"].fillna(""),
        }
    )
    return out.reset_index(drop=True)
