"""One row of an alias table: a name as written and what it may mean.

Why a separate record: a name can mean several places (朝阳区 is in Beijing and in
Changchun), so the matcher keeps every candidate and decides per text (the parent named
nearby, else the hand table's entry, else nothing), instead of one dictionary entry silently
winning.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """A place or organisation: its canonical name, kind and parent."""

    canonical: str
    kind: str
    parent: str  # parent division (places) or home country (organisations)
    is_place: bool
    level: str = ""  # province | prefecture | county for Chinese divisions
    adcode: str = ""


@dataclass(frozen=True)
class Candidate:
    """What an alias may mean: the entry, and when the alias is allowed to mean it."""

    entry: Entry
    hand: bool  # from the curated tables (places.csv, organisations.csv): preferred
    needs_parent: bool = False  # only where a parent (city, province) is named in the text
    condition: tuple[str, ...] = ()  # names the text must contain ({if:...} in the tables)
    generic: str = ""  # what the alias means when the condition fails (a body of its own)
