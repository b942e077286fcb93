"""briefing-slides.pptx: a title slide, then one slide per chart (finding as title).

Quotes behind each chart go to the speaker notes so the presenter can cite them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pptx import Presentation
from pptx.util import Inches, Pt

from briefing.exports.zipfix import atomic_path, normalise_office_zip

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
FIXED_TIME = dt.datetime(2000, 1, 1)
MARGIN = Inches(0.5)


def notes_text(sidecar: dict) -> str:
    """Speaker notes: source line, then one line per quote (article, outlet, date, quote)."""
    lines = [sidecar.get("source", "")]
    for q in sidecar.get("quotes", []):
        where = f"{q.get('outlet', '')}, {q.get('date', '')} ({q.get('article', '')})"
        lines.append(f"{where}: “{q.get('quote', '')}”")
    return "\n".join(line for line in lines if line)


def _span(shape, top: int, height: int) -> None:
    """Stretch a placeholder across the 16:9 slide: python-pptx's default layouts are drawn
    for 4:3, so their titles would wrap at two-thirds of the width ("...2024-01-" / "19")."""
    shape.left, shape.width = MARGIN, SLIDE_W - 2 * MARGIN
    shape.top, shape.height = top, height


def write_slides(
    sidecars: list[dict], figures_dir: Path, out_path: Path, *, title: str, subtitle: str
) -> Path:
    """Write the deck; deterministic bytes (fixed core dates and zip dates)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = title
    first.placeholders[1].text = subtitle
    _span(first.shapes.title, Inches(2.2), Inches(1.6))
    _span(first.placeholders[1], Inches(4.0), Inches(1.2))
    for side in sidecars:
        slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
        slide.shapes.title.text = side.get("finding") or side.get("title", "")
        slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(28)
        _span(slide.shapes.title, Inches(0.3), Inches(1.2))
        height = Inches(5.7)
        width = int(height * 16 / 9)
        left = int((SLIDE_W - width) / 2)
        slide.shapes.add_picture(
            str(Path(figures_dir) / side["files"]["png"]), left, Inches(1.6), width, height
        )
        slide.notes_slide.notes_text_frame.text = notes_text(side)
    core = prs.core_properties
    core.created = core.modified = core.last_printed = FIXED_TIME
    core.author = core.last_modified_by = "briefing"
    core.revision = 1
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out_path) as tmp:
        prs.save(str(tmp))
        normalise_office_zip(tmp)
    return out_path
