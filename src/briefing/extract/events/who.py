"""Who acted: the actor of an event, read from the clause that tells it.

Why the clause and not the article: an article about Nanjing tells that Jiangning released a
plan, a report from Seoul tells what Beijing did. The actor is the body that acted: the city
for a city's plan, the ministry for its plan, the research firm for its report, the founders
or the alliance itself for an alliance. A local government's office stands for its place
("the general office of the provincial government" is Henan, 成都市新经济发展工作领导小组
办公室 is Chengdu); a news outlet only reports and is never the actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing import reference
from briefing.extract import cues
from briefing.extract.document import LOCAL_KINDS, PLACE_KINDS, Document, Plan

#: Mentions that only report what others did.
_REPORTERS = frozenset({"media"})
#: Words right before a name that make it a place where something happened, not who did it.
_WHERE_BEFORE = ("在", "于", "於", "向", "对", "對", " in ", " at ", " from ")
#: Between a qualifying name and the actor: "China's MIIT", 中国工业和信息化部.
_POSSESSIVE = re.compile(r"['’]s\s+(?:the\s+)?|\s*的?")
_NATIONAL_GOVERNMENT = re.compile(r"政府|\bgovernment\b", re.I)


@dataclass(frozen=True)
class Candidate:
    """A name in the clause that may be the actor: where it is, what to call it, its kind."""

    start: int
    end: int
    name: str
    kind: str  # a reference kind (province, ministry, company ...) or "body" / "place-body"


def _bodies(doc: Document, start: int, end: int) -> list[Candidate]:
    """Bodies the reference tables do not know, named as written; a local government's
    office that names its place stands for that place ("the government" of a country too)."""
    regex = cues.rule("events", "body-name").regex
    gov = cues.rule("events", "government-body")
    assert regex is not None
    out = []
    for m in regex.finditer(doc.folded, start, end):
        a, b = m.span()
        if doc.text[a : a + 4].lower() == "the ":
            a += 4
        inner = _mentions(doc, a, b)
        orgs = [x for x in inner if x.kind not in PLACE_KINDS]
        rest = doc.folded[orgs[0].end : b] if orgs else ""
        if orgs and 0 < len(rest) <= 4 and gov.search(rest):  # 工业和信息化部办公厅: the ministry
            out.append(Candidate(a, b, orgs[0].name, orgs[0].kind))
            continue
        places = [x for x in inner if x.kind in PLACE_KINDS]
        if places and places[0].start == a and b - places[0].end <= 2:
            continue  # the name is just the place ("Seoul City")
        if places and gov.search(doc.folded, a, b):
            local = places[0].kind in LOCAL_KINDS
            if local or _NATIONAL_GOVERNMENT.search(doc.folded, a, b):
                out.append(Candidate(a, b, places[0].name, "place-body"))
                continue
        if not places and doc.place and cues.search("events", "level-office", doc.folded[a:b]):
            # 市政府办公厅印发: the office of the city the text is about
            entry = reference.entry_for(doc.place)
            if entry is not None and entry.kind in LOCAL_KINDS:
                out.append(Candidate(a, b, doc.place, "place-body"))
                continue
        out.append(Candidate(a, b, doc.text[a:b].strip(), "body"))
    office = cues.rule("events", "office-of")
    for m in office.regex.finditer(doc.folded, start, end):  # type: ignore[union-attr]
        out.append(Candidate(m.start(), m.end(), str(office.extra["place"]), "place-body"))
    governed = cues.rule("events", "government-of").regex
    assert governed is not None
    for m in governed.finditer(doc.text, start, end):
        if m.group(1).lower() not in ("the", "central", "national", "local", "state"):
            name = reference.resolve_place(m.group(1)) or m.group(1)
            out.append(Candidate(m.start(), m.end(), name, "place-body"))
    return out


@dataclass(frozen=True)
class _Named:
    start: int
    end: int
    name: str
    kind: str


def _mentions(doc: Document, start: int, end: int) -> list[_Named]:
    """Resolved mentions of the document model, and in traditional-script text the names
    found on its simplified form (same offsets)."""
    out = [
        _Named(m.start, m.end, m.canonical, m.kind)
        for m in doc.mentions_between(start, end)
        if m.kind not in _REPORTERS
    ]
    if doc.folded != doc.text:
        for m in reference.find_mentions(doc.folded, start, end):
            if m.kind not in _REPORTERS and not any(
                o.start < m.end and m.start < o.end for o in out
            ):
                out.append(_Named(m.start, m.end, m.canonical, m.kind))
    return sorted(out, key=lambda m: m.start)


def candidates(doc: Document, start: int, end: int) -> list[Candidate]:
    """Names in text[start:end] in text order: reference mentions (anaphors and scope words
    resolved) and unknown bodies; a longer body's name wins over a name inside it."""
    found = [Candidate(m.start, m.end, m.name, m.kind) for m in _mentions(doc, start, end)]
    bodies = _bodies(doc, start, end)

    def inside(c: Candidate, b: Candidate) -> bool:
        return b.start <= c.start and c.end <= b.end

    kept = [
        c
        for c in found
        if not any(inside(c, b) and b.end - b.start > c.end - c.start for b in bodies)
    ]
    known = [b for b in bodies if not any(inside(b, c) for c in kept)]
    return sorted([*kept, *known], key=lambda c: (c.start, -c.end))


def _is_where(doc: Document, c: Candidate) -> bool:
    before = doc.text[max(0, c.start - 4) : c.start]
    return any(before.endswith(w) for w in _WHERE_BEFORE)


def clause_start(doc: Document, sentence_start: int, offset: int) -> int:
    """Where the clause holding `offset` starts: after the last clause break or semicolon."""
    lo = sentence_start
    brk = cues.rule("entity", "clause-break").regex
    assert brk is not None
    for m in brk.finditer(doc.folded, sentence_start, offset):
        lo = m.end()
    return lo


def _qualified(doc: Document, before: list[Candidate]) -> Candidate:
    """The first name of the clause, unless it only qualifies the next one ("China's MIIT",
    河南省会郑州, 杭州市上城区): then the next one."""
    subject = before[0]
    if len(before) > 1 and subject.kind in PLACE_KINDS | {"place-body"}:
        gap = doc.folded[subject.end : before[1].start]
        if doc.text[subject.start : subject.start + 4].lower() == "the " and gap.strip() == "of":
            return before[1]  # "The province of Sichuan": Sichuan
        if _POSSESSIVE.fullmatch(gap) or cues.rule("events", "capital-of").regex.fullmatch(gap):  # type: ignore[union-attr]
            return before[1]
    return subject


def _plan_place(doc: Document, v_end: int, s_end: int) -> str:
    """The place a plan's title right after the verb names (同场发布的《东城区…计划》)."""
    plans: list[Plan] = [p for p in doc.plans if v_end <= p.start < min(s_end, v_end + 30)]
    return plans[0].place if plans and plans[0].place else ""


def _issued_by(doc: Document, s_end: int) -> str:
    """A ministry or regulator the next sentences name as the plan's issuer, else ""."""
    regex = cues.rule("events", "issued-by").regex
    assert regex is not None
    m = regex.search(doc.folded, s_end, min(len(doc.text), s_end + 500))
    if m is None:
        return ""
    after = candidates(doc, m.end(), min(len(doc.text), m.end() + 80))
    if after and after[0].start == m.end() and after[0].kind in ("ministry", "regulator"):
        return after[0].name
    return ""


def _site(doc: Document, v_end: int, s_end: int) -> str:
    """The place a thing happened in ("a park in Zhengzhou"), right after the verb."""
    regex = cues.rule("events", "site-in").regex
    assert regex is not None
    for m in regex.finditer(doc.folded, v_end, min(s_end, v_end + 80)):
        after = [c for c in candidates(doc, m.end(), s_end) if c.kind in PLACE_KINDS]
        if after and after[0].start == m.end():
            return after[0].name
    return ""


def _founded(doc: Document, v_end: int, s_end: int) -> str | None:
    """The body an alliance event founds: named right after the verb, or, when the clause
    says only "a metaverse industry association", the first such body the text names in
    full soon after ("the Zhejiang Provincial Metaverse Industry Association")."""
    near = [
        c
        for c in candidates(doc, v_end, min(s_end, v_end + 80))
        if c.kind in ("body", "alliance", "association", "working_group")
    ]
    if near:
        return near[0].name
    head = cues.search("events", "object-alliance", doc.folded, v_end, min(s_end, v_end + 60))
    if head is None:
        return None
    word = head.group().lower()
    for c in candidates(doc, s_end, min(len(doc.text), s_end + 600)):
        if c.kind == "body" and c.name.lower().endswith(word):
            return c.name
    return None


def actor(
    doc: Document,
    sentence: tuple[int, int],
    verb: tuple[int, int],
    kind: str,
    *,
    say: bool = False,
) -> tuple[str, str]:
    """The event's actor and the rule that found it (`passive-by`, `relative-clause`, `speaker`
    (the name nearest before a verb of saying),
    `appositive-place`, `subject`, `founded-body`, `plan-title-place`, `subject-after`,
    `document-place`)."""
    s_start, s_end = sentence
    v_start, v_end = verb
    by = cues.rule("events", "passive-by").regex
    assert by is not None
    m = by.match(doc.folded, v_end, min(s_end, v_end + 60))
    if m is not None:
        after = candidates(doc, m.end(), min(s_end, m.end() + 90))
        if after and after[0].start == m.end():
            return after[0].name, "passive-by"
    lo = clause_start(doc, s_start, v_start)
    rule = "subject"
    pronoun = cues.rule("events", "relative-pronoun").regex
    assert pronoun is not None
    pronouns = list(pronoun.finditer(doc.folded, lo, v_start))
    last = pronouns[-1] if pronouns else None
    if (
        last is not None
        and "," not in doc.folded[last.end() : v_start]
        and candidates(doc, last.end(), v_start)
    ):
        lo, rule = last.end(), "relative-clause"
    appositive = cues.rule("events", "appositive-place").regex
    assert appositive is not None
    start_at = lo + len(doc.text[lo:v_start]) - len(doc.text[lo:v_start].lstrip())
    a = appositive.match(doc.text, start_at, v_start)
    if a is not None:
        name = reference.resolve_place(a.group(1)) or a.group(1)
        if kind != "alliance" or _founded(doc, v_end, s_end) is None:
            return name, "appositive-place"
    before = [c for c in candidates(doc, lo, v_start) if not _is_where(doc, c)]
    if not before and lo > s_start:
        before = [c for c in candidates(doc, s_start, v_start) if not _is_where(doc, c)]
    subject = _qualified(doc, before) if before else None
    if subject is not None and subject.kind == "country" and kind in ("plan", "regulation"):
        issuer = _issued_by(doc, s_end)
        if issuer:
            return issuer, "issued-by"
    if kind == "other" and (subject is None or subject.kind == "plan_place"):
        site = _site(doc, v_end, s_end)
        if site:
            return site, "site-in"
    if say and before:
        subject, rule = before[-1], "speaker"  # "…, Financial Secretary Paul Chan wrote"
    if kind == "alliance" and (subject is None or subject.kind in PLACE_KINDS):
        founded = _founded(doc, v_end, s_end)
        if founded is not None:
            return founded, "founded-body"
    if subject is not None:
        return subject.name, rule
    place = _plan_place(doc, v_end, s_end)
    if place:
        return place, "plan-title-place"
    after = [c for c in candidates(doc, v_end, min(s_end, v_end + 40)) if not _is_where(doc, c)]
    if after and doc.text[v_end:s_end].isascii():
        return after[0].name, "subject-after"
    return doc.place, "document-place"
