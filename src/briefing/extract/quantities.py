"""The grammar of figures: find every quantity in an article's text, English or Chinese.

`find_quantities(text)` returns `Quantity` records sorted by `start`, never overlapping, each
with `text == source[start:end]`. It knows nothing of entities, years or topics: that is the
job of the document model (`briefing.extract.document`) and `briefing.extract.facts`.

What a quantity's span covers (decided once, applied everywhere):
  [qualifier] [sign] [currency] number [range] [scale] [currency/unit/%] [Chinese after-qualifier]
  [measure word + counted noun | English counted noun phrase] ["or more"]
so "more than 500 companies", "约3500亿元", "100家以上元宇宙创新型企业", "30%左右",
"$1,06,102.8 million", "250 billion yuan". Only words that change the meaning of the number
are included; verbs ("reach", "达到") and prepositions ("by 2025") are not.

The named rules of rules/numbers.zh.toml and numbers.en.toml decide the harder readings, each
with its examples (tests/test_rule_examples.py): a Chinese amount is read whole across its
scales (3亿5000万元 = 350 million yuan, 25万6千人, 1万5千亿元; compound-amount); 成 after a
numeral is tenths, in percent (超9成企业 = more than 90%, 三成半 = 35%; tenths); 千分之 and
万分之 are shares (per-mille); 几 after a round numeral is "-odd" (二十几万人; several); a minus
sign, 负, "minus" or "negative" before a rate or amount is its sign wherever it stands
(同比增长-3.2% = -3.2%; sign, sign-words), while a count has none; a currency's full name or
sign after the number is its unit ("10 billion Chinese yuan", "10 €"); cents named after
dollars join them; "a quarter million", "3 million and a half" are read whole.

Qualifiers map to six values (see lexicon.QUALIFIERS_EN for the reasoning on nearly/almost
-> about, as many as -> up_to, 以上 -> at_least). A range ("3-5", "between 3 and 5", "三到五",
"10%-20%") has value = low end and value_high = high end; "from 10 to 20" is a change, two
figures. Shares written as fractions ("two-thirds of", "half of") are percent; "half a million"
is 500,000; ratios ("double", "doubled", "3-fold", "3倍", "three times the/as") are unit
"times". Values are exact decimal expansions (35.1 billion -> 35100000000.0, no binary noise).

What is deliberately NOT a quantity:
  - dates and years: a four-digit integer 1800..2100 with no unit, scale or qualifier
    ("by 2025", "2011 to 2022"), digits before 年/月/日/号, digits right after a month name;
  - ordinals and ranks ("9th", "No. 2", "number 2 globally", "第二"), labels (section 3,
    version 2, page 5), times of day ("10:30", "3pm"), phone numbers (leading zero, "+86"),
    model names and identifiers (digits glued to letters: H100, Web3.0, 5G, COVID-19, 37Games,
    HQ2), URLs and paths (digits after / = _ # @ . :), versions (1.2.3);
  - durations: a count whose noun is a unit of time ("15 years", "two months", "3个月") is a
    time span, not a figure of interest to the briefing;
  - bare small numbers. The rule: a number becomes a quantity when it carries meaning of its own:
    a unit (money, %, percentage points, times, a physical unit), a counted noun (an English
    plural noun phrase or a Chinese measure word), or, for a bare count, a sign that it is
    written as a figure: a scale word (million, 亿, 万), thousands separators (16,000) or a
    qualifier ("more than 300"), or a Chinese measure word (20家), or "N of which/them" (a
    count referring back: "10 of which are listed"). "one of them", "Big 3" are not rows, nor
    is a Chinese "一" (一个, 一家 = "a/an"), nor a spelled-out bare number ("at least two");
  - names that contain a count: the "two sessions" (lexicon.NAMES_WITH_NUMBERS);
  - numeral characters inside words: a capital-form digit alone (陆 in 大陆, 内陆, 陆家嘴;
    伍 in 队伍), 两位数 ("double-digit"), 几十 and 几百万 (vague, as "dozens of" is);
  - vague amounts ("dozens of", "hundreds of companies", "tens of thousands"), "35m" without a
    currency (metres or millions?), and number words in ALL CAPITALS (headlines).

Speed: two precompiled scanning regexes (patterns.NUMERAL_SCAN, patterns.WORD_SCAN) find
candidate numerals; each candidate is read by anchored, precompiled regexes and dictionary
lookups on the few characters around it; every repetition is bounded, so hostile input stays
linear. Nothing loops over the text character by character. bench/bench_extract.py measures it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from briefing.extract import lexicon as lx
from briefing.extract import patterns as pt
from briefing.extract.lookbehind import Prefix, char_before, read_prefix, word_before
from briefing.extract.numbers import (
    FRACTION_WORDS,
    FULLWIDTH_TO_ASCII,
    NUMBER_WORDS,
    SCALE_NUMBER_WORDS,
    SMALL_NUMBER_WORDS,
    TENS_NUMBER_WORDS,
    ZH_DIGITS,
    fraction_value,
    fullwidth_comma_groups,
    has_grouping,
    parse_chinese_numeral,
    parse_digits,
    parse_number_words,
    power_of_ten_units,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure as written in a text; offsets index the text it was found in."""

    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str
    counted: str | None
    conversion_of_start: int | None = None


MONEY_UNITS: frozenset[str] = frozenset(
    {
        *lx.CURRENCY_PREFIXES.values(),
        *lx.CURRENCY_SUFFIXES_EN.values(),
        *lx.CURRENCY_SUFFIXES_ZH.values(),
    }
)


def _exponent(multiplier: float) -> int:
    return round(math.log10(multiplier))


_SCALE_EXP = {k.lower(): _exponent(v) for k, v in lx.SCALE_WORDS.items()}
_MONEY_SCALE_EXP = {k: _exponent(v) for k, v in lx.MONEY_ONLY_SCALES.items()}
_ZH_SCALE_EXP = {k: _exponent(v) for k, v in lx.ZH_SCALES.items()}
_BAD_BEFORE_DIGITS = frozenset("_/\\#@.:&=+%")
#: Characters before a digit that need a closer look (letters, symbols, dashes, signs, 第).
_SUSPECT_BEFORE_DIGITS = (
    frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-–−－负負第")
    | _BAD_BEFORE_DIGITS
)
#: Exponents of the units a part of a Chinese amount may take after its first scale.
_ZH_PART_EXP = {
    **{u: 7 for u in ("千万", "千萬")},
    **{u: 6 for u in ("百万", "百萬")},
    **{u: 5 for u in ("十万", "十萬")},
    **{u: 4 for u in ("万", "萬")},
    **{u: 3 for u in ("千", "仟")},
    **{u: 2 for u in ("百", "佰")},
    **{u: 1 for u in ("十", "拾")},
}
_ZH_AFTER_MEASURE = {"以上": "at_least", "左右": "about", **lx.QUALIFIERS_ZH_INFIX}
_MAX_NUMBER_WORDS = 12
_QUOTES = "\"“”‘’'"
_PARTITIVE_PRONOUNS = frozenset({"which", "them", "whom", "these", "those"})
_PARTITIVE_DETERMINERS = frozenset({"its", "their", "our", "his", "her", "the"})
_TIME_HEADS_ZH = tuple(lx.TIME_HEADS_ZH)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(slots=True)
class _Reading:
    """A figure being read: filled in step by step, then frozen into a Quantity."""

    start: int
    end: int
    value: float
    value_high: float | None = None
    unit: str = "count"
    qualifier: str = "exact"
    counted: str | None = None
    currency: str | None = None
    scaled: bool = False  # a scale word or a Chinese 万/亿 applied
    written_as_figure: bool = False  # thousands separators
    kind: str = "digits"  # digits | zh | words
    article_like: bool = False  # Chinese 一 / English "one", "a": an article, not a figure
    measured: bool = False  # a Chinese measure word says this is a count (20家), noun or not
    sign: int = 1  # -1 after a minus sign, 负, "minus" (rules sign, sign-words)
    unsigned_start: int = -1  # where the span starts without its sign


def _scaled(value: float, exponent: int) -> float:
    """value x 10**exponent without binary noise: 35.1 billion is 35100000000.0 exactly."""
    return float(f"{value!r}e{exponent}") if exponent else value


def _take_prefix(text: str, r: _Reading, floor: int, prefix: Prefix | None = None) -> bool:
    """Extend the reading backwards over currency and qualifier; False for labels/dates.

    `prefix` is read_prefix(text, r.start, floor) when the caller has already read it.
    """
    if prefix is None:
        prefix = read_prefix(text, r.start, floor)
    if prefix.qualifier is None and prefix.word and pt.SIGN_WORDS.fullmatch(prefix.word):
        r.unsigned_start = r.start
        _, r.start = word_before(text, prefix.start, floor)  # "minus five percent"
        r.currency, r.sign = prefix.currency, -1
        return True
    if prefix.qualifier is None and prefix.currency is None and prefix.word:
        word = prefix.word.lower()
        if (word.rstrip(".") in lx.LABEL_WORDS or word in lx.LABEL_WORDS) and not (
            pt.FIGURE_AHEAD.match(text, r.end)  # "top 25 million units", "level 1 million yuan"
        ):
            return False
        if r.kind == "digits" and prefix.word[0].isupper() and word.rstrip(".") in lx.MONTHS:
            return False  # Jan. 19, March 3
        if r.kind == "digits" and _model_name(text, r, prefix.word):
            return False  # Quest 2 sales, Fortune 500 companies (rule model-name)
    r.start = prefix.start
    r.currency = prefix.currency
    if prefix.qualifier is not None:
        r.qualifier = prefix.qualifier
    return True


def _mid_sentence(text: str, p: int) -> bool:
    """Whether the word starting at p stands inside a sentence (a letter, digit or comma
    before it), where a capital letter marks a name."""
    prev = char_before(text, p, 0)
    return bool(prev) and (prev.isalnum() or prev in ",&")


def _model_name(text: str, r: _Reading, word: str) -> bool:
    """A small number right after a capitalised word inside a sentence is part of a name
    (rule model-name): "as Quest 2 sales slowed", "the Fortune 500 companies"; not a figure
    with a scale, currency or percent after it."""
    if not (word[:1].isupper() and word.isalpha() and r.value < 1000):
        return False
    if pt.FIGURE_AHEAD.match(text, r.end) or pt.PERCENT.match(text, r.end):
        return False
    _, word_start = word_before(text, r.start, 0)
    if not _mid_sentence(text, word_start):
        return False
    before, _ = word_before(text, word_start, 0)
    if before.lower() in _LOCATIVES:
        return False  # "In Beijing 24 companies joined": a place, then the count
    line_start = text.rfind("\n", 0, r.start) + 1
    line_end = text.find("\n", r.end)
    words = pt.EN_TOKEN.findall(text[line_start : line_end if line_end >= 0 else len(text)])
    capitals = sum(w[:1].isupper() for w in words)
    return capitals * 5 < len(words) * 3  # not a title-case headline ("Shanghai Adds 3 Parks")


_LOCATIVES = frozenset({"in", "at", "from", "across", "throughout", "within", "around", "near"})


def _is_cjk_at(text: str, p: int) -> bool:
    """Whether a CJK character stands at p: the cheap test that picks the Chinese grammar."""
    return p < len(text) and "\u3000" <= text[p] <= "\u9fff"


def _read_scale(text: str, p: int) -> tuple[int, int]:
    """A scale word at p (million, bn, 亿, 万亿): (exponent, new end), (0, p) if none."""
    if _is_cjk_at(text, p):
        m = pt.ZH_SCALE.match(text, p)
        return (_ZH_SCALE_EXP[m.group()], m.end()) if m else (0, p)
    m = pt.EN_SCALE.match(text, p)
    if m:
        return _SCALE_EXP[m.group(1).lower()], m.end()
    return 0, p


def _read_digit_numeral(text: str, p: int) -> tuple[float, int, str] | None:
    """The digit numeral at p: (value, end, numeral); None for versions like 1.2.3."""
    m = pt.DIGIT_NUMERAL.match(text, p)
    if m is None:
        return None
    numeral = m.group()
    if numeral.isascii() and numeral.isdigit():
        return float(numeral), m.end(), numeral  # the common case, without parse_digits
    if "，" in numeral and not fullwidth_comma_groups(numeral):
        m = pt.PLAIN_DIGITS.match(text, p)  # 20，300家: a clause comma, not a grouping
        return float(m.group().translate(FULLWIDTH_TO_ASCII)), m.end(), m.group()  # type: ignore[union-attr]
    value = parse_digits(numeral)
    if value is not None:
        return value, m.end(), numeral
    if "." in numeral or "．" in numeral:
        return None
    # "1,2,3" or a European "3,5": only the first run of digits is a numeral
    m = pt.PLAIN_DIGITS.match(text, p)
    if m is None:
        return None
    value = parse_digits(m.group())
    return (value, m.end(), m.group()) if value is not None else None


def _glued_suffix_ok(text: str, p: int) -> bool:
    """Letters glued to digits are fine only if they are a unit we read: 30pc, 5bn, 3x, 20km."""
    return bool(
        pt.PERCENT.match(text, p)
        or pt.EN_SCALE.match(text, p)
        or pt.EN_UNIT.match(text, p)
        or pt.TIMES.match(text, p)
        or pt.EN_CURRENCY_SUFFIX.match(text, p)
        or ((m := pt.UNIT_AFTER.match(text, p)) is not None and m.lastgroup == "zhunit")
    )


def _skip(text: str, start: int) -> int:
    """Where to resume after a rejected numeral: past the rest of H100, 1.2.3, Web3.0, 5G."""
    return pt.DIGIT_TAIL_JUNK.match(text, start).end()  # type: ignore[union-attr]


def _read_digits(text: str, start: int, floor: int) -> tuple[_Reading | None, int]:
    core = _read_digit_numeral(text, start)
    if core is None:
        return None, _skip(text, start)
    value, p, numeral = core
    before = text[start - 1] if start > floor else " "
    prefix: Prefix | None = None  # read at most once per candidate: it is the dearest step
    signed = False  # a minus sign or 负 glued before the digits (rule sign)
    if before in _SUSPECT_BEFORE_DIGITS:
        glued = (before.isascii() and before.isalnum()) or before in _BAD_BEFORE_DIGITS
        if glued and before.isalpha():
            prefix = read_prefix(text, start, floor)
        if glued and not (before.isalpha() and prefix.currency):  # type: ignore[union-attr]
            return None, _skip(text, start)  # H100, Web3, HQ2, a URL (but RMB250bn is money)
        two_before = text[start - 2] if start - 2 >= floor else " "
        if before in "-–" and two_before.isascii() and two_before.isalnum():
            return None, _skip(text, start)  # COVID-19, 2011-2022's second half, phones
        if before == "–" and two_before.isalnum():
            return None, _skip(text, start)
        signed = before != "–" and pt.SIGN.fullmatch(before) is not None  # 增长-3.2%, 负3.9%
        if before == "第":
            return None, _skip(text, start)
    if numeral[0] in "0０" and len(numeral) > 1 and numeral[1] not in ".．,，":
        return None, _skip(text, start)  # 010-6520 1234, 007
    if pt.CLOCK_OR_DATE_AFTER.match(text, p):
        return None, _skip(text, start)  # 10:30, 3pm, 12/05/2023, 3:1
    year = len(numeral) == 4 and 1800 <= value <= 2100 and numeral.isdigit()
    if year and not pt.FIGURE_AHEAD.match(text, p):
        if prefix is None:
            prefix = read_prefix(text, start, floor)
        if prefix.currency is None and prefix.qualifier is None:
            return None, _skip(text, start)  # the common case, settled early: by 2025
    r = _Reading(start=start, end=p, value=value, written_as_figure=has_grouping(numeral))
    if text.startswith("兆", p) and numeral.isdigit():
        rest = _read_digit_numeral(text, p + 1)
        if rest is None or not pt.ZH_SCALE.match(text, rest[1]) or rest[0] >= 10000:
            return None, p + 1  # 兆瓦, 3兆: mega or trillion, unsaid (rule compound-amount)
        exp_rest, after_rest = _read_scale(text, rest[1])
        if exp_rest != 8:
            return None, p + 1
        r.value, r.end, r.scaled = value * 1e12 + rest[0] * 1e8, after_rest, True
        if not _take_prefix(text, r, floor, prefix):
            return None, after_rest
        return r, after_rest  # 1兆5,429億美元 = 1,542.9 billion dollars
    if signed:
        r.start, r.sign, r.unsigned_start, prefix = start - 1, -1, start, None
    if not _take_prefix(text, r, floor, prefix):
        return None, _skip(text, start)
    if text[p : p + 1] == "成" and 0 < value <= 10 and pt.ZH_TENTHS.match(text, p):
        return _read_tenths(text, r, p)  # 超9成企业, 7.2成
    if text[p : p + 1] in lx.QUALIFIERS_ZH_INFIX:
        p = _read_infix(text, r, p)
    exp, q = _read_scale(text, p)
    if q == p and text[p : p + 1].isascii() and text[p : p + 1].isalpha():
        ms = pt.MONEY_ONLY_SCALE.match(text, p)
        if ms and (r.currency or pt.EN_CURRENCY_SUFFIX.match(text, ms.end())):
            exp, q = _MONEY_SCALE_EXP[ms.group(1).lower()], ms.end()
        elif not _glued_suffix_ok(text, p):
            return None, _skip(text, start)  # 5G, 37Games, 9th, 3D
    r.scaled = exp != 0
    if not r.scaled and _is_cjk_at(text, q) and pt.ZH_TIME_AFTER.match(text, q):
        return None, _skip(text, start)  # 2025年, 12月, 3个月
    r.value = _scaled(value, exp)
    if exp and _is_cjk_at(text, p):
        tail, q = _read_zh_tail(text, q, exp)  # 3亿5000万, 25万6千
        r.value += tail
        over, q_over = _read_scale(text, q) if tail else (0, q)
        if over > exp:  # 1万5千亿 = 1.5万亿: a larger scale after the parts scales them all
            r.value, exp, q = _scaled(r.value, over), over, q_over
    elif exp >= 3:
        q = _read_and_a_fraction(text, r, q, exp)  # 3 million and a half
    end = _read_range(text, r, q, exp, floor)
    r.end = end
    marked = r.scaled or r.currency or r.qualifier != "exact"
    years_span = r.value_high is not None and 1800 <= r.value_high <= 2100 and not r.scaled
    if year and (years_span and not r.currency) and not pt.PERCENT.match(text, end):
        return None, max(_skip(text, start), end)  # over 2012-2021: a period, not a figure
    if year and not marked and not pt.PERCENT.match(text, end):
        return None, max(_skip(text, start), end)  # 2011 to 2022
    return r, end


def _read_and_a_fraction(text: str, r: _Reading, p: int, exp: int) -> int:
    """ "3 million and a half" adds half a million (rule and-a-half); returns the new end."""
    m = pt.AND_A_FRACTION.match(text, p)
    if m is None:
        return p
    r.value += _scaled(FRACTION_WORDS[m.group("frac").lower()], exp)
    return m.end()


def _read_zh_tail(text: str, p: int, exp: int) -> tuple[float, int]:
    """The rest of a Chinese amount after its first scale (rule compound-amount): 3亿|5000万,
    25万|6千, 3万|4000. Each part takes a smaller unit than the last; a bare last part is as
    many digits as that unit has zeros, or follows 零, or is one Chinese digit for the next
    unit down. Returns (the value the parts add, the new end)."""
    total = 0
    last = exp
    while True:
        m = pt.ZH_COMPOUND_PART.match(text, p)
        if m is None:
            return float(total), p
        digits = (m.group("digits") or "").translate(FULLWIDTH_TO_ASCII)
        n = int(digits) if digits else ZH_DIGITS[m.group("zh")]
        unit = m.group("unit")
        if unit:
            u = _ZH_PART_EXP[unit]
            if u >= last or n * 10**u >= 10**last:
                return float(total), p
            total, last, p = total + n * 10**u, u, m.end()
            continue
        if digits:
            fits = len(digits) == last or (m.group("zero") and n < 10**last)
            if not fits or pt.ZH_TIME_AFTER.match(text, m.end()):
                return float(total), p  # 5亿2024年, 2万3个
        elif not m.group("zero"):
            n *= 10 ** (last - 1)  # 三万四 = 34,000
        return float(total + n), m.end()


def _read_tenths(text: str, r: _Reading, p: int) -> tuple[_Reading, int]:
    """成 at p after a numeral of at most ten counts tenths (rule tenths): percent, with 成半
    (三成半 = 35%) and the qualifiers after it (三成以上, 三成多)."""
    end = p + 1
    r.value, r.unit, r.scaled = _scaled(r.value, 1), "percent", False  # 1.1成 = 11.0 exactly
    if text.startswith("半", end):
        r.value, end = r.value + 5, end + 1
    if text[end : end + 1] in ("多", "余", "餘"):
        r.qualifier, end = "more_than", end + 1
    r.end = end
    _read_after_qualifier(text, r)
    return r, r.end


def _read_infix(text: str, r: _Reading, p: int) -> int:
    """Chinese 多/余 between a number and its scale or currency: 100多万, 300余亿元."""
    m = pt.ZH_INFIX.match(text, p) if text[p : p + 1] in lx.QUALIFIERS_ZH_INFIX else None
    if m and (pt.ZH_SCALE.match(text, m.end()) or pt.ZH_CURRENCY_SUFFIX.match(text, m.end())):
        r.qualifier = lx.QUALIFIERS_ZH_INFIX[m.group()]
        return m.end()
    return p


def _read_high(text: str, q: int, kind: str) -> tuple[float | None, int]:
    if kind == "digits":
        core = _read_digit_numeral(text, q)
        return (core[0], core[1]) if core else (None, q)
    if kind == "zh":
        m = pt.ZH_NUMERAL.match(text, q)
        return (parse_chinese_numeral(m.group()), m.end()) if m else (None, q)
    m = pt.WORD_AT.match(text, q)
    return (parse_number_words([m.group().lower()]), m.end()) if m else (None, q)


def _read_range(text: str, r: _Reading, p: int, low_exp: int, floor: int) -> int:
    """Read "-20", " to 20", "至20", " and 20" (after "between") into value_high.

    The high end's scale applies to a low end written without one ("3-5 billion"). "from 10
    to 20" is a change, not a range, and stays two figures. Returns the new end offset.
    """
    low_pct = pt.PERCENT.match(text, p)
    after_low = low_pct.end() if low_pct and low_pct.group("pct") else p
    low_cur = pt.ZH_CURRENCY_SUFFIX.match(text, p) if r.currency is None else None
    if low_cur is not None:  # 8000亿美元至20000亿美元: the currency written on both ends
        after_low = low_cur.end()
    ms = pt.RANGE_SEP.match(text, after_low)
    if ms is None:
        return p
    sep = ms.group().strip().lower()
    if sep in ("and", "to", "到", "至"):
        before, _ = word_before(text, r.start, floor)
        before = before.lower() or text[r.start - 1 : r.start]
        if sep == "and" and before != "between":
            return p
        if sep != "and" and before in ("from", "从", "從"):
            return p
    q = ms.end()
    mc = pt.RANGE_CURRENCY.match(text, q)
    if mc:
        if r.currency is None:
            return p
        q = mc.end()
    high, q = _read_high(text, q, r.kind)
    if high is None:
        return p
    if text[q : q + 1].isascii() and text[q : q + 1].isalnum() and not _glued_suffix_ok(text, q):
        return p
    if low_pct and low_pct.group("pct") and not pt.PERCENT.match(text, q):
        return p  # "10% to 20 companies" is not a range
    high_exp, q_end = _read_scale(text, q)
    if r.kind == "zh" and any(c in "万萬亿億" for c in text[ms.end() : q]):
        high_exp = 0
    if low_cur is not None:
        high_cur = pt.ZH_CURRENCY_SUFFIX.match(text, q_end)
        if (
            high_cur is None
            or high_cur.group(1) != low_cur.group(1)
            or ms.group().strip()
            in (
                "and",
                "",
            )
        ):
            return p
    low = r.value
    if high_exp and not low_exp:
        low = _scaled(low, high_exp)
    high_value = _scaled(high, high_exp or low_exp)
    if not high_value > low:
        return p
    r.value, r.value_high = low, high_value
    r.scaled = r.scaled or bool(high_exp)
    return q_end


def _read_zh(text: str, start: int, floor: int) -> tuple[_Reading | None, int]:
    if text.startswith("百分之", start):
        return _read_zh_percent(text, start, floor)
    m = pt.ZH_NUMERAL.match(text, start)
    if m is None:
        return None, start + 1
    end = m.end()
    numeral = m.group()
    lone_capital = len(numeral) == 1 and pt.LONE_CAPITAL_DIGIT.fullmatch(numeral) is not None
    if lone_capital and not text.startswith("分之", end):
        return None, end  # 大陆, 队伍, 收拾: a word's character (rule lone-capital-digit)
    value = parse_chinese_numeral(numeral)
    if value is None and numeral in ("万亿", "萬億") and pt.ZH_CURRENCY_SUFFIX.match(text, end):
        value = 1e12  # 突破万亿元大关: a trillion yuan, the one left unsaid
    over = text[start - 1 : start] == "上" and start > floor and text[start - 2 : start - 1] != "以"
    if value is None and over and numeral in ("亿", "億", "万", "萬"):
        value = 1e8 if numeral in ("亿", "億") else 1e4  # 营收上亿元 (rule over-round)
    if text[start - 1 : start] in ("第", "初", "周", "星", "礼", "禮", "几", "幾"):
        return None, end  # ordinals, dates, and 几十/几百万 (vague: "dozens of")
    if text[start - 1 : start] in ("数", "數") and numeral[0] in "十百千万萬亿億" and start > floor:
        return None, end  # 数千亿元, 数十家: "several", vague (rule several)
    if start > floor and pt.ZH_NUMERAL.match(text[start - 1]):
        return None, end
    if text.startswith("兆", end) and value is not None:
        value, end = _read_zhao(text, value, end)
        if value is None:
            return None, end  # 兆瓦, 3兆: mega or trillion, unsaid
    if text.startswith("分之", end):
        per = power_of_ten_units(numeral)  # 千分之, 万分之: a digit numerator is fine
        if per is not None:
            return _read_zh_fraction(text, start, end, 10.0**per, floor, per)
        return _read_zh_fraction(text, start, end, value, floor) if value else (None, end)
    if value is None:
        return None, end
    if text[end : end + 1] == "成" and 0 < value <= 10 and pt.ZH_TENTHS.match(text, end):
        # 增加约三成 = about 30%: 成 counts tenths (not 一成不变, 成立, 成为)
        r = _Reading(start=start, end=end, value=value, kind="zh")
        _take_prefix(text, r, floor)
        return _read_tenths(text, r, end)
    if pt.ZH_TIME_AFTER.match(text, end):
        return None, end  # 五年, 十二月, 三个月
    if text[start - 1 : start] == "翻" and text[end : end + 1] == "番" and start - 1 >= floor:
        # 翻一番 = doubled, 翻两番 = quadrupled: 2 to the power of the number
        r = _Reading(start=start - 1, end=end + 1, value=2.0**value, unit="times", kind="zh")
        return r, end + 1
    r = _Reading(start=start, end=end, value=value, kind="zh")
    r.article_like = numeral in ("一", "壹")
    r.scaled = any(c in "万萬亿億" for c in numeral)
    if not _take_prefix(text, r, floor):
        return None, end
    if over and numeral[0] in "十百千万萬亿億":
        r.start, r.qualifier = start - 1, "at_least"  # 上千家企业: a thousand or more
    p = _read_infix(text, r, end)
    exp, p = (0, p) if r.scaled else _read_scale(text, p)
    r.scaled = r.scaled or exp != 0
    r.value = _scaled(value, exp)
    r.end = _read_range(text, r, p, exp, floor)
    return r, r.end


def _read_zhao(text: str, value: float, end: int) -> tuple[float | None, int]:
    """兆 at `end` after a Chinese numeral: a trillion only where the rest of the amount says
    so, a section with 亿 following it (四十九兆九千五百九十二亿 = 49,959.2 billion, rule
    compound-amount); alone it is mega in mainland usage (兆瓦) and the figure is left unread."""
    m = pt.ZH_NUMERAL.match(text, end + 1)
    rest = parse_chinese_numeral(m.group()) if m else None
    if m is None or rest is None or not any(c in "亿億" for c in m.group()) or rest >= 1e12:
        return None, end + 1
    return value * 1e12 + rest, m.end()


def _read_zh_fraction(
    text: str, start: int, end: int, denominator: float, floor: int, per: int | None = None
) -> tuple[_Reading | None, int]:
    """三分之一 (one third), 约四分之三 -> percent: 33.3, 75 (the numerator follows 分之).

    `per` is the exponent of a denominator written in units only (千分之 3, 万分之 4: rule
    per-mille): its numerator may be digits (千分之2.4), and the value is exact (0.24)."""
    m = pt.ZH_NUMERAL.match(text, end + 2)
    numerator = parse_chinese_numeral(m.group()) if m else None
    q = m.end() if m else end + 2
    if m is None and per is not None:
        core = _read_digit_numeral(text, end + 2)
        numerator, q = (core[0], core[1]) if core else (None, q)
    if numerator is None or not 0 < numerator <= denominator:
        return None, end + 2
    value = _scaled(numerator, 2 - per) if per else 100 * numerator / denominator
    r = _Reading(start=start, end=q, value=value, unit="percent")
    r.kind = "zh"
    _take_prefix(text, r, floor)
    return r, r.end


def _read_zh_percent(text: str, start: int, floor: int) -> tuple[_Reading | None, int]:
    """百分之三十 / 百分之30 / 百分之十到百分之二十 -> percent."""
    p = start + 3
    m = pt.ZH_NUMERAL.match(text, p)
    if m:
        numeral = m.group()
        value = parse_chinese_numeral(numeral)
        if value is None and numeral[-1] in "百佰" and text.startswith("分", m.end()):
            numeral = numeral[:-1]  # 百分之七十百分位: the numeral ends before 百分位
            value = parse_chinese_numeral(numeral)
        q = p + len(numeral)
    else:
        core = _read_digit_numeral(text, p)
        value, q = (core[0], core[1]) if core else (None, p)
    if value is None:
        return None, q
    r = _Reading(start=start, end=q, value=value, unit="percent", kind="zh")
    _take_prefix(text, r, floor)
    ms = pt.RANGE_SEP.match(text, q)
    if ms and text.startswith("百分之", ms.end()):
        m = pt.ZH_NUMERAL.match(text, ms.end() + 3)
        high = parse_chinese_numeral(m.group()) if m else None
        if m and high is not None and high > value:
            r.value_high, q = high, m.end()
    r.end = q
    return r, q


def _read_words(text: str, start: int, floor: int) -> tuple[_Reading | None, int]:
    """Spelled-out numbers, fractions and multipliers (double, twice)."""
    m0 = pt.WORD_AT.match(text, start)
    if m0 is None:
        return None, start + 1
    first = m0.group().lower()
    if first in pt.VERBAL_MULTIPLIERS:
        return _read_multiplier(text, start, m0.end(), first, floor)
    tokens: list[tuple[str, int, int]] = [(first, start, m0.end())]
    p = m0.end()
    while True:
        ms = pt.WORD_RUN_SEP.match(text, p)
        mw = pt.WORD_AT.match(text, ms.end()) if ms else None
        if not ms or not mw:
            break
        w = mw.group().lower()
        if w not in NUMBER_WORDS and (w not in FRACTION_WORDS or ms.group().strip() == "and"):
            break
        if tokens[-1][0] in SMALL_NUMBER_WORDS and (
            w in SMALL_NUMBER_WORDS or w in TENS_NUMBER_WORDS
        ):
            break  # "five six", "one one": a list, not one number
        if len(tokens) == _MAX_NUMBER_WORDS:
            break  # "one one one ..." on hostile input: no number is written with more words
        tokens.append((w, mw.start(), mw.end()))
        p = mw.end()
    words = [t[0] for t in tokens]
    share = _fraction_of_scale(words)
    if share is not None:  # "a quarter million", "three quarters billion"
        article, article_start = word_before(text, start, floor)
        if len(words) == 2 and article.lower() in ("a", "an"):
            start = article_start
        r = _Reading(start=start, end=tokens[-1][2], value=share, kind="words", scaled=True)
        return (r, r.end) if _take_prefix(text, r, floor) else (None, r.end)
    if words[0] in ("half", "halves") or words[-1] in FRACTION_WORDS:
        return _read_fraction(text, tokens, floor)
    if words[0] in SCALE_NUMBER_WORDS:
        # "a dozen", "a hundred", "a million": the article belongs to the numeral
        article, article_start = word_before(text, start, floor)
        if article.lower() not in ("a", "an"):
            return None, tokens[-1][2]
        start = article_start
        words = ["a", *words]
    nxt = pt.NEXT_WORD.match(text, tokens[-1][2])
    if (
        text[start].isupper()
        and nxt is not None
        and nxt.group(1)[:1].isupper()
        and _mid_sentence(text, start)
    ):
        return None, tokens[-1][2]  # "Statista and Two Circles": a name (rule model-name)
    value = parse_number_words(words)
    while value is None and len(tokens) > 1:
        tokens.pop()
        words.pop()
        value = parse_number_words(words)
    if value is None:
        return None, m0.end()
    end = tokens[-1][2]
    scaled = any(w in ("thousand", "million", "billion", "trillion") for w in words)
    if not scaled and not _may_count_or_measure(text, end):
        return None, end  # "one of", "one way", "ten." - settled before any other reading
    r = _Reading(start=start, end=end, value=value, kind="words")
    r.scaled = scaled
    r.article_like = words in (["one"], ["a"])
    if not _take_prefix(text, r, floor):
        return None, end
    if scaled and words[-1] in _SCALE_EXP:
        end = _read_and_a_fraction(text, r, end, _SCALE_EXP[words[-1]])  # a million and a half
    r.end = _read_range(text, r, end, 0, floor)
    return r, r.end


def _fraction_of_scale(words: list[str]) -> float | None:
    """A fraction before a scale word is that share of it (rule fraction-of-scale): "quarter
    million" 250,000, "three quarters billion" 750 million; None for any other words."""
    if len(words) not in (2, 3) or words[-1] not in ("thousand", "million", "billion", "trillion"):
        return None
    fraction = fraction_value(words[0] if len(words) == 3 else None, words[-2])
    return fraction * 10 ** _SCALE_EXP[words[-1]] if fraction is not None else None


def _may_count_or_measure(text: str, end: int) -> bool:
    """Cheap look at the next word: a spelled-out number needs a unit or a counted noun."""
    m = pt.NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1).lower()
    if word == "of":  # "six of its member companies" (rule partitive-count)
        m2 = pt.NEXT_WORD.match(text, m.end())
        return m2 is not None and m2.group(1).lower() in _PARTITIVE_DETERMINERS
    return word not in lx.COUNTED_STOPWORDS or word in ("to", "and", "or", "more", "less")


def _read_fraction(
    text: str, tokens: list[tuple[str, int, int]], floor: int
) -> tuple[_Reading | None, int]:
    """ "two-thirds of" and "half of" are shares (percent); "half a million" is 500,000;
    "half the number" is a ratio (0.5 times)."""
    words = [t[0] for t in tokens]
    start, end = tokens[0][1], tokens[-1][2]
    before, before_start = word_before(text, start, floor)
    before = before.lower()
    r: _Reading | None = None
    if words in (["half"], ["halves"]):
        if before in ("the", "first", "second", "a", "one", "and", "last"):
            return None, end
        ms = pt.HALF_SCALE.match(text, end)
        if ms:
            word = ms.group(1).lower()
            multiplier = 12 if word == "dozen" else 10 ** _SCALE_EXP[word]
            r = _Reading(start=start, end=ms.end(), value=0.5 * multiplier, kind="words")
            r.scaled = True
        elif pt.OF_AFTER.match(text, end) or _shared(text, start, floor):
            r = _Reading(start=start, end=end, value=50.0, unit="percent", kind="words")
        elif pt.COMPARISON_AFTER.match(text, end):
            r = _Reading(start=start, end=end, value=0.5, unit="times", kind="words")
        elif mc := pt.HALF_CHANGE.search(text, max(floor, start - 40), start):
            # "shipments fell by more than half": a change of 50% (rule half-change)
            r = _Reading(start=start, end=end, value=50.0, unit="percent", kind="words")
            if mc.group("fall"):
                r.sign, r.unsigned_start = -1, start
    elif len(words) <= 2 and (pt.OF_AFTER.match(text, end) or _shared(text, start, floor)):
        numerator = words[0] if len(words) == 2 else None
        if numerator is None and before in ("a", "an"):
            start = before_start
        fraction = fraction_value(numerator, words[-1])
        if fraction is not None and (numerator is not None or start == before_start):
            r = _Reading(start=start, end=end, value=fraction * 100, unit="percent", kind="words")
    if r is None or not _take_prefix(text, r, floor):
        return None, end
    return r, r.end


def _shared(text: str, start: int, floor: int) -> bool:
    """Whether a verb of sharing stands right before a fraction ("accounting for a third")."""
    return bool(pt.SHARE_VERB_BEFORE.search(text, max(floor, start - 40), start))


def _read_multiplier(
    text: str, start: int, end: int, word: str, floor: int
) -> tuple[_Reading | None, int]:
    if (
        not word.endswith("d")
        and not pt.COMPARISON_AFTER.match(text, end)
        and not (
            pt.INFINITIVE_BEFORE.search(text, max(floor, start - 12), start)
            and not pt.IDIOM_AFTER_VERB.match(text, end)
        )
    ):
        return None, end  # "double-digit", "a double standard"; "expected to double": a verb
    r = _Reading(start=start, end=end, value=pt.VERBAL_MULTIPLIERS[word], unit="times")
    if word == "halved":  # "shipments have more than halved": a fall of 50% (a growth rate)
        r.value, r.unit, r.sign = 50.0, "percent", -1
        r.unsigned_start = start
    r.kind = "words"
    if not _take_prefix(text, r, floor):
        return None, end
    return r, end


def _read_unit(text: str, r: _Reading) -> None:
    """After the number: percent, currency, times or a physical unit (else it stays a count)."""
    m = pt.UNIT_AFTER.match(text, r.end)
    group = m.lastgroup if m else None
    if group in _MONEY_AND_SHARE_GROUPS:
        r.unit, r.end = _unit_of(group, m.group(group)), m.end()  # type: ignore[union-attr]
        if group == "encur" and m.group(group).lower().endswith(("dollar", "dollars")):  # type: ignore[union-attr]
            _read_cents(text, r)
    elif r.currency:
        r.unit = r.currency
    elif group == "times" and (r.scaled or r.value_high is not None):
        pass  # "downloaded 8.7 million times": a count of occurrences, not a ratio
    elif group is not None:
        r.unit, r.end = _unit_of(group, m.group(group)), m.end()  # type: ignore[union-attr]
    elif r.kind == "digits" and (ms := pt.CURRENCY_SIGN_AFTER.match(text, r.end)):
        r.unit, r.end = lx.CURRENCY_SIGNS_AFTER[ms.group("sign")], ms.end()  # "10 €"


def _read_cents(text: str, r: _Reading) -> None:
    """Cents named after dollars join them (rule dollars-and-cents): "3 dollars 50 cents"."""
    m = pt.CENTS_AFTER.match(text, r.end)
    if m is None:
        return
    written = m.group("cents").lower()
    cents = float(written) if written.isdigit() else parse_number_words(written.split("-"))
    if cents is not None and 0 < cents < 100:
        r.value, r.end = round(r.value + cents / 100, 2), m.end()


_MONEY_AND_SHARE_GROUPS = frozenset({"pp", "pct", "zhcur", "encur", "code"})
_TIMES_GROUPS = frozenset({"fold", "x", "bei", "times"})


def _unit_of(group: str, written: str) -> str:
    """The unit name for what UNIT_AFTER matched in `group`."""
    if group == "pp":
        return "percentage_points"
    if group == "pct":
        return "percent"
    if group == "zhcur":
        return lx.CURRENCY_SUFFIXES_ZH[written]
    if group in ("encur", "code"):
        return lx.CURRENCY_SUFFIXES_EN[written.lower()]
    if group in _TIMES_GROUPS:
        return "times"
    if group == "zhunit":
        return lx.UNITS_ZH[written.lower()]  # UNIT_AFTER is case-insensitive: PFlops, PFLOPS
    return lx.UNITS_EN[written.lower()]


def _read_after_qualifier(text: str, r: _Reading) -> None:
    if not _is_cjk_at(text, r.end):
        return
    m = pt.ZH_AFTER_QUALIFIER.match(text, r.end)
    if m:
        r.qualifier, r.end = lx.QUALIFIERS_ZH_AFTER[m.group()], m.end()


def _read_counted(text: str, r: _Reading) -> bool:
    """Read what a count counts; False when it turns out to be a duration."""
    p = r.end
    if _is_cjk_at(text, p):
        return _read_counted_zh(text, r)
    if r.kind == "zh":
        return True
    if text[p : p + 1] in ("+", "-", " "):
        mplus = pt.PLUS.match(text, p)
        if mplus and r.kind == "digits":
            r.qualifier, p = "more_than", mplus.end()
        modd = pt.ODD.match(text, p)
        if modd and r.kind == "digits":
            r.qualifier, p = "about", modd.end()
        mor = pt.OR_MORE.match(text, p)
        if mor:
            r.qualifier = "about" if mor.group(1).lower() == "so" else "at_least"
            p = mor.end()
        madj = pt.MEMBER_ADJECTIVE.match(text, p)
        if madj:
            r.counted, r.end = "members", madj.end()
            return True
    r.end = p
    mph = pt.EN_PHRASE.match(text, p)
    if mph is None:
        return True
    phrase = mph.group()
    words = [w.lower() for w in pt.EN_TOKEN.findall(phrase)]
    head = _plural_head(words, singular=r.value == 1 and r.kind == "digits" and not r.scaled)
    if head is None:
        if words[0] == "of" and len(words) > 1 and words[1] in _PARTITIVE_PRONOUNS:
            r.measured = r.kind == "digits"  # "10 of which are listed": a count of them
        if words[0] == "of" and len(words) > 2 and words[1] in _PARTITIVE_DETERMINERS:
            # "six of its member companies": a part of a whole counts the whole's noun
            inner = _plural_head(words[2:])
            if inner is not None and r.value > 1:
                counted = words[2 : inner + 3]
                r.counted = " ".join(counted)
                r.end = _end_of_words(text, p, phrase, inner + 3)
                return True
        return words[0] not in lx.TIME_NOUNS_EN
    words = words[: head + 1]
    if " ".join(words) in lx.NAMES_WITH_NUMBERS.get(r.value, ()):
        return False  # the "two sessions" is a name, not a count of sessions
    if words[-1].rstrip("'’") in lx.TIME_NOUNS_EN:
        return False
    r.counted = " ".join(w.strip(_QUOTES) if w[:1] in _QUOTES else w for w in words)
    # the phrase is spaces and words only, so the head ends where its last word does
    r.end = _end_of_words(text, p, phrase, head + 1)
    mor = pt.OR_MORE.match(text, r.end)
    if mor:
        r.qualifier = "about" if mor.group(1).lower() == "so" else "at_least"
        r.end = mor.end()
    return True


def _end_of_words(text: str, p: int, phrase: str, n: int) -> int:
    """Offset just after the n-th whitespace-separated word of `phrase` (which starts at p)."""
    return pt.N_WORDS[n].match(text, p).end()  # type: ignore[union-attr]


def _read_counted_zh(text: str, r: _Reading) -> bool:
    """The Chinese counted noun: after a measure word (家企业) or directly (万用户)."""
    p = r.end
    if pt.NUMERAL_IN_WORD.match(text, p):
        return False  # 两位数增长: "double-digit", not two of something
    if text[p : p + 1] == "大" and r.kind != "words":
        return _read_big_n(text, r, p)
    mm = pt.MEASURE.match(text, p)
    if mm and mm.group("m") in ("位", "名") and text[r.start - 1 : r.start] == "前":
        return False  # 分列全球前三位: a rank (rule rank-top)
    if (
        mm
        and pt.QUOTED_NAME.match(text, mm.end())
        and pt.OPEN_QUOTE_BEFORE.search(text, max(0, r.start - 3), r.start)
    ):
        return False  # “新十条”: a name in quotes, not ten articles (rule quoted-name)
    if mm and r.kind != "words":
        return _read_measure(text, r, mm)
    mh = pt.ZH_HEAD.match(text, p) if r.kind != "words" else None
    if mh:  # no measure word: 500万用户, 3000企业
        r.counted = text[p : _end_of_heads(text, mh.end())]
        r.end = p + len(r.counted)
    return True


def _read_big_n(text: str, r: _Reading, p: int) -> bool:
    """N大 + noun counts N of the noun (rule big-n): 五大专利局, 十大应用示范场景, 前20大企业;
    not 二十大报告 (a congress), not 一大批 (vague)."""
    if not pt.BIG_N.match(text, p) or not 2 <= r.value <= 100 or r.value != int(r.value):
        return True
    mrun = pt.ZH_RUN.match(text, p + 1)
    if mrun is None:
        return True
    window = mrun.group()
    stop = pt.ZH_STOP.search(window)
    window = window[: stop.start()] if stop else window
    if len(window) > 6:  # a long run: up to its last head noun (元宇宙专利申请企业), else short
        heads = list(pt.ZH_HEAD.finditer(window))
        window = window[: heads[-1].end()] if heads else window[:4]
    if len(window) < 2:
        return True
    r.counted, r.measured, r.end = window, True, p + 1 + len(window)
    return True


def _plural_head(words: list[str], singular: bool = False) -> int | None:
    """Index of the last plural-looking word of the noun phrase; "and"/"or" may join nouns
    (cities and provinces) or the adjectives before one (small and medium-sized enterprises).
    An adverb before the head modifies its adjective ("3 globally influential companies").
    `singular`: the number is 1, and the phrase's last word before a stopword is its head
    ("build 1 core metaverse industrial park and ...", rule one-and-a-noun)."""
    head = None
    for i, w in enumerate(words):
        if singular and head is None and w in ("and", "or"):
            # "1 core metaverse industrial park and 3 to 5 ...": a noun after a modifier, not
            # an adjective joined to the next ("1 small and medium-sized enterprise")
            noun = i >= 2 and not words[i - 1].endswith(_ADJECTIVE_ENDINGS)
            return i - 1 if noun else None
        if w in ("and", "or") and i + 1 < len(words) and (head == i - 1 or (head is None and i)):
            continue
        if head is None and w in _PHRASE_ADVERBS and i + 1 < len(words):
            continue
        if i == 0 and w == "more" and len(words) > 1 and _looks_plural(words[1]):
            continue  # "Load 11 more comments", "3 more companies joined"
        if w in lx.COUNTED_STOPWORDS or w in ("and", "or"):
            break
        if _looks_plural(w):
            head = i
        elif head is not None and words[i - 1] not in ("and", "or"):
            break
    if singular and head is None and 1 < len(words) <= 5 and words[-1] not in _PHRASE_ADVERBS:
        return None  # "1 core park" only in a list: the head is known where "and" follows
    return head


_ADJECTIVE_ENDINGS = ("al", "ive", "ic", "ed", "ing", "ful", "ous", "ble", "ent", "ant", "ary")
#: Adverbs that end a counted phrase after its head ("5 million units globally") but modify
#: an adjective before it ("3 to 5 globally influential companies").
_PHRASE_ADVERBS = frozenset({"globally", "nationwide", "worldwide", "internationally"})


def _looks_plural(word: str) -> bool:
    if word[:1] in _QUOTES:  # quoted: "leading" is a modifier, "unicorns" a head
        word = word.strip(_QUOTES).rsplit(" ", 1)[-1]
    if word in lx.IRREGULAR_PLURALS:
        return True
    return len(word) > 2 and word.endswith("s") and not word.endswith(lx.NON_PLURAL_S_ENDINGS)


def _read_measure(text: str, r: _Reading, mm) -> bool:
    """A Chinese measure word and the noun it counts: 100家以上元宇宙创新型企业."""
    for group in ("infix", "pre", "after"):
        if mm.group(group):
            r.qualifier = _ZH_AFTER_MEASURE[mm.group(group)]
    measure = mm.group("m")
    p = mm.end()
    counted: str | None = None
    if measure == "部" and text[p : p + 1] in ("门", "門", "委"):
        counted = text[p - 1 : p + 1]  # 16部门, 五部委: the noun, not a measure word
        p += 1
    elif measure == "地" and text[p : p + 1] in ("区", "區", "市"):
        counted = text[p - 1 : p + 1]  # 三地区, 两地市
        p += 1
    elif measure in lx.MEASURE_NOUNS_ZH:
        counted = measure  # 500万人: the measure word is the noun
    else:
        mrun = pt.ZH_RUN.match(text, p)
        if mrun:
            window = mrun.group()
            mh = pt.ZH_HEAD.search(window)
            if mh:
                counted = window[: _end_of_heads(window, mh.end())]
            elif len(window) <= 4 and not pt.ZH_STOP.search(window):
                # no known head noun: only a short noun standing alone counts (100个村庄。);
                # the run of ideographs ends there, as ZH_RUN reads up to 20 of them
                counted = window
        if counted and counted.startswith(_TIME_HEADS_ZH):
            return False  # 三个月
        p += len(counted or "")
        if counted is None and not pt.ZH_RUN.match(text, p):
            counted = _counted_before_zh(text, r.start)  # 中小企业200家。
    r.counted = counted
    r.measured = True
    r.end = p
    _read_after_qualifier(text, r)
    return True


def _counted_before_zh(text: str, start: int) -> str | None:
    """The noun a count closes in Chinese list style (引进中小企业200家；): the run of
    ideographs before the figure when it ends in a head noun, cut after its last function
    character and its leading verbs (引进和培育元宇宙创新型中小企业 -> 元宇宙创新型中小企业)."""
    i = start
    while i > 0 and start - i < 20:
        if "\u4e00" <= text[i - 1] <= "\u9fff":
            i -= 1
            continue
        j = i  # a Latin name inside the noun: 5G基站, VR头显 (a letter in it, not 2022)
        while j > 0 and start - j < 20 and text[j - 1].isascii() and text[j - 1].isalnum():
            j -= 1
        if j == i or not any(c.isalpha() for c in text[j:i]):
            break
        i = j
    window = text[i:start]
    if i > 0 and text[i - 1].isdigit():  # 2022年基站231万个: the date's 年 is not the noun's
        window = window.lstrip("年月日底末初")
    if not window.endswith(lx.COUNTED_HEADS_ZH):
        return None
    stops = list(pt.ZH_STOP_BEFORE_COUNT.finditer(window))
    if stops:
        window = window[stops[-1].end() :]
    # the noun starts after the last verb of the clause (浙江省则计划培育百亿级龙头企业)
    cut = max((window.rfind(v) + len(v) for v in lx.LEAD_VERBS_ZH if v in window), default=0)
    window = window[cut:]
    return window if len(window) >= 2 else None


def _end_of_heads(window: str, end: int) -> int:
    """Extend a head noun over heads that follow it, directly (应用 + 场景 -> 应用场景) or
    across a modifier that links two heads (应用 + 示范 + 场景 -> 应用示范场景)."""
    while True:
        m = pt.ZH_HEAD.match(window, end)
        if m is None:
            link = pt.ZH_HEAD_LINK.match(window, end)
            m = pt.ZH_HEAD.match(window, link.end()) if link else None
        if m is None:
            return end
        end = m.end()


def _worth_a_row(r: _Reading) -> bool:
    """The principled rule for bare numbers (see the module docstring)."""
    if r.unit != "count":
        return True
    if r.article_like and r.qualifier == "exact":
        return False
    if r.counted or r.measured:
        return True
    if r.kind == "zh":
        return False  # 千万 ("by all means"), 百度 (Baidu): Chinese numerals need a unit
    if r.kind == "words":
        return r.scaled
    return r.scaled or r.written_as_figure or r.qualifier != "exact"


def _finish(text: str, r: _Reading) -> Quantity | None:
    if r.unit == "count":
        _read_unit(text, r)
        _read_after_qualifier(text, r)
    if r.unit != "count" and r.qualifier == "exact" and r.kind == "digits":
        mplus = pt.PLUS.match(text, r.end)  # "$1bn-plus", "50%+" (not "$1bn plus $2bn")
        if mplus and not mplus.group()[0].isspace():
            r.qualifier, r.end = "more_than", mplus.end()
    if r.unit == "count" and not _read_counted(text, r):
        return None
    if r.sign < 0 and r.unit == "count":
        r.sign, r.start = 1, r.unsigned_start  # 胜负3场: a count has no sign; 负 was a word
    if not _worth_a_row(r) or not (math.isfinite(r.value) and r.value < 1e20):
        return None  # the second test drops digit strings too long to be a figure
    return Quantity(
        start=r.start,
        end=r.end,
        text=text[r.start : r.end],
        value=r.sign * r.value,
        value_high=r.value_high,
        unit=r.unit,
        qualifier=r.qualifier,
        counted=r.counted,
    )


_Reader = Callable[[str, int, int], tuple[_Reading | None, int]]


_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
_WORDS, _DIGITS, _CHINESE = 0, 1, 2  # candidate kinds; words sort first at a shared offset
_READERS: tuple[_Reader, _Reader, _Reader] = (_read_words, _read_digits, _read_zh)


def _read_one_in_n(text: str, m, floor: int) -> tuple[_Reading | None, int]:
    """ "one in five companies", "3 out of 10": a share, in percent (20, 30)."""
    a, b = (float(g) if g.isdigit() else parse_number_words([g.lower()]) for g in m.group(1, 2))
    if not a or not b or a >= b:
        return None, m.end()
    r = _Reading(start=m.start(), end=m.end(), value=round(100 * a / b, 1), unit="percent")
    r.kind = "words" if not m.group(1).isdigit() else "digits"
    _take_prefix(text, r, floor)
    return r, r.end


def _candidates(text: str) -> list[tuple[int, int]]:
    """(start offset, kind) of every candidate numeral, in text order."""
    found = [
        (m.start(), _DIGITS if m.group()[0] in _DIGIT_CHARS else _CHINESE)
        for m in pt.NUMERAL_SCAN.finditer(text)
    ]
    words = [(m.start(1), _WORDS) for m in pt.WORD_SCAN.finditer(text)]
    if pt.WORD_AT_TEXT_START.match(text):
        words.insert(0, (0, _WORDS))
    if words:
        found.extend(words)
        found.sort()
    return found


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, sorted by start, non-overlapping; conversions linked. The
    document model calls it once per article; nothing is cached between texts."""
    return _find_quantities(text)


def _find_quantities(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    floor = 0  # the end of the last quantity: a prefix never reaches back over it
    pos = 0  # candidates before pos were consumed by an earlier reading
    for start, kind in _candidates(text):
        if start < pos:
            continue
        ratio = pt.ONE_IN_N.match(text, start) if kind != _CHINESE else None
        if ratio is not None:
            reading, next_pos = _read_one_in_n(text, ratio, floor)
        else:
            reading, next_pos = _READERS[kind](text, start, floor)
        quantity = _finish(text, reading) if reading is not None else None
        if quantity is not None:
            found.append(quantity)
            floor = pos = quantity.end
        else:
            pos = max(next_pos, start + 1)
    return _link_conversions(text, found)


def _link_conversions(text: str, found: list[Quantity]) -> list[Quantity]:
    """Mark "(equivalent to 35.1 billion dollars)" as converting the amount just before it."""
    for i in range(1, len(found)):
        a, b = found[i - 1], found[i]
        both_money = a.unit in MONEY_UNITS and b.unit in MONEY_UNITS and a.unit != b.unit
        near = b.start - a.end <= 24
        if both_money and near and pt.CONVERSION_BRIDGE.fullmatch(text, a.end, b.start):
            found[i] = replace(b, conversion_of_start=a.start)
    return found
