"""Entity, year, measure and counted noun of figures in news-style and policy sentences.

These sentences are not from the five gold articles: they are a second, unseen-style set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.facts import extract_facts, normalise_counted

PUBLISHED = {"published": dt.date(2024, 1, 22), "title": ""}


def facts(text: str, meta: dict | None = None) -> list[dict]:
    return extract_facts("t", text, meta or PUBLISHED)


def only(text: str, meta: dict | None = None) -> dict:
    rows = facts(text, meta)
    assert len(rows) == 1, [r["text"] for r in rows]
    return rows[0]


@pytest.mark.parametrize(
    ("sentence", "entity", "year", "measure"),
    [
        (
            "四川省印发方案。到2025年，四川省元宇宙核心产业规模超过2500亿元。",
            "Sichuan",
            2025,
            "market_size_target",
        ),
        (
            "上海市发布行动方案，到2025年，上海元宇宙相关产业规模达到3500亿元。",
            "Shanghai",
            2025,
            "market_size_target",
        ),
        (
            "Zhejiang Province plans to grow its metaverse industry to 200 billion yuan by 2025.",
            "Zhejiang",
            2025,
            "market_size_target",
        ),
        (
            "Beijing aims to build 50 metaverse application scenarios by 2025.",
            "Beijing",
            2025,
            "projects",
        ),
        (
            "Hangzhou said its metaverse market grew by 20% in 2022.",
            "Hangzhou",
            2022,
            "growth_rate",
        ),
        (
            "The ministry said the digital economy accounted for 41.5% of GDP last year.",
            "China",
            2023,
            "gdp_share",
        ),
        ("全国元宇宙相关企业超过1.2万家，去年增长了35%。", "China", 2023, "companies"),
        (
            "广州市南沙区力争到2025年元宇宙产业规模突破500亿元。",
            "Nansha",
            2025,
            "market_size_target",
        ),
    ],
)
def test_first_figure_of_policy_and_news_sentences(
    sentence: str, entity: str, year: int, measure: str
) -> None:
    row = facts(sentence)[0]
    assert (row["entity"], row["year"], row["measure"]) == (entity, year, measure)


def test_members_belong_to_the_alliance_named_in_the_sentence() -> None:
    row = only(
        "Tencent and Huawei joined the Guangzhou Metaverse Innovation Association, "
        "which has 40 members."
    )
    assert row["entity"] == "Guangzhou Metaverse Innovation Association"
    assert row["measure"] == "members"


def test_the_alliance_refers_back_to_the_last_alliance_named() -> None:
    text = (
        "China Mobile set up the China Mobile Metaverse Alliance on Tuesday. "
        "The alliance now counts 120 companies."
    )
    row = only(text)
    assert row["entity"] == "China Mobile metaverse alliance"


def test_a_ministry_figure_belongs_to_its_country() -> None:
    row = only("MIIT set a goal of 300 billion yuan for the industry by 2026.")
    assert row["entity"] == "China"
    assert row["year"] == 2026


def test_a_research_firm_reports_figures_it_does_not_own() -> None:
    row = only("IDC said Shenzhen's VR market would reach 9 billion yuan in 2024.")
    assert row["entity"] == "Shenzhen"


def test_places_counted_in_a_place_belong_to_that_place() -> None:
    row = only("Haidian, one of 16 districts in Beijing, hosts the park.")
    assert row["entity"] == "Beijing"
    assert row["measure"] == "places"


def test_each_figure_of_a_from_to_sentence_gets_its_own_year() -> None:
    rows = facts(
        "The share of the digital economy in GDP should rise from 7.8% in 2020 to 10% in 2025."
    )
    assert [(r["value"], r["year"]) for r in rows] == [(7.8, 2020), (10.0, 2025)]


def test_a_span_of_years_gives_the_later_year() -> None:
    row = only("Some 5,000 patents were filed in Japan from 2015 to 2021.")
    assert (row["entity"], row["year"], row["measure"]) == ("Japan", 2021, "patents")


def test_relative_years_resolve_against_the_published_date() -> None:
    assert only("Shandong's metaverse output rose 12% last year.")["year"] == 2023
    assert only("今年，浙江元宇宙产业规模将达到1000亿元。")["year"] == 2024
    assert (
        only("Trademark filings reached 3,000 in the first two months of the year.")["year"] == 2024
    )


def test_a_paragraph_opening_with_its_target_year_frames_the_targets_after_it() -> None:
    # Plans state the year once and list the targets in the sentences that follow.
    rows = facts(
        "到2025年，元宇宙技术取得突破。培育3—5家有全球影响力的生态型企业，打造3—5个产业发展集聚区。"
        "\n\n培育10家头部企业。"
    )
    assert [(r["text"][:4], r["year"]) for r in rows] == [
        ("3—5家", 2025),
        ("3—5个", 2025),
        ("10家头", None),  # a new paragraph: no frame
    ]
    english = facts(
        "By the end of 2025, Beijing will build a metaverse hub. It will also cultivate about"
        " 100 companies."
    )
    assert [r["year"] for r in english] == [2025]


def test_a_year_in_passing_does_not_spread_to_the_next_sentence() -> None:
    # not 2021: a count in the present tense is as of the article's date
    rows = facts("In 2021, Beijing drew up its metaverse plan. It now has about 100 companies.")
    assert [(r["year"], r["year_rule"]) for r in rows] == [(2024, "present-tense")]


def test_names_in_an_aside_do_not_own_the_sentence_s_figures() -> None:
    row = only(
        "Shenzhen is growing fast. The city, home to Tencent and Huawei, will attract at least"
        " 1,000 metaverse firms."
    )
    assert row["entity"] == "Shenzhen"


def test_a_place_owns_a_figure_only_when_joined_to_it_directly() -> None:
    # "ahead of Huawei's" is no "11 districts in Guangzhou": the nearest name before wins
    row = facts("Tencent led with 2,317 filings in 2023, ahead of Huawei's 1,980.")[0]
    assert (row["text"], row["entity"]) == ("2,317 filings", "Tencent")
    assert only("Shenzhen officials said there are 11 districts in Guangzhou.")["entity"] == (
        "Guangzhou"
    )


def test_parks_and_clusters_are_projects_not_places() -> None:
    rows = facts("建设10个元宇宙产业园区，打造3个产业集聚区，覆盖20个省市。")
    assert [(r["counted"], r["measure"]) for r in rows] == [
        ("元宇宙产业园区", "projects"),
        ("产业集聚区", "projects"),
        ("省市", "places"),
    ]


def test_past_twelve_months_is_no_calendar_year() -> None:
    assert only("About 90% of them were registered in the last year.")["year"] is None


def test_without_a_published_date_relative_years_stay_unknown() -> None:
    assert only("Revenue grew 30% last year.", {"published": None})["year"] is None


@pytest.mark.parametrize(
    ("counted", "head"),
    [
        ("tech companies", "companies"),
        ("metaverse-related trademark applications", "trademark applications"),
        ("cities and provinces", "cities and provinces"),
        ("artificial intelligence-related companies", "companies"),
        (
            "Guangzhou-based tech companies and research institutions",
            "companies and research institutions",
        ),
        ("", ""),
    ],
)
def test_counted_noun_keeps_the_head_and_drops_modifiers(counted: str, head: str) -> None:
    assert normalise_counted(counted) == head


def test_trademark_and_patent_filings_are_told_apart_by_the_sentence() -> None:
    assert (
        only("The US recorded 17,293 applications for metaverse patents.")["measure"] == "patents"
    )
    assert (
        only("There were 16,000 applications for metaverse trademarks.")["measure"]
        == "trademark_applications"
    )


def test_growth_by_a_percentage_is_a_growth_rate() -> None:
    assert (
        only("The industry is expected to expand by about 40% this year.")["measure"]
        == "growth_rate"
    )
    assert only("Shanghai accounts for 30% of the national total.")["measure"] == "share"


def test_off_topic_trailing_story_and_boilerplate() -> None:
    text = (
        "China's metaverse push continues, with 20 cities drafting plans.\n\n"
        "Metaverse parks opened in Wuhan.\n\n"
        "Copyright 2024 Example Media. All rights reserved. 5 free articles left.\n\n"
        "Fintech startups raised $3 billion.\n\nBanks cut 200 jobs.\n\nCloud spend rose 25%.\n\n"
        "Crypto lenders lost 40% of deposits.\n\nA bank opened 12 branches."
    )
    rows = {r["text"]: r["on_topic"] for r in facts(text)}
    assert rows["20 cities"] is True
    assert rows["12 branches"] is False
    assert not any(v for k, v in rows.items() if "5" in k and "free" in k)


def test_a_digression_about_a_foreign_company_is_off_topic() -> None:
    text = (
        "Shanghai wants its metaverse industry to reach 350 billion yuan by 2025.\n\n"
        "Beijing published a similar plan.\n\n"
        "Meanwhile, in California, Meta said it would refocus on AI.\n\n"
        "The company plans to buy 350,000 GPUs this year.\n\n"
        "Its AI lab employs 1,000 researchers.\n\n"
        "Zuckerberg said so in a video.\n\n"
        "Analysts expect more spending."
    )
    rows = {r["text"]: r["on_topic"] for r in facts(text)}
    assert rows["350 billion yuan"] is True
    assert rows["1,000 researchers"] is False


def test_a_clause_of_a_chinese_plan_naming_no_place_is_still_on_topic() -> None:
    text = (
        "某市元宇宙产业发展实施方案\n\n一、发展目标\n\n到2025年，元宇宙产业规模突破300亿元。\n\n"
        "二、重点任务\n\n（一）夯实基础。\n\n（二）拓展场景。\n\n三、保障措施\n\n"
        "市财政对新认定的元宇宙创新中心给予最高1000万元奖励。"
    )
    rows = {r["text"]: r for r in facts(text)}
    assert rows["最高1000万元"]["on_topic"] is True
    assert rows["最高1000万元"]["qualifier"] == "up_to"


@pytest.mark.parametrize(
    "sentence",
    [
        "The city will set up a fund worth 10 billion yuan to support metaverse industry research.",
        "It pledged investment of 5 billion yuan in the metaverse industry.",
        "每年安排元宇宙产业专项资金不低于2亿元。",
    ],
)
def test_money_named_as_a_fund_is_an_investment_even_beside_industry_words(sentence: str) -> None:
    assert only(sentence)["measure"] == "investment"


def test_a_fund_does_not_turn_a_later_market_target_into_an_investment() -> None:
    row = only("Backed by state funds, the industry should reach 350 billion yuan by 2025.")
    assert row["measure"] == "market_size_target"


def test_an_analyst_forecast_is_a_market_size_not_a_target() -> None:
    row = only(
        "Analysts at IDC estimate China's AR and VR spending will grow, reaching $13.1 billion "
        "in 2026."
    )
    assert (row["measure"], row["year"]) == ("market_size", 2026)
    assert (
        only("Shanghai will grow its metaverse industry to 350 billion yuan by 2025.")["measure"]
        == "market_size_target"
    )


def test_a_subsidy_is_an_investment_and_a_revenue_threshold_is_no_market_size() -> None:
    assert only("It will offer subsidies of up to 5 million yuan per project.")["measure"] == (
        "investment"
    )
    rows = {r["text"]: r["measure"] for r in facts("培育10家营业收入超10亿元的元宇宙骨干企业。")}
    assert rows["超10亿元"] == "other"


def test_a_headline_restating_a_figure_takes_the_year_the_body_gives_it() -> None:
    text = (
        "Shanghai plans metaverse industry of 350 billion yuan\n\n"
        "Shanghai aims to grow its metaverse industry to 350 billion yuan by 2025."
    )
    assert [r["year"] for r in facts(text)] == [2025, 2025]


def test_a_figure_given_two_years_in_the_body_leaves_the_headline_year_unknown() -> None:
    text = (
        "Shanghai metaverse parks to draw 100 companies\n\n"
        "Shanghai aims to draw 100 companies by 2024. "
        "Shanghai also aims to draw 100 companies by 2025."
    )
    rows = facts(text)
    assert [r["entity"] for r in rows] == ["Shanghai"] * 3
    assert [r["year"] for r in rows][1:] == [2024, 2025]
    assert rows[0]["year"] in ("", None)


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("數碼港將在未來三年投放約1億港元，支持元宇宙初創企業。", "investment"),
        ("當局計劃推出20項元宇宙應用試點。", "projects"),
        ("全港元宇宙相關企業超過150家。", "companies"),
        ("截至去年底，元宇宙相關專利達1.2萬件。", "patents"),
    ],
)
def test_traditional_chinese_sources_are_classified_like_simplified_ones(
    sentence: str, measure: str
) -> None:
    assert only(sentence)["measure"] == measure


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Investors put $1.3 billion into start-ups in 2022, down 40% from a year earlier.", -40),
        ("NetEase shares fell 2.1% on Thursday.", -2.1),
        ("Sales fell by about 12% last year.", -12),
        ("市场规模同比下降约三成。", -30),
        ("The market grew 39.5% in 2023.", 39.5),
    ],
)
def test_a_fall_is_a_negative_growth_rate(sentence: str, value: float) -> None:
    (row,) = [r for r in facts(sentence) if r["unit"] == "percent"]
    assert (row["measure"], row["value"]) == ("growth_rate", value)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Wuhan wants metaverse revenue to hit 100 billion yuan within three years.", 2027),
        ("It will attract at least 1,000 metaverse firms over the next 5 years.", 2029),
        ("未来三年，全市将培育元宇宙企业100家。", 2027),
        ("三年内建设10个元宇宙园区。", 2027),
        ("Over the past three years, 500 metaverse firms were set up.", None),
    ],
)
def test_a_horizon_in_years_counts_from_the_published_year(sentence: str, year) -> None:
    assert only(sentence)["year"] == year


def test_a_horizon_and_a_place_in_another_clause_do_not_reach_the_figure() -> None:
    rows = {
        r["text"]: r
        for r in facts(
            "At least 15 provincial-level regions have mentioned the metaverse in their plans, "
            "and Wuhan wants metaverse revenue to hit 100 billion yuan within three years."
        )
    }
    regions = rows["At least 15 provincial-level regions"]
    # "have mentioned ... in their plans": a count in the present perfect, as of the
    # article's date ("plans" is a noun here, not a future verb); the horizon does not reach it
    assert (regions["entity"], regions["year"], regions["year_rule"]) == (
        "China",
        2024,
        "present-tense",
    )
    assert (rows["100 billion yuan"]["entity"], rows["100 billion yuan"]["year"]) == ("Wuhan", 2027)


def test_a_quarter_or_half_year_binds_like_a_year() -> None:
    rows = facts("The company raised ¥350bn in Q3 2023 and RMB350 billion in H1 2022.")
    assert [r["year"] for r in rows] == [2023, 2022]


def test_a_currency_sign_s_country_prefix_is_no_entity() -> None:
    rows = facts("Revenue hit CNY 1.2 trillion in 2023, while Tencent spent US$1.3bn and HK$2bn.")
    assert [r["entity"] for r in rows] == ["China", "Tencent", "Tencent"]


def test_chinese_scope_words_and_earlier_clauses_do_not_set_the_measure() -> None:
    rows = {
        r["text"]: r["measure"]
        for r in facts(
            "全省5G基站超过10万个。2023年，元宇宙企业营收同比增长45.6%，占比超过三分之一。"
        )
    }
    assert rows["超过10万个"] != "places"
    assert (rows["45.6%"], rows["超过三分之一"]) == ("growth_rate", "share")


def test_an_amount_is_never_read_as_a_year() -> None:
    rows = facts(
        "湖北省提出，到2025年，全省元宇宙产业规模力争达到2000亿元；武汉市力争突破1000亿元。"
    )
    assert [r["year"] for r in rows] == [2025, 2025]
    assert only("More than 2000 companies joined in 2021.")["year"] == 2021


def test_a_list_of_provinces_makes_china_the_subject_and_national_words_name_china() -> None:
    text = (
        "Beijing, Shanghai, Guangdong, Zhejiang and Jiangsu have issued metaverse plans.\n\n"
        "The plan calls on local governments to set up at least 10 public service platforms.\n\n"
        "Analysts said the domestic metaverse market could reach 400 billion yuan by 2025."
    )
    rows = {r["text"]: r["entity"] for r in facts(text)}
    assert rows["at least 10 public service platforms"] == "China"
    assert rows["400 billion yuan"] == "China"


def test_every_item_of_a_plan_s_list_is_read_with_the_paragraphs_around_the_list() -> None:
    text = (
        "Metaverse action plan\n\nIssued by the Ministry of Industry and Information Technology."
        "\n\nMain goals\n\nBy 2025, the metaverse industry will take shape. Specifically:\n\n"
        "Cultivate 3 to 5 metaverse ecosystem enterprises;\n\nBuild 3 to 5 clusters;\n\n"
        "Create typical application scenarios in industry;\n\n"
        "VR terminal sales will exceed 25 million units."
    )
    rows = {r["text"]: r for r in facts(text)}
    assert all(r["on_topic"] for r in rows.values()), {k: r["on_topic"] for k, r in rows.items()}
    assert rows["exceed 25 million units"]["qualifier"] == "more_than"


def test_the_place_of_a_dateline_does_not_own_the_story_s_figures() -> None:
    text = "新华社北京4月2日电 去年元宇宙产业规模达到500亿元。"
    assert only(text)["entity"] == "China"


def test_a_sum_over_several_places_is_the_country_s() -> None:
    text = (
        "Beijing, Shanghai, Guangdong, Zhejiang and Jiangsu have issued metaverse plans, "
        "with combined targets topping 1.5 trillion yuan.\n\n"
        "Region: Henan; Target: 30 billion yuan; Year: 2025.\n\n"
        "Together, the targets add up to more than 2 trillion yuan."
    )
    rows = {r["text"]: r["entity"] for r in facts(text)}
    assert rows["topping 1.5 trillion yuan"] == "China"
    assert rows["more than 2 trillion yuan"] == "China"
    assert rows["30 billion yuan"] == "Henan"


def test_a_rise_right_before_a_percentage_is_a_growth_rate_even_beside_share() -> None:
    assert only("Baidu's share price jumped 5% on Monday.")["measure"] == "growth_rate"
    assert only("The share of VR users rose to 30%.")["measure"] == "share"


def test_the_number_of_x_names_what_a_bare_count_counts() -> None:
    row = only("By the end of 2022, the number of digital human companies exceeded 280,000.")
    assert (row["counted"], row["measure"], row["qualifier"], row["year"]) == (
        "digital human companies",
        "companies",
        "more_than",
        2022,
    )


def test_the_number_of_x_reaches_over_a_long_phrase_but_not_past_another_figure() -> None:
    row = only(
        'The number of Chinese companies with "metaverse" in their registered business scope '
        "jumped to more than 12,000 by the end of 2022."
    )
    assert (row["counted"], row["measure"], row["year"]) == ("companies", "companies", 2022)
    rows = facts("The number of firms rose 30% in 2022, while 500 were closed.")
    assert rows[-1]["counted"] == ""


def test_a_count_compared_with_another_counts_the_same_thing_in_the_same_year() -> None:
    rows = facts(
        "China filed 5,219 metaverse-related patent applications in 2022, or 42% of the global "
        "total. That compared with 3,106 filed in the United States."
    )
    assert [(r["measure"], r["entity"], r["year"]) for r in rows] == [
        ("patents", "China", 2022),
        ("patent_share", "China", 2022),
        ("patents", "United States", 2022),
    ]
    assert rows[2]["counted"] == "patent applications"


def test_a_place_that_names_a_currency_is_not_the_figure_s_owner() -> None:
    row = facts(
        "Shanghai aims to lift the industry to 350 billion yuan (about 52.2 billion U.S. dollars)"
        " by 2025."
    )[1]
    assert (row["unit"], row["entity"], row["year"]) == ("USD", "Shanghai", 2025)


def test_money_before_de_is_a_fund_s_size_when_the_noun_is_a_fund() -> None:
    assert only("郑州市将设立规模50亿元的元宇宙产业发展基金。")["measure"] == "investment"
    assert facts("营业收入超10亿元的元宇宙企业达到20家。")[0]["measure"] == "other"


def test_hong_kong_counts_firms_with_jian_and_traditional_cues_classify() -> None:
    rows = facts(
        "數碼港園區內的初創企業已超過200間。政府今年再向數碼港撥款1億港元，用於支持元宇宙"
        "應用開發，預計未來三年可培育約50間具規模的企業。"
    )
    # the government's grant to Cyberport is Hong Kong's (gold README: the giver's program)
    assert [(r["measure"], r["entity"]) for r in rows] == [
        ("companies", "Cyberport"),
        ("investment", "Hong Kong"),
        ("companies", "Cyberport"),
    ]
    # a horizon right before the figure beats 今年 at the sentence's start
    assert rows[2]["year"] == PUBLISHED["published"].year + 3


def test_the_year_a_figure_is_compared_with_is_not_its_year() -> None:
    assert only("Revenue rose 12% from 2021.")["year"] is None
    assert only("企业数量较去年同期增加约四成。")["year"] is None
    assert only("Patents filed from 2011 to 2022 reached 14,291.")["year"] == 2022


def test_a_quarter_without_a_year_is_the_latest_one_begun_by_publication() -> None:
    row = only("Shipments fell 46.8% in the second quarter.")
    year = PUBLISHED["published"].year
    assert row["year"] == (year if PUBLISHED["published"].month >= 4 else year - 1)


def test_a_change_in_points_is_a_share_s_change_not_a_growth_rate() -> None:
    rows = facts("Pico held a 52% share of the market, down 14 percentage points from a year ago.")
    points = next(r for r in rows if r["unit"] == "percentage_points")
    assert (points["measure"], points["value"]) == ("share", -14.0)
    assert only("数字经济占GDP比重提高2个百分点。")["measure"] == "gdp_share"


def test_a_place_in_an_appositive_does_not_own_the_figure() -> None:
    row = facts(
        "Wuhan, capital of Central China's Hubei province, aims to build a metaverse industry "
        "worth more than 200 billion yuan by 2026."
    )[0]
    assert (row["entity"], row["year"]) == ("Wuhan", 2026)


def test_the_start_of_a_span_is_not_the_figure_s_year() -> None:
    # not 2022: the span runs to the article's date, which gives its year (README, year
    # rules: "since 2017" gives the publication year); "plans" is a noun, not a future verb
    row = only("At least 25 provinces have issued metaverse plans since 2022.")
    assert (row["year"], row["year_rule"]) == (2024, "since-to-date")


def test_the_number_of_x_reaches_its_value_past_a_rate() -> None:
    rows = facts("The number of metaverse enterprises in Wuhan rose by 25 percent to about 480.")
    assert [(r["measure"], r["counted"]) for r in rows] == [
        ("growth_rate", ""),
        ("companies", "enterprises"),
    ]


def test_money_that_sets_a_bar_for_firms_is_neither_market_nor_target() -> None:
    rows = facts("Zhejiang wants 1,000 metaverse firms with annual revenue above 10 million yuan.")
    assert [r["measure"] for r in rows] == ["companies", "other"]


def test_places_listed_before_a_count_of_places_are_examples_the_count_is_national() -> None:
    assert only("北京、上海、广东等20余个省市已出台元宇宙相关政策。")["entity"] == "China"
    assert only("Guangzhou's 11 districts all have metaverse plans.")["entity"] == "Guangzhou"


def test_a_bare_fraction_after_a_verb_of_sharing_is_a_share() -> None:
    row = only(
        "Shenzhen and Shanghai host many firms, with Beijing accounting for roughly a third."
    )
    assert (row["value"], row["unit"], row["qualifier"]) == (
        pytest.approx(33.33, 0.01),
        "percent",
        "about",
    )
    assert facts("The city held a third round of talks.") == []


def test_a_member_adjective_counts_members_and_spending_is_investment() -> None:
    row = only("The 12-member working group will publish its first report in 2024.")
    assert (row["text"], row["counted"], row["measure"]) == ("12-member", "members", "members")
    assert facts("Shanghai unveiled a 10-year plan.") == []
    row = only("Tencent plans to spend 500 billion yuan on new infrastructure by 2026.")
    assert row["measure"] == "investment"


def test_a_date_in_a_participial_aside_dates_only_the_aside() -> None:
    rows = facts(
        "The Shanghai metaverse association, founded in 2021 with 36 members, now counts"
        " more than 120 companies."
    )
    assert [(r["value"], r["year"]) for r in rows] == [(36.0, 2021), (120.0, 2024)]
    row = only(
        "Baidu's XiRang platform, launched in December 2021, can host 100,000 users at once."
    )
    assert row["year"] is None


def test_paragraphs_after_a_trailing_stories_header_are_off_topic() -> None:
    text = (
        "上海发布元宇宙行动方案\n\n到2025年，上海元宇宙相关产业规模达到3500亿元。\n\n"
        "相关阅读：\n上海今年GDP增长5.2%，新能源汽车产量突破100万辆。"
    )
    assert [r["on_topic"] for r in facts(text)] == [True, False, False]
    # early in the text, "Read more:" is an inline link, not the page's tail
    text = (
        "Read more: the VR boom.\n\nShanghai's metaverse plan targets 350 billion yuan by 2025."
        "\n\nThe city will also fund 100 metaverse start-ups."
    )
    assert all(r["on_topic"] for r in facts(text))


def test_future_tense_alone_is_a_target_only_when_a_government_or_a_local_place_speaks() -> None:
    outlook = only("China's VR market is expected to reach 30 billion yuan by 2026.")
    assert outlook["measure"] == "market_size"
    local = only("Sichuan's metaverse industry will reach 250 billion yuan by 2025.")
    assert local["measure"] == "market_size_target"
    plan = only("Under the plan, the industry will reach 350 billion yuan by 2025.")
    assert plan["measure"] == "market_size_target"


def test_over_n_years_is_a_horizon_only_for_a_plan() -> None:
    year = PUBLISHED["published"].year
    assert only("Tencent plans to spend 500 billion yuan over five years.")["year"] == year + 5
    assert only("Revenue grew over 3 years to 5 billion yuan.")["year"] is None


def test_the_place_a_figure_is_ranked_after_or_compared_with_does_not_own_it() -> None:
    row = only(
        "China is the world's No. 2 market for VR headsets after the US, with 1.2 million units."
    )
    assert row["entity"] == "China"
    # a temporal "after" keeps its subject
    rows = facts("NetEase said on Tuesday, after the company reported 200 events, that it grew.")
    assert rows[0]["entity"] == "NetEase"


def test_a_deal_is_an_investment_and_its_conversion_keeps_the_measure() -> None:
    rows = facts("ByteDance bought Pico for about 9 billion yuan ($1.4 billion) in 2021.")
    assert [(r["measure"], r["year"]) for r in rows] == [("investment", 2021)] * 2


def test_raising_spending_by_a_range_is_a_growth_rate() -> None:
    rows = facts("About 60% of the 1,200 firms plan to raise metaverse spending by 10% to 20%.")
    assert [r["measure"] for r in rows] == ["share", "companies", "growth_rate"]


def test_a_place_compared_with_then_described_by_a_relative_clause_owns_its_figure() -> None:
    rows = facts(
        "China filed 14,291 patents, 30% of the total, compared to the US, which recorded "
        "17,293 applications."
    )
    assert rows[-1]["entity"] == "United States"
