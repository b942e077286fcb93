"""Atomic builds with fixture notebooks: a failed cell leaves the old report untouched and says
which notebook, which cell and what error; unchanged inputs re-execute nothing."""

import argparse
import io
from pathlib import Path

import pytest

from briefing.render import pipeline
from briefing.render.params import BuildParams

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
ARTICLES = Path(__file__).parents[1] / "data" / "articles"


def _params(tmp_path) -> BuildParams:
    args = argparse.Namespace(
        articles=str(ARTICLES),
        out=str(tmp_path / "report"),
        processed=str(tmp_path / "proc"),
        cny_per_usd="7.1",
        as_of="",
        title="Fixture briefing",
        formats="html",
    )
    return pipeline.validate(args)


@pytest.fixture
def built(tmp_path):
    params = _params(tmp_path)
    pipeline.build(params, [FIXTURES / "good.ipynb"])
    return params


def test_build_writes_report_and_processed_tables(built):
    out = built.out_dir
    page = (out / "briefing.html").read_text()
    assert "Facts found" in page and "rows:" in page and "noise on stderr" not in page
    assert (out / "notebooks" / "good.ipynb").exists()
    for name in ("facts.csv", "input_problems.csv"):
        assert (built.processed_dir / name).exists()
    assert not list(out.parent.glob(".report.tmp-*"))


def test_failed_cell_leaves_previous_report_byte_identical(built):
    before = {p: p.read_bytes() for p in built.out_dir.rglob("*") if p.is_file()}
    with pytest.raises(pipeline.BuildError) as err:
        pipeline.build(built, [FIXTURES / "good.ipynb", FIXTURES / "failing.ipynb"])
    message = str(err.value)
    assert "failing.ipynb" in message
    assert "raise ValueError('deliberate failure for the test')" in message
    assert "ValueError: deliberate failure for the test" in message
    after = {p: p.read_bytes() for p in built.out_dir.rglob("*") if p.is_file()}
    assert after == before
    assert not list(built.out_dir.parent.glob(".report.tmp-*"))


def test_unchanged_inputs_reuse_the_executed_notebook(built, capsys):
    capsys.readouterr()
    pipeline.build(built, [FIXTURES / "good.ipynb"])
    err = capsys.readouterr().err
    for step in ("extract", "claims", "notebook good", "html", "exports", "publish"):
        assert f"{step}: unchanged, reused" in err
    assert ": runs (" not in err


def test_a_truncated_processed_table_is_rebuilt_not_reused(built, capsys):
    facts = built.processed_dir / "facts.csv"
    whole = facts.read_bytes()
    facts.write_bytes(whole[: len(whole) // 3])
    capsys.readouterr()
    pipeline.build(built, [FIXTURES / "good.ipynb"])
    err = capsys.readouterr().err
    # facts.csv is the corrections step's output (the extractor's is facts-extracted.csv)
    assert "correct: runs (an output is missing or was changed)" in err
    assert "extract: unchanged, reused" in err
    assert facts.read_bytes() == whole
    # the same bytes again: nothing downstream of the table runs
    assert "notebook good: unchanged, reused" in err


def test_a_damaged_report_is_published_again(built, capsys):
    page = built.out_dir / "briefing.html"
    whole = page.read_bytes()
    page.write_text("edited by hand")
    capsys.readouterr()
    pipeline.build(built, [FIXTURES / "good.ipynb"])
    assert "publish: runs" in capsys.readouterr().err
    assert page.read_bytes() == whole


def test_changed_parameter_re_executes(built, capsys):
    capsys.readouterr()
    changed = BuildParams(**{**built.__dict__, "cny_per_usd": 7.3})
    pipeline.build(changed, [FIXTURES / "good.ipynb"])
    err = capsys.readouterr().err
    assert "notebook good: runs (parameters changed)" in err
    assert "extract: unchanged, reused" in err  # the rate does not shape the facts
    assert "rate 7.3" in (built.out_dir / "briefing.html").read_text()


def _chart_notebook(path: Path, chart: str) -> Path:
    """A notebook like good.ipynb whose last cell writes one 'chart' file named `chart`."""
    import nbformat

    nb = nbformat.read(FIXTURES / "good.ipynb", as_version=4)
    nb.cells.append(
        nbformat.v4.new_code_cell(
            f"from pathlib import Path\n(Path(figures_dir) / '{chart}.json').write_text('{{}}')"
        )
    )
    nbformat.write(nb, path)
    return path


def test_a_chart_no_notebook_writes_any_more_leaves_the_report(tmp_path, capsys):
    params = _params(tmp_path)
    kept = _chart_notebook(tmp_path / "a-kept.ipynb", "kept-chart")
    renamed = tmp_path / "b-renamed.ipynb"
    pipeline.build(params, [kept, _chart_notebook(renamed, "old-name")])
    figures = params.out_dir / "figures"
    charts = lambda: sorted(p.name for p in figures.glob("*.json"))  # noqa: E731
    assert charts() == ["kept-chart.json", "old-name.json"]

    capsys.readouterr()
    pipeline.build(params, [kept, _chart_notebook(renamed, "new-name")])
    err = capsys.readouterr().err
    assert "notebook a-kept: unchanged, reused" in err and "notebook b-renamed: runs" in err
    # the reused notebook's chart is carried over; the re-run one's old chart is gone
    assert charts() == ["kept-chart.json", "new-name.json"]
    assert not list(params.out_dir.glob(".figures-*/"))


def _pair(folder: Path) -> Path:
    """A notebook and its jupytext twin, as in notebooks/ (from the good fixture)."""
    import jupytext

    nb = jupytext.read(FIXTURES / "good.ipynb")
    jupytext.write(nb, folder / "pair.py", fmt="py:percent")
    jupytext.write(nb, folder / "pair.ipynb")
    return folder / "pair.ipynb"


def test_an_edit_in_either_twin_reaches_the_report(tmp_path):
    import os

    import jupytext
    import nbformat

    params = _params(tmp_path)
    notebook = _pair(tmp_path)
    pipeline.build(params, [notebook])
    # JupyterLab: a markdown cell added to the .ipynb (saved later than the .py)
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("Added in JupyterLab."))
    nbformat.write(nb, notebook)
    later = notebook.stat().st_mtime_ns + 10**9
    os.utime(notebook, ns=(later, later))
    pipeline.build(params, [notebook])
    assert "Added in JupyterLab." in (params.out_dir / "briefing.html").read_text()
    assert "Added in JupyterLab." in notebook.with_suffix(".py").read_text()
    # an editor: a markdown cell added to the .py
    text = notebook.with_suffix(".py")
    text.write_text(text.read_text() + "\n# %% [markdown]\n# Added in the text twin.\n")
    os.utime(text, ns=(later + 10**9, later + 10**9))
    pipeline.build(params, [notebook])
    assert "Added in the text twin." in (params.out_dir / "briefing.html").read_text()
    assert "Added in the text twin." in jupytext.writes(
        nbformat.read(notebook, as_version=4), fmt="md"
    )


def test_an_added_article_is_extracted_alone_and_the_facts_are_whole(tmp_path):
    import shutil

    from briefing.extract.corpus import extract_all

    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    params = BuildParams(**{**_params(tmp_path).__dict__, "articles_dir": articles})
    pipeline.build(params, [FIXTURES / "good.ipynb"])
    (articles / "2024-06-01 one more; article.txt").write_text(
        "Zhejiang aims for a metaverse industry worth 400 billion yuan by 2025.\n",
        encoding="utf-8",
    )
    pipeline.build(params, [FIXTURES / "good.ipynb"])
    import pandas as pd

    from briefing.corrections import EXTRACTED_NAME

    built = pd.read_csv(params.processed_dir / EXTRACTED_NAME)  # the extractor's own table
    fresh = pd.read_csv(io.StringIO(extract_all(articles)[0].to_csv(index=False)))
    pd.testing.assert_frame_equal(built, fresh)
    assert "2024-06-01 one more; article" in set(built["article"])


def test_a_rerun_notebook_with_the_same_output_does_not_remake_the_page(tmp_path, capsys):
    params = _params(tmp_path)
    notebook = _pair(tmp_path)
    pipeline.build(params, [notebook])
    text = notebook.with_suffix(".py")
    text.write_text(text.read_text() + "\n# %%\nunused = 1  # shows nothing\n")
    capsys.readouterr()
    pipeline.build(params, [notebook])
    err = capsys.readouterr().err
    assert "notebook pair: runs (inputs changed)" in err
    assert "body pair: runs" in err
    assert "html: unchanged, reused" in err  # and so the PDF; the executed copy is published


def _measures_notebook(path: Path) -> Path:
    """A section that declares it shows patents only."""
    import nbformat

    nb = nbformat.read(FIXTURES / "good.ipynb", as_version=4)
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "from briefing.notebook import load\n"
            'facts, claims = load(processed_dir, "facts", "claims", measures=["patents"])\n'
            "print(f'patent claims: {len(claims)}')"
        )
    )
    nbformat.write(nb, path)
    return path


def test_a_section_reruns_only_when_its_declared_measures_change(tmp_path, capsys):
    import shutil

    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    params = BuildParams(**{**_params(tmp_path).__dict__, "articles_dir": articles})
    patents = _measures_notebook(tmp_path / "patents.ipynb")
    everything = tmp_path / "everything.ipynb"
    shutil.copy(FIXTURES / "good.ipynb", everything)
    pipeline.build(params, [everything, patents])
    (articles / "2024-06-01-zhejiang.txt").write_text(
        "Zhejiang aims for a metaverse industry worth 400 billion yuan by 2025.\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    pipeline.build(params, [everything, patents])
    err = capsys.readouterr().err
    assert "notebook everything: runs (inputs changed)" in err
    assert "notebook patents: unchanged, reused" in err  # a target is not a patent figure
    (articles / "2024-06-02-patents.txt").write_text(
        "According to a new industry report, as many as 16,800 metaverse-related patents "
        "were filed in China from 2011 to 2022, accounting for 30% of the global total.\n",
        encoding="utf-8",
    )
    pipeline.build(params, [everything, patents])
    assert "notebook patents: runs (inputs changed)" in capsys.readouterr().err
