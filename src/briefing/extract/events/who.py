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

from briefing.extract import cues
from briefing.extract.document import PLACE_KINDS, Document

#: Mentions that only report what others did.
_REPORTERS = frozenset({"media"})
#: Words right before a name that make it a place where something happened, not who did it.
_POSSESSIVE = re.compile(r"['’]s\s+(?:the\s+)?|\s*的?")
_WHERE_BEFORE = ("在", "于", "於", " in ", " at ", " from ", " of ")


@dataclass(frozen=True)
class Candidate:
    """A name in the clause that may be the actor: where it is, what to call it, its kind."""

    start: int
    end: int
    name: str
    kind: str  # a reference kind (province, ministry, company ...) or "body" / "place-body"


def _bodies(doc: Document, start: int, end: int) -> list[Candidate]:
    """Bodies the reference tables do not know, named as written; a government office that
    names a place stands for that place."""
    regex = cues.rule("events", "body-name").regex
    gov = cues.rule("events", "government-body")
    assert regex is not None
    out = []
    for m in regex.finditer(doc.folded, start, end):
        a, b = m.span()
        if doc.text[a : a + 4].lower() == "the ":
            a += 4
        places = [x for x in doc.mentions_between(a, b) if x.kind in PLACE_KINDS]
        if places and gov.search(doc.folded, a, b):
            out.append(Candidate(a, b, places[0].canonical, "place-body"))
        elif places and places[0].start == a and b - places[0].end <= 2:
            continue  # the name is just the place ("Seoul City")
        else:
            out.append(Candidate(a, b, doc.text[a:b].strip(), "body"))
    return out


def candidates(doc: Document, start: int, end: int) -> list[Candidate]:
    """Names in text[start:end] in text order: reference mentions (anaphors and scope words
    resolved) and unknown bodies; a body's name wins over a place inside it."""
    found = [
        Candidate(m.start, m.end, m.canonical, m.kind)
        for m in doc.mentions_between(start, end)
        if m.kind not in _REPORTERS
    ]
    bodies = _bodies(doc, start, end)
    kept = [c for c in found if not any(b.start <= c.start and c.end <= b.end for b in bodies)]
    known = [b for b in bodies if not any(c.start <= b.start and b.end <= c.end for c in kept)]
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


def actor(
    doc: Document, sentence: tuple[int, int], verb: tuple[int, int], kind: str
) -> tuple[str, str]:
    """The event's actor and the rule that found it (`passive-by`, `subject`, `founded-body`,
    `subject-after`, `document-place`)."""
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
    before = [c for c in candidates(doc, lo, v_start) if not _is_where(doc, c)]
    if not before and lo > s_start:
        before = [c for c in candidates(doc, s_start, v_start) if not _is_where(doc, c)]
    subject = before[0] if before else None
    if (
        subject is not None
        and len(before) > 1
        and subject.kind in PLACE_KINDS
        and _POSSESSIVE.fullmatch(doc.text, subject.end, before[1].start)
    ):
        subject = before[1]  # "China's MIIT": the ministry acted, its country qualifies it
    if kind == "alliance" and (subject is None or subject.kind in PLACE_KINDS):
        founded = [
            c
            for c in candidates(doc, v_end, min(s_end, v_end + 80))
            if c.kind in ("body", "alliance", "association", "working_group")
        ]
        if founded:
            return founded[0].name, "founded-body"
    if subject is not None:
        return subject.name, "subject"
    after = [c for c in candidates(doc, v_end, s_end) if not _is_where(doc, c)]
    if after:
        return after[0].name, "subject-after"
    return doc.place, "document-place"
