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
    q: Quantity,
    sentence: str,
    before: str = "",
    after: str = "",
    local: bool = True,
    scope: str = "",
    *,
    lead: str = "",
    clause: str = "",
    folded: bool = False,
) -> tuple[str, str]:
    """The measure of a figure and the rule that decided it.

    `sentence` is the figure's sentence, `before` its text just before the figure (up to
    40 characters), `after` the text right after it: money before 的 describes a noun.
    `local`: a place below the country is named in the sentence (its future is a target).
    `scope`: the text of the figure's block, heading and the document's title, read when
    the sentence does not say what bare filings count (a patent report's "17,293
    applications"). `lead`: the lead-in of the list the figure is an item of (its aim
    makes a market size a target); `clause`: the figure's clause, where a support rule
    must stand to make its money a grant. All are read in simplified script (`folded`: the
    caller has folded them already, as the document model does once per article).
    """
    if not folded:
        sentence, before, after = cues.fold(sentence), cues.fold(before), cues.fold(after)
        scope, lead, clause = cues.fold(scope), cues.fold(lead), cues.fold(clause)
    counted = cues.fold(q.counted or "")
    if _has("generic-filings", counted.strip()) or (q.unit == "count" and not counted):
        for text, suffix in ((sentence, ""), (scope, "-in-scope")):
            if _has("trademark", text):
                return "trademark_applications", "trademark" + suffix
            if _has("patent", text) and (suffix == "" or not _has("counted-company", before)):
                return "patents", "patent" + suffix
    if q.unit in MONEY_UNITS:
        measure, rule = _money(sentence, before, after, local, scope, clause)
        if (
            rule in ("market-noun", "market-in-scope", "money")
            and lead
            and (_has("target-verb", lead) or _has("future-tense", lead))
        ):
            return "market_size_target", "lead-in-target"  # "Targets by 2025:" then a list
        return measure, rule
    if q.unit == "percentage_points":  # a change of a share ("down 14 points"), not a growth
        if _has("gdp", sentence):
            return "gdp_share", "gdp"
        return ("share", "share-word") if _has("share-word", sentence) else ("other", "points")
    if q.unit == "percent":
        if _has("support-rule", sentence) and _has("support-rate", after):
            return "investment", "support-rate"  # 按实际投入的30%给予补助: a subsidy rate
        measure, rule = _percent(sentence, before)
        if rule in ("percent", "share-word") and (
            _has("patent", sentence) or _has("patent", scope)
        ):
            return "patent_share", "patent-in-scope"  # "China: 14,291 applications (29.7%)"
        return measure, rule
    if q.unit == "count":
        return _count(q, counted, sentence, before, after, scope)
    return "other", "unit"


def _money(
    sentence: str, before: str, after: str, local: bool, scope: str = "", clause: str = ""
) -> tuple[str, str]:
    if _has("gdp", sentence):
        return "other", "gdp"
    if _has("invest-before", before):
        return "investment", "invest-before"
    if _has("threshold-before", before):
        return "other", "threshold-before"  # 年主营业务收入首次达到1亿元: a bar, not a grant
    if _has("support-rule", clause or sentence):
        return "investment", "support-rule"
    if _has("funding-after", after):
        return "investment", "funding-after"  # 最多可获5万港元资助: a grant
    if _has("invest-word", sentence) and not _has("market-noun", sentence):
        return "investment", "invest-word"
    if _has("threshold-before", before):
        return "other", "threshold-before"
    if _DESCRIBES.match(after):  # the noun it describes decides
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
    if _has("market-noun", scope):
        return "market_size", "market-in-scope"  # "Most of that is e-commerce (US$2 trillion)"
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


_CLAUSE_END = re.compile(r"[，。；,;：:]")
#: Money right before 的 (past a bracketed note, "1000万元以上（含）的企业") describes a noun.
_DESCRIBES = re.compile(r"^(?:[（(][^）)]{0,4}[）)])?的")
#: Where the noun after a Chinese count ends at the latest: a title, a bracket, a date.
_NOUN_END = re.compile(r"[《（(「“]|\d")


def _count(
    q: Quantity, counted: str, sentence: str, before: str, after: str, scope: str = ""
) -> tuple[str, str]:
    source = "counted"
    if not counted:
        # the noun after a Chinese count, past its modifiers (打造10个具有区域影响力的集聚区),
        # else the noun before it in its clause (企业超过1.2万家); 家 counts firms
        tail = _NOUN_END.split(_CLAUSE_END.split(after, maxsplit=1)[0], maxsplit=1)[0][:16]
        head = _CLAUSE_END.split(before)[-1]
        prefix = cues.rule(_TOPIC, "scope-prefix").regex
        assert prefix is not None
        for text, where in ((tail, "noun-after"), (prefix.sub("", head[-12:]), "noun-before")):
            if any(pattern.search(text) for _, pattern, _ in _counted_rules()):
                counted, source = text, where
                break
    for name, pattern, measure in _counted_rules():
        if pattern.search(counted):
            rule = name if source == "counted" else f"{name}:{source}"
            if measure == "companies" and _has("member-cue", sentence):
                return "members", "member-cue"
            return measure, rule
    for text, suffix in ((sentence, ""), (scope, "-in-scope")):
        if _has("trademark", text):
            return "trademark_applications", "trademark" + suffix
        if _has("patent", text) and ("件" in q.text or not counted or suffix == ""):
            return "patents", "patent" + suffix  # 美国以17,293件居冠 in a patent report
    if "家" in q.text or "間" in q.text or "间" in q.text:
        if _has("member-cue", sentence):
            return "members", "member-cue"
        return "companies", "firm-measure-word"  # 200家细分领域“专精特新”企业: 家 counts firms
    return "other", "count"


def is_decline(text: str) -> bool:
    """Does `text` (what stands right before a figure) state a fall ("down", 下降)?"""
    return _has("decline-before", cues.fold(text))
