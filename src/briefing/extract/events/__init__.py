"""Dated events for the timeline: what happened, when, who did it, in a label a reader reads.

An event is something that happened or was announced, published, founded, launched, signed,
listed, warned or ruled, at a date the text gives or lets us resolve (`rules/events.*.toml`
holds the verbs, the nouns that give the kind, and the cues that make a date no event's
date). Not events: target years, forecasts, report periods, datelines and page timestamps,
history older than the subject, page furniture and trailing stories (`when.why_not`).

The news peg is an event too: the plan or alliance the lead announces "recently", or with no
date word at all, is dated by the article (at the article's precision); "at the same event"
shares the date of the event told before it. The actor comes from the event's clause
(`who`), the label from its verb and object (`label`). One article tells one event once;
the same event told by several articles becomes one row with several sources
(`merge.merge_events`).

Built on the document model (`briefing.extract.document`): its sentences, dates, resolved
mentions and datelines are read once per article and shared with fact extraction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from briefing.extract import cues
from briefing.extract.document import Document, read_document
from briefing.extract.events import label as label_mod
from briefing.extract.events import when, who
from briefing.extract.events.merge import merge_events

__all__ = ["EVENT_COLUMNS", "KINDS", "extract_events", "merge_events"]

EVENT_COLUMNS: tuple[str, ...] = (
    "article",
    "start",
    "end",
    "text",
    "date",
    "precision",
    "kind",
    "actor",
    "label",
    "sources",
    "sentence",
    "on_topic",
    "date_rule",
    "actor_rule",
)
KINDS = ("plan", "announcement", "alliance", "fund", "report", "regulation", "listing", "other")
_VERB_RULES = ("verb-publish", "verb-found", "verb-say", "verb-other", "verb-fund", "verb-list")
_FAMILY_KIND = {
    "verb-found": "alliance",
    "verb-say": "announcement",
    "verb-list": "listing",
    "verb-other": "other",
    "verb-publish": "announcement",
    "verb-fund": "fund",
}
_OBJECT_RULES = (
    "object-product",
    "object-alliance",
    "object-fund",
    "object-report",
    "object-regulation",
    "object-plan",
)
#: How far (characters) a date may stand from its verb; a year alone must stand close.
_REACH = {"en": 90, "zh": 45}
_YEAR_REACH = 16
#: Verbs this close together tell one event ("宣布设立", "formally unveiled").
_JOIN = 6
#: The lead: the first paragraphs of the body, where the news peg is told.
_LEAD_PARAGRAPHS = 2
_LEAD_MIN = 40  # characters: shorter paragraphs are titles, bylines, section numbers
#: What a date known only to its year can date: a document or body, not a statement or a
#: product launch ("今年发布了盘古大模型" says too little of when)
_YEAR_KINDS = frozenset({"plan", "fund", "regulation", "alliance", "listing"})
#: What a news peg can be: a document or body the article exists to report.
_PEG_KINDS = frozenset({"plan", "alliance", "fund", "report", "regulation"})


@dataclass(frozen=True)
class Verb:
    """An event verb: where it is, the rule that found it, its text (simplified script) and
    whether it is in the present perfect ("has published": no date of its own)."""

    start: int
    end: int
    rule: str
    text: str
    perfect: bool = False


def _chinese(doc: Document) -> bool:
    text = doc.text[:2000]
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return han * 3 >= max(1, len(text.strip()))


def _verbs(doc: Document, start: int, end: int) -> list[Verb]:
    """Event verbs in text[start:end] not made an intention by the words before them;
    verbs a few characters apart are one."""
    found: list[Verb] = []
    not_yet = cues.rule("events", "not-yet").regex
    perfect = cues.rule("events", "perfect").regex
    participle = cues.rule("events", "participle").regex
    assert participle is not None
    assert not_yet is not None and perfect is not None
    for name in _VERB_RULES:
        regex = cues.rule("events", name).regex
        assert regex is not None
        for m in regex.finditer(doc.folded, start, end):
            before = doc.folded[max(start, m.start() - 24) : m.start()]
            if (
                not_yet.search(before)
                or (participle.search(before) and m.group().endswith("ed"))
                or _quoted(doc.folded, start, m.start())
            ):
                continue
            text = doc.folded[m.start() : m.end()]
            found.append(Verb(m.start(), m.end(), name, text, bool(perfect.search(before))))
    found.sort(key=lambda v: (v.start, -v.end))
    joined: list[Verb] = []
    for v in found:
        if joined and v.start < joined[-1].end:
            continue
        if (
            joined
            and v.start - joined[-1].end <= _JOIN
            and ";" not in doc.folded[joined[-1].end : v.start]
        ):
            prev = joined[-1]
            rule = v.rule if v.rule != "verb-say" else prev.rule
            text = v.text if rule == v.rule else prev.text
            joined[-1] = Verb(prev.start, v.end, rule, text, prev.perfect)
            continue
        joined.append(v)
    return joined


def _quoted(text: str, start: int, offset: int) -> bool:
    """Is `offset` inside “…” or 《…》 opened in text[start:offset]? A verb there is part of a
    name ("《行动计划》发布暨联盟成立大会"), not an event."""
    for left, right in (("“", "”"), ("《", "》")):
        opened = text.rfind(left, start, offset)
        if opened >= 0 and text.rfind(right, start, offset) < opened:
            return True
    return False


def _pairs(
    doc: Document, verbs: list[Verb], dates: list[when.EventDate], lang: str
) -> list[tuple[Verb, when.EventDate | None]]:
    """Each verb with the nearest date of its sentence (none across a semicolon), each date
    used once; a year alone only right beside its verb."""
    options = []
    subordinate = cues.rule("events", "subordinate").regex
    assert subordinate is not None
    for vi, v in enumerate(verbs):
        if v.perfect:
            continue  # "has published": no date of its own
        for di, d in enumerate(dates):
            lo, hi = (d.end, v.start) if d.end <= v.start else (v.end, d.start)
            gap = doc.folded[lo:hi]
            if ";" in gap or "；" in gap or len(gap) > _REACH[lang]:
                continue
            if d.end <= v.start and subordinate.search(gap):
                continue  # "On Dec. 21, two months after X launched": not X's date
            if d.precision == "year" and (
                len(gap) > _YEAR_REACH or v.rule == "verb-say" or "," in gap or "，" in gap
            ):
                continue  # a year alone dates only the verb right beside it
            cost = len(gap) + (5 if d.start > v.end else 0) + (20 if d.precision == "year" else 0)
            options.append((cost, vi, di))
    options.sort()
    taken_v: dict[int, int] = {}
    taken_d: set[int] = set()
    for _, vi, di in options:
        if vi in taken_v or di in taken_d:
            continue
        taken_v[vi] = di
        taken_d.add(di)
    return [(v, dates[taken_v[i]] if i in taken_v else None) for i, v in enumerate(verbs)]


def _kind(doc: Document, v: Verb, lo: int, hi: int) -> str:
    """The kind of an event: from the noun its verb acts on (a plan's title in 《》 first,
    then the nearest object noun in its clause), else from the verb's family."""
    after = doc.folded[v.end : min(hi, v.end + 120)]
    title = label_mod._TITLE.search(after[:40])
    scope = (v.end + title.start(), v.end + title.end()) if title else None
    best: tuple[int, str] | None = None
    if scope is not None:  # a title in 《》 says what was published
        return _title_kind(doc.folded[scope[0] : scope[1]])
    for name in _OBJECT_RULES:
        rule = cues.rule("events", name)
        m = rule.search(doc.folded, v.end, min(hi, v.end + 80))
        if m is not None:
            distance = m.start() - v.end
            if best is None or distance < best[0]:
                best = (distance, str(rule.extra["kind"]))
        before = (
            rule.regex.finditer(doc.folded, max(lo, v.start - 60), v.start)
            if rule.regex and v.rule != "verb-other"  # a thing happening has no object before
            else ()
        )
        for m in before:
            distance = v.start - m.end() + 10  # an object after the verb is likelier
            if best is None or distance < best[0]:
                best = (distance, str(rule.extra["kind"]))
    if best is not None and not (v.rule == "verb-other" and best[0] > 30):
        return best[1]
    return _FAMILY_KIND[v.rule]


def _off_topic_paragraphs(doc: Document) -> set[int]:
    """Page furniture and trailing stories: paragraphs after a trailing-stories header in
    the second half of the page, and paragraphs with boilerplate cues."""
    trailer = cues.search("topic", "trailer", doc.folded, len(doc.text) // 2)
    at = trailer.start() if trailer else len(doc.text) + 1
    boiler = cues.rule("topic", "boilerplate")
    out = set()
    for i, p in enumerate(doc.paragraphs):
        if p.start >= at or (p.end - p.start < 400 and boiler.search(doc.folded, p.start, p.end)):
            out.add(i)
    return out


def _furniture(doc: Document, start: int, end: int) -> bool:
    """A page's own timestamp, byline or markup line (short, with a furniture cue)."""
    return end - start < 200 and bool(
        cues.search("events", "page-furniture", doc.folded, start, end)
    )


def _lead(doc: Document, skip: set[int]) -> set[int]:
    """The paragraphs that tell the news: the first body paragraphs (not a title, a
    dateline-only line or a short byline)."""
    out: set[int] = set()
    for i, p in enumerate(doc.paragraphs):
        if i in skip or p.end - p.start < _LEAD_MIN or _furniture(doc, p.start, p.end):
            continue
        out.add(i)
        if len(out) >= _LEAD_PARAGRAPHS:
            break
    return out


def _meta_get(meta: Any, key: str) -> Any:
    return meta.get(key) if isinstance(meta, dict) else getattr(meta, key, None)


def extract_events(
    article_id: str, text: str, meta: Any = None, *, doc: Document | None = None
) -> list[dict]:
    """One row per event an article tells, in text order (columns `EVENT_COLUMNS`)."""
    if doc is None:
        doc = read_document(text, meta)
    lang = "zh" if _chinese(doc) else "en"
    off = _off_topic_paragraphs(doc)
    lead = _lead(doc, off)
    dates = when.event_dates(doc)
    peg = when.signature_date(doc) or when.article_date(doc)
    recency = cues.rule("events", "recency")
    same = cues.rule("events", "same-occasion")
    rows: list[dict] = []
    peg_rows: list[dict] = []  # the news peg, kept only if the lead dates no event itself
    last_date: tuple[dt.date, str] | None = None  # the latest date told, for "at the same event"
    for s in doc.sentences:
        pi = doc.paragraph_index(s.start)
        if pi in off or _furniture(doc, s.start, s.end):
            continue
        in_s = [d for d in dates if s.start <= d.start and d.end <= s.end]
        for v, d in _pairs(doc, _verbs(doc, s.start, s.end), in_s, lang):
            if d is not None:
                date, precision, rule, quote = d.date, d.precision, d.rule, d.text
            elif last_date and same.search(doc.folded, s.start, v.start):
                (date, precision), rule, quote = last_date, "same-occasion", ""
            elif (
                peg
                and pi in lead
                and recency.search(doc.folded, max(s.start, v.start - 30), v.start)
            ):
                (date, precision), rule, quote = peg, "recency", ""
            elif peg and pi in lead and not peg_rows:
                (date, precision), rule, quote = peg, "news-peg", ""
            else:
                continue
            clause_lo = who.clause_start(doc, s.start, v.start)
            first_person = cues.rule("events", "first-person").regex
            assert first_person is not None
            if first_person.search(doc.folded[clause_lo : v.start]) or (
                v.rule == "verb-say" and cues.search("events", "forecast", doc.folded, v.end, s.end)
            ):
                continue  # the page speaking of itself; a forecast reported
            kind = _kind(doc, v, clause_lo, s.end)
            if (rule == "news-peg" and kind not in _PEG_KINDS) or (
                precision == "year" and kind not in _YEAR_KINDS
            ):
                continue  # a statement dated only by its year is no event a reader dates
            titles = _titles(doc, v, s.end) if lang == "zh" else []
            for title in titles or [None]:
                k = _title_kind(title) if title else kind
                row = _row(doc, article_id, s, v, date, precision, k, rule, quote, lang, title)
                (peg_rows if rule == "news-peg" else rows).append(row)
            last_date = (date, precision)
        if in_s:
            last = in_s[-1]
            last_date = (last.date, last.precision)
    lead_dated = any(
        doc.paragraph_index(r["start"]) in lead and r["kind"] in _PEG_KINDS for r in rows
    )
    # the news peg told again later with its own date ("on Friday established ...")
    told = peg is not None and any(
        r["kind"] == p["kind"] and 0 <= (peg[0] - dt.date.fromisoformat(r["date"])).days <= 7
        for r in rows
        for p in peg_rows
    )
    if peg_rows and not lead_dated and not told:
        rows = sorted([*peg_rows, *rows], key=lambda r: r["start"])
    return _once(rows)


def _once(rows: list[dict]) -> list[dict]:
    """One article tells one event once: the same kind and actor at the same date (at its
    precision) is one row, the first told."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for row in rows:
        width = {"day": 10, "month": 7}.get(row["precision"], 4)
        key = (row["date"][:width], row["kind"], row["actor"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def _titles(doc: Document, v: Verb, end: int) -> list[str]:
    """The plan titles a Chinese verb publishes at once (《A》和《B》): one event each."""
    found = []
    for m in label_mod._TITLE.finditer(doc.text, v.end, min(end, v.end + 200)):
        gap = doc.text[found[-1][1] if found else v.end : m.start()]
        if found and len(gap.strip("（）()以下简称《》“”")) > 16:
            break
        if not found and len(gap) > 12:
            break
        found.append((m.start(), m.end()))
    titles = [doc.text[a:b] for a, b in found]
    real = [t for t in titles if not t.startswith(("《实施", "《若干", "《行动"))]
    return real if len(real) >= 2 else []


def _title_kind(title: str) -> str:
    """A title's kind from its head noun, the last kind word it holds (a Chinese compound
    ends in its head: 《…若干政策措施》 is rules, 《…产业发展行动计划》 a plan)."""
    folded = cues.fold(title)
    best = (-1, "plan")
    for name in ("object-regulation", "object-report", "object-plan", "object-fund"):
        regex = cues.rule("events", name).regex
        assert regex is not None
        for m in regex.finditer(folded):
            if m.end() > best[0]:
                best = (m.end(), str(cues.rule("events", name).extra["kind"]))
    return best[1]


def _row(doc, article_id, s, v, date, precision, kind, rule, quote, lang, title) -> dict:
    actor, actor_rule = who.actor(
        doc, (s.start, s.end), (v.start, v.end), kind, say=v.rule == "verb-say"
    )
    after = title if title else doc.text[v.end : s.end]
    body = actor_rule == "founded-body"
    verb_text = doc.text[v.start : v.end] if lang == "en" else v.text
    return {
        "article": article_id,
        "start": s.start,
        "end": s.end,
        "text": quote,
        "date": date.isoformat(),
        "precision": precision,
        "kind": kind,
        "actor": actor,
        "label": label_mod.make_label(
            actor,
            kind,
            verb_text,
            after,
            doc.text[s.start : s.end],
            chinese=lang == "zh",
            actor_is_body=body,
            before_verb=doc.text[who.clause_start(doc, s.start, v.start) : v.start],
            passive=actor_rule == "passive-by",
        ),
        "sources": article_id,
        "sentence": " ".join(doc.text[s.start : s.end].split()),
        "on_topic": True,
        "date_rule": rule,
        "actor_rule": actor_rule,
    }
