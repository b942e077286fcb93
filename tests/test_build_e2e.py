"""The real briefing, end to end: five articles in, a self-contained HTML and a numbered PDF out."""

import io
import re
from pathlib import Path

import pytest

from briefing.cli import main

REPO = Path(__file__).parents[1]


@pytest.mark.slow
def test_real_report_builds_offline_html_and_numbered_pdf(tmp_path):
    out = tmp_path / "report"
    code = main(
        ["build", "--articles", str(REPO / "data" / "articles"), "--out", str(out),
         "--processed", str(tmp_path / "processed"), "--formats", "html,pdf"]
    )  # fmt: skip
    assert code == 0
    page = (out / "briefing.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert '<nav class="toc">' in page
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO((out / "briefing.pdf").read_bytes()))
    n = len(reader.pages)
    assert n >= 2
    assert f"page {n} of {n}" in reader.pages[-1].extract_text().lower()
    # same inputs, same page: a second build from scratch (no reuse) gives the same bytes
    again = tmp_path / "again"
    code = main(
        ["build", "--articles", str(REPO / "data" / "articles"), "--out", str(again),
         "--processed", str(tmp_path / "processed"), "--formats", "html"]
    )  # fmt: skip
    assert code == 0
    assert (again / "briefing.html").read_bytes() == (out / "briefing.html").read_bytes()
