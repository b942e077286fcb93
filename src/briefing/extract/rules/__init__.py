"""Rules as data: named cue vocabularies and number-grammar rules, one TOML file per topic and
language, each rule with the examples it must (and must not) match beside it.

Why data and not code: a fact records the *name* of the rule that decided its entity, year or
measure, so a wrong fact is debugged by reading one named rule and its examples (the way
Duckling keeps `Rules.hs` beside `Corpus.hs`, or Recognizers-Text one YAML file per language),
not by reading an if-chain. `tests/test_rule_examples.py` checks every example of every file.

File format (`<topic>.<lang>.toml`, e.g. `measure.en.toml`, `numbers.zh.toml`)::

    kind = "cues"            # or "numbers"
    [[rule]]
    name = "target-verb"     # unique within the file, kebab-case
    doc = "An authority's aim makes money a target."
    pattern = '\\b(?:aims?|targets?)\\b'   # a regex, or:
    words = ["aim", "target"]              # literal words (matched case-insensitively)
    flags = "i"              # optional: i (ignore case); x (verbose)
    examples = ["The city aims to reach 100 billion yuan."]
    counter_examples = ["The aim of the report ..."]

For ``kind = "numbers"`` an example is a table ``{ text = "...", value = 350000000.0,
unit = "CNY", qualifier = "exact" }`` (``find_quantities(text)`` must read that figure;
``qualifier`` is optional) and a counter-example is a text in which nothing is read as a
figure. Traditional Chinese is folded to simplified before matching (OpenCC), so rules are
written in simplified characters only.

For ``kind = "bodies"`` (``bodies.en.toml``, ``bodies.zh.toml``: organisations in no table,
read by briefing.refdata.bodies) a rule's pattern finds the word a body's name ends with
(公司, 联盟, "Association") and the name runs left from it; extra keys: ``body_kind`` (the
mention's kind: company, alliance, association, research, university, committee, fund, bank,
center, forum), ``head`` (zh: "any" or "named", how much of a name must precede a generic
suffix), ``kind_by_word`` (a name that starts with its kind, "Bank of X": kind per word). An
example is a table ``{ text = "...", name = "...", kind = "..." }`` (``find_mentions(text)``
must report that body, found by this rule); a counter-example is a text in which the rule
finds no body.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Rule:
    """One named rule: a compiled pattern and the examples that pin what it means."""

    name: str
    doc: str
    regex: re.Pattern[str] | None
    examples: tuple[Any, ...] = ()
    counter_examples: tuple[Any, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """First match of the rule in text[pos:endpos] (None for a rule without a pattern)."""
        if self.regex is None:
            return None
        return self.regex.search(text, pos, len(text) if endpos is None else endpos)


@dataclass(frozen=True)
class RuleFile:
    """The rules of one file, in file order, with the file's kind and path."""

    path: Path
    kind: str
    rules: tuple[Rule, ...]

    def __getitem__(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(f"{self.path.name} has no rule named {name!r}")


_FLAGS = {"i": re.IGNORECASE, "x": re.VERBOSE, "m": re.MULTILINE, "s": re.DOTALL}


def _compile(spec: dict[str, Any], where: str) -> re.Pattern[str] | None:
    flags = 0
    for letter in spec.get("flags", ""):
        flags |= _FLAGS[letter]
    if "pattern" in spec and "words" in spec:
        raise ValueError(f"{where}: give a pattern or words, not both")
    if "pattern" in spec:
        return re.compile(spec["pattern"], flags)
    if "words" in spec:
        words = sorted(spec["words"], key=len, reverse=True)
        alternatives = "|".join(
            (r"\b" + re.escape(w) + r"\b") if w[:1].isascii() and w[-1:].isascii() else re.escape(w)
            for w in words
        )
        return re.compile(f"(?:{alternatives})", flags | re.IGNORECASE)
    return None


def parse_rule_file(path: Path) -> RuleFile:
    """Read and check one rule file: names unique, patterns compile."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    kind = data.get("kind", "cues")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, spec in enumerate(data.get("rule", [])):
        name = spec.get("name")
        where = f"{path.name} rule {i + 1}"
        if not name:
            raise ValueError(f"{where} has no name")
        if name in seen:
            raise ValueError(f"{where}: the name {name!r} is used twice")
        seen.add(name)
        known = {"name", "doc", "pattern", "words", "flags", "examples", "counter_examples"}
        rules.append(
            Rule(
                name=name,
                doc=spec.get("doc", ""),
                regex=_compile(spec, f"{where} ({name})"),
                examples=tuple(spec.get("examples", ())),
                counter_examples=tuple(spec.get("counter_examples", ())),
                extra={k: v for k, v in spec.items() if k not in known},
            )
        )
    return RuleFile(path=path, kind=kind, rules=tuple(rules))


@cache
def load(topic: str, lang: str) -> RuleFile:
    """The rules of `<topic>.<lang>.toml` (read once per process; the files are immutable)."""
    return parse_rule_file(RULES_DIR / f"{topic}.{lang}.toml")


def all_rule_files() -> list[Path]:
    """Every rule file shipped with the package, sorted by name."""
    return sorted(RULES_DIR.glob("*.toml"))
