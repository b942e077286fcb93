"""House style: one look for every chart, and Chinese that renders (no tofu).

WHY this font list: charts use the briefing's body font, Noto Sans CJK SC (Debian's
fonts-noto-cjk; it carries Latin and 汉字), so a chart reads as part of the page; DejaVu Sans
(always shipped with matplotlib) stands in on a machine without it. matplotlib >= 3.6
resolves such lists per glyph.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: notebooks run under papermill without a display

from matplotlib import font_manager
from matplotlib import pyplot as plt

STYLE_PATH = Path(__file__).with_name("house.mplstyle")
CJK_FONT_FILES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
)
LATIN_FAMILY = "DejaVu Sans"
CJK_FAMILY = "Noto Sans CJK SC"
FONT_FAMILY = [CJK_FAMILY, LATIN_FAMILY]

# Okabe-Ito: distinguishable under the common colour-vision deficiencies.
OKABE_ITO = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",
]
BASE = "#9AA5B1"  # grey for ordinary bars
ACCENT = "#D55E00"  # the one highlighted bar
INK = "#222222"
MUTED = "#666666"


def cjk_font_available() -> bool:
    """True when the CJK fallback family is known to matplotlib."""
    return any(f.name == CJK_FAMILY for f in font_manager.fontManager.ttflist)


def use_house_style() -> None:
    """Apply house.mplstyle and register the CJK fallback font (idempotent)."""
    known = {f.fname for f in font_manager.fontManager.ttflist}
    for path in CJK_FONT_FILES:
        if path.exists() and str(path) not in known:
            font_manager.fontManager.addfont(str(path))
    plt.style.use(STYLE_PATH)
    plt.rcParams["font.family"] = FONT_FAMILY
    plt.rcParams["axes.prop_cycle"] = matplotlib.cycler(color=OKABE_ITO)
    plt.rcParams["svg.hashsalt"] = "briefing"  # stable SVG ids: reruns give identical bytes
    plt.rcParams["pdf.fonttype"] = 42  # TrueType in PDFs: text stays selectable
    _inline_svg()


def _inline_svg() -> None:
    """Inside IPython/Jupyter, embed charts as SVG so the report keeps vector text."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    if get_ipython() is None:
        return
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:
        return
    set_matplotlib_formats("svg")
