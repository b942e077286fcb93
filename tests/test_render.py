"""The HTML page is self-contained and clean; the PDF has A4 pages numbered 'page X of Y'."""

import io
import re

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from briefing.render.html import render_html


def _executed(tmp_path):
    code = new_code_cell("print('x')", execution_count=3)
    code.outputs = [
        new_output("stream", name="stdout", text="visible result\n"),
        new_output("stream", name="stderr", text="DeprecationWarning: noisy\n"),
    ]
    nb = new_notebook(
        cells=[
            new_markdown_cell("## Targets\n\n### 上海 plans"),
            code,
            new_markdown_cell("## Targets"),
        ]
    )
    path = tmp_path / "01.ipynb"
    nbformat.write(nb, path)
    return path


def test_page_has_no_external_resource_code_prompt_or_stderr(tmp_path):
    page = render_html([_executed(tmp_path)], title="T <b>", as_of="2024-01-01", n_sources=5)
    assert "<script" not in page.lower()
    assert not re.search(r'<link[^>]+href="https?:', page)
    for host in ("cdn", "unpkg", "jsdelivr", "mathjax", "require.js", "mermaid"):
        assert host not in page.lower()
    assert "print('x')" not in page and "In&nbsp;[" not in page and "In [3]" not in page
    assert "visible result" in page and "noisy" not in page
    assert "T &lt;b&gt;" in page and "5 sources" in page and "2024-01-01" in page


def test_toc_links_land_on_unique_heading_anchors(tmp_path):
    page = render_html([_executed(tmp_path)], title="T", as_of="", n_sources=1)
    targets = re.findall(r'<nav class="toc">.*?</nav>', page, re.S)[0]
    hrefs = re.findall(r'href="#([^"]+)"', targets)
    assert len(hrefs) == 3 and len(set(hrefs)) == 3
    for anchor in hrefs:
        assert f'id="{anchor}"' in page


def test_pdf_is_a4_with_page_numbers_and_cjk(tmp_path):
    from pypdf import PdfReader

    from briefing.render.pdf import render_pdf

    page = render_html([_executed(tmp_path)], title="Briefing", as_of="", n_sources=1)
    target = tmp_path / "b.pdf"
    render_pdf(page, target)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    first = reader.pages[0]
    assert round(float(first.mediabox.width)) == 595  # A4 in points
    n = len(reader.pages)
    for number, pdf_page in enumerate(reader.pages, start=1):
        assert f"page {number} of {n}" in pdf_page.extract_text().lower()
    assert "上海" in "".join(p.extract_text() for p in reader.pages)


def test_setup_gave_weasyprint_the_fast_font_subsetter():
    """`make setup` installs libharfbuzz-subset0; without it a render takes ~100 s, not ~7 s."""
    from briefing.render.pdf import fast_font_subsetting

    assert fast_font_subsetting()


def test_links_to_quotes_the_appendix_does_not_list_lose_their_href():
    from briefing.render.html import unlink_missing

    body = (
        '<p><a class="fact" href="#fact-a" title="q">1</a>'
        '<a class="fact" href="#fact-b" title="q">2</a></p>'
        '<table><tr id="fact-a"><td>quote</td></tr></table>'
    )
    out = unlink_missing(body)
    assert '<a class="fact" href="#fact-a" title="q">1</a>' in out
    assert '<a class="fact" title="q">2</a>' in out


def test_active_markup_is_removed_and_the_briefings_own_kept():
    from briefing.render.html import neutralise

    hostile = (
        '<p onclick="alert(1)">text<script>alert(2)</script></p>'
        '<a href="javascript:alert(3)">x</a><iframe src="https://x"></iframe>'
        '<form action="https://x"><input name="q"></form><img src=x onerror="alert(4)">'
        '<svg onload="alert(5)"></svg><style>body{}</style>'
    )
    out = neutralise(hostile).lower()
    for bad in ("script", "onclick", "onerror", "onload", "javascript:", "iframe", "<form",
                "<input", "<svg", "<style", "alert(2)"):  # fmt: skip
        assert bad not in out, bad
    assert "text" in out
    own = (
        '<a class="fact" href="#fact-a" title="the quote">1</a>'
        '<table><colgroup><col style="width:10.4%"></colgroup></table>'
        '<img alt="chart" src="data:image/svg+xml;base64,PHN2Zz4=">'
        '<span class="fn">quote</span><h2 id="summary">Summary</h2>'
    )
    kept = neutralise(own)
    assert '<a class="fact" href="#fact-a" title="the quote">1</a>' in kept
    assert 'style="width:10.4%"' in kept
    assert 'src="data:image/svg+xml;base64,PHN2Zz4="' in kept
    assert '<span class="fn">quote</span>' in kept and 'id="summary"' in kept


def test_the_title_is_escaped_by_the_template(tmp_path):
    page = render_html(
        [_executed(tmp_path)], title="<script>x</script> & co", as_of="<b>", n_sources=2
    )
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt; &amp; co" in page
    assert "As of &lt;b&gt;" in page
