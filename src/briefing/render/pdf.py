"""PDF from the briefing HTML with WeasyPrint (CSS paged media; no browser, no TeX)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

SLOW_SUBSET_HINT = (
    "pdf: HarfBuzz's subsetter (Debian libharfbuzz-subset0) is missing, so fonts are subset by"
    " fontTools: about a minute per render with Chinese text; `make fonts` installs it"
)


def fast_font_subsetting() -> bool:
    """Whether WeasyPrint found libharfbuzz-subset: without it, subsetting the Noto CJK
    collection in pure Python turns a 7-second render into a 100-second one."""
    from weasyprint.text import ffi

    return getattr(ffi, "harfbuzz_subset", None) is not None


def render_pdf(page: str, target: Path) -> None:
    """Write `page` as an A4 PDF (print rules of the inline CSS) to `target`, atomically."""
    from weasyprint import HTML

    if not fast_font_subsetting():
        print(SLOW_SUBSET_HINT, file=sys.stderr, flush=True)

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    tmp = target.with_name(target.name + ".tmp")
    # Tagged PDF/UA: structure, reading order, alt text and the document's title and language
    # travel with the file, so a screen reader can read the briefing too.
    HTML(string=page, base_url=str(target.parent)).write_pdf(
        tmp, pdf_variant="pdf/ua-1", pdf_tags=True
    )
    tmp.replace(target)
