"""The same event told by several articles is one event with several sources.

Why: a timeline that shows "Henan publishes its metaverse plan" three times, once per
article that mentions it, tells the reader three things happened. Two rows are one event
when they have the same actor and kind and their dates agree at the coarser of their two
precisions (2022-09-27 and "September 2022" agree). The row kept is the one with the finest
date (the earliest article first on a tie); `sources` lists every article that tells it.
"""

from __future__ import annotations

_RANK = {"year": 1, "month": 2, "day": 3}
_WIDTH = {"year": 4, "month": 7, "day": 10}


def _agree(a: dict, b: dict) -> bool:
    coarse = min(_RANK.get(a["precision"], 3), _RANK.get(b["precision"], 3))
    width = {1: 4, 2: 7, 3: 10}[coarse]
    return str(a["date"])[:width] == str(b["date"])[:width]


def merge_events(rows: list[dict]) -> list[dict]:
    """One row per event, `sources` naming every article that tells it (";"-separated)."""
    order = sorted(
        rows,
        key=lambda r: (-_RANK.get(r["precision"], 3), str(r["article"]), int(r["start"])),
    )
    groups: list[tuple[dict, list[str]]] = []
    for row in order:
        actor, kind = str(row["actor"]).lower(), row["kind"]
        home = next(
            (
                g
                for g in groups
                if str(g[0]["actor"]).lower() == actor
                and g[0]["kind"] == kind
                and row["article"] not in g[1]
                and _agree(g[0], row)
            ),
            None,
        )
        told = [a for a in str(row.get("sources") or "").split(";") if a] or [str(row["article"])]
        if home is None:
            groups.append((row, told))
        else:
            home[1].extend(a for a in told if a not in home[1])
    out = [{**first, "sources": ";".join(sorted(articles))} for first, articles in groups]
    return sorted(out, key=lambda r: (str(r["article"]), int(r["start"])))
