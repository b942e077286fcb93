"""Sentence and paragraph bounds, by offsets, so facts can quote the sentence they stand in.

Offsets (not split strings) are kept so that `text[start:end]` always gives back the quote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace
# and an upper-case letter, digit or opening quote; or at Chinese 。！？；, or at a blank line.
_END = re.compile(
    r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff])"
    r"|[。！？][”’」』）)]*"
    r"|\n\s*\n"
)
# Words whose full stop does not end a sentence ("Jan. 19", "Mr. Xi", "U.S. firms").
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "ms",
        "mrs",
        "dr",
        "no",
        "st",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "co",
        "ltd",
        "corp",
        "gov",
        "prof",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "approx",
    ]
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


_PARA = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Span:
    """A sentence or paragraph: text[start:end], stripped of surrounding whitespace."""

    start: int
    end: int


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def sentence_spans(text: str) -> list[Span]:
    """Every sentence of `text` in order; single newlines inside a sentence are kept."""
    spans: list[Span] = []
    start = 0
    for m in _END.finditer(text):
        if m.group()[0] == "." and _is_abbreviation(text, m.start()):
            continue
        end = m.end() if not m.group().isspace() else m.start()
        span = _strip(text, start, end)
        if span:
            spans.append(span)
        start = m.end()
    span = _strip(text, start, len(text))
    if span:
        spans.append(span)
    # a single line break between a heading-like line and text also ends a sentence
    out: list[Span] = []
    for s in spans:
        pos = s.start
        for line in re.finditer(r"[^\n]+", text[s.start : s.end]):
            piece = _strip(text, s.start + line.start(), s.start + line.end())
            if piece:
                out.append(piece)
            pos = s.start + line.end()
        del pos
    return _merge_wrapped_lines(text, out)


def _merge_wrapped_lines(text: str, spans: list[Span]) -> list[Span]:
    """Lines that end without terminal punctuation and continue in lower case are one sentence."""
    merged: list[Span] = []
    for s in spans:
        if merged:
            prev = merged[-1]
            gap = text[prev.end : s.start]
            if (
                "\n\n" not in gap
                and text[prev.end - 1] not in ".!?。！？:：\"”'"
                and text[s.start].islower()
            ):
                merged[-1] = Span(prev.start, s.end)
                continue
        merged.append(s)
    return merged


def paragraph_spans(text: str) -> list[Span]:
    """Paragraphs: blocks separated by blank lines, or single lines when there are none."""
    spans: list[Span] = []
    start = 0
    for m in _PARA.finditer(text):
        span = _strip(text, start, m.start())
        if span:
            spans.append(span)
        start = m.end()
    span = _strip(text, start, len(text))
    if span:
        spans.append(span)
    if len(spans) <= 1:
        spans = [
            s
            for line in re.finditer(r"[^\n]+", text)
            if (s := _strip(text, line.start(), line.end()))
        ]
    return spans


class SpanIndex:
    """Find the span holding an offset in O(log n)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]

    def index_of(self, offset: int) -> int:
        """Index of the last span starting at or before `offset` (-1 when none)."""
        return bisect.bisect_right(self._starts, offset) - 1

    def at(self, offset: int) -> Span | None:
        i = self.index_of(offset)
        return self.spans[i] if i >= 0 else None
