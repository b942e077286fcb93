"""The grammar of figures in Chinese (simplified and traditional) policy and news text."""

from __future__ import annotations

import pytest

from briefing.extract.quantities import Quantity, find_quantities


def only(text: str) -> Quantity:
    """The single figure in `text`; fails the test if there is none or more than one."""
    found = find_quantities(text)
    assert len(found) == 1, f"expected one figure in {text!r}, got {found}"
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


def test_provincial_target_with_breakthrough_qualifier_and_year() -> None:
    text = "到2025年，元宇宙产业规模突破3500亿元"
    q = only(text)
    assert (q.text, q.value, q.unit, q.qualifier) == ("突破3500亿元", 3.5e11, "CNY", "more_than")
    assert q.start == text.index("突破")


def test_count_with_measure_word_and_yishang_after_it() -> None:
    q = only("培育100家以上元宇宙创新型企业，")
    assert (q.text, q.value, q.qualifier, q.counted) == (
        "100家以上元宇宙创新型企业",
        100.0,
        "at_least",
        "元宇宙创新型企业",
    )


def test_parks_with_ge_measure_word() -> None:
    q = only("打造10个以上元宇宙产业园区。")
    assert (q.value, q.unit, q.qualifier, q.counted) == (
        10.0,
        "count",
        "at_least",
        "元宇宙产业园区",
    )


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("产业规模达三千五百亿元", 3.5e11, "CNY"),
        ("总投资1.5万亿元", 1.5e12, "CNY"),
        ("融资35.1亿美元", 3.51e9, "USD"),
        ("募资50亿港元", 5e9, "HKD"),
        ("募资50亿港币", 5e9, "HKD"),
        ("投资20亿欧元", 2e9, "EUR"),
        ("资金5000万元", 5e7, "CNY"),
        ("规模3500億元", 3.5e11, "CNY"),  # traditional
        ("人民币3500亿元", 3.5e11, "CNY"),
        ("基金规模200亿元人民币", 2e10, "CNY"),
    ],
)
def test_chinese_money(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("两百家企业参与", 200.0, "企业"),
        ("500家企业", 500.0, "企业"),
        ("申请1200件专利", 1200.0, "专利"),
        ("落地50个应用场景", 50.0, "应用场景"),
        ("实施30项标准", 30.0, "标准"),
        ("覆盖20座城市", 20.0, "城市"),
        ("吸引500万人", 5e6, "人"),
        ("培养1000名专业人才", 1000.0, "专业人才"),
        ("聚集300位专家", 300.0, "专家"),
        ("三千五百家企業", 3500.0, "企業"),
    ],
)
def test_measure_words_and_the_noun_they_count(text: str, value: float, counted: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.counted) == (value, "count", counted)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("约3500亿元", "about"),
        ("大约200家企业", "about"),
        ("3500亿元左右", "about"),
        ("超过500家企业", "more_than"),
        ("逾300家企业", "more_than"),
        ("近百家企业", "about"),
        ("将近200家企业", "about"),
        ("不少于50个场景", "at_least"),
        ("至少50个场景", "at_least"),
        ("500多家企业", "more_than"),
        ("300余家企业", "more_than"),
        ("不到10%", "less_than"),
        ("投资额控制在100亿元以内", "up_to"),
        ("3500亿元以上", "at_least"),
    ],
)
def test_chinese_qualifiers(text: str, qualifier: str) -> None:
    assert only(text).qualifier == qualifier


def test_trailing_qualifier_is_part_of_the_span() -> None:
    assert only("规模达到3500亿元左右。").text == "3500亿元左右"


def test_more_infix_before_a_scale() -> None:
    q = only("吸引100多万用户")
    assert (q.value, q.qualifier, q.text) == (1e6, "more_than", "100多万用户")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("增长30%", 30.0, "percent"),
        ("占比45％", 45.0, "percent"),
        ("占百分之三十", 30.0, "percent"),
        ("提高2个百分点", 2.0, "percentage_points"),
        ("增长3倍", 3.0, "times"),
    ],
)
def test_chinese_percent_and_ratios(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("建设三到五个产业园区", 3.0, 5.0),
        ("建设3至5个产业园区", 3.0, 5.0),
        ("建设3-5个产业园区", 3.0, 5.0),
        ("增长10%-20%", 10.0, 20.0),
    ],
)
def test_chinese_ranges(text: str, low: float, high: float) -> None:
    q = only(text)
    assert (q.value, q.value_high) == (low, high)


def test_full_width_digits() -> None:
    q = only("培育１００家企业")
    assert (q.value, q.counted) == (100.0, "企业")


def test_metaverse_is_not_yuan() -> None:
    # 元宇宙 = metaverse: "2023元宇宙大会" is a conference name, not 2023 yuan
    assert find_quantities("2023元宇宙产业博览会开幕") == []


def test_a_whole_plan_sentence() -> None:
    text = (
        "到2025年，全市元宇宙产业规模突破3500亿元，培育100家以上元宇宙创新型企业，"
        "打造10个以上元宇宙产业园区，落地50个以上示范应用场景。"
    )
    assert [q.text for q in find_quantities(text)] == [
        "突破3500亿元",
        "100家以上元宇宙创新型企业",
        "10个以上元宇宙产业园区",
        "50个以上示范应用场景",
    ]


def test_scale_then_measure_word_then_noun() -> None:
    q = only("全国共有3.8万家企业名称中包含“元宇宙”")
    assert (q.text, q.value, q.counted) == ("3.8万家企业", 38000.0, "企业")


def test_traditional_chinese_numeral_money() -> None:
    q = only("預計到2025年，市場規模將達到三千億元。")
    assert (q.text, q.value, q.unit) == ("三千億元", 3e11, "CNY")


def test_area_in_mu() -> None:
    q = only("占地面积约200亩。")
    assert (q.value, q.unit, q.qualifier) == (200.0, "mu", "about")


def test_a_measure_word_alone_makes_a_count() -> None:
    q = only("企业数量达到20家。")
    assert (q.text, q.value, q.unit, q.counted) == ("20家", 20.0, "count", None)


def test_from_to_in_chinese_is_two_figures_and_a_verb_is_not_a_counted_noun() -> None:
    found = find_quantities("从10家增加到20家")
    assert [(q.text, q.counted, q.value_high) for q in found] == [
        ("10家", None, None),
        ("20家", None, None),
    ]


def test_short_unknown_noun_standing_alone_is_counted() -> None:
    assert only("覆盖100个村庄。").counted == "村庄"


@pytest.mark.parametrize(("text", "value"), [("收入翻一番", 2.0), ("产值翻两番。", 4.0)])
def test_fan_yi_fan_doubles(text: str, value: float) -> None:
    q = only(text)
    assert (q.unit, q.value, q.text[0]) == ("times", value, "翻")


@pytest.mark.parametrize(
    ("text", "written", "qualifier"),
    [
        ("算力规模达到10PFlops以上", "10PFlops以上", "at_least"),
        ("新建10 PFLOPS智能算力", "10 PFLOPS", "exact"),
        ("智能算力达到1,06,102.8pflops", "1,06,102.8pflops", "exact"),
    ],
)
def test_latin_units_glued_to_chinese_text_in_any_case(
    text: str, written: str, qualifier: str
) -> None:
    # Chinese plans write computing power in Latin letters, glued to the characters around
    # them and in any case; the unit must be read, not the figure dropped or the build crashed.
    (q,) = find_quantities(text)
    assert (q.text, q.unit, q.qualifier) == (written, "petaflops", qualifier)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("培育10家具有国际竞争力的创新型头部企业。", "具有国际竞争力的创新型头部企业"),
        ("培育100家“专精特新”企业。", "“专精特新”企业"),
        ("全国已有超过20个省市出台了专项政策。", "省市"),
    ],
)
def test_long_and_quoted_noun_phrases_after_a_measure_word(text: str, counted: str) -> None:
    assert only(text).counted == counted


@pytest.mark.parametrize(
    ("text", "written", "value", "qualifier"),
    [
        ("占全球总量的约三分之一。", "约三分之一", 100 / 3, "about"),
        ("超过四分之三的企业", "超过四分之三", 75.0, "more_than"),
        ("三分之二的受访者", "三分之二", 200 / 3, "exact"),
    ],
)
def test_chinese_fractions_are_percentages(
    text: str, written: str, value: float, qualifier: str
) -> None:
    q = only(text)
    assert (q.text, q.unit, q.qualifier) == (written, "percent", qualifier)
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["三分钟后", "十分钟", "五分之六", "零分之一"])
def test_minutes_and_impossible_fractions_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_trillion_yuan_written_without_its_one() -> None:
    q = only("市场规模有望突破万亿元大关。")
    assert (q.text, q.value, q.unit, q.qualifier) == ("突破万亿元", 1e12, "CNY", "more_than")


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("培育20个以上元宇宙应用示范场景。", "元宇宙应用示范场景"),
        ("建设3个公共服务平台。", "公共服务平台"),
        ("5家企业建设平台。", "企业"),  # a verb between two heads ends the noun
    ],
)
def test_compound_nouns_run_across_a_linking_modifier(text: str, counted: str) -> None:
    assert only(text).counted == counted


@pytest.mark.parametrize(
    ("text", "counted", "qualifier"),
    [
        ("引进和培育元宇宙创新型中小企业200家；", "元宇宙创新型中小企业", "exact"),
        ("全省元宇宙企业超过300家。", "元宇宙企业", "more_than"),
        ("培育引进骨干企业10家以上，", "骨干企业", "at_least"),
        ("打造典型应用场景100个，", "典型应用场景", "exact"),
    ],
)
def test_a_count_closing_its_clause_counts_the_noun_before_it(
    text: str, counted: str, qualifier: str
) -> None:
    q = only(text)
    assert (q.counted, q.qualifier) == (counted, qualifier)


def test_a_count_after_a_quantity_noun_names_no_counted_noun() -> None:
    assert only("企业数量达200家").counted is None


@pytest.mark.parametrize(
    ("text", "qualifier"), [("给予最高1000万元奖励", "up_to"), ("高达50亿元", "up_to")]
)
def test_highest_and_as_high_as_are_upper_bounds(text: str, qualifier: str) -> None:
    assert only(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("较去年增加约三成。", 30.0, "about"),
        ("七成的企业表示", 70.0, "exact"),
        ("两成以上", 20.0, "at_least"),
    ],
)
def test_cheng_counts_tenths(text: str, value: float, qualifier: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.qualifier) == (value, "percent", qualifier)


@pytest.mark.parametrize("text", ["一成不变", "十成把握"])
def test_cheng_in_words_and_idioms_is_no_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_the_counted_noun_before_a_count_starts_after_the_clause_s_last_verb() -> None:
    assert only("浙江省则计划培育百亿级龙头企业5家以上。").counted == "百亿级龙头企业"


def test_a_latin_name_inside_the_noun_before_a_count_belongs_to_it() -> None:
    from briefing.extract.quantities import find_quantities

    assert [q.counted for q in find_quantities("截至2022年底，我国已建成5G基站231.2万个。")] == [
        "5G基站"
    ]
    assert [q.counted for q in find_quantities("2022年基站231万个。")] == ["基站"]
