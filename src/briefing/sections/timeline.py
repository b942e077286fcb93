"""Timeline: dated events from the articles on one time axis (section 6).

The extractor resolves relative dates ("on Friday", "last September") against each
article's date and writes the events table (docs/ARCHITECTURE.md). Here we keep the
on-topic events with a date, drop the same event reported twice (same date, kind and
entity) keeping every source, and sort by date.
"""

from __future__ import annotations

import pandas as pd

from briefing.sections._common import is_blank

EVENT_COLUMNS: tuple[str, ...] = (
    "article", "start", "end", "text", "date", "date_precision", "kind", "entity", "sentence",
    "on_topic",
)  # fmt: skip

COLUMNS: tuple[str, ...] = (
    "date",
    "date_precision",
    "kind",
    "entity",
    "sentence",
    "articles",
    "n_sources",
)


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return not is_blank(value) and bool(value)


def table(events: pd.DataFrame, top_n: int = 40) -> pd.DataFrame:
    """Dated on-topic events, earliest first, one row per (date, kind, entity)."""
    if events is None or events.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    keep = events[events["on_topic"].map(_truthy) & events["date"].map(lambda d: not is_blank(d))]
    rows: dict[tuple, dict] = {}
    for event in keep.sort_values(["date", "article", "start"]).to_dict("records"):
        entity = "" if is_blank(event.get("entity")) else str(event["entity"])
        key = (str(event["date"]), str(event.get("kind") or "other"), entity or event["sentence"])
        row = rows.setdefault(
            key,
            {
                "date": str(event["date"]),
                "date_precision": event.get("date_precision") or "",
                "kind": key[1],
                "entity": entity,
                "sentence": str(event.get("sentence") or event.get("text") or ""),
                "articles": [],
            },
        )
        if event["article"] not in row["articles"]:
            row["articles"].append(str(event["article"]))
    out = pd.DataFrame(list(rows.values()), columns=list(COLUMNS))
    out["n_sources"] = out["articles"].map(len)
    return out.head(top_n).reset_index(drop=True)
