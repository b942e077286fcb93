"""The document model: an article's structure read once (blocks, lead-ins, headings, plans)."""

from __future__ import annotations

import datetime as dt

from briefing.extract.document import read_document

META = {"published": dt.date(2023, 5, 10), "title": ""}


def _kinds(text: str) -> list[tuple[str, str]]:
    doc = read_document(text, META)
    return [(b.kind, text[b.start : b.end][:12]) for b in doc.blocks]


def test_a_list_after_its_lead_in_is_read_item_by_item_and_ends_with_the_prose() -> None:
    text = (
        "By 2025, the province will:\n\n"
        "- build 10 platforms;\n"
        "- cultivate 200 firms.\n\n"
        "The plan was drafted by the provincial office and sets out a long list of tasks."
    )
    doc = read_document(text, META)
    assert [b.kind for b in doc.blocks] == ["lead_in", "item", "item", "paragraph"]
    assert doc.blocks[1].lead_in == doc.blocks[2].lead_in == 0
    assert doc.blocks[3].lead_in == -1


def test_unmarked_lines_after_a_colon_are_items() -> None:
    text = "By country, over the 2011-2020 period:\n\nUnited States: 17 filings\nChina: 14 filings"
    assert [k for k, _ in _kinds(text)] == ["lead_in", "item", "item"]


def test_a_short_line_without_end_punctuation_is_a_heading_for_what_follows() -> None:
    text = "二、发展目标\n\n到2025年，全市培育企业100家。\n\n三、重点任务\n\n打造场景50个。"
    doc = read_document(text, META)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "heading", "paragraph"]
    figure = text.index("50个")
    heading = doc.heading(figure)
    assert heading is not None and text[heading.start : heading.end] == "三、重点任务"


def test_a_plan_named_in_brackets_gives_its_place_and_period() -> None:
    text = "该省印发《湖北省元宇宙产业发展行动方案（2023—2025年）》，提出三年目标。"
    plan = read_document(text, META).plan()
    assert plan is not None
    assert (plan.place, plan.first_year, plan.last_year) == ("Hubei", 2023, 2025)


def test_a_plan_in_the_title_is_the_document_s_plan() -> None:
    meta = {**META, "title": "《河南省元宇宙产业发展行动计划（2022—2025年）》印发"}
    doc = read_document("全省将培育10家骨干企业。", meta)
    assert doc.plan() is not None and doc.plan().last_year == 2025
    assert (doc.place, doc.place_rule) == ("Henan", "document-title")


def test_scope_words_stand_for_the_enclosing_place_never_china_by_default() -> None:
    text = "河南省发布方案。到2025年，全省元宇宙核心产业规模超过300亿元。"
    doc = read_document(text, META)
    scope = [m for m in doc.mentions if m.rule == "scope-word"]
    assert [(text[m.start : m.end], m.canonical) for m in scope] == [("全省", "Henan")]


def test_a_scope_word_with_no_place_of_its_kind_before_is_the_document_s_place() -> None:
    meta = {**META, "title": "Zhengzhou unveils metaverse subsidies"}
    doc = read_document("The city will give up to 5 million yuan per project.", meta)
    assert [(m.canonical, m.rule) for m in doc.mentions] == [("Zhengzhou", "scope-word")]


def test_datelines_do_not_name_the_subject() -> None:
    text = "新华社北京9月8日电 河南省近日印发方案，全省将培育10家企业。"
    doc = read_document(text, META)
    assert "Beijing" not in {m.canonical for m in doc.mentions}


def test_a_plan_s_period_is_not_a_date_that_dates_figures() -> None:
    text = "五部门联合印发《元宇宙产业创新发展三年行动计划（2023—2025年）》。"
    doc = read_document(text, META)
    d = next(d for d in doc.dates if d.date and d.date.year == 2025)
    assert doc.in_plan_title(d.start, d.end)


def test_a_clause_ends_at_a_conjunction_after_a_comma() -> None:
    text = "Shenzhen will attract 1,000 firms by 2025, and Wuhan wants 500 more."
    doc = read_document(text, META)
    lo, hi = doc.clause_at(text.index("500"), text.index("500") + 3)
    assert text[lo:hi].strip() == "Wuhan wants 500 more."
