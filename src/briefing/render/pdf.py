"""PDF from the briefing HTML with WeasyPrint (CSS paged media; no browser, no TeX)."""

from __future__ import annotations

import logging
from pathlib import Path


def render_pdf(page: str, target: Path) -> None:
    """Write `page` as an A4 PDF (print rules of the inline CSS) to `target`, atomically."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    tmp = target.with_name(target.name + ".tmp")
    HTML(string=page, base_url=str(target.parent)).write_pdf(tmp)
    tmp.replace(target)
