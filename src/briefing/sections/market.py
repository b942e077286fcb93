"""Market and momentum: market size and growth, trademark applications, companies with
"metaverse" in their names, the digital economy's share of GDP, with years (section 5)."""

from __future__ import annotations

import pandas as pd

from briefing.sections._common import format_amount, is_blank, of_measure, year_text

#: The measures this section shows, in the order it shows them, with a reader's label.
MEASURE_LABELS: dict[str, str] = {
    "market_size": "Market size",
    "growth_rate": "Growth rate",
    "trademark_applications": "Trademark applications",
    "companies": "Companies",
    "gdp_share": "Digital economy, share of GDP",
    "investment": "Investment",
    "users": "Users",
}

COLUMNS: tuple[str, ...] = (
    "claim_id",
    "indicator",
    "measure",
    "entity",
    "year",
    "figure",
    "value",
    "value_high",  # upper bound of a range ("between 100 and 200 companies"), else NaN
    "unit",
    "qualifier",
    "counted",
    "n_sources",
    "conflict",
    "fact_ids",
)


def table(claims: pd.DataFrame, top_n: int = 30) -> pd.DataFrame:
    """The section's claims, grouped by measure (fixed order), then entity and year.

    Conflicting claims are kept with figure "sources disagree" (their values are in the
    caveats section); with a large corpus at most `top_n` rows, the best-sourced first
    within each measure.
    """
    picked = of_measure(claims, *MEASURE_LABELS)
    rows = []
    for claim in picked.to_dict("records"):
        figure = (
            "sources disagree"
            if claim["conflict"]
            else format_amount(
                claim["value"], claim["unit"], claim["qualifier"], claim.get("value_high")
            )
        )
        counted = "" if is_blank(claim["counted"]) else str(claim["counted"])
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "indicator": MEASURE_LABELS[claim["measure"]],
                "measure": claim["measure"],
                "entity": claim["entity"],
                "year": year_text(claim["year"]),
                "figure": figure,
                "value": claim["value"],
                "value_high": claim.get("value_high"),
                "unit": claim["unit"],
                "qualifier": claim["qualifier"],
                "counted": counted,
                "n_sources": int(claim["n_sources"]),
                "conflict": bool(claim["conflict"]),
                "fact_ids": claim["fact_ids"],
            }
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    if out.empty:
        return out
    out["_order"] = out["measure"].map(list(MEASURE_LABELS).index)
    out = out.sort_values(
        ["_order", "n_sources", "entity", "year", "claim_id"],
        ascending=[True, False, True, True, True],
        na_position="last",
    )
    return out.drop(columns="_order").head(top_n).reset_index(drop=True)
