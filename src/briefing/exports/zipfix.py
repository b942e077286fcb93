"""Make Office files (pptx, xlsx) byte-reproducible.

WHY: python-pptx and openpyxl stamp docProps/core.xml with the current time and
zipfile stamps every member with the wall clock. We rewrite the archive with a
fixed member date and fixed core-property dates, keeping member order.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FIXED_ISO = "2000-01-01T00:00:00Z"
_CORE_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalise_office_zip(path: Path) -> None:
    """Rewrite `path` in place with fixed timestamps (zip entries and core properties)."""
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            if name == "docProps/core.xml":
                data = _CORE_DATE.sub(rb"\g<1>" + FIXED_ISO.encode() + rb"\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary sibling of `path`; on success rename it onto `path`.

    Readers (the report, a browser, a watcher) never see a half-written file.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write(path: Path, data: bytes) -> None:
    """Write bytes to `path` via a temporary file and os.replace."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
