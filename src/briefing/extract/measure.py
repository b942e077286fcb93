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
            if _has("patent", text) and (
                suffix == ""
                # 拥有研究中心27个 in a patents paragraph: the clause names what it counts
                or not (
                    _has("counted-company", before)
                    or _has("counted-project", _CLAUSE_END.split(before)[-1])
                )
            ):
                return "patents", "patent" + suffix
    if q.unit in MONEY_UNITS:
        before = _LISTED_AMOUNTS.sub("", before)  # 首次达到1亿元、3亿元: the list's lead decides
        if _has("exchange-rate", cues.fold(q.text)) or _has("exchange-rate", after):
            return "other", "exchange-rate"  # 7.05 yuan per dollar
        measure, rule = _money(sentence, before, after, local, scope, clause)
        if (
            rule in ("market-noun", "market-in-scope", "money", "future-outlook")
            and lead
            and (_has("target-verb", lead) or _has("future-tense", lead))
        ):
            return "market_size_target", "lead-in-target"  # "Targets by 2025:" then a list
        if measure in ("market_size", "market_size_target") and abs(q.value) < _SMALL_AMOUNT:
            return "other", "small-amount"  # US$3,499, 呎价1.6万元: a price, not a market
        return measure, rule
    if q.unit == "percentage_points":  # a change of a share ("down 14 points"), not a growth
        if _has("gdp", sentence):
            return "gdp_share", "gdp"
        return ("share", "share-word") if _has("share-word", sentence) else ("other", "points")
    if q.unit == "percent":
        if _has("support-rule", sentence) and _has("support-rate", after):
            return "share", "support-rate"  # 按实际投入的30%给予补助: a rate, a share of the cost
        if q.value < 0:
            return "growth_rate", "signed"  # -3.2%, "more than halved": a fall
        measure, rule = _percent(sentence, before, after, clause)
        if rule in ("percent", "share-word", "share-of-after") and (
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
    if _has("not-market-before", before) or _has("not-market-after", after):
        return "other", "not-market"  # a loss, a tax, a price, a valuation
    if _has("invest-before", before) or (_has("invest-into", before) and _has("into-after", after)):
        return "investment", "invest-before"
    if _has("threshold-before", before) and not _has("target-verb", _CLAUSE_END.split(before)[-1]):
        # 年主营业务收入首次达到1亿元: a bar, not a grant; 力争全年营收突破300亿元 is an aim
        return "other", "threshold-before"
    if _has("support-rule", clause or sentence):
        return "investment", "support-rule"
    if _has("funding-after", after):
        return "investment", "funding-after"  # 最多可获5万港元资助: a grant
    if _has("programme-after", after):
        return "investment", "programme-after"  # 5亿元数码转型计划: a programme's budget
    if _has("invest-word", sentence) and not _has("market-noun", sentence):
        return "investment", "invest-word"
    if _has("threshold-before", before) and not _has("target-verb", _CLAUSE_END.split(before)[-1]):
        return "other", "threshold-before"
    if _DESCRIBES.match(after):  # the noun it describes decides
        noun = re.split(r"[，。；、,;]", after, maxsplit=1)[0]
        if _has("funding-noun", noun):
            return "investment", "funding-noun"  # 规模50亿元的产业基金: the size of a fund
        return "other", "describes-noun"  # 营业收入超10亿元的企业: a threshold
    if _has("from-before", before) and _has("market-noun", sentence):
        return "market_size", "from-before"  # up from 60 billion yuan in 2022
    if (
        clause
        and _has("past-clause", clause)
        and not _has("target-verb", clause)
        and not _has("future-tense", clause)
        and not _has("forecast-verb", clause)
        and (_has("market-noun", clause) or _has("market-noun", sentence))
    ):
        return "market_size", "past-clause"  # "reached 100 billion yuan last year, and ..."
    if _has("target-verb", sentence):
        return "market_size_target", "target-verb"
    if _has("forecast-verb", sentence):
        return "market_size", "forecast-verb"
    if _has("future-tense", sentence) and (local or _has("authority", sentence)):
        return "market_size_target", "future-tense"
    if _has("future-tense", sentence):
        return "market_size", "future-outlook"
    if _has("company-revenue", sentence) and not _has("market-word", sentence):
        return "other", "company-revenue"  # Tencent's revenue: a company's, not a market's
    if _has("market-noun", sentence):
        return "market_size", "market-noun"
    if _has("market-noun", scope):
        return "market_size", "market-in-scope"  # "Most of that is e-commerce (US$2 trillion)"
    return "other", "money"


def _percent(sentence: str, before: str, after: str = "", clause: str = "") -> tuple[str, str]:
    if _has("decline-before", before):
        return "growth_rate", "decline-before"
    if _has("rise-before", before):
        return "growth_rate", "rise-before"
    if _has("rate-after", after):
        return "growth_rate", "rate-after"  # 24% a year
    if _has("share-of-after", after):
        return "share", "share-of-after"  # about 70% of it
    if _has("gdp", sentence):
        return "gdp_share", "gdp"
    if _has("growth-before", before) and (
        _has("growth-word", sentence) or _has("raise-before", before)
    ):
        return "growth_rate", "growth-before"
    if _has("patent", sentence) and _has("share-word", sentence):
        return "patent_share", "patent"
    if clause and clause != sentence:  # the figure's own clause first, then its sentence
        if _has("share-word", clause):
            return "share", "share-word"
        if _has("growth-word", clause):
            return "growth_rate", "growth-word"
    if _has("share-word", sentence):
        return "share", "share-word"
    if _has("growth-word", sentence):
        return "growth_rate", "growth-word"
    return "share", "percent"


#: Amounts listed before a figure (达到1亿元、3亿元、5亿元): what stands before the list decides.
_LISTED_AMOUNTS = re.compile(
    r"(?:[0-9０-９][0-9０-９.,]*[十百千万亿萬億]*(?:元|美元|港元|欧元)?\s*[、和及与]\s*)+$"
)
#: The label of a key-figure line ("Companies at Cyberport: more than 1,900", 企业总数：).
_LABEL = re.compile(r"([^\n。；;:：]{2,40})[:：]\s*$")
#: Below this, money is a price, a fee or a wage, never a market or its target (rule
#: small-amount): markets and targets are written in millions and billions.
_SMALL_AMOUNT = 100_000
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
        label = _LABEL.search(before)
        if label is not None:
            head = label.group(1)  # "Companies at Cyberport: more than 1,900"
        head = prefix.sub("", head[-12:] if label is None else head)
        if any(pattern.search(tail) for _, pattern, _ in _counted_rules()):
            counted, source = tail, "noun-after"
        else:
            # the noun before a count is the head of its phrase, the last one
            # (单个企业累计获支持的场景不多于5个 counts scenes, not firms)
            ends = [m.end() for _, pattern, _ in _counted_rules() for m in pattern.finditer(head)]
            if ends:
                last = max(ends)
                starts = [
                    m.start()
                    for _, pattern, _ in _counted_rules()
                    for m in pattern.finditer(head)
                    if m.end() == last
                ]
                counted, source = head[min(starts) :], "noun-before"
    rules = _counted_rules()
    if counted and not counted.isascii() and source == "counted":
        # a Chinese noun phrase ends in its head: 元宇宙专利申请企业 counts firms, not patents
        def _last_end(item: tuple[str, re.Pattern[str], str]) -> int:
            ends = (m.end() for i in range(len(counted)) if (m := item[1].match(counted, i)))
            return max(ends, default=-1)  # overlapping: 产业园区 ends in 园区, not 产业园

        rules = tuple(sorted(rules, key=_last_end, reverse=True))
    for name, pattern, measure in rules:
        if pattern.search(counted):
            rule = name if source == "counted" else f"{name}:{source}"
            if measure == "companies" and _has("member-cue", sentence):
                return "members", "member-cue"
            return measure, rule
    for text, suffix in ((sentence, ""), (scope, "-in-scope")):
        if _has("trademark", text):
            return "trademark_applications", "trademark" + suffix
        if counted.strip() and not _has("generic-filings", counted.strip()) and "件" not in q.text:
            break  # "five largest patent offices", 五大专利局: a noun that is no filing
        if _has("patent", text) and ("件" in q.text or not counted or suffix == ""):
            return "patents", "patent" + suffix  # 美国以17,293件居冠 in a patent report
    if _has("person-measure-word", cues.fold(q.text)):
        return "users", "person-measure-word"  # 200名高端人才: 名 counts people
    if _has("device-measure-word", cues.fold(q.text)):
        return "hardware", "device-measure-word"  # 18.7万台: 台 counts machines
    if "家" in q.text or "間" in q.text or "间" in q.text:
        if _has("member-cue", sentence):
            return "members", "member-cue"
        return "companies", "firm-measure-word"  # 200家细分领域“专精特新”企业: 家 counts firms
    return "other", "count"


def is_decline(text: str) -> bool:
    """Does `text` (what stands right before a figure) state a fall ("down", 下降)?"""
    return _has("decline-before", cues.fold(text))


def is_decline_after(text: str) -> bool:
    """Does `text` (what stands right after a figure) state a fall ("ends 0.9% lower")?"""
    return _has("decline-after", cues.fold(text))
