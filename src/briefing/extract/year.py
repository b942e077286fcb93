"""Which year a figure is for: the innermost scope that states one.

Why scopes: plans state the year once ("到2025年，全省……" then a list; "By 2025, the city
will:") and the figures under it carry none; a plan's period (2023—2025) resolves its
horizons ("within three years"); a count in the present tense is as of the article's date.
Each decision returns the name of the rule that made it (the fact's `year_rule`); the cue
words are in `rules/year.<lang>.toml`.
"""

from __future__ import annotations

import re

from briefing.extract import cues
from briefing.extract.dates import DateMention
from briefing.extract.document import Block, Document
from briefing.extract.entity import clause_span
from briefing.extract.numbers import parse_chinese_numeral, parse_number_words
from briefing.extract.quantities import Quantity

_TOPIC = "year"
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: How far (characters) a past figure's written year carries to undated figures after it,
#: within one section: the next sentence or two of the same story.
_CARRY = 400


def _rule(name: str) -> re.Pattern[str]:
    regex = cues.rule(_TOPIC, name).regex
    assert regex is not None
    return regex


def sentence_year(doc: Document, q: Quantity, measure: str = "") -> tuple[int | None, str]:
    """The year the figure's sentence gives it: a date right after it joined by in/by/for
    ("10% in 2025", `date-after-figure`) wins; else the nearest date of the sentence, the
    earlier on ties (`date-in-sentence`); a span ("from 2011 to 2022") gives its later year
    (`span-end`). Baselines ("up 12% from 2021") and dates inside an aside about something
    else ("founded in 2021") are not the figure's."""
    text, folded = doc.text, doc.folded
    s = doc.sentence_at(q.start)
    baseline = _rule("baseline-before")
    found = [
        d
        for d in doc.dates_between(s.start, s.end)
        if not baseline.search(folded, max(0, d.start - 30), d.start)
        and not doc.in_plan_title(d.start, d.end)  # a plan's period, not the figure's year
    ]
    for aside in _rule("dated-aside").finditer(text, s.start, s.end):
        a, b = aside.span()
        if not (a <= q.start < b):
            found = [d for d in found if not (a <= d.start < b)]
    if not found:
        return _that_period(doc, s.start, s.end)
    binds = _rule("binds-after")
    best: DateMention | None = None
    rule = "date-in-sentence"
    for d in found:
        if d.start >= q.end and d.start - q.end < 25 and binds.match(folded[q.end : d.start]):
            best, rule = d, "date-after-figure"
            break
    if best is None:
        best = min(found, key=lambda d: (_gap(q, d.start, d.end), d.start))
    i = found.index(best)
    if i + 1 < len(found) and _rule("range-tail").match(folded[best.end : found[i + 1].start]):
        best, rule = found[i + 1], "span-end"
    if measure == "growth_rate" and rule == "date-in-sentence" and len(found) >= 2:
        # "reach $783bn in 2024 from $479bn in 2020, a CAGR of 13.1%": over the span
        latest = max(found, key=lambda d: d.date.year if d.date else 0)
        return (latest.date.year, "growth-span-end") if latest.date else (None, "")
    return (best.date.year, rule) if best.date else (None, "")


def _that_period(doc: Document, start: int, end: int) -> tuple[int | None, str]:
    """ "By the end of that period", 届时: the latest year the previous sentence names."""
    if not _rule("that-period").search(doc.folded, start, end):
        return None, ""
    previous = doc.sentence_at(max(0, start - 2))
    years = [int(m.group()) for m in _YEAR.finditer(doc.text, previous.start, previous.end)]
    return (max(years), "that-period") if years else (None, "")


def _gap(q: Quantity, start: int, end: int) -> int:
    """Characters between a figure and a span of text, either side of it."""
    return q.start - end if end <= q.start else start - q.end


def _horizon_years(m: re.Match[str]) -> int | None:
    groups = {k: v for k, v in m.groupdict().items() if v}
    word = next(iter(groups.values()), "").lower()
    if not word:
        return None
    if word.isdigit():
        return int(word)
    key = next(iter(groups))
    n = parse_number_words([word]) if key.startswith("en") else parse_chinese_numeral(word)
    return int(n) if n else None


def horizon_end(doc: Document, m: re.Match[str]) -> tuple[int | None, str]:
    """The year a horizon reaches: from the document's plan's first year when it has a
    period ("within three years" of a 2023—2025 plan: 2025), else from the publication
    year ("over the next five years" in 2022: 2027)."""
    n = _horizon_years(m)
    if not n:
        return None, ""
    plan = doc.plan()
    if plan is not None and plan.first_year:
        return plan.first_year + n - 1, "horizon-plan-period"
    if doc.published is None:
        return None, ""
    return doc.published.year + n, "horizon-publication"


def clause_horizon(doc: Document, q: Quantity, year: int | None) -> tuple[int | None, str]:
    """A horizon in the figure's own clause ("今年再撥款1億港元，預計未來三年可培育約50間企業":
    the 50 firms are for three years on) stands unless a date of the sentence's year is
    nearer the figure than it."""
    lo, hi = clause_span(doc, q)
    folded = doc.folded
    horizon = _rule("horizon").search(folded, lo, hi)
    if horizon is None and _future(doc, lo, hi):
        horizon = _rule("horizon-if-future").search(folded, lo, hi)
    if horizon is None:
        return None, ""
    if year is not None:
        s = doc.sentence_at(q.start)
        gap = _gap(q, horizon.start(), horizon.end())
        if any(
            _gap(q, d.start, d.end) < gap
            for d in doc.dates_between(s.start, s.end)
            if d.date and d.date.year == year
        ):
            return None, ""
    return horizon_end(doc, horizon)


def _framing(doc: Document, block: Block | None) -> int | None:
    """The year a block opens with ("到2025年，", "By 2025,")."""
    if block is None:
        return None
    m = _rule("framing-year").match(doc.folded, block.start, block.end)
    if m is None:
        return None
    return int(next(v for v in m.groupdict().values() if v))


def _lead_in_year(doc: Document, block: Block | None) -> int | None:
    """The year a list's lead-in states: its opening frame, else the latest year written in
    it ("over the 2011-2020 period:" is 2020; "By 2025, the city will:" 2025)."""
    if block is None:
        return None
    framed = _framing(doc, block)
    if framed:
        return framed
    years = [int(m.group()) for m in _YEAR.finditer(doc.text, block.start, block.end)]
    return max(years) if years else None


def _heading_year(doc: Document, block: Block | None) -> int | None:
    """The target year a heading states ("二、发展目标（到2025年）"): its opening frame, else
    a year (not a day: a page's date line) not before the article's year."""
    if block is None:
        return None
    framed = _framing(doc, block)
    if framed:
        return framed
    floor = doc.published.year if doc.published else 0
    for d in doc.dates_between(block.start, block.end):
        if d.date and d.date.year >= floor and d.precision == "year":
            return d.date.year
    return None


def scope_year(doc: Document, q: Quantity) -> tuple[int | None, str]:
    """The year a scope around the figure's sentence states: its block's opening frame
    (`paragraph-opening`: not for the opening sentence's own figures), its list's lead-in
    (`list-lead-in`), its section's heading or opening frame (`section-heading`,
    `section-opening`)."""
    i = doc.block_index(q.start)
    block = doc.blocks[i] if i >= 0 else None
    s = doc.sentence_at(q.start)
    if block is not None:
        m = _rule("framing-year").match(doc.folded, block.start, block.end)
        if m is not None and s.start >= m.end():
            return _framing(doc, block), "paragraph-opening"
    year = _lead_in_year(doc, doc.lead_in(q.start))
    if year:
        return year, "list-lead-in"
    year = _heading_year(doc, doc.heading(q.start))
    if year:
        return year, "section-heading"
    year = _framing(doc, doc.section_opening(q.start))
    if year:
        return year, "section-opening"
    return None, ""


def document_year(
    doc: Document, q: Quantity, measure: str, previous: tuple[int, str, int] | None = None
) -> tuple[int | None, str]:
    """The year the document gives a figure no scope dates: the last year of the plan it
    announces, for a target (`plan-period`); the publication year for a count or size in
    the present tense (`present-tense`) or any other statement that is not about the
    future (`as-of-publication`)."""
    lo, hi = clause_span(doc, q)
    folded = doc.folded
    future = _future(doc, lo, hi)
    plan = doc.plan()
    if (
        plan is not None
        and plan.last_year
        and measure != "investment"  # funds and subsidy rules are in force from the release
        and (future or measure == "market_size_target")
    ):
        return plan.last_year, "plan-period"
    if doc.published is None or (future and measure != "investment"):
        return None, ""
    if measure == "market_size_target":
        return None, ""
    if _rule("present-tense").search(folded, lo, hi):
        return doc.published.year, "present-tense"
    s = doc.sentence_at(q.start)
    if previous is not None and not doc.has_date(s.start, s.end):
        year, _, at = previous  # the story goes on about the period it dated last
        heading = doc.heading(q.start)
        if s.start - at < _CARRY and (heading is None or heading.end <= at):
            return year, "previous-figure"
    if (
        doc.block_kind(q.start) != "heading"  # a headline restates a figure of the body
        and not doc.has_date(s.start, s.end)  # "from 2021", "in the last year": a period
        and not _rule("period").search(folded, s.start, s.end)
    ):
        # a statement with no date and no period around it is news as of the article's
        # date (the ministries that "issued" the plan, the subsidy rules now in force)
        return doc.published.year, "as-of-publication"
    return None, ""


def plan_contents_year(doc: Document, q: Quantity) -> tuple[int | None, str]:
    """A count of the bodies that issued a plan or of the plan's parts ("五部门", "14项具体
    措施", "four other departments") is as of the release: the day or month the sentence
    gives the event, else the publication year (`plan-contents`)."""
    noun = cues.fold(q.text + (q.counted or doc.folded[q.end : q.end + 8]))
    if q.unit != "count" or not _rule("plan-contents").search(noun):
        return None, ""
    s = doc.sentence_at(q.start)
    for d in doc.dates_between(s.start, s.end):
        if d.date and d.precision in ("day", "month") and not doc.in_plan_title(d.start, d.end):
            return d.date.year, "plan-contents"
    if doc.published is not None:
        return doc.published.year, "plan-contents"
    return None, ""


def _future(doc: Document, lo: int, hi: int) -> bool:
    """Does the clause speak of the future? A plan verb (建成, 形成) after 已 or 当时
    reports what has happened; a support rule (给予, 经认定, "can receive") is in force."""
    return _rule("future-clause").search(doc.unplanned, lo, hi) is not None and not (
        _rule("completed").search(doc.folded, lo, hi)
        or _rule("in-force").search(doc.folded, lo, hi)
    )


def figure_year(
    doc: Document,
    q: Quantity,
    measure: str,
    previous: tuple[int, str, int] | None = None,
    *,
    on_topic: bool = True,
) -> tuple[int | None, str]:
    """The figure's year and the rule that decided it, innermost scope first: its
    sentence's dates, a horizon in its clause, the scopes around it, the figure before it
    (`previous`: its year, rule and offset, when a written date or a lead-in dated it),
    the document. An off-topic figure (page furniture, a trailing story) is dated by its
    own sentence only: the article's scopes are not its scopes."""
    contents = plan_contents_year(doc, q)
    if contents[0] is not None:
        return contents
    year, rule = sentence_year(doc, q, measure)
    horizon, h_rule = clause_horizon(doc, q, year)
    if horizon is not None:
        return horizon, h_rule
    if year is not None or not on_topic:
        return year, rule
    year, rule = scope_year(doc, q)
    if year is not None:
        return year, rule
    return document_year(doc, q, measure, previous)
