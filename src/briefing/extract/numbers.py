"""Numerals as written in news text -> numbers: digits, Chinese numerals, English number words.

These are the leaves of the grammar of figures (`briefing.extract.quantities` finds them in
text and reads the words around them). Each function takes one short numeral string that the
caller has already cut out, so none of them ever scans a whole article.

Digits: ASCII or full-width (１２３), thousands separators in Western (1,234,567) or Indian
(1,06,102.8 = 106102.8) grouping, one decimal point. A comma sequence that is neither grouping
(for instance the list "1,2,3" or a European decimal "3,5") is not a single numeral.

Chinese: 一二三...九 with 十百千万亿 (and 萬億兩, 〇/零), e.g. 三千五百亿 = 3.5e11, 两百 = 200,
一千零五 = 1005, 十五 = 15, 三点五 = 3.5; a run of bare digits (二〇二五) reads digit by digit.

English: "twenty-four", "one hundred and fifty", "a dozen", "two million"; fractions
("two-thirds", "a quarter", "half") are read by `fraction_value`.
"""

from __future__ import annotations

import re

FULLWIDTH_TO_ASCII = str.maketrans("０１２３４５６７８９，．", "0123456789,.")

_WESTERN_GROUPING = re.compile(r"\d{1,3}(?:,\d{3})+")
_INDIAN_GROUPING = re.compile(r"\d{1,2}(?:,\d{2})*,\d{3}")


def parse_digits(numeral: str) -> float | None:
    """Read a digit numeral with optional grouping commas and one decimal point.

    Returns None when the commas are not a valid Western or Indian grouping, or when there is
    more than one decimal point (a version or section number such as 1.2.3).
    """
    s = numeral.translate(FULLWIDTH_TO_ASCII)
    integer, _, fraction = s.partition(".")
    if "." in fraction or not integer:
        return None
    if "," in integer and not (
        _WESTERN_GROUPING.fullmatch(integer) or _INDIAN_GROUPING.fullmatch(integer)
    ):
        return None
    try:
        return float(integer.replace(",", "") + ("." + fraction if fraction else ""))
    except ValueError:
        return None


_FULLWIDTH_DIGITS = frozenset("０１２３４５６７８９")


def fullwidth_comma_groups(numeral: str) -> bool:
    """Whether the full-width commas (，) of a digit numeral group its thousands.

    In Chinese text ， is first of all a clause comma: "20，300家" is 20, then 300 firms. It
    groups only where a clause comma could not stand: between full-width digits (１，１２３),
    when it recurs (1，000，000), or before a 0 (1，000: no number starts with one). (Rule
    `fullwidth-comma` in rules/numbers.zh.toml.)
    """
    integer = numeral.replace("．", ".").partition(".")[0]
    if integer.count("，") >= 2:
        return True
    i = integer.find("，")
    if i < 0:
        return True
    after = integer[i + 1 : i + 2]
    if after in ("0", "０"):
        return True
    return integer[i - 1 : i] in _FULLWIDTH_DIGITS and after in _FULLWIDTH_DIGITS


def has_grouping(numeral: str) -> bool:
    """True when the numeral is written with thousands separators, i.e. typeset as a figure."""
    return "," in numeral or "，" in numeral


ZH_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
ZH_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
ZH_BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
ZH_DECIMAL_POINTS = frozenset("点點")
#: Every character a Chinese numeral may contain (used to build the finder's regex).
ZH_NUMERAL_CHARS = "".join(ZH_DIGITS) + "".join(ZH_SMALL_UNITS) + "".join(ZH_BIG_UNITS)


def parse_chinese_numeral(numeral: str) -> float | None:
    """Read a Chinese numeral (simplified or traditional); None if it is not well formed.

    Well formed means: every digit is followed by a unit smaller than the last one within its
    section, except a final digit; 零 may stand between; 十 may start without a digit (十五).
    Digits-only runs of two or more characters read positionally (二〇二五 = 2025).
    """
    integer_part, point, fraction_part = _split_point(numeral)
    if point:
        if not fraction_part or any(c not in ZH_DIGITS for c in fraction_part):
            return None
        whole = parse_chinese_numeral(integer_part)
        if whole is None:
            return None
        return float(f"{int(whole)}.{''.join(str(ZH_DIGITS[c]) for c in fraction_part)}")
    if not integer_part:
        return None
    if len(integer_part) > 1 and all(c in ZH_DIGITS for c in integer_part):
        return float("".join(str(ZH_DIGITS[c]) for c in integer_part))
    return _chinese_integer(integer_part)


def _split_point(numeral: str) -> tuple[str, bool, str]:
    for i, c in enumerate(numeral):
        if c in ZH_DECIMAL_POINTS:
            return numeral[:i], True, numeral[i + 1 :]
    return numeral, False, ""


def _chinese_integer(s: str) -> float | None:
    total = 0  # completed big sections (亿, 万)
    section = 0  # current section below 万
    digit: int | None = None
    last_small = 10**5  # the last small unit used in this section, to reject 五百三千
    last_big = 10**17
    seen_zero = False
    digit_after_zero = False
    for c in s:
        if c in ZH_DIGITS:
            if digit is not None and not seen_zero:
                return None  # two digits in a row inside a unit numeral: "十四五"
            value = ZH_DIGITS[c]
            if value == 0:
                seen_zero = True
                digit = None
                continue
            digit = value
            digit_after_zero = seen_zero
            seen_zero = False
        elif c in ZH_SMALL_UNITS:
            unit = ZH_SMALL_UNITS[c]
            if unit >= last_small:
                return None
            if digit is None:
                # a unit without a digit means one of it only at the very start: 十五, 百家
                at_start = not (section or total or seen_zero)
                if not at_start and (unit != 10 or seen_zero):
                    return None  # 一百零十 and 五百千 are not numerals
                digit = 1
            section += digit * unit
            last_small = unit
            digit = None
            seen_zero = False
        elif c in ZH_BIG_UNITS:
            big = ZH_BIG_UNITS[c]
            if digit is not None:
                section += digit
                digit = None
            if section == 0 and total == 0:
                return None
            if big >= last_big:
                # 万亿: the big units compose (1万亿 = 1e12) only directly after one another
                total = (total + section) * big
            else:
                total += section * big
            last_big = big
            section = 0
            last_small = 10**5
            seen_zero = False
        else:
            return None
    if digit is not None:
        if digit_after_zero or last_small in (10**5, 10):
            section += digit
        else:
            # 三千五 = 3500: a trailing digit after a unit takes the next smaller unit
            section += digit * (last_small // 10)
    return float(total + section)


def power_of_ten_units(numeral: str) -> int | None:
    """The exponent of a numeral written with unit characters only (千 3, 万 4, 百万 6, 万万 8),
    the denominators of 千分之 and 万分之; None when it has a digit of its own (五百)."""
    exponent = 0
    for c in numeral:
        unit = ZH_SMALL_UNITS.get(c) or ZH_BIG_UNITS.get(c)
        if unit is None:
            return None
        exponent += len(str(unit)) - 1
    return exponent or None


_UNITS_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_MULTIPLIER_WORDS: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
#: Words for 0..19 and for the tens: two of them in a row ("five six") are never one number.
SMALL_NUMBER_WORDS: frozenset[str] = frozenset(_UNITS_WORDS)
TENS_NUMBER_WORDS: frozenset[str] = frozenset(_TENS_WORDS)
NUMBER_WORDS: frozenset[str] = frozenset(
    {*_UNITS_WORDS, *_TENS_WORDS, *_MULTIPLIER_WORDS, "hundred", "dozen"}
)
SCALE_NUMBER_WORDS: frozenset[str] = frozenset({*_MULTIPLIER_WORDS, "hundred", "dozen"})

FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fourth": 1 / 4,
    "fourths": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}


def parse_number_words(words: list[str]) -> float | None:
    """Read English number words, lower-cased, without "and" or hyphens.

    ["one", "hundred", "fifty"] -> 150; ["twenty", "four"] -> 24; ["a", "dozen"] -> 12;
    ["two", "million"] -> 2e6. Returns None for sequences that are not one number
    ("five six", "hundred hundred"), so that lists of numbers are not merged.
    """
    if not words:
        return None
    total = 0
    current = 0
    last = ""  # "unit", "teen", "tens", "hundred", "big"
    for i, w in enumerate(words):
        if w in ("a", "an") and i == 0:
            current, last = 1, "unit"
            continue
        if w in _UNITS_WORDS:
            value = _UNITS_WORDS[w]
            if last in ("unit", "teen"):
                return None
            if last == "tens" and (value >= 10 or value == 0):
                return None
            current += value
            last = "teen" if value >= 10 else "unit"
        elif w in _TENS_WORDS:
            if last in ("unit", "teen", "tens"):
                return None
            current += _TENS_WORDS[w]
            last = "tens"
        elif w == "hundred":
            if last in ("hundred",) or (current % 100 == 0 and current):
                return None
            current = (current or 1) * 100
            last = "hundred"
        elif w == "dozen":
            current = (current or 1) * 12
            last = "big"
        elif w in _MULTIPLIER_WORDS:
            big = _MULTIPLIER_WORDS[w]
            if last == "big" and current == 0:
                return None
            total += (current or 1) * big
            current = 0
            last = "big"
        else:
            return None
    return float(total + current)


def fraction_value(numerator_word: str | None, denominator_word: str) -> float | None:
    """Value of "two-thirds", "a quarter", "one half"; numerator None or "a"/"an" means one."""
    denominator = FRACTION_WORDS.get(denominator_word)
    if denominator is None:
        return None
    if numerator_word in (None, "a", "an", "one"):
        numerator = 1
    else:
        numerator = _UNITS_WORDS.get(numerator_word or "", 0)
        if not 1 <= numerator <= 9:
            return None
    return numerator * denominator
