"""Sentence and paragraph bounds by offsets."""

from __future__ import annotations

from briefing.extract.sentences import SpanIndex, paragraph_spans, sentence_spans


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "On Friday, Jan. 19, the U.S. firm said so. It rose 5%."
    assert texts(text) == ["On Friday, Jan. 19, the U.S. firm said so.", "It rose 5%."]


def test_chinese_sentences_end_at_full_stops() -> None:
    assert texts("四川印发方案。到2025年，规模超过2500亿元！") == [
        "四川印发方案。",
        "到2025年，规模超过2500亿元！",
    ]


def test_decimals_do_not_split() -> None:
    assert texts("It grew 39.5% in 2023. Then it slowed.") == [
        "It grew 39.5% in 2023.",
        "Then it slowed.",
    ]


def test_headings_on_their_own_line_are_sentences() -> None:
    assert texts("Metaverse News\nChina Explores Metaverse\n\nThe body starts here.")[:2] == [
        "Metaverse News",
        "China Explores Metaverse",
    ]


def test_paragraphs_and_index() -> None:
    text = "One para.\n\nTwo para here.\n\nThree."
    paras = paragraph_spans(text)
    assert [text[p.start : p.end] for p in paras] == ["One para.", "Two para here.", "Three."]
    index = SpanIndex(paras)
    assert index.index_of(text.index("here")) == 1
