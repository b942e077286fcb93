"""Year rules for news and policy text: each test is a sentence of ours in the shape of the
articles, and the rule (a fact's `year_rule`) that must decide its figure's year."""

from __future__ import annotations

import datetime as dt

from briefing.extract.facts import extract_facts

META = {"published": dt.date(2023, 9, 19), "title": ""}


def years(text: str, meta: dict | None = None) -> list[tuple]:
    return [(r["text"], r["year"], r["year_rule"]) for r in extract_facts("t", text, meta or META)]


def year_of(text: str, figure: str, meta: dict | None = None) -> tuple:
    return next((y, rule) for t, y, rule in years(text, meta) if figure in t)


def test_a_report_s_period_dates_the_results_after_it() -> None:
    text = "报告统计了2011年至2020年间的元宇宙相关专利申请。结果显示，美国以17293件位列第一。"
    assert year_of(text, "17293") == (2020, "paragraph-date")


def test_a_multiple_is_not_dated_by_the_figure_it_multiplies() -> None:
    text = (
        "其中2016年至2020年共有43,698件元宇宙专利申请，约为前五年（2011年至2015年）14,983件的三倍。"
    )
    assert year_of(text, "三倍")[0] == 2020
    text = (
        "In the five years from 2016 to 2020, 43,698 metaverse patent applications were filed, "
        "nearly three times the 14,983 filed from 2011 to 2015."
    )
    assert year_of(text, "three times")[0] == 2020


def test_since_runs_to_the_article_s_date() -> None:
    text = "全球前20大企业自2016年以来共提出7,760件申请。"
    assert year_of(text, "7,760") == (2023, "since-to-date")


def test_at_the_time_refers_to_the_date_named_before() -> None:
    text = "官方媒体去年11月已发表评论。评论指，当时全国在建的元宇宙产业园已超过18个。"
    assert year_of(text, "18个") == (2022, "back-reference")
    text = (
        "上海去年7月8日发布行动方案，到2025年产业规模达到3500亿元。"
        "上海并在同月宣布设立规模约100亿元的产业基金。"
    )
    assert year_of(text, "100亿元") == (2022, "back-reference")


def test_a_month_that_year_keeps_the_year_just_named() -> None:
    text = (
        "By the third quarter of 2022 the operator reported 12.8 million users, and in "
        "November that year it took the platform to 49 countries."
    )
    assert year_of(text, "49 countries")[0] == 2022


def test_a_condition_without_a_date_gives_no_year() -> None:
    text = (
        "Last month ground was broken on the park; once it is fully operational, the park is "
        "expected to produce annual output of about 40 billion yuan."
    )
    assert year_of(text, "40 billion") == (None, "")
    assert year_of("分析师预测，未来几年元宇宙市场规模将达到8000亿美元。", "8000亿")[0] is None


def test_the_past_twelve_months_give_the_publication_year() -> None:
    # gold README: a span that runs up to the article's date gives the publication year
    text = (
        "Cyberport has attracted more than 150 Web3 companies over the past year, Chan said "
        "on Sunday."
    )
    assert year_of(text, "150") == (2023, "past-twelve-months")
    text = "过去一年，已有超过150间Web3企业落户，园区企业总数已逾1,900间。"
    assert year_of(text, "150") == (2023, "past-twelve-months")


def test_an_announcement_s_day_does_not_date_the_plan_s_target() -> None:
    text = (
        "According to the 2022-2025 action plan published on Tuesday, Henan expects its core "
        "metaverse industry to exceed 30 billion yuan."
    )
    assert year_of(text, "30 billion") == (2025, "plan-period")


def test_a_three_year_plan_runs_from_its_release() -> None:
    meta = {"published": dt.date(2023, 4, 17), "title": "District plans metaverse industry"}
    text = (
        "Nanjing's Jiangning district on Saturday released a three-year plan for its metaverse "
        "industry.\n\n"
        "Local universities are to train 10,000 metaverse professionals over the next three "
        "years, and the plan calls for 50 research centres."
    )
    assert year_of(text, "10,000", meta) == (2025, "horizon-plan-period")
    assert year_of(text, "50 research", meta) == (2025, "plan-period")


def test_a_future_statement_goes_on_about_the_future_year_named_last() -> None:
    text = (
        "报告预计到2031年，美国、中国和欧洲将是元宇宙经济占比最高的三个国家和地区。"
        "其中，中国元宇宙相关经济的贡献将超过1万亿美元。"
    )
    assert year_of(text, "1万亿")[0] == 2031


def test_a_present_perfect_predicate_is_not_dated_by_the_one_before() -> None:
    text = (
        "Nanjing's Jiangning district began offering incentives to metaverse firms in May 2022 "
        "and has spent 800 million yuan on a metaverse office building."
    )
    assert year_of(text, "800 million") == (2023, "present-tense")


def test_each_comma_part_keeps_its_own_date() -> None:
    text = "该部门去年全年亏损约102亿美元，今年一季度又亏损近30亿美元。"
    assert [y for _, y, _ in years(text)] == [2022, 2023]


def test_a_key_figures_line_states_its_figure_as_of_the_article() -> None:
    text = (
        "Key figures\n\nMetaverse companies at Shanghai's park: more than 1,900\n\n"
        "The Shanghai metaverse park opened."
    )
    assert year_of(text, "1,900") == (2023, "as-of-publication")


def test_a_link_s_time_stamp_does_not_date_its_figure() -> None:
    from briefing.extract.document import read_document
    from briefing.extract.year import figure_year

    text = "Typhoon Noru: 2,500 flights cancelled across the region 26 Sep 2022\n"
    doc = read_document(text, META)
    q = doc.quantities[0]
    assert figure_year(doc, q, "other", on_topic=False) == (None, "")
    assert figure_year(doc, q, "other", on_topic=True)[0] == 2022


def test_a_hyphenated_span_gives_its_later_year() -> None:
    text = "In 2011-2020, US firms filed 17,293 metaverse patent applications in China."
    assert year_of(text, "17,293") == (2020, "date-in-sentence")


def test_the_bodies_that_issued_a_plan_are_dated_where_the_text_tells_its_release() -> None:
    meta = {"published": dt.date(2024, 9, 2), "title": ""}
    text = (
        "去年9月，工信部等五部门联合印发《元宇宙产业创新发展三年行动计划（2023—2025年）》。\n\n"
        "■ 国家：工信部等五部门《元宇宙产业创新发展三年行动计划（2023—2025年）》提出，"
        "到2025年培育3至5家有全球影响力的元宇宙生态型企业。"
    )
    rows = [(y, rule) for t, y, rule in years(text, meta) if "五部" in t]
    assert rows == [(2023, "plan-contents"), (2023, "plan-release")]


def test_the_day_a_figure_was_told_is_not_its_year() -> None:
    meta = {"published": dt.date(2023, 3, 15), "title": ""}
    text = (
        "Last year, China's metaverse headset shipments fell 20% to 1.2 million units, IDC "
        "said on Monday."
    )
    assert [y for _, y, _ in years(text, meta)] == [2022, 2022]


def test_since_its_launch_runs_to_the_article_s_date() -> None:
    meta = {"published": dt.date(2023, 3, 15), "title": ""}
    text = "Since its launch in 2021, the Shanghai metaverse alliance has grown to 80 members."
    assert year_of(text, "80 members", meta) == (2023, "since-to-date")


def test_a_present_count_beside_a_past_figure_is_as_of_now() -> None:
    meta = {"published": dt.date(2023, 6, 15), "title": ""}
    text = "目前全市共有元宇宙企业300余家，去年实现营收200亿元。"
    assert [(y, rule) for _, y, rule in years(text, meta)] == [
        (2023, "present-tense"),
        (2022, "date-in-sentence"),
    ]


def test_a_year_with_yilai_or_zhijin_runs_to_the_article_s_date() -> None:
    meta = {"published": dt.date(2023, 6, 15), "title": ""}
    text = "2021年至今，全国已有20多个省市出台元宇宙相关政策。"
    assert year_of(text, "20多个", meta) == (2023, "since-to-date")
