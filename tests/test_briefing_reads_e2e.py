"""The briefing as an analyst reads it, on the seeds plus ten more articles: a short PDF whose
first page is the briefing in brief, each quote printed once as a note, numbers for people."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest

from briefing.cli import main

REPO = Path(__file__).parents[1]
SEEDS = REPO / "data" / "articles"
GOLD = REPO / "tests" / "fixtures" / "gold"
#: Page budgets of issue 14 for a 15-article folder.
BODY_PAGES, TOTAL_PAGES = 8, 16


def _fifteen(folder: Path) -> Path:
    """The five seeds and ten gold articles (first ten by name), with their manifest rows."""
    folder.mkdir()
    rows = list(csv.DictReader((SEEDS / "manifest.csv").open(encoding="utf-8")))
    for path in SEEDS.iterdir():
        if path.name != "manifest.csv":
            shutil.copy(path, folder / path.name)
    extra = sorted(p for p in GOLD.glob("*/articles/*") if p.is_file())[:10]
    assert len(extra) == 10, "the gold set provides the ten extra articles"
    gold_rows = {
        r["file"]: r
        for m in GOLD.glob("*/manifest.csv")
        for r in csv.DictReader(m.open(encoding="utf-8"))
    }
    for path in extra:
        shutil.copy(path, folder / path.name)
        if path.name in gold_rows:
            rows.append({k: gold_rows[path.name].get(k, "") for k in rows[0]})
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("reads")
    articles = _fifteen(root / "articles")
    out = root / "report"
    code = main(
        ["build", "--articles", str(articles), "--out", str(out),
         "--processed", str(root / "processed"), "--formats", "html,pdf"]
    )  # fmt: skip
    assert code == 0
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO((out / "briefing.pdf").read_bytes()))
    return [page.extract_text() or "" for page in reader.pages]


@pytest.mark.slow
def test_fifteen_articles_fit_the_page_budget(pdf_pages):
    assert len(pdf_pages) <= TOTAL_PAGES
    # "Sources and method" opens the reference part: everything before it is the body
    starts = [i for i, text in enumerate(pdf_pages[1:], start=2) if "Sources and method\n" in text]
    assert starts, "the sources section has a heading of its own"
    assert starts[0] - 1 <= BODY_PAGES


@pytest.mark.slow
def test_page_one_is_the_briefing_in_brief(pdf_pages):
    first = pdf_pages[0]
    assert "Summary" in first
    assert re.search(r"¥\d[\d.]*(bn|tn)", first), "the largest target, compactly written"
    assert re.search(r"\d%", first), "a share or growth rate"
    assert "articles were read" in first


@pytest.mark.slow
def test_no_quote_is_printed_more_than_twice(pdf_pages):
    text = re.sub(r"\s+", " ", " ".join(pdf_pages))
    quotes = re.findall(r"“([^”]{40,}?)”", text)
    assert quotes
    for quote in set(quotes):
        assert text.count(quote[:60]) <= 2, quote[:60]  # a note, and the annex


@pytest.mark.slow
def test_no_number_is_written_out_to_the_unit_and_no_money_has_cents(pdf_pages):
    # the articles' own words (quotes, in notes and the annex) are printed as written
    text = re.sub(r"\s+", " ", " ".join(pdf_pages))
    text = re.sub(r"“[^”]*”", "", text)
    assert not re.search(r"\d{1,3}(,\d{3}){3,}", text), "four or more digit groups"
    assert not re.search(r"[$¥€£]\s?[\d,]+\.\d\d\b(?!\s?(bn|tn|m)\b)", text), "money with cents"
