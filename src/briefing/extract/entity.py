"""Who a figure belongs to: the innermost scope that names it.

Why scopes: a plan's list item ("培育10家骨干企业") names nobody; its list's lead-in, its
section or the plan itself does. Each decision returns the name of the rule that made it
(the fact's `entity_rule`), so a wrong entity is debugged by reading one named rule. Scope
words (全省, 本市, "the province", "the plan") stand for the enclosing place, never for
China by default.
"""

from __future__ import annotations

import bisect
import itertools
import re

from briefing import reference
from briefing.extract import cues
from briefing.extract.document import (
    GOVERNMENT,
    LOCAL_KINDS,
    PLACE_KINDS,
    REPORTERS,
    Document,
    ScopeMention,
)
from briefing.extract.quantities import Quantity

_BODIES = frozenset({"alliance", "association", "working_group"})
#: Mentions that never own a figure by position: media and research firms report figures
#: about others; "the global market" (a `world` mention, where the reference finds them) is
#: decided by the `world-market` rule, which knows a share of the world from the world's.
_NOT_OWNERS = REPORTERS | {"world"}
#: The kinds of body an anaphor or a scope word can stand for, by its head word.
_KINDS_OF: dict[str, tuple[str, ...]] = {
    "alliance": ("alliance", "association"),
    "association": ("association", "alliance"),
    "working group": ("working_group",),
    "group": ("working_group", "alliance", "association", "company"),
    "province": ("province", "autonomous_region", "municipality"),
    "city": ("city", "municipality"),
    "municipality": ("municipality", "city"),
    "district": ("district", "county"),
    "provincial": ("province", "autonomous_region", "municipality"),
    "municipal": ("city", "municipality"),
    "ministry": ("ministry", "regulator"),
    "company": ("company",),
    # "the government", 政府: the place it governs (the last named, else the text's)
    "government": ("sar", "country", "province", "autonomous_region", "municipality", "city"),
    "firm": ("company",),
    "zone": ("zone",),
    "park": ("zone",),
    # a product stands for its maker ("The headset costs 16% more in China")
    "headset": ("company",),
    "device": ("company",),
    "glasses": ("company",),
    "handset": ("company",),
    "console": ("company",),
    "country": ("country",),
}
#: Chinese scope words and anaphors -> the head word they stand for.
_ZH_HEADS: dict[str, str] = {
    "联盟": "alliance",
    "協會": "association",
    "协会": "association",
    "公司": "company",
    "企业": "company",
    "政府": "government",
    "省": "province",
    "市": "city",
    "区": "district",
    "區": "district",
}


def owner(m: ScopeMention | reference.Mention) -> str:
    """A ministry or regulator speaks for its country, a local government's own body (the
    Shanghai Municipal Commission of Economy and Informatization) for its place; any other
    mention for itself."""
    if m.kind in GOVERNMENT:
        entry = reference.entry_for(m.canonical)
        if entry and entry.parent:
            return entry.parent
    mention = m.mention if isinstance(m, ScopeMention) else m
    if mention.parent and cues.search("entity", "local-government-body", m.canonical):
        return mention.parent
    return m.canonical


# ---------------------------------------------------------------- document
_NO_ENTRY = reference.Entry("", "", "", False)
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")


def _example(text: str, m: ScopeMention) -> bool:
    """Is the mention one of the examples listed before 等 ("X、Y等企业")?"""
    regex = cues.rule("entity", "examples-before").regex
    assert regex is not None
    return regex.match(text, m.end) is not None


def _mostly_chinese_bodies(doc: Document) -> bool:
    """Are at least half of the bodies the text names (media and research firms aside)
    Chinese? (A story about Roblox, Microsoft and Meta that mentions Tencent is not about
    China.)"""
    homes = [
        (reference.entry_for(m.canonical) or _NO_ENTRY).parent
        for m in doc.raw_mentions
        if m.kind not in REPORTERS and m.kind not in PLACE_KINDS
    ]
    return bool(homes) and 2 * sum(h == "China" for h in homes) >= len(homes)


def document_place(doc: Document) -> tuple[str, str]:
    """The place an article is about, and the rule that says so: the first place its title
    names; else the place of the plan it announces; else the most named place (a ministry
    counts for its country); else China. A tie at the top (a list of provinces) has no one
    subject: China is."""
    in_title = reference.find_mentions(doc.title)
    # "Nanjing's Jiangning district": a place named with one inside it is about the inner one
    places = [m for m in in_title if m.kind in PLACE_KINDS]
    within = {
        a.canonical
        for a, b in itertools.pairwise(places)
        if b.parent == a.canonical and re.fullmatch(r"(?:['’]s)?\s*", doc.title[a.end : b.start])
    }
    titled = list(
        dict.fromkeys(
            m.canonical for m in in_title if m.kind in PLACE_KINDS and m.canonical not in within
        )
    )
    first_place = min((m.start for m in in_title if m.kind in PLACE_KINDS), default=len(doc.title))
    world = cues.search("entity", "world-market", doc.title, 0, first_place)
    if world is not None and (world.start() < 3 or not titled):
        # "Global metaverse market: how big, and how much of it is China?", "报告：到2031年元宇宙
        # 或为全球GDP贡献3万亿美元": the world's
        return "World", "document-title-world"
    if len(titled) == 1:
        return titled[0], "document-title"
    countries = [c for c in titled if (reference.entry_for(c) or _NO_ENTRY).kind == "country"]
    if len(countries) >= 2:  # "US, China and South Korea lead the patent race": the world's
        return "World", "document-title-countries"
    plan = doc.plan()
    if plan is not None and plan.place:
        return plan.place, "document-plan"
    counts: dict[str, int] = {}
    for m in doc.raw_mentions:
        if m.kind in PLACE_KINDS or m.kind in GOVERNMENT:
            name = owner(m)
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        homes = {
            (reference.entry_for(m.canonical) or _NO_ENTRY).parent
            for m in doc.raw_mentions
            if m.kind not in REPORTERS
        }
        home = (reference.entry_for(homes.pop()) or _NO_ENTRY) if len(homes) == 1 else _NO_ENTRY
        if home.is_place and home.kind in LOCAL_KINDS:
            # 數碼港 ... 政府今年再向數碼港撥款: the bodies' one home (Hong Kong) is the place
            return home.canonical, "document-bodies-home"
        # a text that names no place: about China when it is written in Chinese, filed
        # by a news agency's dateline, speaks of a government or names a Chinese body; else
        # about the world ("the
        # metaverse market could reach $800 billion")
        chinese = (
            bool(doc.datelines)
            or len(_IDEOGRAPH.findall(doc.text)) * 3 >= len(doc.text)
            or cues.search("entity", "government-word", doc.folded) is not None
            or _mostly_chinese_bodies(doc)
        )
        return ("China", "document-default") if chinese else ("World", "document-unplaced")
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return "China", "document-default"
    return ranked[0][0], "document-most-named"


def resolve_mentions(doc: Document) -> list[ScopeMention]:
    """Names as written, plus anaphors ("the alliance", 该省) and scope words (全省, 本市,
    "the province", "the plan") resolved to what they stand for: the last earlier name of
    their kind, else the document's place when it is of that kind, else (a scope word in a
    local document) the document's place. Unresolved words are dropped."""
    out = [ScopeMention(m, "name") for m in doc.raw_mentions]
    raw = doc.raw_mentions
    starts = [m.start for m in raw]
    plan = doc.plan()
    local_doc = (reference.entry_for(doc.place) or reference.Entry("", "", "", False)).kind
    for rule_kind in ("anaphor", "scope-word"):
        regex = cues.rule("entity", rule_kind).regex
        assert regex is not None
        for a in regex.finditer(doc.folded):
            if doc.in_dateline(a.start()):
                continue
            word = next((g for g in a.groups() if g), a.group()).lower()
            if word == "plan" or word in ("计划", "方案", "规划"):
                if plan is not None and plan.place:
                    mention = reference.Mention(
                        a.start(), a.end(), a.group(), plan.place, "plan_place"
                    )
                    out.append(ScopeMention(mention, rule_kind))
                continue
            head = word if word.isascii() else _ZH_HEADS.get(word, _ZH_HEADS.get(word[-1], ""))
            kinds = _KINDS_OF.get(head, ())
            if not kinds:
                continue
            i = bisect.bisect_left(starts, a.start())
            earlier = [raw[j] for j in range(i - 1, -1, -1) if raw[j].kind in kinds]
            if rule_kind == "scope-word":
                # 成为继上海、河南、浙江之后……全省: a place in a list is compared with, not
                # the place the text speaks of
                unlisted = [
                    raw[j]
                    for j in range(i - 1, -1, -1)
                    if raw[j].kind in kinds and not _in_list(doc.text, raw, j)
                ]
                earlier = unlisted or earlier
            found = earlier[0] if earlier else None
            if found is not None and found.kind in _BODIES:
                # "the association": the body a sentence was about (its subject), not one
                # named in passing ("according to ... the Zhejiang Digital Economy Society")
                found = next((m for m in earlier if _subject_of_sentence(doc, m)), found)
            block = doc.block_index(a.start())
            if (
                found is not None
                and rule_kind == "scope-word"
                and local_doc in kinds
                and doc.block_index(found.start) != block
            ):
                found = None  # 全省 after a paragraph that listed other provinces: the text's
            if (
                head == "government"
                and found is not None
                and local_doc in kinds
                and doc.sentence_at(found.start).start != doc.sentence_at(a.start()).start
            ):
                found = None  # "the government" named alone: the text's own place's
            canonical, kind = (found.canonical, found.kind) if found else ("", "")
            if not canonical and local_doc in kinds:
                canonical, kind = doc.place, local_doc
            if not canonical and rule_kind == "scope-word" and local_doc in LOCAL_KINDS:
                canonical, kind = doc.place, local_doc  # 全市 in a province's text: its place
            if canonical:
                mention = reference.Mention(a.start(), a.end(), a.group(), canonical, kind)
                out.append(ScopeMention(mention, rule_kind))
    out.sort(key=lambda x: (x.start, x.end))
    # a scope word inside a name ("the city of Wuhan") yields to the name
    kept: list[ScopeMention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            if kept[-1].rule != "name" and m.rule == "name":
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def _in_list(text: str, raw: list[reference.Mention], i: int) -> bool:
    """Is raw[i] one of a list of places (上海、河南、浙江; "Shanghai, Henan and Zhejiang")?"""
    m = raw[i]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(raw) or raw[j].kind not in PLACE_KINDS:
            continue
        lo, hi = (raw[j].end, m.start) if j < i else (m.end, raw[j].start)
        if lo <= hi and _LIST_JOIN.match(text[lo:hi]):
            return True
    return False


def _subject_of_sentence(doc: Document, m: reference.Mention) -> bool:
    """Does the mention open its sentence (its subject, as news writes it: "The X is ...",
    "- X has ...")?"""
    s = doc.sentence_at(m.start)
    return _OPENING.fullmatch(doc.text, s.start, m.start) is not None


_POSSESSIVE = re.compile(r"[\x27’]s\b")  # "the country's", "China's" (in or after the name)


def _container(mentions: list[ScopeMention]) -> str:
    """The one place that contains every local place named (their common parent), else ""."""
    places = [m for m in mentions if m.kind in LOCAL_KINDS and m.rule == "name"]
    parents = {m.mention.parent for m in places}
    if len(places) >= 2 and len(parents) == 1 and "China" not in parents:
        return reference.display_name(parents.pop())
    return ""


_OPENING = re.compile(r"[\s\W\d]*(?:(?:the|a|new)\s+)*", re.I)


def _story_body(doc: Document, before: int) -> reference.Mention | None:
    """The alliance or association a story is about: the last one before `before` that was
    its sentence's subject, else the first one the text names (a title's "provincial
    metaverse association with 91 members" is the body the text then names in full)."""
    bodies = [m for m in doc.raw_mentions if m.kind in _BODIES]
    earlier = [m for m in bodies if m.end <= before]
    subjects = [m for m in earlier if _subject_of_sentence(doc, m)]
    if subjects:
        return subjects[-1]
    if earlier:
        return earlier[-1]
    later = [m for m in bodies if _subject_of_sentence(doc, m)] or bodies
    return later[0] if later else None


# ---------------------------------------------------------------- figures
def _named(m: ScopeMention, rule: str) -> tuple[str, str]:
    """The owner of a mention, with the rule name (a scope word or anaphor says so)."""
    if m.rule != "name":
        return owner(m), f"{rule}:{m.rule}"
    return owner(m), rule


def _first_usable(doc: Document, start: int, end: int) -> ScopeMention | None:
    for m in doc.mentions_between(start, end):
        if m.kind not in _NOT_OWNERS:
            return m
    return None


def attribute_entity(
    doc: Document, q: Quantity, measure: str = "", before_list: str = ""
) -> tuple[str, str]:
    """Who a figure belongs to, and the name of the rule that decided it. Innermost first:

    in its sentence: members of a body in it (`members-of-body`); a name inside the figure
    ("10 Chinese cities", `named-in-figure`); a sum over places (`sum-over-places`: China);
    a place joined after it ("11 districts in Guangzhou", `place-after-figure`); a count of
    places listed before it (`listed-places`: China); the global market (`world-market`);
    the nearest name before it (`nearest-before`, `:scope-word`/`:anaphor` when a word such
    as 全省 or "the alliance" stood for it); a national word (`national-scope`); the subject
    after it in its clause (`subject-after`). Then wider scopes: the list's lead-in
    (`list-lead-in`; a lead-in that names nobody continues the story before it, whose last
    figure's entity is `before_list`: `list-continues`), the subject of the previous
    sentence in its section (`previous-sentence`), the section's heading
    (`section-heading`), and the document (`document-title`, `document-plan`,
    `document-most-named`, `document-default`).
    Media and research firms only report figures, so they are skipped.
    """
    text = doc.folded  # cue rules read simplified script, offsets unchanged
    s = doc.sentence_at(q.start)
    in_sentence = [m for m in doc.mentions_between(s.start, s.end) if m.kind not in _NOT_OWNERS]
    if measure == "members":
        bodies = [m for m in in_sentence if m.kind in _BODIES]
        if bodies:
            return min(bodies, key=lambda m: abs(m.start - q.start)).canonical, "members-of-body"
        body = _story_body(doc, q.start)
        if body is not None:  # "91 companies have joined as members": the story's body
            return body.canonical, "members-of-story-body"
    inside = [m for m in in_sentence if q.start <= m.start and m.end <= q.end]
    if inside:
        return _named(inside[-1], "named-in-figure")
    at_figure = cues.rule("entity", "name-at-figure").regex
    assert at_figure is not None
    for m in in_sentence:  # "ahead of DPVR at 36%": DPVR's, though it is compared with
        if m.end <= q.start and at_figure.fullmatch(text, m.end, q.start):
            return _named(m, "name-at-figure")
    if cues.search("entity", "aggregate", text, s.start, q.start):
        places = {m.canonical for m in in_sentence if m.kind in PLACE_KINDS and m.end <= q.start}
        if len(places) >= 3 or not (
            places or cues.search("entity", "sum-of-industries", text, s.start, q.start)
        ):  # "the three tracks together, worth a combined $224 billion": one place's sum
            return "China", "sum-over-places"
    # the recipient of money does not own it; its other figures it may
    money = q.unit not in ("count", "percent", "percentage_points", "times")
    times_base = cues.rule("entity", "times-base").regex  # ^...$: read on the gap alone
    assert times_base is not None
    compared = cues.rule("entity", "compared-with")
    relative = cues.rule("entity", "relative-clause")
    in_sentence = [
        m
        for m in in_sentence
        if (
            not compared.search(text, max(0, m.start - 60), m.start)
            or (m.end <= q.start and relative.search(text, m.end, q.start))
        )
        and not _quoted_name(text, m)
        and not _example(text, m)
        and not (
            money
            and m.end <= q.start
            and cues.search("entity", "recipient-before", text, max(0, m.start - 40), m.start)
        )
        and not (q.unit == "times" and times_base.fullmatch(text[m.end : q.start]))
        and not (  # 南昌市通过VR产业发展基金新增项目14个: the fund is the means, not the owner
            m.end <= q.start
            and cues.search("entity", "instrument-before", text, max(0, m.start - 6), m.start)
        )
        and not (
            money
            and m.end <= q.start
            and q.start - m.end < 40
            and cues.search("entity", "recipient-after", text, m.end, q.start)
        )
    ]
    in_sentence = _body_qualifiers(text, in_sentence)
    if q.unit == "percent" or measure in ("share", "patent_share", "gdp_share"):
        in_sentence = _share_holders(doc, text, in_sentence, q)
    seg = _segment(text, s.start, s.end, q)
    paired = _respectively(doc, text, seg, in_sentence, q)
    if paired is not None:
        return _named(paired, "respectively")
    in_sentence = _company_subject(text, in_sentence, q, seg[0])
    asides = [
        a.span()
        for a in cues.rule("entity", "aside").regex.finditer(text, s.start, s.end)  # type: ignore[union-attr]
        if not (a.start() <= q.start and q.end <= a.end())
    ]
    if asides:  # "The city, home to Tencent and Huawei, will offer ...": the city's figure
        in_sentence = [m for m in in_sentence if not any(a <= m.start < b for a, b in asides)]
    after = [m for m in in_sentence if q.end <= m.start]
    if after and cues.rule("entity", "link-after").regex.fullmatch(text, q.end, after[0].start):  # type: ignore[union-attr]
        return _named(after[0], "place-after-figure")
    before = [m for m in in_sentence if m.end <= q.start]
    if measure == "places" and cues.search("entity", "count-of-countries", text, q.start, q.end):
        return "World", "count-of-countries"  # 美国、中国和欧洲……三个国家和地区
    if measure == "places":  # "four cities: Zhengzhou, Luoyang, ...": Henan's count
        container = _container(in_sentence)
        if container:
            return container, "container-of-places"
    if measure == "places" and len({m.canonical for m in before if m.kind in PLACE_KINDS}) >= 2:
        return "China", "listed-places"  # 北京、上海、广东等20余个省市: examples of the count
    listed = _listed_before(text, before)
    if len(listed) >= 3:  # "in South Korea, the United States, China, Japan and Europe"
        countries = sum(1 for m in listed if m.kind in ("country", "region"))
        return ("World" if countries >= 2 else "China"), "listed-places"
    clause_start = clause_span(doc, q)[0]
    last_before = before[-1].end if before else s.start
    if cues.search("entity", "countries-together", text, last_before, q.start):
        return "World", "countries-together"  # 上述五个国家和地区共提交了约4.37万件
    world = cues.rule("entity", "world-market")
    if measure not in ("share", "patent_share"):
        last_named = max((m.end for m in before if m.start >= clause_start), default=clause_start)
        if world.search(text, last_named, q.start):
            return "World", "world-market"
    if before:
        subject = before[0]
        if (
            len(before) > 1
            and subject.kind in LOCAL_KINDS
            and _subject_of_sentence(doc, subject.mention)
            and _POSSESSIVE.search(text, before[-1].end - 2, before[-1].end + 3)
            and reference.contains(before[-1].canonical, subject.canonical, subject.mention.parent)
        ):  # "Henan, ..., has joined the country's metaverse rush with a plan ...": Henan's
            return _named(subject, "subject-over-possessive")
        if (
            len(before) > 1
            and subject.kind not in PLACE_KINDS
            and subject.canonical != before[-1].canonical
            and _subject_of_sentence(doc, subject.mention)
            and cues.search("entity", "its-subject", text, before[-1].end, q.start)
        ):  # "Pico ... held 50% of Chinese shipments, but its own volumes fell 50%": Pico's
            return _named(subject, "its-subject")
        return _named(before[-1], "nearest-before")
    if measure == "places" or cues.search("entity", "national", text, s.start, q.start):
        return "China", "national-scope"
    if measure not in ("share", "patent_share") and cues.search(
        "entity", "world-scope", text, s.start, q.start
    ):  # "Worldwide, 3.563 million VR headsets shipped that quarter, 90% of them by Meta"
        return "World", "world-scope"
    if after and world.search(text, q.end, after[0].start):
        return "World", "world-market-after"  # "add US$3 trillion to global GDP, ... in Asia"
    pronoun = cues.rule("entity", "pronoun-subject").regex
    assert pronoun is not None
    pronoun_led = pronoun.match(text[s.start : q.start]) is not None  # "It has secured ..."
    if (
        after
        and not pronoun_led
        and not cues.search("entity", "clause-break", text, q.end, after[0].start)
    ):
        return _named(after[0], "subject-after")
    if measure not in ("share", "patent_share") and world.search(text, s.start, s.end):
        return "World", "world-market"
    # wider scopes: the list's lead-in, the previous sentence, the section, the document
    lead = doc.lead_in(q.start)
    if lead is not None:
        # the lead-in's last sentence, the one its colon ends ("... Instead, by 2025 the plan
        # wants China to have:"), names the list's owner; else its first name does
        last = doc.sentence_at(max(lead.start, lead.end - 1))
        m = _first_usable(doc, max(lead.start, last.start), lead.end) or _first_usable(
            doc, lead.start, lead.end
        )
        if m is not None:
            return _named(m, "list-lead-in")
        if before_list:
            return before_list, "list-continues"
    heading = doc.heading(q.start)
    floor = heading.end if heading is not None else 0
    previous = [
        m
        for m in doc.mentions_before(s.start, 12)
        if m.kind not in _NOT_OWNERS and not _example(text, m)
    ]
    # "Statista's market outlook starts from ...": a research firm opening the sentence
    # starts a new estimate, of the market the section or document is about
    reporter_led = any(
        m.kind in REPORTERS and m.end <= q.start for m in doc.mentions_between(s.start, s.end)
    ) or bool(cues.rule("entity", "report-subject").regex.match(text[s.start : s.end]))  # type: ignore[union-attr]
    # the sentence before that names anyone: a research firm's estimate (McKinsey's) names
    # no owner, so the story does not reach past it to an older sentence's subject
    named_before = [
        m for m in doc.mentions_before(s.start, 12) if m.kind != "world" and not _example(text, m)
    ]
    named_sentence = doc.sentence_at(named_before[-1].start).start if named_before else -1
    if previous and previous[-1].start < named_sentence:
        previous = []
    if previous and previous[-1].start >= floor and not reporter_led:
        last = previous[-1]
        ps = doc.sentence_at(last.start)
        prev_sentence = [
            m
            for m in doc.mentions_between(ps.start, ps.end)
            if m.kind not in _NOT_OWNERS and not _example(text, m)
        ]
        if measure == "companies" or cues.search(
            "entity", "companies-subject", text, s.start, q.start
        ):  # "more than 1,000 companies applied for 10,000 trademarks": a count of firms is
            # their place's, not the body the sentence before was about
            prev_sentence = [m for m in prev_sentence if m.kind in PLACE_KINDS]
        # a list of places ("Beijing, Shanghai, Guangdong and ...") has no one subject
        listed = {m.canonical for m in prev_sentence if m.kind in PLACE_KINDS}
        if prev_sentence and s.start - prev_sentence[-1].end < 400 and len(listed) < 3:
            return _named(prev_sentence[0], "previous-sentence")
    gap = len(doc.text[: s.start].rstrip())  # the sentence before, across a paragraph break
    if gap > 0:
        ps = doc.sentence_at(gap - 1)
        opening = doc.text[ps.start : min(ps.end, ps.start + 60)]
        if (
            ps.start < s.start
            and cues.search("entity", "world-market", opening) is not None
            and not any(
                m.kind not in _NOT_OWNERS and not _example(text, m)
                for m in doc.mentions_between(ps.start, ps.end)
            )
        ):  # "Global shipments of smart glasses rose 110%. AI glasses made up 78% ...": the
            # story goes on about the world's market the sentence before opened with
            return "World", "previous-sentence-world"
    if heading is not None:
        in_heading = doc.mentions_between(heading.start, heading.end)
        m = next((m for m in in_heading if m.kind not in REPORTERS), None)
        if m is not None:  # "The global estimates": the world's section
            return _named(m, "section-heading")
    return doc.place, doc.place_rule


def _body_qualifiers(text: str, mentions: list[ScopeMention]) -> list[ScopeMention]:
    """'Hong Kong's Cyberport', 香港数码港: a place right before a body's name qualifies the
    body (`place-of-body`); the body is the subject, the place is dropped."""
    joint = cues.rule("entity", "place-of-body").regex
    assert joint is not None
    return [
        m
        for m, n in zip(mentions, [*mentions[1:], None], strict=False)
        if not (
            n is not None
            and m.kind in PLACE_KINDS
            and n.kind not in PLACE_KINDS
            and n.kind not in GOVERNMENT
            and m.rule == "name"
            and n.rule == "name"
            and joint.fullmatch(text[m.end : n.start])
        )
    ]


def _share_holders(
    doc: Document, text: str, mentions: list[ScopeMention], q: Quantity
) -> list[ScopeMention]:
    """成都一市已占全省目标的六成, "Chengdu alone accounts for 60% of the province's target":
    the whole named after the share verb (`share-of`) does not own the share; the holder
    before it does. Only the figure's own verb counts: none when another figure stands
    between ("accounted for 57% of them, South Korean companies for 19%")."""
    holders = [m for m in mentions if m.end <= q.start]
    if not holders:
        return mentions
    regex = cues.rule("entity", "share-of").regex
    assert regex is not None
    verbs = list(regex.finditer(text, holders[0].end, q.start))
    if not verbs or any(verbs[-1].end() <= f.start < q.start for f in doc.quantities):
        return mentions
    lo = verbs[-1].end()
    return [m for m in mentions if not (lo <= m.start and m.end <= q.start)]


_SEGMENT_BREAK = re.compile(r"[；;]")


def _segment(text: str, lo: int, hi: int, q: Quantity) -> tuple[int, int]:
    """The part of the sentence between semicolons that holds the figure."""
    start = max((m.end() for m in _SEGMENT_BREAK.finditer(text, lo, q.start)), default=lo)
    after = _SEGMENT_BREAK.search(text, q.end, hi)
    return start, after.start() if after else hi


def _respectively(
    doc: Document, text: str, seg: tuple[int, int], mentions: list[ScopeMention], q: Quantity
) -> ScopeMention | None:
    """深圳、广州分别以29家、15家 / "had 29 and 15 respectively": the n-th figure is the n-th
    name's, when the names listed before the figures and the figures are as many."""
    if not cues.search("entity", "respectively", text, seg[0], seg[1]):
        return None
    figures = [f for f in doc.quantities if seg[0] <= f.start and f.end <= seg[1]]
    figures = [f for f in figures if f.unit == q.unit]
    starts = [f.start for f in figures]
    if len(figures) < 2 or q.start not in starts:
        return None
    names = [
        m for m in mentions if seg[0] <= m.start and m.end <= figures[0].start and m.rule == "name"
    ]
    names = _listed_before(text, names) if names else []
    names = list(reversed(names))
    if len(names) != len(figures):
        return None
    return names[starts.index(q.start)]


def _company_subject(
    text: str, mentions: list[ScopeMention], q: Quantity, lo: int = 0
) -> list[ScopeMention]:
    """A company's figure keeps its company: when the first name before the figure in its
    sentence is a company ("Pico ... saw its VR shipments in China fall 19%", "The headset
    costs 16% more in China than in the United States"), a place where the figure happened
    (`locative-before`) or the market it is a share of (`market-qualifier`: "China's XR
    market") is not its owner."""
    first = next((m for m in mentions if lo <= m.start and m.end <= q.start), None)
    if first is None or first.kind != "company":
        return mentions
    locative = cues.rule("entity", "locative-before")
    qualifier = cues.rule("entity", "market-qualifier").regex
    assert qualifier is not None
    return [
        m
        for m in mentions
        if m.kind not in PLACE_KINDS
        or not (
            locative.search(text, max(0, m.start - 24), m.start)
            or qualifier.match(text[m.end : m.end + 60])  # ^ anchors at 0 of a slice
        )
    ]


_LIST_JOIN = re.compile(r"^(?:\s*(?:,|、|，|和|与|及|and|the|or)\s*)+$", re.I)
_QUOTES = (("“", "”"), ("「", "」"), ('"', '"'))


def _listed_before(text: str, before: list[ScopeMention]) -> list[ScopeMention]:
    """The run of places listed right before a figure's clause ("South Korea, the United
    States, China, Japan and Europe"): consecutive place names joined by commas or "and"."""
    run: list[ScopeMention] = []
    for m in reversed(before):
        if m.kind not in PLACE_KINDS:
            break
        if run and not _LIST_JOIN.match(text[m.end : run[-1].start]):
            break
        run.append(m)
    return run


def _quoted_name(text: str, m: ScopeMention) -> bool:
    """Is the mention inside a short quoted name (打造“中国元宇宙谷”): a brand, not an owner?"""
    for left, right in _QUOTES:
        a = text.rfind(left, max(0, m.start - 12), m.start)
        if a >= 0 and right not in text[a + 1 : m.start]:
            b = text.find(right, m.end, m.end + 12)
            if b >= 0:
                return True
    return False


def clause_span(doc: Document, q: Quantity) -> tuple[int, int]:
    """The clause of the figure's sentence (see `Document.clause_at`)."""
    return doc.clause_at(q.start, q.end)
