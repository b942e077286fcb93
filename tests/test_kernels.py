"""Notebooks share a worker's kernel (start-up and imports paid once) but not its variables."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from briefing.render.kernels import NotebookFailed, run_notebooks


def _notebook(path: Path, *sources: str) -> Path:
    nb = new_notebook(cells=[new_code_cell("x = 0", metadata={"tags": ["parameters"]})])
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Py"}
    nb.cells += [new_code_cell(s) for s in sources]
    nbformat.write(nb, path)
    return path


def _printed(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(o.get("text", ""))
        for c in nb["cells"]
        for o in c.get("outputs", [])
        if o.get("output_type") == "stream"
    ]


@pytest.mark.slow
def test_one_worker_runs_notebooks_in_one_kernel_with_a_fresh_namespace(tmp_path):
    first = _notebook(tmp_path / "a.ipynb", "import os\nsecret = 42\nprint(os.getpid())")
    second = _notebook(
        tmp_path / "b.ipynb", "import os\nprint(os.getpid())\nprint('secret' in globals())"
    )
    done: list[str] = []
    run_notebooks(
        [(first, tmp_path / "a.out.ipynb"), (second, tmp_path / "b.out.ipynb")],
        {"x": 1},
        tmp_path,
        workers=1,
        on_done=lambda name, seconds: done.append(name),
    )
    assert done == ["a.ipynb", "b.ipynb"]
    pid_a = _printed(tmp_path / "a.out.ipynb")[0].split()[0]
    pid_b, seen = _printed(tmp_path / "b.out.ipynb")[0].split()
    assert pid_a == pid_b  # the same kernel process
    assert seen == "False"  # but not the previous notebook's variables


@pytest.mark.slow
def test_a_failing_cell_names_notebook_and_cell_and_stops_the_queue(tmp_path):
    bad = _notebook(tmp_path / "bad.ipynb", "1 / 0")
    later = _notebook(tmp_path / "later.ipynb", "print('ran')")
    with pytest.raises(
        NotebookFailed, match=r"bad\.ipynb failed in cell 1:\n1 / 0\nZeroDivisionError"
    ):
        run_notebooks(
            [(bad, tmp_path / "bad.out.ipynb"), (later, tmp_path / "later.out.ipynb")],
            {},
            tmp_path,
            workers=1,
            on_done=lambda name, seconds: None,
        )
    assert not (tmp_path / "later.out.ipynb").exists()
