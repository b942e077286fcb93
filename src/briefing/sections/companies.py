"""Companies and alliances: each body with its member count, founding count and named
members (section 4).

A body is the entity of a "members" claim (an alliance, association or working group). A
count is a founding count when the sentence says the counted firms founded or established
the body ("Five tech companies ... established the association"), i.e. a founding verb
follows the figure, or the figure is called "founding"; otherwise it is a member count
("the association now counts 23", "an alliance that includes 24 tech companies").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from briefing.sections._common import as_list, is_blank, of_measure

_FOUNDING_AFTER = re.compile(
    r"\b(found(?:ed|s|ing)?|establish(?:ed|es)?|set up|co-?found(?:ed)?|launch(?:ed)?)\b|成立|发起",
    re.IGNORECASE,
)
_FOUNDING_BEFORE = re.compile(r"\bfounding\b|发起单位|首批", re.IGNORECASE)
_BODY_WORDS = re.compile(
    r"alliance|association|working group|consortium|committee|union|council|联盟|协会|工作组",
    re.IGNORECASE,
)

COLUMNS: tuple[str, ...] = (
    "body",
    "member_count",
    "member_count_ids",
    "founding_count",
    "founding_count_ids",
    "n_sources",
    "articles",
)


def is_founding(sentence: str, figure_text: str) -> bool:
    """Whether a count in `sentence` counts the founders of a body (see module doc)."""
    if not sentence:
        return False
    pos = sentence.find(figure_text) if figure_text else -1
    if pos < 0:
        return bool(_FOUNDING_BEFORE.search(sentence))
    before, after = sentence[:pos], sentence[pos + len(figure_text) :]
    window = before[-40:]
    return bool(_FOUNDING_BEFORE.search(window) or _FOUNDING_AFTER.search(after))


def table(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per body with a member count, largest first.

    When several agreed member counts exist for a body (e.g. two years), the largest is
    shown: memberships grow, and the caveats section lists every claim anyway.
    """
    bodies: dict[str, dict] = {}
    for claim in of_measure(claims, "members").to_dict("records"):
        body = claim["entity"]
        if is_blank(body) or claim["conflict"] or pd.isna(claim["value"]):
            continue
        quotes = [str(q) for q in as_list(claim["quotes"])]
        texts = [str(t) for t in as_list(claim["texts"])]
        founding = any(is_founding(q, t) for q, t in zip(quotes, texts, strict=False))
        kind = "founding_count" if founding else "member_count"
        row = bodies.setdefault(
            body,
            {
                "body": body,
                "member_count": float("nan"),
                "member_count_ids": [],
                "founding_count": float("nan"),
                "founding_count_ids": [],
                "articles": set(),
            },
        )
        if pd.isna(row[kind]) or claim["value"] > row[kind]:
            row[kind] = float(claim["value"])
            row[f"{kind}_ids"] = [str(f) for f in as_list(claim["fact_ids"])]
        row["articles"].update(as_list(claim["articles"]))
    rows = []
    for row in bodies.values():
        row["articles"] = sorted(row["articles"])
        row["n_sources"] = len(row["articles"])
        rows.append(row)
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    if out.empty:
        return out
    out["_size"] = out["member_count"].fillna(out["founding_count"])
    out = out.sort_values(["_size", "body"], ascending=[False, True])
    return out.drop(columns="_size").reset_index(drop=True)


def named_members(
    texts: Mapping[str, str],
    bodies: Iterable[str],
    find_mentions: Callable[[str], Iterable[str]],
) -> pd.DataFrame:
    """Companies named in the same paragraph as a body, as (body, company, article) rows
    (the article, so the chart can name its sources).

    `texts` maps article id to article text; `find_mentions(text)` returns canonical
    organisation names (briefing.reference.find_mentions resolves aliases such as
    "Sense Time" -> "SenseTime"). Bodies are matched by name in the paragraph; a paragraph
    that names no body but follows one ("The working group includes ... Huawei") is
    attributed to the body last named in that article.
    """
    body_list = sorted({b for b in bodies if not is_blank(b)})
    pairs: set[tuple[str, str, str]] = set()
    for article, text in sorted(texts.items()):
        current: str | None = None
        for paragraph in re.split(r"\n\s*\n|\n", text):
            named = [b for b in body_list if b.lower() in paragraph.lower()]
            if named:
                current = named[0]
            elif not _BODY_WORDS.search(paragraph):
                continue
            if current is None:
                continue
            for org in find_mentions(paragraph):
                if org != current and org not in body_list:
                    pairs.add((current, str(org), str(article)))
    return pd.DataFrame(sorted(pairs), columns=["body", "company", "article"])


def matrix(members: pd.DataFrame, top_n: int = 20) -> pd.DataFrame:
    """Company x body membership as 0/1, companies in most bodies first (top_n rows)."""
    if members.empty:
        return pd.DataFrame()
    grid = pd.crosstab(members["company"], members["body"]).clip(upper=1)
    order = grid.sum(axis=1).sort_values(ascending=False, kind="stable")
    grid = grid.loc[sorted(order.index, key=lambda c: (-order[c], c))]
    return grid.head(top_n)


def companies_named(text: str) -> list[str]:
    """Canonical names of the companies `text` names, aliases resolved by the reference table.

    `briefing.reference.find_mentions` also finds places, ministries and alliances; only
    companies belong in the company x body matrix ("Sense Time" and "SenseTime" are one row).
    """
    from briefing.reference import find_mentions

    return [m.canonical for m in find_mentions(text) if m.kind == "company"]
