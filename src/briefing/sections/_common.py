"""Small helpers the section modules share: picking claims and writing figures as words.

Kept here, not in the notebooks, so that "250 billion yuan" is written the same way in the
summary, in a section's prose and in its table.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from briefing import numfmt

_QUALIFIER_WORDS = {
    "about": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "up_to": "up to ",
}


def is_blank(value: Any) -> bool:
    """True for None, NaN, pd.NA and empty strings: CSV round trips produce all four."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def as_list(value: Any) -> list:
    """Claims columns hold lists in memory; after a CSV round trip they may be strings."""
    if isinstance(value, list | tuple):
        return list(value)
    if is_blank(value):
        return []
    if isinstance(value, str) and value.startswith("["):
        import ast

        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return [value]
        return list(parsed) if isinstance(parsed, list | tuple) else [parsed]
    return [value]


def format_amount(
    value: float,
    unit: str | None,
    qualifier: str | None = None,
    high: float | None = None,
    *,
    converted: bool = False,
) -> str:
    """A figure as a reader expects it: "250 billion yuan", "$35.1 billion", "30%"; a range
    (`high` above `value`: "between 100 and 200 companies") as "100 to 200"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    unit = unit or ""
    body = _amount(value, unit, converted=converted)
    if high is not None and not (isinstance(high, float) and math.isnan(high)) and high > value:
        body = f"{body} to {_amount(high, unit, converted=converted)}"
    return _QUALIFIER_WORDS.get(qualifier or "", "") + body


def _amount(value: float, unit: str, *, converted: bool = False) -> str:
    """One amount for a reader, through briefing.numfmt (Babel): ¥350bn, $35.1bn, 14,291."""
    if unit == "percent":
        return numfmt.percent(value)
    if unit == "percentage_points":
        return f"{numfmt.plain(value)} percentage points"
    if unit == "times":
        return f"{numfmt.plain(value)} times"
    if unit in {"count", ""}:
        return numfmt.big_count(value)
    if unit.isalpha() and unit.isupper() and len(unit) == 3:  # an ISO currency code
        return numfmt.money(value, unit, converted=converted)
    return f"{numfmt.plain(value)} {unit}"


def of_measure(claims: pd.DataFrame, *measures: str) -> pd.DataFrame:
    """The claims of the given measures, in the claims table's own (deterministic) order."""
    if claims.empty:
        return claims.copy()
    return claims[claims["measure"].isin(measures)].reset_index(drop=True)


def latest_agreed(claims: pd.DataFrame) -> pd.DataFrame:
    """Per entity, the agreed (non-conflicting) claim with the latest year and most sources.

    Used where a section shows one number per entity; conflicting claims are left to the
    caveats section rather than being picked or averaged here.
    """
    agreed = claims[~claims["conflict"].astype(bool) & claims["value"].notna()].copy()
    if agreed.empty:
        return agreed
    agreed["_year"] = agreed["year"].astype("Float64").fillna(-1)
    agreed = agreed.sort_values(
        ["entity", "_year", "n_sources", "claim_id"], ascending=[True, False, False, True]
    )
    return agreed.drop_duplicates("entity").drop(columns="_year").reset_index(drop=True)


def year_text(year: Any) -> str:
    """ "2025" or "" for an unknown year (never "nan" or "2025.0")."""
    return "" if is_blank(year) else str(int(year))


def quotes_for(facts: pd.DataFrame, id_lists: Any) -> list[dict[str, str]]:
    """The provenance of the facts behind a chart: article, outlet, date and exact sentence.

    Saved beside each chart (and put in the slides' speaker notes) so that a chart pasted into
    a deck still says where every number came from. Sorted, so builds are deterministic.
    """
    wanted = {i for ids in id_lists for i in as_list(ids)}
    rows = facts.loc[facts["id"].isin(wanted)]
    quotes: dict[tuple[str, str, str, str], set[str]] = {}
    for _, r in rows.iterrows():
        key = (
            str(r["article"]),
            "" if is_blank(r.get("outlet")) else str(r["outlet"]),
            "" if is_blank(r.get("published")) else str(r["published"]),
            str(r["sentence"]),
        )
        quotes.setdefault(key, set()).add(str(r["id"]))
    keys = ("article", "outlet", "date", "quote")
    # `ids`: the facts each quote stands behind, so a chart's CSV can cite per row
    return [
        {**dict(zip(keys, q, strict=True)), "ids": " ".join(sorted(quotes[q]))}
        for q in sorted(quotes)
    ]


def articles_of(facts: pd.DataFrame, id_lists: Any) -> list[str]:
    """The articles the facts of a chart come from (fact-id lists flattened), sorted."""
    wanted = {str(i) for ids in id_lists for i in as_list(ids)}
    return sorted(set(facts.loc[facts["id"].astype(str).isin(wanted), "article"].astype(str)))


SOURCES_NAMED_ON_A_CHART = 4


def source_line(facts: pd.DataFrame, articles: Any, limit: int = SOURCES_NAMED_ON_A_CHART) -> str:
    """A chart's source line naming the articles behind what it draws, not the whole corpus:
    "Source: The Cryptonomist, 2024-01-22". Oldest first; past `limit` articles the rest are
    counted ("and 12 more articles"), so the line fits under a slide-sized chart.

    `articles` is any iterable of article ids (lists inside it are flattened); an article
    with no outlet or date in `facts` is named by its id.
    """
    wanted = sorted({str(a) for item in articles for a in as_list(item) if not is_blank(a)})
    if not wanted:
        return ""
    known: dict[str, tuple[str, str]] = {}
    if not facts.empty and "article" in facts:
        columns = [c for c in ("article", "outlet", "published") if c in facts]
        for row in facts[columns].drop_duplicates("article").to_dict("records"):
            outlet = "" if is_blank(row.get("outlet")) else str(row["outlet"])
            date = "" if is_blank(row.get("published")) else str(row["published"])[:10]
            known[str(row["article"])] = (outlet, date)
    named = []
    for article in wanted:
        outlet, date = known.get(article, ("", ""))
        label = ", ".join(p for p in (outlet or article, date) if p)
        named.append((date or "9999", label))
    labels = list(dict.fromkeys(label for _, label in sorted(named)))
    head = "Source: " if len(labels) == 1 else "Sources: "
    shown = "; ".join(labels[:limit])
    rest = len(labels) - limit
    if rest > 0:
        shown += f"; and {rest} more article{'s' if rest > 1 else ''}"
    return head + shown
