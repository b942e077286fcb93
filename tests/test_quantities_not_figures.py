"""What is NOT a figure: dates, ordinals, ranks, labels, identifiers, durations, bare numbers."""

from __future__ import annotations

import math
import time

import pytest

from briefing.extract.quantities import find_quantities


@pytest.mark.parametrize(
    "text",
    [
        # years and dates
        "The plan runs until 2025.",
        "by 2025",
        "patents filed from 2011 to 2022",
        "between 2020 and 2025",
        "到2025年底",
        "二〇二五年",
        "On Friday, Jan. 19, the ministry said",
        "July 5, 2023",
        "on 19 January",
        "12月18日发布",
        "published 2022-02-15",
        "dated 15/02/2022",
        "Copyright (c) 2022. All rights reserved.",
        # ordinals and ranks
        "Wuhan and Hefei rank 9th and 20th",
        "China is number 2 globally",
        "ranked No. 2 in the world",
        "排名第二",
        "第3届大会",
        "the 3rd batch",
        # times, phones, identifiers, versions, sections, URLs
        "at 10:30 on Friday",
        "the meeting ends at 3pm",
        "call +86 10 6520 1234",
        "call 010-65201234",
        "Nvidia H100 chips",
        "the Web3 industry and Web3.0 tools",
        "5G networks",
        "COVID-19 restrictions",
        "37Games is a publisher",
        "Amazon's HQ2",
        "version 2.1.3 of the app",
        "see Section 3.2",
        "under Article 5 of the rules",
        "https://example.com/2022/03/metaverse-100",
        "a 3D model",
        # durations
        "after 15 years as a business reporter",
        "two months after the rebranding",
        "Five years ago, it was semiconductors",
        "within 3 months",
        "用了三个月",
        "五年内",
        # bare small numbers and articles
        "one of them is listed",
        "one of the first incubators",
        "The 'Big 3' cloud providers",
        "at least two",
        "一个重要平台",
        "建设一批示范项目",
        # Chinese words that contain numeral characters
        "千万不要忘记",
        "百度发布了新平台",
        "四川省出台政策",
        "十分重要",
        "统一标准",
        "万一失败",
        "两会期间",
        # fractions and multipliers used as words
        "in the first half of the year",
        "a double standard",
        "double-digit growth",
        "the third of its kind",
    ],
)
def test_not_a_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_a_year_next_to_a_figure_does_not_hide_it() -> None:
    found = find_quantities("In 2023, 300 companies joined; by 2025年，规模突破100亿元")
    assert [q.text for q in found] == ["300 companies", "突破100亿元"]


def test_a_year_with_a_currency_is_money() -> None:
    (q,) = find_quantities("a fee of $2025")
    assert (q.value, q.unit) == (2025.0, "USD")


def test_a_year_like_count_with_a_qualifier_is_a_figure() -> None:
    (q,) = find_quantities("more than 2000 companies")
    assert (q.value, q.counted) == (2000.0, "companies")


@pytest.mark.parametrize(
    "hostile",
    [
        "1," * 20_000,
        "1." * 20_000,
        "11,22," * 8_000,
        "one " * 12_000,
        "9" * 40_000,
        "一" * 40_000,
        "企业" * 20_000,
        "100家" + "企业" * 20_000,
        "$" * 20_000 + "5",
        "more than " * 4_000 + "5 companies",
    ],
)
def test_hostile_input_stays_linear_and_finite(hostile: str) -> None:
    t0 = time.perf_counter()
    found = find_quantities(hostile)
    assert time.perf_counter() - t0 < 3.0  # quadratic behaviour took minutes at these sizes
    assert all(math.isfinite(q.value) for q in found)
    assert all(hostile[q.start : q.end] == q.text for q in found)
