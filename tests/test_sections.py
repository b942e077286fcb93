"""The tables behind the briefing's sections, specified on a hand-made facts table.

tests/fixtures/facts_small.csv holds figures read by hand from data/articles (real offsets,
real sentences), in the schema's columns; the extractor's output has the same shape.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from briefing.claims import merge_claims
from briefing.sections import (
    caveats,
    companies,
    geography,
    market,
    patents,
    sources,
    summary,
    targets,
    timeline,
)
from briefing.sections._common import format_amount

FIXTURE = Path(__file__).parent / "fixtures" / "facts_small.csv"
CRYPTONOMIST = "2024-01-22-cryptonomist-miit-metaverse-working-group"


@pytest.fixture
def facts() -> pd.DataFrame:
    return pd.read_csv(FIXTURE)


@pytest.fixture
def claims(facts: pd.DataFrame) -> pd.DataFrame:
    return merge_claims(facts)


def _add_fact(facts: pd.DataFrame, **fields) -> pd.DataFrame:
    """A new article's figure: copies a row's provenance, overrides the given fields."""
    base = {
        "counted": None,
        "conversion_of": None,
        "on_topic": True,
        "qualifier": "exact",
        "value_high": None,
    }
    row = facts.iloc[0].to_dict() | base | fields
    row["id"] = f"{row['article']}:{row['start']}"
    return pd.concat([facts, pd.DataFrame([row])], ignore_index=True)


# --- formatting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (250e9, "CNY", None, "¥250bn"),
        (35.1e9, "USD", None, "$35.1bn"),
        (106102.8e6, "USD", None, "$106.1bn"),
        (14291, "count", None, "14,291"),
        (16252.4, "count", None, "16,252"),
        (500, "count", "more_than", "more than 500"),
        (39.5, "percent", None, "39.5%"),
        (1.2e12, "CNY", "about", "about ¥1.2tn"),
        (3.5e6, "HKD", None, "HK$3.5m"),
        (800_000, "CNY", None, "¥800,000"),
        (float("nan"), "CNY", None, "n/a"),
    ],
)
def test_figures_are_written_as_a_reader_expects(value, unit, qualifier, expected):
    assert format_amount(value, unit, qualifier) == expected


# --- targets ------------------------------------------------------------------------------


def test_targets_are_sorted_largest_first_with_usd_basis(claims, facts):
    table = targets.table(claims, 7.1, facts)
    assert list(table["entity"]) == ["Sichuan", "Shandong"]
    sichuan, shandong = table.iloc[0], table.iloc[1]
    # Sichuan's article converts it itself: 35.1 billion dollars, not 250/7.1.
    assert sichuan["value_usd"] == pytest.approx(35.1e9)
    assert sichuan["usd_basis"] == "article"
    # Shandong's does not: converted at the parameter, and said so.
    assert shandong["value_usd"] == pytest.approx(150e9 / 7.1)
    assert shandong["usd_basis"] == "parameter"
    assert int(sichuan["year"]) == 2025


def test_targets_follow_the_exchange_rate_parameter(claims, facts):
    at_7 = targets.table(claims, 7.0, facts).set_index("entity")
    at_8 = targets.table(claims, 8.0, facts).set_index("entity")
    assert at_7.loc["Shandong", "value_usd"] > at_8.loc["Shandong", "value_usd"]
    assert at_7.loc["Sichuan", "value_usd"] == at_8.loc["Sichuan", "value_usd"]


def test_a_new_provincial_target_enters_the_ranking(facts):
    more = _add_fact(
        facts,
        article="2024-05-01-new",
        start=10,
        text="300 billion yuan",
        value=300e9,
        unit="CNY",
        measure="market_size_target",
        entity="Zhejiang",
        year=2026,
    )
    table = targets.chartable(targets.table(merge_claims(more), 7.1, more))
    assert list(table["label"]) == ["Zhejiang (2026)", "Sichuan (2025)", "Shandong (2025)"]


def test_targets_of_one_place_and_year_are_told_apart_by_scope_or_number(facts):
    sentence = "到2025年，全市元宇宙核心产业规模突破300亿元，带动相关产业规模超过1000亿元。"
    more = facts
    for start, text, value in ((20, "突破300亿元", 30e9), (40, "超过1000亿元", 100e9)):
        more = _add_fact(
            more, article="2023-09-08-plan", start=start, text=text, value=value, unit="CNY",
            measure="market_size_target", entity="Zhengzhou", year=2025, sentence=sentence,
        )  # fmt: skip
    bars = targets.chartable(targets.table(merge_claims(more), 7.1, more), facts=more)
    labels = list(bars["label"])
    # the chart draws the metaverse's own target; the driven industries' stays in the table
    assert "Zhengzhou (2025), core" in labels and "Zhengzhou (2025), related" not in labels
    assert len(set(labels)) == len(labels)
    unread = list(targets.chartable(targets.table(merge_claims(more), 7.1))["label"])
    assert "Zhengzhou (2025) #1" in unread and len(set(unread)) == len(unread)


def test_conflicting_targets_are_never_ranked_or_averaged(facts):
    more = _add_fact(
        facts,
        article="2024-05-01-new",
        start=10,
        text="300 billion yuan",
        value=300e9,
        unit="CNY",
        measure="market_size_target",
        entity="Sichuan",
        year=2025,
    )
    table = targets.table(merge_claims(more), 7.1, more)
    sichuan = table[table["entity"] == "Sichuan"].iloc[0]
    assert sichuan["conflict"]
    assert math.isnan(sichuan["value_cny"])
    assert "Sichuan" not in set(targets.chartable(table)["entity"])


def test_no_targets_gives_an_empty_table_not_an_error(claims, facts):
    table = targets.table(claims[claims["measure"] != "market_size_target"], 7.1, facts)
    assert table.empty


def test_exchange_rate_must_be_positive(claims):
    with pytest.raises(ValueError, match="cny_per_usd"):
        targets.table(claims, 0)


# --- patents ------------------------------------------------------------------------------


def test_patents_derive_rest_of_world_and_total_and_label_them(claims):
    table = patents.table(claims).set_index("entity")
    assert table.loc["China", "patents"] == 14291
    assert table.loc["United States", "share_pct"] == 36
    assert not table.loc["China", "derived"]
    assert table.loc[patents.REST_OF_WORLD, "derived"]
    assert table.loc[patents.REST_OF_WORLD, "share_pct"] == pytest.approx(34)
    total = table.loc[patents.GLOBAL_TOTAL, "patents"]
    assert 47_000 < total < 48_500
    rest = table.loc[patents.REST_OF_WORLD, "patents"]
    assert rest == pytest.approx(total - 14291 - 17293)


def test_no_rest_of_world_when_a_listed_country_s_share_is_unknown(facts):
    no_china_share = facts[
        ~((facts["measure"] == "patent_share") & (facts["entity"] == "China"))
    ].reset_index(drop=True)
    table = patents.table(merge_claims(no_china_share)).set_index("entity")
    assert pd.isna(table.loc["China", "share_pct"])
    # 100% - 36% would be "the rest of the world" with China inside it
    assert patents.REST_OF_WORLD not in table.index


def test_counts_and_shares_are_checked_for_consistency(claims):
    check = patents.consistency(patents.table(claims))
    assert check is not None and check.consistent
    assert check.totals["China"] == pytest.approx(14291 / 0.30)
    assert check.spread < 0.01


def test_an_inconsistent_share_is_caught(facts):
    changed = facts.copy()
    changed.loc[
        (changed["measure"] == "patent_share") & (changed["entity"] == "China"), "value"
    ] = 20
    check = patents.consistency(patents.table(merge_claims(changed)))
    assert check is not None and not check.consistent


# --- companies and alliances --------------------------------------------------------------


def test_bodies_separate_founding_and_member_counts(claims):
    table = companies.table(claims).set_index("body")
    guangzhou = table.loc["Guangzhou Metaverse Innovation Association"]
    assert guangzhou["founding_count"] == 5
    assert guangzhou["member_count"] == 23
    assert table.loc["China Mobile Metaverse Industry Alliance", "member_count"] == 24
    assert table.index[0] == "China Mobile Metaverse Industry Alliance"


@pytest.mark.parametrize(
    ("sentence", "figure", "founding"),
    [
        ("Five tech companies on Friday established the association.", "Five", True),
        ("Following its establishment, the association now counts 23 companies.", "23", False),
        ("An alliance that includes 24 tech companies.", "24", False),
        ("Its 12 founding members are state firms.", "12", True),
        ("联盟由 30 家企业发起成立。", "30", True),
    ],
)
def test_founding_counts_are_told_from_member_counts(sentence, figure, founding):
    assert companies.is_founding(sentence, figure) is founding


def test_named_members_come_from_the_body_paragraph():
    texts = {
        "a": (
            "MIIT formed a metaverse working group.\n"
            "The working group includes Huawei and Sense Time."
        ),
        "b": "Unrelated paragraph naming Huawei.",
    }
    aliases = {"Huawei": "Huawei", "Sense Time": "SenseTime"}

    def find(text: str) -> list[str]:
        return [canon for alias, canon in aliases.items() if alias in text]

    members = companies.named_members(texts, ["working group"], find)
    assert members.values.tolist() == [
        ["working group", "Huawei", "a"],
        ["working group", "SenseTime", "a"],
    ]
    grid = companies.matrix(members)
    assert grid.loc["SenseTime", "working group"] == 1


# --- market, geography, timeline ----------------------------------------------------------


def test_market_lists_each_indicator_with_year(claims):
    table = market.table(claims)
    assert list(dict.fromkeys(table["measure"])) == [
        "market_size",
        "growth_rate",
        "trademark_applications",
        "companies",
        "gdp_share",
    ]
    row = table[table["measure"] == "trademark_applications"].iloc[0]
    assert (row["figure"], row["year"]) == ("16,000", "2022")
    companies_row = table[(table["measure"] == "companies") & (table["entity"] == "China")].iloc[0]
    assert companies_row["figure"] == "more than 500"


def test_geography_places_commitments_on_tiles(claims):
    texts = {"a": "Beijing and Shanghai lead; Sichuan follows. 北京"}
    table = geography.table(claims, texts).set_index("place")
    assert table.loc["Sichuan", "commitments"] == ["market-size target ¥250bn by 2025"]
    assert (table.loc["Sichuan", "row"], table.loc["Sichuan", "col"]) == geography.TILES["Sichuan"]
    assert table.loc["Nansha", "province"] == "Guangdong"
    # 北京 is Beijing: one place, named by one article
    assert table.loc["Beijing", "mentions"] == 1 and "北京" not in table.index
    tiles = geography.by_province(table.reset_index()).set_index("province")
    assert tiles.loc["Guangdong", "n_commitments"] == 1
    assert len(tiles) == len(geography.TILES)


def test_timeline_sorts_dated_events_and_merges_repeats():
    def event(article, start, date, precision, kind, actor, label, on_topic=True):
        return {"article": article, "start": start, "end": start + 4, "text": "", "date": date,
                "precision": precision, "kind": kind, "actor": actor, "label": label,
                "sources": article, "sentence": label + ".", "on_topic": on_topic,
                "date_rule": "date", "actor_rule": "subject"}  # fmt: skip

    events = pd.DataFrame(
        [
            event("b", 5, "2024-01-19", "day", "alliance", "MIIT", "MIIT forms working group"),
            event("a", 1, "2024-01-19", "day", "alliance", "MIIT", "MIIT forms working group"),
            event("a", 9, "2023-08-01", "month", "plan", "Sichuan", "Sichuan publishes plan"),
            event("a", 20, "2021-01-01", "year", "other", "Meta", "Meta renames", False),
        ],
        columns=list(timeline.EVENT_COLUMNS),
    )
    table = timeline.table(events)
    assert list(table["date"]) == ["2023-08", "2024-01-19"]  # each date at its precision
    assert list(table["label"]) == ["Sichuan publishes plan", "MIIT forms working group"]
    assert table.iloc[1]["articles"] == ["a", "b"]
    assert timeline.table(events.iloc[0:0]).empty


# --- caveats and sources ------------------------------------------------------------------


def test_caveats_list_single_source_conflicts_and_off_topic(facts):
    more = _add_fact(
        facts,
        article="2024-05-01-new",
        start=10,
        text="20,000",
        value=20000,
        unit="count",
        counted="metaverse-related patents",
        measure="patents",
        entity="China",
        year=2022,
        outlet="New Outlet",
    )
    claims = merge_claims(more)
    disputed = caveats.conflicts(claims, more)
    assert sorted(disputed["figure"]) == ["14,291", "20,000"]
    assert set(disputed["outlet"]) == {"New Outlet", "unknown (crypto/web3 news site)"}
    off = caveats.off_topic(more)
    assert list(off["text"]) == ["350,000", "600,000"]
    single = caveats.single_source(claims)
    assert "patents" not in set(single[single["entity"] == "China"]["measure"])
    assert len(single) > 5


def test_every_outlet_gets_a_reliability_note(facts):
    table = sources.articles(facts).set_index("outlet")
    assert "newspaper" in table.loc["South China Morning Post", "reliability"]
    assert "Crypto" in table.loc["unknown (crypto/web3 news site)", "reliability"]
    assert sources.reliability("Some Blog Nobody Knows", sources.load_outlet_notes()).startswith(
        "Unknown outlet"
    )
    assert list(table["published"]) == sorted(table["published"])


def test_chinese_outlet_names_and_government_publishers_are_known():
    notes = sources.load_outlet_notes()
    assert "state news agency" in sources.reliability("新华社", notes)
    for publisher in ("河南省人民政府", "Ministry of Industry and Information Technology"):
        assert sources.reliability(publisher, notes).startswith("Official government")


def test_input_problems_are_read_or_empty(tmp_path):
    assert sources.input_problems(tmp_path).empty
    (tmp_path / "input_problems.csv").write_text(
        "path,problem,detail\nz.bin,unsupported,binary\na.txt,empty,0 bytes\n", encoding="utf-8"
    )
    assert list(sources.input_problems(tmp_path)["path"]) == ["a.txt", "z.bin"]


# --- summary ------------------------------------------------------------------------------


def test_summary_picks_five_to_eight_key_numbers_from_the_sections(claims, facts):
    keys = summary.key_numbers(claims, 7.1, facts).set_index("key")
    assert 5 <= len(keys) <= 8
    assert keys.loc["largest_target", "figure"] == "¥250bn"
    assert keys.loc["largest_target", "fact_id"].startswith(CRYPTONOMIST)
    assert keys.loc["patent_share:China", "figure"] == "30%"
    assert keys.loc["largest_body", "figure"] == "24"


def test_summary_follows_a_new_largest_target(facts):
    more = _add_fact(
        facts,
        article="2024-05-01-new",
        start=10,
        text="1 trillion yuan",
        value=1e12,
        unit="CNY",
        measure="market_size_target",
        entity="Guangdong",
        year=2027,
    )
    keys = summary.key_numbers(merge_claims(more), 7.1, more).set_index("key")
    assert keys.loc["largest_target", "label"] == "Guangdong's market-size target for 2027"
    assert keys.loc["largest_target", "figure"] == "¥1tn"


def test_summary_counts_are_reported_ones_the_country_s_first_and_a_goal_says_so(facts):
    def count(more, start, value, entity, year, measure="companies", sentence="x"):
        return _add_fact(
            more, article="2024-01-22-new", start=start, text=str(value), value=value,
            unit="count", measure=measure, entity=entity, year=year, sentence=sentence,
        )  # fmt: skip

    more = count(facts, 1, 50, "Cyberport", 2026)  # a plan: after the newest article
    more = count(more, 2, 200, "Cyberport", 2023)
    more = count(more, 3, 12000, "China", 2023)
    keys = summary.key_numbers(merge_claims(more), 7.1, more).set_index("key")
    assert keys.loc["companies", "figure"] == "12,000"
    assert keys.loc["companies", "label"] == "companies (China, 2023)"
    # a goal is labelled as one where the summary shows it (a GDP share)
    assert "target for 2025" in keys.loc["gdp_share", "label"]


def test_summary_growth_is_a_market_s_growth_before_funding_s(facts):
    more = facts
    for start, value, sentence in (
        (5, -38.0, "Venture funding for start-ups fell 38% in 2023."),
        (6, 12.0, "The metaverse industry grew 12% in 2022."),
    ):
        more = _add_fact(
            more, article="2024-01-22-new", start=start, text=f"{value}%", value=value,
            unit="percent", measure="growth_rate", entity="China", year=2023 if value < 0 else 2022,
            sentence=sentence,
        )  # fmt: skip
    keys = summary.key_numbers(merge_claims(more), 7.1, more).set_index("key")
    assert keys.loc["growth_rate", "figure"] in {"12%", "39.5%"}
    assert keys.loc["growth_rate", "label"].startswith("market growth")


def test_summary_of_nothing_is_empty(facts):
    assert summary.key_numbers(merge_claims(facts.iloc[0:0]), 7.1, facts.iloc[0:0]).empty


def test_an_article_without_figures_is_still_listed_as_a_source(facts):
    from briefing.articles import load_corpus

    corpus = load_corpus(Path(__file__).parents[1] / "data" / "articles").articles
    listed = sources.articles(facts, corpus=corpus)
    assert set(listed["article"]) == {a.id for a in corpus} | set(facts["article"])
    without = listed[~listed["article"].isin(set(facts["article"]))]
    assert len(without) and (without["n_facts"] == 0).all()
    assert without["reliability"].str.len().gt(0).all()


def test_only_companies_enter_the_matrix_with_aliases_resolved():
    names = companies.companies_named(
        "Sense Time, SenseTime and iFlyTek joined the alliance in Guangzhou with MIIT."
    )
    assert "SenseTime" in names and "Sense Time" not in names
    assert "iFlytek" in names
    assert "Guangzhou" not in names


def test_appendix_keeps_the_most_reported_on_topic_figures_when_capped():
    facts = pd.DataFrame(
        {
            "id": ["a:1", "a:2", "b:1", "c:1"],
            "article": ["a", "a", "b", "c"],
            "start": [1, 2, 1, 1],
            "text": ["1", "2", "3", "4"],
            "measure": ["other", "companies", "companies", "companies"],
            "entity": ["X"] * 4,
            "year": [None] * 4,
            "on_topic": [True, True, True, False],
            "outlet": ["o"] * 4,
            "published": ["2024-01-01"] * 4,
            "sentence": ["s"] * 4,
        }
    )
    claims = pd.DataFrame({"fact_ids": [["b:1", "a:2"], ["a:1"]], "n_sources": [2, 1]})
    from briefing.sections import sources

    assert sources.facts_appendix(facts, claims, limit=2)["id"].tolist() == ["a:2", "b:1"]
    assert len(sources.facts_appendix(facts, claims, limit=10)) == 4


@pytest.mark.parametrize(
    ("value", "high", "unit", "expected"),
    [
        (100, 200, "count", "100 to 200"),
        (10, 20, "percent", "10% to 20%"),
        (3e9, 5e9, "CNY", "¥3bn to ¥5bn"),
        (100, float("nan"), "count", "100"),
        (100, 100, "count", "100"),
    ],
)
def test_a_range_is_shown_with_both_bounds(value, high, unit, expected):
    assert format_amount(value, unit, None, high) == expected


def test_a_place_with_many_commitments_shows_the_best_sourced_and_counts_the_rest():
    rows = [
        {
            "claim_id": f"c{i}", "measure": "projects", "entity": "Sichuan", "year": 2025,
            "value": float(i + 1), "value_high": float("nan"), "unit": "count",
            "qualifier": "exact", "conflict": False, "n_sources": 3 if i == 9 else 1,
            "fact_ids": [f"a:{i}"],
        }
        for i in range(12)
    ]  # fmt: skip
    table = geography.table(pd.DataFrame(rows)).set_index("place")
    shown = table.loc["Sichuan", "commitments"]
    assert table.loc["Sichuan", "n_commitments"] == 12
    assert len(shown) == geography.MAX_COMMITMENTS_SHOWN + 1
    assert shown[0] == "projects 10 by 2025"  # the claim three sources report
    assert shown[-1] == f"and {12 - geography.MAX_COMMITMENTS_SHOWN} more"
    assert table.loc["Sichuan", "fact_ids"][0] == "a:9"
    assert len(table.loc["Sichuan", "fact_ids"]) == geography.MAX_COMMITMENTS_SHOWN


def test_the_largest_target_is_the_metaverse_s_own_not_the_industries_it_drives(facts):
    sentence = (
        "到2025年，上海元宇宙相关产业规模达到3500亿元，带动全市软件和信息服务业规模超过15000亿元。"
    )
    more = facts
    for start, text, value in ((20, "3500亿元", 350e9), (40, "超过15000亿元", 1.5e12)):
        more = _add_fact(
            more, article="2022-07-08-plan", start=start, text=text, value=value, unit="CNY",
            measure="market_size_target", entity="Shanghai", year=2025, sentence=sentence,
        )  # fmt: skip
    table = targets.table(merge_claims(more), 7.1, more)
    assert set(table.loc[table["entity"] == "Shanghai", "scope"]) == {"", "related"}
    keys = summary.key_numbers(merge_claims(more), 7.1, more).set_index("key")
    assert keys.loc["largest_target", "figure"] == "¥350bn"
    assert "Shanghai (2025)" in list(targets.chartable(table)["label"])
    assert not any("related" in label for label in targets.chartable(table)["label"])


def test_a_scope_reaches_every_item_of_its_clause_s_list(facts):
    sentence = (
        "到2025年，上海元宇宙相关产业规模达到3500亿元，"
        "带动全市软件和信息服务业规模超过15000亿元、电子信息制造业规模突破5500亿元。"
    )
    more = facts
    for text, value in (("3500亿元", 350e9), ("超过15000亿元", 1.5e12), ("突破5500亿元", 550e9)):
        more = _add_fact(
            more, article="2022-07-08-plan", start=sentence.index(text), text=text, value=value,
            unit="CNY", measure="market_size_target", entity="Shanghai", year=2025,
            sentence=sentence,
        )  # fmt: skip
    table = targets.table(merge_claims(more), 7.1, more).set_index("value_cny")
    assert (table.loc[350e9, "scope"], table.loc[1.5e12, "scope"], table.loc[550e9, "scope"]) == (
        "",
        "related",
        "related",
    )


def test_a_count_is_paired_with_the_share_of_its_own_year(facts):
    more = _add_fact(
        facts, article="2024-05-01-new", start=10, text="2,317 filings", value=2317.0,
        unit="count", measure="patents", entity="China", year=2023,
    )  # fmt: skip
    table = patents.table(merge_claims(more)).set_index("entity")
    assert table.loc["China", "patents"] == 14291  # the 2022 count that goes with 30%
    assert table.loc["China", "share_pct"] == 30


# --- chart source lines ---------------------------------------------------------------------


def _outlets() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["f1", "f2", "f3", "f4"],
            "article": ["crypto", "crypto", "scmp", "mystery"],
            "outlet": ["The Cryptonomist", "The Cryptonomist", "South China Morning Post", None],
            "published": ["2024-01-22", "2024-01-22", "2022-03-20", None],
        }
    )


def test_a_chart_names_only_the_articles_behind_its_data():
    from briefing.sections import articles_of, source_line

    facts = _outlets()
    assert articles_of(facts, [["f1"], ["f2"]]) == ["crypto"]
    assert source_line(facts, articles_of(facts, [["f1", "f2"]])) == (
        "Source: The Cryptonomist, 2024-01-22"
    )
    # oldest first; an article with no outlet or date is named by its id
    assert source_line(facts, ["crypto", "scmp", "mystery"]) == (
        "Sources: South China Morning Post, 2022-03-20; The Cryptonomist, 2024-01-22; mystery"
    )


def test_a_chart_with_many_sources_counts_the_rest():
    from briefing.sections import source_line

    facts = pd.DataFrame(
        {
            "id": [f"f{i}" for i in range(7)],
            "article": [f"a{i}" for i in range(7)],
            "outlet": ["Xinhua"] * 7,
            "published": [f"2023-0{i + 1}-01" for i in range(7)],
        }
    )
    line = source_line(facts, [[f"a{i}"] for i in range(7)], limit=4)
    assert line == (
        "Sources: Xinhua, 2023-01-01; Xinhua, 2023-02-01; Xinhua, 2023-03-01; "
        "Xinhua, 2023-04-01; and 3 more articles"
    )
    assert source_line(facts, []) == ""


def test_summary_works_without_any_article_date(facts):
    undated = facts.assign(published=None)
    keys = summary.key_numbers(merge_claims(undated), 7.1, undated).set_index("key")
    assert keys.loc["companies", "figure"] == "more than 500"
    assert keys.loc["gdp_share", "label"] == "digital economy share of GDP (China, 2025)"


def test_timeline_keeps_the_latest_events_when_there_are_many():
    events = pd.DataFrame(
        [
            {
                "article": "a",
                "start": i,
                "date": f"20{10 + i}-01-01",
                "precision": "year",
                "kind": "plan",
                "actor": f"P{i}",
                "label": f"P{i} publishes plan",
                "sources": "a",
                "sentence": "",
                "on_topic": True,
            }
            for i in range(5)
        ]
    )
    table = timeline.table(events, top_n=2)
    assert list(table["date"]) == ["2013", "2014"]
