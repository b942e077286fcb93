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
from dataclasses import dataclass
from pathlib import Path

from briefing.refdata import bodies, countries, divisions, scan
from briefing.refdata.aliases import Candidate, Entry
from briefing.textnorm import to_simplified

__all__ = [
    "REFERENCE_DIR",
    "Entry",
    "Mention",
    "entry_for",
    "find_mentions",
    "mentions_in",
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
    for entry, aliases in countries.country_rows():
        # the hand table's entry where it has the country (United States, Hong Kong, Taiwan)
        entry = by_name.get(entry.canonical, entry)
        for alias in aliases:
            if not any(c.hand for c in candidates.get(fold(alias), ())):
                add(alias, Candidate(entry, False))
    frozen = {k: tuple(v) for k, v in candidates.items()}
    return Tables(frozen, by_name, ancestors, scan.build(frozen))


def _lookup(name: str) -> Entry | None:
    tables = _tables()
    name = name.strip()
    for key in (fold(name), fold(name).lower()):
        found = tables.candidates.get(key)
        if found:
            return found[0].entry
    return tables.by_name.get(name)


def resolve_place(name: str) -> str | None:
    """Canonical place name for any alias ("四川省" -> "Sichuan"), else None."""
    entry = _lookup(name)
    return entry.canonical if entry and entry.is_place else None


def resolve_org(name: str) -> str | None:
    """Canonical organisation name ("HKUST Xunfei" -> "iFlytek"), else None."""
    entry = _lookup(name)
    return entry.canonical if entry and not entry.is_place else None


def entry_for(canonical_or_alias: str) -> Entry | None:
    """The table entry of a name (kind, parent), for attribution rules."""
    return _lookup(canonical_or_alias)


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


def _mention(text: str, s: int, e: int, cand: Candidate) -> Mention:
    entry = cand.entry
    if cand.condition and not any(n in text for n in cand.condition):
        # a generic name ("the metaverse industry alliance") is a body of its own here
        return Mention(s, e, text[s:e], cand.generic, entry.kind)
    return Mention(s, e, text[s:e], entry.canonical, entry.kind, entry.parent, entry.level)


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
            out.append(m)
            last_end = m.end
    return out


#: The last text scanned whole: the text, its mentions and their starts (the facts and the
#: events of an article read the same text, many ranges of it).
_LAST: list = [None, (), []]


def mentions_in(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Same as find_mentions(text, start, end), read off one scan of the whole text.

    A scan bounded to [start, end) finds exactly the whole-text mentions inside it, unless a
    whole-text mention straddles a bound, or an ASCII name could end right at `end` before a
    word character (the bounded scan sees a word boundary there, the whole text does not);
    then the range is scanned on its own.
    """
    end = len(text) if end is None else end
    if _LAST[0] is not text:
        found = tuple(find_mentions(text))
        _LAST[:] = [text, found, [m.start for m in found]]
    found, starts = _LAST[1], _LAST[2]
    i = bisect.bisect_left(starts, start)
    j = bisect.bisect_left(starts, end, i)
    if (
        (i > 0 and found[i - 1].end > start)
        or (j > i and found[j - 1].end > end)
        or (
            start < end < len(text)
            and text[end - 1].isascii()
            and text[end - 1].isalnum()
            and (text[end].isalnum() or text[end] == "_")
        )
    ):
        return find_mentions(text, start, end)
    return list(found[i:j])
