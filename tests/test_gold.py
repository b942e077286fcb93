"""The extractor against the hand-annotated gold set of the five articles (see fixtures/GOLD.md)."""

from __future__ import annotations

import pandas as pd
import pytest

from briefing.extract.corpus import extract_folder
from briefing.extract.scoring import ARTICLES_DIR, Score, load_gold, score, score_quantities


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
