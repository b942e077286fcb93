"""Each quote is one note: the first citation of a quote prints it as a footnote, every later
citation of the same quote points to that footnote's number instead of printing it again.

Why: a briefing cites the same sentence from the summary, the section prose, the table and the
chart; printed every time, one patent sentence filled ten footnotes and notes took half of
many pages. WeasyPrint numbers `float: footnote` elements in document order, so if only first
citations float, the k-th distinct quote is footnote k, and a repeated citation can print
that same number as a plain superscript. On screen nothing changes: every citation keeps its
link to the annex and its quote as the link's tooltip.
"""

from __future__ import annotations

import re

#: A footnote as narrative.number_link writes it (its text is escaped: no nested tags).
_NOTE = re.compile(r'<span class="fn">(.*?)</span>', re.S)
#: The quote a note prints, as number_link writes it: “quote” — outlet, date.
_QUOTED = re.compile(r"^“(.*)” — ", re.S)
#: A quote cell of the annex (narrative.quote_annex_html).
_ANNEX_QUOTE = re.compile(r'<span class="annex-quote">“(.*?)”</span>', re.S)


def cite_once(body: str) -> tuple[str, int, int]:
    """(body with repeated notes replaced by their number, citations, distinct notes)."""
    numbers: dict[str, int] = {}
    citations = 0

    def once(match: re.Match[str]) -> str:
        nonlocal citations
        citations += 1
        text = match.group(1)
        if text in numbers:
            return f'<sup class="fn-again">{numbers[text]}</sup>'
        numbers[text] = len(numbers) + 1
        return match.group(0)

    body = _NOTE.sub(once, body)
    printed = {}
    for text, number in numbers.items():
        quoted = _QUOTED.match(text)
        if quoted:
            printed.setdefault(quoted.group(1), number)

    def refer(match: re.Match[str]) -> str:
        number = printed.get(match.group(1))
        if number is None:
            return match.group(0)
        # the quote is on paper already: its note number in print, the sentence on screen
        return (
            f'<span class="annex-quote printed-as-note">“{match.group(1)}”</span>'
            f'<span class="see-note">see note {number}</span>'
        )

    return _ANNEX_QUOTE.sub(refer, body), citations, len(numbers)
