"""Exports: deck, facts tables and gallery built from sidecars and processed facts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from pptx import Presentation

from briefing import charts
from briefing.exports import build_all, gallery_html
from briefing.exports.check_deck import check_deck, libreoffice_binary
from briefing.schema import FACT_COLUMNS

FIXTURE = Path(__file__).parent / "fixtures" / "facts_small.csv"
QUOTE = "Shanghai aims for 350 billion yuan <b>by 2025</b>"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("exports")
    figures, processed = root / "figures", root / "processed"
    processed.mkdir()
    shutil.copy(FIXTURE, processed / "facts.csv")
    df = pd.DataFrame({"p": ["上海 Shanghai", "Beijing"], "v": [350.0, 250]})
    for name, finding in (
        ("targets", "Shanghai's target is the largest"),
        ("second", "Beijing <second>"),
    ):
        charts.save_figure(
            charts.hbar(df, "p", "v"),
            name,
            figures,
            title=finding,
            subtitle="bn yuan",
            source="Xinhua",
            finding=finding,
            quotes=[{"article": "a1", "outlet": "Xinhua", "date": "2022-07-08", "quote": QUOTE}],
        )
    build_all(figures, processed, root / "one")
    build_all(figures, processed, root / "two")
    return root


def test_deck_has_title_slide_plus_one_per_chart_with_quotes_in_notes(built):
    deck = Presentation(built / "one" / "briefing-slides.pptx")
    slides = list(deck.slides)
    assert len(slides) == 3
    assert "articles" in slides[0].placeholders[1].text
    titles = [s.shapes.title.text for s in slides[1:]]
    assert titles == ["Beijing <second>", "Shanghai's target is the largest"]
    notes = slides[2].notes_slide.notes_text_frame.text
    assert QUOTE in notes and "Xinhua, 2022-07-08" in notes


def test_xlsx_sheets_frozen_headers_and_claims(built):
    wb = load_workbook(built / "one" / "facts.xlsx")
    expected = ["targets & market", "patents", "companies & members", "other", "all", "sources"]
    assert wb.sheetnames == expected
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.bold
    facts = pd.read_csv(FIXTURE)
    assert wb["all"].max_row - 1 >= 1
    assert wb["all"].max_row - 1 <= len(facts)


def test_csv_has_bom_is_sorted_and_everything_is_deterministic(built):
    raw = (built / "one" / "facts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(built / "one" / "facts.csv", encoding="utf-8-sig", keep_default_na=False)
    keys = list(zip(table["group"], table["measure"], table["entity"], strict=True))
    assert keys == sorted(keys)
    for name in ("facts.csv", "facts.xlsx", "briefing-slides.pptx"):
        assert (built / "one" / name).read_bytes() == (built / "two" / name).read_bytes(), name


def test_gallery_markdown_and_escaped_html(built):
    md = (built / "figures" / "README.md").read_text(encoding="utf-8")
    assert "| Thumbnail | Title | Files |" in md and "targets.png" in md
    page = gallery_html(built / "figures")
    assert "Beijing &lt;second&gt;" in page and "<second>" not in page
    assert page.count("data:image/png;base64,") == 2


@pytest.mark.slow
@pytest.mark.skipif(
    libreoffice_binary() is None, reason="libreoffice not installed on this machine"
)
def test_deck_converts_with_libreoffice(built):
    assert check_deck(built / "one") == 3


def _tiny_facts() -> pd.DataFrame:
    """Two articles agreeing on one target, one patent count: columns from FACT_COLUMNS."""
    rows = []
    for i, (article, measure, entity, value, unit, counted) in enumerate(
        [
            ("a1", "market_size_target", "Shanghai", 350e9, "CNY", ""),
            ("a2", "market_size_target", "Shanghai", 350e9, "CNY", ""),
            ("a1", "patents", "China", 14291, "count", "patents"),
        ]
    ):
        row = dict.fromkeys(FACT_COLUMNS, "")
        row.update(
            id=f"{article}:{i * 10}",
            article=article,
            start=i * 10,
            end=i * 10 + 5,
            text=str(value),
            value=value,
            unit=unit,
            qualifier="exact",
            counted=counted,
            measure=measure,
            entity=entity,
            year=2025,
            on_topic=True,
            sentence=f"上海 sentence {i}",
            title=f"Title {article}",
            outlet="Xinhua",
            published="2022-07-08",
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=list(FACT_COLUMNS))


def test_build_all_from_fact_columns_is_repeatable(tmp_path):
    figures, processed = tmp_path / "figures", tmp_path / "processed"
    processed.mkdir()
    _tiny_facts().to_csv(processed / "facts.csv", index=False)
    df = pd.DataFrame({"p": ["上海 Shanghai", "Beijing"], "v": [350.0, 250]})
    for name in ("b-chart", "a-chart"):
        charts.save_figure(
            charts.hbar(df, "p", "v"),
            name,
            figures,
            title=f"Title {name}",
            subtitle="bn yuan",
            source="Xinhua",
            finding=f"Finding {name}",
            quotes=[{"article": "a1", "outlet": "Xinhua", "date": "2022-07-08", "quote": "q"}],
        )
    for out in ("one", "two"):
        build_all(figures, processed, tmp_path / out)
    for name in ("facts.csv", "facts.xlsx", "briefing-slides.pptx"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    deck = Presentation(tmp_path / "one" / "briefing-slides.pptx")
    slides = list(deck.slides)
    assert len(slides) == 1 + 2
    assert slides[0].shapes.title.text == "Title a-chart"  # first chart (sorted by name)
    assert [s.shapes.title.text for s in slides[1:]] == ["Finding a-chart", "Finding b-chart"]
    assert all("q" in s.notes_slide.notes_text_frame.text for s in slides[1:])
    chart = next(sh for sh in slides[1].shapes if getattr(sh, "has_chart", False)).chart
    assert list(chart.plots[0].categories) == ["上海 Shanghai", "Beijing"]  # native, editable
    assert list(chart.plots[0].series[0].values) == [350.0, 250.0]
    assert deck.core_properties.created.year == 2000
    wb = load_workbook(tmp_path / "one" / "facts.xlsx")
    assert wb["targets & market"].max_row == 2  # the two articles merged into one claim
    assert wb["patents"].max_row == 2 and wb["all"].max_row == 3
    assert all(ws.freeze_panes == "A2" for ws in wb.worksheets)
    widths = [d.width for d in wb["all"].column_dimensions.values()]
    assert widths and max(widths) <= 60
    table = pd.read_csv(tmp_path / "one" / "facts.csv", encoding="utf-8-sig")
    assert sorted(table["n_sources"]) == [1, 2]
    gallery = (figures / "README.md").read_text(encoding="utf-8")
    assert '<a href="a-chart.png"><img src="a-chart.png"' in gallery
    assert "b-chart-transparent.png" in gallery and "(b-chart.json)" in gallery
    assert not list(tmp_path.rglob("*.tmp"))


def test_slides_and_gallery_follow_the_briefing_not_the_alphabet(tmp_path):
    from briefing.exports.sidecars import read_sidecars

    df = pd.DataFrame({"p": ["a", "b"], "v": [1.0, 2.0]})
    for name, order in (("zz-targets", 2), ("aa-timeline", 6), ("mm-extra", None)):
        fig = charts.hbar(df, "p", "v")
        charts.save_figure(fig, name, tmp_path, title=name, order=order)
    assert [s["name"] for s in read_sidecars(tmp_path)] == ["zz-targets", "aa-timeline", "mm-extra"]
