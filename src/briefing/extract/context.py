"""From figures to facts: who a figure belongs to, which year, what it measures, on topic or not.

The quantities layer says *what* is written ("2,500亿元", "24 tech companies"); this layer
reads the sentence around it. Only sentences that hold a figure are examined, so the cost
grows with the number of figures, not with the length of the text.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from typing import Any

from briefing import reference
from briefing.extract import dates as dates_mod
from briefing.extract import lexicon as lx
from briefing.extract.numbers import parse_chinese_numeral, parse_number_words
from briefing.extract.quantities import MONEY_UNITS, Quantity, find_quantities
from briefing.extract.sentences import SpanIndex, paragraph_spans, sentence_spans
from briefing.schema import FACT_COLUMNS

# ---------------------------------------------------------------- measure
#: An authority's aim: these make money a target whoever else speaks in the sentence.
_TARGET = re.compile(
    r"\b(?:target|targets|targeting|aim|aims|aimed|aiming|goal|goals|plan|plans|planned|"
    r"planning|seek|seeks|seeking|strive|strives|striving|"
    r"hopes? to|wants? to|intends? to|set to)\b|目标|力争|争取|计划",
    re.IGNORECASE,
)
#: Future tense alone: a target unless a forecaster is speaking ("IDC estimates ... will").
_TARGET_WEAK = re.compile(r"\b(?:will|expected to|by 20\d\d)\b|到20\d\d年|预计", re.IGNORECASE)
#: Who sets targets: a government, its plans, a province or city (by those words).
_AUTHORITY = re.compile(
    r"\b(?:government|governments|ministry|council|plan|plans|policy|policies|blueprint|"
    r"roadmap|province|provincial|city|municipal|municipality|district|authorities|officials?|"
    r"state)\b"
    r"|政府|规划|方案|计划|行动|意见|省|市|区|國務院|国务院|部门",
    re.IGNORECASE,
)
_FORECAST = re.compile(
    r"\b(?:estimates?|estimated|forecasts?|forecasted|predicts?|predicted|projects|projected|"
    r"projections?|analysts?|consultanc(?:y|ies)|research firm|expects?)\b|预测|估计|机构预计",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"\b(?:share|accounting for|accounts? for|of the total|of all|proportion)\b"
    r"|\bof (?:the )?(?:global|world(?:'s|wide)?|national|country's|industry's)\b|占",
    re.IGNORECASE,
)
_GROWTH = re.compile(
    r"\b(?:grow|grew|growth|increase|increased|rise|rose|jump|jumped|surge|surged|hike|climb|climbed|expand|expanded|soar|soared|CAGR|up)\b|增长|增速|同比|增加|上升|提高",
    re.IGNORECASE,
)
#: "the number of X ..." before a bare count names what it counts.
_NUMBER_OF = re.compile(r"\bnumber of ((?:[\w-]+ ){0,4}[\w-]+s)\b(?!.*\bnumber of\b)", re.I)
#: A rise stated right before a percentage ("up 10 per cent", "jumped 5%", 增长30%).
_RISE_BEFORE = re.compile(
    r"\b(?:up|rose|risen|rises?|rising|grew|grows?|grown|growing|jump(?:ed|s)?|surg(?:e|ed|es)|"
    r"climb(?:ed|s)?|soar(?:ed|s)?|gain(?:ed|s)?|increas(?:e|ed|es)|expand(?:ed|s)?|rallied|"
    r"advanced)\s+(?:by\s+)?$|(?:增长|增加|上升|提高|上涨|增幅|增速)(?:了|为|达|达到)?$",
    re.IGNORECASE,
)
#: A fall stated right before a percentage ("down 40%", "fell by 2.1%", 下降约三成): a growth
#: rate, recorded negative so that a table or chart of growth never reads a fall as a rise.
_DECLINE_BEFORE = re.compile(
    r"\b(?:down|fell|falls?|fallen|falling|dropp?(?:ed|s|ing)?|declin(?:e|ed|es|ing)|"
    r"shr[iau]nk(?:s|ing)?|slump(?:s|ed)?|plung(?:e|ed|es)|contract(?:s|ed)|decreas(?:e|ed|es)|"
    r"lower)\s+(?:by\s+)?$|(?:下降|减少|下滑|降低|回落|下跌)了?$",
    re.IGNORECASE,
)
_MEMBER_CUE = re.compile(
    r"\b(?:members?|alliance|association|working group|includes?|comprised?|consist)\b|成员|联盟|协会",  # noqa: E501
    re.IGNORECASE,
)
_MARKET = re.compile(
    r"\b(?:market|industry|industries|sector|economy|output|revenue|scale|worth|valued)\b|产业|规模|市场|产值",
    re.IGNORECASE,
)
_INVEST = re.compile(
    r"\b(?:invest\w*|fund\w*|raised?|financing|pledged?|capital)\b|投资|基金|融资|投放|投入",
    re.IGNORECASE,
)
_FOLD = str.maketrans(lx.TRADITIONAL_TO_SIMPLIFIED)
#: The noun money describes, when it is a fund or funding (规模50亿元的产业基金,
#: 最高500万元的资金支持).
_FUNDING_NOUN = re.compile(
    r"投资|基金|融资|资金|补贴|补助|资助|拨款|奖励|\b(?:fund|funding|subsid|grant)", re.I
)
#: Money named as a fund or an investment right before it ("a fund worth 10 billion yuan",
#: 专项资金不低于2亿元) is an investment even when the sentence also says "industry".
_INVEST_BEFORE = re.compile(
    r"\b(?:invest(?:s|ed|ing|ment|ments)?|funds?|funding|raised?|financing|pledged?|capital|"
    r"injected|subsid(?:y|ies|ised|ized)|grants?|spend(?:s|ing)?|spent|allocat(?:e|es|ed|ing)|"
    r"earmark(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|bought|buys?|acquired|acquires?|acquisition|"
    r"purchased?)\b[^.;,()]{0,16}$"
    r"|(?:投资|基金|融资|资金|补贴|补助|资助|投放|投入|拨款)[^，。；、]{0,6}$",
    re.IGNORECASE,
)
_GDP = re.compile(r"\bGDP\b|gross domestic product|国内生产总值|GDP比重", re.IGNORECASE)
_PATENT = re.compile(r"patent|专利", re.IGNORECASE)
_TRADEMARK = re.compile(r"trademark|商标", re.IGNORECASE)

_COUNTED_MEASURES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"trademark|商标", re.I), "trademark_applications"),
    (re.compile(r"patent|专利", re.I), "patents"),
    (re.compile(r"\bmembers?\b|成员", re.I), "members"),
    (
        re.compile(
            r"compan|firm|enterprise|business|start-?ups?|institution|organi[sz]ation"
            r"|企业|公司|机构|初创|厂商",
            re.I,
        ),
        "companies",
    ),
    # before places: 园区 and 集聚区 end in 区 (district) but are parks, not places
    (
        re.compile(
            r"project|park|cluster|scenario|platform|base|hub|center|centre"
            r"|项目|园区|集群|场景|平台|基地|集聚区|聚集区|先导区|示范区|产业园|案例|应用",
            re.I,
        ),
        "projects",
    ),
    (
        re.compile(
            r"cit(?:y|ies)|province|district|region|municipalit|zones?\b|count(?:y|ies)|towns?\b|城市|省|区|地区",
            re.I,
        ),
        "places",
    ),
    (re.compile(r"user|resident|people|person|consumer|visitor|player|用户|人", re.I), "users"),
    (re.compile(r"device|headset|chip|unit|terminal|glasses|设备|终端|芯片", re.I), "hardware"),
]


_GROWTH_BEFORE = re.compile(
    r"\b(?:by|of)\s+(?:about|around|nearly|almost|some|over|more than)?\s*$"
    r"|(?:增长|增加|上升|提高)了?[^，。；、\d%％]{0,4}$",
    re.I,
)
_CURRENCY_SIGNS = frozenset("$＄")
#: "raise spending by 10% to 20%", "boost output by 5%": a change the subject is to make.
_RAISE = re.compile(r"\b(?:rais|boost|lift|cut|reduc|increas)\w*\b[^.;]{0,40}$", re.I)
#: Money that sets a bar for the noun before it ("firms with annual revenue above 10 million
#: yuan", "companies with registered capital of over ..."): neither a market nor a target.
_THRESHOLD_BEFORE = re.compile(
    r"\bwith\s+(?:an?\s+)?(?:annual\s+|yearly\s+)?(?:revenues?|sales|income|turnover|output"
    r"|registered capital|market value|valuations?)\s+(?:of\s+)?"
    r"(?:above|over|exceeding|topping|beyond|more than|at least|of more than|of over)?\s*$",
    re.I,
)
#: "52.2 billion U.S. dollars", "HK dollars": the place names the currency, not the owner.
_CURRENCY_NAME_AFTER = re.compile(r"\s*(?:dollars?|cents?)\b", re.I)
#: Scope words before a Chinese count (全省5G基站超过10万个): not a count of provinces.
_ZH_SCOPE = re.compile(r"全(?:省|市|区|區|国|國)|我(?:省|市)|本(?:省|市)")
_GENERIC_FILINGS = re.compile(r"^(?:applications?|filings?|registrations?|申请)$", re.I)


def classify_measure(
    q: Quantity, sentence: str, before: str = "", after: str = "", local: bool = True
) -> str:
    """The measure of a figure, from its unit, counted noun and cue words in its sentence.

    `before` is the sentence's text just before the figure (up to 40 characters): "grow by
    40%" is a growth rate and "a fund worth 10 billion yuan" an investment, whatever else the
    sentence says. `after` is the text right after it: money before 的 describes a noun.
    """
    # Hong Kong and Taiwan sources: cue words read in simplified form (產業 -> 产业)
    sentence, before = sentence.translate(_FOLD), before.translate(_FOLD)
    counted = (q.counted or "").translate(_FOLD)
    if _GENERIC_FILINGS.match(counted.strip()):
        if _TRADEMARK.search(sentence):
            return "trademark_applications"
        if _PATENT.search(sentence):
            return "patents"
    if q.unit in MONEY_UNITS:
        if _GDP.search(sentence):
            return "other"
        if _INVEST_BEFORE.search(before) or (
            _INVEST.search(sentence) and not _MARKET.search(sentence)
        ):
            return "investment"
        if _THRESHOLD_BEFORE.search(before):
            return "other"  # "firms with annual revenue above 10 million yuan": a threshold
        if after.startswith("的"):  # the noun it describes decides
            noun = re.split(r"[，。；、,;]", after, maxsplit=1)[0]
            if _FUNDING_NOUN.search(noun.translate(_FOLD)):
                return "investment"  # 规模50亿元的产业基金: the size of a fund
            return "other"  # 营业收入超10亿元的企业: a threshold describing a noun
        if _TARGET.search(sentence):
            return "market_size_target"
        if _FORECAST.search(sentence):
            return "market_size"  # a forecaster's number, not an authority's target
        if _TARGET_WEAK.search(sentence) and (local or _AUTHORITY.search(sentence)):
            return "market_size_target"  # "Sichuan's industry will reach ... by 2025"
        if _TARGET_WEAK.search(sentence):
            return "market_size"  # "China's VR market is expected to reach ...": an outlook
        if _MARKET.search(sentence):
            return "market_size"
        return "other"
    if q.unit == "percentage_points":  # a change of a share ("down 14 points"), not a growth
        if _GDP.search(sentence):
            return "gdp_share"
        return "share" if _SHARE.search(sentence) else "other"
    if q.unit == "percent":
        if _DECLINE_BEFORE.search(before) or _RISE_BEFORE.search(before):
            return "growth_rate"  # "jumped 5%", "fell 2.1%": a change, whatever else is said
        if _GDP.search(sentence):
            return "gdp_share"
        if _GROWTH_BEFORE.search(before) and (_GROWTH.search(sentence) or _RAISE.search(before)):
            return "growth_rate"
        if _PATENT.search(sentence) and _SHARE.search(sentence):
            return "patent_share"
        if _SHARE.search(sentence):
            return "share"
        if _GROWTH.search(sentence):
            return "growth_rate"
        return "share"
    if q.unit == "count":
        if not counted:
            # Chinese puts the noun before the figure (企业超过1.2万家); 家 counts firms
            firms = "家" in q.text or "間" in q.text or "间" in q.text  # 家/間 count firms
            counted = _ZH_SCOPE.sub("", before[-12:]) + (" 企业" if firms else "")
        for pattern, measure in _COUNTED_MEASURES:
            if pattern.search(counted):
                if measure == "companies" and _MEMBER_CUE.search(sentence):
                    return "members"
                return measure
        if _TRADEMARK.search(sentence):
            return "trademark_applications"
        if _PATENT.search(sentence):
            return "patents"
    return "other"


# ---------------------------------------------------------------- counted
_COUNTED_MODIFIERS = re.compile(
    r"^(?:(?:tech|technology|metaverse|metaverse-related|related|new|major|leading|local|"
    r"domestic|foreign|chinese|big|large|small|listed|private|state-owned|key|other|more|such|"
    r"internet|industry|core)\s+)+",
    re.IGNORECASE,
)


_HYPHEN_MODIFIER = re.compile(
    r"-(?:related|based|listed|owned|focused|backed|funded|registered)$", re.I
)


def normalise_counted(counted: str | None) -> str:
    """The head of the counted phrase: adjectives and sector modifiers dropped, compounds kept.

    "24 tech companies" -> "companies"; "metaverse-related trademark applications" ->
    "trademark applications"; "cities and provinces" stays.
    """
    if not counted:
        return ""
    text = " ".join(counted.split())
    words = text.split(" ")
    # "artificial intelligence-related companies", "Guangzhou-based tech companies": the
    # head follows the last hyphenated modifier
    for i in range(len(words) - 1, -1, -1):
        if _HYPHEN_MODIFIER.search(words[i]):
            text = " ".join(words[i + 1 :])
            break
    stripped = _COUNTED_MODIFIERS.sub("", text)
    return stripped or text


# ---------------------------------------------------------------- on topic
_TOPIC = re.compile(
    r"metaverse|virtual reality|augmented reality|\bVR\b|\bAR\b|\bXR\b|digital twin|avatar|"
    r"元宇宙|虚拟现实|增强现实|数字孪生|虚拟|web3|NFT|digital human|数字人",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"copyright|all rights reserved|©|keep reading|read more|related (?:posts|articles|stories)|"
    r"leave a reply|subscribe|newsletter|sign up|is a (?:senior )?(?:reporter|writer|editor|journalist)|"  # noqa: E501
    r"advertisement|sponsored|photo:|image:|cookie|privacy policy|terms of (?:use|service)|"
    r"版权所有|免责声明|责任编辑|广告",
    re.IGNORECASE,
)
#: A header that opens the page's trailing stories ("相关阅读", "Related articles", "Read
#: more:"): on its own line, or ending in a colon, in the second half of the text; every
#: paragraph from there on is off topic.
_TRAILER = re.compile(
    r"(?im)^[ \t]*(?:相关阅读|相關閱讀|相关新闻|相關新聞|延伸阅读|延伸閱讀|"
    r"推荐阅读|推薦閱讀|热门推荐|熱門推薦|更多新闻|更多新聞|猜你喜欢|"
    r"related(?: (?:articles|stories|posts|news|reading|coverage|content))?"
    r"|read (?:more|also|next)|more (?:from|on) [\w .'’-]{1,40}|more stories|"
    r"you (?:may|might) also like|recommended(?: for you| reading)?|most (?:read|popular)|"
    r"trending(?: now)?)[ \t]*(?:[:：].*)?$"
)
_WINDOW = 3  # paragraphs on each side used to judge whether the topic is still present
#: A list (a plan's targets: "Specifically:" then items ending in ";") is read as one
#: block, so each item's window reaches the paragraphs around the whole list.
_LIST_MARK = re.compile(r"\s*(?:[-•*·]\s|\d{1,2}[.)、]|[（(][一二三四五六七八九十\d]{1,3}[)）])")


def _window(paragraphs: list[Any], i: int, text: str) -> tuple[int, int]:
    """Paragraph range [lo, hi) around paragraph i used by the on-topic test: _WINDOW
    paragraphs on each side of i, or of the list i belongs to."""
    n = len(paragraphs)

    def tail(j: int) -> str:
        return text[max(paragraphs[j].start, paragraphs[j].end - 2) : paragraphs[j].end].strip()

    def in_list(j: int) -> bool:
        if not 0 <= j < n:
            return False
        if _LIST_MARK.match(text, paragraphs[j].start):
            return True
        return tail(j)[-1:] in (";", "；") or (j > 0 and tail(j - 1)[-1:] in (":", "：", ";", "；"))

    a = b = i
    if in_list(i):
        while in_list(a - 1):
            a -= 1
        while in_list(b + 1):
            b += 1
    return max(0, a - _WINDOW), min(n, b + _WINDOW + 1)


def _names_china(text: str, start: int, end: int) -> bool:
    """Does text[start:end] name China, a Chinese place or a Chinese organisation?"""
    for m in reference.mentions_in(text, start, end):
        entry = reference.entry_for(m.canonical)
        if entry is None:
            continue
        if entry.is_place and (m.canonical == "China" or entry.kind not in ("country", "world")):
            return True
        if not entry.is_place and entry.parent == "China" and entry.kind not in _REPORTERS:
            return True
    return False


_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")


def _written_in_chinese(text: str, start: int, end: int) -> bool:
    """Is text[start:end] mostly Chinese script? A Chinese plan's clause about "the city's
    finance bureau" names no place, yet a paragraph in Chinese is Chinese context."""
    n = end - start
    return n > 0 and len(_IDEOGRAPH.findall(text, start, end)) * 3 >= n


def topic_flags(text: str, paragraphs: list[Any], needed: set[int] | None = None) -> list[bool]:
    """One flag per paragraph: is it part of the article's subject (China's metaverse)?

    A paragraph is on topic when it is not boilerplate (copyright, bylines, bios, captions,
    newsletter and "related posts" cues), does not follow a trailing-stories header
    (相关阅读, "Related articles") and the paragraphs around it (a window of
    _WINDOW on each side, of the whole list for a list item) both use the topic lexicon
    (metaverse, VR, 元宇宙...) and name China or something Chinese (or are written in
    Chinese). Trailing unrelated stories lose the
    topic words; a digression about a foreign company (Meta's AI plans) loses the Chinese
    names.
    """
    n = len(paragraphs)
    # only paragraphs near those that hold figures are read (`needed`: their indices)
    near = (
        set(range(n))
        if needed is None
        else {j for i in needed for j in range(*_window(paragraphs, i, text))}
    )
    topical = [
        j in near and bool(_TOPIC.search(text, p.start, p.end)) for j, p in enumerate(paragraphs)
    ]
    chinese = [
        j in near
        and (_written_in_chinese(text, p.start, p.end) or _names_china(text, p.start, p.end))
        for j, p in enumerate(paragraphs)
    ]
    # a header in the first half is an inline link ("Read more: ..."), not the page's tail
    trailer = _TRAILER.search(text, len(text) // 2)
    trailer_at = trailer.start() if trailer else len(text) + 1
    flags: list[bool] = []
    for i, p in enumerate(paragraphs):
        if needed is not None and i not in needed:
            flags.append(True)
            continue
        if p.start >= trailer_at or _BOILERPLATE.search(text, p.start, p.end):
            flags.append(False)
            continue
        lo, hi = _window(paragraphs, i, text)
        flags.append(any(topical[lo:hi]) and any(chinese[lo:hi]))
    return flags


# ---------------------------------------------------------------- entity
#: Anaphors name the kind of body they refer back to ("the alliance", "the province", 该联盟).
_ANAPHOR = re.compile(
    r"\b[Tt]he (?:new |same )?(?:metaverse )?(?:industry )?"
    r"(alliance|association|working group|group|province|city|district|ministry|company|country)\b"
    r"|(该联盟|该协会|该省|该市|该区)"
)
_ANAPHOR_KINDS: dict[str, tuple[str, ...]] = {
    "alliance": ("alliance", "association"),
    "association": ("association", "alliance"),
    "working group": ("working_group",),
    "group": ("working_group", "alliance", "association", "company"),
    "province": ("province", "autonomous_region", "municipality"),
    "city": ("city", "municipality"),
    "district": ("district", "county"),
    "ministry": ("ministry", "regulator"),
    "company": ("company",),
    "country": ("country",),
    "该联盟": ("alliance", "association"),
    "该协会": ("association", "alliance"),
    "该省": ("province",),
    "该市": ("city", "municipality"),
    "该区": ("district",),
}
#: Bodies that report figures about others: never the entity a figure belongs to.
_REPORTERS = frozenset({"media", "research"})
#: Bodies that speak for a jurisdiction: their figures belong to the country they govern.
_GOVERNMENT = frozenset({"ministry", "regulator"})
_BODIES = frozenset({"alliance", "association", "working_group"})
_PLACE_KINDS = frozenset(
    {
        "country",
        "province",
        "municipality",
        "city",
        "district",
        "county",
        "autonomous_region",
        "sar",
        "region",
    }
)
#: Places below the country, whose plans set targets ("Sichuan ... will reach ... by 2025").
_LOCAL_KINDS = _PLACE_KINDS - {"country", "region"}
#: What joins a figure to the place right after it: "11 districts in Guangzhou".
_LINK_AFTER = re.compile(r"\s*(?:in|of|across|throughout|located in|based in|在)\s*(?:the\s+)?")
#: An aside between commas or in brackets names others than the one the sentence is about:
#: "The city, home to Tencent and Huawei, will ...", "Pico (owned by ByteDance) shipped ...".
_COMPARED_MENTION = re.compile(
    r"(?:\b(?:behind|than|ahead of|compared (?:with|to)|versus|vs\.?|trailing|outpacing)"
    r"|\b(?:second|third|No\.\s*\d+|number \w+)\b[^.,;]{0,40}\bafter)\s+(?:the\s+)?$",
    re.I,
)
_RELATIVE = re.compile(r",\s*(?:which|who|whose|where)\b", re.I)
_ASIDE = re.compile(
    r",\s*(?:home to|including|such as|like|along with|alongside|owned by|backed by|led by"
    r"|a unit of|a subsidiary of|whose|which|who"
    # where a place is: "Wuhan, capital of Central China's Hubei province, aims ..."
    r")\b[^,;:.()]*,"
    # where a place is, short: "Wuhan, capital of Central China's Hubei province, aims ...",
    # "Shenzhen, a city in southern Guangdong, ..." (not "the province of Shandong has ...")
    r"|,\s*(?:(?:the\s+)?(?:provincial\s+)?capital(?:\s+city)?\s+of|located in|based in"
    r"|an?\s+(?:[\w-]+\s+){0,2}(?:city|district|county|town)\s+in)\b[^,;:.()]{0,60},"
    r"|\((?:owned by|backed by|a unit of|a subsidiary of|including|such as)\b[^()]*\)",
    re.I,
)


def resolve_anaphora(text: str, mentions: list[reference.Mention]) -> list[reference.Mention]:
    """Mentions plus anaphors ("the alliance") resolved to the last earlier mention of its kind."""
    out = list(mentions)
    starts = [m.start for m in mentions]
    for a in _ANAPHOR.finditer(text):
        word = a.group(1).lower() if a.group(1) else a.group(2)
        kinds = _ANAPHOR_KINDS.get(word, ())
        i = bisect.bisect_left(starts, a.start())
        for prev in reversed(mentions[:i]):
            if prev.kind in kinds:
                out.append(
                    reference.Mention(a.start(), a.end(), a.group(), prev.canonical, prev.kind)
                )
                break
    out.sort(key=lambda x: (x.start, x.end))
    return out


def _owner(m: reference.Mention) -> str:
    if m.kind in _GOVERNMENT:
        entry = reference.entry_for(m.canonical)
        if entry and entry.parent:
            return entry.parent
    return m.canonical


_STARTS_CACHE: dict[int, tuple[list, list[int]]] = {}


def _starts(items: list) -> list[int]:
    """Start offsets of a sorted list of mentions or dates, computed once per list."""
    cached = _STARTS_CACHE.get(id(items))
    if cached is None or cached[0] is not items:
        if len(_STARTS_CACHE) > 8:
            _STARTS_CACHE.clear()
        cached = (items, [x.start for x in items])
        _STARTS_CACHE[id(items)] = cached
    return cached[1]


#: Words that make a figure national when no place precedes it in its sentence.
_NATIONAL = re.compile(
    r"\b(?:domestic|national|nationwide|country's|nation's)\b|全国|全國|我国|我國|国内|國內",
    re.IGNORECASE,
)
#: Words that make a figure a sum over several entities.
_AGGREGATE = re.compile(
    r"\b(?:combined|together|altogether|in total|add(?:s|ed)? up to|total of)\b"
    r"|合计|合計|共计|共計|总计|總計",
    re.IGNORECASE,
)
#: Where a clause ends inside an English sentence: a mention after it is another subject.
_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas|as|which)\b|;|；")


def attribute_entity(
    text: str,
    q: Quantity,
    sentence_start: int,
    sentence_end: int,
    mentions: list[reference.Mention],
    fallback: str,
    measure: str = "",
) -> str:
    """Who a figure belongs to, by these rules in order:

    1. members are counted for a body: an alliance/association/working group in the sentence;
    2. a place or body inside the figure or right after it ("10 Chinese cities",
       "11 districts in Guangzhou", "companies in the district");
    3. the nearest mention before the figure in its sentence;
    (a sum over several places, "combined targets", "together ... add up to", is the
    country's;)
    4. the country, for a count of places or a national scope word before the figure
       ("the domestic market", 全国); else the first mention after it in its clause (not
       past ", and Wuhan wants");
    5. the first mention (the subject) of the previous sentence (across a paragraph break
       too: "Specifically, aiming to achieve 250 billion yuan" continues the one before);
    6. the article's main place.
    Media and research firms only report figures, so they are skipped; ministries and
    regulators speak for their country ("the State Council's goal" belongs to China).
    """
    # only the mentions near the figure are looked at: bisect, not a scan of the article
    starts = _starts(mentions)
    lo = bisect.bisect_left(starts, sentence_start)
    hi = bisect.bisect_left(starts, sentence_end)
    window = mentions[max(0, lo - 8) : hi]
    usable = [m for m in window if m.kind not in _REPORTERS]
    in_sentence = [m for m in usable if sentence_start <= m.start and m.end <= sentence_end]
    if measure == "members":
        bodies = [m for m in in_sentence if m.kind in _BODIES]
        if bodies:
            return min(bodies, key=lambda m: abs(m.start - q.start)).canonical
    inside = [m for m in in_sentence if q.start <= m.start and m.end <= q.end]
    if inside:
        return _owner(inside[-1])
    if _AGGREGATE.search(text, sentence_start, q.start):
        # "with combined targets topping ...", "Together, the targets add up to ...": a sum
        # over several places (a list, or the ones before) is the country's, not the last one's
        places = {m.canonical for m in in_sentence if m.kind in _PLACE_KINDS}
        if not places or len(places) >= 3:
            return "China"
    # "the world's No. 2 market after the US", "more than Japan": the place compared with
    # (unless a relative clause makes it the subject: "compared to the US, which recorded")
    in_sentence = [
        m
        for m in in_sentence
        if not _COMPARED_MENTION.search(text, max(0, m.start - 60), m.start)
        or (m.end <= q.start and _RELATIVE.search(text, m.end, q.start))
    ]
    asides = [
        a.span()
        for a in _ASIDE.finditer(text, sentence_start, sentence_end)
        if not (a.start() <= q.start and q.end <= a.end())
    ]
    if asides:  # "The city, home to Tencent and Huawei, will offer ...": the city's figure
        in_sentence = [m for m in in_sentence if not any(a <= m.start < b for a, b in asides)]
    # "30% of the global patents": the world after a figure is the whole it is a share of
    after = [m for m in in_sentence if q.end <= m.start and m.kind != "world"]
    if after and _LINK_AFTER.fullmatch(text, q.end, after[0].start):
        return _owner(after[0])
    before = [m for m in in_sentence if m.end <= q.start]
    if measure == "places" and len({m.canonical for m in before if m.kind in _PLACE_KINDS}) >= 2:
        return "China"  # 北京、上海、广东等20余个省市: the places listed are examples of the count
    if before:
        return _owner(before[-1])
    if measure == "places" or _NATIONAL.search(text, sentence_start, q.start):
        # "at least 15 provincial-level regions", "the domestic market", 全国: the country's
        return "China"
    if after and not _CLAUSE_BREAK.search(text, q.end, after[0].start):
        return _owner(after[0])
    previous = [m for m in usable if m.end <= sentence_start]
    if previous:
        last = previous[-1]
        # the subject of the previous sentence: its first mention
        prev_sentence = [m for m in previous if m.start >= _sentence_start_before(text, last.start)]
        # a list of places ("Beijing, Shanghai, Guangdong and ...") has no one subject
        listed = {m.canonical for m in prev_sentence if m.kind in _PLACE_KINDS}
        if prev_sentence and sentence_start - prev_sentence[-1].end < 400 and len(listed) < 3:
            return _owner(prev_sentence[0])
    return fallback


_SENTENCE_BREAK = re.compile(r"[.!?。！？]\s|\n\s*\n")


def _sentence_start_before(text: str, pos: int) -> int:
    lo = max(0, pos - 600)
    last = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, pos):
        last = m.end()
    return last


# ---------------------------------------------------------------- year
# A paragraph that opens with its target year frames every target listed after it, the way
# plans are written: "到2025年，……。培育10家……企业。" / "By 2025, the city will ... It will
# also cultivate 100 companies." Only the paragraph's opening counts, so a year mentioned in
# passing never spreads to the next sentence.
_FRAMING_YEAR = re.compile(
    r"\s*(?:(?:到|至|截至|截止到|截止)\s*(?P<zh>(?:19|20)\d\d)\s*年(?:底|末)?\s*[，,、]"
    r"|(?i:by)\s+(?:the\s+end\s+of\s+)?(?P<en>(?:19|20)\d\d)\s*,)"
)


def framing_year(text: str, paragraph_start: int, sentence_start: int) -> int | None:
    """The year a paragraph opens with, for figures after that opening sentence."""
    m = _FRAMING_YEAR.match(text, paragraph_start)
    if m is None or sentence_start < m.end():
        return None  # the opening sentence's own figures are read by figure_year
    return int(m.group("zh") or m.group("en"))


_BINDS_AFTER = re.compile(
    r"^\s*(?:\(|,)?\s*(?:in|by|for|of|during|until|through|to reach|\u5230)?\s*"
    r"(?:(?:Q[1-4]|H[12]|FY|the\s+(?:first|second|third|fourth)\s+(?:quarter|half)\s+of)\s*)?$",
    re.I,
)
_RANGE_TAIL = re.compile(r"^\s*(?:to|until|through|and|-|–|—|至|到)\s*$", re.I)


#: Words that make the date after them a baseline ("up 12% from 2021", "compared with last
#: year", 较去年同期, 比上年) or the start of a span ("25 plans since 2022"): not the year
#: the figure is of.
_BASELINE_BEFORE = re.compile(
    r"(?:\b(?:from|since|than|compared (?:with|to)|versus|vs\.?|against|over)\s+(?:the\s+)?"
    r"|较|較|比|相比|同比)\s*$",
    re.I,
)


_DATED_ASIDE = re.compile(
    r",\s*(?:first\s+|officially\s+)?(?:founded|established|set up|launched|created|formed|"
    r"unveiled|released|opened|inaugurated|started|listed)\b[^,;]{0,60},",
    re.I,
)


def figure_year(
    q: Quantity,
    sentence_start: int,
    sentence_end: int,
    found: list[dates_mod.DateMention],
    published: dt.date | None,
    text: str = "",
) -> int | None:
    """The reference or target year of a figure:

    a date right after it joined by in/by/for ("10% in 2025", "250 billion yuan by 2025")
    wins; else the nearest date in the sentence, the earlier one on ties; a span
    ("from 2011 to 2022") gives its later year.
    """
    lo = bisect.bisect_left(_starts(found), sentence_start)
    hi = bisect.bisect_left(_starts(found), sentence_end)
    in_sentence = [
        d for d in found[lo:hi] if sentence_start <= d.start and d.end <= sentence_end and d.date
    ]
    # "up 40% from last year", "較去年同期增加": the year compared with is not the figure's
    in_sentence = [
        d for d in in_sentence if not _BASELINE_BEFORE.search(text, max(0, d.start - 30), d.start)
    ]
    # "The association, founded in 2021 with 36 members, now counts 120": a date inside such
    # an aside dates what the aside says, not the figures outside it
    for aside in _DATED_ASIDE.finditer(text, sentence_start, sentence_end):
        a, b = aside.span()
        if not (a <= q.start < b):
            in_sentence = [d for d in in_sentence if not (a <= d.start < b)]
    if not in_sentence:
        return None
    best = None
    for d in in_sentence:
        if d.start >= q.end and _BINDS_AFTER.match(text[q.end : d.start]) and d.start - q.end < 25:
            best = d
            break
    if best is None:

        def distance(d: dates_mod.DateMention) -> int:
            return q.start - d.end if d.end <= q.start else d.start - q.end

        best = min(in_sentence, key=lambda d: (distance(d), d.start))
    i = in_sentence.index(best)
    if i + 1 < len(in_sentence) and _RANGE_TAIL.match(text[best.end : in_sentence[i + 1].start]):
        best = in_sentence[i + 1]
    return best.date.year if best.date else None


#: "over five years", "in three years": a horizon only where the clause speaks of the future
#: ("plans to spend 500 billion yuan over five years"), not of the past ("grew over 3 years").
_HORIZON_IF_FUTURE = re.compile(
    r"\b(?:over|in)\s+(?P<en>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+years?\b(?!\s+ago)(?!['’]?\s*(?:old|earlier|before))",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|plans?|planning|aims?|aiming|intends?|targets?|seeks?|expects?|expected to|"
    r"hopes?|wants?|set to|is to|are to)\b",
    re.IGNORECASE,
)
_HORIZON = re.compile(
    r"\b(?:within|in\s+the\s+next|over\s+the\s+next|in\s+the\s+coming|over\s+the\s+coming)"
    r"\s+(?P<en>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\b"
    r"|(?:未来|未來|今后|今後)(?P<zh>[一二两兩三四五六七八九十\d]{1,2})年"
    r"|(?P<zh_in>[一二两兩三四五六七八九十\d]{1,2})年(?:内|內|之内|之內)",
    re.IGNORECASE,
)


def _clause_span(text: str, q: Quantity, sentence_start: int, sentence_end: int) -> tuple[int, int]:
    """Where the clause of the sentence that holds the figure starts and ends (_CLAUSE_BREAK)."""
    lo = sentence_start
    for m in _CLAUSE_BREAK.finditer(text, sentence_start, q.start):
        lo = m.end()
    m = _CLAUSE_BREAK.search(text, q.end, sentence_end)
    return lo, m.start() if m else sentence_end


def _clause(text: str, q: Quantity, sentence_start: int, sentence_end: int) -> str:
    """The clause of the sentence that holds the figure (see _CLAUSE_BREAK)."""
    lo, hi = _clause_span(text, q, sentence_start, sentence_end)
    return text[lo:hi]


def _year(
    text: str,
    q: Quantity,
    sentence: tuple[int, int],
    found: list[dates_mod.DateMention],
    published: dt.date | None,
) -> int | None:
    """The figure's year: a date bound to it ("by 2025") or the nearest date of its sentence,
    unless a horizon in its own clause stands nearer ("今年再撥款1億港元，預計未來三年可培育約50
    間企業": the 50 firms are for three years on, not for 今年)."""
    year = figure_year(q, sentence[0], sentence[1], found, published, text)
    lo, hi = _clause_span(text, q, *sentence)
    horizon = _HORIZON.search(text, lo, hi)
    if horizon is None and _FUTURE.search(text, lo, hi):
        horizon = _HORIZON_IF_FUTURE.search(text, lo, hi)  # "plans to spend … over five years"
    if horizon is None:
        return year
    if year is not None:
        starts = _starts(found)  # the sentence's dates by bisection, not a scan of the article
        first, stop = (bisect.bisect_left(starts, edge) for edge in sentence)
        dated = [d for d in found[first:stop] if d.end <= sentence[1] and d.date]
        gap = _gap(q, horizon.start(), horizon.end())
        if any(_gap(q, d.start, d.end) < gap for d in dated if d.date.year == year):
            return year
    return _horizon_end(horizon, published) or year


def _gap(q: Quantity, start: int, end: int) -> int:
    """Characters between a figure and a span of text, either side of it."""
    return q.start - end if end <= q.start else start - q.end


def horizon_year(sentence: str, published: dt.date | None) -> int | None:
    """A target set over a horizon ("within three years", "over the next five years",
    未来三年, 三年内) is for the article's year plus the horizon; None without a date."""
    m = _HORIZON.search(sentence)
    return _horizon_end(m, published) if m else None


def _horizon_end(m: re.Match[str], published: dt.date | None) -> int | None:
    """The year a horizon match reaches: the published year plus its number of years."""
    if published is None:
        return None
    groups = m.groupdict()
    word = (groups.get("en") or groups.get("zh") or groups.get("zh_in") or "").lower()
    if word.isdigit():
        n = float(word)
    elif m.group("en"):
        n = parse_number_words([word])
    else:
        n = parse_chinese_numeral(word)
    return published.year + int(n) if n else None


# ---------------------------------------------------------------- facts
def _meta_get(meta: Any, key: str) -> Any:
    if meta is None:
        return None
    if isinstance(meta, dict):
        return meta.get(key)
    return getattr(meta, key, None)


def main_place(mentions: list[reference.Mention], title: str = "") -> str:
    """The place an article is about: the first place its title names, else the most
    mentioned place (a ministry counts for its country), else China. When several places
    share the top count (a list of provinces), no one of them is the subject: China is."""
    for m in reference.find_mentions(title or ""):
        if m.kind in _PLACE_KINDS:
            return m.canonical
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind in _PLACE_KINDS or m.kind in _GOVERNMENT:
            owner = _owner(m)
            counts[owner] = counts.get(owner, 0) + 1
    if not counts:
        return "China"
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return "China"
    return ranked[0][0]


#: How far back before a figure's sentence names are read (anaphora, previous subject).
LOOKBACK_CHARS = 2000


def _windows(quantities: list[Quantity], s_index: SpanIndex, length: int) -> list[tuple[int, int]]:
    """Merged text ranges worth reading for context: each figure's sentence and what precedes
    it. Context work then grows with the number of figures, not the length of the text."""
    ranges: list[tuple[int, int]] = []
    for q in quantities:
        s = s_index.at(q.start)
        lo, hi = (s.start, s.end) if s else (q.start, q.end)
        lo = max(0, lo - LOOKBACK_CHARS)
        hi = min(length, max(hi, q.end))
        if ranges and lo <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], hi))
        else:
            ranges.append((lo, hi))
    return ranges


_REFERS_BACK = re.compile(r"\s+of (?:which|them|these|those)\b|\s*(?:家|个)?其中", re.I)
#: "5,219 patent applications ... That compared with 3,106 filed in the United States": a bare
#: count set against an earlier one counts the same thing.
_COMPARED_BEFORE = re.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?|against|as against)\s+"
    r"(?:(?:about|around|nearly|almost|some|only|just)\s+)?$",
    re.I,
)
_COMPARED_REACH = 300  # characters back to the count compared with: this or the last sentence
_DIGIT = re.compile(r"[0-9０-９]")
#: The value a "number of X" reaches, past a rate of change: "rose by 25 percent to about 480".
_REACHES = re.compile(
    r"\b(?:to|reach(?:ed|ing)?|hit(?:ting)?|at)\s+"
    r"(?:(?:about|around|nearly|almost|some|over|more than|roughly)\s+)?$",
    re.I,
)


def extract_facts(
    article_id: str, text: str, meta: Any = None, *, extra: dict[str, Any] | None = None
) -> list[dict]:
    """Every figure of one article as a fact row (keys = FACT_COLUMNS)."""
    quantities = find_quantities(text)
    if not quantities:
        return []
    published = _meta_get(meta, "published")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            published = None
    sentences = sentence_spans(text)
    s_index = SpanIndex(sentences)
    paragraphs = paragraph_spans(text)
    p_index = SpanIndex(paragraphs)
    flags = topic_flags(text, paragraphs, {p_index.index_of(q.start) for q in quantities})
    windows = _windows(quantities, s_index, len(text))
    raw_mentions = outside_datelines(
        text,
        [
            m
            for lo, hi in windows
            for m in reference.mentions_in(text, lo, hi)
            # US$, HK$, "U.S. dollars": a currency, not a place
            if text[m.end : m.end + 1] not in _CURRENCY_SIGNS
            and not _CURRENCY_NAME_AFTER.match(text, m.end)
        ],
    )
    fallback = main_place(raw_mentions, _meta_get(meta, "title") or "")
    mention_starts = [m.start for m in raw_mentions]
    mentions = resolve_anaphora(text, raw_mentions)
    found_dates = not_figures(
        [d for lo, hi in windows for d in dates_mod.dates_in(text, published, lo, hi)], quantities
    )
    by_start = {q.start: q for q in quantities}
    provenance = {
        "title": _meta_get(meta, "title") or "",
        "outlet": _meta_get(meta, "outlet") or "",
        "published": published.isoformat() if published else "",
        "date_precision": _meta_get(meta, "date_precision") or "unknown",
        "language": _meta_get(meta, "language") or "unknown",
        "url": _meta_get(meta, "url") or "",
        "encoding": "",
        "source_format": "",
    }
    provenance.update(extra or {})
    rows: list[dict] = []
    previous_count: Quantity | None = None
    year_by_start: dict[int, int | None] = {}
    measure_by_start: dict[int, str] = {}
    for q in quantities:
        here = s_index.at(q.start)
        # "more than 300 companies ..., 10 of which are listed": 10 counts the same noun
        if (
            q.unit == "count"
            and not q.counted
            and previous_count is not None
            and _REFERS_BACK.match(text, q.end)
            and previous_count.start >= (here.start if here else 0)
        ):
            q = dataclasses.replace(q, counted=previous_count.counted)
        compared: Quantity | None = None  # the earlier count this one is compared with
        if q.unit == "count" and not q.counted:
            q, compared = _counted_from_context(text, q, here.start if here else 0, previous_count)
        if q.unit == "count" and q.counted:
            previous_count = q
        s_start, s_end = (here.start, here.end) if here else (q.start, q.end)
        sentence = text[s_start:s_end]
        pi = p_index.index_of(q.start)
        on_topic = flags[pi] if pi >= 0 else True
        before = text[max(s_start, q.start - 40) : q.start]
        first = bisect.bisect_left(mention_starts, s_start)
        local = any(
            m.kind in _LOCAL_KINDS and m.start < s_end for m in raw_mentions[first : first + 12]
        )
        measure = classify_measure(q, sentence, before, text[q.end : q.end + 16], local)
        # a fall is negative: a growth rate ("down 40%") or a change in points ("down 14 points")
        falls = (measure == "growth_rate" or q.unit == "percentage_points") and bool(
            _DECLINE_BEFORE.search(text, max(s_start, q.start - 20), q.start)
        )
        conv = by_start.get(q.conversion_of_start) if q.conversion_of_start is not None else None
        if conv is not None and conv.start in measure_by_start:
            measure = measure_by_start[conv.start]  # "($1.4 billion)" is what it converts
        row = {
            "id": f"{article_id}:{q.start}",
            "article": article_id,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "value": -q.value if falls else q.value,
            "value_high": q.value_high,
            "unit": q.unit,
            "qualifier": q.qualifier,
            "counted": normalise_counted(q.counted),
            "measure": measure,
            "entity": attribute_entity(text, q, s_start, s_end, mentions, fallback, measure),
            "year": _year(text, q, (s_start, s_end), found_dates, published)
            or framing_year(text, paragraphs[pi].start if pi >= 0 else s_start, s_start),
            "on_topic": on_topic,
            "sentence": " ".join(sentence.split()),
            "conversion_of": f"{article_id}:{conv.start}" if conv else "",
            **provenance,
        }
        if not row["year"] and compared is not None:  # "compared with 3,106": same year
            row["year"] = year_by_start.get(compared.start)
        year_by_start[q.start] = row["year"]
        measure_by_start[q.start] = measure
        rows.append({k: row.get(k, "") for k in FACT_COLUMNS})
    return _restated_years(rows)


#: A news agency's dateline opening a paragraph: the place there is where the story was
#: filed ("新华社北京4月2日电", "BEIJING, Sept 12 (Reuters) -"), not what it is about.
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:(?:新华社|新華社|中新社|中新网|人民网|新华网|央视网|本报|本報)[^\n，。]{0,8}?"
    r"\d{1,2}月\d{1,2}日(?:电|電|讯|訊)"
    r"|[A-Z][A-Z .'-]{2,30},[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8})"
    r"[ \t]*\((?:Reuters|AP|AFP|Xinhua|Bloomberg|Dow Jones)\)[ \t]*[-–—])"
)


def outside_datelines(text: str, mentions: list[reference.Mention]) -> list[reference.Mention]:
    """The mentions that are not inside a dateline (see _DATELINE)."""
    spans = [m.span() for m in _DATELINE.finditer(text)] if mentions else []
    if not spans:
        return mentions
    return [m for m in mentions if not any(a <= m.start < b for a, b in spans)]


def _counted_from_context(
    text: str, q: Quantity, s_start: int, previous: Quantity | None
) -> tuple[Quantity, Quantity | None]:
    """A bare count's noun from its sentence: "the number of Chinese companies with
    'metaverse' in their business scope jumped to 12,000" (the phrase may be long, but no
    other figure stands between), or the count it is compared with ("compared with 3,106"),
    which is returned too: the compared figure lends its year."""
    lead = text[max(s_start, q.start - 200) : q.start]
    named = _NUMBER_OF.search(lead)
    if named and (not _DIGIT.search(lead, named.end()) or _REACHES.search(lead)):
        return dataclasses.replace(q, counted=named.group(1)), None
    if (
        previous is not None
        and previous.counted
        and 0 <= q.start - previous.end <= _COMPARED_REACH
        and _COMPARED_BEFORE.search(text, max(0, q.start - 40), q.start)
    ):
        return dataclasses.replace(q, counted=previous.counted), previous
    return q, None


def not_figures(found: list, quantities: list[Quantity]) -> list:
    """Dates that are not part of a figure: "2000 companies" is a count, not the year 2000."""
    starts = [q.start for q in quantities]
    kept = []
    for d in found:
        i = bisect.bisect_right(starts, d.start) - 1
        inside = i >= 0 and quantities[i].end > d.start
        if not inside and (i + 1 >= len(quantities) or quantities[i + 1].start >= d.end):
            kept.append(d)
    return kept


def _restated_years(rows: list[dict]) -> list[dict]:
    """A figure restated without its year (the headline's "350 billion yuan") takes the year
    the article gives the same figure elsewhere (same value, unit, measure and entity), so
    the two quotes back one claim instead of making a year-less twin of it. Only when the
    article gives that figure a single year: otherwise which one is meant is unknown."""
    years: dict[tuple, set[int]] = {}
    for r in rows:
        if r["year"]:
            years.setdefault(_figure_key(r), set()).add(r["year"])
    for r in rows:
        if not r["year"]:
            known = years.get(_figure_key(r), set())
            if len(known) == 1:
                r["year"] = next(iter(known))
    return rows


def _figure_key(row: dict) -> tuple:
    return (row["value"], row["value_high"], row["unit"], row["measure"], row["entity"])
