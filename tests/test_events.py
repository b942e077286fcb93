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
