"""Each section notebook and its percent-format text twin, kept in step like `jupytext --sync`.

Why: the analyst edits the .ipynb in JupyterLab, the reviewer reads the .py; either edit
must reach the report. Before a build runs a notebook, the newer file of the pair wins and
the other is rewritten from it (the .ipynb keeps its outputs, as jupytext does). The build
then executes the notebook from its text twin, so outputs saved in the .ipynb by a
JupyterLab session never change what the report shows.
"""

from __future__ import annotations

import os
from pathlib import Path

TEXT_FORMAT = "py:percent"


def twin_of(notebook: Path) -> Path:
    """The text twin of `notebook` (the same name with .py)."""
    return notebook.with_suffix(".py")


def sync(notebook: Path) -> str:
    """Bring `notebook` (.ipynb) and its .py twin in step; returns what was done.

    The newer file wins; on a tie (a fresh clone) the .py, the reviewed text, wins. A
    notebook without a twin is left alone (the build then runs the .ipynb itself). After a
    write both files carry the same mtime, so JupyterLab's jupytext sees them in step.
    """
    import jupytext

    text = twin_of(notebook)
    if not text.exists():
        return "no twin"
    if not notebook.exists():
        jupytext.write(jupytext.read(text), notebook)
        return f"{notebook.name} written from {text.name}"
    stored = jupytext.read(notebook)
    as_text = jupytext.writes(stored, fmt=TEXT_FORMAT)
    if as_text == text.read_text(encoding="utf-8"):
        return "in step"
    if notebook.stat().st_mtime_ns > text.stat().st_mtime_ns:
        text.write_text(as_text, encoding="utf-8")
        done = f"{text.name} updated from {notebook.name}"
    else:
        from jupytext.combine import combine_inputs_with_outputs

        inputs = jupytext.read(text)
        combined = combine_inputs_with_outputs(inputs, stored, fmt=TEXT_FORMAT)
        jupytext.write(combined, notebook)
        done = f"{notebook.name} updated from {text.name}"
    stamp = max(notebook.stat().st_mtime_ns, text.stat().st_mtime_ns)
    for path in (notebook, text):
        os.utime(path, ns=(stamp, stamp))
    return done


def source_notebook(notebook: Path):
    """The notebook to execute: read from the text twin when there is one (no outputs)."""
    import jupytext
    import nbformat

    text = twin_of(notebook)
    if text.exists():
        nb = jupytext.read(text)
        nb.metadata.setdefault(
            "kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"}
        )
        return nb
    return nbformat.read(notebook, as_version=4)
