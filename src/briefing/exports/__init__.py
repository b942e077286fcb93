"""Reusable outputs from the figures and facts (issue 5).

build_all(figures_dir, processed_dir, out_dir) writes out_dir/briefing-slides.pptx,
out_dir/facts.csv, out_dir/facts.xlsx and figures_dir/README.md. gallery_html(figures_dir)
returns an escaped HTML gallery for the report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from briefing.exports.gallery import gallery_html, gallery_markdown, write_gallery
from briefing.exports.sidecars import read_sidecars
from briefing.exports.slides import write_slides
from briefing.exports.tables import load_claims, write_facts

DEFAULT_TITLE = "China metaverse briefing"


def _title_lines(
    processed_dir: Path, claims: pd.DataFrame, sidecars: list[dict]
) -> tuple[str, str]:
    """Deck title: build_info.json's title, else the first chart's, else DEFAULT_TITLE."""
    info_path = Path(processed_dir) / "build_info.json"
    info = {}
    if info_path.exists():
        try:
            info = json.loads(info_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            info = {}
    first_chart = sidecars[0].get("title") if sidecars else None
    title = str(info.get("title") or first_chart or DEFAULT_TITLE)
    as_of = info.get("as_of")
    n_articles = info.get("n_articles")
    if (as_of is None or n_articles is None) and len(claims):
        articles = sorted({a for row in claims["articles"] for a in row})
        dates = sorted({d for row in claims["published"] for d in row if d})
        n_articles = n_articles if n_articles is not None else len(articles)
        as_of = as_of or (dates[-1] if dates else "")
    return title, f"As of {as_of or 'n/a'} · {n_articles or 0} articles"


def build_all(
    figures_dir: Path, processed_dir: Path, out_dir: Path, *, slide_template: Path | None = None
) -> None:
    """Write the deck (on the analyst's template when given), the facts tables and the figure
    gallery (deterministic bytes)."""
    figures_dir, processed_dir, out_dir = Path(figures_dir), Path(processed_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    figures_dir.mkdir(parents=True, exist_ok=True)
    claims = load_claims(processed_dir)
    sidecars = read_sidecars(figures_dir)
    title, subtitle = _title_lines(processed_dir, claims, sidecars)
    write_slides(
        sidecars,
        figures_dir,
        out_dir / "briefing-slides.pptx",
        title=title,
        subtitle=subtitle,
        template=slide_template,
    )
    write_facts(claims, out_dir)
    write_gallery(figures_dir)


__all__ = [
    "build_all",
    "gallery_html",
    "gallery_markdown",
    "read_sidecars",
    "write_facts",
    "write_gallery",
    "write_slides",
]
