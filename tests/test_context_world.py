"""The World entity in attribution: a global figure is the world's, a share of it is not."""

from __future__ import annotations

from briefing.extract.facts import extract_facts


def _entities(text: str) -> dict[float, str]:
    return {f["value"]: f["entity"] for f in extract_facts("t", text, {"published": "2024-01-01"})}


def test_a_global_market_size_belongs_to_the_world() -> None:
    facts = _entities("The global metaverse market will reach 800 billion dollars by 2026.")
    assert facts[800e9] == "World"


def test_a_share_of_the_global_total_belongs_to_its_owner() -> None:
    facts = _entities("Chinese firms filed 9,000 metaverse patents, 30% of the global total.")
    assert facts[30] == "China"


def test_an_unknown_alliance_owns_its_member_count() -> None:
    facts = _entities("The Zhengzhou Metaverse Industry Alliance has 40 members.")
    assert facts[40] == "Zhengzhou Metaverse Industry Alliance"
