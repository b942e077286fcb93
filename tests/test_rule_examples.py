"""Every example beside every rule: one runner for all rule files (briefing.extract.rules).

A cue rule must match each of its examples and none of its counter-examples; a numbers rule's
example must be read as the figure it states, and its counter-examples must yield no figure.
"""

from __future__ import annotations

import math

import pytest

from briefing.extract import rules
from briefing.extract.quantities import find_quantities


def _cases() -> list[tuple[str, str, str, object, bool]]:
    out = []
    for path in rules.all_rule_files():
        rule_file = rules.parse_rule_file(path)
        for rule in rule_file.rules:
            for ex in rule.examples:
                out.append((path.name, rule_file.kind, rule.name, ex, True))
            for ex in rule.counter_examples:
                out.append((path.name, rule_file.kind, rule.name, ex, False))
    return out


_CASES = _cases()


def _fold(text: str) -> str:
    try:
        from briefing.textnorm import to_simplified
    except ImportError:  # the folding module is optional for cue files written in simplified
        return text
    return to_simplified(text)


@pytest.mark.parametrize(
    ("file", "kind", "name", "example", "positive"),
    _CASES,
    ids=[f"{c[0]}:{c[2]}:{'+' if c[4] else '-'}{i}" for i, c in enumerate(_CASES)],
)
def test_rule_example(file: str, kind: str, name: str, example: object, positive: bool) -> None:
    rule = rules.parse_rule_file(rules.RULES_DIR / file)[name]
    if kind == "numbers":
        text = example["text"] if isinstance(example, dict) else str(example)
        found = find_quantities(text)
        if not positive:
            assert found == [], f"{name}: {text!r} must yield no figure, got {found}"
            return
        assert isinstance(example, dict)
        hits = [
            q
            for q in found
            if math.isclose(q.value, float(example["value"]), rel_tol=1e-9)
            and q.unit == example["unit"]
            and ("qualifier" not in example or q.qualifier == example["qualifier"])
        ]
        assert hits, f"{name}: {text!r} should give {example}, got {found}"
        return
    if kind == "bodies":
        _check_body(name, example, positive)
        return
    assert rule.regex is not None, f"{name} has no pattern to check examples against"
    matched = rule.search(_fold(str(example))) is not None
    assert matched == positive, f"{name}: {example!r} should {'' if positive else 'not '}match"


def _check_body(name: str, example: object, positive: bool) -> None:
    """A bodies example names the body find_mentions must report (name as written, kind),
    found by this rule; a counter-example is a text in which this rule finds none."""
    from briefing.reference import find_mentions

    text = example["text"] if isinstance(example, dict) else str(example)
    found = [m for m in find_mentions(text) if m.rule == name]
    if not positive:
        assert found == [], f"{name}: {text!r} must name no body, got {found}"
        return
    assert isinstance(example, dict)
    got = [(m.canonical, m.kind) for m in found]
    assert (example["name"], example["kind"]) in got, f"{name}: {text!r} gave {got}"


def test_rule_files_parse() -> None:
    """Each file parses, names are unique, every rule says why it exists."""
    for path in rules.all_rule_files():
        rule_file = rules.parse_rule_file(path)
        for rule in rule_file.rules:
            assert rule.doc, f"{path.name}:{rule.name} has no doc"
