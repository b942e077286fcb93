"""Which year a figure is for: the innermost scope that states one.

Why scopes: plans state the year once ("到2025年，全省……" then a list; "By 2025, the city
will:") and the figures under it carry none; a plan's period (2023—2025) resolves its
horizons ("within three years"); a count in the present tense is as of the article's date.
Each decision returns the name of the rule that made it (the fact's `year_rule`); the cue
words are in `rules/year.<lang>.toml`.

News grammar read here besides the scopes: a date's role in its sentence (a baseline "from
2021", a multiple's compared figure, the day a figure was told, a link's time stamp, a span
"since 2016" running to the article's date), references back ("at the time", 当时, 同月,
"in November that year"), horizons with no year ("once fully operational", 未来几年, "over
the past year"), and the story's continuity (the date its paragraph wrote before the
sentence, the future year a forecast named last, the plan a lead announces by its length).
"""

from __future__ import annotations

import dataclasses
import re

from briefing.extract import cues
from briefing.extract import dates as dates_mod
from briefing.extract.dates import DateMention
from briefing.extract.document import Block, Document, is_table_row
from briefing.extract.entity import clause_span
from briefing.extract.numbers import parse_chinese_numeral, parse_number_words
from briefing.extract.quantities import Quantity

_TOPIC = "year"
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: How far (characters) a past figure's written year carries to undated figures after it,
#: within one section: the next sentence or two of the same story.
_CARRY = 400
#: A span written as one date ("2011-2020", "2016—2020").
_SPAN = re.compile(r"\d[-–—]\s?[12]\d")
#: Where a clause's comma-separated parts meet.
_COMMA = re.compile(r"[，;；]|,(?!\d{3})|\s[—–]\s")  # not a thousands separator, nor 2023—2025


def _rule(name: str) -> re.Pattern[str]:
    regex = cues.rule(_TOPIC, name).regex
    assert regex is not None
    return regex


def sentence_year(
    doc: Document, q: Quantity, measure: str = "", *, furniture: bool = False
) -> tuple[int | None, str]:
    """The year the figure's sentence gives it: a date right after it joined by in/by/for
    ("10% in 2025", `date-after-figure`) wins; else the nearest date of the sentence, the
    earlier on ties (`date-in-sentence`); a span ("from 2011 to 2022") gives its later year
    (`span-end`). Baselines ("up 12% from 2021") and dates inside an aside about something
    else ("founded in 2021") are not the figure's."""
    text, folded = doc.text, doc.folded
    s = doc.sentence_at(q.start)
    baseline = _rule("baseline-before")
    dates = [
        _anchored(doc, d)
        for d in doc.dates_between(s.start, s.end)
        if not doc.in_plan_title(d.start, d.end)
    ]
    lo, hi = clause_span(doc, q)
    unbound = not any(_binds_after(doc, q, d) for d in dates)
    if unbound and _rule("open-horizon").search(folded, lo, hi):
        return None, "open-horizon"  # "once it is fully operational", 建成后: no year
    if (
        unbound
        and measure != "share"  # "93% of them were registered in the last year": of a stock
        and _in_past_twelve_months(doc, q, s.start, s.end)
    ):
        # gold README: a span that runs up to the article's date (过去一年, "over the past
        # year") gives the publication year
        return (doc.published.year if doc.published else None), "past-twelve-months"
    found = [
        d
        for d in dates
        if _SPAN.search(d.text)  # "over 2011-2020": a span, not a baseline
        or not (
            baseline.search(folded, max(0, d.start - 30), d.start)
            or _rule("since-after").match(folded[d.end : d.end + 8])  # 2021年以来, 至今
        )
    ]
    told = [d for d in found if _said_on(doc, d)]
    if told and len(told) < len(found):  # "fell 20% last year, IDC said on Monday"
        found = [d for d in found if d not in told]
    if furniture:  # "Hang Seng slumps 3.4 per cent 28 Sep 2022": the link's time stamp
        found = [d for d in found if not _timestamp(doc, d)]
    cell = _table_cell(doc, q)
    if cell is not None:  # "Shanghai | 350 billion yuan | July 2022": the row's other cells
        found = [d for d in found if cell[0] <= d.start < cell[1]]  # date other things
    for aside in _rule("dated-aside").finditer(text, s.start, s.end):
        a, b = aside.span()
        if not (a <= q.start < b):
            found = [d for d in found if not (a <= d.start < b)]
    ahead = any(
        d.precision == "year" and d.date and doc.published and d.date.year > doc.published.year
        for d in found
    )  # "five ministries last week set a goal of 3 to 5 firms ... by 2025": a target year
    if measure != "investment" and _future(doc, lo, hi) and (plan_period(doc) is not None or ahead):
        # (a fund or subsidy is dated by its announcement: "said in May it would create a
        # 10 billion yuan fund" is May's, `investment` below)
        # "the plan published on Tuesday expects the industry to exceed 30 billion yuan":
        # the day or month of the announcement is not the year of what the plan aims at
        found = [d for d in found if d.precision == "year" or _binds_after(doc, q, d)]
    cut = _new_predicate(doc, q, s.start)  # "began ... in May 2022 and has spent 800m"
    found = [d for d in found if d.start >= cut]
    compared = _compared_span(doc, q, s.start, s.end)
    if compared is not None:  # "14,983件的三倍": the compared figure's dates are its own
        found = [d for d in found if not (compared[0] <= d.start < compared[1])]
    if not found:
        since = _since_to_date(doc, q, dates)
        if since[0] is not None:
            return since
        back = _back_reference(doc, s.start, s.end)
        if back[0] is not None:
            return back
        return _that_period(doc, s.start, s.end)
    best: DateMention | None = None
    rule = "date-in-sentence"
    for d in found:
        if _binds_after(doc, q, d):
            best, rule = d, "date-after-figure"
            break
    if best is None and measure == "investment":
        # "a plan of July 2022, which called for 350 billion yuan by 2025 and set up a 10
        # billion yuan fund": a fund is dated by its announcement, not by a target's year
        target = _rule("target-before")
        announced = [
            d for d in found if not target.search(doc.folded, max(0, d.start - 20), d.start)
        ]
        if announced and len(announced) < len(found):
            found = announced
            rule = "announced-not-target"
    if best is None:
        # the nearest date of the figure's own part of the clause ("去年全年亏损约102亿美元，
        # 今年一季度又亏损近30亿美元": each loss its own year), else of the sentence
        a, b = _segment(doc, q, s.start, s.end)
        near = [d for d in found if a <= d.start < b]
        if (
            not near
            and doc.published is not None
            and (
                _rule("present-tense").search(folded, a, b)
                # "目前，我市已集聚企业320余家，2023年……": the opener 目前 scopes the part
                or (
                    _rule("present-opener").match(folded, s.start, a)
                    and not any(d.start < q.start for d in found)
                )
            )
            and not _future(doc, a, b)
        ):  # "目前全市共有企业300余家，去年实现营收200亿元": the count is as of now
            return doc.published.year, "present-tense"
        # else of the figure's clause: "…75万台，同比增长约21%；到2028年，…" is not 2028's
        near = near or [d for d in found if lo <= d.start < hi] or found
        best = min(near, key=lambda d: (_gap(q, d.start, d.end), d.start))
    i = found.index(best)
    if i + 1 < len(found) and _rule("range-tail").match(folded[best.end : found[i + 1].start]):
        best, rule = found[i + 1], "span-end"
    in_clause = [d for d in found if lo <= d.start < hi]  # "；到2028年……": another clause's
    if measure == "growth_rate" and rule == "date-in-sentence" and len(in_clause) >= 2:
        # "reach $783bn in 2024 from $479bn in 2020, a CAGR of 13.1%": over the span
        latest = max(in_clause, key=lambda d: d.date.year if d.date else 0)
        return (latest.date.year, "growth-span-end") if latest.date else (None, "")
    return (best.date.year, rule) if best.date else (None, "")


def _table_cell(doc: Document, q: Quantity) -> tuple[int, int] | None:
    """The cell of a table row the figure stands in, when its block is a table row."""
    i = doc.block_index(q.start)
    if i < 0 or not is_table_row(doc.text, doc.blocks[i]):
        return None
    b = doc.blocks[i]
    left = doc.text.rfind("|", b.start, q.start)
    right = doc.text.find("|", q.end, b.end)
    return (b.start if left < 0 else left + 1), (b.end if right < 0 else right)


def _in_past_twelve_months(doc: Document, q: Quantity, lo: int, hi: int) -> bool:
    """Does "over the past year", 过去一年 scope the figure? Its comma-separated part, and
    the part after it when it stands alone as an opener ("过去一年，已有超过150间……")."""
    folded = doc.folded
    for m in _rule("past-twelve-months").finditer(folded, lo, hi):
        a = lo + max([0] + [c.end() for c in _COMMA.finditer(folded[lo : m.start()])])
        brk = _COMMA.search(folded, m.end(), hi)
        b = brk.start() if brk else hi
        if brk is not None and not folded[a:b].replace(m.group(), "").strip():
            nxt = _COMMA.search(folded, brk.end(), hi)
            b = nxt.start() if nxt else hi
        if a <= q.start < b:
            return True
    return False


def _new_predicate(doc: Document, q: Quantity, lo: int) -> int:
    """Where the figure's own present-perfect predicate starts (`new-predicate`), else lo."""
    start = lo
    for m in _rule("new-predicate").finditer(doc.folded, lo, q.start):
        start = m.start()
    return start


def _segment(doc: Document, q: Quantity, lo: int, hi: int) -> tuple[int, int]:
    """The comma-separated part of the sentence the figure stands in, with a present-perfect
    predicate of its own ("began ... in May 2022 and has spent 800 million yuan":
    `new-predicate`) cut from what comes before it."""
    folded = doc.folded
    start = lo + max([0] + [m.end() for m in _COMMA.finditer(folded[lo : q.start])])
    start = max(start, _new_predicate(doc, q, lo))
    brk = _COMMA.search(folded, q.end, hi)
    end = brk.start() if brk else hi
    then = _rule("second-predicate").search(folded, q.end, end)  # "and finds that ..."
    return start, then.start() if then else end


def _said_on(doc: Document, d: DateMention) -> bool:
    """Is the date the day a figure was told ("IDC said on Monday", "记者8日获悉")?"""
    folded = doc.folded
    return bool(
        _rule("said-on").search(folded, max(0, d.start - 40), d.start)
        or _rule("said-after").match(folded[d.end : d.end + 16])
    )


def _timestamp(doc: Document, d: DateMention) -> bool:
    """Is the date a page's time stamp: a day closing its line, with or without a time
    ("… 28 Sep 2022", "（2023-09-19 12:05）")? (`timestamp`)"""
    if d.precision != "day":
        return False
    end = doc.text.find("\n", d.end)
    return bool(_rule("timestamp").match(doc.folded[d.end : len(doc.text) if end < 0 else end]))


def _binds_after(doc: Document, q: Quantity, d: DateMention) -> bool:
    """Is the date right after the figure, joined to it ("10% in 2025", "到2025年")?"""
    return (
        d.start >= q.end
        and d.start - q.end < 25
        and _rule("binds-after").match(doc.folded[q.end : d.start]) is not None
    )


#: How far back (characters) "at the time", 当时, 同月 look for the date they refer to.
_BACK = 400


def _earlier_dates(doc: Document, start: int) -> list[DateMention]:
    """Dates written in the stretch before `start` (within `_BACK`, same section), not a
    plan's period nor a target ("到2025年", "by 2025" of a year not yet past)."""
    heading = doc.heading(start)
    lo = max(0, start - _BACK, heading.end if heading is not None else 0)
    floor = doc.published.year if doc.published else 9999
    target = _rule("target-before")
    out = []
    for d in dates_mod.find_dates(doc.text, doc.published, lo, start):
        if d.date is None or doc.in_plan_title(d.start, d.end):
            continue
        if d.date.year >= floor and target.search(doc.folded, max(0, d.start - 12), d.start):
            continue
        out.append(d)
    return out


def _anchored(doc: Document, d: DateMention) -> DateMention:
    """ "in November that year": the month of the year the text has just named."""
    if not d.relative or not _rule("that-year-after").match(doc.folded[d.end : d.end + 20]):
        return d
    earlier = [e for e in _earlier_dates(doc, d.start) if not e.relative]
    if not earlier or d.date is None or earlier[-1].date is None:
        return d
    return dataclasses.replace(d, date=d.date.replace(year=earlier[-1].date.year))


def _back_reference(doc: Document, start: int, end: int) -> tuple[int | None, str]:
    """ "at the time", 当时, 同月: the date the text named last before the sentence (a
    month or a day for 同月, "the same month") (`back-reference`)."""
    m = _rule("back-reference").search(doc.folded, start, end)
    if m is None:
        return None, ""
    month = bool(_rule("same-month").search(m.group()))
    # "Pico, the leader that ByteDance bought in September 2021, held 50% in the half": an
    # aside's date is about something else, not the period the text refers back to
    asides = [a.span() for a in _rule("dated-aside").finditer(doc.text, max(0, start - _BACK), end)]
    earlier = [
        d
        for d in _earlier_dates(doc, m.start())
        if (not month or d.precision in ("day", "month"))
        and not any(a <= d.start < b for a, b in asides)
    ]
    if (not earlier or earlier[-1].date is None) and _rule("report-period").match(m.group()):
        # 全年、年末 in a later section of a bulletin: the one year its title reports on
        # ("江西省2023年虚拟现实产业发展统计公报")
        years = {int(y.group()) for y in _YEAR.finditer(cues.fold(doc.title))}
        if len(years) == 1 and (doc.published is None or min(years) <= doc.published.year):
            return years.pop(), "report-year"
    if not earlier or earlier[-1].date is None:
        return None, ""
    return earlier[-1].date.year, "back-reference"


def _compared_span(doc: Document, q: Quantity, lo: int, hi: int) -> tuple[int, int] | None:
    """Where a multiple names what it multiplies ("约为前五年14,983件的三倍", "nearly three
    times the 14,983 filed from 2011 to 2015"): that stretch of its clause, whose dates are
    the compared figure's (`compared-figure`)."""
    if q.unit != "times":
        return None
    folded = doc.folded
    rule = _rule("compared-figure")
    after = rule.match(folded[q.end : hi])
    if after is not None and after.group("after"):
        brk = _COMMA.search(folded, q.end, hi)
        return q.end, brk.start() if brk else hi
    start = lo + max([0] + [m.end() for m in _COMMA.finditer(folded[lo : q.start])])
    before = rule.search(folded[start : q.start])
    if before is not None and before.group("before"):
        return start, q.start
    return None


def _since_to_date(doc: Document, q: Quantity, dates: list[DateMention]) -> tuple[int | None, str]:
    """ "since 2017", 自2016年以来: a span running to the article's date gives its year
    (`since-to-date`), unless the clause speaks of the future."""
    if doc.published is None:
        return None, ""
    lo, hi = clause_span(doc, q)
    rule = _rule("since-to-date")
    folded = doc.folded
    for d in dates:
        if not (lo <= d.start < hi):
            continue
        before, after = folded[max(lo, d.start - 30) : d.start], folded[d.end : min(hi, d.end + 8)]
        window = f"{before}DATE{after}"
        if rule.search(window) and not _future(doc, lo, hi):
            return doc.published.year, "since-to-date"
    return None, ""


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


#: How many blocks open an article (its lead): where the plan it announces is named.
_LEAD_BLOCKS = 3


def plan_period(doc: Document) -> tuple[int, int, bool] | None:
    """The period of the plan the document announces: first year, last year, and whether
    the document is the plan's own text (its title names it). A plan named with its period
    (《…（2023—2025年）》, "the 2022-2025 action plan"), else a plan the title or lead
    announces by its length ("released a three-year plan", 三年行动计划: `n-year-plan`),
    which runs from the year of its release."""
    plan = doc.plan()
    if plan is not None and plan.first_year and plan.last_year:
        return plan.first_year, plan.last_year, plan.start < 0
    if doc.published is None or (plan is not None and plan.last_year):
        return None
    rule = _rule("n-year-plan")
    texts = [doc.title] + [
        doc.folded[b.start : b.end] for b in doc.blocks[:_LEAD_BLOCKS] if b.kind != "heading"
    ]
    for text in texts:
        m = rule.search(cues.fold(text))
        if m is not None:
            n = _horizon_years(m)
            if n:
                return doc.published.year, doc.published.year + n - 1, False
    return None


def horizon_end(doc: Document, m: re.Match[str]) -> tuple[int | None, str]:
    """The year a horizon reaches: from the document's plan's first year when it has a
    period ("within three years" of a 2023—2025 plan: 2025), else from the publication
    year ("over the next five years" in 2022: 2027)."""
    n = _horizon_years(m)
    if not n:
        return None, ""
    period = plan_period(doc)
    if period is not None:
        return period[0] + n - 1, "horizon-plan-period"
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
    s = doc.sentence_at(q.start)
    n = _horizon_years(horizon)
    if n and doc.published is not None and plan_period(doc) is None:
        # "the policy address in October [2022] aimed to attract 100 firms over the next
        # five years": the horizon runs from the statement's date, not the article's
        told = [
            d
            for d in doc.dates_between(s.start, s.end)
            if d.date and d.precision in ("month", "day") and d.date.year < doc.published.year
        ]
        if told and told[-1].date is not None:
            return told[-1].date.year + n, "horizon-from-statement"
    if year is not None:
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
    s = doc.sentence_at(q.start)
    for aside in cues.rule("entity", "aside").regex.finditer(folded, s.start, s.end):  # type: ignore[union-attr]
        if aside.start() < q.start and q.end <= aside.end():
            # "The city, home to about 29 million people, aims to build ...": an aside
            # speaks in its own tense, not in the sentence's
            lo, hi = aside.span()
            break
    future = _future(doc, lo, hi)
    period = plan_period(doc)
    money_rule = measure == "investment" or (
        # a support rule's rate (share) or the bar it sets (营收首次突破1亿元的企业: other)
        measure in ("share", "other")
        and q.unit != "count"
        and _rule("in-force").search(folded, *_sentence(doc, q)) is not None
    )
    if (
        period is not None
        and not money_rule  # funds, subsidies and their rates are dated by their issue
        and (future or measure == "market_size_target")
    ):
        return period[1], "plan-period"
    if doc.published is None:
        return None, ""
    if (
        money_rule
        and _rule("in-force").search(folded, *_sentence(doc, q))
        and not _same_paragraph(doc, q, previous)
    ):
        # a support rule (给予…最高500万元, 按投资额的10%给予奖励) is in force from the
        # release: the year it was issued, not a year a figure of another paragraph carried
        # ("issued its own support measures last year: ... 5 million yuan" keeps last year)
        return doc.published.year, "in-force"
    if (future and measure != "investment") or measure == "market_size_target":
        # "到2031年，……。其中，中国……将超过1万亿美元": the story goes on about the
        # future year it named last; a past year does not date a future statement
        year, _ = _carried(doc, q, previous)
        if year and year > doc.published.year:
            return year, "future-carried"  # dates this figure only: the carry goes no further
        return None, ""
    s = doc.sentence_at(q.start)
    if _rule("present-tense").search(folded, lo, hi) or (
        _rule("present-opener").match(folded, s.start, q.start) and not future
    ):
        return doc.published.year, "present-tense"
    year, rule = _carried(doc, q, previous)
    if (
        year is not None
        and year > doc.published.year
        and q.unit == "count"  # a stock built so far; not "已是河南的3.5倍", "已佔六成"
        and _rule("completed").search(folded, lo, hi)
        and not future
    ):
        # "预计到2027年集聚企业150家。……园区已累计引育企业300余家": what has happened is
        # not dated by the future year the story spoke of before it
        return doc.published.year, "completed"
    if year is not None and not (money_rule and year > doc.published.year):
        # a fund announced now (将设立规模20亿元的基金) is not dated by the target year
        # the story spoke of before it
        return year, rule
    if (
        # a headline restates a figure of the body; a key-figures line ("Companies at
        # Cyberport: more than 1,900") states it
        (doc.block_kind(q.start) != "heading" or _fact_line(doc, q))
        and not _has_own_date(doc, q, s.start, s.end)  # "from 2021", "in the last year"
        and not _rule("period").search(folded, lo, hi)
    ):
        # a statement with no date and no period around it is news as of the article's
        # date (the ministries that "issued" the plan, the subsidy rules now in force);
        # in a year's bulletin or annual report, as of the year it reports on
        reported = _report_title_year(doc)
        if reported is not None and reported < doc.published.year:
            return reported, "report-title-year"
        return doc.published.year, "as-of-publication"
    return None, ""


def _report_title_year(doc: Document) -> int | None:
    """The one year a bulletin's or annual report's title reports on ("江西省2023年虚拟现实
    产业发展统计公报", "2023年年度报告") (`report-title`), else None."""
    title = cues.fold(doc.title)
    if not _rule("report-title").search(title):
        return None
    years = {int(m.group()) for m in _YEAR.finditer(title)}
    return years.pop() if len(years) == 1 else None


def _same_paragraph(doc: Document, q: Quantity, previous: tuple[int, str, int] | None) -> bool:
    """Is the figure a written date dated last (`previous`) a support rule of the figure's
    paragraph ("issued its own support measures last year: ... can have up to 30% ...
    covered")? A dated figure of another kind ("去年…增长9.6%") does not date the rule."""
    i = doc.paragraph_index(q.start)
    if previous is None or i < 0 or previous[2] < doc.paragraphs[i].start:
        return False
    s = doc.sentence_at(max(0, previous[2] - 1))
    return _rule("in-force").search(doc.folded, s.start, s.end) is not None


def _sentence(doc: Document, q: Quantity) -> tuple[int, int]:
    s = doc.sentence_at(q.start)
    return s.start, s.end


def _has_own_date(doc: Document, q: Quantity, lo: int, hi: int) -> bool:
    """Does the sentence write a date outside the asides about something else? ("Pico, the
    leader that ByteDance bought in September 2021, held 50%": the date is the aside's, so
    the figure is dated as if the sentence wrote none)."""
    asides = [
        m.span()
        for m in _rule("dated-aside").finditer(doc.text, lo, hi)
        if not (m.start() <= q.start < m.end())
    ]
    return any(not any(a <= d.start < b for a, b in asides) for d in doc.dates_between(lo, hi))


def _fact_line(doc: Document, q: Quantity) -> bool:
    """Is the figure the value of a "label: value" line (`fact-line`)?"""
    i = doc.block_index(q.start)
    if i < 0:
        return False
    b = doc.blocks[i]
    line = doc.folded[b.start : b.end]
    m = _rule("fact-line").match(line)
    if m is None:
        return False
    # the value is the figure itself: right after the colon, up to the line's end
    return q.start - (b.start + m.end("label")) <= 3 and b.start + len(line.rstrip()) - q.end <= 12


def _carried(
    doc: Document, q: Quantity, previous: tuple[int, str, int] | None
) -> tuple[int | None, str]:
    """The year the story goes on about, for a sentence with no date of its own: the
    figure before it that a written date dated (`previous-figure`), else the date the
    paragraph wrote before the sentence ("报告统计了2011年至2020年间……。结果显示，美国以
    17293件……": `paragraph-date`)."""
    s = doc.sentence_at(q.start)
    if _has_own_date(doc, q, s.start, s.end):
        return None, ""
    heading = doc.heading(q.start)
    i = doc.block_index(q.start)
    turn = (
        i >= 0
        and _rule("interview-turn").match(doc.folded, doc.blocks[i].start, doc.blocks[i].end)
        is not None
    )
    if previous is not None:
        year, _, at = previous  # the story goes on about the period it dated last
        if turn and at < doc.blocks[i].start:
            pass  # "Q: And the 10 billion yuan fund?": a new question, a new subject
        elif s.start - at < _CARRY and (heading is None or heading.end <= at):
            return year, "previous-figure"
    if i < 0 or doc.blocks[i].start >= s.start or doc.blocks[i].kind == "heading":
        return None, ""
    baseline = _rule("baseline-before")
    asides = [
        m.span() for m in _rule("dated-aside").finditer(doc.text, doc.blocks[i].start, s.start)
    ]
    written = [
        d
        for d in dates_mod.find_dates(doc.text, doc.published, doc.blocks[i].start, s.start)
        if d.date is not None
        and not d.relative
        and not doc.in_plan_title(d.start, d.end)
        and not baseline.search(doc.folded, max(0, d.start - 30), d.start)
        and not any(a <= d.start < b for a, b in asides)  # "Tencent, founded in 1998, ..."
    ]
    if written and written[-1].date is not None:
        return written[-1].date.year, "paragraph-date"
    return None, ""


def plan_contents_year(doc: Document, q: Quantity) -> tuple[int | None, str]:
    """A count of the bodies that issued a plan or of the plan's parts ("五部门", "14项具体
    措施", "four other departments") is as of the release: the day or month the sentence
    gives the event, else the publication year (`plan-contents`)."""
    tail = q.counted or doc.folded[q.end : q.end + 8]
    noun = cues.fold(f"{q.text}{tail} {q.text} {tail}")  # 五部门; "five ministries"
    if q.unit != "count" or not _rule("plan-contents").search(noun):
        return None, ""
    s = doc.sentence_at(q.start)
    year = _release_date(doc, s.start, s.end)
    if year is not None:
        return year, "plan-contents"
    # the plan the sentence names, dated where the text tells its release ("去年9月，工信部等
    # 五部门联合印发《…》" above a box that names it again: `plan-release`)
    for plan in (p for p in doc.plans if s.start <= p.start < s.end):
        for other in doc.plans:
            if other.title == plan.title and other.start >= 0 and other.start != plan.start:
                o = doc.sentence_at(other.start)
                year = _release_date(doc, o.start, o.end, read=True)
                if year is not None:
                    return year, "plan-release"
    if doc.published is not None:
        return doc.published.year, "plan-contents"
    return None, ""


def _release_date(doc: Document, start: int, end: int, *, read: bool = False) -> int | None:
    """The year of the first day or month (an event's date) in text[start:end], not a
    plan's period; `read` reads the text's dates afresh (a sentence with no figure)."""
    found = (
        dates_mod.find_dates(doc.text, doc.published, start, end)
        if read
        else doc.dates_between(start, end)
    )
    end_date = _rule("end-date")
    for d in found:
        if (
            d.date
            and d.precision in ("day", "month")
            and not doc.in_plan_title(d.start, d.end)
            # 有效期至2026年12月31日: the end of the rule's validity, not its release
            and not end_date.search(doc.folded, max(start, d.start - 8), d.start)
        ):
            return d.date.year
    return None


def _future(doc: Document, lo: int, hi: int) -> bool:
    """Does the clause speak of the future? A plan verb (建成, 形成) after 已 or 当时
    reports what has happened; a support rule (给予, 经认定, "can receive") is in force.
    A clause that leaves out its verb ("the plan calls for 1 park, and for the province to
    nurture 10 enterprises": `elliptical-clause`) speaks as the clause before it."""
    if _rule("elliptical-clause").match(doc.folded[lo:hi]):
        s = doc.sentence_at(lo)
        if s.start < lo and _future(doc, s.start, lo):
            return True
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
    year, rule = sentence_year(doc, q, measure, furniture=not on_topic)
    horizon, h_rule = clause_horizon(doc, q, year)
    if horizon is not None:
        return horizon, h_rule
    if year is not None or not on_topic or rule in ("open-horizon", "past-twelve-months"):
        return year, rule
    year, rule = scope_year(doc, q)
    if year is not None:
        return year, rule
    return document_year(doc, q, measure, previous)
