"""The document model: one article read once, its structure laid out for every figure.

Why: who a figure belongs to, which year it is for and what it measures are often said
outside its sentence: in the lead-in of the list it stands in ("By 2025, the province
will:"), in the paragraph's opening ("到2025年，……"), in a section heading, or in the
document itself (its title, the plan it announces, 《湖北省元宇宙产业发展行动方案（2023—2025
年）》). Reading those scopes figure by figure would rescan the text; here the text is read
once (sentences, blocks, quantities, dates, mentions, plans) and every later question is a
bisection into these lists. Fact extraction reads this model, and so can events.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from briefing import reference
from briefing.extract import cues
from briefing.extract import dates as dates_mod
from briefing.extract.quantities import Quantity, find_quantities
from briefing.extract.sentences import Span, SpanIndex, paragraph_spans, sentence_spans

#: Kinds of place a figure can belong to, and the ones below the country.
PLACE_KINDS = frozenset(
    {
        "country",
        "province",
        "municipality",
        "city",
        "district",
        "county",
        "autonomous_region",
        "sar",
        "region",
    }
)
#: (a development zone or industrial park, a body found by its name, is local too: its aims
#: are targets like its district's)
LOCAL_KINDS = (PLACE_KINDS - {"country", "region"}) | {"zone"}
#: Bodies that report figures about others: never the entity a figure belongs to.
REPORTERS = frozenset({"media", "research"})
#: Bodies that speak for a jurisdiction: their figures belong to the country they govern.
GOVERNMENT = frozenset({"ministry", "regulator"})


@dataclass(frozen=True)
class Block:
    """A paragraph, a heading, a list item or a list's lead-in: text[start:end].

    `lead_in` is the index of the block that introduces the list this item belongs to
    ("By 2025, the city will:"), `heading` the index of the nearest heading above; -1 when
    there is none.
    """

    start: int
    end: int
    kind: str  # heading | lead_in | item | paragraph
    lead_in: int = -1
    heading: int = -1


@dataclass(frozen=True)
class Plan:
    """A plan the text names in 《》 (or its own title names): its place and period."""

    start: int
    end: int
    title: str
    place: str  # canonical place named in the title, "" when none
    first_year: int | None
    last_year: int | None


@dataclass(frozen=True)
class ScopeMention:
    """A resolved mention together with the name of the rule that resolved it: a name
    as written ("name"), an anaphor ("anaphor": "the alliance", 该省) or a scope word
    ("scope-word": 全省, 本市, "the province") standing for the enclosing place."""

    mention: reference.Mention
    rule: str

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def canonical(self) -> str:
        return self.mention.canonical

    @property
    def kind(self) -> str:
        return self.mention.kind


#: "52.2 billion U.S. dollars", "HK dollars", "US$": the place names the currency.
_CURRENCY_NAME_AFTER = re.compile(r"\s*(?:dollars?|cents?)\b", re.I)
_CURRENCY_SIGNS = frozenset("$＄")

#: A list item opens with a bullet or a number ("- ", "1.", "（一）", "(3)").
LIST_MARK = re.compile(r"\s*(?:[-•*·‧▪●◆]\s|\d{1,2}[.)、]|[（(][一二三四五六七八九十\d]{1,3}[)）])")
#: A heading opens with a section number (一、 （二） 第三章) or is a short line without
#: the punctuation that ends a sentence.
_SECTION_NUMBER = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十\d]{1,3}[章节部分条])"
)
_SENTENCE_END = re.compile(r"[.!?。！？;；,，:：\"”)）]\s*$")

#: A plan's title in 《》, and the period written in it or right after it.
_PLAN_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*(?:年)?\s*[-–—~～至到]{1,2}\s*((?:19|20)\d\d)")
#: A period written right after a plan's title: 《…》（2023—2025年）.
_PERIOD_AFTER = re.compile(
    r"\s*[（(]\s*((?:19|20)\d\d)\s*年?\s*[-–—~～至到]{1,2}\s*((?:19|20)\d\d)\s*年?\s*[)）]"
)
#: An English plan named without 《》: "the 2023-2025 action plan", "Action Plan (2022-2025)".
_EN_PLAN = re.compile(
    r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\)?\s+(?:[\w-]+\s+){0,4}?"
    r"(?:action plan|plan|programme|roadmap)\b"
    r"|\b(?:action plan|plan|programme|roadmap)\s*\(\s*((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)",
    re.I,
)


@dataclass
class Document:
    """One article, read once: everything the attribution rules ask about, by offset."""

    text: str
    published: dt.date | None
    title: str
    sentences: list[Span]
    blocks: list[Block]
    paragraphs: list[Span]
    quantities: list[Quantity]
    dates: list[dates_mod.DateMention]
    mentions: list[ScopeMention]
    raw_mentions: list[reference.Mention]
    plans: list[Plan]
    datelines: list[tuple[int, int]]
    meta: Any = None
    folded: str = ""  # text in simplified script, same length: what cue rules read
    unplanned: str = ""  # folded, plan titles blanked: a plan's name says nothing of tense
    place: str = "China"  # the place the document is about (entity.document_place)
    place_rule: str = "document-default"
    _s_index: SpanIndex = field(init=False, repr=False)
    _p_index: SpanIndex = field(init=False, repr=False)
    _b_starts: list[int] = field(init=False, repr=False)
    _m_starts: list[int] = field(init=False, repr=False)
    _raw_starts: list[int] = field(init=False, repr=False)
    _d_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.folded:
            folded = cues.fold(self.text)
            self.folded = folded if len(folded) == len(self.text) else self.text
        if not self.unplanned:
            chars = list(self.folded)
            for p in self.plans:
                if p.start >= 0:
                    chars[p.start : p.end] = " " * (p.end - p.start)
            self.unplanned = "".join(chars)
        self._s_index = SpanIndex(self.sentences)
        self._p_index = SpanIndex(self.paragraphs)
        self._b_starts = [b.start for b in self.blocks]
        self._m_starts = [m.start for m in self.mentions]
        self._raw_starts = [m.start for m in self.raw_mentions]
        self._d_starts = [d.start for d in self.dates]

    # ---------------------------------------------------------------- lookups
    def sentence_at(self, offset: int) -> Span:
        """The sentence holding `offset` (a zero-width span there when none does)."""
        s = self._s_index.at(offset)
        return s if s is not None and s.end > offset else Span(offset, offset)

    def paragraph_index(self, offset: int) -> int:
        """Index of the blank-line paragraph holding `offset` (-1 before the first)."""
        return self._p_index.index_of(offset)

    def block_index(self, offset: int) -> int:
        """Index of the block holding `offset` (-1 before the first)."""
        return bisect.bisect_right(self._b_starts, offset) - 1

    def mentions_between(self, start: int, end: int) -> list[ScopeMention]:
        """Resolved mentions lying inside text[start:end]."""
        lo = bisect.bisect_left(self._m_starts, start)
        hi = bisect.bisect_left(self._m_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def raw_mentions_between(self, start: int, end: int) -> list[reference.Mention]:
        """Names as written (no anaphors) inside text[start:end]."""
        lo = bisect.bisect_left(self._raw_starts, start)
        hi = bisect.bisect_left(self._raw_starts, end)
        return [m for m in self.raw_mentions[lo:hi] if m.end <= end]

    def mentions_before(self, offset: int, n: int) -> list[ScopeMention]:
        """The n resolved mentions ending last before `offset`."""
        hi = bisect.bisect_left(self._m_starts, offset)
        return [m for m in self.mentions[max(0, hi - n) : hi] if m.end <= offset]

    def dates_between(self, start: int, end: int) -> list[dates_mod.DateMention]:
        """Resolved dates lying inside text[start:end]."""
        lo = bisect.bisect_left(self._d_starts, start)
        hi = bisect.bisect_left(self._d_starts, end)
        return [d for d in self.dates[lo:hi] if d.end <= end and d.date is not None]

    def clause_at(self, start: int, end: int) -> tuple[int, int]:
        """The clause of the sentence holding text[start:end]: a clause ends at ", and",
        ", but", ", while", ", which" and semicolons (the `clause-break` rule)."""
        s = self.sentence_at(start)
        brk = cues.rule("entity", "clause-break").regex
        assert brk is not None
        lo = s.start
        for m in brk.finditer(self.folded, s.start, start):
            lo = m.end()
        m = brk.search(self.folded, end, max(end, s.end))
        return lo, m.start() if m else max(end, s.end)

    def has_date(self, start: int, end: int) -> bool:
        """Does text[start:end] hold any date expression, resolved or not?"""
        i = bisect.bisect_left(self._d_starts, start)
        return i < len(self.dates) and self.dates[i].start < end

    def block_kind(self, offset: int) -> str:
        i = self.block_index(offset)
        return self.blocks[i].kind if i >= 0 else ""

    # ---------------------------------------------------------------- scopes
    def lead_in(self, offset: int) -> Block | None:
        """The lead-in of the list the block at `offset` belongs to, if any."""
        i = self.block_index(offset)
        if i < 0 or self.blocks[i].lead_in < 0:
            return None
        return self.blocks[self.blocks[i].lead_in]

    def heading(self, offset: int) -> Block | None:
        """The nearest heading above the block at `offset` (not the block itself)."""
        i = self.block_index(offset)
        if i < 0:
            return None
        j = self.blocks[i].heading
        return self.blocks[j] if j >= 0 else None

    def section_opening(self, offset: int) -> Block | None:
        """The first block after the heading above `offset`: it frames the section."""
        i = self.block_index(offset)
        if i < 0 or self.blocks[i].heading < 0:
            return None
        j = self.blocks[i].heading + 1
        return self.blocks[j] if j < len(self.blocks) and j < i else None

    def plan(self) -> Plan | None:
        """The plan the document is about: the one its title names, else the first plan
        the text names (with a period or a place), else None."""
        for p in self.plans:
            if p.start < 0:  # named in the title
                return p
        for p in self.plans:
            if p.last_year or p.place:
                return p
        return None

    def in_plan_title(self, start: int, end: int) -> bool:
        """Is text[start:end] inside a plan's title or its period ("《…（2023—2025年）》",
        "the 2023-2025 action plan")? Such a date is the plan's period, not a figure's year."""
        return any(p.start <= start and end <= p.end for p in self.plans if p.start >= 0)

    def in_dateline(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.datelines)


def _meta_get(meta: Any, key: str) -> Any:
    if meta is None:
        return None
    if isinstance(meta, dict):
        return meta.get(key)
    return getattr(meta, key, None)


def published_date(meta: Any) -> dt.date | None:
    """The article's date from its metadata (a date or an ISO string), else None."""
    published = _meta_get(meta, "published")
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published)
        except ValueError:
            return None
    return published if isinstance(published, dt.date) else None


def _is_heading(text: str, span: Span) -> bool:
    line = text[span.start : span.end]
    if "\n" in line:
        return False
    if _SECTION_NUMBER.match(line) and len(line) <= 40:
        return True
    return len(line) <= 60 and not _SENTENCE_END.search(line) and not LIST_MARK.match(line)


def _split_lines(text: str, span: Span, *, force: bool = False) -> list[Span]:
    """A paragraph whose lines are list items (or follow a line ending in a colon, or
    `force`: the paragraph follows a lead-in) is read line by line; any other paragraph
    stays whole (hard-wrapped prose)."""
    lines = [
        Span(span.start + m.start(), span.start + m.end())
        for m in re.finditer(r"[^\n]+", text[span.start : span.end])
        if m.group().strip()
    ]
    if len(lines) <= 1:
        return [span]
    listy = force or any(
        LIST_MARK.match(text, ln.start) or text[prev.start : prev.end].rstrip()[-1:] in (":", "：")
        for prev, ln in itertools.pairwise(lines)
    )
    return lines if listy else [span]


#: A row of a plain-text or Markdown table: cells between at least two bars
#: ("Shanghai | 350 billion yuan | July 2022").
TABLE_ROW = re.compile(r"[^|\n]*\|[^|\n]*\|[^\n]*")


def is_table_row(text: str, s: Span) -> bool:
    return TABLE_ROW.fullmatch(text, s.start, s.end) is not None


#: How long a block may be and still be read as one item of an unmarked list.
_ITEM_CHARS = 300


def _is_item(text: str, s: Span, lead_in: int, out: list[Block]) -> bool:
    """Is this block an item of the list opened by `lead_in`? A marked line ("- ", "1.",
    "（一）") always is; an unmarked block is when it directly follows the lead-in, ends in
    a semicolon, or is short and ends like the item before it (the list goes on)."""
    if LIST_MARK.match(text, s.start):
        return True
    if lead_in < 0 or not out:
        return False
    if is_table_row(text, s) and is_table_row(text, out[-1]):
        return True  # a table's rows are the items its header row leads in
    tail = text[s.start : s.end].rstrip()[-1:]
    previous = out[-1]
    if previous.kind == "lead_in" or tail in (";", "；"):
        return True
    prev_tail = text[previous.start : previous.end].rstrip()[-1:]
    return (
        previous.kind == "item"
        and s.end - s.start <= _ITEM_CHARS
        and previous.end - previous.start <= _ITEM_CHARS
        and not LIST_MARK.match(text, previous.start)
        and tail == prev_tail
    )


def _blocks(text: str, paragraphs: list[Span]) -> list[Block]:
    """Blocks with their kind, their list's lead-in and the heading above them. A paragraph
    right after a lead-in ("By applicant nationality:") is read line by line: its lines are
    the list's items."""
    spans: list[Span] = []
    for p in paragraphs:
        after_colon = bool(spans) and text[spans[-1].start : spans[-1].end].rstrip()[-1:] in (
            ":",
            "：",
        )
        spans.extend(_split_lines(text, p, force=after_colon))
    out: list[Block] = []
    heading = -1
    lead_in = -1  # the open list's lead-in, while items follow it
    for i, s in enumerate(spans):
        tail = text[s.start : s.end].rstrip()[-1:]
        table_header = (
            is_table_row(text, s)
            and i + 1 < len(spans)
            and is_table_row(text, spans[i + 1])
            and not (out and is_table_row(text, out[-1]))
        )
        if tail in (":", "：") or table_header:  # a table's header row leads its rows in
            kind = "lead_in"
        elif _is_item(text, s, lead_in, out):
            kind = "item"
        elif i + 1 < len(spans) and _is_heading(text, s):
            kind = "heading"
        else:
            kind = "paragraph"
        out.append(Block(s.start, s.end, kind, lead_in if kind == "item" else -1, heading))
        if kind == "heading":
            heading = len(out) - 1
            lead_in = -1
        elif kind == "lead_in":
            lead_in = len(out) - 1
        elif kind == "paragraph":
            lead_in = -1
    return out


def _place_in(text: str) -> str:
    """The first place a short text (a plan's title) names, as its canonical name."""
    for m in reference.find_mentions(text):
        if m.kind in PLACE_KINDS:
            return m.canonical
    return ""


def _plans(text: str, title: str) -> list[Plan]:
    """Plans named in 《》 in the title (start -1) and the text, and English "2023-2025
    action plan" phrases, each with its place and period."""
    out: list[Plan] = []
    for source, offset in ((title, -1), (text, 0)):
        for m in _PLAN_TITLE.finditer(source):
            name = m.group(1)
            if not cues.search("document", "plan-word", cues.fold(name)):
                continue
            period = _PERIOD.search(name) or _PERIOD.match(source, m.end(), m.end() + 16)
            first, last = (int(period.group(1)), int(period.group(2))) if period else (None, None)
            start = -1 if offset < 0 else m.start()
            out.append(
                Plan(start, start if offset < 0 else m.end(), name, _place_in(name), first, last)
            )
        for m in _EN_PLAN.finditer(source):
            a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            start = -1 if offset < 0 else m.start()
            out.append(Plan(start, start if offset < 0 else m.end(), m.group(), "", int(a), int(b)))
    return out


def _usable(text: str, m: reference.Mention) -> bool:
    """US$, HK$, "U.S. dollars": a currency, not a place."""
    return text[m.end : m.end + 1] not in _CURRENCY_SIGNS and not _CURRENCY_NAME_AFTER.match(
        text, m.end
    )


def not_figures(found: list, quantities: list[Quantity]) -> list:
    """Dates that are not part of a figure: "2000 companies" is a count, not the year 2000."""
    starts = [q.start for q in quantities]
    kept = []
    for d in found:
        i = bisect.bisect_right(starts, d.start) - 1
        inside = i >= 0 and quantities[i].end > d.start
        if not inside and (i + 1 >= len(quantities) or quantities[i + 1].start >= d.end):
            kept.append(d)
    return kept


def _dates(
    text: str,
    published: dt.date | None,
    sentences: list[Span],
    blocks: list[Block],
    quantities: list[Quantity],
) -> list[dates_mod.DateMention]:
    """The dates of the text that can date a figure: those in the sentences holding
    figures and in the headings (a section's target year). Each such range is read once;
    the rest of the text (most of a long page) is not read for dates at all."""
    index = SpanIndex(sentences)
    ranges = [(b.start, b.end) for b in blocks if b.kind == "heading"]
    for q in quantities:
        s = index.at(q.start)
        if s is not None and s.end > q.start:
            ranges.append((s.start, s.end))
    ranges.sort()
    merged: list[list[int]] = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [d for lo, hi in merged for d in dates_mod.find_dates(text, published, lo, hi)]


def read_document(
    text: str, meta: Any = None, *, quantities: list[Quantity] | None = None
) -> Document:
    """Read an article once: sentences, blocks, figures, dates, mentions (anaphors and scope
    words resolved by `briefing.extract.entity`), plans, datelines, the place it is about."""
    from briefing.extract.entity import document_place, resolve_mentions  # rules, not model

    published = published_date(meta)
    title = _meta_get(meta, "title") or ""
    paragraphs = paragraph_spans(text)
    quantities = find_quantities(text) if quantities is None else quantities
    folded = cues.fold(text)
    folded = folded if len(folded) == len(text) else text
    dateline = cues.rule("document", "dateline").regex
    assert dateline is not None
    datelines = [m.span() for m in dateline.finditer(folded)]
    raw = [
        m
        for m in reference.find_mentions(text)
        if _usable(text, m) and not any(a <= m.start < b for a, b in datelines)
    ]
    sentences = sentence_spans(text)
    blocks = _blocks(text, paragraphs)
    doc = Document(
        text=text,
        published=published,
        title=title,
        sentences=sentences,
        blocks=blocks,
        paragraphs=paragraphs,
        quantities=quantities,
        dates=not_figures(_dates(text, published, sentences, blocks, quantities), quantities),
        mentions=[],
        raw_mentions=raw,
        plans=_plans(text, title),
        datelines=datelines,
        meta=meta,
        folded=folded,
    )
    doc.place, doc.place_rule = document_place(doc)
    doc.mentions = resolve_mentions(doc)
    doc._m_starts = [m.start for m in doc.mentions]
    return doc
