"""Cue vocabularies by name: one rule per name, its English and Chinese halves joined.

Why: the attribution modules (entity, year, measure, topic) ask for cues by name
(`cues.search("measure", "target-verb", text, lo, hi)`) and record that name on the fact;
the words themselves live in `rules/<topic>.en.toml` and `rules/<topic>.zh.toml` with their
examples and counter-examples. A rule may exist in one language only.

Traditional Chinese is folded to simplified before cues are read (`fold`), so the Chinese
files are written in simplified characters only. The folding is OpenCC's
(`briefing.textnorm.to_simplified`, length-preserving so offsets stay valid) when that module
is present, else the character table of the cue words kept in `lexicon`.
"""

from __future__ import annotations

import re
from functools import cache

from briefing.extract import rules as rule_files
from briefing.extract.rules import Rule

try:  # the one place that chooses how traditional characters are folded
    from briefing.textnorm import to_simplified as fold  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - until briefing.textnorm is merged
    from briefing.extract.lexicon import fold_traditional as fold

__all__ = ["fold", "names", "rule", "search"]

LANGUAGES = ("en", "zh")


def _scoped(regex: re.Pattern[str]) -> str:
    """A compiled rule's pattern with its own flags, so it can sit in one alternation."""
    letters = "".join(
        letter
        for letter, flag in (("i", re.IGNORECASE), ("m", re.MULTILINE), ("s", re.DOTALL))
        if regex.flags & flag
    )
    return f"(?{letters}:{regex.pattern})" if letters else f"(?:{regex.pattern})"


@cache
def rule(topic: str, name: str) -> Rule:
    """The rule `name` of `<topic>.en.toml` and `<topic>.zh.toml`, as one rule whose pattern
    matches either half. KeyError when neither file has it."""
    halves: list[Rule] = []
    for lang in LANGUAGES:
        path = rule_files.RULES_DIR / f"{topic}.{lang}.toml"
        if not path.exists():
            continue
        try:
            halves.append(rule_files.load(topic, lang)[name])
        except KeyError:
            continue
    if not halves:
        raise KeyError(f"no rule {name!r} in rules/{topic}.*.toml")
    if len(halves) == 1:
        return halves[0]
    pattern = "|".join(_scoped(h.regex) for h in halves if h.regex is not None)
    return Rule(
        name=name,
        doc=halves[0].doc,
        regex=re.compile(pattern),
        examples=tuple(e for h in halves for e in h.examples),
        counter_examples=tuple(e for h in halves for e in h.counter_examples),
        extra={k: v for h in halves for k, v in h.extra.items()},
    )


def search(topic: str, name: str, text: str, pos: int = 0, endpos: int | None = None):
    """First match of the named cue in text[pos:endpos], else None."""
    return rule(topic, name).search(text, pos, endpos)


def names(topic: str) -> list[str]:
    """Every rule name of a topic, in file order (English file first)."""
    out: list[str] = []
    for lang in LANGUAGES:
        path = rule_files.RULES_DIR / f"{topic}.{lang}.toml"
        if path.exists():
            out.extend(r.name for r in rule_files.load(topic, lang).rules if r.name not in out)
    return out
