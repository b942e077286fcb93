"""From figures to facts: each figure of a document with its measure, entity, year, topic.

Why here: this is the one loop over an article's figures. Everything it asks is answered
by the document model (read once) and the rules of `measure`, `entity`, `year` and `topic`;
each fact records the names of the rules that decided its entity, year and measure
(`entity_rule`, `year_rule`, `measure_rule`), so a wrong fact points at one named rule.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from briefing import reference
from briefing.extract import cues
from briefing.extract.document import LOCAL_KINDS, Document, read_document
from briefing.extract.entity import attribute_entity, clause_span
from briefing.extract.measure import classify_measure, is_decline, is_decline_after
from briefing.extract.quantities import Quantity
from briefing.extract.topic import on_a_link_line, topic_flags
from briefing.extract.year import figure_year
from briefing.schema import FACT_COLUMNS

#: Year rules that read a written year (not a default): their year may carry on.
_DATING_RULES = frozenset(
    {
        "date-after-figure",
        "date-in-sentence",
        "span-end",
        "list-lead-in",
        "previous-figure",
        "back-reference",  # "in the period", "at the time", 报告期内, 同年: the date named before
        "paragraph-date",
    }
)
_COMPARED_REACH = 300  # characters back to the count compared with: this or the last sentence
_DIGIT = re.compile(r"[0-9０-９]")


def normalise_counted(counted: str | None) -> str:
    """The head of the counted phrase: adjectives and sector modifiers dropped, compounds kept.

    "24 tech companies" -> "companies"; "metaverse-related trademark applications" ->
    "trademark applications"; "cities and provinces" stays.
    """
    if not counted:
        return ""
    text = " ".join(counted.split())
    words = text.split(" ")
    # "artificial intelligence-related companies", "Guangzhou-based tech companies": the
    # head follows the last hyphenated modifier
    for i in range(len(words) - 1, -1, -1):
        if cues.search("counted", "hyphen-modifier", words[i]):
            text = " ".join(words[i + 1 :])
            break
    modifier = cues.rule("counted", "modifier").regex
    assert modifier is not None
    stripped = modifier.sub("", text)
    return stripped or text


def _counted_from_context(
    doc: Document, q: Quantity, s_start: int, previous: Quantity | None
) -> tuple[Quantity, Quantity | None]:
    """A bare count's noun from its sentence: "the number of Chinese companies with
    'metaverse' in their business scope jumped to 12,000" (no other figure between), or the
    count it is compared with ("compared with 3,106"), which is returned too: the compared
    figure lends its year."""
    text = doc.text
    lead = text[max(s_start, q.start - 200) : q.start]
    named = cues.search("counted", "number-of", lead)
    if named and (not _DIGIT.search(lead, named.end()) or cues.search("counted", "reaches", lead)):
        return dataclasses.replace(q, counted=named.group(1)), None
    if (
        previous is not None
        and previous.counted
        and 0 <= q.start - previous.end <= _COMPARED_REACH
        and cues.search("counted", "compared-before", text, max(0, q.start - 40), q.start)
    ):
        return dataclasses.replace(q, counted=previous.counted), previous
    if (
        previous is not None
        and previous.counted
        and previous.start >= s_start
        and 0 <= q.start - previous.end <= 80
        and cues.search("counted", "coordinated-before", text, max(0, q.start - 40), q.start)
    ):
        return dataclasses.replace(q, counted=previous.counted), None
    return q, None


#: A bare 元 amount: no other currency character before 元 (港元, 美元, 日元, 人民币 are said).
_BARE_YUAN = re.compile(r"(?<![港美欧歐日韩韓台币幣])元$")


def _hong_kong_source(doc: Document) -> bool:
    """A Hong Kong source: traditional script and Hong Kong dollars written somewhere (港元),
    or an outlet that says it is in Hong Kong (rule hong-kong-source)."""
    meta = doc.meta
    outlet = str(
        (meta.get("outlet") if isinstance(meta, dict) else getattr(meta, "outlet", None)) or ""
    )
    if cues.search("measure", "hong-kong-source", cues.fold(outlet)):
        return True
    return (
        doc.text != doc.folded
        and cues.search("measure", "hong-kong-dollar", doc.folded) is not None
    )


def _yuan_is_hkd(doc: Document, q: Quantity, s_start: int, s_end: int) -> bool:
    """元 in a Hong Kong source is the Hong Kong dollar (5億元數碼轉型計劃, 呎價1.6萬元), unless
    its sentence or paragraph is about the mainland (a mainland place, 内地, 人民币):
    四川定下2500億元目標; 上海則把…當地…500億元."""
    if q.unit != "CNY" or not _BARE_YUAN.search(q.text):
        return False
    i = doc.block_index(q.start)
    if i >= 0:  # the paragraph: 當地 ("the locality") refers back to the place it names
        s_start, s_end = min(s_start, doc.blocks[i].start), max(s_end, doc.blocks[i].end)
    sentence = doc.folded[s_start:s_end]
    if cues.search("measure", "mainland-cue", sentence):
        return False
    mentions = doc.mentions_between(s_start, s_end)
    for m in mentions:
        place = m.mention
        if place.kind in LOCAL_KINDS and "Hong Kong" not in (place.canonical, place.parent):
            return False
    if not mentions and doc.block_kind(q.start) == "heading":
        # a headline that names no place ("天河發布…基金 首批8家機構管理規模超200億元") is
        # about the place the article is about
        entry = reference.entry_for(doc.place)
        owners = (entry.canonical, entry.parent) if entry is not None else ("Hong Kong",)
        if entry is not None and entry.kind in LOCAL_KINDS and "Hong Kong" not in owners:
            return False
    return True


def _scope_text(doc: Document, q: Quantity) -> str:
    """The figure's block, its heading and the document's title: where a bare count's
    kind is said when its sentence does not say it."""
    i = doc.block_index(q.start)
    parts = [doc.title]
    if i >= 0:
        parts.append(doc.text[doc.blocks[i].start : doc.blocks[i].end])
    heading = doc.heading(q.start)
    if heading is not None:
        parts.append(doc.text[heading.start : heading.end])
    return "\n".join(parts)


def _provenance(meta: Any, doc: Document, extra: dict[str, Any] | None) -> dict[str, Any]:
    def get(key: str) -> Any:
        if meta is None:
            return None
        return meta.get(key) if isinstance(meta, dict) else getattr(meta, key, None)

    out = {
        "title": get("title") or "",
        "outlet": get("outlet") or "",
        "published": doc.published.isoformat() if doc.published else "",
        "date_precision": get("date_precision") or "unknown",
        "language": get("language") or "unknown",
        "url": get("url") or "",
        "encoding": "",
        "source_format": "",
    }
    out.update(extra or {})
    return out


def extract_facts(
    article_id: str, text: str, meta: Any = None, *, extra: dict[str, Any] | None = None
) -> list[dict]:
    """Every figure of one article as a fact row (keys = FACT_COLUMNS)."""
    doc = read_document(text, meta)
    return document_facts(article_id, doc, extra=extra)


def document_facts(
    article_id: str, doc: Document, *, extra: dict[str, Any] | None = None
) -> list[dict]:
    """Every figure of a read document as a fact row (keys = FACT_COLUMNS)."""
    if not doc.quantities:
        return []
    text = doc.text
    flags = topic_flags(doc, {doc.paragraph_index(q.start) for q in doc.quantities})
    by_start = {q.start: q for q in doc.quantities}
    provenance = _provenance(doc.meta, doc, extra)
    rows: list[dict] = []
    previous_count: Quantity | None = None
    decided: dict[int, dict] = {}
    hong_kong = _hong_kong_source(doc)
    dated: tuple[int, str, int] | None = None  # the last figure a written year dated
    for q in doc.quantities:
        s = doc.sentence_at(q.start)
        # "more than 300 companies ..., 10 of which are listed": 10 counts the same noun
        if (
            q.unit == "count"
            and not q.counted
            and previous_count is not None
            and cues.rule("counted", "refers-back").regex.match(text, q.end)  # type: ignore[union-attr]
            and previous_count.start >= s.start
        ):
            q = dataclasses.replace(q, counted=previous_count.counted)
        compared: Quantity | None = None  # the earlier count this one is compared with
        if q.unit == "count" and not q.counted:
            q, compared = _counted_from_context(doc, q, s.start, previous_count)
        if q.unit == "count" and q.counted:
            previous_count = q
        sentence = text[s.start : s.end]
        if hong_kong and _yuan_is_hkd(doc, q, s.start, s.end):
            q = dataclasses.replace(q, unit="HKD")
        local = any(m.kind in LOCAL_KINDS for m in doc.mentions_between(s.start, s.end))
        folded = doc.folded
        lead = doc.lead_in(q.start)
        measure, measure_rule = classify_measure(
            q,
            folded[s.start : s.end],
            folded[max(s.start, q.start - 40) : q.start],
            folded[q.end : q.end + 40],
            local,
            cues.fold(_scope_text(doc, q)),
            lead=folded[lead.start : lead.end] if lead is not None else "",
            clause=folded[slice(*clause_span(doc, q))],
            folded=True,
        )
        conv = by_start.get(q.conversion_of_start) if q.conversion_of_start is not None else None
        if conv is not None and conv.start in decided:
            measure = decided[conv.start]["measure"]  # "($1.4 billion)" is what it converts
            measure_rule = "conversion"
        elif measure_rule == "money":
            # money with no cue of its own after money its sentence has placed ("an award of
            # 2 million yuan, and one at provincial level 1 million yuan"): the same kind
            earlier = [
                r
                for start, r in decided.items()
                if s.start <= start < q.start and r["unit"] == q.unit and r["measure"] != "other"
            ]
            if earlier:
                measure, measure_rule = earlier[-1]["measure"], "money-in-sentence"
        # a fall is negative: a growth rate ("down 40%") or a change in points
        falls = (measure == "growth_rate" or q.unit == "percentage_points") and (
            is_decline(text[max(s.start, q.start - 20) : q.start])
            or is_decline_after(text[q.end : min(s.end, q.end + 12)])  # "ends 0.9% lower"
        )
        before_list = ""
        if lead is not None:  # the entity of the last figure before the list's lead-in
            earlier = [r for start, r in decided.items() if start < lead.start]
            before_list = earlier[-1]["entity"] if earlier else ""
        entity, entity_rule = attribute_entity(doc, q, measure, before_list)
        pi = doc.paragraph_index(q.start)
        on_topic = (flags[pi] if pi >= 0 else True) and not on_a_link_line(doc, q.start)
        year, year_rule = figure_year(doc, q, measure, dated, on_topic=on_topic)
        if (
            compared is not None
            and compared.start in decided
            and year_rule in ("", "as-of-publication", "present-tense")
            and decided[compared.start]["year"]
        ):  # "compared with 3,106": the year of the count it is compared with
            year, year_rule = decided[compared.start]["year"], "compared-count"
        row = {
            "id": f"{article_id}:{q.start}",
            "article": article_id,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "value": -abs(q.value) if falls else q.value,
            "value_high": q.value_high,
            "unit": q.unit,
            "qualifier": q.qualifier,
            "counted": normalise_counted(q.counted),
            "measure": measure,
            "entity": entity,
            "year": year,
            "on_topic": on_topic,
            "sentence": " ".join(sentence.split()),
            "conversion_of": f"{article_id}:{conv.start}" if conv else "",
            "entity_rule": entity_rule,
            "year_rule": year_rule if year is not None else "",
            "measure_rule": measure_rule,
            **provenance,
        }
        decided[q.start] = row
        if year is not None and year_rule in _DATING_RULES:
            dated = (year, year_rule, q.end)
        rows.append({k: row.get(k, "") for k in FACT_COLUMNS})
    return _restated_years(rows)


def _restated_years(rows: list[dict]) -> list[dict]:
    """A figure restated without its year (the headline's "350 billion yuan") takes the year
    the article gives the same figure elsewhere (same value, unit, measure and entity), so
    the two quotes back one claim instead of making a year-less twin of it. Only when the
    article gives that figure a single year: otherwise which one is meant is unknown."""
    years: dict[tuple, set[int]] = {}
    for r in rows:
        if r["year"]:
            years.setdefault(_figure_key(r), set()).add(r["year"])
    for r in rows:
        if not r["year"]:
            known = years.get(_figure_key(r), set())
            if len(known) == 1:
                r["year"] = next(iter(known))
                r["year_rule"] = "restated-figure"
    return rows


def _figure_key(row: dict) -> tuple:
    return (row["value"], row["value_high"], row["unit"], row["measure"], row["entity"])
