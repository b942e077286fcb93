"""Analyst corrections end to end: the real notebooks, deck and tables use the corrected
figures, an excluded one is gone everywhere, and the corrections survive an added article."""

import shutil
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation

from briefing.cli import main

REPO = Path(__file__).parents[1]
ARTICLE = "2024-01-22-cryptonomist-miit-metaverse-working-group"
NEW = "2024-02-01-shanghai-target"
HEADER = "article,quote,occurrence,field,value,unit,entity,year,measure,note,by,date\n"


def _slide_text(path: Path, containing: str) -> str:
    """The text and speaker notes of the deck's slide whose text holds `containing`."""
    for slide in Presentation(path).slides:
        text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        if containing in text:
            return text + " " + slide.notes_slide.notes_text_frame.text
    return ""


@pytest.mark.slow
def test_corrections_reach_report_deck_and_tables_and_survive_an_added_article(tmp_path, capsys):
    articles = tmp_path / "articles"
    shutil.copytree(REPO / "data" / "articles", articles)
    corrections = tmp_path / "corrections.csv"
    corrections.write_text(
        HEADER + f"{ARTICLE},150 billion yuan,,entity,Henan,,,,,plan is Henan's,ana,2024-05-01\n"
        f"{ARTICLE},250 billion yuan,,exclude,,,,,,checked: not a target,ana,2024-05-01\n",
        encoding="utf-8",
    )
    out = tmp_path / "report"
    args = ["build", "--articles", str(articles), "--out", str(out), "--processed",
            str(tmp_path / "processed"), "--formats", "html,slides,tables",
            "--corrections", str(corrections)]  # fmt: skip
    assert main(args) == 0
    page = (out / "briefing.html").read_text(encoding="utf-8")
    assert "entity corrected by analyst: Henan (extracted: Shandong)" in page
    claims = pd.read_csv(out / "facts.csv", encoding="utf-8-sig")
    targets = claims[claims["measure"] == "market_size_target"]
    assert "Henan" in set(targets["entity"]) and "Shandong" not in set(targets["entity"])
    assert "Sichuan" not in set(targets["entity"])  # excluded: gone from the tables
    slide = _slide_text(out / "briefing-slides.pptx", "target is the largest")
    assert "Henan's target is the largest" in slide
    assert "Sichuan" not in slide and "250 billion" not in slide
    chart = (out / "figures" / "targets-by-province.json").read_text(encoding="utf-8")
    assert "Henan" in chart and "Sichuan" not in chart

    # a new article, a figure the extractor missed in it, and a correction gone stale
    (articles / f"{NEW}.txt").write_text(
        "Shanghai set a 350-billion-yuan metaverse industry target for 2025, the city said.\n",
        encoding="utf-8",
    )
    with corrections.open("a", encoding="utf-8") as f:
        f.write(f"{NEW},350-billion-yuan,,add,350000000000,CNY,Shanghai,2025,market_size_target,"
                "missed by the extractor,ana,2024-05-02\n"
                f"{ARTICLE},999 billion yuan,,year,2030,,,,,,ana,2024-05-02\n")  # fmt: skip
    capsys.readouterr()
    assert main(args) == 0
    assert "stale correction row 5" in capsys.readouterr().err
    claims = pd.read_csv(out / "facts.csv", encoding="utf-8-sig")
    targets = claims[claims["measure"] == "market_size_target"]
    assert {"Henan", "Shanghai"} <= set(targets["entity"]) and "Sichuan" not in set(
        targets["entity"]
    )
    page = (out / "briefing.html").read_text(encoding="utf-8")
    assert "figure added by analyst" in page
    method = page.split("Analyst corrections", 1)[1]
    assert "999 billion yuan" in method and "no longer in the article" in method
