"""What stands just before a number: currency sign, qualifier, label word.

Reading backwards is done by matching precompiled regexes of REVERSED words against the
reversed few dozen characters before the number: one anchored match instead of trying every
key or every position, which keeps the cost per candidate number at a few microseconds.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.extract import lexicon as lx
from briefing.extract.patterns import trie_regex

#: How far back a prefix may reach ("no fewer than US$ " is 18 characters).
WINDOW = 32
_SP = r"[ \t\u00a0\u202f]"


def _reversed_alternation(words: object) -> str:
    return trie_regex(sorted({w[::-1] for w in words}))  # type: ignore[attr-defined]


_ASCII_CURRENCY = [k for k in lx.CURRENCY_PREFIXES if k[-1].isascii() and k[-1].isalpha()]
_SIGN_CURRENCY = [k for k in lx.CURRENCY_PREFIXES if k not in _ASCII_CURRENCY]

# Reversed grammar: spaces, currency, spaces, then a qualifier or else the nearest word.
# English words must not continue to the left (the negative lookahead, in reverse, looks left).
_PREFIX_REV = re.compile(
    rf"(?i){_SP}*"
    rf"(?P<cur>(?:{_reversed_alternation(_SIGN_CURRENCY)})"
    rf"|(?:{_reversed_alternation(_ASCII_CURRENCY)})(?![a-z0-9]))?"
    rf"(?:{_SP}*(?:(?P<qen>{_reversed_alternation(lx.QUALIFIERS_EN)})(?![a-z])"
    rf"|(?P<qzh>{_reversed_alternation(lx.QUALIFIERS_ZH_BEFORE)})"
    rf"|(?P<qsym>{_reversed_alternation(lx.QUALIFIER_SYMBOLS)}))"
    rf"|{_SP}*(?P<dot>\.)?(?P<w>[a-z]+)(?![a-z]))?"
)
_WORD_REV = re.compile(rf"{_SP}*(?P<dot>\.)?(?P<w>[A-Za-z]+)(?![A-Za-z])")


class Prefix(NamedTuple):
    """The reading of the words before a number."""

    start: int  # where the quantity's span starts (before qualifier and currency)
    currency: str | None
    qualifier: str | None
    word: str  # without a qualifier: the word right before the number/currency ("No.")


def read_prefix(text: str, start: int, floor: int) -> Prefix:
    """Currency sign and qualifier immediately before `start`, not reaching below `floor`."""
    lo = start - WINDOW
    rev = text[lo if lo > floor else floor : start][::-1]
    m = _PREFIX_REV.match(rev)
    if m is None or m.end() == 0:
        return Prefix(start, None, None, "")
    # one groups() call instead of a group() call per name: read_prefix runs per candidate
    cur, qen, qzh, qsym, dot, w = m.groups()
    currency = qualifier = None
    consumed = 0
    if cur:
        currency = lx.CURRENCY_PREFIXES[cur[::-1].lower()]
        consumed = m.end(1)
    if qen is not None:
        qualifier, consumed = lx.QUALIFIERS_EN[qen[::-1].lower()], m.end(2)
    elif qzh is not None:
        qualifier, consumed = lx.QUALIFIERS_ZH_BEFORE[qzh[::-1]], m.end(3)
    elif qsym is not None:
        qualifier, consumed = lx.QUALIFIER_SYMBOLS[qsym[::-1]], m.end(4)
    elif w is not None:
        return Prefix(start - consumed, currency, None, w[::-1] + ("." if dot else ""))
    return Prefix(start - consumed, currency, qualifier, "")


def word_before(text: str, start: int, floor: int) -> tuple[str, int]:
    """The ASCII word right before `start` (skipping spaces) and its start offset."""
    lo = max(floor, start - WINDOW)
    rev = text[lo:start][::-1]
    m = _WORD_REV.match(rev)
    if m is None or m.group("dot"):
        return "", start
    return m.group("w")[::-1], start - m.end()


def char_before(text: str, start: int, floor: int) -> str:
    """The first non-space character before `start`, or "" at the floor."""
    i = start
    while i > floor and text[i - 1] in " \t\u00a0\u202f":
        i -= 1
    return text[i - 1] if i > floor else ""
