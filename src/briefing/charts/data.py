"""The data a chart draws, kept beside the figure so it can travel with it.

Why: an analyst who pastes a chart into a deck wants to restyle it and check its numbers. So
each chart function records the rows it actually drew (after sorting, top-n folding and
"Other (k)") and, for bar charts, how PowerPoint would draw the same data natively. The
export writes `<name>.csv` from these rows ("get the data", as OWID and Datawrapper offer) and
the deck builds a native, editable chart from the same record, so the picture, the CSV and
the slide can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

#: Native chart types the deck can draw (python-pptx XL_CHART_TYPE member names).
NATIVE_TYPES = ("BAR_CLUSTERED", "BAR_STACKED", "COLUMN_CLUSTERED", "LINE_MARKERS")


@dataclass(frozen=True)
class Series:
    """One series of a native chart: its name and one value per category."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartData:
    """What a chart drew: the rows (for the CSV) and, when PowerPoint can draw it, a spec.

    `rows` holds one row per drawn mark, in drawing order (largest first for bars), with the
    fact ids behind each row in a `fact_ids` column when the caller gave them. `native_type`
    is None for charts PowerPoint cannot draw (the tile map, the timeline): those stay
    pictures in the deck, but still get their CSV.
    """

    rows: pd.DataFrame
    native_type: str | None = None
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    number_format: str = "#,##0"
    extra: dict[str, Any] = field(default_factory=dict)

    def native_spec(self) -> dict[str, Any] | None:
        """The JSON-able spec the deck reads (None when the chart is a picture only)."""
        if self.native_type is None:
            return None
        return {
            "type": self.native_type,
            "categories": list(self.categories),
            "series": [{"name": s.name, "values": list(s.values)} for s in self.series],
            "number_format": self.number_format,
        }


def attach(fig: Figure, data: ChartData) -> Figure:
    """Record what `fig` draws (read back by `drawn`, e.g. in `save_figure`)."""
    fig._briefing_data = data
    return fig


def drawn(fig: Figure) -> ChartData | None:
    """The data recorded on a house figure, or None for a figure drawn by hand."""
    return getattr(fig, "_briefing_data", None)


def ids_by_label(df: pd.DataFrame, label: str, ids: str = "fact_ids") -> dict[str, list[str]]:
    """Fact ids behind each label of `df` (empty when the frame has no id column)."""
    if ids not in df.columns or label not in df.columns:
        return {}
    out: dict[str, list[str]] = {}
    for name, value in zip(df[label].astype(str), df[ids], strict=True):
        found = value if isinstance(value, list | tuple) else ([] if _blank(value) else [value])
        out.setdefault(name, []).extend(str(v) for v in found)
    return out


def _blank(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
