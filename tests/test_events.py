"""Dated events for the timeline: what happened, when, who did it, and a label saying so."""

from __future__ import annotations

import datetime as dt

from briefing.extract.events import EVENT_COLUMNS, extract_events, merge_events

META = {"published": dt.date(2024, 1, 22), "title": "China's metaverse"}


def _one(text: str, meta: dict | None = None) -> dict:
    (row,) = extract_events("a", text, meta or META)
    return row


def test_announcement_with_relative_day() -> None:
    text = "On Friday, China's MIIT announced the formation of a metaverse working group."
    row = _one(text)
    assert tuple(row) == EVENT_COLUMNS
    assert (row["date"], row["precision"], row["kind"]) == ("2024-01-19", "day", "alliance")
    assert row["actor"] == "Ministry of Industry and Information Technology"
    assert row["text"] == "Friday"


def test_plan_published_last_month() -> None:
    row = _one("Sichuan published a metaverse action plan in August.")
    assert (row["date"], row["precision"], row["kind"], row["actor"]) == (
        "2023-08-01",
        "month",
        "plan",
        "Sichuan",
    )
    assert row["label"] == "Sichuan publishes metaverse action plan"


def test_a_target_year_alone_is_not_an_event_date_when_a_finer_one_exists() -> None:
    row = _one("In December 2023, Shanghai issued a plan to reach 350 billion yuan by 2025.")
    assert (row["date"], row["precision"]) == ("2023-12-01", "month")


def test_sentences_without_event_verbs_or_dates_are_not_events() -> None:
    body = "\n\n".join(["Title line", "The metaverse is popular. Shanghai has a plan.", "x" * 80])
    assert extract_events("a", body, META) == []
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
    rows = extract_events("a", text, {"published": dt.date(2024, 4, 2), "title": ""})
    assert all(r["actor"] != "Beijing" for r in rows)


def test_the_news_peg_without_a_date_word_is_dated_by_the_article() -> None:
    text = (
        "Henan unveils its metaverse plan\n\n"
        "Henan Province has published an action plan for its metaverse industry, aiming for "
        "a core industry worth 30 billion yuan by 2025."
    )
    row = _one(text, {"published": dt.date(2022, 9, 28), "title": "Henan unveils its plan"})
    assert (row["date"], row["precision"], row["kind"], row["actor"]) == (
        "2022-09-28",
        "day",
        "plan",
        "Henan",
    )
    assert row["date_rule"] == "news-peg"


def test_a_weekday_in_a_month_only_article_stays_in_that_month() -> None:
    meta = {"published": dt.date(2023, 9, 1), "date_precision": "month", "title": ""}
    row = _one("Sichuan on Friday released a metaverse action plan covering 2023 to 2025.", meta)
    assert (row["date"], row["precision"]) == ("2023-09-01", "month")


def test_chinese_relative_month_and_day_resolve_against_the_article() -> None:
    meta = {"published": dt.date(2023, 9, 19), "title": ""}
    text = "上海去年7月8日發布《上海市培育「元宇宙」新賽道行動方案（2022—2025年）》，目標明確。"
    row = _one(text, meta)
    assert (row["date"], row["precision"], row["actor"], row["kind"]) == (
        "2022-07-08",
        "day",
        "Shanghai",
        "plan",
    )
    assert (
        row["label"] == "Shanghai publishes 《上海市培育「元宇宙」新賽道行動方案（2022—2025年）》"
    )


def test_a_city_office_acts_for_its_city_not_its_province() -> None:
    meta = {"published": dt.date(2023, 9, 20), "title": "四川省元宇宙产业发展行动计划"}
    text = (
        "今年1月，成都市新经济发展工作领导小组办公室印发"
        "《成都市元宇宙产业发展行动方案（2022—2025年）》。"
    )
    row = _one(text, meta)
    assert (row["date"], row["precision"], row["actor"]) == ("2023-01-01", "month", "Chengdu")


def test_a_plan_s_period_and_a_target_are_not_event_dates() -> None:
    text = "到2025年，全省元宇宙产业规模达到2500亿元。该计划覆盖2023至2025年。"
    assert extract_events("a", text, {"published": dt.date(2023, 9, 20), "title": ""}) == []


def test_the_same_occasion_shares_the_date_of_the_event_before() -> None:
    text = (
        "Jiangning on Saturday released a three-year plan for its metaverse industry. "
        "At the same event, 16 metaverse-related projects were unveiled."
    )
    rows = extract_events("a", text, {"published": dt.date(2023, 4, 17), "title": ""})
    assert [(r["date"], r["date_rule"]) for r in rows] == [
        ("2023-04-15", "date"),
        ("2023-04-15", "same-occasion"),
    ]


def test_trailing_stories_are_not_events() -> None:
    text = (
        "Zhejiang on Saturday set up a metaverse industry association.\n\n"
        + "The association has 91 members and more to come, its founders said in a statement. " * 3
        + "\n\nRead next: Shenzhen drone makers launched a new model on Monday"
    )
    rows = extract_events("a", text, {"published": dt.date(2023, 7, 18), "title": ""})
    assert [r["date"] for r in rows] == ["2023-07-15"]


def test_one_event_told_by_two_articles_is_one_row_with_two_sources() -> None:
    a = {"article": "a", "start": 0, "date": "2022-09-27", "precision": "day", "kind": "plan",
         "actor": "Henan", "label": "Henan publishes plan"}  # fmt: skip
    b = {**a, "article": "b", "start": 5, "date": "2022-09-01", "precision": "month"}
    c = {**a, "article": "c", "date": "2022-07-01", "precision": "month"}
    merged = merge_events([b, a, c])
    assert [(r["article"], r["date"], r["sources"]) for r in merged] == [
        ("a", "2022-09-27", "a;b"),
        ("c", "2022-07-01", "c"),
    ]


def _label(text: str, published: dt.date = dt.date(2023, 6, 19)) -> str:
    return _one(text, {"published": published, "title": ""})["label"]


def test_a_label_says_what_happened() -> None:
    assert (
        _label("A licensing regime for retail crypto trading took effect on June 1.")
        == "Licensing regime takes effect"
    )
    assert (
        _label("Last month ground was broken on the Zhengzhou Metaverse Industry Park; more.")
        == "Zhengzhou Metaverse Industry Park breaks ground"
    )
    assert (
        _label("A report published on Wednesday by Bloomberg Intelligence put it at $800 billion.")
        == "Bloomberg Intelligence publishes report"
    )


def test_a_statement_s_label_says_what_was_said() -> None:
    text = (
        "Cyberport, the city's technology park, has attracted more than 150 Web3 companies, "
        "Financial Secretary Paul Chan wrote in a blog post on Sunday."
    )
    row = _one(text, {"published": dt.date(2023, 6, 19), "title": ""})
    assert row["actor"] == "Hong Kong"
    assert row["label"] == "Hong Kong says Cyberport has attracted more than 150 Web3 companies"


def test_a_plan_a_country_unveiled_is_the_ministry_s_that_issued_it() -> None:
    text = (
        "China on Tuesday unveiled its first action plan for the virtual reality industry.\n\n"
        "The plan, issued jointly by the Ministry of Industry and Information Technology and "
        "four other departments, covers 2022 to 2026."
    )
    row = _one(text, {"published": dt.date(2022, 11, 2), "title": ""})
    assert (row["date"], row["actor"], row["actor_rule"]) == (
        "2022-11-01",
        "Ministry of Industry and Information Technology",
        "issued-by",
    )


def test_where_a_thing_happened_names_its_actor_when_nobody_else_does() -> None:
    text = "The plan follows the groundbreaking last month of a metaverse park in Zhengzhou."
    row = _one(text, {"published": dt.date(2022, 9, 28), "title": ""})
    assert (row["date"], row["precision"], row["actor"]) == ("2022-08-01", "month", "Zhengzhou")


def test_the_page_speaking_of_itself_and_a_reported_forecast_are_not_events() -> None:
    meta = {"published": dt.date(2022, 2, 15), "title": ""}
    assert extract_events("a", "We launched Protocol in February 2020 to cover tech.", meta) == []
    text = "Research and Markets said in March the market is predicted to grow by 39.5%."
    assert extract_events("a", text, meta) == []


def test_the_news_peg_told_again_with_its_own_date_is_one_event() -> None:
    text = (
        "A group of technology companies in Guangzhou has formed a new industry association "
        "focused on the metaverse.\n\n"
        "Five companies on Friday established the Guangzhou Metaverse Innovation Association."
    )
    rows = extract_events("a", text, {"published": dt.date(2022, 3, 20), "title": ""})
    assert [(r["date"], r["kind"], r["actor"]) for r in rows] == [
        ("2022-03-18", "alliance", "Guangzhou Metaverse Innovation Association")
    ]


def test_a_date_outside_an_after_clause_and_an_adjective_participle_date_nothing() -> None:
    meta = {"published": dt.date(2022, 2, 15), "title": ""}
    text = (
        "On Dec. 21, two months after Facebook's rebranding launched the metaverse into "
        "everyday talk, Shanghai's party secretary spoke up."
    )
    assert extract_events("a", text, meta) == []
    text = "Last September, the ministry emphasized, through a published document, a standard."
    assert extract_events("a", text, meta) == []


def test_the_kind_comes_from_what_was_published_or_done() -> None:
    meta = {"published": dt.date(2023, 12, 27), "title": ""}
    row = _one("Meta released its Quest 3 mixed-reality headset in September.", meta)
    assert (row["kind"], row["label"]) == ("other", "Meta releases Quest 3 mixed-reality headset")
    zh = "郑州市政府10日正式发布《郑州市元宇宙产业发展实施方案（2023—2025年）》和《郑州市促进元宇宙产业发展若干政策措施》两份文件。"  # noqa: E501
    rows = extract_events("a", zh, {"published": dt.date(2023, 2, 10), "title": ""})
    assert [(r["date"], r["kind"], r["actor"]) for r in rows] == [
        ("2023-02-10", "plan", "Zhengzhou"),
        ("2023-02-10", "regulation", "Zhengzhou"),
    ]


def test_a_notice_that_issues_a_plan_is_dated_by_its_signature_line() -> None:
    text = (
        "上海市人民政府办公厅关于印发《上海市培育“元宇宙”新赛道行动方案（2022—2025年）》的通知\n\n"
        "各区人民政府，市政府各委、办、局：\n\n"
        "经市政府同意，现将《上海市培育“元宇宙”新赛道行动方案（2022—2025年）》印发给你们，"
        "请认真按照执行。\n\n"
        "上海市人民政府办公厅\n"
        "2022年6月24日\n\n"
        "到2025年，本市“元宇宙”相关产业规模达到3500亿元。"
    )
    row = _one(text, {"published": dt.date(2022, 7, 8), "title": ""})
    assert (row["date"], row["kind"], row["actor"]) == ("2022-06-24", "plan", "Shanghai")


def test_recently_dates_the_news_by_the_article() -> None:
    text = (
        "五部门近日联合印发《元宇宙产业创新发展三年行动计划（2023—2025年）》，提出到2025年的目标。"
    )
    row = _one(text, {"published": dt.date(2023, 9, 8), "title": ""})
    assert (row["date"], row["date_rule"], row["kind"]) == ("2023-09-08", "recency", "plan")
