"""On topic or not: is a paragraph part of the article's subject (China's metaverse)?

Why by paragraph windows: trailing unrelated stories lose the topic words, a digression
about a foreign company (Meta's AI plans) loses the Chinese names, and page furniture
(bylines, captions, copyright) says what it is. The cue words are in
`rules/topic.<lang>.toml`.
"""

from __future__ import annotations

import re

from briefing import reference
from briefing.extract import cues
from briefing.extract.document import LIST_MARK, REPORTERS, Document
from briefing.extract.rules import Rule

_TOPIC = "topic"
_WINDOW = 3  # paragraphs on each side used to judge whether the topic is still present
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")


def _window(doc: Document, i: int) -> tuple[int, int]:
    """Paragraph range [lo, hi) around paragraph i: _WINDOW paragraphs on each side of i,
    or of the whole list i belongs to (a plan's targets are read as one block)."""
    text, paragraphs = doc.text, doc.paragraphs
    n = len(paragraphs)

    def tail(j: int) -> str:
        return text[max(paragraphs[j].start, paragraphs[j].end - 2) : paragraphs[j].end].strip()

    def in_list(j: int) -> bool:
        if not 0 <= j < n:
            return False
        if LIST_MARK.match(text, paragraphs[j].start):
            return True
        return tail(j)[-1:] in (";", "；") or (j > 0 and tail(j - 1)[-1:] in (":", "：", ";", "；"))

    a = b = i
    if in_list(i):
        while in_list(a - 1):
            a -= 1
        while in_list(b + 1):
            b += 1
    return max(0, a - _WINDOW), min(n, b + _WINDOW + 1)


def _names_china(doc: Document, start: int, end: int) -> bool:
    """Does text[start:end] name China, a Chinese place or a Chinese organisation?"""
    for m in doc.raw_mentions_between(start, end):
        entry = reference.entry_for(m.canonical)
        if entry is None:
            continue
        if entry.is_place and (m.canonical == "China" or entry.kind not in ("country", "world")):
            return True
        if not entry.is_place and entry.parent == "China" and entry.kind not in REPORTERS:
            return True
    return False


def _written_in_chinese(text: str, start: int, end: int) -> bool:
    """Is text[start:end] mostly Chinese script? A Chinese plan's clause about "the city's
    finance bureau" names no place, yet a paragraph in Chinese is Chinese context."""
    n = end - start
    return n > 0 and len(_IDEOGRAPH.findall(text, start, end)) * 3 >= n


def _all_links(text: str, start: int, end: int, link_list: Rule) -> bool:
    """Is every line of text[start:end] a link to another story? (A paragraph of prose
    with one inline link stays on topic.)"""
    lines = [ln for ln in text[start:end].split("\n") if ln.strip()]
    return bool(lines) and all(link_list.search(ln) for ln in lines)


def topic_flags(doc: Document, needed: set[int] | None = None) -> list[bool]:
    """One flag per paragraph (doc.paragraphs): on topic or not.

    A paragraph is on topic when it is not boilerplate (`boilerplate`) nor a link to
    another story (`link-list`), does not follow a
    trailing-stories header (`trailer`, searched in the second half of the text only: in
    the first half it is an inline link) and the paragraphs around it both use the topic
    words (`topic-word`) and name China or something Chinese (or are written in Chinese).
    Only paragraphs in `needed` (those that hold figures) are judged; the others are True.
    """
    text, folded, paragraphs = doc.text, doc.folded, doc.paragraphs
    n = len(paragraphs)
    near = set(range(n)) if needed is None else {j for i in needed for j in range(*_window(doc, i))}
    topic_word = cues.rule(_TOPIC, "topic-word")
    topical = {
        j: bool(topic_word.search(folded, paragraphs[j].start, paragraphs[j].end)) for j in near
    }
    chinese = {
        j: _written_in_chinese(text, paragraphs[j].start, paragraphs[j].end)
        or _names_china(doc, paragraphs[j].start, paragraphs[j].end)
        for j in near
    }
    trailer = cues.search(_TOPIC, "trailer", folded, len(text) // 2)
    trailer_at = trailer.start() if trailer else len(text) + 1
    boilerplate = cues.rule(_TOPIC, "boilerplate")
    link_list = cues.rule(_TOPIC, "link-list")
    flags: list[bool] = []
    for i, p in enumerate(paragraphs):
        if needed is not None and i not in needed:
            flags.append(True)
            continue
        if (
            p.start >= trailer_at
            or boilerplate.search(folded, p.start, p.end)
            or _all_links(folded, p.start, p.end, link_list)
        ):
            flags.append(False)
            continue
        lo, hi = _window(doc, i)
        flags.append(
            any(topical.get(j, False) for j in range(lo, hi))
            and any(chinese.get(j, False) for j in range(lo, hi))
        )
    return flags


def on_a_link_line(doc: Document, offset: int) -> bool:
    """Is the line holding `offset` a link to another story or a ticker (page furniture
    inside a paragraph that is otherwise the article's)?"""
    folded = doc.folded
    start = folded.rfind("\n", 0, offset) + 1
    end = folded.find("\n", offset)
    end = len(folded) if end < 0 else end
    return bool(
        cues.search(_TOPIC, "link-list", folded, start, end)
        or cues.search(_TOPIC, "ticker", folded, start, end)
        or cues.search(_TOPIC, "page-counter", folded, start, end)  # 阅读 3.6万
    )
