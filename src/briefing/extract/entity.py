"""Who a figure belongs to: the innermost scope that names it.

Why scopes: a plan's list item ("培育10家骨干企业") names nobody; its list's lead-in, its
section or the plan itself does. Each decision returns the name of the rule that made it
(the fact's `entity_rule`), so a wrong entity is debugged by reading one named rule. Scope
words (全省, 本市, "the province", "the plan") stand for the enclosing place, never for
China by default.
"""

from __future__ import annotations

import bisect
import re

from briefing import reference
from briefing.extract import cues
from briefing.extract.document import (
    GOVERNMENT,
    LOCAL_KINDS,
    PLACE_KINDS,
    REPORTERS,
    Document,
    ScopeMention,
)
from briefing.extract.quantities import Quantity

_BODIES = frozenset({"alliance", "association", "working_group"})
#: Mentions that never own a figure by position: media and research firms report figures
#: about others; "the global market" (a `world` mention, where the reference finds them) is
#: decided by the `world-market` rule, which knows a share of the world from the world's.
_NOT_OWNERS = REPORTERS | {"world"}
#: The kinds of body an anaphor or a scope word can stand for, by its head word.
_KINDS_OF: dict[str, tuple[str, ...]] = {
    "alliance": ("alliance", "association"),
    "association": ("association", "alliance"),
    "working group": ("working_group",),
    "group": ("working_group", "alliance", "association", "company"),
    "province": ("province", "autonomous_region", "municipality"),
    "city": ("city", "municipality"),
    "municipality": ("municipality", "city"),
    "district": ("district", "county"),
    "provincial": ("province", "autonomous_region", "municipality"),
    "municipal": ("city", "municipality"),
    "ministry": ("ministry", "regulator"),
    "company": ("company",),
    "country": ("country",),
}
#: Chinese scope words and anaphors -> the head word they stand for.
_ZH_HEADS: dict[str, str] = {
    "联盟": "alliance",
    "協會": "association",
    "协会": "association",
    "公司": "company",
    "企业": "company",
    "省": "province",
    "市": "city",
    "区": "district",
    "區": "district",
}


def owner(m: ScopeMention | reference.Mention) -> str:
    """A ministry or regulator speaks for its country; any other mention for itself."""
    if m.kind in GOVERNMENT:
        entry = reference.entry_for(m.canonical)
        if entry and entry.parent:
            return entry.parent
    return m.canonical


# ---------------------------------------------------------------- document
_NO_ENTRY = reference.Entry("", "", "", False)
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")


def _example(text: str, m: ScopeMention) -> bool:
    """Is the mention one of the examples listed before 等 ("X、Y等企业")?"""
    regex = cues.rule("entity", "examples-before").regex
    assert regex is not None
    return regex.match(text, m.end) is not None


def _mostly_chinese_bodies(doc: Document) -> bool:
    """Are at least half of the bodies the text names (media and research firms aside)
    Chinese? (A story about Roblox, Microsoft and Meta that mentions Tencent is not about
    China.)"""
    homes = [
        (reference.entry_for(m.canonical) or _NO_ENTRY).parent
        for m in doc.raw_mentions
        if m.kind not in REPORTERS and m.kind not in PLACE_KINDS
    ]
    return bool(homes) and 2 * sum(h == "China" for h in homes) >= len(homes)


def document_place(doc: Document) -> tuple[str, str]:
    """The place an article is about, and the rule that says so: the first place its title
    names; else the place of the plan it announces; else the most named place (a ministry
    counts for its country); else China. A tie at the top (a list of provinces) has no one
    subject: China is."""
    titled = list(
        dict.fromkeys(
            m.canonical for m in reference.find_mentions(doc.title) if m.kind in PLACE_KINDS
        )
    )
    if len(titled) == 1:
        return titled[0], "document-title"
    countries = [c for c in titled if (reference.entry_for(c) or _NO_ENTRY).kind == "country"]
    if len(countries) >= 2:  # "US, China and South Korea lead the patent race": the world's
        return "World", "document-title-countries"
    plan = doc.plan()
    if plan is not None and plan.place:
        return plan.place, "document-plan"
    counts: dict[str, int] = {}
    for m in doc.raw_mentions:
        if m.kind in PLACE_KINDS or m.kind in GOVERNMENT:
            name = owner(m)
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        # a text that names no place: about China when it is written in Chinese, filed
        # by a news agency's dateline, speaks of a government or names a Chinese body; else
        # about the world ("the
        # metaverse market could reach $800 billion")
        chinese = (
            bool(doc.datelines)
            or len(_IDEOGRAPH.findall(doc.text)) * 3 >= len(doc.text)
            or cues.search("entity", "government-word", doc.folded) is not None
            or _mostly_chinese_bodies(doc)
        )
        return ("China", "document-default") if chinese else ("World", "document-unplaced")
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return "China", "document-default"
    return ranked[0][0], "document-most-named"


def resolve_mentions(doc: Document) -> list[ScopeMention]:
    """Names as written, plus anaphors ("the alliance", 该省) and scope words (全省, 本市,
    "the province", "the plan") resolved to what they stand for: the last earlier name of
    their kind, else the document's place when it is of that kind, else (a scope word in a
    local document) the document's place. Unresolved words are dropped."""
    out = [ScopeMention(m, "name") for m in doc.raw_mentions]
    raw = doc.raw_mentions
    starts = [m.start for m in raw]
    plan = doc.plan()
    local_doc = (reference.entry_for(doc.place) or reference.Entry("", "", "", False)).kind
    for rule_kind in ("anaphor", "scope-word"):
        regex = cues.rule("entity", rule_kind).regex
        assert regex is not None
        for a in regex.finditer(doc.folded):
            if doc.in_dateline(a.start()):
                continue
            word = next((g for g in a.groups() if g), a.group()).lower()
            if word == "plan" or word in ("计划", "方案", "规划"):
                if plan is not None and plan.place:
                    mention = reference.Mention(
                        a.start(), a.end(), a.group(), plan.place, "plan_place"
                    )
                    out.append(ScopeMention(mention, rule_kind))
                continue
            head = word if word.isascii() else _ZH_HEADS.get(word, _ZH_HEADS.get(word[-1], ""))
            kinds = _KINDS_OF.get(head, ())
            if not kinds:
                continue
            i = bisect.bisect_left(starts, a.start())
            found = next((raw[j] for j in range(i - 1, -1, -1) if raw[j].kind in kinds), None)
            block = doc.block_index(a.start())
            if (
                found is not None
                and rule_kind == "scope-word"
                and local_doc in kinds
                and doc.block_index(found.start) != block
            ):
                found = None  # 全省 after a paragraph that listed other provinces: the text's
            canonical, kind = (found.canonical, found.kind) if found else ("", "")
            if not canonical and local_doc in kinds:
                canonical, kind = doc.place, local_doc
            if not canonical and rule_kind == "scope-word" and local_doc in LOCAL_KINDS:
                canonical, kind = doc.place, local_doc  # 全市 in a province's text: its place
            if canonical:
                mention = reference.Mention(a.start(), a.end(), a.group(), canonical, kind)
                out.append(ScopeMention(mention, rule_kind))
    out.sort(key=lambda x: (x.start, x.end))
    # a scope word inside a name ("the city of Wuhan") yields to the name
    kept: list[ScopeMention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            if kept[-1].rule != "name" and m.rule == "name":
                kept[-1] = m
            continue
        kept.append(m)
    return kept


# ---------------------------------------------------------------- figures
def _named(m: ScopeMention, rule: str) -> tuple[str, str]:
    """The owner of a mention, with the rule name (a scope word or anaphor says so)."""
    if m.rule != "name":
        return owner(m), f"{rule}:{m.rule}"
    return owner(m), rule


def _first_usable(doc: Document, start: int, end: int) -> ScopeMention | None:
    for m in doc.mentions_between(start, end):
        if m.kind not in _NOT_OWNERS:
            return m
    return None


def attribute_entity(
    doc: Document, q: Quantity, measure: str = "", before_list: str = ""
) -> tuple[str, str]:
    """Who a figure belongs to, and the name of the rule that decided it. Innermost first:

    in its sentence: members of a body in it (`members-of-body`); a name inside the figure
    ("10 Chinese cities", `named-in-figure`); a sum over places (`sum-over-places`: China);
    a place joined after it ("11 districts in Guangzhou", `place-after-figure`); a count of
    places listed before it (`listed-places`: China); the global market (`world-market`);
    the nearest name before it (`nearest-before`, `:scope-word`/`:anaphor` when a word such
    as 全省 or "the alliance" stood for it); a national word (`national-scope`); the subject
    after it in its clause (`subject-after`). Then wider scopes: the list's lead-in
    (`list-lead-in`; a lead-in that names nobody continues the story before it, whose last
    figure's entity is `before_list`: `list-continues`), the subject of the previous
    sentence in its section (`previous-sentence`), the section's heading
    (`section-heading`), and the document (`document-title`, `document-plan`,
    `document-most-named`, `document-default`).
    Media and research firms only report figures, so they are skipped.
    """
    text = doc.folded  # cue rules read simplified script, offsets unchanged
    s = doc.sentence_at(q.start)
    in_sentence = [m for m in doc.mentions_between(s.start, s.end) if m.kind not in _NOT_OWNERS]
    if measure == "members":
        bodies = [m for m in in_sentence if m.kind in _BODIES]
        if bodies:
            return min(bodies, key=lambda m: abs(m.start - q.start)).canonical, "members-of-body"
    inside = [m for m in in_sentence if q.start <= m.start and m.end <= q.end]
    if inside:
        return _named(inside[-1], "named-in-figure")
    if cues.search("entity", "aggregate", text, s.start, q.start):
        places = {m.canonical for m in in_sentence if m.kind in PLACE_KINDS and m.end <= q.start}
        if not places or len(places) >= 3:
            return "China", "sum-over-places"
    compared = cues.rule("entity", "compared-with")
    relative = cues.rule("entity", "relative-clause")
    in_sentence = [
        m
        for m in in_sentence
        if (
            not compared.search(text, max(0, m.start - 60), m.start)
            or (m.end <= q.start and relative.search(text, m.end, q.start))
        )
        and not _quoted_name(text, m)
        and not _example(text, m)
        and not (
            m.end <= q.start
            and cues.search("entity", "recipient-before", text, max(0, m.start - 40), m.start)
        )
        and not (q.unit == "times" and cues.search("entity", "times-base", text, m.end, q.start))
    ]
    asides = [
        a.span()
        for a in cues.rule("entity", "aside").regex.finditer(text, s.start, s.end)  # type: ignore[union-attr]
        if not (a.start() <= q.start and q.end <= a.end())
    ]
    if asides:  # "The city, home to Tencent and Huawei, will offer ...": the city's figure
        in_sentence = [m for m in in_sentence if not any(a <= m.start < b for a, b in asides)]
    after = [m for m in in_sentence if q.end <= m.start]
    if after and cues.rule("entity", "link-after").regex.fullmatch(text, q.end, after[0].start):  # type: ignore[union-attr]
        return _named(after[0], "place-after-figure")
    before = [m for m in in_sentence if m.end <= q.start]
    if measure == "places" and cues.search("entity", "count-of-countries", text, q.start, q.end):
        return "World", "count-of-countries"  # 美国、中国和欧洲……三个国家和地区
    if measure == "places" and len({m.canonical for m in before if m.kind in PLACE_KINDS}) >= 2:
        return "China", "listed-places"  # 北京、上海、广东等20余个省市: examples of the count
    listed = _listed_before(text, before)
    if len(listed) >= 3:  # "in South Korea, the United States, China, Japan and Europe"
        countries = sum(1 for m in listed if m.kind in ("country", "region"))
        return ("World" if countries >= 2 else "China"), "listed-places"
    clause_start = clause_span(doc, q)[0]
    world = cues.rule("entity", "world-market")
    if measure not in ("share", "patent_share"):
        last_named = max((m.end for m in before if m.start >= clause_start), default=clause_start)
        if world.search(text, last_named, q.start):
            return "World", "world-market"
    if before:
        return _named(before[-1], "nearest-before")
    if measure == "places" or cues.search("entity", "national", text, s.start, q.start):
        return "China", "national-scope"
    if after and not cues.search("entity", "clause-break", text, q.end, after[0].start):
        return _named(after[0], "subject-after")
    if measure not in ("share", "patent_share") and world.search(text, s.start, s.end):
        return "World", "world-market"
    # wider scopes: the list's lead-in, the previous sentence, the section, the document
    lead = doc.lead_in(q.start)
    if lead is not None:
        m = _first_usable(doc, lead.start, lead.end)
        if m is not None:
            return _named(m, "list-lead-in")
        if before_list:
            return before_list, "list-continues"
    heading = doc.heading(q.start)
    floor = heading.end if heading is not None else 0
    previous = [
        m
        for m in doc.mentions_before(s.start, 12)
        if m.kind not in _NOT_OWNERS and not _example(text, m)
    ]
    if previous and previous[-1].start >= floor:
        last = previous[-1]
        ps = doc.sentence_at(last.start)
        prev_sentence = [
            m
            for m in doc.mentions_between(ps.start, ps.end)
            if m.kind not in _NOT_OWNERS and not _example(text, m)
        ]
        # a list of places ("Beijing, Shanghai, Guangdong and ...") has no one subject
        listed = {m.canonical for m in prev_sentence if m.kind in PLACE_KINDS}
        if prev_sentence and s.start - prev_sentence[-1].end < 400 and len(listed) < 3:
            return _named(prev_sentence[0], "previous-sentence")
    if heading is not None:
        m = _first_usable(doc, heading.start, heading.end)
        if m is not None:
            return _named(m, "section-heading")
    return doc.place, doc.place_rule


_LIST_JOIN = re.compile(r"^(?:\s*(?:,|、|，|和|与|及|and|the|or)\s*)+$", re.I)
_QUOTES = (("“", "”"), ("「", "」"), ('"', '"'))


def _listed_before(text: str, before: list[ScopeMention]) -> list[ScopeMention]:
    """The run of places listed right before a figure's clause ("South Korea, the United
    States, China, Japan and Europe"): consecutive place names joined by commas or "and"."""
    run: list[ScopeMention] = []
    for m in reversed(before):
        if m.kind not in PLACE_KINDS:
            break
        if run and not _LIST_JOIN.match(text[m.end : run[-1].start]):
            break
        run.append(m)
    return run


def _quoted_name(text: str, m: ScopeMention) -> bool:
    """Is the mention inside a short quoted name (打造“中国元宇宙谷”): a brand, not an owner?"""
    for left, right in _QUOTES:
        a = text.rfind(left, max(0, m.start - 12), m.start)
        if a >= 0 and right not in text[a + 1 : m.start]:
            b = text.find(right, m.end, m.end + 12)
            if b >= 0:
                return True
    return False


def clause_span(doc: Document, q: Quantity) -> tuple[int, int]:
    """The clause of the figure's sentence (see `Document.clause_at`)."""
    return doc.clause_at(q.start, q.end)
