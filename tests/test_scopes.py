"""Entity, year and measure through nested scopes, each fact naming the rule that decided it.

The sentences are ours, written in the shape of provincial plans and news about them.
"""

from __future__ import annotations

import datetime as dt

from briefing.extract.facts import extract_facts

META = {"published": dt.date(2023, 5, 10), "title": ""}


def facts(text: str, meta: dict | None = None) -> list[dict]:
    return extract_facts("t", text, meta or META)


def decided(row: dict) -> tuple:
    return (row["entity"], row["entity_rule"], row["year"], row["year_rule"])


def test_a_list_item_takes_place_and_year_from_its_lead_in() -> None:
    rows = facts(
        "Hubei released its metaverse plan on Monday.\n\n"
        "By 2025, the province will:\n\n"
        "- cultivate 10 leading enterprises;\n"
        "- build 50 application scenarios."
    )
    assert [decided(r) for r in rows] == [
        ("Hubei", "list-lead-in:scope-word", 2025, "list-lead-in"),
        ("Hubei", "list-lead-in:scope-word", 2025, "list-lead-in"),
    ]
    assert [r["measure"] for r in rows] == ["companies", "projects"]


def test_a_paragraph_opening_year_frames_the_targets_after_it() -> None:
    rows = facts("到2025年，全省元宇宙核心产业规模超过300亿元。培育10家骨干企业。", META)
    assert [(r["year"], r["year_rule"]) for r in rows] == [
        (2025, "date-in-sentence"),
        (2025, "paragraph-opening"),
    ]


def test_a_province_s_target_in_its_own_plan_is_not_china_s() -> None:
    meta = {**META, "title": "《湖北省元宇宙产业发展行动方案（2023—2025年）》"}
    row = facts("培育10家具有核心竞争力的元宇宙企业。", meta)[0]
    assert (row["entity"], row["entity_rule"]) == ("Hubei", "document-title")
    assert (row["year"], row["year_rule"], row["measure"]) == (2025, "plan-period", "companies")


def test_a_horizon_resolves_against_the_plan_s_period() -> None:
    text = (
        "The city published its 2023-2025 action plan. Within three years, the city aims to "
        "attract 100 metaverse companies."
    )
    row = facts(text, {**META, "title": "Wuhan plan"})[0]
    assert (row["year"], row["year_rule"]) == (2025, "horizon-plan-period")


def test_a_horizon_without_a_plan_counts_from_the_publication_year() -> None:
    row = facts("Over the next five years, Shenzhen plans to build 20 metaverse parks.")[0]
    assert (row["year"], row["year_rule"]) == (2028, "horizon-publication")


def test_a_present_tense_count_is_as_of_the_article_s_date() -> None:
    row = facts("There are more than 500 metaverse companies in Hangzhou.")[0]
    assert (row["entity"], row["year"], row["year_rule"]) == ("Hangzhou", 2023, "present-tense")


def test_the_global_market_belongs_to_the_world() -> None:
    row = facts("The global metaverse market will reach $800 billion by 2024, analysts say.")[0]
    assert (row["entity"], row["entity_rule"], row["measure"]) == (
        "World",
        "world-market",
        "market_size",
    )


def test_a_share_of_the_global_market_belongs_to_its_holder() -> None:
    row = facts("China's share of the global VR headset market reached 36% in 2022.")[0]
    assert row["entity"] == "China"


def test_subsidy_rules_are_investment_whatever_the_verb() -> None:
    en = facts("Zhengzhou will offer a grant of up to 2 million yuan per project.")[0]
    zh = facts("对认定的示范项目，郑州最高给予500万元奖励。")[0]
    assert (en["measure"], en["measure_rule"]) == ("investment", "invest-before")
    assert (zh["measure"], zh["measure_rule"]) == ("investment", "support-rule")


def test_a_subsidy_rate_is_a_share_of_the_cost() -> None:
    # gold README: a subsidy *rate* in percent is `share`; the money cap beside it investment
    rows = facts("郑州按照单个场景实际投入的30%给予补助，最高500万元。")
    assert (rows[0]["measure"], rows[0]["measure_rule"]) == ("share", "support-rate")
    assert rows[1]["measure"] == "investment"


def test_a_local_government_s_expectation_with_a_year_is_a_target() -> None:
    row = facts("Sichuan's metaverse industry will reach 250 billion yuan by 2025.")[0]
    assert (row["measure"], row["measure_rule"]) == ("market_size_target", "future-tense")


def test_every_fact_names_the_rules_that_decided_it() -> None:
    rows = facts(
        "河南省印发方案。到2025年，全省元宇宙核心产业规模超过300亿元，带动相关产业规模超过1000亿元。"
    )
    assert rows and all(r["entity_rule"] and r["measure_rule"] and r["year_rule"] for r in rows)
    assert {r["entity"] for r in rows} == {"Henan"}


def test_a_list_whose_lead_in_names_nobody_continues_the_story_before_it() -> None:
    rows = facts(
        "Headset shipments in China fell 38% in the first quarter.\n\n"
        "By category:\n\n"
        "- VR headsets: down 73% to 22,000 units\n"
        "- AR glasses: up 119% to 8,000 units"
    )
    assert [(r["entity"], r["entity_rule"]) for r in rows[1:]] == [("China", "list-continues")] * 4


# ---------------------------------------------------------------- entity rules (branch ent)
def _entities(text: str, meta: dict | None = None) -> list[tuple[str, str]]:
    return [(r["entity"], r["entity_rule"]) for r in facts(text, meta)]


def test_a_company_s_figures_stay_with_it_in_the_places_it_sells() -> None:
    rows = _entities(
        "Apple began taking pre-orders for the Vision Pro in China on Thursday. "
        "The headset costs 16% more in China than in the United States, with prices "
        "from CNY29,999."
    )
    assert [e for e, _ in rows] == ["Apple", "Apple"]


def test_a_share_of_a_country_s_market_is_its_holder_s() -> None:
    rows = _entities("Pico led China's XR market in 2022 with a 43% share, ahead of DPVR at 36%.")
    assert rows == [("Pico", "nearest-before"), ("DPVR", "name-at-figure")]


def test_money_given_to_a_body_is_the_giver_s() -> None:
    meta = {**META, "title": "Hong Kong's Cyberport signs up 150 Web3 firms"}
    rows = _entities(
        "Chan said the government decided to give Cyberport HK$50 million this year. "
        "Cyberport had been allocated HK$500 million to run a pilot programme.",
        meta,
    )
    assert [e for e, _ in rows] == ["Hong Kong", "Hong Kong"]


def test_a_count_of_listed_cities_is_their_province_s() -> None:
    rows = _entities(
        "Intelligent computing centres are planned for four cities: Zhengzhou, Luoyang, "
        "Xuchang and Puyang."
    )
    assert rows == [("Henan", "container-of-places")]


def test_figures_listed_respectively_pair_with_the_names_in_order() -> None:
    rows = _entities("其中，北京有57家；深圳、广州分别以29家、15家排名第三、第四。")
    assert [e for e, _ in rows] == ["Beijing", "Shenzhen", "Guangzhou"]


def test_members_belong_to_the_body_the_story_is_about() -> None:
    meta = {**META, "title": "Zhejiang launches provincial metaverse association with 91 members"}
    rows = _entities(
        "The Zhejiang Provincial Metaverse Industry Association was set up on Saturday, "
        "according to the Zhejiang Digital Economy Society, one of its founders. "
        "Some 91 companies have joined as members so far. "
        "The association wants to reach 200 members within two years.",
        meta,
    )
    assert {e for e, _ in rows} == {"Zhejiang Provincial Metaverse Industry Association"}


def test_a_district_then_named_bare_owns_its_figures() -> None:
    meta = {**META, "title": "Nanjing's Jiangning district plans a metaverse industry"}
    rows = _entities(
        "Jiangning has been courting the sector. It has spent 800 million yuan on a building.",
        meta,
    )
    assert [e for e, _ in rows] == ["Jiangning"]


def test_a_research_firm_s_estimate_does_not_continue_the_previous_subject() -> None:
    meta = {**META, "title": "Global metaverse market: how big, and how much of it is China?"}
    rows = _entities(
        "In 2021, Asia-Pacific and North America together held 50% of that market.\n\n"
        "Statista's market outlook starts from US$38.85 billion in 2021.",
        meta,
    )
    assert rows[-1][0] == "World"


# Chinese news and policy text (gen-zh): shapes from the d-zh gold batch, in other words.
def test_a_support_rule_in_a_plan_s_own_text_is_dated_by_its_issue() -> None:
    meta = {
        "published": dt.date(2024, 3, 15),
        "title": "《青岛市元宇宙产业发展行动方案（2024—2026年）》解读",
    }
    rows = facts("对新认定的市级元宇宙特色园区，给予最高300万元一次性奖励。", meta)
    assert (rows[0]["measure"], rows[0]["year"], rows[0]["year_rule"]) == (
        "investment",
        2024,
        "in-force",
    )


def test_a_plan_s_validity_end_is_not_its_release() -> None:
    meta = {"published": dt.date(2024, 3, 15), "title": "政策解读"}
    text = (
        "市工信局会同9个部门起草了《方案》。\n\n《方案》自印发之日起施行，有效期至2026年12月31日。"
    )
    row = facts(text, meta)[0]
    assert (row["year"], row["measure"]) == (2024, "other")


def test_qu_nei_is_the_district_the_text_is_about() -> None:
    text = "广州市天河区举办元宇宙大会。天河是广州第一经济大区，区内现有规模以上软件企业1132家。"
    row = facts(text, {"published": dt.date(2022, 11, 21), "title": ""})[0]
    assert (row["entity"], row["year"]) == ("Tianhe", 2022)


def test_a_bulletin_s_year_end_counts_are_as_of_the_year_it_reports_on() -> None:
    meta = {"published": dt.date(2024, 3, 28), "title": "江西省2023年虚拟现实产业发展统计公报"}
    text = (
        "一、综合\n\n年末全省共有虚拟现实相关企业1180家。\n\n"
        "二、应用\n\n全年全省新建应用示范场景86个。"
    )
    assert [(r["entity"], r["year"]) for r in facts(text, meta)] == [
        ("Jiangxi", 2023),
        ("Jiangxi", 2023),
    ]


def test_gong_si_opening_a_clause_is_the_company_named_last() -> None:
    meta = {"published": dt.date(2024, 4, 22), "title": "全球头显出货量下滑"}
    text = "4月20日晚间，歌尔股份发布2023年年度报告。报告期内，公司实现营业收入985.74亿元。"
    row = facts(text, meta)[0]
    assert (row["entity"], row["year"], row["measure"]) == ("Goertek", 2023, "other")


def test_an_aside_with_a_relative_clause_neither_names_nor_dates_the_figure() -> None:
    rows = facts(
        "VR headset shipments in China fell 30% in the second quarter of 2023."
        " Pico, the brand that ByteDance bought in September 2021, held a"
        " 40% share of the VR market.",
        {"published": dt.date(2023, 9, 20), "title": "China's VR headset market shrinks"},
    )
    row = next(r for r in rows if r["value"] == 40)
    assert (row["entity"], row["year"]) == ("Pico", 2023)


def test_a_local_government_body_speaks_for_its_place() -> None:
    rows = facts(
        "Officials at the Shanghai Municipal Commission of Economy and Informatization said"
        " the city's metaverse firms had revenue of about 150 billion yuan last year."
    )
    assert rows[0]["entity"] == "Shanghai"


def test_a_fund_said_in_may_is_may_s_year() -> None:
    rows = facts(
        "Wuhan said in May it would create a 5 billion yuan metaverse fund.",
        {"published": dt.date(2024, 9, 1), "title": ""},
    )
    assert (rows[0]["measure"], rows[0]["year"]) == ("investment", 2024)


def test_a_horizon_runs_from_an_earlier_statement_s_date() -> None:
    rows = facts(
        "The policy address in October aimed to attract at least 100 technology companies"
        " over the next five years.",
        {"published": dt.date(2023, 2, 22), "title": ""},
    )
    assert (rows[0]["year"], rows[0]["year_rule"]) == (2027, "horizon-from-statement")


def test_a_table_row_takes_its_year_from_the_header_not_from_other_cells() -> None:
    rows = facts(
        "Provincial metaverse targets, as listed by the report:\n\n"
        "Place | Core industry by 2025 | Plan issued\n"
        "Hubei | 150 billion yuan | March 2023\n"
        "Anhui | 80 billion yuan | June 2022\n",
        {"published": dt.date(2024, 1, 16), "title": "Provincial metaverse targets"},
    )
    assert [(r["entity"], r["year"], r["measure"]) for r in rows] == [
        ("Hubei", 2025, "market_size_target"),
        ("Anhui", 2025, "market_size_target"),
    ]


def test_a_share_after_a_sentence_about_the_world_market_is_the_world_s() -> None:
    rows = facts(
        "Global shipments of VR headsets rose 20% in the first half of 2025, IDC said.\n\n"
        "Standalone headsets made up 80% of all units shipped in the period.",
        {"published": dt.date(2025, 7, 31), "title": "VR headsets"},
    )
    row = next(r for r in rows if r["value"] == 80)
    assert (row["entity"], row["year"]) == ("World", 2025)


def test_a_count_of_firms_is_their_place_s_not_the_body_named_before() -> None:
    rows = facts(
        "Tencent set up a metaverse lab in 2021.\n\n"
        "In 2022, more than 500 companies applied for around 8,000 metaverse trademarks.",
        {"published": dt.date(2023, 3, 1), "title": "China's metaverse trademark rush"},
    )
    assert [r["entity"] for r in rows if r["value"] in (500, 8000)] == ["China", "China"]
