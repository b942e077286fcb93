"""What every section notebook does besides telling its section: load, set up, publish.

Why: these cells used to be pasted into each notebook (the loading cell nine times, the
chart-saving block five times); here they are tested once and a notebook cell reads as a
sentence of the briefing: `facts, claims = load(processed_dir, "facts", "claims")`,
`publish_chart(fig, "targets-by-province", figures_dir, title=finding, ...)`.
"""

from __future__ import annotations

from pathlib import Path

from briefing.paths import repo_root, resolve
from briefing.tables import TablesMissing, load

__all__ = ["TablesMissing", "load", "publish_chart", "repo_root", "resolve", "setup"]


def setup() -> None:
    """Inline charts as SVG: crisp in the PDF, Chinese text kept as outlines."""
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("svg")


def publish_chart(fig, name: str, figures_dir: str | Path, **save_kwargs) -> None:
    """Save `fig` for reuse (SVG, PDF, PNG and sidecar in `figures_dir`, see
    briefing.charts.save_figure), show it once in the notebook, and close it so it is not
    shown a second time at the end of the cell."""
    import matplotlib.pyplot as plt
    from IPython.display import display

    from briefing import charts  # looked up at call time: tests may stand in a recorder

    folder = resolve(figures_dir)
    folder.mkdir(parents=True, exist_ok=True)
    charts.save_figure(fig, name, folder, **save_kwargs)
    display(fig)
    plt.close(fig)
