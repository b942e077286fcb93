"""What a figure measures, from its unit, its counted noun and named cues around it.

Why a separate module: the measure is decided by the figure's own words first (what stands
right before it: "grow by 40%", "a fund worth", 最高给予…奖励), then by its sentence
(target, forecast, market words). Each decision returns the name of the cue rule that made
it (the fact's `measure_rule`); the cue words are in `rules/measure.<lang>.toml`.
"""

from __future__ import annotations

import re
from functools import cache

from briefing.extract import cues
from briefing.extract.quantities import MONEY_UNITS, Quantity

_TOPIC = "measure"


def _has(name: str, text: str) -> bool:
    return cues.search(_TOPIC, name, text) is not None


@cache
def _counted_rules() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(rule name, pattern, measure) of the counted-noun rules (`counted-*`), in file order:
    the first whose pattern the counted noun matches decides."""
    out = []
    for name in cues.names(_TOPIC):
        if name.startswith("counted-"):
            r = cues.rule(_TOPIC, name)
            assert r.regex is not None and r.extra.get("measure"), name
            out.append((name, r.regex, str(r.extra["measure"])))
    return tuple(out)


def classify_measure(
    q: Quantity, sentence: str, before: str = "", after: str = "", local: bool = True
) -> tuple[str, str]:
    """The measure of a figure and the rule that decided it.

    `sentence` is the figure's sentence, `before` its text just before the figure (up to
    40 characters), `after` the text right after it: money before 的 describes a noun.
    `local`: a place below the country is named in the sentence (its future is a target).
    All three are read in simplified script.
    """
    sentence, before, after = cues.fold(sentence), cues.fold(before), cues.fold(after)
    counted = cues.fold(q.counted or "")
    if _has("generic-filings", counted.strip()):
        if _has("trademark", sentence):
            return "trademark_applications", "trademark"
        if _has("patent", sentence):
            return "patents", "patent"
    if q.unit in MONEY_UNITS:
        return _money(sentence, before, after, local)
    if q.unit == "percentage_points":  # a change of a share ("down 14 points"), not a growth
        if _has("gdp", sentence):
            return "gdp_share", "gdp"
        return ("share", "share-word") if _has("share-word", sentence) else ("other", "points")
    if q.unit == "percent":
        return _percent(sentence, before)
    if q.unit == "count":
        return _count(q, counted, sentence, before)
    return "other", "unit"


def _money(sentence: str, before: str, after: str, local: bool) -> tuple[str, str]:
    if _has("gdp", sentence):
        return "other", "gdp"
    if _has("invest-before", before):
        return "investment", "invest-before"
    if _has("support-rule", sentence):
        return "investment", "support-rule"
    if _has("invest-word", sentence) and not _has("market-noun", sentence):
        return "investment", "invest-word"
    if _has("threshold-before", before):
        return "other", "threshold-before"
    if after.startswith("的"):  # the noun it describes decides
        noun = re.split(r"[，。；、,;]", after, maxsplit=1)[0]
        if _has("funding-noun", noun):
            return "investment", "funding-noun"  # 规模50亿元的产业基金: the size of a fund
        return "other", "describes-noun"  # 营业收入超10亿元的企业: a threshold
    if _has("target-verb", sentence):
        return "market_size_target", "target-verb"
    if _has("forecast-verb", sentence):
        return "market_size", "forecast-verb"
    if _has("future-tense", sentence) and (local or _has("authority", sentence)):
        return "market_size_target", "future-tense"
    if _has("future-tense", sentence):
        return "market_size", "future-outlook"
    if _has("market-noun", sentence):
        return "market_size", "market-noun"
    return "other", "money"


def _percent(sentence: str, before: str) -> tuple[str, str]:
    if _has("decline-before", before):
        return "growth_rate", "decline-before"
    if _has("rise-before", before):
        return "growth_rate", "rise-before"
    if _has("gdp", sentence):
        return "gdp_share", "gdp"
    if _has("growth-before", before) and (
        _has("growth-word", sentence) or _has("raise-before", before)
    ):
        return "growth_rate", "growth-before"
    if _has("patent", sentence) and _has("share-word", sentence):
        return "patent_share", "patent"
    if _has("share-word", sentence):
        return "share", "share-word"
    if _has("growth-word", sentence):
        return "growth_rate", "growth-word"
    return "share", "percent"


def _count(q: Quantity, counted: str, sentence: str, before: str) -> tuple[str, str]:
    if not counted:
        # Chinese puts the noun before the figure (企业超过1.2万家); 家 counts firms
        firms = "家" in q.text or "間" in q.text or "间" in q.text
        scope = cues.rule(_TOPIC, "scope-prefix").regex
        assert scope is not None
        counted = scope.sub("", before[-12:]) + (" 企业" if firms else "")
    for name, pattern, measure in _counted_rules():
        if pattern.search(counted):
            if measure == "companies" and _has("member-cue", sentence):
                return "members", "member-cue"
            return measure, name
    if _has("trademark", sentence):
        return "trademark_applications", "trademark"
    if _has("patent", sentence):
        return "patents", "patent"
    return "other", "count"


def is_decline(text: str) -> bool:
    """Does `text` (what stands right before a figure) state a fall ("down", 下降)?"""
    return _has("decline-before", cues.fold(text))
