"""Dates in text, relative ones resolved against the published date."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract.dates import find_dates

PUB = dt.date(2024, 1, 22)  # a Monday


def first(text: str, published: dt.date | None = PUB) -> tuple[dt.date | None, str]:
    hits = find_dates(text, published)
    assert hits, text
    return hits[0].date, hits[0].precision


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("On July 5, 2023 the alliance launched", dt.date(2023, 7, 5), "day"),
        ("19 January 2024", dt.date(2024, 1, 19), "day"),
        ("2023年7月5日发布", dt.date(2023, 7, 5), "day"),
        ("2022年3月", dt.date(2022, 3, 1), "month"),
        ("by 2025", dt.date(2025, 1, 1), "year"),
        ("到2025年", dt.date(2025, 1, 1), "year"),
        ("in March 2022", dt.date(2022, 3, 1), "month"),
        ("last September", dt.date(2023, 9, 1), "month"),
        ("in August", dt.date(2023, 8, 1), "month"),
        ("this January", dt.date(2024, 1, 1), "month"),
        ("On Friday, it said", dt.date(2024, 1, 19), "day"),
        ("on Jan. 19", dt.date(2024, 1, 19), "day"),
        ("the previous year", dt.date(2023, 1, 1), "year"),
        ("next year", dt.date(2025, 1, 1), "year"),
        ("去年", dt.date(2023, 1, 1), "year"),
        ("今年", dt.date(2024, 1, 1), "year"),
        ("明年", dt.date(2025, 1, 1), "year"),
        ("上个月", dt.date(2023, 12, 1), "month"),
        ("A year ago, only", dt.date(2023, 1, 1), "year"),
        ("two years ago", dt.date(2022, 1, 1), "year"),
    ],
)
def test_dates_resolve(text: str, date: dt.date, precision: str) -> None:
    assert first(text) == (date, precision)


def test_relative_dates_without_published_date_are_unknown() -> None:
    assert first("last September", None)[0] is None
    assert first("去年", None)[0] is None


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Prices may rise.", PUB) == []


def test_in_the_last_year_is_not_a_calendar_year() -> None:
    assert find_dates("registered in the last year", PUB) == []


def test_hits_do_not_overlap_and_are_in_order() -> None:
    hits = find_dates("On Friday, Jan. 19, 2024 and by 2025", PUB)
    assert [h.text for h in hits] == ["Friday", "Jan. 19, 2024", "2025"]


def test_an_amount_starting_with_a_year_like_number_is_no_year() -> None:
    from briefing.extract.dates import find_dates

    found = [d.text for d in find_dates("规模达到2000亿元，2000万台，2000.5，2000年，in 2001")]
    assert found == ["2000年", "2001"]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("in the fourth quarter of 2022", 2022),
        ("in Q3 2023", 2023),
        ("2022年第三季度", 2022),
        # without a year: the latest such period begun by publication (PUB is 22 Jan 2024)
        ("in the second quarter", 2023),
        ("in the first quarter", 2024),
        ("前三季度", 2023),
        ("上半年", 2024),
        ("in the first half", 2024),
        ("in the second half", 2023),
        ("H1 2022", 2022),
    ],
)
def test_quarters_and_half_years_give_their_year(text: str, year: int) -> None:
    date, precision = first(text)
    assert (date.year if date else None, precision) == (year, "year")


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("2023/02/08 05:30", dt.date(2023, 2, 8), "day"),
        ("2023.02.08", dt.date(2023, 2, 8), "day"),
        ("去年9月印发", dt.date(2023, 9, 1), "month"),
        ("今年1月", dt.date(2024, 1, 1), "month"),
        ("于1月18日联合印发", dt.date(2024, 1, 18), "day"),
        ("12月份", dt.date(2023, 12, 1), "month"),
    ],
)
def test_page_dates_and_chinese_months_without_a_year(
    text: str, date: dt.date, precision: str
) -> None:
    assert first(text) == (date, precision)


def test_a_version_or_a_decimal_is_no_date() -> None:
    assert find_dates("v2.1.3 and 1.5月", PUB) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [("over 2011-2020", 2020), ("in 2016–2020", 2020), ("（2023—2025年）", 2025)],
)
def test_a_span_written_as_one_date_gives_its_later_year(text: str, year: int) -> None:
    date, precision = first(text)
    assert (date.year if date else None, precision) == (year, "year")


def test_a_range_of_amounts_is_no_span_of_years() -> None:
    assert find_dates("2000-3000元", PUB) == []


def test_may_after_a_preposition_of_time_is_the_month() -> None:
    import datetime as _dt

    from briefing.extract import dates as _dates

    found = _dates.find_dates("Zhengzhou said in May it would create a fund", _dt.date(2023, 9, 13))
    assert [(d.text, d.date) for d in found] == [("May", _dt.date(2023, 5, 1))]
    assert (
        _dates.find_dates("The city May offer grants; prices may rise", _dt.date(2023, 9, 13)) == []
    )


def test_last_week_is_the_month_of_the_week_before() -> None:
    found = find_dates("five ministries last week set a goal", dt.date(2023, 9, 3))
    assert [(d.text, d.date, d.precision) for d in found] == [
        ("last week", dt.date(2023, 8, 1), "month")
    ]
