"""Property tests: numbers formatted in many styles inside sentence frames parse back.

A number is drawn, written the way news or policy text writes it (grouping, decimals, scale
words, currencies before or after, Chinese 亿/万 and numerals, full-width digits, percent),
put into a sentence frame, and must come back as exactly one quantity with that value.
And on arbitrary Unicode, find_quantities never raises and its spans are honest.
"""

from __future__ import annotations

import itertools
import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefing.extract.quantities import find_quantities

EN_BEFORE = ["", "According to the report, ", "The ministry said ", "In the district, "]
EN_AFTER = [".", " last year.", ", the report said.", " in total"]
ZH_BEFORE = ["", "全市", "据统计，", "目前共有"]
ZH_AFTER = ["。", "，位居全国前列。", "参与建设", ""]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ZH_DIGITS = "零一二三四五六七八九"


def western(n: int) -> str:
    return f"{n:,}"


def indian(n: int) -> str:
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


def chinese(n: int) -> str:
    """Write 1 <= n < 10**12 in Chinese numerals (万/亿 sections, 零 for gaps)."""
    sections = []
    while n:
        sections.append(n % 10000)
        n //= 10000
    out = ""
    need_zero = False
    for index in range(len(sections) - 1, -1, -1):
        s = sections[index]
        if s == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or s < 1000):
            out += "零"
        need_zero = False
        digits = f"{s:04d}"
        part = ""
        pending_zero = False
        for i, d in enumerate(digits):
            if d == "0":
                pending_zero = bool(part)
                continue
            if pending_zero:
                part += "零"
                pending_zero = False
            part += ZH_DIGITS[int(d)] + ["千", "百", "十", ""][i]
        out += part + ["", "万", "亿"][index]
    return out


def is_year(n: float) -> bool:
    return 1800 <= n <= 2100 and n == int(n)


counts = st.integers(min_value=2, max_value=10**9)
decimals = st.decimals(min_value="0.1", max_value="999.9", places=1).map(float)


@st.composite
def english_count(draw: st.DrawFn) -> tuple[str, float]:
    n = draw(counts)
    assume(not is_year(n))
    written = draw(st.sampled_from([western(n), indian(n), western(n).translate(FULL_WIDTH)]))
    noun = draw(st.sampled_from(["companies", "metaverse-related patents", "tech firms"]))
    qualifier = draw(st.sampled_from(["", "more than ", "about ", "at least "]))
    return f"{qualifier}{written} {noun}", float(n)


@st.composite
def english_money(draw: st.DrawFn) -> tuple[str, float]:
    x = draw(decimals)
    scale, factor = draw(
        st.sampled_from(
            [("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("trillion", 1e12), ("mn", 1e6)]
        )
    )
    space = "" if scale in ("bn", "mn") else " "
    number = f"{x}{space}{scale}"
    style = draw(st.sampled_from(["$", "US$", "¥", "€", "HK$", "yuan", "dollars", "euros"]))
    text = f"{style}{number}" if not style.isalpha() else f"{number} {style}"
    return text, float(f"{x!r}e{round(math.log10(factor))}")


@st.composite
def percent(draw: st.DrawFn) -> tuple[str, float]:
    x = draw(st.one_of(decimals, st.integers(1, 100).map(float)))
    written = f"{x:g}"
    sign = draw(st.sampled_from(["%", " percent", " per cent", "％"]))
    return f"{written}{sign}", x


@st.composite
def chinese_money(draw: st.DrawFn) -> tuple[str, float]:
    x = draw(decimals)
    scale, exponent = draw(st.sampled_from([("亿", 8), ("万", 4), ("万亿", 12), ("億", 8)]))
    currency = draw(st.sampled_from(["元", "美元", "港元", "欧元"]))
    return f"{x:g}{scale}{currency}", float(f"{x!r}e{exponent}")


@st.composite
def chinese_count(draw: st.DrawFn) -> tuple[str, float]:
    n = draw(st.integers(min_value=2, max_value=10**11))
    written = draw(st.sampled_from([chinese(n), str(n), str(n).translate(FULL_WIDTH)]))
    assume(not (is_year(n) and written != chinese(n)))  # digit years are years by design
    noun = draw(st.sampled_from(["家企业", "件专利", "个场景", "座城市"]))
    return f"{written}{noun}", float(n)


@st.composite
def chinese_compound(draw: st.DrawFn) -> tuple[str, float, str]:
    """A Chinese amount across its scales (rule compound-amount): 3亿5000万, 25万6千, 3万4000."""
    style = draw(st.sampled_from(["yi-wan", "wan-qian", "wan-digits"]))
    if style == "yi-wan":
        a, b = draw(st.integers(1, 999)), draw(st.integers(1, 9999))
        written, value = f"{a}亿{b}万", a * 10**8 + b * 10**4
    elif style == "wan-qian":
        a, b = draw(st.integers(1, 9999)), draw(st.integers(1, 9))
        written, value = f"{a}万{b}千", a * 10**4 + b * 1000
    else:
        a, b = draw(st.integers(1, 9999)), draw(st.integers(1000, 9999))
        written, value = f"{a}万{b}", a * 10**4 + b
    suffix, unit = draw(
        st.sampled_from([("元", "CNY"), ("美元", "USD"), ("家企业", "count"), ("人", "count")])
    )
    return written + suffix, float(value), unit


@st.composite
def chinese_tenths(draw: st.DrawFn) -> tuple[str, float, str]:
    """成 after a numeral (rule tenths): 三成, 超9成企业, 约7.2成, 三成半 -> percent."""
    if draw(st.booleans()):
        n = draw(st.integers(1, 9))
        written, value = ZH_DIGITS[n], 10.0 * n
    else:
        x = draw(st.decimals(min_value="0.1", max_value="9.9", places=1))
        written, value = f"{x}", float(x * 10)
    half = not written.isascii() and draw(st.booleans())  # 三成半
    qualifier = draw(st.sampled_from(["", "超", "约", "近", "超过", "不到"]))
    noun = draw(st.sampled_from(["企业", "的受访者", "用户", ""]))
    text = f"{qualifier}{written}成{'半' if half else ''}{noun}"
    return text, value + (5 if half else 0), "percent"


@st.composite
def signed_rate(draw: st.DrawFn) -> tuple[str, float, str]:
    """A minus sign before a rate is its sign wherever it stands (rule sign): 增长-3.2%."""
    x = draw(decimals)
    sign = draw(st.sampled_from(["-", "－", "−", "负"]))
    mark, unit = draw(
        st.sampled_from([("%", "percent"), ("％", "percent"), ("个百分点", "percentage_points")])
    )
    frame = draw(st.sampled_from(["同比增长{}", "增速为{}", "增长{}", "{}"]))
    return frame.format(f"{sign}{x:g}{mark}"), -x, unit


@st.composite
def english_signed_rate(draw: st.DrawFn) -> tuple[str, float, str]:
    x = draw(decimals)
    sign = draw(st.sampled_from(["-", "−", "minus ", "negative "]))
    mark = draw(st.sampled_from(["%", " percent", " per cent"]))
    frame = draw(st.sampled_from(["Sales fell {}", "growth was {}", "a return of {}"]))
    return frame.format(f"{sign}{x:g}{mark}"), -x, "percent"


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(chinese_compound(), chinese_tenths(), signed_rate()),
    st.sampled_from(ZH_BEFORE),
    st.sampled_from(ZH_AFTER),
)
def test_compound_amounts_tenths_and_signed_rates_parse_back(
    figure: tuple[str, float, str], before: str, after: str
) -> None:
    written, value, unit = figure
    text = before + written + after
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    assert (found[0].value, found[0].unit) == (value, unit), (text, found)


@settings(max_examples=200, deadline=None)
@given(english_signed_rate(), st.sampled_from(EN_AFTER))
def test_english_signed_rates_parse_back(figure: tuple[str, float, str], after: str) -> None:
    written, value, unit = figure
    found = find_quantities(written + after)
    assert len(found) == 1, (written + after, found)
    assert (found[0].value, found[0].unit) == (value, unit), (written + after, found)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(english_count(), english_money(), percent()),
    st.sampled_from(EN_BEFORE),
    st.sampled_from(EN_AFTER),
)
def test_english_figures_parse_back_in_any_frame(
    figure: tuple[str, float], before: str, after: str
) -> None:
    written, value = figure
    text = before + written + after
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    assert found[0].value == value, (text, found)
    assert written in found[0].text


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(chinese_money(), chinese_count()),
    st.sampled_from(ZH_BEFORE),
    st.sampled_from(ZH_AFTER),
)
def test_chinese_figures_parse_back_in_any_frame(
    figure: tuple[str, float], before: str, after: str
) -> None:
    written, value = figure
    text = before + written + after
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    assert found[0].value == value, (text, found)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_honest_on_any_unicode(text: str) -> None:
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.value_high is None or q.value_high > q.value
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


_NOISE_CHARS = list("0123456789,.%$¥ -–亿万千百十一二三四五六七八九零两元家个以上约超过多余")
_NOISE_WORDS = ["million", "billion", " to ", "more than ", " companies", "yuan", "percent"]
_NOISE_WORDS += ["between ", " and ", "(about ", ")", "half", "two", "-thirds", " of"]
_NUMBERISH = st.lists(st.sampled_from(_NOISE_CHARS + _NOISE_WORDS), max_size=25).map("".join)


@settings(max_examples=500, deadline=None)
@given(_NUMBERISH)
def test_never_raises_on_number_like_noise(text: str) -> None:
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert math.isfinite(q.value)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_chinese_numeral_writer_used_by_these_tests() -> None:
    assert [chinese(n) for n in (15, 105, 3500, 10005, 350000000000)] == [
        "一十五",
        "一百零五",
        "三千五百",
        "一万零五",
        "三千五百亿",
    ]
