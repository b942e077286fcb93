"""The section notebooks keep the pipeline's contract and tell the story from the data.

Execution here is in-process (no kernel, fast): each notebook's code cells run in order
against the hand-made facts fixture. `briefing.charts` is replaced by a recorder *only in
this test* while the charts package may be absent; the notebooks themselves import it
directly. The whole-report build is tests/test_rerun_e2e.py (slow).
"""

import ast
import sys
import types
from pathlib import Path

import nbformat
import pytest
from matplotlib.figure import Figure

NOTEBOOKS = sorted((Path(__file__).parents[1] / "notebooks").glob("*.ipynb"))
FIXTURE = Path(__file__).parent / "fixtures" / "facts_small.csv"
PARAMETERS = ("articles_dir", "processed_dir", "figures_dir", "cny_per_usd", "as_of", "title")
EXPECTED = [
    "01-summary", "02-targets", "03-patents", "04-companies", "05-market", "06-timeline",
    "07-geography", "08-sources-and-method", "09-caveats",
]  # fmt: skip


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_and_its_text_twin_are_in_step(path):
    # the .py is what review reads and what the build runs; the .ipynb what JupyterLab opens.
    # The build syncs them (newer wins); committed, they must already agree.
    import jupytext

    assert jupytext.writes(jupytext.read(path), fmt="py:percent") == path.with_suffix(
        ".py"
    ).read_text(encoding="utf-8")


def test_the_nine_sections_are_there_in_report_order():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_contract(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("## ")
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "stored with outputs"
    params = code[0]
    assert params.metadata.get("tags") == ["parameters"]
    assigned = [n.targets[0].id for n in ast.parse(params.source).body]
    assert assigned == list(PARAMETERS)
    assert all("#" in line for line in params.source.splitlines()), "each parameter commented"
    for cell in nb.cells:
        if cell.cell_type == "markdown":  # headings and fixed text only: no typed figures
            assert not any(ch.isdigit() for ch in cell.source.replace(first.source, ""))
        else:
            assert "Markdown(" not in cell.source


class _Recorder(types.ModuleType):
    """Stands in for briefing.charts: records what each chart was given and saved as."""

    def __init__(self):
        super().__init__("briefing.charts")
        self.saved: list[dict] = []
        for name in ("hbar", "share_bars", "matrix", "timeline", "tile_map"):
            setattr(self, name, lambda data, *cols, _n=name, **kw: self._figure(_n, data))

    @staticmethod
    def _figure(chart: str, data) -> Figure:
        fig = Figure()
        fig.chart, fig.rows = chart, len(data)
        return fig

    def save_figure(self, fig, name, figures_dir, **kw):
        self.saved.append({"name": name, "chart": fig.chart, "rows": fig.rows, **kw})


def _run(path: Path, processed_dir: Path, monkeypatch) -> tuple[list[str], _Recorder]:
    import IPython.display

    import briefing

    charts = _Recorder()
    monkeypatch.setitem(sys.modules, "briefing.charts", charts)
    monkeypatch.setattr(briefing, "charts", charts, raising=False)
    shown: list[str] = []
    monkeypatch.setattr(
        IPython.display, "display", lambda obj: shown.append(getattr(obj, "data", obj))
    )
    namespace: dict = {}
    cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    exec(cells[0].source, namespace)  # the defaults, then the pipeline's overrides
    namespace.update(processed_dir=str(processed_dir), figures_dir=str(processed_dir / "fig"))
    for cell in cells[1:]:
        exec(cell.source, namespace)
    return shown, charts


@pytest.fixture
def processed(tmp_path):
    (tmp_path / "facts.csv").write_bytes(FIXTURE.read_bytes())
    return tmp_path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_a_facts_table_and_shows_only_html(path, processed, monkeypatch):
    shown, _ = _run(path, processed, monkeypatch)
    assert shown, "a section must say something, even that it found nothing"
    html_shown = [s for s in shown if isinstance(s, str)]
    assert html_shown and all(html.lstrip().startswith("<") for html in html_shown)
    assert all(isinstance(s, str | Figure) for s in shown), "no stray reprs"
    assert not any("<script" in html for html in html_shown)


def test_each_chart_is_saved_with_a_finding_unit_source_and_quotes(processed, monkeypatch):
    saved = []
    for path in NOTEBOOKS:
        saved += _run(path, processed, monkeypatch)[1].saved
    names = {s["name"] for s in saved}
    assert {"targets-by-province", "patent-shares-by-country", "commitments-by-province"} <= names
    for chart in saved:
        assert chart["title"] == chart["finding"] and chart["title"]
        assert chart["subtitle"] and chart["source"].startswith(("Source: ", "Sources: "))
        assert chart["rows"] > 0
    targets = next(s for s in saved if s["name"] == "targets-by-province")
    assert targets["title"] == "Sichuan's target is the largest"
    assert targets["quotes"]
    # the source line names the articles behind the chart's own figures, no other
    outlets = {q["outlet"] for q in targets["quotes"]}
    assert all(outlet in targets["source"] for outlet in outlets)
    assert "Protocol" not in targets["source"]


def test_sections_degrade_to_sentences_on_an_empty_facts_table(tmp_path, monkeypatch):
    header = FIXTURE.read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "facts.csv").write_text(header + "\n", encoding="utf-8")
    for path in NOTEBOOKS:
        if path.stem == "04-companies":  # reads article texts too; covered above
            continue
        shown, charts = _run(path, tmp_path, monkeypatch)
        assert not charts.saved
        assert any("no-data" in str(html) or "No " in str(html) for html in shown), path.stem
