"""Summary: five to eight key numbers drawn from the other sections' tables (section 1).

The summary never reads another notebook: it calls the same section functions, so the
numbers it highlights are the numbers the sections show. Each key number keeps the fact id
of its first source so that the narrative can link it to its quote.
"""

from __future__ import annotations

import pandas as pd

from briefing.sections import companies, market, patents, targets
from briefing.sections._common import as_list, format_amount, latest_agreed, of_measure, year_text

MAX_KEY_NUMBERS = 8
COLUMNS: tuple[str, ...] = ("key", "label", "figure", "value", "fact_id")


def _row(key: str, label: str, figure: str, value: float, fact_ids: object) -> dict:
    ids = [str(f) for f in as_list(fact_ids)]
    return {
        "key": key,
        "label": label,
        "figure": figure,
        "value": value,
        "fact_id": ids[0] if ids else "",
    }


def key_numbers(
    claims: pd.DataFrame, cny_per_usd: float, facts: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Up to MAX_KEY_NUMBERS rows (key, label, figure, value, fact_id), in a fixed order.

    A key number is skipped when its data are missing or disputed; the order is: largest
    target, patent shares, largest body, companies, trademarks, growth, GDP share.
    """
    rows: list[dict] = []
    table = targets.table(claims, cny_per_usd, facts)
    if len(table) and (table["scope"] != "related").any():
        table = table[table["scope"] != "related"]  # the metaverse's own target, not the
        # industries it is meant to drive (带动…规模)
    tgt = targets.chartable(table, top_n=1)
    if len(tgt):
        top = tgt.iloc[0]
        year = year_text(top["year"])
        rows.append(
            _row(
                "largest_target",
                f"{top['entity']}'s market-size target" + (f" for {year}" if year else ""),
                format_amount(top["value_cny"], "CNY", top["qualifier"]),
                top["value_cny"],
                top["fact_ids"],
            )
        )
    pat = patents.table(claims)
    reported = pat[~pat["derived"].astype(bool)] if len(pat) else pat
    for entity_row in reported.head(2).to_dict("records"):
        if pd.isna(entity_row["share_pct"]):
            continue
        share_ids = [
            f for c in latest_agreed(of_measure(claims, "patent_share")).to_dict("records")
            if c["entity"] == entity_row["entity"] for f in as_list(c["fact_ids"])
        ]  # fmt: skip
        rows.append(
            _row(
                f"patent_share:{entity_row['entity']}",
                f"share of metaverse patents: {entity_row['entity']}",
                format_amount(entity_row["share_pct"], "percent"),
                entity_row["share_pct"],
                share_ids,
            )
        )
    bodies = companies.table(claims)
    if len(bodies):
        body = bodies.iloc[0]
        founding = pd.isna(body["member_count"])
        count = body["founding_count"] if founding else body["member_count"]
        rows.append(
            _row(
                "largest_body",
                f"{'founders' if founding else 'members'} of {body['body']}",
                format_amount(count, "count"),
                count,
                body["founding_count_ids"] if founding else body["member_count_ids"],
            )
        )
    mkt = market.table(claims)
    labels = {
        "companies": "companies ({entity}, {year})",
        "trademark_applications": "trademark applications ({entity}, {year})",
        "growth_rate": "market growth ({entity}, {year})",
        "gdp_share": "digital economy share of GDP ({entity}, {year})",
    }
    for measure, template in labels.items():
        picked = mkt[(mkt["measure"] == measure) & ~mkt["conflict"]]
        if picked.empty:
            continue
        picked = picked.sort_values(["year", "n_sources"], ascending=[False, False])
        claim = picked.iloc[0]
        label = template.format(entity=claim["entity"], year=claim["year"] or "year unknown")
        figure = format_amount(
            claim["value"], claim["unit"], claim["qualifier"], claim.get("value_high")
        )
        rows.append(_row(measure, label, figure, claim["value"], claim["fact_ids"]))
    return pd.DataFrame(rows[:MAX_KEY_NUMBERS], columns=list(COLUMNS))
