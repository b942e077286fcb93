"""From figures to facts: who a figure belongs to, which year, what it measures, on topic or not.

The quantities layer says *what* is written ("2,500亿元", "24 tech companies"); this layer
reads the sentence around it. Only sentences that hold a figure are examined, so the cost
grows with the number of figures, not with the length of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing import reference
from briefing.extract import dates as dates_mod
from briefing.extract.quantities import MONEY_UNITS, Quantity, find_quantities
from briefing.extract.sentences import SpanIndex, paragraph_spans, sentence_spans
from briefing.schema import FACT_COLUMNS

# ---------------------------------------------------------------- measure
_TARGET = re.compile(
    r"\b(?:target|targets|aim|aims|aimed|goal|goals|plan|plans|planned|seek|seeks|strive|expected to|"
    r"hopes? to|wants? to|will|intends? to|set to|by 20\d\d)\b|目标|力争|到20\d\d年|争取|计划|预计",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"\b(?:share|accounting for|accounts? for|of the total|of all|proportion)\b|占", re.IGNORECASE
)
_GROWTH = re.compile(
    r"\b(?:grow|grew|growth|increase|increased|rise|rose|jump|jumped|surge|surged|CAGR|up)\b|增长|增速|同比",
    re.IGNORECASE,
)
_MEMBER_CUE = re.compile(
    r"\b(?:members?|alliance|association|working group|includes?|comprised?|consist)\b|成员|联盟|协会",
    re.IGNORECASE,
)
_MARKET = re.compile(
    r"\b(?:market|industry|industries|sector|economy|output|revenue|scale|worth|valued)\b|产业|规模|市场|产值",
    re.IGNORECASE,
)
_INVEST = re.compile(
    r"\b(?:invest\w*|fund\w*|raised?|financing|pledged?|capital)\b|投资|基金|融资", re.IGNORECASE
)
_GDP = re.compile(r"\bGDP\b|gross domestic product|国内生产总值|GDP比重", re.IGNORECASE)
_PATENT = re.compile(r"patent|专利", re.IGNORECASE)
_TRADEMARK = re.compile(r"trademark|商标", re.IGNORECASE)

_COUNTED_MEASURES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"trademark|商标", re.I), "trademark_applications"),
    (re.compile(r"patent|专利", re.I), "patents"),
    (re.compile(r"\bmembers?\b|成员", re.I), "members"),
    (
        re.compile(
            r"compan|firm|enterprise|business|startup|institution|organi[sz]ation|企业|公司|机构",
            re.I,
        ),
        "companies",
    ),
    (
        re.compile(r"cit(?:y|ies)|province|district|region|municipalit|城市|省|区|地区", re.I),
        "places",
    ),
    (re.compile(r"user|resident|people|person|consumer|visitor|player|用户|人", re.I), "users"),
    (
        re.compile(
            r"project|park|cluster|scenario|platform|base|hub|center|centre|application|项目|园区|集群|场景|平台|基地",
            re.I,
        ),
        "projects",
    ),
    (re.compile(r"device|headset|chip|unit|terminal|glasses|设备|终端|芯片", re.I), "hardware"),
]


def classify_measure(q: Quantity, sentence: str) -> str:
    """The measure of a figure, from its unit, counted noun and cue words in its sentence."""
    counted = q.counted or ""
    if q.unit in MONEY_UNITS:
        if _GDP.search(sentence):
            return "other"
        if _INVEST.search(sentence) and not _MARKET.search(sentence):
            return "investment"
        if _TARGET.search(sentence):
            return "market_size_target"
        if _MARKET.search(sentence):
            return "market_size"
        return "other"
    if q.unit in ("percent", "percentage_points"):
        if _GDP.search(sentence):
            return "gdp_share"
        if _PATENT.search(sentence) and _SHARE.search(sentence):
            return "patent_share"
        if _SHARE.search(sentence):
            return "share"
        if _GROWTH.search(sentence):
            return "growth_rate"
        return "share"
    if q.unit == "count":
        for pattern, measure in _COUNTED_MEASURES:
            if pattern.search(counted):
                if measure == "companies" and _MEMBER_CUE.search(sentence):
                    return "members"
                return measure
        if _TRADEMARK.search(sentence):
            return "trademark_applications"
        if _PATENT.search(sentence):
            return "patents"
    return "other"


# ---------------------------------------------------------------- counted
_COUNTED_MODIFIERS = re.compile(
    r"^(?:(?:tech|technology|metaverse|metaverse-related|related|new|major|leading|local|"
    r"domestic|foreign|chinese|big|large|small|listed|private|state-owned|key|other|more|such|"
    r"internet|industry|core)\s+)+",
    re.IGNORECASE,
)


def normalise_counted(counted: str | None) -> str:
    """The head of the counted phrase: adjectives and sector modifiers dropped, compounds kept.

    "24 tech companies" -> "companies"; "metaverse-related trademark applications" ->
    "trademark applications"; "cities and provinces" stays.
    """
    if not counted:
        return ""
    text = " ".join(counted.split())
    stripped = _COUNTED_MODIFIERS.sub("", text)
    return stripped or text


# ---------------------------------------------------------------- on topic
_TOPIC = re.compile(
    r"metaverse|virtual reality|augmented reality|\bVR\b|\bAR\b|\bXR\b|digital twin|avatar|"
    r"元宇宙|虚拟现实|增强现实|数字孪生|虚拟|web3|NFT|digital human|数字人",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"copyright|all rights reserved|©|keep reading|read more|related (?:posts|articles|stories)|"
    r"leave a reply|subscribe|newsletter|sign up|is a (?:senior )?(?:reporter|writer|editor|journalist)|"
    r"advertisement|sponsored|photo:|image:|cookie|privacy policy|terms of (?:use|service)|"
    r"版权所有|免责声明|责任编辑|广告",
    re.IGNORECASE,
)
_WINDOW = 3  # paragraphs on each side used to judge whether the topic is still present


def topic_flags(text: str, paragraphs: list[Any]) -> list[bool]:
    """One flag per paragraph: is it part of the article's subject?

    A paragraph is off topic when it is boilerplate, or when neither it nor the paragraphs
    around it mention the topic lexicon AND the article has already drifted: once a run of
    paragraphs without topic words follows the last topical paragraph, the rest of the page
    is a trailing unrelated story unless the topic comes back.
    """
    topical = [bool(_TOPIC.search(text, p.start, p.end)) for p in paragraphs]
    flags: list[bool] = []
    n = len(paragraphs)
    for i, p in enumerate(paragraphs):
        if _BOILERPLATE.search(text, p.start, p.end):
            flags.append(False)
            continue
        lo, hi = max(0, i - _WINDOW), min(n, i + _WINDOW + 1)
        flags.append(any(topical[lo:hi]))
    return flags


# ---------------------------------------------------------------- entity
_NATIONAL = re.compile(
    r"\b(?:nationwide|national|the country|China's|Chinese)\b|全国|我国", re.IGNORECASE
)


def attribute_entity(
    text: str,
    q: Quantity,
    sentence_start: int,
    sentence_end: int,
    mentions: list[reference.Mention],
    fallback: str,
) -> str:
    """Nearest preceding mention in the same sentence; else the first after it in the sentence;
    else the last mention of the previous sentences (the running subject); else `fallback`."""
    before = [m for m in mentions if sentence_start <= m.start and m.end <= q.start]
    if before:
        return before[-1].canonical
    after = [m for m in mentions if q.end <= m.start and m.end <= sentence_end]
    if after:
        return after[0].canonical
    earlier = [m for m in mentions if m.end <= sentence_start]
    if earlier:
        return earlier[-1].canonical
    return fallback


# ---------------------------------------------------------------- year
def figure_year(
    q: Quantity,
    sentence_start: int,
    sentence_end: int,
    found: list[dates_mod.DateMention],
    published: dt.date | None,
) -> int | None:
    """The reference or target year: the date mention nearest the figure in its sentence,
    preferring one before it; for ranges ("from 2011 to 2022") the later year."""
    in_sentence = [
        d for d in found if sentence_start <= d.start and d.end <= sentence_end and d.date
    ]
    if not in_sentence:
        return None

    def distance(d: dates_mod.DateMention) -> int:
        return q.start - d.end if d.end <= q.start else d.start - q.end

    best = min(in_sentence, key=lambda d: (distance(d), d.start))
    return best.date.year if best.date else None


# ---------------------------------------------------------------- facts
def _meta_get(meta: Any, key: str) -> Any:
    if meta is None:
        return None
    if isinstance(meta, dict):
        return meta.get(key)
    return getattr(meta, key, None)


def main_place(mentions: list[reference.Mention]) -> str:
    """The place an article is mostly about: the most mentioned place, China when tied/none."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind in (
            "country",
            "province",
            "municipality",
            "city",
            "district",
            "autonomous_region",
            "sar",
        ):
            counts[m.canonical] = counts.get(m.canonical, 0) + 1
    if not counts:
        return "China"
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def extract_facts(
    article_id: str, text: str, meta: Any = None, *, extra: dict[str, Any] | None = None
) -> list[dict]:
    """Every figure of one article as a fact row (keys = FACT_COLUMNS)."""
    quantities = find_quantities(text)
    if not quantities:
        return []
    published = _meta_get(meta, "published")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            published = None
    sentences = sentence_spans(text)
    s_index = SpanIndex(sentences)
    paragraphs = paragraph_spans(text)
    p_index = SpanIndex(paragraphs)
    flags = topic_flags(text, paragraphs)
    mentions = reference.find_mentions(text)
    fallback = main_place(mentions)
    found_dates = dates_mod.find_dates(text, published)
    by_start = {q.start: q for q in quantities}
    provenance = {
        "title": _meta_get(meta, "title") or "",
        "outlet": _meta_get(meta, "outlet") or "",
        "published": published.isoformat() if published else "",
        "date_precision": _meta_get(meta, "date_precision") or "unknown",
        "language": _meta_get(meta, "language") or "unknown",
        "url": _meta_get(meta, "url") or "",
        "encoding": "",
        "source_format": "",
    }
    provenance.update(extra or {})
    rows: list[dict] = []
    for q in quantities:
        s = s_index.at(q.start)
        s_start, s_end = (s.start, s.end) if s else (q.start, q.end)
        sentence = text[s_start:s_end]
        pi = p_index.index_of(q.start)
        on_topic = flags[pi] if pi >= 0 else True
        conv = by_start.get(q.conversion_of_start) if q.conversion_of_start is not None else None
        row = {
            "id": f"{article_id}:{q.start}",
            "article": article_id,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "value": q.value,
            "value_high": q.value_high,
            "unit": q.unit,
            "qualifier": q.qualifier,
            "counted": normalise_counted(q.counted),
            "measure": classify_measure(q, sentence),
            "entity": attribute_entity(text, q, s_start, s_end, mentions, fallback),
            "year": figure_year(q, s_start, s_end, found_dates, published),
            "on_topic": on_topic,
            "sentence": " ".join(sentence.split()),
            "conversion_of": f"{article_id}:{conv.start}" if conv else "",
            **provenance,
        }
        rows.append({k: row.get(k, "") for k in FACT_COLUMNS})
    return rows
