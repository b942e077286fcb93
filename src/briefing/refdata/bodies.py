"""Organisations in no table, recognised by their form: "Zhengzhou Metaverse Industry
Association", 上海市元宇宙产业协会, "Nebula Vision Inc.".

Why: without this an unknown body's figures fall to the nearest known place ("the Zhengzhou
... Association has 40 members" would be Zhengzhou's). The rules (which word ends a name, what
kind of body it makes) are data with examples, `briefing/extract/rules/bodies.<lang>.toml`;
this module holds how a name's left edge is found, the part the rules share.

A body found so is its own entity, named as written (`inferred=True`, `rule` = the rule's
name), with the place its name starts with as `parent`; a known organisation plus a legal
form ("Huawei Technologies Co., Ltd.", 华为技术有限公司) is that organisation.
"""

from __future__ import annotations

import bisect
import functools
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.extract import rules
from briefing.textnorm import to_simplified

if TYPE_CHECKING:
    from briefing.reference import Mention

_EN_WORD = re.compile(r"[A-Z0-9][\w'’&.\-]*$")
_EN_TOKEN = re.compile(r"\S+")
#: Words with a full stop that do not end a sentence inside a name.
_ABBREVIATIONS = frozenset({"Co.", "Inc.", "Corp.", "Ltd.", "St.", "Mt.", "Bros.", "Intl."})
#: What may follow a known organisation's name inside a legal name without making it
#: another body: legal forms and business words.
EN_LEGAL_TAIL = re.compile(
    r"(?:[\s,]*(?:Group|Holdings|Co\.?|Ltd\.?|Inc\.?|Corp\.?|Corporation|Company|Limited|PLC"
    r"|LLC|Technology|Technologies|Communications|Platforms|International))*[\s,.]*"
)
ZH_LEGAL_TAIL = re.compile(
    r"(?:中国|科技|技术|网络|信息|计算机系统|计算机|软件|数字|通信|控股|集团|股份|有限|责任|公司)*"
)

#: A counted phrase, not a name: 一所大学, 两家公司, 多个研究院.
ZH_COUNTED_HEAD = re.compile(
    r"^[一二两三四五六七八九十百几多数每各首][十百千万]?[家个所座项名位批类]"
)
ZH_NAMED_PREFIXES = ("中国", "中华", "国家", "全国", "国际")
ZH_MAX_HEAD = 14  # characters before the suffix: a longer run is a clause, not a name
_ZH_NAME_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9·]")


def _rule_files() -> list[rules.RuleFile]:
    return [rules.load("bodies", "en"), rules.load("bodies", "zh")]


@functools.cache
def _zh_suffix_end() -> re.Pattern[str]:
    """Any Chinese rule's suffix word (公司, 大学, 联盟 ...) at the end: the end of a name."""
    patterns = [r.regex.pattern for r in rules.load("bodies", "zh").rules if r.regex]
    return re.compile("(?:" + "|".join(patterns) + ")$")


@dataclass(frozen=True)
class Vocabulary:
    """The word lists of the rule files' [vocabulary] tables (see their comments)."""

    en_leading: frozenset[str]
    en_connectors: frozenset[str]
    zh_stop_chars: frozenset[str]
    zh_stop_words: frozenset[str]
    zh_soft_stops: frozenset[str]
    zh_generic_heads: frozenset[str]
    zh_named_prefixes: tuple[str, ...]


@functools.cache
def vocabulary() -> Vocabulary:
    en = tomllib.loads((rules.RULES_DIR / "bodies.en.toml").read_text("utf-8"))["vocabulary"]
    zh = tomllib.loads((rules.RULES_DIR / "bodies.zh.toml").read_text("utf-8"))["vocabulary"]
    return Vocabulary(
        frozenset(en["leading"]),
        frozenset(en["connectors"]),
        frozenset(zh["stop_chars"]),
        frozenset(zh["stop_words"]),
        frozenset(zh["soft_stops"]),
        frozenset(zh["generic_heads"]),
        tuple(zh["named_prefixes"]),
    )


def _en_start(text: str, pos: int, lo: int) -> int | None:
    """Where an English name ending at `pos` starts: over capitalised words leftwards, across
    connectors between them; None when no capitalised word is there."""
    window = text[max(lo, pos - 160) : pos]
    window = window[window.rfind("\n") + 1 :]  # a name never runs across a line break
    base = pos - len(window)
    vocab = vocabulary()
    tokens = list(_EN_TOKEN.finditer(window))
    start = None
    for tok in reversed(tokens):
        word = tok.group()
        if word in vocab.en_connectors and start is not None:
            continue  # kept only if a capitalised word follows on its left
        if word[-1] in ',;:()"”“' or word[0] in '("“' or not _EN_WORD.match(word):
            break
        if word.rstrip(".").isdigit():  # a year or a count ("2022 South China ...")
            break
        if word.endswith(("'s", "’s")):  # the owner, not part of the name ("Shanghai's X")
            break
        if word.endswith(".") and word not in _ABBREVIATIONS:
            break  # the end of the sentence before ("in December. NetEase Metaverse Alliance")
        if word in vocab.en_leading:
            break
        start = base + tok.start()
    return start


def _en_end(text: str, pos: int, hi: int) -> int:
    """Where an "X of ..." name ends: over capitalised words (and connectors) rightwards."""
    vocab = vocabulary()
    end = pos
    for tok in _EN_TOKEN.finditer(text, pos, min(hi, pos + 160)):
        word = tok.group().rstrip(".,;:)\"”’'")
        if word in vocab.en_connectors:
            continue
        if not word or not word[0].isupper() or word in vocab.en_leading:
            break
        end = tok.start() + len(word)
        if tok.group() != word:  # punctuation after the word ends the name
            break
    return end


def _zh_start(
    folded: str, base: int, pos: int, known_ends: dict[int, int]
) -> tuple[int, list[int]]:
    """How far left a Chinese name ending at `pos` runs, and where it crossed 和/与/及
    (`folded` is the text from offset `base`, folded to simplified). A known name is
    crossed whole: the 为 of 华为 and the 都 of 成都 are not function words."""
    vocab = vocabulary()
    i, soft = pos, []
    while i > base and pos - i < ZH_MAX_HEAD + 1:
        if i in known_ends and known_ends[i] >= base:
            i = known_ends[i]
            continue
        c = folded[i - 1 - base]
        if not _ZH_NAME_CHAR.match(c) or c in vocab.zh_stop_chars:
            break
        if i - 2 >= base and folded[i - 2 - base : i - base] in vocab.zh_stop_words:
            break
        if c in vocab.zh_soft_stops:
            soft.append(i)
        i -= 1
    return i, soft


class _Known:
    """The table mentions of a text, indexed: those inside a span, where one ends."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]
        self.ends: dict[int, int] = {}
        for m in self.mentions:
            self.ends[m.end] = min(m.start, self.ends.get(m.end, m.start))
        self.longest = max((m.end - m.start for m in self.mentions), default=0)

    def inside(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, i)
        return [m for m in self.mentions[i:j] if m.end <= end]


def _is_place(m: Mention) -> bool:
    return m.kind in _PLACE_KINDS


def _zh_body(folded: str, base: int, s: int, head: str, known: _Known) -> int | None:
    """The start of the Chinese name whose suffix starts at `s`, or None if it is no name."""
    vocab = vocabulary()
    start, soft = _zh_start(folded, base, s, known.ends)
    # 北京大学和清华大学: a conjunction right after a complete name separates two names
    suffix_end = _zh_suffix_end()
    ends_name = [i for i in soft if suffix_end.search(folded, 0, i - 1 - base)]
    if ends_name:
        start, soft = max(ends_name), [i for i in soft if i > max(ends_name)]
    inside = known.inside(start, s)
    if soft and not (inside and inside[0].start == start and _is_place(inside[0])):
        start = max(soft)  # 腾讯与华为公司: the name is 华为公司
        inside = known.inside(start, s)
    if s - start > ZH_MAX_HEAD:
        return None
    # a known name inside the run starts it: words left of a place are not part of the name
    head_text = folded[start - base : s - base]
    if inside and inside[0].start > start and not head_text.startswith(vocab.zh_named_prefixes):
        start = inside[0].start
        head_text = folded[start - base : s - base]
    if (
        len(head_text) < 2
        or head_text in vocab.zh_generic_heads
        or ZH_COUNTED_HEAD.match(head_text)
    ):
        return None
    if head == "named":
        named = (
            any(m.start == start for m in inside)
            or head_text.startswith(vocab.zh_named_prefixes)
            or re.search(r"[A-Za-z]", head_text) is not None
        )
        if not named:
            return None
    return start


def _absorbed(text: str, start: int, end: int, known: _Known, rule: str) -> Mention | None:
    """A known organisation plus a legal form is that organisation (华为技术有限公司,
    深圳市腾讯计算机系统有限公司, "Huawei Technologies Co., Ltd.")."""
    from briefing.reference import Mention

    inside = known.inside(start, end)
    orgs = sorted((m for m in inside if not _is_place(m)), key=lambda m: (m.start, -m.end))
    if not orgs or any(m.end > orgs[0].end for m in orgs):
        return None  # no known organisation, or two (腾讯华为联合实验室)
    org = orgs[0]
    if org.start != start:
        # 深圳市腾讯计算机系统有限公司: a company registered under its city's name
        places_before = [m for m in inside if _is_place(m) and m.end <= org.start]
        if org.kind != "company" or not places_before or places_before[0].start != start:
            return None
    tail = to_simplified(text[org.end : end])
    if not (EN_LEGAL_TAIL.fullmatch(tail) or ZH_LEGAL_TAIL.fullmatch(tail)):
        return None
    return Mention(start, end, text[start:end], org.canonical, org.kind, org.parent, rule=rule)


def _named_by_table(inside: list[Mention], start: int, end: int) -> bool:
    """A table organisation ends the name and no place starts it: the table knows the body,
    and the words before it are a headline's ("China Mobile Launches Metaverse Industrial
    Alliance"), not part of its name."""
    ends_known = any(m.end == end and m.start > start and not _is_place(m) for m in inside)
    # `inside` is sorted longest first at each start: "China Mobile", not its "China"
    starts_with_place = bool(inside) and inside[0].start == start and _is_place(inside[0])
    return ends_known and not starts_with_place


_PLACE_KINDS = frozenset(
    {
        *("country", "province", "municipality", "city", "prefecture", "district", "county"),
        *("autonomous_region", "sar", "region", "world"),
    }
)


#: How far from its suffix word an English name may reach: the table mentions read for a
#: suffix are those in this window (for Chinese, ZH_MAX_HEAD characters to its left).
_WINDOW = 160


def find_bodies(
    text: str,
    start: int,
    end: int,
    table_mentions: Callable[[int, int], Sequence[Mention]],
    folded: str | None = None,
) -> list[Mention]:
    """Bodies named in text[start:end] by their form. `table_mentions(lo, hi)` gives the
    table mentions that start in [lo, hi) (overlapping allowed), for the place a name starts
    with and for known organisations in legal names; it is asked only near a suffix word.
    `folded`: text[start:end] already folded to simplified (same length), if at hand."""
    from briefing.reference import Mention

    folded = to_simplified(text[start:end]) if folded is None else folded
    out: list[Mention] = []
    for rule_file in _rule_files():
        zh = rule_file.path.name.endswith(".zh.toml")
        for rule in rule_file.rules:
            if rule.regex is None:
                continue
            for m in rule.regex.finditer(folded):
                s, e = start + m.start(), start + m.end()
                if not zh and s > 0 and text[s - 1].isalnum():
                    continue  # English patterns start without \b (it defeats the regex
                    # engine's first-character search): the word boundary is checked here
                kind = rule.extra.get("body_kind", "")
                by_word = rule.extra.get("kind_by_word")
                lo = s - (ZH_MAX_HEAD + 1 if zh else _WINDOW)
                hi = e + _WINDOW if by_word else e
                known = _Known(table_mentions(max(start, lo), min(end, hi)))
                if zh:
                    b = _zh_body(folded, start, s, rule.extra.get("head", "any"), known)
                elif by_word:  # "Bank of Qingdao": the name runs right of "of"
                    kind = by_word[m.group().split()[0]]
                    b = _en_start(text, s, start)
                    b = s if b is None else b
                    e = _en_end(text, e, end)
                    if e <= start + m.end():
                        continue
                else:
                    b = _en_start(text, s, start)
                if b is None:
                    continue
                absorbed = _absorbed(text, b, e, known, rule.name)
                if absorbed is not None:
                    out.append(absorbed)
                    continue
                inside = known.inside(b, e)
                if _named_by_table(inside, b, e):
                    continue
                parent = inside[0].canonical if inside and inside[0].start == b else ""
                name = text[b:e]
                out.append(Mention(b, e, name, name, kind, parent, "", True, rule.name))
    return out
