"""Geography: the provinces and cities that appear and what they committed to (section 7).

A tile-grid map needs every province at a fixed (row, col); this module holds that grid and
a compact city -> province table for the places news about China's metaverse push names
most. It is deliberately small: when `briefing.reference.resolve_place` is available the
notebook passes it as `resolve`, and unknown places still appear in the table (without a
tile) rather than being dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

import pandas as pd

from briefing import reference
from briefing.sections._common import as_list, format_amount, is_blank, year_text

#: Province-level divisions -> (row, col) on a tile grid roughly shaped like China.
TILES: dict[str, tuple[int, int]] = {
    "Heilongjiang": (0, 8), "Inner Mongolia": (1, 6), "Jilin": (1, 8),
    "Xinjiang": (2, 1), "Gansu": (2, 3), "Ningxia": (2, 4), "Beijing": (2, 6), "Liaoning": (2, 8),
    "Qinghai": (3, 2), "Shaanxi": (3, 4), "Shanxi": (3, 5), "Hebei": (3, 6), "Tianjin": (3, 7),
    "Tibet": (4, 1), "Sichuan": (4, 3), "Chongqing": (4, 4), "Henan": (4, 5), "Shandong": (4, 6),
    "Yunnan": (5, 3), "Guizhou": (5, 4), "Hubei": (5, 5), "Anhui": (5, 6), "Jiangsu": (5, 7),
    "Guangxi": (6, 4), "Hunan": (6, 5), "Jiangxi": (6, 6), "Zhejiang": (6, 7), "Shanghai": (6, 8),
    "Guangdong": (7, 5), "Fujian": (7, 6), "Taiwan": (7, 8),
    "Hainan": (8, 4), "Macau": (8, 5), "Hong Kong": (8, 6),
}  # fmt: skip

#: Cities and districts (and Chinese names) -> province-level division.
PLACE_TO_PROVINCE: dict[str, str] = {
    **{p: p for p in TILES},
    "Guangzhou": "Guangdong", "Shenzhen": "Guangdong", "Nansha": "Guangdong",
    "Hangzhou": "Zhejiang", "Deqing": "Zhejiang", "Hefei": "Anhui", "Wuhan": "Hubei",
    "Chengdu": "Sichuan", "Zhangjiajie": "Hunan", "Changsha": "Hunan", "Fengxian": "Shanghai",
    "Nanjing": "Jiangsu", "Suzhou": "Jiangsu", "Wuxi": "Jiangsu", "Jinan": "Shandong",
    "Qingdao": "Shandong", "Xiamen": "Fujian", "Fuzhou": "Fujian", "Xi'an": "Shaanxi",
    "Zhengzhou": "Henan", "Shenyang": "Liaoning", "Dalian": "Liaoning", "Harbin": "Heilongjiang",
    "北京": "Beijing", "上海": "Shanghai", "天津": "Tianjin", "重庆": "Chongqing",
    "广东": "Guangdong", "广州": "Guangdong", "深圳": "Guangdong", "浙江": "Zhejiang",
    "杭州": "Zhejiang", "江苏": "Jiangsu", "山东": "Shandong", "四川": "Sichuan", "成都": "Sichuan",
    "湖北": "Hubei", "武汉": "Hubei", "安徽": "Anhui", "合肥": "Anhui", "河南": "Henan",
    "湖南": "Hunan", "福建": "Fujian", "海南": "Hainan", "河北": "Hebei", "江西": "Jiangxi",
}  # fmt: skip

COLUMNS: tuple[str, ...] = (
    "place",
    "province",
    "row",
    "col",
    "mentions",  # articles naming the place
    "commitments",  # figures attributed to the place, as words (best-sourced first, capped)
    "n_commitments",  # all of them
    "fact_ids",  # of the commitments shown
)

#: Commitments spelled out per place; the rest are counted ("and 212 more").
MAX_COMMITMENTS_SHOWN = 5

_LABELS = {
    "market_size_target": "market-size target",
    "market_size": "market size",
    "investment": "investment",
    "projects": "projects",
    "companies": "companies",
}


def resolve_province(place: str) -> str | None:
    """The province-level division of a place name (any alias the reference table knows)."""
    if place in PLACE_TO_PROVINCE:
        return PLACE_TO_PROVINCE[place]
    entry = reference.entry_for(place)
    for _ in range(3):  # district -> city -> province
        if entry is None or not entry.is_place:
            return None
        if entry.canonical in TILES:
            return entry.canonical
        if entry.parent in TILES:
            return entry.parent
        entry = reference.entry_for(entry.parent) if entry.parent else None
    return None


def _mentions(texts: Mapping[str, str]) -> dict[str, int]:
    """How many articles name each Chinese place, under its canonical name (北京 = Beijing)."""
    counts: Counter[str] = Counter()
    for text in texts.values():
        named = {m.canonical for m in reference.find_mentions(text)}
        counts.update(name for name in named if resolve_province(name) is not None)
    return dict(counts)


def table(
    claims: pd.DataFrame,
    texts: Mapping[str, str] | None = None,
    resolve: Callable[[str], str | None] = resolve_province,
) -> pd.DataFrame:
    """One row per Chinese place that has a figure or is named in an article.

    Places with commitments come first (most first), then places only mentioned (most
    mentioned first). Province-level rows carry their tile position.
    """
    places: dict[str, dict] = {}

    def row_for(place: str) -> dict:
        province = resolve(place)
        row_col = TILES.get(province or "", (None, None))
        return places.setdefault(
            place,
            {
                "place": place,
                "province": province,
                "row": row_col[0],
                "col": row_col[1],
                "mentions": 0,
                "commitments": [],
                "fact_ids": [],
            },
        )

    for claim in claims.to_dict("records"):
        entity = claim["entity"]
        if is_blank(entity) or resolve(str(entity)) is None or claim["measure"] not in _LABELS:
            continue
        figure = (
            "sources disagree"
            if claim["conflict"]
            else format_amount(
                claim["value"], claim["unit"], claim["qualifier"], claim.get("value_high")
            )
        )
        year = year_text(claim["year"])
        words = f"{_LABELS[claim['measure']]} {figure}" + (f" by {year}" if year else "")
        row = row_for(str(entity))
        ids = [str(f) for f in as_list(claim["fact_ids"])]
        row["commitments"].append((-int(claim["n_sources"]), len(row["commitments"]), words, ids))
    if texts:
        for place, n in sorted(_mentions(texts).items()):
            row_for(place)["mentions"] = n
    rows = list(places.values())
    for row in rows:
        # best-sourced first; a place with hundreds (a large corpus) shows a few and a count
        ranked = sorted(row["commitments"])
        row["n_commitments"] = len(ranked)
        shown = ranked[:MAX_COMMITMENTS_SHOWN]
        row["commitments"] = [c[2] for c in shown] + (
            [f"and {len(ranked) - len(shown)} more"] if len(ranked) > len(shown) else []
        )
        row["fact_ids"] = [f for c in shown for f in c[3]]
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    if out.empty:
        return out
    out = out.sort_values(
        ["n_commitments", "mentions", "place"], ascending=[False, False, True]
    ).reset_index(drop=True)
    return out


def by_province(places: pd.DataFrame) -> pd.DataFrame:
    """One row per tile: province, row, col, commitments count, mentions, named places."""
    tiled = places.dropna(subset=["province"])
    rows = []
    for province, (r, c) in sorted(TILES.items()):
        here = tiled[tiled["province"] == province]
        rows.append(
            {
                "province": province,
                "row": r,
                "col": c,
                "n_commitments": int(here["n_commitments"].sum()),
                "mentions": int(here["mentions"].max()) if len(here) else 0,
                "places": ", ".join(sorted(here["place"])),
            }
        )
    return pd.DataFrame(rows)
