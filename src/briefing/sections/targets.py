"""Market-size targets by province or city, in CNY with the USD equivalent (section 2).

The USD figure is the article's own conversion when it gives one ("250 billion yuan
(equivalent to 35.1 billion dollars)"): that is what the source said, so we repeat it. Only
otherwise do we convert at the report's `cny_per_usd` parameter, and the `usd_basis` column
says which, so a reader never mistakes our arithmetic for the source's.
"""

from __future__ import annotations

import re

import pandas as pd

from briefing.sections._common import as_list, is_blank, of_measure

COLUMNS: tuple[str, ...] = (
    "claim_id",
    "entity",
    "year",
    "value_cny",
    "value_usd",
    "usd_basis",  # "article" or "parameter"
    "unit_reported",  # the unit the source stated the target in
    "qualifier",
    "n_sources",
    "conflict",
    "conflict_note",
    "scope",  # "core", "related" (industries driven by it), "digital economy", or ""
    "fact_ids",
)


def _article_conversions(facts: pd.DataFrame | None) -> dict[str, float]:
    """fact id of an amount -> the USD value the same article converted it to."""
    if facts is None or facts.empty or "conversion_of" not in facts:
        return {}
    rows = facts[facts["conversion_of"].map(lambda v: not is_blank(v))]
    rows = rows[rows["unit"] == "USD"]
    if "corrected_fields" in facts:  # an analyst changed the amount: its conversion is stale
        changed = facts["corrected_fields"].map(
            lambda v: not is_blank(v) and bool({"value", "unit"} & set(str(v).split(",")))
        )
        rows = rows[
            ~rows["conversion_of"].astype(str).isin(set(facts.loc[changed, "id"].astype(str)))
        ]
    return {
        str(r.conversion_of): float(r.value) for r in rows.itertuples() if not is_blank(r.value)
    }


def table(
    claims: pd.DataFrame, cny_per_usd: float, facts: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per market-size target claim, largest CNY value first.

    Targets stated in CNY or USD are both shown in both currencies. Conflicting claims stay
    in the table (value empty, conflict noted) so that the section can say so; they are
    never ranked. `facts` is needed only to find the articles' own conversions.
    """
    if cny_per_usd <= 0:
        raise ValueError(f"cny_per_usd must be > 0, got {cny_per_usd!r}")
    conversions = _article_conversions(facts)
    rows = []
    for claim in of_measure(claims, "market_size_target").to_dict("records"):
        if claim["unit"] not in {"CNY", "USD"}:
            continue
        value = claim["value"]
        fact_ids = [str(f) for f in as_list(claim["fact_ids"])]
        own = next((conversions[f] for f in fact_ids if f in conversions), None)
        if pd.isna(value):
            value_cny = value_usd = float("nan")
            basis = ""
        elif claim["unit"] == "CNY":
            value_cny = float(value)
            value_usd, basis = (own, "article") if own else (value_cny / cny_per_usd, "parameter")
        else:
            value_usd, basis = float(value), "article"
            value_cny = value_usd * cny_per_usd
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "entity": claim["entity"],
                "year": claim["year"],
                "value_cny": value_cny,
                "value_usd": value_usd,
                "usd_basis": basis,
                "unit_reported": claim["unit"],
                "qualifier": claim["qualifier"],
                "n_sources": int(claim["n_sources"]),
                "conflict": bool(claim["conflict"]),
                # the values side by side are in the caveats; a table cell only says so
                "conflict_note": "sources disagree (see Caveats)" if claim["conflict"] else "",
                "scope": _scope(fact_ids, facts),
                "fact_ids": fact_ids,
            }
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    if out.empty:
        return out
    out["_missing"] = out["value_cny"].isna()
    out = out.sort_values(
        ["_missing", "value_cny", "entity", "claim_id"], ascending=[True, False, True, True]
    )
    return out.drop(columns="_missing").reset_index(drop=True)


#: Words that say which part of an industry a target covers, read just before the figure
#: (核心产业 300亿; 带动相关产业 1000亿: the industries the metaverse is to drive). A bare
#: 相关/"related" is not enough: 元宇宙相关产业 is the metaverse industry itself.
_SCOPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"核心|\bcore\b", re.I), "core"),
    (
        re.compile(
            r"带动|帶動|\bdriv(?:e|en|ing)\b|(?<!metaverse-)(?<!metaverse )related industr", re.I
        ),
        "related",
    ),
    (re.compile(r"digital economy|数字经济|數字經濟", re.I), "digital economy"),
)


def _scope(fact_ids: list[str], facts: pd.DataFrame | None) -> str:
    """The scope word nearest before the target's first quote (see _SCOPES), or ''."""
    if facts is None or facts.empty or not fact_ids:
        return ""
    rows = facts[facts["id"].astype(str) == str(fact_ids[0])]
    if rows.empty:
        return ""
    row = rows.iloc[0]
    sentence, text = str(row["sentence"]), str(row["text"])
    at = sentence.find(text)
    # the clause before the figure: a list joined by 、 shares its verb (带动A规模…、B规模…)
    clause = max(sentence.rfind(sep, 0, at) for sep in "，；。,;") + 1 if at >= 0 else 0
    before = sentence[max(clause, at - 60) : at] if at >= 0 else ""
    found = [(m.start(), name) for pattern, name in _SCOPES for m in pattern.finditer(before)]
    return max(found)[1] if found else ""


def chartable(
    targets: pd.DataFrame, top_n: int = 15, facts: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The agreed targets to draw, largest first, at most `top_n` bars.

    The label carries the year so that two targets of one province for different years
    stay apart, and the target's scope when the quote gives one (core / related
    industries); targets still alike are numbered.
    """
    agreed = targets[targets["value_cny"].notna()]
    if "scope" in agreed and (agreed["scope"] != "related").any():
        # the metaverse's own targets; those of the industries it is to drive are in the table
        agreed = agreed[agreed["scope"] != "related"]
    agreed = agreed.head(top_n).copy()
    scopes = (
        list(agreed["scope"])
        if "scope" in agreed
        else [_scope([str(f) for f in as_list(ids)], facts) for ids in agreed["fact_ids"]]
    )
    labels = [
        (f"{e} ({int(y)})" if not is_blank(y) else str(e)) + (f", {sc}" if sc else "")
        for e, y, sc in zip(agreed["entity"], agreed["year"], scopes, strict=True)
    ]
    # the same place, year and scope twice: numbered, so that no two bars share a label
    repeated = pd.Series(labels).value_counts()
    n: dict[str, int] = {}
    for i, label in enumerate(labels):
        if repeated[label] > 1:
            n[label] = n.get(label, 0) + 1
            labels[i] = f"{label} #{n[label]}"
    agreed["label"] = labels
    agreed["value_cny_bn"] = agreed["value_cny"] / 1e9
    return agreed.reset_index(drop=True)
