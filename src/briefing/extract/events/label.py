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
    "拿出": "allocates", "投入": "invests", "allocated": "allocates", "earmarked": "earmarks",
    "启动": "launches", "发布": "releases",
    "推出": "launches", "成立": "founds", "揭牌": "opens",
}  # fmt: skip

_DETERMINERS = re.compile(
    r"^(?:(?:a|an|the|its|their|his|her|own|new|first|jointly|launch of|formation of|creation of"
    r"|establishment of|setting up of)\s+)+",
    re.I,
)
_OBJECT_END = re.compile(
    r"[,.;:()“”\"]|\s(?:on|in|at|by|with|that|which|who|for|after|from|to|as|of the|earlier"
    r"|last|this|and said|comprised|made up|consisting|including)\s",
    re.I,
)
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*(?:-|–|—|to|至)\s*((?:19|20)\d\d)")
_TITLE = re.compile(r"《[^《》\n]{2,80}》")


_BODY_HEADS = re.compile(r"(?:Association|Alliance|Committee|Society|Group|Council)$")
_LEADING_DATE = re.compile(
    r"^\s*(?:(?:on|in|at|since|last|this|early|late|mid-?)\s+)*"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b\.?\s*"
    r"(?:\d{1,2}(?!\d)(?:st|nd|rd|th)?,?\s*)?(?:(?:19|20)\d\d)?|(?:19|20)\d\d|year|month|week)\s*",
    re.I,
)
#: Verbs whose subject is the thing that happened ("the licensing regime took effect").
_INTRANSITIVE = frozenset({"took effect", "went on sale"})
_PASSIVE = re.compile(r"\b(?:was|were|been|is|are)\s+(?:formally\s+|officially\s+|also\s+)?$", re.I)
_GROUND = re.compile(r"\s+(?:on|of)\s+(?:the\s+|a\s+)?(.+?)(?=[,.;]|\s+(?:in|at|on|last)\s|$)")
_ASIDE = re.compile(r",[^,]{0,80},")
_TAGS = re.compile(r"<[^>]*>")
_SPOKEN = re.compile(r"\b(?:that|it would|it will|it had)\s+(.+)$", re.I)


def short_name(name: str) -> str:
    """A long official English name by its initials (MIIT, CAICT, KIPO); others as they are:
    an association or alliance keeps its name, which its initials would not tell."""
    words = name.split()
    if len(name) <= 24 or len(words) < 3 or not name.isascii() or _BODY_HEADS.search(name):
        return name
    caps = [w for w in words if w[:1].isupper()]
    return "".join(w if w.isupper() else w[0] for w in caps)


def _words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def english_object(clause_after_verb: str) -> str:
    """The noun phrase right after the verb, up to the next clause or prepositional phrase
    (a date right after the verb is skipped: "published in July 2022 a plan")."""
    text = (
        _LEADING_DATE.sub("", clause_after_verb, count=1)
        if clause_after_verb[:1].isspace()
        else clause_after_verb
    )
    m = _OBJECT_END.search(" " + text + " ")
    phrase = text[: max(0, m.start() - 1)] if m else text
    phrase = _DETERMINERS.sub("", phrase.strip())
    return _words(phrase, 9)


def _subject_phrase(before_verb: str) -> str:
    """The noun phrase a clause opens with, up to its verb or a preposition
    ("A licensing regime that allows ..." -> "licensing regime")."""
    text = before_verb.rsplit(",", 1)[-1]
    text = re.split(r"\b(?:that|which|who|to|in|at|for|with|on)\b|[(]", text, maxsplit=1)[0]
    text = _PASSIVE.sub("", text.strip()).strip()
    return _words(_DETERMINERS.sub("", text), 8)


def make_label(
    actor: str,
    kind: str,
    verb_text: str,
    after_verb: str,
    sentence: str,
    *,
    chinese: bool,
    actor_is_body: bool = False,
    before_verb: str = "",
    passive: bool = False,
) -> str:
    """The label of one event (see the module's doc)."""
    after_verb, before_verb = _TAGS.sub(" ", after_verb), _TAGS.sub(" ", before_verb)
    who = short_name(actor) if actor else ""
    verb_key = verb_text.lower()
    if kind == "alliance" and actor_is_body:
        return f"{who} founded"
    if not chinese and verb_key in _INTRANSITIVE:
        thing = _subject_phrase(before_verb)
        if thing:
            return f"{thing[:1].upper()}{thing[1:]} {OTHER_VERBS[verb_key]}"
    if not chinese and verb_key in ("ground was broken", "groundbreaking", "broke ground"):
        site = _GROUND.match(after_verb)
        if site:
            return f"{_words(site.group(1), 8)} breaks ground"
    if not chinese and _PASSIVE.search(before_verb) and kind in ("announcement", "other"):
        thing = _subject_phrase(before_verb)
        if thing:
            return f"{thing[:1].upper()}{thing[1:]} {verb_key}"
    if not chinese and kind == "announcement" and verb_key in ("said", "wrote", "stated", "warned"):
        spoken = _SPOKEN.search(after_verb)
        said = _ASIDE.sub("", before_verb).rsplit(",", 1)[0] if "," in before_verb else ""
        said = _LEADING_DATE.sub("", " " + said, count=1) if said else ""
        at_end = len(after_verb.split()) <= 8  # "..., the minister said on Friday."
        content = spoken.group(1) if spoken else said if at_end else english_object(after_verb)
        content = re.sub(r"[.!?]+$", "", content.strip())
        if content:
            verb = "warns" if verb_key == "warned" else "says"
            return f"{who} {verb} {_words(content, 12)}"
    verb = KIND_VERBS.get(kind) or OTHER_VERBS.get(verb_key, verb_key)
    title = _TITLE.search(after_verb[:120])
    if title:
        what = title.group()
    elif chinese:
        noun = KIND_NOUNS.get(kind, "")
        what = f"metaverse {noun}".strip() if noun and "元宇宙" in sentence else noun
    else:
        what = "" if passive else english_object(after_verb)
        if what.split(" ", 1)[0].lower() in ("to", "by", "of", "for", "with", "and"):
            what = ""  # "a plan Zhejiang released in December to build ...": the plan
        if not what and KIND_NOUNS.get(kind):
            noun = KIND_NOUNS[kind]
            what = f"metaverse {noun}" if "metaverse" in sentence.lower() else noun
        if kind == "plan" and what and not _PERIOD.search(what):
            period = _PERIOD.search(sentence)
            if period:
                what = f"{period.group(1)}–{period.group(2)} {what}"
        if not what:
            what = KIND_NOUNS.get(kind, "")
    return " ".join(p for p in (who, verb, what) if p)
