"""Specification: the manifest fills metadata, and its mistakes are warnings, never crashes."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

from fixtures.inputs.builders import MANIFEST_HEADER, SICHUAN_EN, problems_of, write, write_manifest

from briefing.articles import load_corpus
from briefing.inputs.manifest import parse_date


def _one_article(tmp_path, *rows: str, header: str = MANIFEST_HEADER):
    write(tmp_path, "a.txt", SICHUAN_EN)
    write_manifest(tmp_path, *rows, header=header)
    corpus = load_corpus(tmp_path)
    return corpus.articles[0], problems_of(corpus, "manifest.csv"), corpus


def test_manifest_row_fills_every_metadata_field(tmp_path) -> None:
    article, warnings, corpus = _one_article(
        tmp_path,
        'a.txt,"Sichuan, Shandong targets",The Outlet,A. Writer,2024-01-22,approximate,en,'
        "https://example.com/a,seed1,a note",
    )
    meta = article.meta
    assert (meta.title, meta.outlet, meta.author) == (
        "Sichuan, Shandong targets",
        "The Outlet",
        "A. Writer",
    )
    assert meta.published == dt.date(2024, 1, 22)
    assert (meta.date_precision, meta.language, meta.url, meta.file) == (
        "approximate",
        "en",
        "https://example.com/a",
        "a.txt",
    )
    assert warnings == []
    assert corpus.problems == []


def test_the_manifest_itself_is_not_an_article(tmp_path) -> None:
    _article, _, corpus = _one_article(tmp_path, "a.txt,T,O,,2024-01-22,day,en,,,")
    assert [a.id for a in corpus.articles] == ["a"]


def test_article_without_manifest_row_loads_with_unknown_metadata_and_a_warning(tmp_path) -> None:
    write(tmp_path, "b.txt", "Other article, 5 companies.")
    _article, _, corpus = _one_article(tmp_path, "a.txt,T,O,,2024-01-22,day,en,,,")
    other = next(a for a in corpus.articles if a.id == "b")
    assert other.meta.title is None
    assert other.meta.published is None
    assert other.meta.date_precision == "unknown"
    assert other.meta.language == "en"  # detected from the text
    [warning] = problems_of(corpus, "b.txt")
    assert warning.severity == "warning"
    assert "No manifest row" in warning.reason


def test_missing_manifest_is_one_warning_and_articles_still_load(tmp_path) -> None:
    write(tmp_path, "a.txt", SICHUAN_EN)
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["a"]
    assert [(p.file, p.severity) for p in corpus.problems] == [("manifest.csv", "warning")]
    assert "missing" in corpus.problems[0].reason


def test_malformed_date_keeps_the_row_with_unknown_date(tmp_path) -> None:
    article, warnings, _ = _one_article(tmp_path, "a.txt,Kept title,O,,22/01/2024,day,en,,,")
    assert article.meta.title == "Kept title"
    assert article.meta.published is None
    assert article.meta.date_precision == "unknown"
    [warning] = warnings
    assert "unreadable date '22/01/2024'" in warning.reason


def test_impossible_calendar_date_is_malformed(tmp_path) -> None:
    article, warnings, _ = _one_article(tmp_path, "a.txt,T,O,,2024-02-30,day,en,,,")
    assert article.meta.published is None
    assert len(warnings) == 1


def test_unknown_columns_are_ignored_with_a_warning(tmp_path) -> None:
    article, warnings, _ = _one_article(
        tmp_path, "a.txt,T,O,2024-01-22,secret", header="file,title,outlet,published,sentiment"
    )
    assert article.meta.title == "T"
    assert article.meta.published == dt.date(2024, 1, 22)
    assert article.meta.date_precision == "day"  # implied by the full date
    [warning] = warnings
    assert "unknown column(s) 'sentiment'" in warning.reason


def test_rows_for_missing_files_are_warnings(tmp_path) -> None:
    _, warnings, _ = _one_article(
        tmp_path, "a.txt,T,O,,2024-01-22,day,en,,,", "gone.txt,G,O,,2024-01-22,day,en,,,"
    )
    [warning] = warnings
    assert "'gone.txt', which is not in the folder" in warning.reason


def test_manifest_with_bom_and_crlf_is_read(tmp_path) -> None:
    write(tmp_path, "a.txt", SICHUAN_EN)
    text = f"{MANIFEST_HEADER}\r\na.txt,BOM title,O,,2024-01-22,day,en,,,\r\n"
    write(tmp_path, "manifest.csv", codecs.BOM_UTF8 + text.encode("utf-8"))
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].meta.title == "BOM title"
    assert corpus.problems == []


def test_manifest_in_gb18030_is_read(tmp_path) -> None:
    write(tmp_path, "a.txt", SICHUAN_EN)
    text = f"{MANIFEST_HEADER}\na.txt,四川元宇宙计划,四川日报,,2024-01-22,day,zh,,,\n"
    write(tmp_path, "manifest.csv", text.encode("gb18030"))
    meta = load_corpus(tmp_path).articles[0].meta
    assert (meta.title, meta.outlet, meta.language) == ("四川元宇宙计划", "四川日报", "zh")


def test_manifest_without_file_column_is_ignored_with_a_warning(tmp_path) -> None:
    _, warnings, corpus = _one_article(tmp_path, "a.txt,T", header="name,title")
    assert corpus.articles[0].meta.title is None
    assert "no 'file' column" in warnings[0].reason


def test_repeated_row_keeps_the_first(tmp_path) -> None:
    article, warnings, _ = _one_article(tmp_path, "a.txt,First,O,,,,,,,", "a.txt,Second,O,,,,,,,")
    assert article.meta.title == "First"
    assert "repeats 'a.txt'" in warnings[0].reason


def test_unknown_precision_and_language_fall_back_with_warnings(tmp_path) -> None:
    article, warnings, _ = _one_article(tmp_path, "a.txt,T,O,,2024-01,weekly,klingon,,,")
    assert article.meta.published == dt.date(2024, 1, 1)
    assert article.meta.date_precision == "month"
    assert article.meta.language == "en"
    assert len(warnings) == 2


def test_dates_parse_to_the_precision_they_imply() -> None:
    assert parse_date("2024-01-22") == (dt.date(2024, 1, 22), "day")
    assert parse_date("2024-01-22T08:00:00Z") == (dt.date(2024, 1, 22), "day")
    assert parse_date("2024-01") == (dt.date(2024, 1, 1), "month")
    assert parse_date("2024") == (dt.date(2024, 1, 1), "year")
    assert parse_date("Jan 2024") == (None, None)
    assert parse_date("") == (None, None)


def test_the_real_manifest_covers_every_seed_article_without_problems() -> None:
    corpus = load_corpus(Path(__file__).parents[1] / "data" / "articles")
    assert len(corpus.articles) == 5
    assert corpus.problems == []
    assert all(a.meta.published is not None and a.meta.title for a in corpus.articles)


def test_rows_match_by_base_name_and_unicode_normal_form(tmp_path) -> None:
    write(tmp_path, "caf\u00e9.txt", SICHUAN_EN)  # NFC on disk
    write(tmp_path, "b.txt", "Another 3 companies.")
    write_manifest(
        tmp_path,
        "cafe\u0301.txt,Decomposed name,O,,2024-01-22,day,en,,,",  # NFD in the manifest
        "data/articles/b.txt,Pathed name,O,,2024-01-22,day,en,,,",
    )
    corpus = load_corpus(tmp_path)
    assert [a.meta.title for a in corpus.articles] == ["Pathed name", "Decomposed name"]
    assert corpus.problems == []


def test_an_article_without_a_manifest_row_takes_its_date_from_its_file_name(tmp_path):
    from briefing.articles import load_corpus

    (tmp_path / "2024-03-05-wuhan-plan.txt").write_text("Wuhan aims for 200 billion yuan.")
    (tmp_path / "undated-note.txt").write_text("Wuhan aims for 200 billion yuan.\n\nMore.")
    metas = {a.id: a.meta for a in load_corpus(tmp_path).articles}
    dated = metas["2024-03-05-wuhan-plan"]
    assert (dated.published.isoformat(), dated.date_precision) == ("2024-03-05", "day")
    assert metas["undated-note"].published is None
