"""Rerun with new data through the real `briefing build`: charts, summary and caveats follow.

The analyst's promise is "drop an article in, run one command, everything updates". This
builds the whole report (papermill, nbconvert, WeasyPrint skipped for speed) on a copy of the
articles, then again with one new article that brings a new provincial target and a
conflicting patent count, and once more with an article removed, and reads the results where
the analyst would: the chart's sidecar in figures/ and the rendered HTML.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_rerun_e2e import NEW_ID, NEW_MANIFEST_ROW, NEW_TEXT

from briefing.cli import main

pytestmark = pytest.mark.slow
ARTICLES = Path(__file__).parents[1] / "data" / "articles"
CRYPTONOMIST = "2024-01-22-cryptonomist-miit-metaverse-working-group"


def _build(articles: Path, tmp: Path, name: str) -> dict:
    out = tmp / name
    code = main(
        ["build", "--articles", str(articles), "--out", str(out),
         "--processed", str(tmp / f"{name}-processed"), "--formats", "html"]
    )  # fmt: skip
    assert code == 0
    soup = BeautifulSoup((out / "briefing.html").read_text(encoding="utf-8"), "lxml")

    def section(heading: str) -> str:
        h2 = next(h for h in soup.find_all("h2") if h.get_text(strip=True).startswith(heading))
        parts = []
        for sib in h2.find_all_next():
            if sib.name == "h2":
                break
            parts.append(sib.get_text(" ", strip=True))
        return " ".join(parts)

    sidecar = out / "figures" / "targets-by-province.json"  # absent when no target is left to chart
    return {
        "targets": json.loads(sidecar.read_text(encoding="utf-8"))
        if sidecar.exists()
        else {"title": "", "quotes": []},
        "summary": section("Summary"),
        "caveats": section("Caveats"),
    }


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("rerun-build")
    base = tmp / "articles"
    shutil.copytree(ARTICLES, base)
    before = _build(base, tmp, "before")
    (base / f"{NEW_ID}.txt").write_text(NEW_TEXT, encoding="utf-8")
    with (base / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write(NEW_MANIFEST_ROW)
    added = _build(base, tmp, "added")
    (base / f"{NEW_ID}.txt").unlink()
    (base / f"{CRYPTONOMIST}.txt").unlink()
    removed = _build(base, tmp, "removed")
    return {"before": before, "added": added, "removed": removed}


def test_new_target_tops_the_targets_chart(builds: dict) -> None:
    assert "Zhejiang" not in builds["before"]["targets"]["title"]
    assert "Zhejiang" in builds["added"]["targets"]["title"]
    assert any("400 billion yuan" in q["quote"] for q in builds["added"]["targets"]["quotes"])


def test_summary_text_changes_with_the_new_article(builds: dict) -> None:
    assert "Zhejiang" not in builds["before"]["summary"]
    assert "Zhejiang" in builds["added"]["summary"]
    assert "6 articles" in builds["added"]["summary"]


def test_conflicting_patent_count_appears_in_the_caveats(builds: dict) -> None:
    assert "16,800" not in builds["before"]["caveats"]
    assert "16,800" in builds["added"]["caveats"]


def test_removed_article_takes_its_figures_with_it(builds: dict) -> None:
    assert "Sichuan" in builds["before"]["summary"]
    assert "Sichuan" not in builds["removed"]["summary"]
    quotes = " ".join(q["quote"] for q in builds["removed"]["targets"].get("quotes", []))
    assert "250 billion yuan" not in quotes
