"""Numbers for people: ¥350bn ($49.3bn), 14,291, 39.5%, never 211,267,605,633.8.

Why a module: every place a person reads a figure (prose, tables, chart labels, slides) must
write it the same way, compactly and without spurious precision, while the raw values stay in
facts.csv. Babel's CLDR data does the grouping and the compact scales ("350B"), so rounding and
separators are not hand-written; this module only picks the precision and the house's scale
words ("bn", "tn", as the FT and The Economist write them).

Precision: a figure an article states keeps up to four significant figures (106,102.8 million
dollars is "$106.1bn"); a figure we converted or derived is given to three and marked "≈"
(the caller says which).
"""

from __future__ import annotations

import math

from babel.numbers import format_compact_decimal, format_decimal, get_currency_symbol

LOCALE = "en"
#: Babel's compact suffixes (CLDR "short" en) -> the house's words.
_SCALE_WORDS = {"K": "k", "M": "m", "B": "bn", "T": "tn"}
#: Symbols where CLDR's default reads oddly in a China briefing (CN¥ for the yuan itself).
_SYMBOLS = {"CNY": "¥", "JPY": "JP¥", "USD": "$"}
#: Below this, money is written in full with separators (¥800,000), not compacted (¥800k).
COMPACT_FROM = 1_000_000


def _is_nan(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _fraction_digits(value: float, significant: int) -> int:
    """Fraction digits that leave `significant` digits in the compacted number (350 -> 0)."""
    magnitude = abs(value)
    if magnitude == 0:
        return 0
    while magnitude >= 1000:
        magnitude /= 1000
    whole = len(str(int(magnitude))) if magnitude >= 1 else 1
    return max(0, significant - whole)


def compact(value: float, *, significant: int = 4) -> str:
    """350e9 -> "350bn", 1.5e12 -> "1.5tn", 49.295e9 -> "49.3bn" (three significant)."""
    if abs(value) < COMPACT_FROM:
        return count(value)
    # round to the significant digits first, so 999.96bn becomes "1tn", not "1000bn"
    value = round(value, significant - 1 - math.floor(math.log10(abs(value))))
    digits = _fraction_digits(value, significant)
    text = format_compact_decimal(value, locale=LOCALE, fraction_digits=digits)
    number, suffix = text[:-1], text[-1]
    if suffix not in _SCALE_WORDS:  # above the largest scale CLDR names
        return format_decimal(round(value), locale=LOCALE, format="#,##0")
    return f"{number}{_SCALE_WORDS[suffix]}"


def symbol(currency: str) -> str:
    """The currency's symbol as the briefing writes it (¥, $, HK$, €, ₩)."""
    return _SYMBOLS.get(currency) or get_currency_symbol(currency, locale=LOCALE)


def money(value: float, currency: str, *, converted: bool = False) -> str:
    """ "¥350bn", "$35.1bn"; a conversion is "≈$49.3bn" (three significant figures)."""
    if _is_nan(value):
        return "n/a"
    sign = "-" if value < 0 else ""
    body = compact(abs(value), significant=3 if converted else 4)
    return f"{'≈' if converted else ''}{sign}{symbol(currency)}{body}"


def count(value: float) -> str:
    """14291 -> "14,291"; a derived 16,252.4 -> "16,252"; small fractions keep one decimal."""
    if _is_nan(value):
        return "n/a"
    if abs(value) >= 100 or float(value).is_integer():
        return format_decimal(round(value), locale=LOCALE, format="#,##0")
    return format_decimal(value, locale=LOCALE, format="#,##0.#")


def big_count(value: float) -> str:
    """Counts from a million up in words' stead: 1.2m users; below, like `count`."""
    if _is_nan(value):
        return "n/a"
    return compact(value)  # below a million compact() writes the count itself


def percent(value: float) -> str:
    """39.5 -> "39.5%": as written, with no binary noise (0.1 + 0.2 is not 0.30000000000000004)."""
    if _is_nan(value):
        return "n/a"
    return format_decimal(value, locale=LOCALE, format="#,##0.##") + "%"


def plain(value: float) -> str:
    """A number with no unit: separators, at most two decimals."""
    if _is_nan(value):
        return "n/a"
    return format_decimal(value, locale=LOCALE, format="#,##0.##")
