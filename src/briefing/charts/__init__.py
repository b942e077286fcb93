"""House-style charts for the briefing (issue 5).

Call from a notebook::

    from briefing import charts
    charts.use_house_style()                  # optional: chart functions apply it
    fig = charts.hbar(df, "province", "cny_bn", title="Shanghai's target is the largest",
                      subtitle="Metaverse industry targets, billion yuan",
                      source="Xinhua, SCMP", value_fmt=lambda v: f"¥{v:,.0f}bn")
    fig.axes[0].set_xlim(0, 500)              # it is a plain matplotlib Figure: restyle freely
    charts.save_figure(fig, "targets-by-province", figures_dir, finding="...", quotes=[
        {"article": "a1", "outlet": "Xinhua", "date": "2022-07-08", "quote": "..."}])

Stable signatures (title/subtitle/source are keyword-only, optional, and can also
be given to save_figure, which then redraws them):

- hbar(df, label, value, *, title, subtitle, source, highlight=None, value_fmt=None, top_n=15)
- share_bars(df, label, count, share=None, *, derived="derived", title, subtitle, source, top_n=8)
- matrix(df, row=None, col=None, *, title, subtitle, source, top_n=20)  # long table or 0/1 grid
- timeline(df, date, label, kind=None, *, title, subtitle, source, top_n=24)
- tile_map(df, place, value, *, title, subtitle, source, tiles=None)
- save_figure(fig, name, figures_dir, *, title=None, subtitle=None, source=None,
  finding="", quotes=None) -> dict  # writes name.svg/.pdf/.png/-transparent.png/.json
"""

from briefing.charts.export import save_figure
from briefing.charts.plots import (
    hbar,
    header_texts,
    load_tiles,
    matrix,
    set_header,
    share_bars,
    tile_map,
    timeline,
    top_n_with_other,
)
from briefing.charts.style import ACCENT, OKABE_ITO, cjk_font_available, use_house_style

__all__ = [
    "ACCENT",
    "OKABE_ITO",
    "cjk_font_available",
    "hbar",
    "header_texts",
    "load_tiles",
    "matrix",
    "save_figure",
    "set_header",
    "share_bars",
    "tile_map",
    "timeline",
    "top_n_with_other",
    "use_house_style",
]

use_house_style()  # importing briefing.charts is enough to get the house look
