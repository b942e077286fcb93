"""Alias tables for places and organisations (data/reference/*.csv), loaded once.

Articles name the same body many ways ("MIIT", "Ministry of Industry and Information
Technology", 工信部; "HKUST Xunfei" for iFlytek). Facts are grouped across articles by the
canonical name, so every mention goes through these tables.
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"


@dataclass(frozen=True)
class Mention:
    """A place or organisation named in a text."""

    start: int
    end: int
    text: str
    canonical: str
    kind: str  # places: country | province | city | ...; bodies: company | ministry | alliance ...


@dataclass(frozen=True)
class Entry:
    canonical: str
    kind: str
    parent: str  # parent province (places) or home country (organisations)
    is_place: bool


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


#: Alias -> the names a text must contain for the alias to mean its entry (see _conditional),
#: and the generic name the alias stands for otherwise (one spelling for every casing).
Conditions = dict[str, tuple[tuple[str, ...], str]]


@functools.cache
def _tables() -> tuple[dict[str, Entry], re.Pattern[str], Conditions]:
    """Alias -> entry, one alternation over all aliases (longest first), and the conditions
    of the aliases that carry one."""
    aliases: dict[str, Entry] = {}
    conditions: Conditions = {}

    def add(alias: str, entry: Entry) -> None:
        alias, names = _conditional(alias)
        aliases.setdefault(alias, entry)
        if names:
            conditions[alias] = (names, alias)
        # multi-word English names are also written in lower case in running text
        if " " in alias and alias.lower() != alias:
            aliases.setdefault(alias.lower(), entry)
            if names:
                conditions[alias.lower()] = (names, alias)

    for row in _read("places.csv"):
        entry = Entry(row["name"], row["type"], row.get("parent") or "", True)
        for alias in [row["name"], row["zh"], row["zh_hant"], *_split(row["aliases"])]:
            if alias:
                add(alias, entry)
        if row["type"] == "province":
            add(f"{row['name']} province", entry)
            add(f"{row['name']} Province", entry)
        if row["type"] in ("city", "municipality"):
            add(f"{row['name']} city", entry)
    for row in _read("organisations.csv"):
        entry = Entry(row["name"], row["kind"], row.get("country") or "", False)
        for alias in [row["name"], row["zh"], *_split(row["aliases"])]:
            if alias:
                add(alias, entry)
    return aliases, re.compile(_trie_pattern(aliases)), conditions


def _char(c: str) -> str:
    return "['’]" if c in "'’" else re.escape(c)


def _trie_pattern(aliases: dict[str, Entry]) -> str:
    """One regex over all aliases, shared prefixes factored out (a trie), longest match first.

    A flat alternation of hundreds of names makes the regex engine try every name at every
    position; the trie tries one branch per character, which keeps mention-finding at
    article-reading speed. Apostrophes match both ' and ’. ASCII names match whole words.
    """
    trie: dict = {}
    for alias in aliases:
        node = trie
        for c in alias.replace("’", "'"):
            node = node.setdefault(c, {})
        node[""] = alias

    def build(node: dict) -> str:
        ends = "" in node
        branches = []
        for c in sorted(k for k in node if k):
            child = node[c]
            tail = build(child)
            branches.append(_char(c) + tail)
        if not branches:
            return _word_end(node[""])
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # longer names first, then this name (greedy, longest wins)
            return "(?:" + body + "|" + _word_end(node[""]) + ")"
        return body

    words, others = [], []
    for c in sorted(trie):
        (words if c.isascii() and c.isalnum() else others).append(_char(c) + build(trie[c]))
    firsts = "".join(sorted({_char(c) if c not in "'" else "'’" for c in trie}))
    # one character-class test per position before any branch is tried; ASCII names share one
    # leading word-boundary test so every branch starts with a literal (the engine's fast
    # first-character check). No two branches start with the same character, so grouping them
    # does not change which name matches.
    alternatives = [r"\b(?:" + "|".join(words) + ")"] if words else []
    alternatives += others
    return f"(?=[{firsts}])(?:" + "|".join(alternatives) + ")"


def _word_end(alias: str) -> str:
    return r"\b" if alias[-1].isascii() and alias[-1].isalnum() else ""


def _lookup(name: str) -> Entry | None:
    aliases = _tables()[0]
    name = name.strip()
    return aliases.get(name) or aliases.get(name.lower()) or aliases.get(name.replace("’", "'"))


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


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every place/organisation named in text[start:end], in order, non-overlapping."""
    aliases, pattern, conditions = _tables()
    out: list[Mention] = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        found = m.group()
        entry = (
            aliases.get(found)
            or aliases.get(found.replace("’", "'"))
            or aliases.get(found.replace("'", "’"))
        )
        if entry is None:
            continue
        condition = conditions.get(found)
        if condition and not any(n in text for n in condition[0]):
            # a generic name ("the metaverse industry alliance") is a body of its own here
            out.append(Mention(m.start(), m.end(), found, condition[1], entry.kind))
            continue
        out.append(Mention(m.start(), m.end(), found, entry.canonical, entry.kind))
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
