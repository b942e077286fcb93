"""Generate data/reference/admin_divisions.csv: every Chinese province, prefecture and
county-level division, with English (pinyin) and Chinese names and its parent.

Why generated: the hand table (places.csv) names the sixty places our articles have needed so
far; a new article about Luoyang or 昆山市 would otherwise attribute its figures to the
nearest known place. The source is cpca's `resources/adcodes.csv` (MIT, installed from PyPI
with the pinned requirements), romanised with pypinyin. The hand table's spellings win where
it has the place (Shaanxi, Inner Mongolia, Xi'an, Tibet, Hong Kong, Macao), so a generated row
never renames a place the briefing already reports.

    PYTHONPATH=src .venv/bin/python scripts/make_admin_divisions.py

Rerun after upgrading cpca or pypinyin; the output is deterministic (sorted by adcode), and the
origin and versions are written to data/reference/admin_divisions.README.md.
"""

from __future__ import annotations

import csv
import importlib.metadata
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import cpca
from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "reference" / "admin_divisions.csv"
README = ROOT / "data" / "reference" / "admin_divisions.README.md"
HAND = ROOT / "data" / "reference" / "places.csv"
RESOURCES = Path(cpca.__file__).resolve().parent / "resources"

#: Rows of adcodes.csv that group divisions without being one ("districts under the city").
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

#: Place-name readings pypinyin's general dictionary gets wrong (it reads 朝阳 as "zhaoyang",
#: the morning sun, and 长治 as "zhangzhi"). Chinese short name -> pinyin syllables.
READINGS: dict[str, list[str]] = {
    "朝阳": ["chao", "yang"],
    "长治": ["chang", "zhi"],
    "长子": ["zhang", "zi"],
    "乐亭": ["lao", "ting"],
    "乐清": ["yue", "qing"],
    "洪洞": ["hong", "tong"],
    "蔚县": ["yu", "xian"],
    "涡阳": ["guo", "yang"],
    "枞阳": ["zong", "yang"],
    "单县": ["shan", "xian"],
    "莘县": ["shen", "xian"],
    "尉氏": ["wei", "shi"],
    "会理": ["hui", "li"],
    "会泽": ["hui", "ze"],
    "会同": ["hui", "tong"],
    "会昌": ["hui", "chang"],
    "会宁": ["hui", "ning"],
    "番禺": ["pan", "yu"],
    "六安": ["lu", "an"],
    "蚌埠": ["beng", "bu"],
    "铅山": ["yan", "shan"],
    "亳州": ["bo", "zhou"],
    "台州": ["tai", "zhou"],
    "天台": ["tian", "tai"],
    "重庆": ["chong", "qing"],
    "长春": ["chang", "chun"],
    "长沙": ["chang", "sha"],
    "漯河": ["luo", "he"],
    "昌都": ["chang", "du"],
}
#: Places whose English name is not the Mandarin pinyin of the Chinese one: names from
#: Mongolian, Uyghur and Tibetan, as English-language news writes them (Hohhot, not Huhehaote).
ENGLISH_NAMES: dict[str, str] = {
    "呼和浩特": "Hohhot",
    "乌鲁木齐": "Urumqi",
    "拉萨": "Lhasa",
    "日喀则": "Shigatse",
    "喀什": "Kashgar",
    "和田": "Hotan",
    "阿克苏": "Aksu",
    "克拉玛依": "Karamay",
    "吐鲁番": "Turpan",
    "鄂尔多斯": "Ordos",
    "呼伦贝尔": "Hulunbuir",
    "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab",
    "锡林郭勒": "Xilingol",
    "阿拉善": "Alxa",
    "齐齐哈尔": "Qiqihar",
    "昌都": "Qamdo",
    "那曲": "Nagqu",
    "林芝": "Nyingchi",
    "博尔塔拉": "Bortala",
    "巴音郭楞": "Bayingolin",
    "克孜勒苏": "Kizilsu",
    "伊犁": "Ili",
    "阿勒泰": "Altay",
    "果洛": "Golog",
    "哈密": "Hami",
}
#: A character read one way at the start of most place names (长春, 长宁, 长寿, 长安).
FIRST_CHAR_READINGS = {"长": "chang", "朝": "chao", "乐": "le", "都": "du"}

#: Chinese short names of prefectures that are also everyday words or names (白银 silver,
#: 安康 well-being, 来宾 guest, 日照 sunshine, 大同 great harmony, 长治 in 长治久安, 中山 in
#: 中山大学 and 孙中山, 德州 Texas): only their full names (白银市) are matched.
COMMON_WORD_SHORT_NAMES = frozenset(
    {
        *("白银", "安康", "来宾", "日照", "大同", "长治", "中山", "大庆", "玉树", "普洱"),
        *("黄山", "三明", "德州", "阿里", "海东", "海西", "海北", "海南", "山南", "兴安"),
        *("吉安", "承德", "宜春", "通化", "和田", "文山", "红河", "大理", "昌吉", "白山"),
        *("中卫", "吴忠", "定西", "金昌", "临夏", "黄南", "甘南", "果洛", "那曲", "三沙"),
        # inside idioms and other names: 平安顺利, 四平八稳, 广安门 (Beijing), 孝感动天
        *("安顺", "四平", "广安", "孝感"),
    }
)
#: Pinyin names that are also English words or common English names: matched only with a
#: level word ("Anshun City") or as the Chinese name.
COMMON_ENGLISH_NAMES = frozenset({"Ali", "Dali", "Baise", "Hami", "Yulin", "Linyi", "Tai'an"})

_LEVEL_WORDS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区")
_LEVEL_WORDS_1 = ("省", "市", "区", "县", "盟", "旗")


@dataclass
class Division:
    adcode: str
    zh: str
    zh_short: str
    type: str
    level: str
    parent_code: str
    pinyin: str = ""
    name: str = ""
    aliases: str = ""
    common_word: str = ""  # zh, en or both: which short name is also a word


def ethnic_pattern() -> re.Pattern[str]:
    """The ethnic groups an autonomous area is named for (延边朝鲜族自治州 -> 延边), from
    cpca's own list of the 56 nationalities; written with or without 族 (伊犁哈萨克自治州)."""
    names = [n.strip() for n in (RESOURCES / "56_nations.csv").read_text("utf-8").split()]
    stems = sorted({n.removesuffix("族") for n in names if n}, key=len, reverse=True)
    return re.compile("(?:(?:" + "|".join(stems) + ")族?)+$")


def short_name(zh: str, ethnic: re.Pattern[str]) -> str:
    """河南省 -> 河南, 广西壮族自治区 -> 广西, 浦东新区 -> 浦东, 徐汇区 -> 徐汇; a one-character
    stem keeps its level word (和县, 城区), as in standard usage."""
    for word in (*_LEVEL_WORDS, *_LEVEL_WORDS_1):
        if zh.endswith(word) and len(zh) > len(word):
            stem = zh[: -len(word)]
            if word.startswith("自治") or word == "旗":
                # 宁夏回族 -> 宁夏, but 内蒙古 and 西藏 are names, not 内 + 蒙古, 西 + 藏
                bare = ethnic.sub("", stem)
                stem = bare if len(bare) >= 2 else stem
            return stem if len(stem) >= 2 else zh
    return zh


def division_type(zh: str, level: str) -> str:
    if level == "province":
        if zh.endswith("特别行政区"):
            return "sar"
        if zh.endswith("自治区"):
            return "autonomous_region"
        return "municipality" if zh.endswith("市") else "province"
    if level == "prefecture":
        return "city" if zh.endswith("市") else "prefecture"
    if zh.endswith("市"):
        return "city"  # a county-level city (昆山市)
    return "district" if zh.endswith("区") else "county"


def romanise(zh_short: str) -> str:
    """Pinyin without tones, capitalised, with the apostrophe before a syllable that starts
    with a vowel (Xi'an, Yan'an), as place names are written in English."""
    if zh_short in ENGLISH_NAMES:
        return ENGLISH_NAMES[zh_short]
    syllables = READINGS.get(zh_short) or lazy_pinyin(zh_short, style=Style.NORMAL, v_to_u=True)
    syllables = list(syllables)
    if zh_short[:1] in FIRST_CHAR_READINGS and zh_short not in READINGS:
        syllables[0] = FIRST_CHAR_READINGS[zh_short[0]]
    out = syllables[0]
    for s in syllables[1:]:
        out += ("'" if s[:1] in "aoe" else "") + s
    return out[:1].upper() + out[1:]


def read_divisions() -> list[Division]:
    ethnic = ethnic_pattern()
    rows = list(csv.DictReader((RESOURCES / "adcodes.csv").open(encoding="utf-8")))
    by_code = {r["adcode"][:6]: r["name"] for r in rows}
    out = []
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code, zh = r["adcode"][:6], r["name"].strip()
        if r["adcode"][6:].strip("0") or zh in PLACEHOLDERS:
            continue
        if code[2:] == "0000":
            level, parent = "province", ""
        elif code[4:] == "00":
            level, parent = "prefecture", code[:2] + "0000"
        else:
            level = "county"
            parent = code[:4] + "00"
            if by_code.get(parent) in PLACEHOLDERS or parent not in by_code:
                parent = code[:2] + "0000"
        short = short_name(zh, ethnic)
        out.append(Division(code, zh, short, division_type(zh, level), level, parent))
    return out


def read_hand_table() -> list[dict[str, str]]:
    with HAND.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def name_divisions(divisions: list[Division]) -> None:
    """English names: the hand table's where it has the place, else pinyin; a pinyin name two
    divisions share gets its parent in brackets ("Gulou (Fuzhou)"), so every canonical name
    is one place and facts about two 鼓楼区 never merge."""
    by_code = {d.adcode: d for d in divisions}
    hand = read_hand_table()
    hand_by_zh: dict[str, list[dict[str, str]]] = {}
    for row in hand:
        for zh in (row["zh"], *row["aliases"].split("|")):
            if zh:
                hand_by_zh.setdefault(zh, []).append(row)

    def ancestors(d: Division) -> list[Division]:
        out = []
        while d.parent_code:
            d = by_code[d.parent_code]
            out.append(d)
        return out

    def qualifier(parent: Division) -> str:
        # the parent's own name (Shaanxi, Inner Mongolia), unless it is qualified itself
        return parent.pinyin if "(" in parent.name else parent.name

    provincial = {"province", "municipality", "autonomous_region", "sar"}
    taken: dict[str, int] = {}
    for d in divisions:
        d.pinyin = romanise(d.zh_short)
        words = [d.zh_short in COMMON_WORD_SHORT_NAMES, d.pinyin in COMMON_ENGLISH_NAMES]
        d.common_word = " ".join(lang for lang, hit in zip(("zh", "en"), words, strict=True) if hit)
        up = {a.name for a in ancestors(d)} | {"China"}
        for row in hand_by_zh.get(d.zh, []) + hand_by_zh.get(d.zh_short, []):
            # the same level (吉林市 is not the province 吉林; 长沙县 is not the city 长沙)
            same_level = (row["type"] in provincial) == (d.level == "province")
            full = d.zh == row["zh"] or d.zh in row["aliases"].split("|")
            if same_level and (full or row["type"] == d.type) and row.get("parent") in up:
                d.name = row["name"]
                break
        if not d.name:
            taken[d.pinyin] = taken.get(d.pinyin, 0) + 1
    hand_names = {row["name"] for row in hand}
    # a prefecture shares its name with a county of its own (邯郸市, 邯郸县) or a district far
    # away: the prefecture, the place news means, keeps the plain name
    prefectures: dict[str, list[Division]] = {}
    for d in divisions:
        if not d.name and d.level == "prefecture":
            prefectures.setdefault(d.pinyin, []).append(d)
    plain = {p: ds[0] for p, ds in prefectures.items() if len(ds) == 1 and p not in hand_names}
    qualified: dict[str, list[Division]] = {}
    for d in divisions:
        if d.name:
            continue
        variants = {d.pinyin.replace("ü", "u"), d.pinyin.replace("'", "")} - {d.pinyin}
        d.aliases = "|".join(sorted(variants))
        if plain.get(d.pinyin) is d or (taken[d.pinyin] == 1 and d.pinyin not in hand_names):
            d.name = d.pinyin
        else:
            d.name = f"{d.pinyin} ({qualifier(by_code[d.parent_code])})"
            qualified.setdefault(d.name, []).append(d)
    for group in qualified.values():
        if len(group) > 1:  # 伊宁市 and 伊宁县, both in 伊犁: the level word tells them apart
            for d in group:
                word = d.type.replace("_", " ").title()
                d.name = f"{d.pinyin} {word} ({qualifier(by_code[d.parent_code])})"
    names = [d.name for d in divisions]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise SystemExit(f"names still shared after qualifying by parent: {clashes[:10]}")


def write(divisions: list[Division]) -> None:
    by_code = {d.adcode: d for d in divisions}
    columns = ["name", "pinyin", "zh", "zh_short", "type", "level", "parent", "adcode"]
    columns += ["aliases", "common_word"]
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for d in divisions:
            parent = by_code[d.parent_code].name if d.parent_code else "China"
            row = [d.name, d.pinyin, d.zh, d.zh_short, d.type, d.level, parent, d.adcode]
            writer.writerow([*row, d.aliases, d.common_word])
    versions = {p: importlib.metadata.version(p) for p in ("cpca", "pypinyin")}
    README.write_text(
        "# admin_divisions.csv\n\n"
        "Generated by `scripts/make_admin_divisions.py`; do not edit by hand (edit "
        "`places.csv`, whose spellings take precedence, or the script's lists).\n\n"
        f"- Source: cpca {versions['cpca']} (MIT licence), `cpca/resources/adcodes.csv` "
        "(administrative division codes; provinces, prefectures, county-level divisions).\n"
        f"- Romanisation: pypinyin {versions['pypinyin']}, toneless, with the script's "
        "place-name readings (朝阳 Chaoyang, 长治 Changzhi).\n"
        f"- Rows: {len(divisions)} ("
        + ", ".join(
            f"{sum(d.level == lv for d in divisions)} {lv}"
            for lv in ("province", "prefecture", "county")
        )
        + ").\n\n"
        "Columns: `name` (canonical English name, unique: the hand table's spelling, else "
        "pinyin, qualified by the parent when two divisions share it), `pinyin`, `zh` (full), "
        "`zh_short` (without the level word), `type` (province | municipality | "
        "autonomous_region | sar | city | prefecture | district | county), `level` (province "
        "| prefecture | county), `parent` (canonical name of the parent division), `adcode`, "
        "`aliases` (ASCII spellings), `common_word` (zh, en: the Chinese short name or the "
        "English name is also an everyday "
        "word, so only the full name is matched).\n",
        encoding="utf-8",
    )


def main() -> None:
    divisions = read_divisions()
    name_divisions(divisions)
    write(divisions)
    print(f"wrote {len(divisions)} divisions to {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
