"""Every Chinese province, prefecture and county-level division as alias rows.

Which names are matched, and why (data/reference/admin_divisions.csv, see its README):

- the full Chinese name (河南省, 郑州市, 浦东新区, 徐汇区) always, except a one-character stem
  (和县, 城区: "市和县" is "cities and counties");
- the short Chinese name (河南, 郑州) of provinces and prefectures only, two characters or
  more and not an everyday word (白银 silver, 日照 sunshine: `common_word` zh);
- the English name alone (Zhengzhou) for provinces and prefectures, unless it is also an
  English word or name (`common_word` en: Ali, Dali); a county-level division
  in English only with its level word ("Xuhui District", "Kunshan City", "Deqing County");
- a name several divisions share (鼓楼区, "Gulou District"), or a district whose name starts
  like a bigger place's (河北区 in Tianjin, inside "河北区域"), only where the text also names
  its parent city or province.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from briefing.refdata.aliases import Entry

#: English level words a county-level name is written with ("Xuhui District").
LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "district": ("District", "district", "New Area", "New District"),
    "county": ("County", "county", "Banner"),
    "city": ("City", "city"),
    "prefecture": ("Prefecture", "prefecture", "Autonomous Prefecture", "League"),
}


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def entry_of(row: dict[str, str]) -> Entry:
    return Entry(row["name"], row["type"], row["parent"], True, row["level"], row["adcode"])


def division_aliases(row: dict[str, str]) -> Iterator[tuple[str, bool]]:
    """(alias, needs_parent) for one division row, by the rules in the module docstring.
    A qualified canonical name ("Gulou (Nanjing)") means its plain pinyin is shared; the
    canonical name itself is looked up (entry_for) but not searched for in texts."""
    zh, short, level = row["zh"], row["zh_short"], row["level"]
    shared = "(" in row["name"]
    if short != zh or level == "province":  # a one-character stem: 和县 is "and county"
        yield zh, shared
    named_short = level in ("province", "prefecture") and len(short) >= 2 and short != zh
    if named_short and "zh" not in row["common_word"]:
        yield short, shared
    english = [row["pinyin"], *filter(None, row["aliases"].split("|"))]
    for name in english:
        if level in ("province", "prefecture") and "en" not in row["common_word"]:
            yield name, shared
        for word in LEVEL_WORDS.get(row["type"], ()):
            yield f"{name} {word}", shared
        if level == "prefecture" and row["type"] == "city":
            yield f"{name} City", shared
            yield f"{name} city", shared


def load(path: Path) -> tuple[list[tuple[str, Entry, bool]], dict[str, tuple[str, ...]]]:
    """Alias rows (alias, entry, needs_parent) and each division's ancestors (canonical
    names, nearest first, China excluded: naming China tells no two 朝阳区 apart)."""
    rows = read_rows(path)
    parents = {r["name"]: r["parent"] for r in rows}
    ancestors: dict[str, tuple[str, ...]] = {}
    for name in parents:
        chain, up = [], parents.get(name, "")
        while up and up != "China":
            chain.append(up)
            up = parents.get(up, "")
        ancestors[name] = tuple(chain)
    bigger = {r["zh_short"] for r in rows if r["level"] != "county"}
    out = []
    for row in rows:
        entry = entry_of(row)
        for alias, shared in division_aliases(row):
            # 河北区 (Tianjin) starts with 河北 (Hebei): "河北区域" is the Hebei region
            clash = row["level"] == "county" and row["zh_short"] in bigger and alias == row["zh"]
            out.append((alias, entry, shared or clash))
    return out, ancestors
