"""The grammar of figures in English news and policy text: one behaviour per test."""

from __future__ import annotations

import itertools

import pytest

from briefing.extract.quantities import Quantity, find_quantities


def only(text: str) -> Quantity:
    """The single figure in `text`; fails the test if there is none or more than one."""
    found = find_quantities(text)
    assert len(found) == 1, f"expected one figure in {text!r}, got {found}"
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


def texts(text: str) -> list[str]:
    return [q.text for q in find_quantities(text)]


def test_money_with_scale_word_and_currency_after() -> None:
    text = "Sichuan aims to achieve a market size of 250 billion yuan by 2025."
    q = only(text)
    assert (q.text, q.value, q.unit, q.qualifier) == ("250 billion yuan", 2.5e11, "CNY", "exact")
    assert q.start == text.index("250") and q.end == text.index(" by")


def test_indian_digit_grouping_in_dollars() -> None:
    q = only("The market will reach $1,06,102.8 million in 2023.")
    assert (q.text, q.value, q.unit) == ("$1,06,102.8 million", 1.061028e11, "USD")


def test_conversion_in_parentheses_points_to_the_amount_it_converts() -> None:
    text = "a market size of 250 billion yuan (equivalent to 35.1 billion dollars) by 2025"
    yuan, dollars = find_quantities(text)
    assert (yuan.unit, dollars.unit, dollars.value) == ("CNY", "USD", 3.51e10)
    assert dollars.conversion_of_start == yuan.start == text.index("250")
    assert yuan.conversion_of_start is None


def test_conversion_with_about_and_abbreviated_scale() -> None:
    text = "The fund holds 250 billion yuan (about $35bn) in assets."
    yuan, dollars = find_quantities(text)
    assert (dollars.text, dollars.value, dollars.qualifier) == ("about $35bn", 3.5e10, "about")
    assert dollars.conversion_of_start == yuan.start


def test_two_amounts_in_one_currency_are_not_a_conversion() -> None:
    _first, second = find_quantities("It raised $5 million (and later $8 million).")
    assert second.conversion_of_start is None


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("a grant of RMB 500 million", "CNY", 5e8),
        ("revenue of RMB250bn", "CNY", 2.5e11),
        ("a deal worth US$1.2 billion", "USD", 1.2e9),
        ("HK$3.5 billion in listings", "HKD", 3.5e9),
        ("a fund of €200m", "EUR", 2e8),
        ("a budget of £40 million", "GBP", 4e7),
        ("some ¥3,000 per month", "CNY", 3000.0),
        ("a market of 1.2tn yuan", "CNY", 1.2e12),
        ("USD 35.1 billion", "USD", 3.51e10),
        ("35.1 billion US dollars", "USD", 3.51e10),
        ("500 million renminbi", "CNY", 5e8),
        ("20 billion euros", "EUR", 2e10),
        ("3 trillion yen", "JPY", 3e12),
        ("$50k in prizes", "USD", 5e4),
        ("revenue of $3bn", "USD", 3e9),
        ("a 4 mn dollar grant", "USD", 4e6),
        ("sales of 12 billion Hong Kong dollars", "HKD", 1.2e10),
    ],
)
def test_currencies_before_and_after(text: str, unit: str, value: float) -> None:
    q = only(text)
    assert (q.unit, q.value) == (unit, value)


def test_span_starts_at_the_currency_sign() -> None:
    q = only("a deal worth US$1.2 billion")
    assert q.text == "US$1.2 billion"


@pytest.mark.parametrize(
    ("text", "qualifier", "span"),
    [
        ("there are more than 500 companies", "more_than", "more than 500 companies"),
        ("over 300 firms joined", "more_than", "over 300 firms"),
        ("at least 10 Chinese cities", "at_least", "at least 10 Chinese cities"),
        ("nearly 200 startups", "about", "nearly 200 startups"),
        ("almost 40% of users", "about", "almost 40%"),
        ("about 40% this year", "about", "about 40%"),
        ("approximately 350,000 chips", "about", "approximately 350,000 chips"),
        ("around 1,200 patents", "about", "around 1,200 patents"),
        ("some 60 delegates", "about", "some 60 delegates"),
        ("roughly $2bn", "about", "roughly $2bn"),
        ("close to 90 members", "about", "close to 90 members"),
        ("up to 5 billion yuan", "up_to", "up to 5 billion yuan"),
        ("As many as 14,291 patents", "up_to", "As many as 14,291 patents"),
        ("less than 5% of firms", "less_than", "less than 5%"),
        ("fewer than 20 companies", "less_than", "fewer than 20 companies"),
        ("under 10% of revenue", "less_than", "under 10%"),
        ("in excess of $4 billion", "more_than", "in excess of $4 billion"),
        ("upwards of 3,000 visitors", "more_than", "upwards of 3,000 visitors"),
        ("no fewer than 12 provinces", "at_least", "no fewer than 12 provinces"),
    ],
)
def test_qualifiers_before_the_number_are_part_of_the_span(
    text: str, qualifier: str, span: str
) -> None:
    q = only(text)
    assert (q.qualifier, q.text) == (qualifier, span)


def test_or_more_after_the_counted_noun_means_at_least() -> None:
    q = only("It wants 100 companies or more in the park.")
    assert (q.text, q.qualifier, q.counted) == ("100 companies or more", "at_least", "companies")


def test_or_more_before_the_counted_noun_means_at_least() -> None:
    q = only("It wants 100 or more companies.")
    assert (q.qualifier, q.counted, q.value) == ("at_least", "companies", 100.0)


def test_plus_sign_after_a_count_means_more_than() -> None:
    q = only("500+ companies registered")
    assert (q.qualifier, q.counted) == ("more_than", "companies")


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("Five tech companies set up the association", 5.0, "tech companies"),
        ("the alliance includes 24 tech companies in principle", 24.0, "tech companies"),
        ("14,291 metaverse-related patents were filed", 14291.0, "metaverse-related patents"),
        (
            "the number of trademark applications reached 16,000 trademark applications",
            16000.0,
            "trademark applications",
        ),
        ("at least 10 Chinese cities and provinces started", 10.0, "chinese cities and provinces"),
        ("a dozen companies", 12.0, "companies"),
        ("twenty-four members", 24.0, "members"),
        ("one hundred and fifty startups", 150.0, "startups"),
        ("a town of half a million residents", 500000.0, "residents"),
        ("two million users", 2e6, "users"),
        ("1.2 million people", 1.2e6, "people"),
    ],
)
def test_counts_and_their_counted_noun_phrase(text: str, value: float, counted: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.counted) == (value, "count", counted)


def test_counted_phrase_stops_at_a_preposition() -> None:
    q = only("there are 300 companies in the district")
    assert q.text == "300 companies"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("accounting for 30% of patents", 30.0, "percent"),
        ("a rise of 39.5 per cent", 39.5, "percent"),
        ("growth of 12 percent", 12.0, "percent"),
        ("a share of 45％", 45.0, "percent"),
        ("up 2.5 percentage points", 2.5, "percentage_points"),
        ("One hundred percent electronic", 100.0, "percent"),
        ("two-thirds of the firms", 200 / 3, "percent"),
        ("a quarter of the budget", 25.0, "percent"),
        ("half of the companies", 50.0, "percent"),
    ],
)
def test_percentages_and_shares(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.unit, q.value) == (unit, pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("applications doubled", 2.0, "doubled"),
        ("double the number recorded", 2.0, "double"),
        ("a 3-fold increase", 3.0, "3-fold"),
        ("three times the size of", 3.0, "three times"),
        ("twice as many firms", 2.0, "twice"),
        ("half the number of last year", 0.5, "half"),
        ("a 10x return", 10.0, "10x"),
    ],
)
def test_ratios_are_times(text: str, value: float, span: str) -> None:
    q = only(text)
    assert (q.unit, q.value, q.text) == ("times", value, span)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("build 3-5 parks", 3.0, 5.0, "count"),
        ("growth of 10-20%", 10.0, 20.0, "percent"),
        ("growth of 10%-20%", 10.0, 20.0, "percent"),
        ("between 3 and 5 clusters", 3.0, 5.0, "count"),
        ("build 3–5 industrial parks", 3.0, 5.0, "count"),
        ("10 to 20 companies", 10.0, 20.0, "count"),
        ("three to five clusters", 3.0, 5.0, "count"),
        ("3-5 billion yuan", 3e9, 5e9, "CNY"),
        ("$3bn-$5bn", 3e9, 5e9, "USD"),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.value_high, q.unit) == (low, high, unit)


def test_from_to_is_two_figures_not_a_range() -> None:
    found = find_quantities("the share rose from 7.8% in 2020 to 10% in 2025")
    assert [(q.text, q.value_high) for q in found] == [("7.8%", None), ("10%", None)]


def test_figures_are_sorted_and_do_not_overlap() -> None:
    text = "more than 500 companies, 93% of them new, and 250 billion yuan of output"
    found = find_quantities(text)
    assert [q.text for q in found] == ["more than 500 companies", "93%", "250 billion yuan"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_grouped_bare_number_is_a_figure() -> None:
    q = only("applications reached 16,000 in the first two months")
    assert (q.value, q.unit, q.counted) == (16000.0, "count", None)


def test_physical_units() -> None:
    q = only("a park covering 12.5 square kilometers")
    assert (q.unit, q.value) == ("sq_km", 12.5)


def test_full_width_digits_in_english_text() -> None:
    q = only("about １２０ companies")
    assert (q.value, q.counted) == (120.0, "companies")


def test_text_is_always_the_source_slice() -> None:
    text = "Five tech companies (about $35bn) and 3,500 firms; 10-20% growth."
    assert texts(text) == [text[q.start : q.end] for q in find_quantities(text)]


def test_times_before_a_possessive_is_a_ratio_and_the_year_after_is_not_a_figure() -> None:
    q = only("Its valuation is now 15 times its 2015 level.")
    assert (q.text, q.unit, q.value) == ("15 times", "times", 15.0)


def test_fraction_with_qualifier() -> None:
    q = only("Nearly two-thirds of the firms surveyed")
    assert (q.text, q.qualifier, q.unit) == ("Nearly two-thirds", "about", "percent")


def test_hyphenated_counted_noun() -> None:
    q = only("it will invest in 20 to 30 start-ups")
    assert (q.value, q.value_high, q.counted) == (20.0, 30.0, "start-ups")


def test_mixed_case_currency_code_glued_to_the_number() -> None:
    q = only("and Rmb5bn of loans")
    assert (q.text, q.value, q.unit) == ("Rmb5bn", 5e9, "CNY")


@pytest.mark.parametrize(
    "text", ["hundreds of companies", "tens of thousands of people", "a 3.5m tower"]
)
def test_vague_amounts_and_bare_m_are_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_count_of_which_refers_back_and_is_a_figure() -> None:
    found = find_quantities(
        "There are more than 300 firms in the district, 10 of which are listed."
    )
    assert [(f.text, f.counted) for f in found] == [("more than 300 firms", "firms"), ("10", None)]


def test_names_containing_a_count_are_not_figures() -> None:
    assert find_quantities("an unlikely topic in China's 'two sessions' this year") == []


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [("30-odd companies", 30, "companies"), ("its 3,000-odd schools", 3000, "schools")],
)
def test_odd_after_a_number_is_about_that_many(text: str, value: float, counted: str) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.qualifier, q.counted) == (value, "about", counted)


def test_odd_before_a_time_noun_is_no_count() -> None:
    assert find_quantities("a 20-odd-year career") == []


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ('It will cultivate 10 "leading" companies.', 10, "leading companies"),
        (
            "and 100 “specialised and sophisticated” firms",
            100,
            "specialised and sophisticated firms",
        ),
        ("home to 40 'unicorns' in all", 40, "unicorns"),
        ("The 12 ‘little giant’ enterprises", 12, "little giant enterprises"),
        (
            "There are 30 small and medium-sized enterprises.",
            30,
            "small and medium-sized enterprises",
        ),
        ("in 500 cities and provinces", 500, "cities and provinces"),
    ],
)
def test_quoted_and_coordinated_modifiers_before_the_counted_noun(
    text: str, value: float, counted: str
) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.counted) == (value, counted)
    assert text[q.start : q.end] == q.text


def test_a_possessive_plural_keeps_its_apostrophe() -> None:
    (q,) = find_quantities("the 5 biggest firms' shares")
    assert q.counted == "biggest firms' shares"


@pytest.mark.parametrize(
    ("text", "figure", "value", "qualifier"),
    [
        ("One in five companies said the metaverse was a priority.", "One in five", 20.0, "exact"),
        ("nearly three out of every ten users", "nearly three out of every ten", 30.0, "about"),
        ("1 in 4 firms", "1 in 4", 25.0, "exact"),
    ],
)
def test_one_in_n_is_a_share(text: str, figure: str, value: float, qualifier: str) -> None:
    (q,) = find_quantities(text)
    assert (q.text, q.value, q.unit, q.qualifier) == (figure, value, "percent", qualifier)


@pytest.mark.parametrize("text", ["one in 2023", "It grew 3 in 10 years.", "five in one"])
def test_one_in_a_year_or_a_duration_is_no_share(text: str) -> None:
    assert all(q.unit != "percent" for q in find_quantities(text))


def test_a_plus_after_money_or_a_percentage_is_more_than() -> None:
    from briefing.extract.quantities import find_quantities

    found = [
        (q.text, q.qualifier) for q in find_quantities("valued at $1bn-plus, with 50%+ growth")
    ]
    assert found == [("$1bn-plus", "more_than"), ("50%+", "more_than")]
    assert [q.qualifier for q in find_quantities("$1bn plus $2bn")] == ["exact", "exact"]
