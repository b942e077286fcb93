"""Alias tables: every way of naming a place or organisation resolves to one name."""

from __future__ import annotations

import pytest

from briefing.reference import find_mentions, resolve_org, resolve_place


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("四川省", "Sichuan"),
        ("Sichuan province", "Sichuan"),
        ("U.S.", "United States"),
        ("美国", "United States"),
        ("廣東", "Guangdong"),
        ("Nansha district", "Nansha"),
        ("PRC", "China"),
        ("Xizang", "Tibet"),
    ],
)
def test_places(alias: str, name: str) -> None:
    assert resolve_place(alias) == name


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("HKUST Xunfei", "iFlytek"),
        ("科大讯飞", "iFlytek"),
        ("Sense Time", "SenseTime"),
        ("工信部", "Ministry of Industry and Information Technology"),
        ("MIIT", "Ministry of Industry and Information Technology"),
        ("腾讯", "Tencent"),
    ],
)
def test_organisations(alias: str, name: str) -> None:
    assert resolve_org(alias) == name


def test_places_are_not_organisations() -> None:
    assert resolve_org("Sichuan") is None and resolve_place("Tencent") is None


def test_all_provincial_level_divisions_are_listed() -> None:
    import csv

    from briefing.reference import REFERENCE_DIR

    with (REFERENCE_DIR / "places.csv").open(encoding="utf-8") as fh:
        kinds = [r["type"] for r in csv.DictReader(fh)]
    assert sum(k in ("province", "municipality", "autonomous_region", "sar") for k in kinds) == 34


def test_longest_name_wins_and_words_are_whole() -> None:
    mentions = find_mentions("China Mobile and China met in Chinatown; 中国移动在上海。")
    assert [(m.text, m.canonical) for m in mentions] == [
        ("China Mobile", "China Mobile"),
        ("China", "China"),
        ("中国移动", "China Mobile"),
        ("上海", "Shanghai"),
    ]


def test_a_generic_body_name_means_a_known_body_only_in_an_article_about_it():
    from briefing.reference import find_mentions

    about = find_mentions("The Metaverse Industry Alliance led by China Mobile has 24 members.")
    assert about[0].canonical == "China Mobile metaverse alliance"
    elsewhere = find_mentions("元宇宙产业联盟成立于2022年。The metaverse industry alliance grew.")
    assert [m.canonical for m in elsewhere] == ["元宇宙产业联盟", "Metaverse Industry Alliance"]
