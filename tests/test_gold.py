"""The extractor against the hand-annotated gold: the five seed articles (fixtures/GOLD.md) and
the held-out style gold set (fixtures/gold/README.md), strict and quantity scores."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.extract.corpus import extract_folder
from briefing.extract.scoring import (
    ARTICLES_DIR,
    GOLD_DIR,
    Score,
    StrictScore,
    load_gold,
    load_gold_set,
    score,
    score_gold_set,
    score_quantities,
    strict_score,
)


@pytest.fixture(scope="module")
def result() -> Score:
    return score(extract_folder(ARTICLES_DIR), load_gold())


def test_figures_found_with_high_precision_and_recall(result: Score) -> None:
    assert result.precision >= 0.95, [p["text"] for p in result.spurious]
    assert result.recall >= 0.95, [g["quote"] for g in result.missed]


def test_every_gold_quote_is_in_its_article() -> None:
    from briefing.extract.scoring import locate_gold

    rows = locate_gold(load_gold().to_dict("records"))
    assert all(r["start"] is not None for r in rows), [
        r["quote"] for r in rows if r["start"] is None
    ]


def test_on_topic_is_right_for_most_figures(result: Score) -> None:
    assert result.field_accuracy("on_topic") >= 0.95


def test_measure_and_year_on_topic_figures(result: Score) -> None:
    assert result.field_accuracy("measure", on_topic_only=True) >= 0.95
    assert result.field_accuracy("year", on_topic_only=True) >= 0.95


def test_entity_of_on_topic_figures(result: Score) -> None:
    assert result.field_accuracy("entity", on_topic_only=True) >= 0.90


def test_score_quantities_accepts_bench_style_rows() -> None:
    gold = load_gold()
    row = gold.iloc[0]
    found = [
        {"article": row.article, "text": row.quote, "value": float(row.value), "unit": row.unit}
    ]
    got = score_quantities(found, gold)
    assert got["precision"] == 1.0
    assert got["recall"] == pytest.approx(1 / len(gold))


def test_a_wrong_value_is_not_a_match() -> None:
    gold = load_gold().head(1)
    wrong = pd.DataFrame(
        [
            {
                "article": gold.iloc[0].article,
                "text": gold.iloc[0].quote,
                "value": 999.0,
                "unit": gold.iloc[0].unit,
            }
        ]
    )
    assert score(wrong, gold).precision == 0.0


# ---------------------------------------------------------------- the held-out style gold set
# tests/fixtures/gold/<batch>/ (branches gold-a, gold-b, gold-c); skipped until merged.

#: Floors on the tune split (40 articles, 778 figures, batches a, b, c and the later d-en,
#: d-zh): measured 2026-12-06 strict F1 0.903, quantity F1 0.983, entity 0.963, year 0.958,
#: measure 0.974-0.983, minus 0.02. The issue's goal is strict F1 >= 0.90 and quantity F1 >=
#: 0.95 on the tune part; the unseen part is reported, never asserted.
STRICT_F1_FLOOR = 0.88
QUANTITY_F1_FLOOR = 0.96
MEASURE_ACCURACY_FLOOR = 0.96
YEAR_ACCURACY_FLOOR = 0.93
ENTITY_ACCURACY_FLOOR = 0.94


@pytest.fixture(scope="module")
def tune() -> StrictScore:
    if not any(GOLD_DIR.glob("*/facts.csv")):
        pytest.skip("the gold set (tests/fixtures/gold/<batch>/) is not merged yet")
    return score_gold_set(load_gold_set(GOLD_DIR), "tune")


def test_strict_score_on_the_tune_split(tune: StrictScore) -> None:
    assert tune.strict_f1 >= STRICT_F1_FLOOR
    assert tune.quantities.f1 >= QUANTITY_F1_FLOOR
    assert tune.quantities.field_accuracy("measure") >= MEASURE_ACCURACY_FLOOR
    assert tune.quantities.field_accuracy("entity", on_topic_only=True) >= ENTITY_ACCURACY_FLOOR


def test_year_accuracy_on_the_tune_split(tune: StrictScore) -> None:
    assert tune.quantities.field_accuracy("year") >= YEAR_ACCURACY_FLOOR


def _gold_row(**fields: object) -> dict:
    row = {
        "article": "a",
        "quote": "10 firms",
        "value": "10",
        "unit": "count",
        "entity": "Henan",
        "year": "2025",
        "measure": "companies",
        "on_topic": "true",
        "start": 0,
        "end": 8,
    }
    row.update(fields)
    return row


def _predicted(**fields: object) -> dict:
    row = {
        "article": "a",
        "text": "10 firms",
        "value": 10.0,
        "unit": "count",
        "entity": "Henan",
        "year": 2025,
        "measure": "companies",
        "start": 0,
        "end": 8,
    }
    row.update(fields)
    return row


def test_a_strict_match_needs_entity_year_and_measure() -> None:
    assert strict_score([_predicted()], [_gold_row()]).strict_f1 == 1.0
    for wrong in ({"entity": "China"}, {"year": 2024}, {"measure": "other"}):
        result = strict_score([_predicted(**wrong)], [_gold_row()])
        assert result.quantities.f1 == 1.0
        assert result.strict_f1 == 0.0
        assert result.strict_misses[0][0] is not None


def test_entity_is_not_scored_on_off_topic_gold_rows() -> None:
    result = strict_score([_predicted(entity="China")], [_gold_row(on_topic="false")])
    assert result.strict_f1 == 1.0
