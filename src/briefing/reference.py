"""Alias tables for places and organisations, loaded once, and the mentions they find.

Articles name the same body many ways ("MIIT", "Ministry of Industry and Information
Technology", 工信部; "HKUST Xunfei" for iFlytek). Facts are grouped across articles by the
canonical name, so every mention goes through these tables:

- the hand tables `data/reference/places.csv` and `organisations.csv` (curated aliases; they
  take precedence wherever a name is also in a generated table);
- every Chinese administrative division (`admin_divisions.csv`, see briefing.refdata.divisions
  for which of their names are safe to match);
- every country (pycountry, briefing.refdata.countries);
- organisations in no table, recognised by their form ("Zhengzhou Metaverse Industry
  Association", 上海市元宇宙产业协会: rule files bodies.<lang>.toml, briefing.refdata.bodies),
  so that an unknown body is its own entity instead of the nearest known place.

The text is read once: one Aho-Corasick pass over the text folded to simplified Chinese
(briefing.textnorm, same length, so offsets are the original's), with word-boundary checks
for Latin names.
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.refdata import bodies, countries, divisions, scan
from briefing.refdata.aliases import Candidate, Entry
from briefing.textnorm import to_simplified

__all__ = [
    "REFERENCE_DIR",
    "Entry",
    "Mention",
    "contains",
    "display_name",
    "entry_for",
    "find_mentions",
    "resolve_org",
    "resolve_place",
]

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"


@dataclass(frozen=True)
class Mention:
    """A place or organisation named in a text.

    `parent`: the division a place belongs to (Xuhui -> Shanghai), or the place an inferred
    body is named for (上海市元宇宙产业协会 -> Shanghai). `level`: province | prefecture |
    county for Chinese divisions. `inferred`: found by a body rule, not in any table (then
    `rule` names the rule and `canonical` is the name as written).
    """

    start: int
    end: int
    text: str
    canonical: str
    kind: str  # places: country | province | city | ...; bodies: company | ministry | alliance ...
    parent: str = ""
    level: str = ""
    inferred: bool = False
    rule: str = ""


_QUALIFIED = re.compile(r"^(?P<name>.+?) \((?P<parent>[^()]+)\)$")


def display_name(canonical: str) -> str:
    """The name a fact carries: a division whose name several share is written plainly
    ("Shangcheng (Hangzhou)" -> "Shangcheng", the gold convention); the qualified form stays
    the table's key, and a mention keeps the parent (`Mention.parent`) to tell them apart."""
    m = _QUALIFIED.match(canonical)
    return m.group("name") if m else canonical


def _split(aliases: str) -> list[str]:
    return [a.strip() for a in aliases.split("|") if a.strip()]


_CONDITION = re.compile(r"^(?P<alias>.+?)\{if:(?P<names>[^}]+)\}$")


def _conditional(alias: str) -> tuple[str, tuple[str, ...]]:
    """ "Metaverse Industry Alliance{if:China Mobile;中国移动}" -> the alias and the names the
    text must also contain for it to mean this body: a generic name ("the metaverse industry
    alliance", 元宇宙产业联盟) is China Mobile's only in an article about China Mobile."""
    m = _CONDITION.match(alias)
    if m is None:
        return alias, ()
    return m.group("alias").strip(), tuple(n.strip() for n in m.group("names").split(";"))


def _read(name: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def fold(text: str) -> str:
    """The form names are matched in: simplified Chinese, one apostrophe; same length."""
    return to_simplified(text).replace("’", "'")


@dataclass(frozen=True)
class Tables:
    """Everything mention-finding reads, built once per process."""

    candidates: dict[str, tuple[Candidate, ...]]  # folded alias -> meanings, hand first
    by_name: dict[str, Entry]  # canonical name -> entry (entry_for of a canonical name)
    ancestors: dict[str, tuple[str, ...]]  # canonical place -> parent, grandparent (no China)
    scanner: scan.Scanner


@functools.cache
def _tables() -> Tables:
    """Hand tables first (their entries win), then divisions, then countries."""
    candidates: dict[str, list[Candidate]] = {}
    by_name: dict[str, Entry] = {}

    def add(alias: str, cand: Candidate, *, lower: bool = False) -> None:
        key = fold(alias.strip())
        if not key:
            return
        found = candidates.setdefault(key, [])
        if all(c.entry.canonical != cand.entry.canonical for c in found):
            found.append(cand)
        by_name.setdefault(cand.entry.canonical, cand.entry)
        # multi-word English names are also written in lower case in running text
        if lower and " " in key and key.lower() != key:
            add(key.lower(), cand)

    def add_hand(alias: str, entry: Entry) -> None:
        alias, names = _conditional(alias)
        generic = alias if names else ""
        add(alias, Candidate(entry, True, condition=names, generic=generic), lower=True)

    division_rows, ancestors = divisions.load(REFERENCE_DIR / "admin_divisions.csv")
    division_of = {entry.canonical: entry for _, entry, _ in division_rows}
    for row in _read("places.csv"):
        known = division_of.get(row["name"])
        entry = Entry(
            row["name"],
            row["type"],
            row.get("parent") or "",
            True,
            known.level if known else "",
            known.adcode if known else "",
        )
        if row["name"] not in ancestors and entry.parent and entry.parent != "China":
            ancestors[row["name"]] = (entry.parent, *ancestors.get(entry.parent, ()))
        for alias in [row["name"], row["zh"], row["zh_hant"], *_split(row["aliases"])]:
            if alias:
                add_hand(alias, entry)
        if row["type"] == "province":
            add_hand(f"{row['name']} province", entry)
            add_hand(f"{row['name']} Province", entry)
        if row["type"] in ("city", "municipality"):
            add_hand(f"{row['name']} city", entry)
    for row in _read("organisations.csv"):
        entry = Entry(row["name"], row["kind"], row.get("country") or "", False)
        for alias in [row["name"], row["zh"], *_split(row["aliases"])]:
            if alias:
                add_hand(alias, entry)
    for alias, entry, needs_parent in division_rows:
        entry = by_name.get(entry.canonical, entry)  # a hand-table place keeps its entry
        add(alias, Candidate(entry, False, needs_parent=needs_parent))
    for _, entry, _ in division_rows:
        by_name.setdefault(entry.canonical, entry)
    for _, entry, _ in division_rows:  # the plain name of a shared one: the first row's
        by_name.setdefault(display_name(entry.canonical), entry)
    for entry, aliases in countries.country_rows():
        # the hand table's entry where it has the country (United States, Hong Kong, Taiwan)
        entry = by_name.get(entry.canonical, entry)
        for alias in aliases:
            if not any(c.hand for c in candidates.get(fold(alias), ())):
                add(alias, Candidate(entry, False))
    frozen = {k: tuple(v) for k, v in candidates.items()}
    return Tables(frozen, by_name, ancestors, scan.build(frozen))


def _lookup(name: str, parent: str = "") -> Entry | None:
    tables = _tables()
    name = name.strip()
    if parent:  # a shared plain name with the parent its mention carries
        qualified = tables.by_name.get(f"{name} ({parent})")
        if qualified is not None:
            return qualified
    for key in (fold(name), fold(name).lower()):
        found = tables.candidates.get(key)
        if found:
            return found[0].entry
    return tables.by_name.get(name)


def resolve_place(name: str) -> str | None:
    """Canonical place name for any alias ("四川省" -> "Sichuan"), else None."""
    entry = _lookup(name)
    return display_name(entry.canonical) if entry and entry.is_place else None


def resolve_org(name: str) -> str | None:
    """Canonical organisation name ("HKUST Xunfei" -> "iFlytek"), else None."""
    entry = _lookup(name)
    return entry.canonical if entry and not entry.is_place else None


def entry_for(canonical_or_alias: str, parent: str = "") -> Entry | None:
    """The table entry of a name (kind, parent), for attribution rules; `parent` (a
    mention's) tells apart divisions that share a plain name ("Shangcheng", "Hangzhou")."""
    return _lookup(canonical_or_alias, parent)


def contains(outer: str, inner: str, parent: str = "") -> bool:
    """Is the place `inner` (with its mention's parent, for a shared name) inside `outer`?
    Every Chinese division is inside China."""
    entry = _lookup(inner, parent)
    if entry is None or not entry.is_place or outer == inner:
        return False
    chain = _tables().ancestors.get(entry.canonical, ())
    if not chain and entry.parent:
        chain = (entry.parent, *_tables().ancestors.get(entry.parent, ()))
    names = {display_name(a) for a in chain}
    return outer in names or (outer == "China" and (bool(entry.adcode) or "China" in chain))


def _raw_matches(
    text: str, start: int, end: int, folded: str | None = None
) -> list[tuple[int, int, str]]:
    """Every alias occurrence in text[start:end] (overlapping), Latin names as whole words;
    `folded` is fold(text[start:end]) when the caller has it."""
    folded = fold(text[start:end]) if folded is None else folded
    return _tables().scanner.matches(folded, start, text, end)


def _plain(cands: tuple[Candidate, ...]) -> bool:
    """An alias with one meaning that needs no other name in the text to mean it."""
    return len(cands) == 1 and not cands[0].needs_parent and not cands[0].condition


def _named_places(text: str, raw: list[tuple[int, int, str]]) -> set[str]:
    """Canonical names of the places and bodies the text names unambiguously."""
    cands = _tables().candidates
    return {cands[k][0].entry.canonical for _, _, k in raw if _plain(cands[k])}


def _choose(cands: tuple[Candidate, ...], named: set[str]) -> Candidate | None:
    """The meaning of a name in a text: a meaning whose parent (city, province) the text also
    names, else the hand table's, else the only one that needs no parent; else none (two 鼓楼区
    and neither city named: the name is skipped rather than guessed)."""
    ancestors = _tables().ancestors
    if len(cands) == 1:
        c = cands[0]
        if not c.needs_parent or set(ancestors.get(c.entry.canonical, ())) & named:
            return c
        return None
    # a candidate's own name is no evidence for another (吉林 the city is in 吉林 the province)
    names = {c.entry.canonical for c in cands}
    supported = [c for c in cands if (set(ancestors.get(c.entry.canonical, ())) - names) & named]
    if len(supported) == 1:
        return supported[0]
    pool = supported or list(cands)
    hand = [c for c in pool if c.hand]
    if hand:
        return hand[0]
    free = [c for c in pool if not c.needs_parent]
    return free[0] if len(free) == 1 else None


_GLOSSED = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:[ '-][A-Z][a-z]+)?)\s*\([^()\n]{1,30}\)\s+"
    r"(?P<level>[Dd]istrict|[Cc]ounty|New Area)\b"
)


def _glossed_names(text: str, start: int, end: int) -> list[tuple[int, int, tuple[Candidate, ...]]]:
    """ "Xihu (West Lake) district": a division's name with a gloss between it and its
    level word is the division "Xihu district" names."""
    out = []
    for m in _GLOSSED.finditer(text, start, end):
        key = fold(f"{m.group('name')} {m.group('level')}")
        cands = _tables().candidates.get(key)
        if cands:
            out.append((m.start(), m.end(), cands))
    return out


def _bare_names(
    text: str, start: int, end: int, found: list[tuple[int, int, int, Candidate | Mention]]
) -> list[tuple[int, int, int, Candidate | Mention]]:
    """A county-level division named once with its level word ("Jiangning district") is
    then written bare ("Jiangning has been courting ..."): every later bare occurrence of its
    English name in text[start:end] is that division too (a reader's second mention)."""
    keys = _tables().candidates
    out: list[tuple[int, int, int, Candidate | Mention]] = []
    seen: set[str] = set()
    for first, _, _, cand in sorted(found, key=lambda f: f[0]):
        if not isinstance(cand, Candidate) or cand.entry.level != "county":
            continue
        bare = display_name(cand.entry.canonical)
        if bare in seen or not bare.isascii() or fold(bare) in keys or fold(bare).lower() in keys:
            continue
        seen.add(bare)
        for m in re.finditer(rf"(?<![\w-]){re.escape(bare)}(?![\w-])", text[first:end]):
            s = first + m.start()
            if s >= start:
                out.append((s, -len(bare), 0, cand))
    return out


def _mention(text: str, s: int, e: int, cand: Candidate) -> Mention:
    entry = cand.entry
    if cand.condition and not any(n in text for n in cand.condition):
        # a generic name ("the metaverse industry alliance") is a body of its own here
        return Mention(s, e, text[s:e], cand.generic, entry.kind)
    name = display_name(entry.canonical) if entry.is_place else entry.canonical
    return Mention(s, e, text[s:e], name, entry.kind, entry.parent, entry.level)


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every place/organisation named in text[start:end], in order, non-overlapping.

    At each position the longest name wins (a table's name over a rule's on a tie);
    overlapping shorter names are dropped, as a reader would read them.
    """
    end = len(text) if end is None else end
    tables = _tables()
    folded = fold(text[start:end])
    raw = _raw_matches(text, start, end, folded)
    named: set[str] | None = None
    # (start, -length, table before rule, meaning): the sort puts the winner first
    found: list[tuple[int, int, int, Candidate | Mention]] = []
    for s, e, key in raw:
        cands = tables.candidates[key]
        if len(cands) > 1 or cands[0].needs_parent:
            if named is None:
                whole = raw if (start, end) == (0, len(text)) else _raw_matches(text, 0, len(text))
                named = _named_places(text, whole)
            cand = _choose(cands, named)
            if cand is None:
                continue
        else:
            cand = cands[0]
        found.append((s, s - e, 0, cand))
    glossed = _glossed_names(text, start, end)
    if glossed and named is None:
        whole = raw if (start, end) == (0, len(text)) else _raw_matches(text, 0, len(text))
        named = _named_places(text, whole)
    for s, e, cands in glossed:
        cand = _choose(cands, named or set())
        if cand is not None:
            found.append((s, s - e, 0, cand))
    found.extend(_bare_names(text, start, end, found))
    found.sort(key=lambda f: f[:2])
    starts = [f[0] for f in found]

    def table_mentions(lo: int, hi: int) -> list[Mention]:
        i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        return [_mention(text, s, s - neg, c) for s, neg, _, c in found[i:j]]

    inferred = bodies.find_bodies(text, start, end, table_mentions, folded)
    if inferred:
        found.extend((m.start, m.start - m.end, 1, m) for m in inferred)
        found.sort(key=lambda f: f[:3])
    out: list[Mention] = []
    last_end = start
    for s, neg, _, meaning in found:
        if s >= last_end:
            m = meaning if isinstance(meaning, Mention) else _mention(text, s, s - neg, meaning)
            if out and out[-1].inferred and out[-1].end == m.start and not m.inferred:
                # 国际经济咨询公司Analysis Group: a description written before the name
                out.pop()
            out.append(m)
            last_end = m.end
    return _same_bodies(out)


def _same_bodies(mentions: list[Mention]) -> list[Mention]:
    """北京东城区元宇宙产业联盟 (a title) and 东城区元宇宙产业联盟 (the text): a body named with
    a place before the name the text also uses is the same body, under the shorter name."""
    names = {m.canonical for m in mentions if m.inferred}
    out = []
    for m in mentions:
        if m.inferred:
            shorter = [n for n in names if n != m.canonical and m.canonical.endswith(n)]
            if shorter:
                head = m.canonical[: len(m.canonical) - len(max(shorter, key=len))]
                if resolve_place(head.strip()) is not None:
                    m = replace(m, canonical=max(shorter, key=len))
        out.append(m)
    return out
