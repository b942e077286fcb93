"""Specification: HTML, Markdown and PDF articles reach the extractors as plain prose."""

from __future__ import annotations

import datetime as dt

from fixtures.inputs.builders import PNG_BYTES, minimal_pdf, problems_of, write

from briefing.articles import load_corpus
from briefing.inputs.formats import html_to_text, markdown_to_text
from briefing.inputs.sniff import binary_kind

PAGE = """<!doctype html>
<html><head><title>Hainan bets on the metaverse | Example News</title>
<meta property="article:published_time" content="2023-05-04T08:00:00Z">
<style>p { color: red } /* 999 billion */</style>
<script>var budget = "777 billion yuan";</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/markets">Markets 123</a></nav></header>
<article>
  <header><h1>Hainan bets on the metaverse</h1></header>
  <p>Hainan plans   100 billion
     yuan of <b>metaverse</b> output by 2025.</p>
  <!-- 555 billion yuan in a comment -->
  <ul><li>First item</li><li>Second item</li></ul>
  <table><tr><td>Sichuan</td><td>250 billion yuan</td></tr></table>
  <noscript>Enable JavaScript</noscript>
  <form><input value="42"><button>Subscribe 4</button></form>
  <iframe src="https://ads.example"></iframe>
</article>
<aside>Related: 888 billion</aside>
<footer>Copyright 2023 Example News</footer>
</body></html>"""


def test_html_keeps_headline_paragraphs_list_items_and_cells_as_blocks() -> None:
    text = html_to_text(PAGE).text
    assert text.split("\n\n") == [
        "Hainan bets on the metaverse",
        "Hainan plans 100 billion yuan of metaverse output by 2025.",
        "First item",
        "Second item",
        "Sichuan 250 billion yuan",
    ]


def test_html_drops_scripts_styles_navigation_asides_footers_forms_and_comments() -> None:
    text = html_to_text(PAGE).text
    for furniture in ("777", "999", "Markets", "555", "888", "Copyright", "Enable", "42", "4"):
        assert furniture not in text.replace("2025", "")


def test_html_head_supplies_title_and_date_when_the_manifest_does_not(tmp_path) -> None:
    write(tmp_path, "hainan.html", PAGE)
    [article] = load_corpus(tmp_path).articles
    assert article.source_format == "html"
    assert article.meta.title == "Hainan bets on the metaverse | Example News"
    assert article.meta.published == dt.date(2023, 5, 4)
    assert article.meta.date_precision == "day"
    assert article.text.startswith("Hainan bets on the metaverse\n\nHainan plans 100 billion")


def test_html_entities_become_characters_not_markup() -> None:
    text = html_to_text("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &#20803;</p>").text
    assert text == "<script>alert(1)</script> & 5 元"


def test_html_with_only_markup_is_skipped(tmp_path) -> None:
    write(tmp_path, "empty.html", "<html><body><nav>Home</nav><script>x=1</script></body></html>")
    corpus = load_corpus(tmp_path)
    assert corpus.articles == []
    [problem] = problems_of(corpus, "empty.html")
    assert problem.severity == "skipped"
    assert "no article text" in problem.reason


MARKDOWN = """# Sichuan's **metaverse** plan

Sichuan aims for *250 billion* yuan by 2025, see [the plan](https://example.com/plan).
![chart 999](chart.png)

```python
budget = 777
```

- Shandong: 150 billion yuan
- Shanghai: `350 billion` yuan

| province | target |
|---|---|
| Henan | 30 billion |

<div>raw 555</div>
"""


def test_markdown_is_stripped_to_prose_that_keeps_link_text() -> None:
    assert markdown_to_text(MARKDOWN).split("\n\n") == [
        "Sichuan's metaverse plan",
        "Sichuan aims for 250 billion yuan by 2025, see the plan.",
        "Shandong: 150 billion yuan",
        "Shanghai: 350 billion yuan",
        "province: Henan; target: 30 billion.",  # a table row, its cells named by the header
    ]


def test_markdown_file_loads_with_md_format_and_no_images_or_code(tmp_path) -> None:
    write(tmp_path, "plan.markdown", MARKDOWN)
    [article] = load_corpus(tmp_path).articles
    assert article.source_format == "md"
    assert article.id == "plan"
    for dropped in ("999", "777", "555", "https://", "**", "`"):
        assert dropped not in article.text


def test_pdf_with_text_layer_is_read(tmp_path) -> None:
    write(tmp_path, "report.pdf", minimal_pdf(["Hainan plans 100 billion yuan by 2025."]))
    corpus = load_corpus(tmp_path)
    [article] = corpus.articles
    assert article.source_format == "pdf"
    assert article.text == "Hainan plans 100 billion yuan by 2025."
    assert [p for p in corpus.problems if p.severity != "warning"] == []


def test_pdf_pages_without_text_are_reported_as_degraded(tmp_path) -> None:
    write(tmp_path, "mixed.pdf", minimal_pdf(["Page one 5 billion.", None, "Page three."]))
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].text == "Page one 5 billion.\n\nPage three."
    [degraded] = [p for p in corpus.problems if p.severity == "degraded"]
    assert degraded.reason.startswith("1 of 3 PDF pages have no text layer")


def test_pdf_without_text_layer_is_skipped(tmp_path) -> None:
    write(tmp_path, "scan.pdf", minimal_pdf([None]))
    corpus = load_corpus(tmp_path)
    assert corpus.articles == []
    [problem] = problems_of(corpus, "scan.pdf")
    assert "no text layer" in problem.reason


def test_broken_pdf_is_skipped_not_raised(tmp_path) -> None:
    write(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    corpus = load_corpus(tmp_path)
    assert corpus.articles == []
    assert [p.severity for p in problems_of(corpus, "broken.pdf")] == ["skipped"]


def test_file_named_pdf_that_is_not_a_pdf_is_skipped(tmp_path) -> None:
    write(tmp_path, "fake.pdf", "just text")
    corpus = load_corpus(tmp_path)
    assert corpus.articles == []
    [problem] = problems_of(corpus, "fake.pdf")
    assert "not a PDF" in problem.reason


def test_png_renamed_to_txt_is_skipped_as_binary(tmp_path) -> None:
    write(tmp_path, "photo.txt", PNG_BYTES + bytes(range(256)))
    corpus = load_corpus(tmp_path)
    assert corpus.articles == []
    [problem] = problems_of(corpus, "photo.txt")
    assert problem.reason == "binary file (PNG image), not an article."


def test_png_with_its_own_extension_is_named_as_a_png(tmp_path) -> None:
    write(tmp_path, "chart.png", PNG_BYTES)
    [problem] = problems_of(load_corpus(tmp_path), "chart.png")
    assert (problem.file, problem.severity) == ("chart.png", "skipped")
    assert problem.reason == "binary file (PNG image), not an article."


def test_docx_is_skipped_as_office_document(tmp_path) -> None:
    write(tmp_path, "memo.docx", b"PK\x03\x04" + b"\x14\x00" * 20)
    [problem] = problems_of(load_corpus(tmp_path), "memo.docx")
    assert "ZIP archive or Office document" in problem.reason


def test_unknown_extension_with_text_is_skipped_as_unsupported(tmp_path) -> None:
    write(tmp_path, "data.json", '{"a": 1}')
    [problem] = problems_of(load_corpus(tmp_path), "data.json")
    assert problem.severity == "skipped"
    assert "Unsupported file type '.json'" in problem.reason


def test_nul_bytes_without_known_magic_mean_binary() -> None:
    assert binary_kind(b"abc\x00\x01\x02\xff\xfe\x00\x10" * 10) is not None
    assert binary_kind(b"MZ Group said 5 companies joined.") is None


def test_markdown_front_matter_is_metadata_not_text(tmp_path) -> None:
    write(
        tmp_path,
        "clip.md",
        "---\ntitle: 'Shandong: 150 billion'\ndate: 2024-01-22\nurl: https://ex.com/s\n---\n"
        "# Shandong\n\nShandong projects 150 billion yuan by 2025.\n",
    )
    [article] = load_corpus(tmp_path).articles
    assert article.text == "Shandong\n\nShandong projects 150 billion yuan by 2025."
    assert article.meta.title == "Shandong: 150 billion"
    assert article.meta.published == dt.date(2024, 1, 22)
    assert article.meta.url == "https://ex.com/s"


def test_html_line_breaks_survive_inside_a_paragraph() -> None:
    assert html_to_text("<p>Line one<br>line   two</p>").text == "Line one\nline two"


def test_a_table_with_a_header_row_reads_as_labelled_lines_with_the_header_s_unit() -> None:
    page = (
        "<article><p>Targets:</p><table><thead><tr><th>Region</th><th>Target (yuan)</th>"
        "<th>Year</th></tr></thead><tr><td>Shanghai</td><td>350 billion</td><td>2025</td></tr>"
        "<tr><td>浙江</td><td>5000</td><td>2025</td></tr></table></article>"
    )
    text = html_to_text(page).text
    assert "Region: Shanghai; Target: 350 billion yuan; Year: 2025." in text.split("\n\n")
    assert "Region: 浙江; Target: 5000 yuan; Year: 2025." in text.split("\n\n")


def test_a_markdown_table_reads_the_same_way_and_chinese_units_are_glued() -> None:
    text = markdown_to_text(
        "| 地区 | 规模（亿元） | 占比 (%) |\n|---|---|---|\n| 湖北 | 2000 | 12.5 |\n"
    )
    assert text == "地区: 湖北; 规模: 2000亿元; 占比: 12.5%."


def test_a_table_without_header_cells_keeps_its_cells_as_text() -> None:
    text = html_to_text("<table><tr><td>Sichuan</td><td>250 billion yuan</td></tr></table>").text
    assert text == "Sichuan 250 billion yuan"
