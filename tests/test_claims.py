"""Specification: figures reported by several articles become one claim listing every
source; disagreeing figures are flagged, never averaged (issue 4)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from briefing.claims import CLAIM_COLUMNS, conflicts, merge_claims, normalise_counted, single_source
from briefing.schema import FACT_COLUMNS


def fact(article: str, start: int, value: float, **fields) -> dict:
    """A facts-table row with every schema column; defaults describe Sichuan's target."""
    row = dict.fromkeys(FACT_COLUMNS)
    row.update(
        id=f"{article}:{start}",
        article=article,
        start=start,
        end=start + 10,
        text=f"{value:g} billion yuan",
        value=value,
        unit="CNY",
        qualifier="exact",
        measure="market_size_target",
        entity="Sichuan",
        year=2025,
        on_topic=True,
        sentence=f"{article} sentence about {value:g}.",
        outlet=f"Outlet of {article}",
        published="2024-01-22",
    )
    row.update(fields)
    return row


def claims_of(*rows: dict, **kwargs) -> pd.DataFrame:
    return merge_claims(pd.DataFrame(rows, columns=list(FACT_COLUMNS)), **kwargs)


def test_the_same_target_in_two_articles_is_one_claim_with_both_sources() -> None:
    claims = claims_of(
        fact("b-article", 40, 250e9, text="250 billion yuan"),
        fact("a-article", 900, 250e9, text="250bn yuan", outlet="A Outlet", published="2024-01-20"),
    )
    [claim] = claims.to_dict("records")
    assert claim["value"] == 250e9
    assert claim["n_sources"] == 2
    assert claim["articles"] == ["a-article", "b-article"]
    assert claim["outlets"] == ["A Outlet", "Outlet of b-article"]
    assert claim["published"] == ["2024-01-20", "2024-01-22"]
    assert claim["fact_ids"] == ["a-article:900", "b-article:40"]
    assert claim["quotes"] == [
        "a-article sentence about 2.5e+11.",
        "b-article sentence about 2.5e+11.",
    ]
    assert claim["texts"] == ["250bn yuan", "250 billion yuan"]
    assert not claim["conflict"]
    assert claim["conflict_note"] == ""
    assert list(claims.columns) == list(CLAIM_COLUMNS)


def test_values_within_relative_tolerance_agree_and_report_the_commonest_value() -> None:
    claims = claims_of(
        fact("a", 1, 14291, unit="count", measure="patents", entity="China", counted="patents"),
        fact("b", 1, 14300, unit="count", measure="patents", entity="China", counted="patents"),
        fact("c", 1, 14291, unit="count", measure="patents", entity="China", counted="patents"),
    )
    [claim] = claims.to_dict("records")
    assert not claim["conflict"]
    assert claim["value"] == 14291
    assert claim["values"] == [14291, 14300]


def test_conflicting_values_are_flagged_and_never_averaged() -> None:
    claims = claims_of(
        fact("a", 1, 14291, text="14,291", unit="count", measure="patents", entity="China"),
        fact("b", 1, 15000, text="15,000", unit="count", measure="patents", entity="China"),
    )
    [claim] = claims.to_dict("records")
    assert claim["conflict"]
    assert math.isnan(claim["value"])
    assert claim["qualifier"] is None
    assert claim["values"] == [14291, 15000]
    assert claim["conflict_note"] == "a says 14,291; b says 15,000"
    assert len(conflicts(claims)) == 1


def test_two_figures_from_one_article_are_two_claims_not_a_conflict() -> None:
    # "more than 300 companies in the district, 10 of which are listed": the article tells
    # two figures apart; it does not disagree with itself.
    companies = dict(unit="count", measure="companies", entity="Nansha", year=None)
    claims = claims_of(
        fact("a", 1, 300, text="more than 300", qualifier="more_than", **companies),
        fact("a", 60, 10, text="10 of which", **companies),
    )
    assert conflicts(claims).empty
    assert claims["value"].tolist() == [10, 300]
    assert claims["texts"].tolist() == [["10 of which"], ["more than 300"]]
    assert claims["claim_id"].nunique() == 2


def test_an_article_with_two_figures_still_agrees_and_disagrees_with_others() -> None:
    # b repeats a's 300 (merged with it); a's 10 stays a figure of its own.
    companies = dict(unit="count", measure="companies", entity="Nansha", year=None)
    claims = claims_of(
        fact("a", 1, 300, **companies),
        fact("a", 60, 10, **companies),
        fact("b", 1, 300, **companies),
    )
    assert conflicts(claims).empty
    assert claims["n_sources"].tolist() == [1, 2]
    assert claims["articles"].tolist() == [["a"], ["a", "b"]]


def test_an_article_with_two_figures_does_not_hide_a_third_source_that_disagrees() -> None:
    # a gives two forecasts (about 1 trillion and 1.2 trillion), b agrees with the first,
    # c says 400 billion: c disagrees with every other source, so the key is disputed
    market = dict(unit="CNY", measure="market_size", entity="China", year=2025)
    claims = claims_of(
        fact("a", 1, 1.0e12, qualifier="more_than", **market),
        fact("a", 60, 1.2e12, qualifier="about", **market),
        fact("b", 1, 0.8e12, value_high=1.0e12, **market),
        fact("c", 1, 0.4e12, **market),
    )
    assert len(claims) == 1
    assert claims["conflict"].tolist() == [True]
    assert "c says" in claims["conflict_note"].iloc[0]


def test_one_figure_per_article_that_differ_is_still_a_conflict() -> None:
    companies = dict(unit="count", measure="companies", entity="Nansha", year=None)
    claims = claims_of(
        fact("a", 1, 300, **companies),
        fact("a", 90, 300, **companies),  # the same figure again in a
        fact("b", 1, 500, **companies),
    )
    assert conflicts(claims)["values"].tolist() == [[300, 500]]


def test_different_years_are_different_claims() -> None:
    claims = claims_of(fact("a", 1, 250e9, year=2025), fact("b", 1, 250e9, year=2026))
    assert list(claims["year"]) == [2025, 2026]
    assert list(claims["n_sources"]) == [1, 1]


def test_different_entities_are_different_claims() -> None:
    claims = claims_of(fact("a", 1, 150e9, entity="Shandong"), fact("b", 1, 250e9))
    assert list(claims["entity"]) == ["Shandong", "Sichuan"]
    assert not claims["conflict"].any()


def test_different_units_and_measures_are_different_claims() -> None:
    claims = claims_of(
        fact("a", 1, 250e9),
        fact("b", 1, 35.1e9, unit="USD"),
        fact("c", 1, 250e9, measure="market_size"),
    )
    assert len(claims) == 3


def test_off_topic_facts_and_facts_without_measure_or_value_are_left_out() -> None:
    claims = claims_of(
        fact("a", 1, 250e9),
        fact("ad", 1, 999e9, on_topic=False),
        fact("ad2", 1, 999e9, on_topic="False"),
        fact("b", 1, 251e9, measure=None),
        fact("c", 1, math.nan),
    )
    [claim] = claims.to_dict("records")
    assert claim["articles"] == ["a"]


def test_conversions_are_not_claims_of_their_own() -> None:
    claims = claims_of(
        fact("a", 1, 250e9),
        fact("a", 30, 35.1e9, unit="USD", conversion_of="a:1"),
    )
    assert list(claims["unit"]) == ["CNY"]


def test_more_than_500_and_500_are_the_same_figure_shown_exactly() -> None:
    claims = claims_of(
        fact("a", 1, 500, qualifier="more_than", unit="count", measure="companies"),
        fact("b", 1, 500, qualifier="exact", unit="count", measure="companies"),
    )
    [claim] = claims.to_dict("records")
    assert not claim["conflict"]
    assert (claim["value"], claim["qualifier"]) == (500, "exact")


def test_more_than_500_agrees_with_520_but_not_with_900() -> None:
    agree = claims_of(
        fact("a", 1, 500, qualifier="more_than", unit="count"),
        fact("b", 1, 520, unit="count"),
    )
    assert not agree["conflict"].iloc[0]
    assert agree["value"].iloc[0] == 520
    clash = claims_of(
        fact("a", 1, 500, qualifier="more_than", unit="count"),
        fact("b", 1, 900, unit="count"),
    )
    assert clash["conflict"].iloc[0]


def test_an_exact_figure_below_a_lower_bound_conflicts() -> None:
    claims = claims_of(
        fact("a", 1, 500, qualifier="at_least", unit="count"),
        fact("b", 1, 400, unit="count"),
    )
    assert claims["conflict"].iloc[0]


def test_about_allows_ten_percent_and_up_to_is_an_upper_bound() -> None:
    about = claims_of(fact("a", 1, 100, qualifier="about"), fact("b", 1, 108))
    assert not about["conflict"].iloc[0]
    assert about["value"].iloc[0] == 108
    up_to = claims_of(fact("a", 1, 100, qualifier="up_to"), fact("b", 1, 120))
    assert up_to["conflict"].iloc[0]


def test_rel_tol_is_the_rounding_allowance() -> None:
    rows = (fact("a", 1, 100), fact("b", 1, 104))
    assert claims_of(*rows)["conflict"].iloc[0]
    assert not claims_of(*rows, rel_tol=0.05)["conflict"].iloc[0]


def test_ranges_agree_with_values_inside_them() -> None:
    claims = claims_of(fact("a", 1, 100, value_high=200), fact("b", 1, 150))
    assert not claims["conflict"].iloc[0]
    assert claims["value"].iloc[0] == 150


def test_counted_nouns_are_compared_by_singular_head_noun() -> None:
    assert normalise_counted("metaverse-related patents") == "patent"
    assert normalise_counted("Companies") == "company"
    assert normalise_counted("businesses") == "business"
    assert normalise_counted("企业") == "企业"
    assert normalise_counted(None) == ""
    claims = claims_of(
        fact("a", 1, 14291, unit="count", counted="metaverse-related patents"),
        fact("b", 1, 14291, unit="count", counted="patents"),
        fact("c", 1, 14291, unit="count", counted="applications"),
    )
    assert sorted(claims["n_sources"]) == [1, 2]


def test_figures_without_an_entity_are_never_merged() -> None:
    claims = claims_of(fact("a", 1, 500, entity=None), fact("b", 1, 500, entity=""))
    assert list(claims["n_sources"]) == [1, 1]
    assert claims["claim_id"].is_unique


def test_the_same_article_twice_counts_as_one_source() -> None:
    claims = claims_of(fact("a", 1, 250e9), fact("a", 500, 250e9))
    assert claims["n_sources"].iloc[0] == 1
    assert claims["fact_ids"].iloc[0] == ["a:1", "a:500"]


def test_single_source_view() -> None:
    claims = claims_of(
        fact("a", 1, 250e9), fact("b", 1, 250e9), fact("c", 1, 150e9, entity="Shandong")
    )
    assert list(single_source(claims)["entity"]) == ["Shandong"]


def test_facts_read_back_from_csv_merge_the_same_way(tmp_path) -> None:
    frame = pd.DataFrame([fact("a", 1, 250e9), fact("b", 1, 250e9)], columns=list(FACT_COLUMNS))
    frame.to_csv(tmp_path / "facts.csv", index=False)
    from_csv = merge_claims(pd.read_csv(tmp_path / "facts.csv"))
    pd.testing.assert_frame_equal(from_csv, merge_claims(frame))


def test_output_does_not_depend_on_input_order_and_ids_are_stable() -> None:
    rows = [
        fact("a", 1, 250e9),
        fact("b", 1, 250e9),
        fact("c", 1, 150e9, entity="Shandong"),
        fact("d", 1, 14291, measure="patents", entity="China", unit="count"),
    ]
    forward = claims_of(*rows)
    backward = claims_of(*reversed(rows))
    pd.testing.assert_frame_equal(forward, backward)
    assert forward["claim_id"].is_unique
    assert list(forward["measure"]) == ["market_size_target", "market_size_target", "patents"]


def test_no_facts_gives_an_empty_table_with_the_claim_columns() -> None:
    claims = merge_claims(pd.DataFrame(columns=list(FACT_COLUMNS)))
    assert claims.empty
    assert list(claims.columns) == list(CLAIM_COLUMNS)
    assert single_source(claims).empty
    assert conflicts(claims).empty


@pytest.mark.parametrize("year", [2025, 2025.0, "2025"])
def test_year_types_from_any_source_merge(year) -> None:
    claims = claims_of(fact("a", 1, 250e9, year=year), fact("b", 1, 250e9, year=2025))
    assert claims["n_sources"].iloc[0] == 2


def _rate(article: str, value: float, sentence: str, measure: str = "growth_rate") -> dict:
    text = f"{abs(value):g}%"
    return fact(
        article, 5, value, text=text, unit="percent", measure=measure, entity="China",
        year=2023, sentence=sentence,
    )  # fmt: skip


def test_rates_of_different_subjects_are_different_claims_not_a_dispute():
    claims = claims_of(
        _rate("a", -46.8, "VR headset shipments in China fell 46.8% year on year."),
        _rate("b", 40.0, "The metaverse industry is expected to grow 40% this year."),
    )
    assert len(claims) == 2 and not claims["conflict"].any()


def test_rates_of_one_subject_still_disagree():
    claims = claims_of(
        _rate("a", 12.0, "China's metaverse market grew 12% in 2023."),
        _rate("b", 40.0, "The metaverse industry is expected to grow 40% this year."),
    )
    assert len(claims) == 1 and claims["conflict"].all()


def test_unplaced_figures_are_never_merged_or_disputed():
    claims = claims_of(
        fact("a", 1, 2.0, unit="times", measure="other", entity="China", year=2022),
        fact("b", 1, 3.0, unit="times", measure="other", entity="China", year=2022),
    )
    assert len(claims) == 2 and not claims["conflict"].any()
