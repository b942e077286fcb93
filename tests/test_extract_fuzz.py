"""Fuzz: the full extractor (figures + context + events) never raises on any Unicode text.

Articles are untrusted and arrive in every script and state of decay; one exception would
drop an article from the report. Besides never raising, every row must still point at its
own text: `text == article[start:end]`, and its sentence must contain it.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.extract.events import extract_events
from briefing.extract.facts import extract_facts

META = {
    "title": "Sichuan unveils metaverse plan",
    "outlet": "Test Wire",
    "published": dt.date(2023, 7, 5),
    "date_precision": "day",
    "language": "en",
    "url": None,
}
_PIECES = [
    "Sichuan", "Shanghai", "China", "the alliance", "上海", "四川", "到2025年", "by 2025",
    "last September", "this year", "去年", " more than ", "约", "以上", "250 billion yuan",
    "(equivalent to $35.1 billion)", "3500亿元", "两百家企业", "30%", "members", "patents",
    " ", "\n", "\n\n", ". ", "。", ",", "、", "—", "(", ")", "1,06,102.8", "１２３", "½", "\u200b",
    "\ufeff", "\ud7ff", "𝟘", "Ⅻ", "٣", "million", "bn", "half a million", "two-thirds",
]  # fmt: skip
NEWSLIKE = st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=40).map("".join)


def _check(text: str) -> None:
    rows = extract_facts("fuzz", text, META)
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["text"] in row["sentence"]
    extract_events("fuzz", text, META)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_unicode_never_raises_and_rows_are_honest(text: str) -> None:
    _check(text)


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSLIKE)
def test_news_like_noise_never_raises_and_rows_are_honest(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(NEWSLIKE, st.sampled_from([None, dt.date(1999, 1, 1), dt.date(2030, 12, 31)]))
def test_unknown_or_odd_dates_never_raise(text: str, published: dt.date | None) -> None:
    rows = extract_facts("fuzz", text, {**META, "published": published})
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
