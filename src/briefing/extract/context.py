"""Compatibility names for the modules that replaced this one (issue 12).

Fact extraction now reads one document model per article (`document`) and decides measure,
entity, year and topic in modules of their own (`measure`, `entity`, `year`, `topic`,
`facts`). These names stay importable for callers written against the old module
(`events`, tests); new code imports from the modules themselves.
"""

from __future__ import annotations

from typing import Any

from briefing import reference
from briefing.extract import cues
from briefing.extract.document import GOVERNMENT, PLACE_KINDS, not_figures, read_document
from briefing.extract.entity import owner
from briefing.extract.facts import extract_facts, normalise_counted
from briefing.extract.topic import topic_flags as _topic_flags

__all__ = [
    "extract_facts",
    "main_place",
    "normalise_counted",
    "not_figures",
    "outside_datelines",
    "topic_flags",
]


def topic_flags(text: str, paragraphs: list[Any], needed: set[int] | None = None) -> list[bool]:
    """One on-topic flag per paragraph of `text` (see `briefing.extract.topic`). The
    paragraphs must be `sentences.paragraph_spans(text)`, as the document model reads them."""
    doc = read_document(text)
    assert len(doc.paragraphs) == len(paragraphs)
    return _topic_flags(doc, needed)


def outside_datelines(text: str, mentions: list[reference.Mention]) -> list[reference.Mention]:
    """The mentions that are not inside a news agency's dateline ("新华社北京4月2日电")."""
    dateline = cues.rule("document", "dateline").regex
    assert dateline is not None
    spans = [m.span() for m in dateline.finditer(cues.fold(text))] if mentions else []
    if not spans:
        return mentions
    return [m for m in mentions if not any(a <= m.start < b for a, b in spans)]


def main_place(mentions: list[reference.Mention], title: str = "") -> str:
    """The place an article is about: the first place its title names, else the most
    mentioned place (a ministry counts for its country), else China; a tie at the top (a
    list of provinces) has no one subject: China. (`entity.document_place` also reads the
    plan the document announces.)"""
    for m in reference.find_mentions(title or ""):
        if m.kind in PLACE_KINDS:
            return m.canonical
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind in PLACE_KINDS or m.kind in GOVERNMENT:
            name = owner(m)
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return "China"
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return "China"
    return ranked[0][0]
