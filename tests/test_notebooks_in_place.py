"""An analyst opens a section notebook from notebooks/ in JupyterLab and runs it as it is:
relative parameters resolve against the repository root, whatever the working directory,
and a notebook whose tables are not built yet says so in one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing import tables
from briefing.paths import repo_root, resolve
from briefing.render import graph as G
from briefing.render.kernels import run_notebooks
from briefing.render.params import BuildParams
from briefing.render.steps import StepStore, run_graph

REPO = Path(__file__).parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_relative_parameters_resolve_against_the_repository_root(monkeypatch):
    monkeypatch.chdir(REPO / "notebooks")
    assert repo_root() == REPO
    assert resolve("data/processed") == REPO / "data" / "processed"
    assert resolve("/abs/path") == Path("/abs/path")


def test_missing_tables_are_one_line_telling_to_run_make_report(tmp_path):
    with pytest.raises(tables.TablesMissing) as err:
        tables.load(tmp_path / "nothing", "facts")
    lines = err.value._render_traceback_()  # what IPython shows instead of a traceback
    assert len(lines) == 1 and "run `make report` first" in lines[0]


def test_each_notebook_declares_the_tables_it_loads():
    declared = {nb.stem: G.tables_read(nb) for nb in NOTEBOOKS}
    assert declared["02-targets"] == ["claims", "facts"]
    assert declared["06-timeline"] == ["events", "facts"]
    assert all(set(names) <= set(tables.TABLES) for names in declared.values())


@pytest.mark.slow
def test_every_notebook_runs_from_the_notebooks_folder(tmp_path):
    params = BuildParams(
        articles_dir=REPO / "data" / "articles",
        out_dir=tmp_path / "out",
        figures_dir=tmp_path / "figures",
        processed_dir=tmp_path / "processed",
    )
    run_graph(G.data_steps(params), StepStore(tmp_path / ".steps"), lambda m: None)
    # paths as an analyst would type them: relative to the repository root, which is not
    # the kernel's working directory (notebooks/)
    relative = os.path.relpath(tmp_path, REPO)
    jobs = [(nb, tmp_path / nb.name) for nb in NOTEBOOKS]
    run_notebooks(
        jobs,
        {"processed_dir": f"{relative}/processed", "figures_dir": f"{relative}/figures"},
        REPO / "notebooks",
        workers=2,
        on_done=lambda name, seconds: None,
    )
    assert all(target.exists() for _, target in jobs)
    assert (tmp_path / "figures" / "targets-by-province.svg").exists()


def test_a_view_keeps_the_claims_of_its_measures_and_every_fact_of_their_articles():
    import pandas as pd

    facts = pd.DataFrame({"id": ["a:1", "a:9", "b:1", "c:1"], "article": ["a", "a", "b", "c"]})
    claims = pd.DataFrame(
        {"measure": ["patents", "market_size_target", "patents"],
         "fact_ids": [["a:1"], ["b:1"], ["c:9"]]}
    )  # fmt: skip
    narrow_facts, narrow_claims = tables.view(facts, claims, ["patents"])
    assert list(narrow_claims["measure"]) == ["patents", "patents"]
    assert list(narrow_facts["id"]) == ["a:1", "a:9"]  # c:9 is no fact: c is not cited
    assert G.measures_read(REPO / "notebooks" / "02-targets.ipynb") == ["market_size_target"]
