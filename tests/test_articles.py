"""Specification: load_corpus reads a messy folder, counts each article once, never raises."""

from __future__ import annotations

import codecs
import time
import tracemalloc

import pytest
from fixtures.inputs.builders import SICHUAN_EN, SICHUAN_ZH, problems_of, write

from briefing.articles import (
    Article,
    CorpusDirectoryError,
    InputProblem,
    content_hash,
    detect_language,
    iter_corpus,
    load_corpus,
    write_extracted_texts,
)


def test_missing_folder_raises_a_clear_error(tmp_path) -> None:
    with pytest.raises(CorpusDirectoryError, match="does not exist"):
        load_corpus(tmp_path / "nope")


def test_articles_are_sorted_by_id_and_ids_drop_the_extension(tmp_path) -> None:
    write(tmp_path, "b.txt", "Beta 2 companies.")
    write(tmp_path, "a.md", "Alpha 1 company.")
    write(tmp_path, "c.htm", "<p>Gamma 3 companies.</p>")
    assert [(a.id, a.source_format) for a in load_corpus(tmp_path).articles] == [
        ("a", "md"),
        ("b", "txt"),
        ("c", "html"),
    ]


def test_hidden_files_and_subfolders_are_ignored_silently(tmp_path) -> None:
    write(tmp_path, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(tmp_path, ".draft.txt", "hidden 9 billion")
    (tmp_path / "old").mkdir()
    write(tmp_path / "old", "x.txt", "old 7 billion")
    write(tmp_path, "a.txt", SICHUAN_EN)
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["a"]
    assert [p.file for p in corpus.problems] == ["manifest.csv"]


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"\n\n"])
def test_empty_or_whitespace_files_are_skipped_with_a_reason(tmp_path, content: bytes) -> None:
    write(tmp_path, "blank.txt", content)
    corpus = load_corpus(tmp_path)
    assert corpus.articles == []
    [problem] = problems_of(corpus, "blank.txt")
    assert problem.severity == "skipped"
    assert "Empty file" in problem.reason or "only whitespace" in problem.reason


def test_same_article_under_two_names_is_counted_once(tmp_path) -> None:
    write(tmp_path, "a-copy.txt", SICHUAN_EN)
    write(tmp_path, "b-original.txt", SICHUAN_EN)
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["a-copy"]
    [dup] = problems_of(corpus, "b-original.txt")
    assert dup.severity == "duplicate"
    assert "'a-copy.txt'" in dup.reason


def test_duplicates_differing_in_whitespace_bom_newlines_and_encoding_are_caught(tmp_path) -> None:
    write(tmp_path, "1.txt", SICHUAN_ZH)
    write(tmp_path, "2.txt", codecs.BOM_UTF8 + SICHUAN_ZH.replace("\n", "\r\n").encode())
    write(tmp_path, "3.txt", ("  " + SICHUAN_ZH.replace("\n", "\n\n  ")).encode("gb18030"))
    write(tmp_path, "4.txt", codecs.BOM_UTF16_LE + SICHUAN_ZH.encode("utf-16-le"))
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["1"]
    assert [p.severity for p in corpus.problems if p.file != "manifest.csv"] == ["duplicate"] * 3


def test_different_texts_are_not_duplicates(tmp_path) -> None:
    write(tmp_path, "a.txt", "Sichuan: 250 billion yuan.")
    write(tmp_path, "b.txt", "Sichuan: 150 billion yuan.")
    assert len(load_corpus(tmp_path).articles) == 2


def test_content_hash_ignores_whitespace_layout_only() -> None:
    assert content_hash("a  b\n\nc ") == content_hash("a b c")
    assert content_hash("ab c") != content_hash("a b c")


def test_same_id_from_two_formats_keeps_both_with_unique_ids(tmp_path) -> None:
    write(tmp_path, "a.html", "<p>Html 1 billion.</p>")
    write(tmp_path, "a.txt", "Text 2 billion.")
    corpus = load_corpus(tmp_path)
    assert sorted(a.id for a in corpus.articles) == ["a", "a.txt"]
    [warning] = problems_of(corpus, "a.txt")
    assert "already used by 'a.html'" in warning.reason


def test_files_over_the_size_cap_are_skipped(tmp_path) -> None:
    write(tmp_path, "big.txt", "x" * 2048)
    corpus = load_corpus(tmp_path, max_bytes=1024)
    assert corpus.articles == []
    [problem] = problems_of(corpus, "big.txt")
    assert problem.severity == "skipped"
    assert "size limit" in problem.reason


def test_a_50_mb_article_loads_in_linear_time(tmp_path) -> None:
    paragraph = "Hainan plans 100 billion yuan of metaverse output by 2025.\n" * 1000
    repeats = 50 * 1024 * 1024 // len(paragraph.encode())
    text = "".join(f"Part {i}. {paragraph}" for i in range(repeats))
    write(tmp_path, "huge.txt", text.replace("\n", "\r\n"))
    started = time.perf_counter()
    [article] = load_corpus(tmp_path).articles
    elapsed = time.perf_counter() - started
    assert article.text == text
    assert elapsed < 20, f"took {elapsed:.1f} s"


def test_a_10_mb_single_line_loads(tmp_path) -> None:
    line = "元宇宙 250 billion yuan " * (10 * 1024 * 1024 // 30)
    write(tmp_path, "line.txt", line)
    [article] = load_corpus(tmp_path).articles
    assert len(article.text) == len(line)


def test_a_file_that_makes_the_reader_fail_is_skipped_not_raised(tmp_path, monkeypatch) -> None:
    import briefing.articles as articles

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    write(tmp_path, "a.txt", SICHUAN_EN)
    write(tmp_path, "b.txt", "Fine 3 companies.")
    original = articles._extract
    monkeypatch.setattr(
        articles, "_extract", lambda name, *a: explode() if name == "a.txt" else original(name, *a)
    )
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["b"]
    [problem] = problems_of(corpus, "a.txt")
    assert problem.severity == "skipped"
    assert "RuntimeError" in problem.reason


def test_replacement_characters_mark_the_article_degraded(tmp_path) -> None:
    write(tmp_path, "lossy.txt", "Sichuan plans 250 \ufffd\ufffd yuan.")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1
    [problem] = problems_of(corpus, "lossy.txt")
    assert problem.severity == "degraded"
    assert "2 replacement character(s)" in problem.reason


def test_iter_corpus_streams_the_same_items_load_corpus_collects(tmp_path) -> None:
    write(tmp_path, "a.txt", SICHUAN_EN)
    write(tmp_path, "b.txt", SICHUAN_EN)
    write(tmp_path, "c.png", b"\x89PNG\r\n\x1a\n")
    items = list(iter_corpus(tmp_path))
    corpus = load_corpus(tmp_path)
    assert [i for i in items if isinstance(i, Article)] == corpus.articles
    assert [i for i in items if isinstance(i, InputProblem)] == corpus.problems


def test_iter_corpus_memory_stays_flat_over_many_articles(tmp_path) -> None:
    body = "Article {i}: Sichuan plans {i} billion yuan by 2025. " + "filler " * 2000
    for i in range(150):
        write(tmp_path, f"{i:04d}.txt", body.format(i=i))
    tracemalloc.start()
    count = sum(1 for item in iter_corpus(tmp_path) if isinstance(item, Article))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    total_text = 150 * len(body)
    assert count == 150
    assert peak < total_text / 3, f"peak {peak} bytes for {total_text} bytes of text"


def test_loading_twice_gives_identical_results(tmp_path) -> None:
    write(tmp_path, "a.txt", SICHUAN_EN)
    write(tmp_path, "b.txt", SICHUAN_ZH.encode("gb18030"))
    write(tmp_path, "c.txt", SICHUAN_EN)
    assert load_corpus(tmp_path) == load_corpus(tmp_path)


def test_language_detection() -> None:
    assert detect_language(SICHUAN_ZH) == "zh"
    assert detect_language("Huawei and Tencent said 元宇宙 was the future of the web.") == "en"
    assert detect_language("华为、腾讯和Ant Group宣布成立元宇宙标准化工作组") == "zh"
    assert detect_language("2025 100 %") == "unknown"


def test_extracted_texts_are_written_byte_for_byte_and_not_rewritten(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.html", "<p>Hainan plans 100 billion yuan.</p><p>元宇宙</p>")
    corpus = load_corpus(folder)
    [path] = write_extracted_texts(corpus, tmp_path / "out")
    assert path.name == "a.txt"
    assert path.read_text(encoding="utf-8") == corpus.articles[0].text
    mtime = path.stat().st_mtime_ns
    time.sleep(0.01)
    write_extracted_texts(corpus, tmp_path / "out")
    assert path.stat().st_mtime_ns == mtime


def test_texts_of_removed_articles_leave_the_audit_folder(tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", "Hainan plans 100 billion yuan.")
    write(folder, "b.txt", "Sichuan plans 250 billion yuan.")
    write_extracted_texts(load_corpus(folder), tmp_path / "out")
    (folder / "b.txt").unlink()
    write_extracted_texts(load_corpus(folder), tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt"]
