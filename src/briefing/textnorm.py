"""Text normalisation that keeps offsets: traditional Chinese folded to simplified.

Hong Kong and Taiwan sources write 騰訊, 廣東省, 產業規模; the alias tables and the rule files
are written in simplified characters only. Folding the text before matching lets one table
serve both scripts, and because the folded text has the same length as the original, every
offset found in it (a mention, a rule match) is an offset into the original text too.
"""

from __future__ import annotations

import functools
import re

import opencc

#: Anything OpenCC could convert: CJK radicals, ideographs, compatibility forms (U+2E80 up).
_CJK = re.compile("[\u2e80-\U0010ffff]")


@functools.cache
def _converter() -> opencc.OpenCC:
    """The OpenCC traditional-to-simplified converter, built once per process on first use
    (loading its dictionaries costs a few milliseconds; most imports never need it)."""
    return opencc.OpenCC("t2s")


def _has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK.search(text) is not None


def _char_by_char(text: str) -> str:
    """Fold one character at a time, keeping a character whose conversion is not one
    character: the length (and so every offset) cannot change."""
    convert = _converter().convert
    out = []
    for c in text:
        if c < "\u2e80":
            out.append(c)
            continue
        s = convert(c)
        out.append(s if len(s) == 1 else c)
    return "".join(out)


def to_simplified(text: str) -> str:
    """`text` with traditional Chinese characters replaced by simplified ones, same length.

    OpenCC converts by phrase ("乾隆" stays, "瞭解" -> "了解"); a phrase rule that would change
    the length is not applied: that line is folded character by character instead.

    >>> to_simplified("廣東省騰訊 Tencent")
    '广东省腾讯 Tencent'
    """
    if not _has_cjk(text):
        return text
    folded = _converter().convert(text)
    if len(folded) == len(text):
        return folded
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = _converter().convert(line) if _has_cjk(line) else line
        out.append(converted if len(converted) == len(line) else _char_by_char(line))
    return "\n".join(out)
