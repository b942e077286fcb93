"""Numerals as written -> numbers: digits with grouping, Chinese numerals, English words."""

from __future__ import annotations

import pytest

from briefing.extract.numbers import (
    fraction_value,
    fullwidth_comma_groups,
    parse_chinese_numeral,
    parse_digits,
    parse_number_words,
    power_of_ten_units,
)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("250", 250.0),
        ("1,234,567", 1234567.0),
        ("14,291", 14291.0),
        ("39.5", 39.5),
        ("1,06,102.8", 106102.8),  # Indian grouping: 1 lakh 6 thousand 102.8
        ("12,34,56,789", 123456789.0),
        ("１２３", 123.0),  # full-width digits
        ("３，５００．５", 3500.5),
    ],
)
def test_digits_read_grouping_decimals_and_full_width(numeral: str, value: float) -> None:
    assert parse_digits(numeral) == value


@pytest.mark.parametrize("numeral", ["1,2,3", "3,5", "1.2.3", "12,3456", ",5"])
def test_digits_that_are_lists_versions_or_european_decimals_are_not_one_numeral(
    numeral: str,
) -> None:
    assert parse_digits(numeral) is None


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三千五百亿", 3.5e11),
        ("两百", 200.0),
        ("一千零五", 1005.0),
        ("十五", 15.0),
        ("二十", 20.0),
        ("一百零八", 108.0),
        ("三千五", 3500.0),
        ("一亿五千万", 1.5e8),
        ("两万亿", 2e12),
        ("十万", 1e5),
        ("三点五", 3.5),
        ("二〇二五", 2025.0),  # digit by digit, as years are written
        ("壹佰", 100.0),  # financial capitals
        ("兩萬", 20000.0),  # traditional
        ("一百一十", 110.0),
        ("百", 100.0),  # 近百家: a leading unit means one of it
        ("千万", 1e7),  # as in 千万元; "千万不要" is rejected by the grammar, not here
    ],
)
def test_chinese_numerals(numeral: str, value: float) -> None:
    assert parse_chinese_numeral(numeral) == value


@pytest.mark.parametrize("numeral", ["十四五", "万", "五百三千", "点五", "三点", "一百零十"])
def test_chinese_character_runs_that_are_not_numerals(numeral: str) -> None:
    assert parse_chinese_numeral(numeral) is None


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["five"], 5.0),
        (["twenty", "four"], 24.0),
        (["one", "hundred", "fifty"], 150.0),
        (["a", "dozen"], 12.0),
        (["two", "million"], 2e6),
        (["three", "hundred", "thousand"], 3e5),
        (["a", "hundred"], 100.0),
        (["nineteen"], 19.0),
    ],
)
def test_english_number_words(words: list[str], value: float) -> None:
    assert parse_number_words(words) == value


@pytest.mark.parametrize("words", [["five", "six"], ["twenty", "thirty"], ["eleven", "two"], []])
def test_sequences_of_number_words_that_are_not_one_number(words: list[str]) -> None:
    assert parse_number_words(words) is None


def test_fractions() -> None:
    assert fraction_value("two", "thirds") == pytest.approx(2 / 3)
    assert fraction_value("a", "quarter") == 0.25
    assert fraction_value(None, "half") == 0.5
    assert fraction_value("twelve", "thirds") is None


@pytest.mark.parametrize(
    ("numeral", "groups"),
    [
        ("20，300", False),  # a clause comma between two numbers: 20，300家
        ("１，１２３", True),  # between full-width digits it groups
        ("1，000，000", True),  # recurring, it groups
        ("1，000", True),  # before a 0: no number starts with one
        ("３，５００．５", True),
        ("1,234", True),  # no full-width comma: nothing to decide
    ],
)
def test_fullwidth_comma_groups_only_where_no_clause_comma_could_stand(
    numeral: str, groups: bool
) -> None:
    assert fullwidth_comma_groups(numeral) is groups


@pytest.mark.parametrize(
    ("numeral", "exponent"),
    [("千", 3), ("仟", 3), ("万", 4), ("萬", 4), ("百万", 6), ("万万", 8), ("五百", None)],
)
def test_denominators_written_in_units_only_are_powers_of_ten(
    numeral: str, exponent: int | None
) -> None:
    assert power_of_ten_units(numeral) == exponent
