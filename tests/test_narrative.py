"""The narrative: every number is a link to its quote, article text is never markup, and
the prose follows the data (no figure is typed in)."""

import re
from pathlib import Path

import pandas as pd
import pytest

from briefing import narrative
from briefing.claims import merge_claims
from briefing.sections import caveats, patents, sources, summary, targets

FIXTURE = Path(__file__).parent / "fixtures" / "facts_small.csv"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def facts() -> pd.DataFrame:
    return pd.read_csv(FIXTURE)


@pytest.fixture
def claims(facts: pd.DataFrame) -> pd.DataFrame:
    return merge_claims(facts)


def _hrefs(html: str) -> set[str]:
    return set(re.findall(r'href="#([^"]+)"', html))


def _anchors(html: str) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', html))


def test_a_number_links_to_its_quote_with_outlet_and_date(facts):
    row = facts.iloc[0]
    html = narrative.number_link("250 billion yuan", row["id"], facts)
    assert html.startswith(f'<a class="fact" href="#{narrative.fact_anchor(row["id"])}"')
    assert '<span class="fn">' in html
    assert str(row["outlet"]) in html
    assert str(row["published"]) in html


def test_an_unknown_fact_id_gives_no_dangling_link(facts):
    html = narrative.number_link("42", "no-such-article:1", facts)
    assert "href" not in html
    assert "42" in html


@pytest.mark.parametrize("fact_id", ["a:1", "2024-01-22-x:2868", "上海-元宇宙:12", 'x"><b>:3'])
def test_anchors_are_html_safe_and_keep_ids_apart(fact_id):
    anchor = narrative.fact_anchor(fact_id)
    assert re.fullmatch(r"fact-[A-Za-z0-9_-]+", anchor)
    assert narrative.fact_anchor(fact_id + "x") != anchor


def test_article_text_never_becomes_markup(facts):
    hostile = facts.copy()
    hostile.loc[0, "sentence"] = HOSTILE
    hostile.loc[0, "outlet"] = HOSTILE
    link = narrative.number_link(HOSTILE, hostile.loc[0, "id"], hostile)
    table = narrative.html_table(
        hostile, {"text": "Figure", "sentence": "Quote"}, anchor_ids="id", facts=hostile
    )
    for html in (link, table, narrative.no_data(HOSTILE)):
        assert "<script" not in html
        assert "<img" not in html
        assert "&lt;script&gt;" in html


def test_every_link_in_the_text_lands_on_a_row_of_the_appendix(claims, facts):
    keys = summary.key_numbers(claims, 7.1, facts)
    text = narrative.key_numbers_block(keys, facts) + narrative.targets_paragraph(
        targets.table(claims, 7.1, facts), facts, 7.1
    )
    appendix = narrative.html_table(
        sources.facts_appendix(facts), {"text": "Figure"}, anchor_ids="id", facts=facts, limit=None
    )
    assert _hrefs(text)
    assert _hrefs(text) <= _anchors(appendix)


def test_targets_paragraph_says_which_conversion_was_used(claims, facts):
    html = narrative.targets_paragraph(targets.table(claims, 7.1, facts), facts, 7.1)
    assert "the article&#x27;s own conversion" in html or "the article's own conversion" in html
    assert "at 7.1 CNY per USD" in html
    other = narrative.targets_paragraph(targets.table(claims, 6.5, facts), facts, 6.5)
    assert "at 6.5 CNY per USD" in other


def test_empty_sections_read_as_findings_not_errors(facts):
    empty_claims = merge_claims(facts.iloc[0:0])
    html = narrative.targets_paragraph(targets.table(empty_claims, 7.1, facts), facts, 7.1)
    assert "No market-size targets were found in these articles." in html
    assert "no-data" in narrative.patents_paragraph(patents.table(empty_claims), facts)
    assert "no consistency check" in narrative.consistency_note(None)


def test_consistency_note_reports_the_implied_totals(claims):
    note = narrative.consistency_note(patents.consistency(patents.table(claims)))
    assert "47,637" in note  # 14,291 / 30%
    assert "48,036" in note  # 17,293 / 36%
    assert "are consistent" in note


def test_summary_paragraph_counts_disputes_from_the_data(claims, facts):
    keys = summary.key_numbers(claims, 7.1, facts)
    n_single = len(caveats.single_source(claims))
    calm = narrative.summary_paragraph(keys, facts, 4, 0, n_single)
    tense = narrative.summary_paragraph(keys, facts, 4, 1, n_single)
    assert "no figure is disputed" in calm
    assert "1 figure is disputed" in tense
    assert f"({n_single} single-source claims)" in calm


def test_html_table_shows_whole_numbers_without_decimals():
    table = pd.DataFrame({"n": [24.0, 39.5, float("nan")]})
    html = narrative.html_table(table, {"n": "Members"})
    assert "<td>24</td>" in html
    assert "<td>39.5</td>" in html
    assert "<td></td>" in html


@pytest.mark.parametrize(
    ("n_single", "n_conflict", "n_off", "expected"),
    [
        (
            1,
            0,
            1,
            "<p>1 figure rests on a single source; no figure is disputed between sources;"
            " 1 figure was marked off-topic and left out.</p>",
        ),
        (
            3,
            2,
            0,
            "<p>3 figures rest on a single source; 2 figures are disputed between sources"
            " (shown side by side, never averaged); 0 figures were marked off-topic and"
            " left out.</p>",
        ),
    ],
)
def test_caveats_paragraph_reads_as_english_for_any_count(
    n_single: int, n_conflict: int, n_off: int, expected: str
) -> None:
    single = pd.DataFrame({"claim_id": [f"s{i}" for i in range(n_single)]})
    conflicts = pd.DataFrame({"claim_id": [f"c{i}" for i in range(n_conflict)]})
    off_topic = pd.DataFrame({"id": [f"o{i}" for i in range(n_off)]})
    assert narrative.caveats_paragraph(single, conflicts, off_topic) == expected


def test_years_in_tables_have_no_thousands_separator() -> None:
    table = pd.DataFrame({"year": [2022.0, None], "value": [14291.0, 2.5]})
    html = narrative.html_table(table, {"year": "Year", "value": "Figure"})
    assert ">2022<" in html and ">14,291<" in html and "2,022" not in html


def test_columns_get_room_for_their_longest_word_before_quotes_get_the_rest() -> None:
    quote = "A long quote that goes on and on about the metaverse and its many targets. " * 3
    table = pd.DataFrame(
        {
            "who": ["Guangzhou Metaverse Innovation Association", "Sichuan"],
            "date": ["2022-03-20", "2024-01-22"],
            "quote": [quote, quote],
        }
    )
    html = narrative.html_table(table, {"who": "Who", "date": "Date", "quote": "Quote"})
    widths = [float(w) for w in re.findall(r"width:([\d.]+)%", html)]
    per_char = 100 / narrative.TABLE_LINE_CHARS
    assert widths[0] >= len("Association") * per_char  # the longest word fits unbroken
    assert widths[1] >= len("2022-03-20") * per_char
    assert widths[2] > widths[0] + widths[1]  # the quote takes what is left
    assert abs(sum(widths) - 100) < 0.5


def test_measures_show_by_their_names_in_tables() -> None:
    table = pd.DataFrame({"measure": ["market_size_target", "gdp_share"]})
    html = narrative.html_table(table, {"measure": "Measure"})
    assert ">Market-size target<" in html and ">Share of GDP<" in html
    assert "market_size_target" not in html


def test_geography_paragraph_names_places_with_figures_first_and_counts_the_rest() -> None:
    places = pd.DataFrame(
        {
            "place": ["Sichuan", *[f"City{i}" for i in range(13)]],
            "province": ["Sichuan", *["Guangdong"] * 13],
            "n_commitments": [1, *[0] * 13],
            "commitments": [["market-size target 250 billion yuan by 2025"], *[[]] * 13],
        }
    )
    text = narrative.geography_paragraph(places)
    assert text.startswith(
        "<p>14 places in 2 province-level divisions appear, those with figures first: Sichuan,"
    )
    assert "City10 and 2 others." in text
    assert "Sichuan: market-size target 250 billion yuan by 2025" in text


def test_long_tables_show_their_first_rows_and_say_how_many_there_are() -> None:
    table = pd.DataFrame({"place": [f"City{i}" for i in range(100)]})
    html = narrative.html_table(table, {"place": "Place"}, limit=40, more="See facts.xlsx.")
    assert html.count("<tr>") == 41  # header + 40
    assert "The first 40 rows are shown, and 60 more. See facts.xlsx." in html
    assert "more." not in narrative.html_table(table.head(40), {"place": "Place"}, limit=40)


def test_geography_paragraph_spells_out_a_few_places_and_counts_the_others() -> None:
    n = narrative.GEOGRAPHY_PLACES_SPELLED_OUT + 5
    places = pd.DataFrame(
        {
            "place": [f"City{i}" for i in range(n)],
            "province": ["Guangdong"] * n,
            "n_commitments": [2] * n,
            "commitments": [["projects 5", "companies 10"]] * n,
        }
    )
    text = narrative.geography_paragraph(places)
    assert text.count("projects 5") == narrative.GEOGRAPHY_PLACES_SPELLED_OUT
    assert "5 other places with figures are in the table." in text


def test_timeline_paragraph_says_what_happened_last_and_what_several_articles_tell():
    from briefing.narrative import timeline_paragraph

    timeline = pd.DataFrame(
        {
            "date": ["2022-09", "2023-09-08"],
            "label": ["Henan publishes plan", "MIIT publishes <b>plan</b>"],
            "n_sources": [2, 1],
        }
    )
    text = timeline_paragraph(timeline)
    assert "2 dated events, from 2022-09 to 2023-09-08." in text
    assert "The latest: MIIT publishes &lt;b&gt;plan&lt;/b&gt; (2023-09-08)." in text
    assert "1 event is told by more than one article." in text
