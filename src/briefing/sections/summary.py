"""Summary: five to eight key numbers drawn from the other sections' tables (section 1).

The summary never reads another notebook: it calls the same section functions, so the
numbers it highlights are the numbers the sections show. Each key number keeps the fact id
of its first source so that the narrative can link it to its quote.
"""

from __future__ import annotations

import re

import pandas as pd

from briefing.sections import companies, patents, targets
from briefing.sections._common import as_list, format_amount, latest_agreed, of_measure, year_text

MAX_KEY_NUMBERS = 8
NATIONAL = "China"
#: A growth rate said of a market or an industry (not of funding, shipments or a share price).
_MARKET_WORDS = re.compile(
    r"\b(?:market|industry|industries|sector|revenue|output)\b|产业|產業|规模|規模|市场|市場|产值",
    re.I,
)
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
    latest = _latest_year(facts)
    labels = {
        "companies": "companies ({entity}, {year})",
        "trademark_applications": "trademark applications ({entity}, {year})",
        "growth_rate": "growth ({entity}, {year})",
        "gdp_share": "digital economy share of GDP ({entity}, {year})",
    }
    for measure, template in labels.items():
        # a GDP share is a policy goal as often as a statistic: the goal may lead, labelled
        claim = _headline_claim(claims, measure, latest, goals_too=measure == "gdp_share")
        if claim is None:
            continue
        if measure == "growth_rate" and _about_the_market(claim):
            template = "market growth ({entity}, {year})"
        year = year_text(claim["year"]) or "year unknown"
        if latest is not None and not pd.isna(claim["year"]) and int(claim["year"]) > latest:
            year = f"target for {year}"
        label = template.format(entity=claim["entity"], year=year)
        figure = format_amount(
            claim["value"], claim["unit"], claim["qualifier"], claim.get("value_high")
        )
        rows.append(_row(measure, label, figure, claim["value"], claim["fact_ids"]))
    return pd.DataFrame(rows[:MAX_KEY_NUMBERS], columns=list(COLUMNS))


def _latest_year(facts: pd.DataFrame | None) -> int | None:
    """The year of the newest article: a count dated after it is a goal, not a count."""
    if facts is None or facts.empty or "published" not in facts:
        return None
    published = pd.to_datetime(facts["published"], errors="coerce").dropna()
    return int(published.max().year) if len(published) else None


def _headline_claim(
    claims: pd.DataFrame, measure: str, latest: int | None, goals_too: bool = False
) -> dict | None:
    """The claim a summary shows for a measure: agreed, not dated after the newest article
    (培育约50家企业 by 2026 is a plan) unless `goals_too`, the country's before a city's or a
    company's, then the latest year, then the best-sourced. Read from every claim, not a
    section's top rows."""
    picked = of_measure(claims, measure)
    if picked.empty:
        return None
    picked = picked[~picked["conflict"].astype(bool) & picked["value"].notna()].copy()
    year = pd.to_numeric(picked["year"], errors="coerce").astype(float)  # NA -> NaN
    # with no article date, nothing can be said to lie after it
    future = (year > latest) if latest is not None else pd.Series(False, index=year.index)
    future = future.to_numpy(dtype=bool)
    if not goals_too:
        picked, year = picked[~future], year[~future]
    if picked.empty:
        return None
    if measure == "growth_rate":  # a market's growth before a share price's or funding's
        market = picked[[_about_the_market(c) for c in picked.to_dict("records")]]
        picked = market if len(market) else picked
    picked["_national"] = picked["entity"].astype(str) == NATIONAL
    picked["_year"] = year.fillna(-1)
    picked = picked.sort_values(
        ["_national", "_year", "n_sources", "claim_id"], ascending=[False, False, False, True]
    )
    return picked.iloc[0].to_dict()


def _about_the_market(claim: dict) -> bool:
    return any(_MARKET_WORDS.search(str(q)) for q in as_list(claim.get("quotes")))
