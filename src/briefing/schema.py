"""The shapes of the tables that flow between the briefing's layers.

One place names every column so that the extractor, the claims layer, the charts and the
notebooks agree without importing each other. Changing a column here is a contract change:
update docs/ARCHITECTURE.md and the tests that pin the CSV header.
"""

from __future__ import annotations

#: Columns of the facts table (one row per figure found in an article), in CSV order.
#: The first block is the public contract of `briefing extract` (issue 3); the second
#: block is provenance copied from the article's metadata so that every row stands alone.
FACT_COLUMNS: tuple[str, ...] = (
    "id",  # f"{article}:{start}" - stable across runs while the article text is unchanged
    "article",  # file name without extension
    "start",  # character offset in the decoded/extracted article text
    "end",  # so that text == article_text[start:end]
    "text",  # the figure as written: "250 billion yuan", "3500亿元"
    "value",  # fully expanded float; lower bound of a range; 30 for 30%
    "value_high",  # upper bound of a range, else empty
    "unit",  # CNY, USD, EUR, HKD, ..., percent, percentage_points, count, times, ...
    "qualifier",  # exact | about | more_than | at_least | less_than | up_to
    "counted",  # for counts: the noun counted ("companies", "patents", "企业")
    "measure",  # category from MEASURES below
    "entity",  # canonical place/organisation name from data/reference/*.csv
    "year",  # reference or target year (int), else empty
    "on_topic",  # False for bylines, ads, trailing unrelated stories, bios, copyright
    "sentence",  # the sentence the figure stands in
    "conversion_of",  # id of the amount this figure converts ("(equivalent to $35.1bn)")
    # audit: the name of the rule that decided entity, year and measure (issue 12). Rule
    # names are those of briefing.extract.entity / .year / .measure and of the cue rules in
    # src/briefing/extract/rules/*.toml; a name after ":" says how the deciding mention was
    # resolved ("nearest-before:scope-word": 全省 stood for the province). Empty year_rule
    # when no year was given.
    "entity_rule",  # e.g. nearest-before, list-lead-in, document-plan, world-market
    "year_rule",  # e.g. date-after-figure, paragraph-opening, plan-period, present-tense
    "measure_rule",  # e.g. target-verb, invest-before, support-rule, counted-company
    # provenance, copied from the article's metadata
    "title",
    "outlet",
    "published",  # ISO date or empty
    "date_precision",  # day | month | approximate | year | unknown
    "language",  # en | zh | unknown
    "url",
    "encoding",  # how the file was decoded (utf-8, utf-8-sig, utf-16, gb18030, cp1252)
    "source_format",  # txt | html | md | pdf
)

#: The measure vocabulary. Keys are the values of the `measure` column; values say what
#: belongs there, and are printed in the report's method section.
MEASURES: dict[str, str] = {
    "market_size_target": "A market size an authority aims to reach by a future year.",
    "market_size": "The size of a market (reported or forecast), not an official target.",
    "growth_rate": (
        "A growth rate of a market or industry, in percent; negative for a fall ('down 40%')."
    ),
    "investment": "Money invested, raised or pledged (funds, financing, subsidies).",
    "patents": "A count of patents or patent applications.",
    "patent_share": "A share of patents or patent applications, in percent.",
    "trademark_applications": "A count of trademark applications.",
    "companies": "A count of companies, firms or enterprises.",
    "members": "A count of members of an alliance, association or working group.",
    "places": "A count of cities, provinces or districts.",
    "gdp_share": "A share of GDP (e.g. the digital economy's share).",
    "users": "A count of users, residents or people.",
    "projects": "A count of projects, parks, clusters, scenarios or platforms.",
    "hardware": "A count of devices or chips.",
    "share": (
        "Any other share, in percent; or its change in percentage points (unit"
        " percentage_points), negative for a fall ('down 14 percentage points')."
    ),
    "other": "A figure the extractor could not place in a category above.",
}

#: How each measure is named for a reader (tables in the report; files keep the codes).
MEASURE_NAMES: dict[str, str] = {
    "market_size_target": "Market-size target",
    "market_size": "Market size",
    "growth_rate": "Growth rate",
    "investment": "Investment",
    "patents": "Patents",
    "patent_share": "Patent share",
    "trademark_applications": "Trademark applications",
    "companies": "Companies",
    "members": "Members",
    "places": "Places",
    "gdp_share": "Share of GDP",
    "users": "Users",
    "projects": "Projects",
    "hardware": "Hardware",
    "share": "Share",
    "other": "Other",
}
assert MEASURE_NAMES.keys() == MEASURES.keys()

QUALIFIERS: tuple[str, ...] = ("exact", "about", "more_than", "at_least", "less_than", "up_to")

#: Columns the corrections step (`briefing.corrections`) appends to the facts table, after
#: FACT_COLUMNS: the audit trail of what the extractor said and what an analyst decided.
#: A separate tuple so that columns added to FACT_COLUMNS and these never touch one line.
CORRECTION_COLUMNS: tuple[str, ...] = (
    "corrected_fields",  # "entity,year" for a corrected row; "add" for an analyst's figure
    "original",  # JSON of the extractor's values of the corrected fields: {"entity": "China"}
    "correction_note",  # the analyst's note(s), "; "-joined, with who and when
    "excluded",  # True when an analyst excluded the figure: kept for audit, never reported
)
