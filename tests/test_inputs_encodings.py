"""Specification: every encoding our sources use decodes to the same text, and says which."""

from __future__ import annotations

import codecs

import pytest
from fixtures.inputs.builders import SICHUAN_EN, SICHUAN_ZH, write
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.articles import load_corpus
from briefing.inputs.decoding import decode_bytes, normalise_newlines

CP1252_TEXT = "The café’s “metaverse” plan costs €5 million — naïve résumé.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SICHUAN_EN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SICHUAN_EN.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SICHUAN_EN.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SICHUAN_EN.encode("utf-16-be"), "utf-16"),
        (SICHUAN_EN.encode("utf-16-le"), "utf-16-le"),
        (SICHUAN_EN.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom"],
)
def test_unicode_encodings_decode_to_the_same_english_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded is not None
    assert decoded.text == SICHUAN_EN
    assert decoded.encoding == encoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SICHUAN_ZH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + SICHUAN_ZH.encode("utf-16-le"), "utf-16"),
        (SICHUAN_ZH.encode("utf-16-le"), "utf-16-le"),
        (SICHUAN_ZH.encode("gb18030"), "gb18030"),
        (SICHUAN_ZH.encode("gbk"), "gb18030"),
        (SICHUAN_ZH.encode("gb2312"), "gb18030"),
    ],
    ids=["utf8", "utf16-bom", "utf16le-nobom", "gb18030", "gbk", "gb2312"],
)
def test_chinese_encodings_decode_to_the_same_chinese_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded is not None
    assert decoded.text == SICHUAN_ZH
    assert decoded.encoding == encoding
    assert not decoded.guessed


def test_windows_1252_with_curly_quotes_is_not_mistaken_for_chinese() -> None:
    decoded = decode_bytes((CP1252_TEXT * 3).encode("cp1252"))
    assert decoded is not None
    assert decoded.encoding == "cp1252"
    assert decoded.text == CP1252_TEXT * 3


def test_short_windows_1252_quote_pair_stays_latin() -> None:
    # b"\x93Hi\x94" is also a valid GB18030 byte sequence; it must not become ideographs.
    decoded = decode_bytes("“Hi” said Zoë".encode("cp1252"))
    assert decoded is not None
    assert decoded.text == "“Hi” said Zoë"


def test_html_meta_charset_is_honoured_for_legacy_bytes() -> None:
    page = '<html><head><meta charset="gbk"></head><body><p>元宇宙</p></body></html>'
    decoded = decode_bytes(page.encode("gbk"), html=True)
    assert decoded is not None
    assert decoded.encoding == "gb18030"
    assert "元宇宙" in decoded.text


def test_bytes_no_encoding_explains_are_undecodable() -> None:
    assert decode_bytes(bytes(range(128, 256)) * 3) is None


def test_newlines_are_normalised_and_nothing_else_changes() -> None:
    assert normalise_newlines("a\r\nb\rc\n  d\t") == "a\nb\nc\n  d\t"


def test_loader_records_encoding_and_strips_bom(tmp_path) -> None:
    write(tmp_path, "a.txt", codecs.BOM_UTF8 + b"Hainan plans 100 billion yuan.\r\n")
    write(tmp_path, "b.txt", SICHUAN_ZH.encode("gb18030"))
    corpus = load_corpus(tmp_path)
    by_id = {a.id: a for a in corpus.articles}
    assert by_id["a"].text == "Hainan plans 100 billion yuan.\n"
    assert by_id["a"].encoding == "utf-8-sig"
    assert by_id["b"].encoding == "gb18030"
    assert by_id["b"].meta.language == "zh"
    assert by_id["a"].meta.language == "en"


def test_undecodable_file_is_skipped_with_a_reason(tmp_path) -> None:
    write(tmp_path, "junk.txt", bytes(range(128, 256)) * 3)
    corpus = load_corpus(tmp_path)
    assert corpus.articles == []
    [problem] = [p for p in corpus.problems if p.file == "junk.txt"]
    assert problem.severity == "skipped"
    assert "could not be decoded" in problem.reason.lower()


def test_big5_from_hong_kong_sources_is_not_read_as_windows_1252() -> None:
    text = "香港特區政府宣布，元宇宙產業規模預計到2025年將達到二千五百億元。騰訊、華為均參與其中。"
    decoded = decode_bytes(text.encode("big5"))
    assert decoded is not None
    assert (decoded.text, decoded.encoding) == (text, "big5")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_no_byte_string_makes_the_decoder_raise(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert decoded is None or isinstance(decoded.text, str)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([".txt", ".md", ".html", ".pdf", ".png"]))
def test_no_file_content_makes_load_corpus_raise(
    tmp_path_factory, data: bytes, suffix: str
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    write(folder, "x" + suffix, data)
    corpus = load_corpus(folder)
    assert len(corpus.articles) + len([p for p in corpus.problems if p.severity == "skipped"]) == 1
