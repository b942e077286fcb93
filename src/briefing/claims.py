"""Merging the same figure reported by several articles into one claim (issue 4).

A reader should see "Sichuan targets 250 billion yuan by 2025 (2 sources)" once, not twice,
and should be told when sources disagree rather than shown a silent average. Two facts are
"the same figure" when they share measure, entity, year, unit and counted noun (the merge
key); a growth rate or a share has no counted noun, so what it is of (its subject: a market,
shipments, funding, read from the words before it) takes that place. "other" figures, which
the extractor could not place, are never merged. Within a key the sources agree when one
value fits them all, allowing `rel_tol` for rounding and some slack for approximate
wording; otherwise the claim is a conflict, its `value` is left empty and `conflict_note`
says who says what.

Qualifiers: each fact is read as an interval of values it allows.
- exact: [v, v] (a range "100-200" is [100, 200])
- about ("about", "nearly", "some"): v ± ABOUT_SLACK
- more_than / at_least: [v, v * (1 + BOUND_SLACK)]: "more than 500" agrees with "500"
  and "520", but not with "900", which would be a different figure
- less_than / up_to: [v * (1 - BOUND_SLACK), v]
All intervals are widened by rel_tol/2 on each side (so two exact figures agree when they
differ by at most about rel_tol); the sources agree when the intervals share a point.
The claim then shows the most precise statement (an exact figure before a bound or an
approximation; the most widely reported value first) and keeps every wording in `texts`.

A conflict is between sources. When one article itself gives two figures under one key
("more than 300 companies in the district, 10 of which are listed"), it is telling two
different things apart, not disagreeing with itself: the key's facts are then split into
clusters of agreeing values, one claim each, and none is flagged.

Facts without an entity are never merged: nothing says that "500 companies" in one
article and "500 companies" in another are the same companies. Conversions ("(equivalent
to 35.1 billion dollars)", rows with `conversion_of`) are not claims of their own, and
neither are figures an analyst excluded (`excluded`, see briefing.corrections).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pandas as pd

ABOUT_SLACK = 0.10
BOUND_SLACK = 0.10

CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id",  # stable: hash of the merge key (and of the fact id when not mergeable)
    "measure",
    "entity",
    "year",  # nullable Int64
    "unit",
    "counted",  # normalised head noun ("patent", "company", "企业") or ""
    "value",  # the agreed figure; NaN when the sources conflict (never an average)
    "value_high",  # upper bound when the agreed figure is a range
    "qualifier",  # qualifier of the agreed figure; None on conflict
    "values",  # sorted distinct values reported
    "n_sources",  # distinct articles
    "articles",  # sorted article ids
    "outlets",  # aligned with `articles`
    "published",  # aligned with `articles` (ISO date or None)
    "fact_ids",  # sorted fact ids
    "sources",  # same as fact_ids (the name docs/ARCHITECTURE.md uses)
    "quotes",  # aligned with `fact_ids`: the sentence each figure stands in
    "texts",  # aligned with `fact_ids`: the figure as written
    "conflict",  # bool
    "conflict_note",  # "a says 14,291; b says 15,000" or ""
)

_WORD = re.compile(r"[^\W\d_]+")


def _blank(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value: Any) -> str | None:
    return None if _blank(value) else str(value).strip()


def _float(value: Any) -> float | None:
    if _blank(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _year(value: Any) -> int | None:
    number = _float(value)
    return None if number is None else int(number)


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return not _blank(value) and bool(value)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise_counted(counted: Any) -> str:
    """The head noun of what is counted, lower case and singular: "metaverse-related
    patents" and "patent" both give "patent"; Chinese nouns are kept as written."""
    text = _text(counted)
    if not text:
        return ""
    words = _WORD.findall(text.lower())
    if not words:
        return text
    return _singular(words[-1]) if words[-1].isascii() else text


@dataclass(frozen=True)
class _Fact:
    id: str
    article: str
    value: float
    value_high: float | None
    qualifier: str
    text: str
    sentence: str
    outlet: str | None
    published: str | None

    def interval(self, rel_tol: float) -> tuple[float, float]:
        low = self.value
        high = self.value_high if self.value_high is not None else self.value
        if self.qualifier == "about":
            low, high = low - ABOUT_SLACK * abs(low), high + ABOUT_SLACK * abs(high)
        elif self.qualifier in {"more_than", "at_least"}:
            high = high + BOUND_SLACK * abs(high)
        elif self.qualifier in {"less_than", "up_to"}:
            low = low - BOUND_SLACK * abs(low)
        # Half the tolerance on each side: two exact values agree when they differ by
        # at most about rel_tol of their size.
        half = rel_tol / 2
        return low - half * abs(low), high + half * abs(high)


def _facts_by_key(facts: pd.DataFrame) -> dict[tuple, list[_Fact]]:
    groups: dict[tuple, list[_Fact]] = {}
    for row in facts.to_dict("records"):
        value = _float(row.get("value"))
        measure = _text(row.get("measure"))
        if value is None or measure is None or not _truthy(row.get("on_topic")):
            continue
        if _truthy(row.get("excluded")):  # an analyst excluded it (briefing.corrections)
            continue
        if _text(row.get("conversion_of")):
            continue
        fact = _Fact(
            id=str(row["id"]),
            article=str(row["article"]),
            value=value,
            value_high=_float(row.get("value_high")),
            qualifier=_text(row.get("qualifier")) or "exact",
            text=_text(row.get("text")) or "",
            sentence=_text(row.get("sentence")) or "",
            outlet=_text(row.get("outlet")),
            published=_text(row.get("published")),
        )
        entity = _text(row.get("entity"))
        alone = not entity or measure in UNMERGEABLE  # nothing says these are the same figure
        key = (
            measure,
            entity,
            _year(row.get("year")),
            _text(row.get("unit")) or "",
            normalise_counted(row.get("counted")),
            _subject(measure, fact),
            fact.id if alone else None,
        )
        groups.setdefault(key, []).append(fact)
    return groups


#: Measures too vague to compare across articles: "other" is what the extractor could not
#: place, so two "other" figures of China in 2022 are no more the same figure than any two.
UNMERGEABLE = frozenset({"other"})

#: What a rate or a share is of, read from the words just before it: "VR headset shipments
#: fell 46.8%" and "the metaverse industry will grow 40%" are two growth rates, not a
#: dispute. Words of one group name one subject (a market and its industry are one).
_SUBJECTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        ("shipments", r"\bshipments?\b|\bsales of (?:devices|headsets)|出货|出貨"),
        ("funding", r"\b(?:funding|financing|investments?|venture)\b|融资|融資|投资|投資"),
        ("revenue", r"\b(?:revenues?|sales|turnover)\b|营收|營收|收入"),
        ("users", r"\busers?\b|用户|用戶"),
        ("companies", r"\b(?:companies|firms|enterprises|start-?ups)\b|企业|企業|公司"),
        ("patents", r"\bpatents?\b|专利|專利"),
        ("trademarks", r"\btrademarks?\b|商标|商標"),
        ("prices", r"\b(?:price|shares? price|stock)\b|股价|股價"),
        (
            "market",
            r"\b(?:market|industry|industries|sector|economy|output)\b|产业|產業|市场|市場|规模|規模|产值|產值",
        ),
    )
)
_SUBJECT_MEASURES = frozenset({"growth_rate", "share"})
_SUBJECT_REACH = 80  # characters before the figure where its subject is looked for


def _subject(measure: str, fact: _Fact) -> str:
    """For a rate or a share, the subject nearest before the figure in its sentence (the
    last one named); "" when none is named or the measure says what it is of."""
    if measure not in _SUBJECT_MEASURES:
        return ""
    at = fact.sentence.find(fact.text)
    before = fact.sentence[max(0, at - _SUBJECT_REACH) : at] if at >= 0 else ""
    best, where = "", -1
    for name, pattern in _SUBJECTS:
        for m in pattern.finditer(before):
            if m.start() > where:
                best, where = name, m.start()
    return best


def _claim_id(key: tuple) -> str:
    return "c" + hashlib.sha256(repr(key).encode("utf-8")).hexdigest()[:12]


def _agree(group: list[_Fact], rel_tol: float) -> bool:
    intervals = [fact.interval(rel_tol) for fact in group]
    return max(low for low, _ in intervals) <= min(high for _, high in intervals)


def _representative(group: list[_Fact]) -> _Fact:
    """The most precise, most widely reported statement; ties go to the smaller value."""
    articles_per_value = Counter()
    for value in {(f.value, f.value_high) for f in group}:
        articles_per_value[value] = len(
            {f.article for f in group if (f.value, f.value_high) == value}
        )

    def rank(fact: _Fact) -> tuple:
        return (
            fact.qualifier != "exact",
            fact.value_high is not None,  # a point is more precise than a range
            -articles_per_value[(fact.value, fact.value_high)],
            fact.value,
            fact.value_high or 0.0,
            fact.id,
        )

    return min(group, key=rank)


def _conflict_note(group: list[_Fact]) -> str:
    said: dict[str, list[str]] = {}
    for fact in sorted(group, key=lambda f: (f.article, f.value, f.id)):
        wording = fact.text or f"{fact.value:g}"
        if wording not in said.setdefault(fact.article, []):
            said[fact.article].append(wording)
    return "; ".join(f"{article} says {' and '.join(words)}" for article, words in said.items())


def _clusters(group: list[_Fact], rel_tol: float) -> list[list[_Fact]]:
    """The facts in runs of agreeing values, from the lowest value up."""
    out: list[list[_Fact]] = []
    low, high = math.inf, -math.inf
    for fact in sorted(group, key=lambda f: (f.interval(rel_tol), f.id)):
        f_low, f_high = fact.interval(rel_tol)
        if out and max(low, f_low) <= min(high, f_high):
            out[-1].append(fact)
            low, high = max(low, f_low), min(high, f_high)
        else:
            out.append([fact])
            low, high = f_low, f_high
    return out


def _claims_of_key(key: tuple, group: list[_Fact], rel_tol: float) -> list[dict[str, Any]]:
    """One claim for the key, or one per figure when an article tells several apart."""
    clusters = _clusters(group, rel_tol)
    if len(clusters) > 1:
        articles_in = Counter(a for c in clusters for a in {f.article for f in c})
        sources = [{f.article for f in c} for c in clusters]
        # two runs of values from different articles only: sources disagree, one disputed
        # claim shows them side by side; otherwise an article tells the figures apart
        disputed = any(not (a & b) for i, a in enumerate(sources) for b in sources[i + 1 :])
        if max(articles_in.values()) > 1 and not disputed:
            return [
                _claim(key, cluster, rel_tol, part=_representative(cluster).value)
                for cluster in clusters
            ]
    return [_claim(key, group, rel_tol)]


def _claim(
    key: tuple, group: list[_Fact], rel_tol: float, part: float | None = None
) -> dict[str, Any]:
    measure, entity, year, unit, counted, _subject_of_rate, _ = key
    group = sorted(group, key=lambda f: f.id)
    articles = sorted({f.article for f in group})
    first_of = {a: next(f for f in group if f.article == a) for a in articles}
    agree = _agree(group, rel_tol)
    chosen = _representative(group) if agree else None
    return {
        "claim_id": _claim_id(key if part is None else (*key, part)),
        "measure": measure,
        "entity": entity,
        "year": year,
        "unit": unit,
        "counted": counted,
        "value": chosen.value if chosen else math.nan,
        "value_high": chosen.value_high if chosen and chosen.value_high is not None else math.nan,
        "qualifier": chosen.qualifier if chosen else None,
        "values": sorted({f.value for f in group}),
        "n_sources": len(articles),
        "articles": articles,
        "outlets": [first_of[a].outlet for a in articles],
        "published": [first_of[a].published for a in articles],
        "fact_ids": [f.id for f in group],
        "sources": [f.id for f in group],
        "quotes": [f.sentence for f in group],
        "texts": [f.text for f in group],
        "conflict": not agree,
        "conflict_note": "" if agree else _conflict_note(group),
    }


def _sort_key(claim: dict[str, Any]) -> tuple:
    return (
        claim["measure"],
        claim["entity"] is None,
        claim["entity"] or "",
        claim["year"] is None,
        claim["year"] or 0,
        claim["unit"],
        claim["counted"],
        math.isnan(claim["value"]),
        0.0 if math.isnan(claim["value"]) else claim["value"],
        claim["claim_id"],
    )


def merge_claims(facts: pd.DataFrame, *, rel_tol: float = 0.02) -> pd.DataFrame:
    """One row per claim (see CLAIM_COLUMNS), sorted by measure, entity, year, unit, noun.

    Only on-topic facts with a measure and a value take part. Same input, same output:
    rows, lists and claim ids do not depend on the order of `facts`.
    """
    claims = [
        claim
        for key, group in _facts_by_key(facts).items()
        for claim in _claims_of_key(key, group, rel_tol)
    ]
    claims.sort(key=_sort_key)
    table = pd.DataFrame(claims, columns=list(CLAIM_COLUMNS))
    table["year"] = pd.array([c["year"] for c in claims], dtype="Int64")
    table["value"] = table["value"].astype(float)
    table["value_high"] = table["value_high"].astype(float)
    table["n_sources"] = table["n_sources"].astype(int)
    table["conflict"] = table["conflict"].astype(bool)
    return table


def single_source(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims only one article makes: to be read with more caution."""
    return claims[claims["n_sources"] == 1].reset_index(drop=True)


def conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims whose sources disagree beyond tolerance."""
    return claims[claims["conflict"]].reset_index(drop=True)
