"""One Aho-Corasick automaton per script, built so that it stays fast with 17,000 names.

pyahocorasick looks a character up among a trie node's children one by one, in insertion
order. Thousands of Chinese names give the root thousands of children, and every character
of the text (a miss most of the time: 的, 年, a space) pays a scan of all of them: 2 MB took
a second. Two measures bring that back to article-reading speed:

- Latin names (first character below U+2E80) and Chinese names live in separate automata;
  the Chinese one reads only the runs of text that start with a Chinese character;
- in those runs every character that occurs in no Chinese name becomes U+0000 (same length,
  so offsets hold), and the root's children are created in order: U+0000 first, then the
  characters names use most. A miss then costs one comparison, a common character a few.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

#: Where a Chinese name can start and run: a CJK character, then CJK characters, letters and
#: digits (芒果TV).
CJK_RUN = re.compile(r"[\u2e80-\U0010ffff][\u2e80-\U0010ffffA-Za-z0-9]*")
_PLACEHOLDER = "\x00"
_NEVER = "\x01"  # ends the dummy keys that order the root's children; never in a text


def _is_cjk(c: str) -> bool:
    return c >= "\u2e80"


#: What a Latin name must not touch on either side to be a whole word.
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def _latin(c: str) -> bool:
    return c in _WORD_CHARS


@dataclass(frozen=True)
class Scanner:
    """Finds every occurrence of a set of keys; Latin keys only as whole words."""

    latin: ahocorasick.Automaton
    cjk: ahocorasick.Automaton
    other_chars: dict[int, int]  # str.translate table: characters in no Chinese key -> U+0000

    def matches(self, folded: str, offset: int, text: str, end: int) -> list[tuple[int, int, str]]:
        """(start, end, key) of every key in `folded` (text[offset:end] folded), overlapping,
        offsets into `text`. A Latin key must not touch a letter or digit on either side
        (`text` is read beyond the bounds on the left, as a regex's \\b would)."""
        out = []
        for last, (key, n, first_latin, last_latin) in self.latin.iter(folded):
            s, e = offset + last - n + 1, offset + last + 1
            if first_latin and s > 0 and text[s - 1] in _WORD_CHARS:
                continue
            if last_latin and e < end and text[e] in _WORD_CHARS:
                continue
            out.append((s, e, key))
        if folded.isascii():
            return out
        # mostly Chinese: mask and read the whole text at once; mostly Latin: only its
        # Chinese runs (a run alone, not iter(folded, start, end): pyahocorasick copies the
        # whole string on every call)
        mostly_chinese = len(folded.encode("utf-8")) > 2 * len(folded)
        runs = (
            [(0, folded)]
            if mostly_chinese
            else [(run.start(), run.group()) for run in CJK_RUN.finditer(folded)]
        )
        for run_start, run in runs:
            base = offset + run_start
            for last, (key, n, _, last_latin) in self.cjk.iter(run.translate(self.other_chars)):
                s, e = base + last - n + 1, base + last + 1
                if last_latin and e < end and text[e] in _WORD_CHARS:
                    continue
                out.append((s, e, key))
        return out


def build(keys: Iterable[str]) -> Scanner:
    keys = list(keys)
    latin = ahocorasick.Automaton()
    cjk = ahocorasick.Automaton()
    cjk_keys = [k for k in keys if _is_cjk(k[0])]
    counts = Counter(c for k in cjk_keys for c in k)
    cjk.add_word(_PLACEHOLDER + _NEVER, None)
    for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        cjk.add_word(c + _NEVER, None)
    for key in keys:
        value = (key, len(key), _latin(key[0]), _latin(key[-1]))
        (cjk if _is_cjk(key[0]) else latin).add_word(key, value)
    latin.make_automaton()
    cjk.make_automaton()
    other = {cp: 0 for cp in range(0x30000) if chr(cp) not in counts}
    return Scanner(latin, cjk, other)
