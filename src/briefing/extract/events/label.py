"""A label that says what happened: "Henan publishes 2022–2025 metaverse action plan".

Why a label and not the actor alone: a timeline of "Henan, 2022-09-27 · plan" makes the
reader open the article to learn what happened. The label is built from the event's clause:
its actor (short form for long official names: MIIT), a verb for its kind in the present
tense, and its object as written: for a Chinese source the plan's own title stays in Chinese
(《…》) and the rest is English.
"""

from __future__ import annotations

import re

#: The verb a label uses for each kind (an `other` event keeps its own verb).
KIND_VERBS: dict[str, str] = {
    "plan": "publishes",
    "regulation": "issues",
    "report": "publishes",
    "fund": "sets up",
    "alliance": "founds",
    "announcement": "announces",
    "listing": "lists",
}
#: What an object-less event of each kind is called.
KIND_NOUNS: dict[str, str] = {
    "plan": "plan",
    "regulation": "rules",
    "report": "report",
    "fund": "fund",
    "alliance": "alliance",
    "announcement": "",
    "listing": "shares",
    "other": "",
}
#: Present tense of the verbs an `other` event is told with, English and Chinese.
OTHER_VERBS: dict[str, str] = {
    "opened": "opens", "began": "begins", "broke ground": "breaks ground",
    "ground was broken": "breaks ground", "groundbreaking": "breaks ground",
    "renamed": "renames", "rename itself": "renames itself", "bought": "buys",
    "acquired": "acquires", "sold": "sells", "took effect": "takes effect", "lifted": "lifts",
    "added": "adds", "signed": "signs", "went on sale": "goes on sale",
    "started selling": "starts selling", "released": "releases", "launched": "launches",
    "unveiled": "unveils", "published": "publishes", "issued": "issues",
    "奠基": "breaks ground", "开工": "starts construction", "上线": "launches",
    "开放": "opens", "开业": "opens", "收购": "acquires", "开售": "starts selling",
    "召开": "holds", "启用": "opens", "改名": "renames itself", "拨款": "allocates",
    "拿出": "allocates", "投入": "invests", "启动": "launches", "发布": "releases",
    "推出": "launches", "成立": "founds", "揭牌": "opens",
}  # fmt: skip

_DETERMINERS = re.compile(r"^(?:(?:a|an|the|its|their|his|her|own|new|first|jointly)\s+)+", re.I)
_OBJECT_END = re.compile(
    r"[,.;:()“”\"]|\s(?:on|in|at|by|with|that|which|who|for|after|from|to|as|of the|earlier"
    r"|last|this|and said)\s",
    re.I,
)
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*(?:-|–|—|to|至)\s*((?:19|20)\d\d)")
_TITLE = re.compile(r"《[^《》\n]{2,80}》")


def short_name(name: str) -> str:
    """A long official English name by its initials (MIIT, CAICT, KIPO); others as they are."""
    words = name.split()
    if len(name) <= 24 or len(words) < 3 or not name.isascii():
        return name
    caps = [w for w in words if w[:1].isupper()]
    return "".join(w if w.isupper() else w[0] for w in caps)


def english_object(clause_after_verb: str) -> str:
    """The noun phrase right after the verb, up to the next clause or prepositional phrase."""
    m = _OBJECT_END.search(clause_after_verb + " ")
    phrase = clause_after_verb[: m.start()] if m else clause_after_verb
    phrase = _DETERMINERS.sub("", phrase.strip())
    words = phrase.split()
    return " ".join(words[:9])


def make_label(
    actor: str,
    kind: str,
    verb_text: str,
    after_verb: str,
    sentence: str,
    *,
    chinese: bool,
    actor_is_body: bool = False,
) -> str:
    """The label of one event (see the module's doc)."""
    who = short_name(actor) if actor else ""
    if kind == "alliance" and actor_is_body:
        return f"{who} founded"
    verb = KIND_VERBS.get(kind) or OTHER_VERBS.get(verb_text.lower(), verb_text.lower())
    title = _TITLE.search(after_verb[:120])
    if title:
        what = title.group()
    elif chinese:
        noun = KIND_NOUNS.get(kind, "")
        what = f"metaverse {noun}".strip() if noun and "元宇宙" in sentence else noun
    else:
        what = english_object(after_verb)
        if kind == "plan" and what and not _PERIOD.search(what):
            period = _PERIOD.search(sentence)
            if period:
                what = f"{period.group(1)}–{period.group(2)} {what}"
        if not what:
            what = KIND_NOUNS.get(kind, "")
    return " ".join(p for p in (who, verb, what) if p)
