"""Numbers for people (briefing.numfmt): compact money, separators, no spurious precision."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing import numfmt


@pytest.mark.parametrize(
    ("value", "currency", "converted", "expected"),
    [
        (350e9, "CNY", False, "¥350bn"),
        (1.5e12, "CNY", False, "¥1.5tn"),
        (49.295e9, "USD", True, "≈$49.3bn"),
        (211_267_605_633.8, "USD", True, "≈$211bn"),
        (21_126_760_563.38, "USD", True, "≈$21.1bn"),
        (999.96e9, "USD", True, "≈$1tn"),
        (5e6, "CNY", False, "¥5m"),
        (2e6, "HKD", False, "HK$2m"),
        (-3e9, "USD", False, "-$3bn"),
    ],
)
def test_money_is_compact_with_its_currency(value, currency, converted, expected):
    assert numfmt.money(value, currency, converted=converted) == expected


@given(st.floats(min_value=1e6, max_value=1e15, allow_nan=False))
def test_money_never_has_cents_or_four_digit_groups(value):
    text = numfmt.money(value, "USD", converted=True)
    assert "." not in text.split("$")[1][-3:] or text[-2:] in ("bn", "tn") or text[-1] == "m"
    assert not any(len(group) == 3 for group in text.split(",")[3:])
    digits = sum(c.isdigit() for c in text)
    assert digits <= 4, text  # three significant figures, plus at most one for 1000-rounding


@pytest.mark.parametrize(
    ("value", "expected"), [(14291, "14,291"), (16252.4, "16,252"), (2.5, "2.5"), (24, "24")]
)
def test_counts_have_separators_and_no_spurious_decimals(value, expected):
    assert numfmt.count(value) == expected


def test_percentages_as_written():
    assert numfmt.percent(39.5) == "39.5%"
    assert numfmt.percent(30.0) == "30%"
    assert numfmt.percent(0.1 + 0.2) == "0.3%"
