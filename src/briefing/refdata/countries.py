"""Every country of ISO 3166-1 (pycountry) as alias rows, in English and Chinese.

Why pycountry: a figure about Brazil or Saudi Arabia must not fall to the nearest Chinese
place just because the hand table never needed those countries. Names come from pycountry's
`name`, `common_name` and `official_name`, Chinese from its zh_CN translations; the hand
table's entries (United States, South Korea, Hong Kong, Taiwan ...) take precedence, and the
lists below say where the ISO names are not how news writes them, or are also words.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import pycountry

from briefing.refdata.aliases import Entry

#: ISO names news rarely uses -> the canonical English name we report.
COMMON_NAMES: dict[str, str] = {
    "Russian Federation": "Russia",
    "Türkiye": "Turkey",
    "Czechia": "Czech Republic",
    "Netherlands, Kingdom of the": "Netherlands",
    "Viet Nam": "Vietnam",
    "Brunei Darussalam": "Brunei",
}
#: More names for a country, English or Chinese (the zh_CN names are often formal ones:
#: 伊朗伊斯兰共和国, 大韩民国).
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "Russia": ("俄罗斯联邦",),
    "Turkey": ("Türkiye", "Turkiye"),
    "Czech Republic": ("Czechia",),
    "Netherlands": ("the Netherlands", "Holland", "荷兰"),
    "Iran": ("伊朗",),
    "Syria": ("叙利亚",),
    "Laos": ("老挝",),
    "North Korea": ("朝鲜", "DPRK"),
    "Moldova": ("摩尔多瓦",),
    "Bolivia": ("玻利维亚",),
    "Venezuela": ("委内瑞拉",),
    "Tanzania": ("坦桑尼亚",),
    "Saudi Arabia": ("沙特", "沙特阿拉伯"),
    "United Arab Emirates": ("UAE", "阿联酋"),
    "Mongolia": ("蒙古国",),
    "Haiti": ("海地共和国",),
}
#: Country names that are also people's or places' names in English news ("Jordan said",
#: "Chad", the US state of Georgia): not matched in English (the Chinese name still is).
AMBIGUOUS_ENGLISH = frozenset({"Jordan", "Chad", "Georgia"})
#: Chinese country names inside everyday words and other names: 沿海地区 (coastal areas, not
#: 海地 Haiti), 马里奥 (Mario), 增加纳入, 蒙古族 (the Mongol people), 苏丹红, 阿曼达.
AMBIGUOUS_CHINESE = frozenset(
    {"海地", "马里", "加纳", "多哥", "汤加", "也门", "苏丹", "黑山", "蒙古", "阿曼", "曼岛"}
)


def _chinese() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:  # a pycountry build without locales: English names only
        return gettext.NullTranslations()


def country_rows() -> Iterator[tuple[Entry, list[str]]]:
    """(entry, aliases) per country, sorted by ISO code: deterministic."""
    zh = _chinese()
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        common = getattr(country, "common_name", None)
        canonical = COMMON_NAMES.get(country.name) or common or country.name
        names = [canonical, country.name, common, getattr(country, "official_name", None)]
        translated = zh.gettext(country.name)
        if translated != country.name:
            names.append(translated)
        names += EXTRA_ALIASES.get(canonical, ())
        aliases = []
        for name in names:
            ambiguous = name in AMBIGUOUS_ENGLISH or name in AMBIGUOUS_CHINESE
            if name and name not in aliases and not ambiguous:
                aliases.append(name)
        yield Entry(canonical, "country", "", True), aliases
