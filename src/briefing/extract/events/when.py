"""When an event happened: the dates of a text that can date an event, resolved against the
article's date, and the ones that cannot (targets, periods, datelines, history).

Why a layer over the document's dates: a timeline needs more than a date reader gives. A
Chinese report writes "去年7月8日", "今年1月", "本月10日", "10日" (the article's own month),
"2021年底"; an article dated only to a month cannot place "on Friday" on a day; and most
dates in a policy text are not when something happened but when something is due ("到2025
年", "by 2025"), a span ("2022—2025年", "from 2011 to 2020") or a reporting period ("the
first quarter"). The cues for those live in `rules/events.*.toml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.extract import cues
from briefing.extract import dates as dates_mod
from briefing.extract.document import Document, not_figures

#: The oldest event a briefing on a young subject keeps: older dates are history told for
#: background (a market's 1996 beginnings), not the story.
HISTORY_YEARS = 8

_REL_YEARS = {"去年": -1, "前年": -2, "今年": 0, "明年": 1}
#: Chinese month and day forms the general date reader leaves unresolved or reads only in
#: part ("去年7月8日" is more than 去年): read on the simplified text, offsets unchanged.
_ZH_MONTH_DAY = re.compile(
    r"(?<![\d.])(?:(?P<rel>去年|今年|前年|明年)|(?P<year>(?:19|20)\d\d)年)?"
    r"(?P<month>1[0-2]|0?[1-9])月(?:份)?(?:(?P<day>[0-3]?\d)日|(?P<part>初|上旬|中旬|下旬|底|末))?"
)
_ZH_YEAR_END = re.compile(r"(?:(?P<rel>去年|今年|前年)|(?P<year>(?:19|20)\d\d)年)(?:底|末)")
#: "in May": the general reader leaves May alone without a day or "last"/"this" (it is also
#: a verb); after "in", "since", "early", "late" it is the month.
_EN_MAY = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-)\s+(May)\b(?!\s+(?:be|not|have)\b)"
)
_ZH_DAY = re.compile(r"(?<![\d月.])(?P<this>本月)?(?P<day>[0-3]?\d)日(?![电電讯訊])")


@dataclass(frozen=True)
class EventDate:
    """A date in the text that can date an event: what is written, its day, its precision
    (day | month | year) and the rule that read it."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: str
    rule: str


def _month_year(month: int, published: dt.date) -> int:
    """A month named without a year: the latest such month not after publication."""
    return published.year if month <= published.month else published.year - 1


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _zh_dates(doc: Document) -> list[EventDate]:
    """Chinese month/day forms resolved against the article's date (none without one)."""
    published, text = doc.published, doc.folded
    if published is None:
        return []
    out: list[EventDate] = []
    for m in _ZH_MONTH_DAY.finditer(text):
        month = int(m["month"])
        if m["year"]:
            year = int(m["year"])
        elif m["rel"]:
            year = published.year + _REL_YEARS[m["rel"]]
        else:
            year = _month_year(month, published)
        day = int(m["day"]) if m["day"] else None
        date = _safe(year, month, day or 1)
        if date is not None:
            precision = "day" if day else "month"
            out.append(EventDate(m.start(), m.end(), m.group(), date, precision, "zh-month-day"))
    for m in _ZH_YEAR_END.finditer(text):
        year = int(m["year"]) if m["year"] else published.year + _REL_YEARS[m["rel"]]
        out.append(
            EventDate(m.start(), m.end(), m.group(), dt.date(year, 12, 1), "month", "zh-year-end")
        )
    for m in _EN_MAY.finditer(text):
        year = _month_year(5, published)
        out.append(
            EventDate(m.start(1), m.end(1), "May", dt.date(year, 5, 1), "month", "en-in-may")
        )
    for m in _ZH_DAY.finditer(text):
        day = int(m["day"])
        n = published.year * 12 + published.month - 1 - (day > published.day)
        date = _safe(n // 12, n % 12 + 1, day)
        if date is not None:
            out.append(EventDate(m.start(), m.end(), m.group(), date, "day", "zh-day-of-month"))
    return out


def _month_only(doc: Document) -> bool:
    meta = doc.meta
    precision = (
        meta.get("date_precision")
        if isinstance(meta, dict)
        else getattr(meta, "date_precision", None)
    )
    return precision == "month"


def all_dates(doc: Document) -> list[EventDate]:
    """Every resolved date of the document, the longest reading at each place.

    A weekday in an article dated only to a month cannot be placed on a day: it stays in
    the article's month, at month precision (never in the month before)."""
    hits: list[EventDate] = []
    month_only = _month_only(doc)
    # read here, not from doc.dates: the document model reads dates only where they can
    # date a figure, and an event is told in sentences without one
    for d in not_figures(dates_mod.find_dates(doc.text, doc.published), doc.quantities):
        if d.date is None:
            continue
        date, precision, rule = d.date, d.precision, "date"
        if (
            month_only
            and d.precision == "day"
            and doc.published
            and re.fullmatch(
                r"(?i)(?:(?:last|this)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day", d.text
            )
        ):
            date, precision, rule = doc.published.replace(day=1), "month", "weekday-in-month-only"
        hits.append(EventDate(d.start, d.end, d.text, date, precision, rule))
    hits.extend(_zh_dates(doc))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[EventDate] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def _before(doc: Document, name: str, start: int, reach: int = 30) -> bool:
    regex = cues.rule("events", name).regex
    assert regex is not None
    return regex.search(doc.folded[max(0, start - reach) : start]) is not None


def _inside_title(text: str, offset: int) -> bool:
    """Is `offset` inside a title in 《》 (a plan's own period, 2022—2025年)?"""
    opened = text.rfind("《", 0, offset)
    return opened >= 0 and text.rfind("》", 0, offset) < opened


def why_not(doc: Document, d: EventDate) -> str:
    """The name of the rule that says this date cannot date an event, or "" when it can."""
    published, folded = doc.published, doc.folded
    if doc.in_dateline(d.start):
        return "dateline"
    if folded[d.end : d.end + 1].isalpha() and folded[d.end - 1 : d.end].isascii():
        return "inside-word"  # "Mar" of "Market"
    if published is not None and d.date > published:
        return "after-article"  # a date after the article ("by 2025") is a target
    if published is not None and d.date.year < published.year - HISTORY_YEARS:
        return "history"
    if _inside_title(folded, d.start):
        return "plan-title"
    if cues.search(
        "events", "period-word", folded, max(0, d.start - 2), min(len(folded), d.end + 6)
    ):
        return "period-word"
    if _before(doc, "target-date", d.start):
        return "target-date"
    if _before(doc, "period-open", d.start, 16):
        return "period-open"
    if cues.search("events", "anaphoric-year", folded, d.end, min(len(folded), d.end + 24)):
        return "anaphoric-year"  # "in November that year": the year is the text's, not ours
    period = cues.rule("events", "period").regex
    assert period is not None
    if period.match(folded[d.end : d.end + 24]):
        return "period"
    return ""


def event_dates(doc: Document) -> list[EventDate]:
    """The dates that can date an event, in text order."""
    return [d for d in all_dates(doc) if not why_not(doc, d)]


def article_date(doc: Document) -> tuple[dt.date, str] | None:
    """The article's own date and precision: the news peg's date when the text gives none."""
    if doc.published is None:
        return None
    if _month_only(doc):
        return doc.published.replace(day=1), "month"
    meta = doc.meta
    precision = (
        meta.get("date_precision")
        if isinstance(meta, dict)
        else getattr(meta, "date_precision", None)
    )
    if precision == "year":
        return doc.published.replace(month=1, day=1), "year"
    return doc.published, "day"


_SIGNATURE = re.compile(
    r"(?:19|20)\d\d年(?:1[0-2]|0?[1-9])月[0-3]?\d日"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" [0-3]?\d, (?:19|20)\d\d"
)


def signature_date(doc: Document) -> tuple[dt.date, str] | None:
    """The date a policy document is signed with: a line holding nothing but a full date,
    after the issuing office's name and before the text (上海市人民政府办公厅 / 2022年6月24日).
    A notice that "hereby issues" a plan (现将…印发) is dated by it, not by the page."""
    head = doc.folded[: max(len(doc.folded) // 2, 3000)]  # a signature opens the text
    for line in re.finditer(r"[^\n]+", head):
        body = line.group().strip()
        if not _SIGNATURE.fullmatch(body):
            continue
        before = doc.folded[max(0, line.start() - 40) : line.start()]
        if not cues.search("events", "government-body", before):
            continue
        for d in all_dates(doc):
            inside = d.start >= line.start() and d.end <= line.end() and d.precision == "day"
            if inside and (doc.published is None or d.date <= doc.published):
                return d.date, "day"
    return None
