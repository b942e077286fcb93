"""Places beyond the hand table: every Chinese division, every country, one pass over the text."""

from __future__ import annotations

import csv

import pytest

from briefing.reference import REFERENCE_DIR, entry_for, find_mentions, resolve_place


def _named(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in find_mentions(text)]


def test_the_generated_table_lists_every_province_and_hundreds_of_cities() -> None:
    with (REFERENCE_DIR / "admin_divisions.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    levels = [r["level"] for r in rows]
    assert levels.count("province") == 34
    assert levels.count("prefecture") > 300 and levels.count("county") > 2800
    assert len({r["name"] for r in rows}) == len(rows), "canonical names are unique"


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("洛阳市", "Luoyang"),
        ("洛阳", "Luoyang"),
        ("Luoyang", "Luoyang"),
        ("昆山市", "Kunshan"),
        ("Kunshan City", "Kunshan"),
        ("陕西省", "Shaanxi"),  # the hand table's spelling, not the pinyin Shanxi
        ("Hohhot", "Hohhot"),
        ("乌鲁木齐市", "Urumqi"),
    ],
)
def test_divisions_resolve_to_one_name(alias: str, name: str) -> None:
    assert resolve_place(alias) == name


def test_a_division_knows_its_parent_and_level() -> None:
    kunshan = entry_for("Kunshan")
    assert kunshan is not None and kunshan.parent == "Suzhou" and kunshan.level == "county"
    [m] = find_mentions("洛阳市发布元宇宙产业行动计划。")
    assert (m.canonical, m.kind, m.parent, m.level) == ("Luoyang", "city", "Henan", "prefecture")


def test_new_cities_in_running_text_english_and_chinese() -> None:
    assert _named("Luoyang and Kunshan City unveiled metaverse plans; so did 宜宾市 and 淄博.") == [
        ("Luoyang", "Luoyang"),
        ("Kunshan City", "Kunshan"),
        ("宜宾市", "Yibin"),
        ("淄博", "Zibo"),
    ]


def test_county_level_names_need_their_level_word() -> None:
    # "Pingyang" alone is not a place here; "Pingyang County" is
    assert _named("The Pingyang team met.") == []
    assert [c for _, c in _named("Pingyang County set a target.")] == ["Pingyang"]


def test_everyday_words_are_not_places() -> None:
    # 白银 is silver, 日照 sunshine, 安康 well-being; their full names are places
    assert _named("白银价格上涨，日照充足，祝大家安康。") == []
    assert [c for _, c in _named("白银市和日照市")] == ["Baiyin", "Rizhao"]


def test_a_shared_district_name_follows_the_city_named_in_the_text() -> None:
    nanjing = _named("南京市鼓楼区发布元宇宙政策。")
    fuzhou = _named("福州市鼓楼区发布元宇宙政策。")
    assert nanjing[-1] == ("鼓楼区", "Gulou (Nanjing)")
    assert fuzhou[-1] == ("鼓楼区", "Gulou (Fuzhou)")
    # neither city named: skipped rather than guessed
    assert _named("鼓楼区发布元宇宙政策。") == []


def test_the_hand_tables_district_wins_unless_another_city_is_named() -> None:
    assert _named("朝阳区的元宇宙园区")[0][1] == "Chaoyang"  # Beijing's, from places.csv
    assert _named("长春市朝阳区的元宇宙园区")[1] == ("朝阳区", "Chaoyang (Changchun)")


def test_a_district_name_that_starts_like_a_province_needs_its_city() -> None:
    # 河北区 is a district of Tianjin; 河北区域 is "the Hebei region"
    assert _named("河北区域协同发展")[0] == ("河北", "Hebei")
    assert _named("天津市河北区")[1] == ("河北区", "Hebei (Tianjin)")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brazil", "Brazil"),
        ("巴西", "Brazil"),
        ("Saudi Arabia", "Saudi Arabia"),
        ("沙特", "Saudi Arabia"),
        ("Viet Nam", "Vietnam"),
        ("Russia", "Russia"),
        ("俄罗斯", "Russia"),
        ("Germany", "Germany"),
    ],
)
def test_every_country_is_a_place(text: str, name: str) -> None:
    [m] = find_mentions(f"{text} 2025")
    assert (m.canonical, m.kind) == (name, "country")


def test_the_hand_tables_countries_keep_their_names() -> None:
    assert resolve_place("United States of America") == "United States"
    assert resolve_place("大韩民国") == "South Korea"
    assert resolve_place("Taiwan") == "Taiwan" and entry_for("Taiwan").kind == "province"


def test_country_names_that_are_peoples_names_are_not_matched_in_english() -> None:
    assert _named("Jordan said the plan was ambitious.") == []
    assert _named("约旦") == [("约旦", "Jordan")]


def test_country_names_inside_chinese_words_are_not_matched() -> None:
    assert _named("沿海地区的超级马里奥乐园") == []  # not Haiti, not Mali
    assert _named("海地共和国") == [("海地共和国", "Haiti")]


def test_the_world_is_an_entity() -> None:
    named = _named("the global metaverse market; 全球元宇宙市场")
    assert [c for _, c in named] == ["World", "World"]


def test_traditional_chinese_matches_through_folding() -> None:
    assert _named("廣州市與鄭州市") == [("廣州市", "Guangzhou"), ("鄭州市", "Zhengzhou")]


def test_latin_names_are_whole_words_even_next_to_chinese() -> None:
    assert _named("在Shanghai举办") == [("Shanghai", "Shanghai")]
    assert _named("Shanghainese") == []


def test_an_unknown_body_is_its_own_entity_not_the_place_it_is_named_for() -> None:
    [m] = find_mentions("The Zhengzhou Metaverse Industry Alliance has 40 members.")
    assert (m.canonical, m.kind, m.parent, m.inferred) == (
        "Zhengzhou Metaverse Industry Alliance",
        "alliance",
        "Zhengzhou",
        True,
    )
    [m] = find_mentions("郑州市元宇宙产业联盟共有40家成员单位。")
    assert (m.canonical, m.kind, m.parent, m.rule) == (
        "郑州市元宇宙产业联盟",
        "alliance",
        "Zhengzhou",
        "zh-alliance",
    )


def test_a_known_company_with_a_legal_form_is_the_known_company() -> None:
    assert [m.canonical for m in find_mentions("Huawei Technologies Co., Ltd. said")] == ["Huawei"]
    assert [m.canonical for m in find_mentions("深圳市腾讯计算机系统有限公司")] == ["Tencent"]


def test_a_chinese_name_stops_at_verbs_and_function_words() -> None:
    named = _named("由华为与上海市共同成立的上海元宇宙创新中心揭牌。")
    assert named[-1] == ("上海元宇宙创新中心", "上海元宇宙创新中心")
    # a government body's name may contain 和; a list of two companies may not
    assert _named("上海市经济和信息化委员会表示")[0][1] == "上海市经济和信息化委员会"
    assert [c for _, c in _named("腾讯与华为公司")] == ["Tencent", "Huawei"]


def test_a_headline_in_title_case_keeps_the_tables_body() -> None:
    text = "China Mobile Launches Metaverse Industrial Alliance with Xiaomi"
    assert [c for _, c in _named(text)] == [
        "China Mobile",
        "China Mobile metaverse alliance",
        "Xiaomi",
    ]


def test_generic_phrases_are_not_bodies() -> None:
    assert _named("建设10个数据中心，设立100亿元产业基金，一所大学") == []
    assert _named("The group said the association and a new lab would help.") == []
