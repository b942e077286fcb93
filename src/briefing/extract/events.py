"""Dated events for the timeline: announcements, alliances founded, plans, reports.

An event is a sentence that holds a resolvable date and an event verb; its kind comes from
the verb's family. Relative dates are resolved against the published date (dates.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefing import reference
from briefing.extract import dates as dates_mod
from briefing.extract.context import main_place, not_figures, outside_datelines, topic_flags
from briefing.extract.quantities import find_quantities
from briefing.extract.sentences import SpanIndex, paragraph_spans, sentence_spans

EVENT_COLUMNS: tuple[str, ...] = (
    "article",
    "start",
    "end",
    "text",
    "date",
    "date_precision",
    "kind",
    "entity",
    "sentence",
    "on_topic",
)

_KINDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "alliance",
        re.compile(
            r"\b(?:alliance|association|working group|consortium|coalition)\b|联盟|协会|工作组",
            re.I,
        ),
    ),
    (
        "plan",
        re.compile(
            r"\b(?:plan|plans|action plan|policy|policies|guideline|guidelines|roadmap|blueprint|strategy|five-year)\b|规划|计划|方案|意见|政策",  # noqa: E501
            re.I,
        ),
    ),
    (
        "report",
        re.compile(
            r"\b(?:report|reported|survey|study|data|according to|figures|statistics|white paper)\b|报告|白皮书|数据|统计",  # noqa: E501
            re.I,
        ),
    ),
    (
        "announcement",
        re.compile(
            r"\b(?:announc\w*|launch\w*|unveil\w*|release\w*|publish\w*|establish\w*|form\w*|set up|introduc\w*|issued?|held)\b|发布|宣布|成立|启动|印发",  # noqa: E501
            re.I,
        ),
    ),
]
_EVENT_VERB = re.compile(
    r"\b(?:announc\w*|launch\w*|unveil\w*|releas\w*|publish\w*|establish\w*|formed|formation|set up|introduc\w*|issued?|held|founded|signed|opened|revealed|stated|said)\b|发布|宣布|成立|启动|印发|提出",  # noqa: E501
    re.I,
)


def extract_events(article_id: str, text: str, meta: Any = None) -> list[dict]:
    """One row per dated event sentence (the date nearest its verb), in text order."""
    published = (
        meta.get("published") if isinstance(meta, dict) else getattr(meta, "published", None)
    )
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            published = None
    sentences = sentence_spans(text)
    paragraphs = paragraph_spans(text)
    flags = topic_flags(text, paragraphs)
    p_index = SpanIndex(paragraphs)
    mentions = outside_datelines(text, reference.mentions_in(text))
    fallback = main_place(
        mentions,
        (meta.get("title") if isinstance(meta, dict) else getattr(meta, "title", "")) or "",
    )
    # a number that is a figure ("2000 companies") is no date
    found = not_figures(
        [d for d in dates_mod.dates_in(text, published) if d.date is not None],
        find_quantities(text),
    )
    d_index = 0
    rows: list[dict] = []
    for s in sentences:
        while d_index < len(found) and found[d_index].start < s.start:
            d_index += 1
        in_s = []
        j = d_index
        while j < len(found) and found[j].end <= s.end:
            in_s.append(found[j])
            j += 1
        if not in_s:
            continue
        sentence = text[s.start : s.end]
        verb = _EVENT_VERB.search(sentence)
        if not verb:
            continue
        # a bare year is a target ("by 2025"), not the date of an event, unless nothing finer exists
        fine = [d for d in in_s if d.precision != "year"] or in_s
        best = min(fine, key=lambda d: abs(d.start - (s.start + verb.start())))
        if best.date and published and best.date > published:
            continue  # a date after the article ("by 2025") is a target, not an event
        kind = next((k for k, pattern in _KINDS if pattern.search(sentence)), "other")
        # media and research firms report events, they are not their actors
        s_mentions = [
            m
            for m in mentions
            if s.start <= m.start and m.end <= s.end and m.kind not in ("media", "research")
        ]
        entity = s_mentions[0].canonical if s_mentions else fallback
        pi = p_index.index_of(s.start)
        rows.append(
            {
                "article": article_id,
                "start": best.start,
                "end": best.end,
                "text": best.text,
                "date": best.date.isoformat() if best.date else "",
                "date_precision": best.precision,
                "kind": kind,
                "entity": entity,
                "sentence": " ".join(sentence.split()),
                "on_topic": flags[pi] if pi >= 0 else True,
            }
        )
    return rows
