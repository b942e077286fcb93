"""How a chart appears inside the briefing: sized to its data, with alt text.

Why: the files for slides are 16:9 whatever they hold, but on a page a two-bar chart drawn at
16:9 takes a third of A4 for two numbers. In the report a bar chart's height follows its
number of bars, and every image carries alt text that states its finding and its data, so a
screen reader (and a tagged PDF) says what a sighted reader sees.

The figure shows itself through `_repr_html_` (IPython prefers HTML to PNG, and nbconvert puts
HTML first): an <img> with a data: URI of the report-sized SVG and its alt text.
"""

from __future__ import annotations

import base64
import io
import re
from html import escape

from matplotlib import pyplot as plt
from matplotlib.figure import Figure

from briefing.charts.data import ChartData

#: Inches the header (title, subtitle) and the footer (source line) take on every chart.
HEADER_IN, FOOTER_IN = 1.8, 0.75
#: Inches per bar (or matrix row) in the report, and the bounds of a report chart's height.
ROW_IN, MIN_IN, MAX_IN = 0.62, 3.6, 9.0
#: Figure-fraction positions of the house header at the 16:9 size (plots.set_header).
_TITLE_TOP_IN, _SUBTITLE_TOP_IN, _SOURCE_BOTTOM_IN = 0.45, 1.035, 0.27


def report_height(data: ChartData | None, width_in: float, height_in: float) -> float:
    """The chart's height on the page: by its rows for bar charts, else as drawn."""
    if data is None or data.native_type is None or not data.categories:
        return height_in
    rows = len(data.categories)
    return min(MAX_IN, max(MIN_IN, HEADER_IN + FOOTER_IN + ROW_IN * rows + 0.3))


def alt_text(sidecar: dict, data: ChartData | None, *, limit: int = 12) -> str:
    """The finding, the unit line, the data drawn ("Sichuan (2025): 250; ...") and the source."""
    parts = [sidecar.get("title", ""), sidecar.get("subtitle", "")]
    if data is not None and data.native_type is not None and data.categories:
        pairs = []
        for i, category in enumerate(data.categories[:limit]):
            values = [s.values[i] for s in data.series if s.values[i]]
            if len(data.series) == 1:
                pairs.append(f"{category}: {_number(data.series[0].values[i])}")
            else:
                names = [s.name for s in data.series if s.values[i]]
                pairs.append(f"{category}: {', '.join(names) if values else 'none'}")
        more = len(data.categories) - limit
        parts.append("; ".join(pairs) + (f"; and {more} more" if more > 0 else ""))
    elif data is not None and len(data.rows):
        parts.append(f"{len(data.rows)} items drawn; the data is in the chart's CSV file")
    parts.append(sidecar.get("source", ""))
    text = ". ".join(p.strip().rstrip(".") for p in parts if p and p.strip())
    return re.sub(r"\s+", " ", text) + "."


def _number(value: float) -> str:
    from briefing import numfmt

    return numfmt.count(value)


def report_svg(fig: Figure, height_in: float) -> bytes:
    """The figure as SVG at the report's height, header kept at the same distance from the
    top (text sizes are in points, so fractions would crowd a short chart). The figure is
    restored to its size afterwards, so the slide files and the figure stay 16:9."""
    width_in, old_height = fig.get_size_inches()
    header = getattr(fig, "_briefing_header", {})
    saved_texts = {k: t.get_position() for k, t in header.items()}
    saved_axes = [ax.get_position() for ax in fig.axes]
    try:
        if abs(height_in - old_height) > 1e-6:
            fig.set_size_inches(width_in, height_in)
            for key, top_in in (("title", _TITLE_TOP_IN), ("subtitle", _SUBTITLE_TOP_IN)):
                if key in header:
                    header[key].set_y(1 - top_in / height_in)
            if "source" in header:
                header["source"].set_y(_SOURCE_BOTTOM_IN / height_in)
            bottom, top = FOOTER_IN / height_in, 1 - HEADER_IN / height_in
            for ax, box in zip(fig.axes, saved_axes, strict=True):
                ax.set_position((box.x0, bottom, box.width, max(top - bottom, 0.05)))
        buffer = io.BytesIO()
        with plt.rc_context({"svg.hashsalt": "briefing", "svg.fonttype": "none"}):
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "briefing"})
        return buffer.getvalue()
    finally:
        fig.set_size_inches(width_in, old_height)
        for key, position in saved_texts.items():
            header[key].set_position(position)
        for ax, box in zip(fig.axes, saved_axes, strict=True):
            ax.set_position(box)


def show_inline(fig: Figure, svg: bytes, alt: str, height_in: float) -> None:
    """Make `display(fig)` show the report-sized SVG with its alt text."""
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    width_in = fig.get_size_inches()[0]
    markup = (
        f'<figure class="chart" style="aspect-ratio: {width_in:.2f} / {height_in:.2f}">'
        f'<img src="{uri}" alt="{escape(alt, quote=True)}" role="img"></figure>'
    )
    fig._repr_html_ = lambda: markup
