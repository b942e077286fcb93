"""Content hashes that decide what an incremental build may reuse.

Keys are built from content, never from timestamps, so a fresh clone, a `touch` or a copied
folder reuse what is really unchanged, and any edit to the extractor's code or to a reference
table invalidates every cached extraction at once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = PACKAGE_DIR.parent.parent
REFERENCE_DIR = REPO_DIR / "data" / "reference"


def hash_files(paths: Iterable[Path], *, root: Path | None = None) -> str:
    """One SHA-256 over the names and bytes of `paths` (sorted, so order does not matter)."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        name = str(path.relative_to(root)) if root else path.name
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def hash_json(value: object) -> str:
    """SHA-256 of a JSON-serialisable value, keys sorted."""
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _python_files(directory: Path) -> list[Path]:
    return [p for p in directory.rglob("*.py") if "__pycache__" not in p.parts]


def extractor_fingerprint() -> str:
    """Hash of everything that shapes a fact row: reader, extractor, schema, reference tables."""
    files = [
        *_python_files(PACKAGE_DIR / "extract"),
        *_python_files(PACKAGE_DIR / "inputs"),
        PACKAGE_DIR / "articles.py",
        PACKAGE_DIR / "schema.py",
        PACKAGE_DIR / "reference.py",
        PACKAGE_DIR / "textnorm.py",
        *_python_files(PACKAGE_DIR / "refdata"),
        *sorted((PACKAGE_DIR / "extract").rglob("*.toml")),  # rule files
        *sorted(REFERENCE_DIR.glob("*.csv")),
    ]
    return hash_files([f for f in files if f.is_file()], root=REPO_DIR)


def package_fingerprint() -> str:
    """Hash of the whole package and reference data: what a notebook's output depends on."""
    files = [
        *_python_files(PACKAGE_DIR),
        *PACKAGE_DIR.rglob("*.css"),
        *PACKAGE_DIR.rglob("*.mplstyle"),
        *PACKAGE_DIR.rglob("*.csv"),
        *PACKAGE_DIR.rglob("*.toml"),
        *sorted(REFERENCE_DIR.glob("*.csv")),
    ]
    return hash_files([f for f in files if f.is_file()], root=REPO_DIR)
