"""Untrusted text, end to end: hostile article text and manifest fields never become markup.

Article bodies, titles and manifest fields reach the report's HTML, its PDF, the charts and
the deck. This test plants script tags, event handlers, javascript: links, Markdown and LaTeX
specials and an enormous word in an article and in its manifest row, builds the real report,
parses the HTML and checks that every one of them is inert text.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from briefing.cli import main

REPO = Path(__file__).parents[1]
HOSTILE_TITLE = "<script>alert('title')</script> <img src=x onerror=alert(1)>"
HOSTILE_OUTLET = '<a href="javascript:alert(2)">Evil Daily</a> $\\frac{1}{0}$ **bold**'
LONG_WORD = "metaverse" * 400
HOSTILE_BODY = f"""Hostile province plans a metaverse push <script>alert('body')</script>

Sichuan's neighbour <img src=x onerror=alert(3)> aims for a metaverse industry worth
400 billion yuan by 2026, according to a plan published this year.
More than 120 companies <b onmouseover=alert(4)>joined</b> the [alliance](javascript:alert(5)),
which counts 30% of China's metaverse patents; \\textbf{{LaTeX}} & $math$ # % _ ^ ~ {{}}.
{LONG_WORD}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    articles = tmp / "articles"
    shutil.copytree(REPO / "data" / "articles", articles)
    (articles / "2024-02-01-hostile.txt").write_text(HOSTILE_BODY, encoding="utf-8")
    with (articles / "manifest.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(
            ["2024-02-01-hostile.txt", HOSTILE_TITLE, HOSTILE_OUTLET, "", "2024-02-01", "day",
             "en", "javascript:alert(6)", "", ""]
        )  # fmt: skip
    out = tmp / "report"
    code = main(
        ["build", "--articles", str(articles), "--out", str(out),
         "--processed", str(tmp / "processed"), "--formats", "html,pdf"]
    )  # fmt: skip
    assert code == 0
    return out


@pytest.mark.slow
def test_no_hostile_string_becomes_markup(built: Path) -> None:
    page = (built / "briefing.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "lxml")
    assert soup.find_all("script") == []  # the renderer itself adds none
    assert soup.find_all("img", src="x") == []
    for tag in soup.find_all(True):
        handlers = [a for a in tag.attrs if a.lower().startswith("on")]
        assert handlers == [], f"<{tag.name}> has {handlers}"
        for attr in ("href", "src"):
            value = str(tag.get(attr, ""))
            assert not value.strip().lower().startswith("javascript:"), f"<{tag.name} {attr}>"
    assert soup.find("b", string="joined") is None


@pytest.mark.slow
def test_hostile_strings_are_shown_as_text(built: Path) -> None:
    text = BeautifulSoup((built / "briefing.html").read_text(encoding="utf-8"), "lxml").get_text()
    assert "Evil Daily" in text  # the outlet is listed among the sources, as text
    assert "400 billion yuan" in text  # its figure made it into the report


@pytest.mark.slow
def test_pdf_still_builds_with_hostile_input(built: Path) -> None:
    pdf = (built / "briefing.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
