"""Folding traditional Chinese to simplified without moving any offset."""

from __future__ import annotations

import pytest

from briefing import textnorm
from briefing.textnorm import to_simplified


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("廣東省的產業規模", "广东省的产业规模"),
        ("騰訊與華為在臺灣", "腾讯与华为在台湾"),
        ("The 2025 target: 3,500億元", "The 2025 target: 3,500亿元"),
        ("no Chinese at all", "no Chinese at all"),
        ("", ""),
    ],
)
def test_traditional_is_folded_to_simplified(text: str, folded: str) -> None:
    assert to_simplified(text) == folded


def test_length_never_changes_even_when_a_phrase_rule_would(monkeypatch) -> None:
    class Stretching:
        """A converter whose phrase rule for 數碼港 grows the text, as a dictionary might."""

        def convert(self, s: str) -> str:
            return s.replace("數碼港", "数码港口").replace("廣", "广")

    monkeypatch.setattr(textnorm, "_converter", lambda: Stretching())
    text = "香港數碼港\n廣州"
    folded = to_simplified(text)
    assert len(folded) == len(text)
    assert folded.split("\n")[1] == "广州"


def test_offsets_found_in_the_folded_text_point_at_the_original() -> None:
    text = "據報道，騰訊計劃投資100億元。"
    folded = to_simplified(text)
    i = folded.index("腾讯")
    assert text[i : i + 2] == "騰訊"
