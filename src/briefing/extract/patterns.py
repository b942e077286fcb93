"""Precompiled regular expressions of the grammar of figures, built once from the lexicon.

Two scanners find candidate numerals in a whole text (the only patterns that ever run over a
full article): `NUMERAL_SCAN` (digits and Chinese numerals: a single character class, which
Python's regex engine searches fast) and `WORD_SCAN` (English number words, compiled as a
trie so that each position costs one character-class test instead of a hundred alternatives).
Every other pattern here is matched anchored at one offset next to a candidate.
"""

from __future__ import annotations

import re

from briefing.extract import lexicon as lx
from briefing.extract import rules
from briefing.extract.numbers import FRACTION_WORDS, NUMBER_WORDS, ZH_NUMERAL_CHARS

SP = r"[ \t\u00a0\u202f]"
DIGIT = "0-9０-９"


def alternation(words: object) -> str:
    """An alternation of literal words as a trie regex: the longest word wins ("万亿" over "万",
    "per cent" over "per") and a failed match costs one test per character, not per word."""
    return trie_regex(sorted(set(words)))  # type: ignore[call-overload]


def trie_regex(words: list[str]) -> str:
    """A regex matching exactly `words`, factored by common prefixes (longest match first)."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends_here = "" in node
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends_here else body

    return emit(trie)


VERBAL_MULTIPLIERS: dict[str, float] = {
    "double": 2.0,
    "doubled": 2.0,
    "twice": 2.0,
    "triple": 3.0,
    "tripled": 3.0,
    "quadruple": 4.0,
    "quadrupled": 4.0,
    "halved": 0.5,
}
_ENTRY_WORDS = sorted({*NUMBER_WORDS, *FRACTION_WORDS, *VERBAL_MULTIPLIERS} - {"zero"})
_ENTRY_VARIANTS = sorted({v for w in _ENTRY_WORDS for v in (w, w.capitalize())})
_ENTRY_TRIE = trie_regex(_ENTRY_VARIANTS)

# The lookbehind sits after the first character (it looks at the character before it) so that
# the engine still searches for the character class fast; it drops numerals glued to letters
# or paths (H100, Web3, /2022/) unless the letters are a currency code (RMB250bn).
NUMERAL_SCAN = re.compile(
    rf"[{DIGIT}{ZH_NUMERAL_CHARS}]"
    r"(?:(?<![A-Za-z0-9_/\\#@.:&=+%].)|(?<=RMB.|Rmb.|rmb.|USD.|CNY.|EUR.|HKD.|GBP.|JPY.))[0-9]*"
)
# A number word starts after a space or an opening mark; scanning for that character first is
# several times faster than a lookbehind at every position. Group 1 is the word itself.
# (All-capital headlines, "TWO", are not read.)
WORD_SCAN = re.compile(rf"[ \n\t\u00a0\"'(“‘/\-–—]({_ENTRY_TRIE})(?![A-Za-z])")
WORD_AT_TEXT_START = re.compile(rf"({_ENTRY_TRIE})(?![A-Za-z])")

# Bounded repetitions: on untrusted text ("1,1,1,1,..." a megabyte long) every candidate must
# cost O(1), or the scan turns quadratic.
DIGIT_NUMERAL = re.compile(
    rf"[{DIGIT}]{{1,24}}(?:[,，][{DIGIT}]{{2,3}}(?![{DIGIT}])){{0,8}}(?:[.．][{DIGIT}]{{1,12}}){{0,3}}"
)
PLAIN_DIGITS = re.compile(rf"[{DIGIT}]+")
# What to skip after a rejected numeral: the rest of H100, 1.2.3, Web3.0, 5G (never CJK text).
DIGIT_TAIL_JUNK = re.compile(
    rf"[{DIGIT}]{{0,24}}(?:[.,．][{DIGIT}]{{1,24}}|[A-Za-z_]{{1,24}}){{0,8}}"
)
ZH_NUMERAL = re.compile(rf"[{ZH_NUMERAL_CHARS}]+(?:[点點][{ZH_NUMERAL_CHARS}]+)?")
WORD_AT = re.compile(r"[A-Za-z]+")
WORD_RUN_SEP = re.compile(rf"(?i)(?:{SP}+and{SP}+|{SP}+|-)")

EN_SCALE = re.compile(rf"(?i){SP}*({alternation(lx.SCALE_WORDS)})\b")
MONEY_ONLY_SCALE = re.compile(rf"(?i)({alternation(lx.MONEY_ONLY_SCALES)})\b")
ZH_SCALE = re.compile(alternation(lx.ZH_SCALES))
ZH_INFIX = re.compile(alternation(lx.QUALIFIERS_ZH_INFIX))
PERCENT = re.compile(
    rf"(?i){SP}*(?:(?P<pp>percentage{SP}+points?\b|pp\b|ppts?\b|(?:个|個)?百分[点點])"
    rf"|(?P<pct>%|％|percent\b|per{SP}*cent\b|pct\b|pc\b))"
)
EN_CURRENCY_SUFFIX = re.compile(
    rf"(?i){SP}+({alternation(lx.CURRENCY_SUFFIXES_EN)})\b|(rmb|cny|usd|eur|hkd|gbp|jpy)\b"
)
# 元 is yuan, but 元宇宙 is "metaverse": "2023元宇宙大会" must not read as 2023 yuan.
ZH_CURRENCY_SUFFIX = re.compile(rf"{SP}?({alternation(lx.CURRENCY_SUFFIXES_ZH)})(?!宇宙)")
# A cheap test whether a year-like number (2025) might be a figure after all (2025 yuan, 2025%).
FIGURE_AHEAD = re.compile(
    rf"(?i){SP}*(?:{alternation((*lx.SCALE_WORDS, *lx.ZH_SCALES, *lx.CURRENCY_SUFFIXES_EN))}"
    rf"|{alternation(lx.CURRENCY_SUFFIXES_ZH)}|%|％|percent|per{SP}cent|pct|倍|-?fold)"
)
EN_UNIT = re.compile(rf"(?i){SP}*({alternation(lx.UNITS_EN)})\b")
TIMES = re.compile(
    rf"(?i)(?P<fold>-?{SP}?fold\b)|(?P<x>x\b)|(?P<bei>倍)"
    rf"|(?P<times>{SP}+times\b(?!{SP}+(?:a|an|per|each|every|daily|weekly|monthly|annually|"
    r"yearly|so far|since|before|already|today)\b)(?!{SP}*[-–—]))"
)
# Everything that can follow a number and give it a unit, in order of precedence; the name of
# the group that matched says which (one anchored match instead of six).
UNIT_AFTER = re.compile(
    rf"(?i){SP}*(?:(?P<pp>percentage{SP}+points?\b|pp\b|ppts?\b|(?:个|個)?百分[点點])"
    rf"|(?P<pct>%|％|percent\b|per{SP}*cent\b|pct\b|pc\b))"
    rf"|{SP}?(?P<zhcur>{alternation(lx.CURRENCY_SUFFIXES_ZH)})(?!宇宙)"
    rf"|{SP}+(?P<encur>{alternation(lx.CURRENCY_SUFFIXES_EN)})\b"
    r"|(?P<code>rmb|cny|usd|eur|hkd|gbp|jpy)\b"
    rf"|(?P<fold>-?{SP}?fold\b)|(?P<x>x\b)|(?P<bei>倍)"
    rf"|(?P<times>{SP}+times\b(?!{SP}+(?:a|an|per|each|every|daily|weekly|monthly|annually|"
    r"yearly|so far|since|before|already|today)\b)(?!{SP}*[-–—]))"
    rf"|{SP}?(?P<zhunit>{alternation(lx.UNITS_ZH)})"
    rf"|{SP}*(?P<enunit>{alternation(lx.UNITS_EN)})\b"
)
RANGE_SEP = re.compile(rf"(?i){SP}*(?:-|–|—|~|～|至|到|to\b|and\b){SP}*")
RANGE_CURRENCY = re.compile(r"(?i)(?:us\$|hk\$|\$|¥|￥|€|£)")
MEASURE = re.compile(
    rf"(?P<infix>多|余|餘|几|幾)?(?P<pre>以上|左右)?(?P<m>{alternation(lx.MEASURE_WORDS_ZH)})"
    r"(?P<after>以上|左右|多|余)?"
)
# The ideographs after a measure word, quotation marks included (100家“专精特新”企业), far
# enough to reach the head of a long noun phrase (具有国际竞争力的创新型头部企业).
ZH_RUN = re.compile(r"[\u4e00-\u9fff“”「」]{1,20}")
ZH_HEAD = re.compile(alternation(lx.COUNTED_HEADS_ZH))
ZH_HEAD_LINK = re.compile(alternation(lx.HEAD_LINKS_ZH))
ZH_STOP = re.compile(
    r"[的和与與及并並等在将將已于於为為是从從到中以对對把被向让讓使了着過过也都而或]"
)
#: Function characters that end the noun before a Chinese count (…中小企业200家); 中 only
#: where it does not open a noun (中小企业, 中国).
ZH_STOP_BEFORE_COUNT = re.compile(
    r"[的和与與及并並等在将將已于於为為是从從到以对對把被向让讓使了着過过也都而或]|中(?![小国國])"
)
# Named rules of the grammar (rules/numbers.<lang>.toml), each with its examples beside it.
_ZH_RULES = rules.load("numbers", "zh")
_EN_RULES = rules.load("numbers", "en")


def _rule_regex(rule: rules.Rule) -> re.Pattern[str]:
    assert rule.regex is not None, f"rule {rule.name} has no pattern"
    return rule.regex


#: 成 counting tenths, matched at 成 (三成, 超9成企业; not 一成不变, 成为).
ZH_TENTHS = _rule_regex(_ZH_RULES["tenths"])
#: A capital-form digit that, alone, is a character of a word (大陆, 队伍).
LONE_CAPITAL_DIGIT = _rule_regex(_ZH_RULES["lone-capital-digit"])
#: 位数 after a numeral makes a word of it (两位数增长: double-digit growth).
NUMERAL_IN_WORD = _rule_regex(_ZH_RULES["numeral-in-word"])
#: One part of a Chinese amount after its first scale (3亿|5000万, 25万|6千).
ZH_COMPOUND_PART = _rule_regex(_ZH_RULES["compound-amount"])
#: 大 after a numeral that counts the noun after it (五大专利局), not a congress (二十大报告).
BIG_N = _rule_regex(_ZH_RULES["big-n"])
#: A closing quote right after a count's measure word: the count is a name (“新十条”).
QUOTED_NAME = _rule_regex(_ZH_RULES["quoted-name"])
OPEN_QUOTE_BEFORE = re.compile(r"[“「『\"‘]")
#: A sign glued before a figure: -3.2%, －122％, 负3.9%.
SIGN = _rule_regex(_ZH_RULES["sign"])
#: "minus" / "negative" before a figure.
SIGN_WORDS = _rule_regex(_EN_RULES["sign-words"])
#: A verb of change right before "half" ("fell by more than half"): a change of 50%.
HALF_CHANGE = _rule_regex(_EN_RULES["half-change"])
#: "and a half" after a scale word ("3 million and a half").
AND_A_FRACTION = _rule_regex(_EN_RULES["and-a-half"])
#: A currency sign after the number ("10 €").
CURRENCY_SIGN_AFTER = _rule_regex(_EN_RULES["currency-sign-after"])
#: Cents named after an amount of dollars ("3 dollars 50 cents").
CENTS_AFTER = _rule_regex(_EN_RULES["dollars-and-cents"])
ZH_TIME_AFTER = re.compile(
    rf"(?:多|余)?(?:个|個)?多?(?:{alternation((*lx.TIME_SUFFIXES_ZH, *lx.TIME_HEADS_ZH))})"
)
ZH_AFTER_QUALIFIER = re.compile(alternation(lx.QUALIFIERS_ZH_AFTER))
OR_MORE = re.compile(rf"(?i){SP}+or{SP}+(more|so|above|over)\b")
#: "30-odd companies", "3,000-odd schools": about that many ("a 20-odd-year career" is no count).
#: "one in five", "three out of every ten", "1 in 4": a share written as a ratio.
_SMALL = r"one|two|three|four|five|six|seven|eight|nine|ten"
ONE_IN_N = re.compile(
    rf"(?i)({_SMALL}|[0-9]{{1,2}}){SP}+(?:in|out{SP}+of){SP}+(?:every{SP}+)?"
    rf"({_SMALL}|[0-9]{{1,3}})(?![0-9A-Za-z%])"
    rf"(?!{SP}+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b)"
)
ODD = re.compile(r"(?i)-odd\b(?!-)")
#: "the 12-member working group", "a 36-member alliance": a count of members written as an
#: adjective (other "N-noun" adjectives, "a 10-year plan", stay no figure).
MEMBER_ADJECTIVE = re.compile(r"(?i)-(?:member|strong)\b(?!-)")
PLUS = re.compile(rf"(?i)\+(?![0-9])|-plus\b|{SP}plus\b(?!{SP}+[0-9])")
NEXT_WORD = re.compile(rf"{SP}*(?:-{SP}*)?([A-Za-z]+|%)")
#: A word of a counted phrase: a plain word, or a quoted modifier taken whole (10 "leading"
#: companies, 100 “specialised and sophisticated” enterprises).
_EN_WORD = (
    r"(?:[A-Za-z][\w'’]*(?:-[A-Za-z0-9][\w'’]*)*"
    r"|[\"“‘'][A-Za-z][A-Za-z\- ]{0,40}[\"”’'](?![A-Za-z]))"
)
EN_TOKEN = re.compile(_EN_WORD)
EN_PHRASE = re.compile(rf"(?:{SP}+{_EN_WORD}){{1,7}}")
#: N_WORDS[n] matches n words (the counted phrase is at most 7 long).
N_WORDS = [re.compile(rf"(?:{SP}+{_EN_WORD}){{{n}}}") for n in range(9)]
OF_AFTER = re.compile(rf"(?i){SP}+of\b")
#: A verb of sharing right before a bare fraction makes it a share without "of" after it:
#: "with China accounting for roughly a third.", "The two cities make up half."
SHARE_VERB_BEFORE = re.compile(
    rf"(?i)\b(?:account(?:s|ed|ing)?{SP}+for|make(?:s)?{SP}+up|made{SP}+up|making{SP}+up"
    rf"|represent(?:s|ed|ing)?|comprise[sd]?|comprising)"
    rf"(?:{SP}+(?:roughly|about|around|nearly|almost|some|over|more{SP}+than|less{SP}+than"
    rf"|just{SP}+over|just{SP}+under|close{SP}+to))?{SP}+(?:an?{SP}+)?$"
)
COMPARISON_AFTER = re.compile(rf"(?i)(?={SP}+(?:the|that|as|what|its|their)\b)")
HALF_SCALE = re.compile(rf"(?i){SP}+an?{SP}+(thousand|million|billion|trillion|dozen)\b")
CLOCK_OR_DATE_AFTER = re.compile(rf"(?i)[:/][0-9]|{SP}*(?:a\.?m\.?|p\.?m\.?)(?![a-z])")
CONVERSION_BRIDGE = re.compile(
    r"(?i)\s*(?:[(（]|[,，]\s*(?=or\b|i\.e\.|equivalent|折合|约合|合|相当于|相當於))\s*"
    r"(?:(?:equivalent|equal)\s+to|or|i\.e\.,?|worth|折合|约合|合|相当于|相當於)?\s*"
)


#: What makes "double", "triple" a verb ("spending is expected to double", "will triple").
INFINITIVE_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should)\s+$", re.I)
#: "double down", "double-check", "triple-digit": not a multiple after all.
IDIOM_AFTER_VERB = re.compile(r"-|\s+(?:down|up|back|as)\b", re.I)
