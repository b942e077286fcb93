"""Chart functions: tidy DataFrame + explicit column names in, matplotlib Figure out.

Every figure stands alone on a slide: title (the finding), subtitle (unit and
scope) and a source line are drawn inside the 16:9 canvas. Labels are direct (no
legends), bars are sorted, and long tails are folded into "Other (k)" so the
charts stay legible however many articles go in.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib import pyplot as plt
from matplotlib.cm import ScalarMappable
from matplotlib.colors import BoundaryNorm, ListedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from briefing.charts.data import ChartData, Series, attach, ids_by_label
from briefing.charts.style import ACCENT, BASE, INK, MUTED, OKABE_ITO, use_house_style

# Shipped as package data (pyproject: briefing = ["**/*.csv"]): works from a wheel too.
TILES_PATH = Path(__file__).with_name("province_tiles.csv")
TILE_CMAP = "cividis"  # sequential and colour-blind safe
EMPTY_TILE = "#E6E9ED"
# Other spellings seen in articles -> the layout's English name.
PLACE_ALIASES = {"macau": "Macao", "xizang": "Tibet", "nei mongol": "Inner Mongolia"}
HEADER_KEYS = ("title", "subtitle", "source")


def _new_figure(left: float = 0.25) -> tuple[Figure, plt.Axes]:
    use_house_style()
    # A bare Figure, not pyplot: nothing is retained, so thousands of charts do not leak.
    fig = Figure(figsize=(16, 9), dpi=120)
    ax = fig.add_axes((left, 0.12, 0.95 - left, 0.68))
    return fig, ax


def set_header(fig: Figure, *, title=None, subtitle=None, source=None) -> Figure:
    """Draw or replace the title, subtitle and source line (None keeps what is there).

    WHY replaceable: notebooks often know the finding only when saving, so
    save_figure passes its texts through here too.
    """
    texts = getattr(fig, "_briefing_header", None)
    if texts is None:
        texts = {
            "title": fig.text(0.03, 0.95, "", fontsize=26, weight="bold", color=INK, va="top"),
            "subtitle": fig.text(0.03, 0.885, "", fontsize=17, color=MUTED, va="top"),
            "source": fig.text(0.03, 0.03, "", fontsize=12, color=MUTED, va="bottom"),
        }
        for key, text in texts.items():
            text.set_gid(f"briefing-{key}")
        fig._briefing_header = texts
    for key, value in (("title", title), ("subtitle", subtitle), ("source", source)):
        if value is not None:
            value = str(value)
            if key == "source" and value and not value.lower().startswith("source"):
                value = f"Source: {value}"
            texts[key].set_text(value)
    return fig


def header_texts(fig: Figure) -> dict[str, str]:
    """The current title/subtitle/source strings of a house figure."""
    texts = getattr(fig, "_briefing_header", {})
    return {key: texts[key].get_text() if key in texts else "" for key in HEADER_KEYS}


def _with_columns(df: pd.DataFrame, cols) -> pd.DataFrame:
    """df, or an empty frame with `cols` when df lacks them (e.g. pd.DataFrame())."""
    cols = [c for c in cols if c is not None]
    if df is None or (len(df) == 0 and not set(cols) <= set(df.columns)):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    return df


def _no_data(ax) -> None:
    """An empty chart still renders: axes off and a visible "no data"."""
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        "no data",
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=20,
        color=MUTED,
    )


def _default_fmt(value: float) -> str:
    """Whole numbers from 100 up (a derived 16,252.4 patents is "16,252"), one decimal below."""
    if isinstance(value, float) and not value.is_integer() and abs(value) < 100:
        return f"{value:,.1f}"
    return f"{round(value):,}"


def _record_bars(
    fig: Figure,
    source_rows: pd.DataFrame,
    rows: pd.DataFrame,
    label: str,
    values: list[str],
    *,
    native: str,
    share: str | None = None,
) -> None:
    """Record the bars drawn (largest first) with the fact ids behind each, for the CSV and
    the deck's native chart. A folded "Other (k)" bar carries the ids of what it folds."""
    ids = ids_by_label(source_rows, label)
    drawn_labels = rows[label].astype(str).tolist()
    folded = [i for name, found in ids.items() if name not in drawn_labels for i in found]
    table = rows[[label, *values]].reset_index(drop=True).copy()
    if ids:
        table["fact_ids"] = [
            " ".join(ids.get(name, folded if name.startswith("Other (") else []))
            for name in drawn_labels
        ]
    attach(
        fig,
        ChartData(
            rows=table,
            native_type=native,
            categories=tuple(
                _category(name, pct, flag)
                for name, pct, flag in zip(
                    drawn_labels,
                    rows[share] if share else [None] * len(rows),
                    rows["derived"] if "derived" in rows else [False] * len(rows),
                    strict=True,
                )
            ),
            series=(Series(values[0], tuple(float(v) for v in rows[values[0]])),),
        ),
    )


def _category(name: str, pct: object, derived: object) -> str:
    """A native bar's label: "China (30%)", and "derived" where we computed the bar."""
    notes = [f"{float(pct):.0f}%"] if pct is not None and pd.notna(pct) else []
    if derived is True or (isinstance(derived, int | float) and bool(derived)):
        notes.append("derived")
    return f"{name} ({', '.join(notes)})" if notes else name


def top_n_with_other(df: pd.DataFrame, label: str, value: str, top_n: int) -> pd.DataFrame:
    """Largest `top_n - 1` rows plus one "Other (k)" row summing the rest (if more than top_n)."""
    df = _with_columns(df, [label, value])
    rows = df[[label, value]].dropna(subset=[value]).copy()
    rows[label] = rows[label].astype(str)
    rows = rows.sort_values([value, label], ascending=[False, True], kind="stable")
    if len(rows) <= top_n:
        return rows.reset_index(drop=True)
    head, tail = rows.iloc[: top_n - 1], rows.iloc[top_n - 1 :]
    other = pd.DataFrame({label: [f"Other ({len(tail)})"], value: [tail[value].sum()]})
    return pd.concat([head, other], ignore_index=True)


def hbar(
    df: pd.DataFrame,
    label: str,
    value: str,
    *,
    title: str = "",
    subtitle: str = "",
    source: str = "",
    highlight: str | None = None,
    value_fmt: Callable[[float], str] | None = None,
    top_n: int = 12,
) -> Figure:
    """Sorted horizontal bars, largest on top, values written at the bar ends.

    highlight names the accented bar (default: the largest).
    """
    fmt = value_fmt or _default_fmt
    rows = top_n_with_other(df, label, value, top_n)
    fig, ax = _new_figure()
    set_header(fig, title=title, subtitle=subtitle, source=source)
    if rows.empty:
        _no_data(ax)
        return fig
    _record_bars(fig, df, rows, label, [value], native="BAR_CLUSTERED")
    accent = highlight if highlight is not None else rows[label].iloc[0]
    labels = rows[label].tolist()[::-1]
    values = rows[value].astype(float).tolist()[::-1]
    colors = [ACCENT if name == accent else BASE for name in labels]
    ax.barh(range(len(labels)), values, color=colors, height=0.7)
    ax.set_yticks(range(len(labels)), labels)
    top = max(values) if values else 1.0
    for i, v in enumerate(values):
        ax.text(v + top * 0.01, i, fmt(v), va="center", fontsize=14, color=INK)
    ax.set_xlim(0, top * 1.22 if top > 0 else 1)
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return fig


def share_bars(
    df: pd.DataFrame,
    label: str,
    count: str,
    share: str | None = None,
    *,
    derived: str = "derived",
    title: str = "",
    subtitle: str = "",
    source: str = "",
    top_n: int = 8,
) -> Figure:
    """Bars of counts (or shares) with "count (share%)" labels.

    Rows whose boolean column `derived` is true (computed by us, e.g. rest of
    world = total - China - US) are drawn lighter and hatched and say "derived".
    """
    cols = [label, count] + ([share] if share else []) + ([derived] if derived in df else [])
    df = _with_columns(df, cols)
    rows = df[cols].dropna(subset=[count]).copy()
    rows[label] = rows[label].astype(str)
    rows = rows.sort_values([count, label], ascending=[False, True], kind="stable").head(top_n)
    fig, ax = _new_figure()
    set_header(fig, title=title, subtitle=subtitle, source=source)
    if rows.empty:
        _no_data(ax)
        return fig
    _record_bars(
        fig,
        df,
        rows,
        label,
        [count] + ([share] if share else []),
        native="BAR_CLUSTERED",
        share=share,
    )
    rows = rows.iloc[::-1]
    top = float(rows[count].max()) or 1.0
    for i, row in enumerate(rows.itertuples(index=False)):
        rec = row._asdict()
        is_derived = bool(rec.get(derived, False)) if derived in rows else False
        color = OKABE_ITO[i % len(OKABE_ITO)] if not is_derived else "#D9DEE3"
        ax.barh(
            i,
            float(rec[count]),
            color=color,
            height=0.7,
            hatch="//" if is_derived else None,
            edgecolor=MUTED if is_derived else color,
        )
        text = _default_fmt(float(rec[count]))
        if share and pd.notna(rec.get(share)):
            text += f" ({float(rec[share]):.0f}%)"
        if is_derived:
            text += " derived"
        ax.text(float(rec[count]) + top * 0.01, i, text, va="center", fontsize=15, color=INK)
    ax.set_yticks(range(len(rows)), rows[label].tolist())
    ax.set_xlim(0, top * 1.3)
    ax.xaxis.set_visible(False)
    ax.spines["bottom"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return fig


def matrix(
    df: pd.DataFrame,
    row: str | None = None,
    col: str | None = None,
    *,
    title: str = "",
    subtitle: str = "",
    source: str = "",
    top_n: int = 20,
) -> Figure:
    """Membership dot matrix, rows and columns sorted by number of memberships.

    Accepts a long table (one row per membership, columns `row` and `col`) or,
    with row/col omitted, a ready 0/1 grid (index = rows, columns = columns).
    """
    if row is not None and col is not None:
        grid = pd.crosstab(df[row].astype(str), df[col].astype(str)).clip(upper=1)
    else:
        grid = df.copy()
        grid.index = grid.index.astype(str)
        grid.columns = grid.columns.astype(str)
        grid = (grid.fillna(0).astype(float) > 0).astype(int)
    fig, ax = _new_figure(left=0.28)
    set_header(fig, title=title, subtitle=subtitle, source=source)
    if grid.empty:
        _no_data(ax)
        return fig
    row_n, col_n = grid.sum(axis=1), grid.sum(axis=0)
    rows = sorted(grid.index, key=lambda r: (-row_n[r], r))[:top_n]
    cols = sorted(grid.columns, key=lambda c: (-col_n[c], c))
    grid = grid.loc[rows, cols]
    attach(
        fig,
        ChartData(
            rows=grid.rename_axis("row").reset_index(),
            native_type="BAR_STACKED",
            categories=tuple(rows),
            series=tuple(Series(c, tuple(float(v) for v in grid[c])) for c in cols),
        ),
    )
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            hit = grid.at[r, c] > 0
            ax.scatter(j, i, s=260 if hit else 40, color=OKABE_ITO[0] if hit else "#E1E5EA")
        ax.text(len(cols) - 0.4, i, str(int(row_n[r])), va="center", fontsize=13, color=MUTED)
    ax.set_xticks(range(len(cols)), cols, rotation=20, ha="left")
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(rows)), rows)
    ax.set_xlim(-0.6, len(cols) - 0.1)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for side in ("left", "bottom", "top"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    fig.axes[0].set_position((0.28, 0.12, 0.62, 0.6))
    return fig


#: How a date is written at each precision on the timeline.
_DATE_AT = {"day": "%Y-%m-%d", "month": "%b %Y", "year": "%Y"}


def timeline(
    df: pd.DataFrame,
    date: str,
    label: str,
    kind: str | None = None,
    *,
    title: str = "",
    subtitle: str = "",
    source: str = "",
    top_n: int = 24,
    precision: str | None = None,
) -> Figure:
    """Dated events on one axis; labels staggered above/below so they don't overlap.

    Colour encodes `kind` (named in each label, so no legend). Only the latest
    top_n events are drawn; the count of earlier ones is written on the chart. With a
    `precision` column (day | month | year), each date is written no finer than the text
    gave it: an event known to its month reads "Sep 2022", not "2022-09-01".
    """
    cols = [date, label] + ([kind] if kind else []) + ([precision] if precision else [])
    df = _with_columns(df, cols)
    rows = df[cols].copy()
    # one by one: dates at mixed precisions ("2022-09-27", "2022-07", "2021") in one column
    rows["when__"] = pd.to_datetime(
        rows[date].map(lambda v: pd.to_datetime(str(v), errors="coerce")), errors="coerce"
    )
    rows = rows.dropna(subset=["when__"]).sort_values(["when__", label], kind="stable")
    hidden = max(0, len(rows) - top_n)
    rows = rows.tail(top_n)
    fig, ax = _new_figure(left=0.05)
    set_header(fig, title=title, subtitle=subtitle, source=source)
    if rows.empty:
        _no_data(ax)
        return fig
    attach(fig, ChartData(rows=rows.drop(columns="when__").reset_index(drop=True)))
    kinds = sorted(rows[kind].astype(str).unique()) if kind else []
    palette = {k: OKABE_ITO[i % len(OKABE_ITO)] for i, k in enumerate(kinds)}
    span = rows["when__"].max() - rows["when__"].min()
    pad = max(span * 0.08, pd.Timedelta(days=15))
    lo, hi = rows["when__"].min() - pad, rows["when__"].max() + pad
    placed = _timeline_levels(list(rows["when__"]), lo, hi)
    ax.axhline(0, color=MUTED, linewidth=1.5)
    hidden += sum(level is None for level in placed)
    for i, rec in enumerate(rows.itertuples(index=False)):
        rec = rec._asdict()
        when, level = rec["when__"], placed[i]
        if level is None:
            continue
        color = palette.get(str(rec[kind]), OKABE_ITO[0]) if kind else OKABE_ITO[0]
        ax.plot([when, when], [0, level], color=color, linewidth=1.2)
        ax.scatter([when], [0], color=color, s=50, zorder=3)
        shown = _DATE_AT.get(str(rec[precision]) if precision else "day", "%Y-%m-%d")
        lines = textwrap.wrap(str(rec[label]), TIMELINE_WRAP) or [""]
        if len(lines) > 2:  # two lines of label at most: the table holds the rest
            lines = [
                lines[0],
                textwrap.shorten(" ".join(lines[1:]), TIMELINE_WRAP, placeholder="…"),
            ]
        text = "\n".join(lines) + f"\n{when.strftime(shown)}"
        if kind:
            text += f" · {rec[kind]}"
        ax.text(
            when,
            level,
            text,
            ha="center",
            va="bottom" if level > 0 else "top",
            fontsize=12,
            color=color,
        )
    if hidden:
        ax.text(
            1.0,
            1.02,
            f"{hidden} more events in the table, not drawn",
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=12,
            color=MUTED,
        )
    ax.set_xlim(lo, hi)
    ax.set_ylim(-TIMELINE_LEVELS * TIMELINE_STEP - 1.6, TIMELINE_LEVELS * TIMELINE_STEP + 1.6)
    ax.yaxis.set_visible(False)
    ax.spines["left"].set_visible(False)
    return fig


#: Characters per line of a timeline label, label rows above and below the axis, and the
#: distance between rows (axis units: a two-line label and its date fit in one step).
TIMELINE_WRAP, TIMELINE_LEVELS, TIMELINE_STEP = 26, 3, 1.45
#: How much of the axis' width one label takes (26 characters at 12 pt on a 16-inch chart).
_LABEL_SHARE = 0.17


def _timeline_levels(dates: list, lo, hi) -> list[float | None]:
    """A height for each label, in date order, so that no two labels overlap: each takes the
    lowest row (above, then below the axis) whose last label ends before it begins; an event
    for which every row is taken gets None (not drawn; the table lists every event)."""
    total = (hi - lo) / pd.Timedelta(days=1) or 1.0
    rows = [r * sign for r in range(1, TIMELINE_LEVELS + 1) for sign in (1, -1)]
    free_from = {row: float("-inf") for row in rows}
    out = []
    for when in dates:
        x = (when - lo) / pd.Timedelta(days=1) / total
        start, end = x - _LABEL_SHARE / 2, x + _LABEL_SHARE / 2
        row = next((r for r in rows if free_from[r] <= start), None)
        if row is None:  # no room: left to the table rather than drawn over another label
            out.append(None)
            continue
        free_from[row] = end
        out.append(row * TIMELINE_STEP)
    return out


def _tile_scale(values: list[float], whole: bool):
    """Colour map, norm and legend ticks: discrete steps for whole counts (1, 2, 3 ...; at most
    seven steps, wider bins beyond), a continuous scale otherwise. Light means few, dark many
    (cividis reversed: sequential and colour-blind safe), so empty grey tiles never read as
    the top of the scale."""
    base = matplotlib.colormaps[TILE_CMAP].reversed()
    if not values:
        return base, Normalize(0, 1), None
    if whole:
        top = int(max(values))
        step = max(1, math.ceil(top / 7))
        edges = [0.5 + i * step for i in range(math.ceil(top / step) + 1)]
        colours = base(np.linspace(0.25, 1.0, len(edges) - 1))
        cmap = ListedColormap(colours)
        # one tick per count (1, 2, 3), or the bins' lower bounds when counts are binned
        ticks = [int(e + 0.5) for e in (edges[:-1] if step == 1 else edges)]
        return cmap, BoundaryNorm(edges, cmap.N), ticks
    low, high = min(values), max(values)
    vmin = min(low, 0.0)
    return base, Normalize(vmin=vmin, vmax=high if high > vmin else vmin + 1), None


def load_tiles(path: Path = TILES_PATH) -> pd.DataFrame:
    """The tile-grid layout, one row per provincial-level division (34).

    Columns: name (English), abbrev (GB/T 2260 code), name_zh, row, col, and
    province (same as name, kept for callers of the earlier layout).
    """
    tiles = pd.read_csv(path, dtype={"name": str, "abbrev": str, "name_zh": str})
    if "province" not in tiles.columns:
        tiles["province"] = tiles["name"]
    return tiles


def _norm_place(name: str) -> str:
    text = str(name).strip().lower()
    for suffix in (" province", " municipality", " city", " autonomous region", " sar"):
        text = text.removesuffix(suffix)
    for suffix in ("省", "市", "自治区", "特别行政区"):
        text = text.removesuffix(suffix)
    return text


def tile_map(
    df: pd.DataFrame,
    place: str,
    value: str,
    *,
    title: str = "",
    subtitle: str = "",
    source: str = "",
    tiles: pd.DataFrame | None = None,
) -> Figure:
    """Tile-grid map of China's 34 provincial-level divisions.

    Places match on English or Chinese names (suffixes like Province/省 ignored).
    Numeric values are coloured on one sequential colour-blind-safe colormap
    (cividis) with a colour bar; text values act as categories (accent colour).
    Provinces absent from df are grey.
    """
    tiles = load_tiles() if tiles is None else tiles
    lookup = dict(PLACE_ALIASES)
    for rec in tiles.itertuples(index=False):
        for alias in (rec.province, rec.name_zh, getattr(rec, "abbrev", None)):
            if isinstance(alias, str) and alias:
                lookup[_norm_place(alias)] = rec.province
    values: dict[str, object] = {}
    if len(df) and {place, value} <= set(df.columns):
        for rec in df[[place, value]].dropna().itertuples(index=False):
            key = lookup.get(_norm_place(rec[0]))
            if key is not None:
                values[key] = rec[1]
    fig, ax = _new_figure(left=0.2)
    set_header(fig, title=title, subtitle=subtitle, source=source)
    drawn_rows = pd.DataFrame(
        {"province": list(values), value: list(values.values())}, columns=["province", value]
    )
    attach(fig, ChartData(rows=drawn_rows.sort_values("province").reset_index(drop=True)))
    ax.set_position((0.2, 0.1, 0.6, 0.74))
    numbers = {
        k: float(v)
        for k, v in values.items()
        if isinstance(v, (int, float)) and not isinstance(v, bool) and not math.isnan(v)
    }
    whole = bool(numbers) and all(v.is_integer() and v >= 0 for v in numbers.values())
    if whole:  # counts: zero is "nothing here" (grey), and each step is a whole number
        numbers = {k: v for k, v in numbers.items() if v > 0}
    cmap, norm, ticks = _tile_scale(list(numbers.values()), whole)
    for rec in tiles.itertuples(index=False):
        val = values.get(rec.province)
        if rec.province in numbers:
            face = cmap(norm(numbers[rec.province]))
            shown = _default_fmt(numbers[rec.province])
        elif isinstance(val, str) and val:  # a category, not a number
            face, shown = ACCENT, str(val)
        else:
            face, shown = EMPTY_TILE, None
        on = shown is not None
        r, g, b = matplotlib.colors.to_rgb(face)
        ink = ("white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.55 else INK) if on else MUTED
        ax.add_patch(Rectangle((rec.col, -rec.row), 0.92, 0.92, color=face))
        ax.text(
            rec.col + 0.46,
            -rec.row + 0.62,
            rec.name_zh,
            ha="center",
            va="center",
            fontsize=15,
            color=ink,
            weight="bold" if on else "normal",
        )
        short = rec.province.replace("Inner Mongolia", "Inner Mong.").replace(
            "Heilongjiang", "Heilongj."
        )
        ax.text(
            rec.col + 0.46, -rec.row + 0.36, short, ha="center", va="center", fontsize=10, color=ink
        )
        if on:
            ax.text(
                rec.col + 0.46,
                -rec.row + 0.14,
                shown,
                ha="center",
                va="center",
                fontsize=11,
                color=ink,
            )
    ax.set_xlim(-0.2, tiles["col"].max() + 1.1)
    ax.set_ylim(-tiles["row"].max() - 0.2, 1.1)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if numbers:
        cax = fig.add_axes((0.84, 0.2, 0.015, 0.5))
        bar = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), cax=cax, ticks=ticks)
        if whole:
            bar.ax.set_yticklabels([str(int(t)) for t in ticks])
        bar.outline.set_visible(False)
        bar.ax.tick_params(labelsize=11, colors=MUTED)
    else:
        ax.text(
            0.5,
            0.5,
            "no data",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=20,
            color=MUTED,
        )
    return fig
