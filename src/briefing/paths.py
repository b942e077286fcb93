"""Where the repository is, so that relative parameters mean the same from any folder.

Why: a notebook opened in JupyterLab runs with its own folder (notebooks/) as the working
directory, while the build runs it from the repository root. The notebooks' parameters
(`processed_dir = "data/processed"`) are written relative to the root, so every helper that
takes a path resolves it here against the root, whatever the working directory.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_MARKER = ("notebooks", "pyproject.toml")  # what the repository root holds


def _is_root(folder: Path) -> bool:
    return (folder / _MARKER[0]).is_dir() and (folder / _MARKER[1]).is_file()


def repo_root(start: Path | None = None) -> Path:
    """The repository holding the working directory (a notebook opened from notebooks/
    belongs to the repository above it), else the one holding this package."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _is_root(folder):
            return folder
    return PACKAGE_DIR.parent.parent


def resolve(path: str | Path) -> Path:
    """An absolute path: `path` itself when absolute, else relative to the repository root."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else repo_root() / path
