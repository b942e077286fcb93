"""The events extractor against the held-out style gold set (tests/fixtures/gold/*/events.csv).

The floors are what the extractor reached on the `tune` part when they were set, minus 0.02
(issue 16 asks for F1 >= 0.85 and actor accuracy >= 0.90; the actor floor is below that, and
says so). The `unseen` part is scored and printed, never asserted: it is for reporting.
"""

from __future__ import annotations

import pytest

from briefing.extract.event_scoring import (
    GOLD_DIR,
    date_agrees,
    load_event_gold,
    predict,
    score_events,
)

TUNE_F1_FLOOR = 0.935
TUNE_ACTOR_FLOOR = 0.88

needs_gold = pytest.mark.skipif(
    not any(GOLD_DIR.glob("*/events.csv")), reason="the gold batches are not in this checkout"
)


@pytest.fixture(scope="module")
def gold():
    return load_event_gold([GOLD_DIR])


@needs_gold
def test_tune_events_f1_and_actor_accuracy(gold) -> None:
    result = score_events(predict(gold, "tune"), gold.rows("tune"))
    misses = [f"{g['article']} {g['date']} {g['quote']}" for g in result.missed]
    assert result.f1 >= TUNE_F1_FLOOR, misses
    assert result.actor_accuracy >= TUNE_ACTOR_FLOOR


@needs_gold
def test_no_off_topic_gold_event_is_output(gold) -> None:
    result = score_events(predict(gold, "tune"), gold.rows("tune"))
    assert result.off_topic == []


def test_a_date_agrees_only_at_the_gold_s_precision() -> None:
    gold_month = {"date": "2022-09", "precision": "month"}
    assert date_agrees({"date": "2022-09-27", "precision": "day"}, gold_month)
    assert not date_agrees({"date": "2022-08-31", "precision": "day"}, gold_month)
    gold_day = {"date": "2022-09-01", "precision": "day"}
    assert not date_agrees({"date": "2022-09-01", "precision": "month"}, gold_day)


def test_optional_rows_neither_reward_nor_punish_and_off_topic_rows_punish() -> None:
    gold_rows = [
        {"article": "a", "date": "2022-09-27", "precision": "day", "actor": "Henan",
         "status": "gold", "quote_start": 0},
        {"article": "a", "date": "2022-07", "precision": "month", "actor": "Shanghai",
         "status": "optional", "quote_start": 50},
        {"article": "a", "date": "1996", "precision": "year", "actor": "X",
         "status": "off_topic", "quote_start": 90},
    ]  # fmt: skip
    pred = [
        {"article": "a", "date": "2022-09-27", "precision": "day", "actor": "Henan", "start": 0},
        {"article": "a", "date": "2022-07-01", "precision": "month", "actor": "Shanghai",
         "start": 50},
    ]  # fmt: skip
    result = score_events(pred, gold_rows)
    assert (result.precision, result.recall, result.actor_accuracy) == (1.0, 1.0, 1.0)
    punished = score_events([*pred, {"article": "a", "date": "1996-01-01", "precision": "year",
                                     "actor": "X", "start": 90}], gold_rows)  # fmt: skip
    assert punished.precision == 0.5 and len(punished.off_topic) == 1
