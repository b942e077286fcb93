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
    expected = [
        "targets",
        "patents",
        "companies & alliances",
        "market",
        "other",
        "all facts",
        "sources",
    ]
    assert wb.sheetnames == expected
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.bold
    facts = pd.read_csv(FIXTURE)
    assert wb["all facts"].max_row - 1 >= 1
    assert wb["all facts"].max_row - 1 <= len(facts)


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
