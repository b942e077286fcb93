"""Dated events for the timeline, relative dates resolved."""

from __future__ import annotations

import datetime as dt

from briefing.extract.events import EVENT_COLUMNS, extract_events

META = {"published": dt.date(2024, 1, 22), "title": "China's metaverse"}


def test_announcement_with_relative_day() -> None:
    text = "On Friday, China's MIIT announced the formation of a metaverse working group."
    (row,) = extract_events("a", text, META)
    assert tuple(row) == EVENT_COLUMNS
    assert (row["date"], row["date_precision"], row["kind"]) == ("2024-01-19", "day", "alliance")
    assert row["entity"] == "China"
    assert text[row["start"] : row["end"]] == "Friday"


def test_plan_published_last_month() -> None:
    (row,) = extract_events("a", "Sichuan published a metaverse action plan in August.", META)
    assert (row["date"], row["kind"], row["entity"]) == ("2023-08-01", "plan", "Sichuan")


def test_a_target_year_alone_is_not_an_event_date_when_a_finer_one_exists() -> None:
    text = "In December 2023, Shanghai issued a plan to reach 350 billion yuan by 2025."
    (row,) = extract_events("a", text, META)
    assert (row["date"], row["date_precision"]) == ("2023-12-01", "month")


def test_sentences_without_event_verbs_or_dates_are_not_events() -> None:
    assert extract_events("a", "The metaverse is popular. Shanghai announced a plan.", META) == []
    assert extract_events("a", "In 2022 the metaverse was popular.", META) == []


def test_a_target_year_after_the_article_is_no_event_and_an_amount_no_date() -> None:
    assert (
        extract_events("a", "Analysts said the market could reach 400 billion yuan by 2025.", META)
        == []
    )
    assert extract_events("a", "湖北省提出，全省元宇宙产业规模力争达到2000亿元。", META) == []
    assert extract_events("a", "More than 2000 companies announced metaverse plans.", META) == []


def test_the_place_of_a_dateline_is_not_the_event_s_actor() -> None:
    text = (
        "新华社北京4月2日电（记者 王小明）截至2023年底，"
        "我国已有20余个省区市发布元宇宙相关政策文件。"
    )
    (row,) = extract_events("a", text, {"published": dt.date(2024, 4, 2), "title": ""})
    assert row["entity"] != "Beijing"
