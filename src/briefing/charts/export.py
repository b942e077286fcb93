"""save_figure: one figure -> SVG, PDF, PNG 1920x1080, transparent PNG, JSON sidecar.

WHY deterministic bytes: reruns must not churn the repo or the deck. Each backend
gets metadata that drops its timestamp/version, the SVG ids use a fixed
svg.hashsalt (house.mplstyle), and no bbox_inches="tight" (it would change size).
Notebooks run in parallel processes, so nothing shared is written: the sidecars
(name.json) are the index.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from matplotlib import pyplot as plt
from matplotlib.figure import Figure

from briefing.charts.data import drawn
from briefing.charts.inline import alt_text, report_height, report_svg, show_inline
from briefing.charts.plots import set_header

WIDTH_PX, HEIGHT_PX, DPI = 1920, 1080, 120
CREATOR = "briefing.charts"
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QUOTE_KEYS = ("article", "outlet", "date", "quote", "ids")
METADATA = {
    "svg": {"Date": None, "Creator": CREATOR},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": CREATOR, "Producer": CREATOR},
    "png": {"Software": CREATOR},
}


def _clean_quotes(quotes) -> list[dict]:
    """Quotes as dicts of QUOTE_KEYS; a bare string is the quote alone (no provenance known)."""
    cleaned = []
    for quote in quotes or []:
        if isinstance(quote, str):
            quote = {"quote": quote}
        cleaned.append(
            {key: "" if quote.get(key) is None else str(quote.get(key)) for key in QUOTE_KEYS}
        )
    return cleaned


def save_figure(
    fig: Figure,
    name: str,
    figures_dir: Path | str,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    source: str | None = None,
    finding: str | None = None,
    quotes: Iterable[dict] = (),
    order: int | None = None,
) -> dict[str, Path]:
    """Write figures_dir/name.{svg,pdf,png}, name-transparent.png and name.json.

    Returns the written paths by kind: svg, pdf, png, transparent_png, json.
    Each file is written to a temporary name and renamed into place, so a reader
    (the deck, the report) never sees half a file.

    title/subtitle/source, when given, replace the texts drawn on the figure, so
    the image and the sidecar always agree. quotes: dicts with article, outlet,
    date, quote. name must be kebab-case (e.g. "targets-by-province"). order: where the
    chart comes in the briefing (its section's number), so the deck and the gallery follow
    the report rather than the alphabet; charts without one come last, by name.
    """
    if not NAME_RE.match(name):
        raise ValueError(f"figure name must be kebab-case ascii, got {name!r}")
    out = Path(figures_dir)
    out.mkdir(parents=True, exist_ok=True)
    set_header(fig, title=title, subtitle=subtitle, source=source)
    texts = {key: text.get_text() for key, text in fig._briefing_header.items()}
    fig.set_size_inches(WIDTH_PX / DPI, HEIGHT_PX / DPI)
    files = {
        "svg": f"{name}.svg",
        "pdf": f"{name}.pdf",
        "png": f"{name}.png",
        "transparent_png": f"{name}-transparent.png",
    }
    with plt.rc_context({"svg.hashsalt": "briefing", "svg.fonttype": "none", "pdf.fonttype": 42}):
        _atomic_savefig(fig, out / files["svg"], format="svg", metadata=METADATA["svg"])
        _atomic_savefig(fig, out / files["pdf"], format="pdf", metadata=METADATA["pdf"])
        _atomic_savefig(fig, out / files["png"], format="png", dpi=DPI, metadata=METADATA["png"])
        _atomic_savefig(
            fig,
            out / files["transparent_png"],
            format="png",
            dpi=DPI,
            metadata=METADATA["png"],
            transparent=True,
        )
    sidecar = {
        "name": name,
        "title": texts["title"],
        "subtitle": texts["subtitle"],
        "source": texts["source"],
        "finding": finding or texts["title"],
        "quotes": _clean_quotes(quotes),
        "files": files,
    }
    if order is not None:
        sidecar["order"] = int(order)
    data = drawn(fig)
    if data is not None:
        table = data_table(data.rows, sidecar["quotes"])
        _atomic_write(out / f"{name}.csv", table.to_csv(index=False).encode("utf-8"))
        files["csv"] = f"{name}.csv"
        native = data.native_spec()
        if native is not None:
            native["axis_title"] = texts["subtitle"]
            sidecar["native"] = native
    width_in, height_in = fig.get_size_inches()
    page_height = report_height(data, width_in, height_in)
    sidecar["alt"] = alt_text(sidecar, data)
    show_inline(fig, report_svg(fig, page_height), sidecar["alt"], page_height)
    text = json.dumps(sidecar, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    _atomic_write(out / f"{name}.json", text.encode("utf-8"))
    paths = {kind: out / file for kind, file in files.items()}
    paths["json"] = out / f"{name}.json"
    return paths


def data_table(rows: pd.DataFrame, quotes: list[dict]) -> pd.DataFrame:
    """The rows a chart drew, each with its sources and exact quotes (the "get the data" CSV).

    A row's `fact_ids` (space-separated) pick its quotes; a chart without per-row ids (the
    timeline's own sentences) keeps its columns as drawn.
    """
    table = rows.copy()
    if "fact_ids" not in table.columns:
        return table
    by_id: dict[str, list[dict]] = {}
    for quote in quotes:
        for fact_id in str(quote.get("ids", "")).split():
            by_id.setdefault(fact_id, []).append(quote)
    sources, texts = [], []
    for ids in table["fact_ids"].fillna("").astype(str):
        found = [q for i in ids.split() for q in by_id.get(i, [])]
        seen = list(
            dict.fromkeys((q["outlet"] or q["article"], q["date"], q["quote"]) for q in found)
        )
        sources.append(" | ".join(dict.fromkeys(", ".join(p for p in s[:2] if p) for s in seen)))
        texts.append(" | ".join(dict.fromkeys(s[2] for s in seen)))
    return table.assign(source=sources, quote=texts)


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _atomic_savefig(fig: Figure, path: Path, **kwargs) -> None:
    tmp = _temp_name(path)
    try:
        fig.savefig(tmp, **kwargs)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = _temp_name(path)
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
