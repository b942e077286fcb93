"""Timeline: dated events from the articles on one time axis (section 6).

The extractor (`briefing.extract.events`) resolves relative dates ("on Friday", 去年9月)
against each article's date, labels each event by what happened and merges the same event
told by several articles into one row with several sources. Here we keep the on-topic
events with a date, merge again (an events table written by an older extractor, or rows from
several folders), write each date at its precision (a month-only event is "2022-09", never
"2022-09-01") and sort by date.
"""

from __future__ import annotations

import pandas as pd

from briefing.extract.events import EVENT_COLUMNS, merge_events
from briefing.sections._common import is_blank

__all__ = ["COLUMNS", "EVENT_COLUMNS", "table"]

COLUMNS: tuple[str, ...] = (
    "date",
    "precision",
    "kind",
    "actor",
    "label",
    "sentence",
    "articles",
    "n_sources",
)
_WIDTH = {"year": 4, "month": 7, "day": 10}


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return not is_blank(value) and bool(value)


def _text(value: object) -> str:
    return "" if is_blank(value) else str(value)


def _record(event: dict) -> dict:
    """An events row in today's columns (an older table has entity and date_precision)."""
    precision = _text(event.get("precision")) or _text(event.get("date_precision")) or "day"
    actor = _text(event.get("actor")) or _text(event.get("entity"))
    return {
        **event,
        "date": _text(event["date"]),
        "precision": precision,
        "kind": _text(event.get("kind")) or "other",
        "actor": actor,
        "label": _text(event.get("label")) or actor,
        "sources": _text(event.get("sources")) or _text(event["article"]),
        "start": int(event.get("start") or 0),
    }


def table(events: pd.DataFrame, top_n: int = 40) -> pd.DataFrame:
    """Dated on-topic events, earliest first, one row per event with its articles; the
    latest `top_n` when there are more."""
    if events is None or events.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    keep = events[events["on_topic"].map(_truthy) & events["date"].map(lambda d: not is_blank(d))]
    records = [_record(e) for e in keep.to_dict("records")]
    merged = merge_events(records)
    out = pd.DataFrame(
        [
            {
                "date": row["date"][: _WIDTH.get(row["precision"], 10)],
                "precision": row["precision"],
                "kind": row["kind"],
                "actor": row["actor"],
                "label": row["label"],
                "sentence": _text(row.get("sentence")) or _text(row.get("text")),
                "articles": row["sources"].split(";"),
            }
            for row in sorted(merged, key=lambda r: (r["date"], str(r["article"]), r["start"]))
        ],
        columns=list(COLUMNS[:-1]),
    )
    out["n_sources"] = out["articles"].map(len)
    return out.tail(top_n).reset_index(drop=True)  # the latest: a briefing reads forward
