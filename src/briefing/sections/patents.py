"""Patents and trademarks: China vs the United States vs the rest of the world (section 3).

Articles give a count and a share for a country ("14,291 patents, 30% of the global total").
Each pair implies a global total (count / share). We show those implied totals side by side
and check that they agree: if 14,291 at 30% and 17,293 at 36% imply totals within a few
percent of each other, the figures are consistent. The rest of the world and the global
total are derived, never reported, and labelled so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from briefing.sections._common import as_list, latest_agreed, of_measure

#: Implied totals within this relative spread of each other count as consistent.
CONSISTENCY_TOLERANCE = 0.05
REST_OF_WORLD = "Rest of world"
GLOBAL_TOTAL = "Global total"

COLUMNS: tuple[str, ...] = (
    "entity",
    "patents",
    "share_pct",
    "implied_total",  # patents / share, when both are reported
    "derived",  # True for rows we computed (rest of world, global total)
    "basis",  # how the row was obtained, in words
    "fact_ids",
)


@dataclass(frozen=True)
class Consistency:
    """Whether the reported count/share pairs imply the same global total."""

    totals: dict[str, float]  # entity -> implied global total
    low: float
    high: float
    spread: float  # (high - low) / low
    consistent: bool


def table(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per reporting entity (largest count first), then the derived rows.

    Only entities with a count or a share appear; the derived rows appear only when the
    data allow them (a rest-of-world share needs every listed entity's share; a global total
    needs a count and a share of the same entity).
    """
    counts = latest_agreed(of_measure(claims, "patents"))
    shares = latest_agreed(of_measure(claims, "patent_share"))
    entities = sorted(set(counts["entity"].dropna()) | set(shares["entity"].dropna()))
    rows = []
    for entity in entities:
        count, share = _pair(claims, entity)
        if count is None:
            count = counts[counts["entity"] == entity]
            share = shares[shares["entity"] == entity]
        n = float(count["value"].iloc[0]) if len(count) else float("nan")
        pct = float(share["value"].iloc[0]) if len(share) else float("nan")
        ids = [
            str(f)
            for part in (count, share)
            for f in (as_list(part["fact_ids"].iloc[0]) if len(part) else [])
        ]
        rows.append(
            {
                "entity": entity,
                "patents": n,
                "share_pct": pct,
                "implied_total": (
                    n / pct * 100
                    if pct and pct == pct and n == n and _same_year(count, share)
                    else float("nan")
                ),
                "derived": False,
                "basis": "reported",
                "fact_ids": ids,
            }
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    if out.empty:
        return out
    out = out.sort_values(
        ["patents", "share_pct", "entity"], ascending=[False, False, True], na_position="last"
    )
    derived = _derived_rows(out)
    return pd.concat([out, pd.DataFrame(derived, columns=list(COLUMNS))], ignore_index=True)


def _same_year(count: pd.DataFrame, share: pd.DataFrame) -> bool:
    """Count and share may be divided: same year, or a year unknown on either side."""
    if not len(count) or not len(share):
        return False
    a, b = count["year"].iloc[0], share["year"].iloc[0]
    return pd.isna(a) or pd.isna(b) or a == b


def _pair(claims: pd.DataFrame, entity: str) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The entity's agreed count and share of the same year (the latest such year), so that
    a 2023 count is never divided by a share of 2011-2022; (None, None) when no year has
    both, and the latest of each is shown on its own."""
    agreed = claims[~claims["conflict"].astype(bool) & claims["value"].notna()]
    mine = agreed[agreed["entity"] == entity]
    c = mine[mine["measure"] == "patents"]
    sh = mine[mine["measure"] == "patent_share"]
    years = sorted(
        {y for y in c["year"] if pd.notna(y)} & {y for y in sh["year"] if pd.notna(y)}, reverse=True
    )
    if not years:
        return None, None

    def best(part: pd.DataFrame) -> pd.DataFrame:
        part = part[part["year"] == years[0]]
        return part.sort_values(["n_sources", "claim_id"], ascending=[False, True]).head(1)

    return best(c), best(sh)


def _derived_rows(reported: pd.DataFrame) -> list[dict]:
    rows: list[dict] = []
    shares = reported["share_pct"].dropna()
    totals = reported["implied_total"].dropna()
    total = float(totals.median()) if len(totals) else float("nan")
    # the rest of the world is 100% minus every reporting entity's share: with one entity's
    # share unknown (not given, or disputed) it would silently include that entity
    if len(shares) == len(reported) and shares.sum() < 100:
        rest_pct = 100.0 - float(shares.sum())
        counts = reported["patents"].dropna()
        rest_n = (
            total - float(counts.sum())
            if total == total and len(counts) == len(shares)
            else float("nan")
        )
        rows.append(
            {
                "entity": REST_OF_WORLD,
                "patents": rest_n,
                "share_pct": rest_pct,
                "implied_total": float("nan"),
                "derived": True,
                "basis": (
                    "derived: 100% minus the reported shares; "
                    "count = implied total minus reported counts"
                ),
                "fact_ids": [],
            }
        )
    if total == total:
        rows.append(
            {
                "entity": GLOBAL_TOTAL,
                "patents": total,
                "share_pct": 100.0,
                "implied_total": float("nan"),
                "derived": True,
                "basis": "derived: count / share (median over the entities reporting both)",
                "fact_ids": [],
            }
        )
    return rows


def consistency(
    patents: pd.DataFrame, tolerance: float = CONSISTENCY_TOLERANCE
) -> Consistency | None:
    """Compare the global totals implied by each entity's count and share.

    None when fewer than two entities report both (nothing to compare).
    """
    reported = patents[~patents["derived"].astype(bool)].dropna(subset=["implied_total"])
    if len(reported) < 2:
        return None
    totals = dict(zip(reported["entity"], reported["implied_total"].astype(float), strict=True))
    low, high = min(totals.values()), max(totals.values())
    spread = (high - low) / low if low else float("inf")
    return Consistency(
        totals=totals, low=low, high=high, spread=spread, consistent=spread <= tolerance
    )


def trademarks(claims: pd.DataFrame) -> pd.DataFrame:
    """Trademark-application claims (entity, year, value, sources), for the same section."""
    cols = ["claim_id", "entity", "year", "value", "qualifier", "n_sources", "conflict", "fact_ids"]
    return of_measure(claims, "trademark_applications")[cols].reset_index(drop=True)
