"""briefing-slides.pptx: a title slide, then one slide per chart (finding as title).

Why native charts: a chart an analyst pastes into a company deck must take that deck's colours
and fonts and show its numbers, so every chart PowerPoint can draw (bars, stacked bars) is a
python-pptx chart whose data sits in its embedded workbook, styled by the deck's theme. Charts
PowerPoint cannot draw (the tile map, the timeline) stay pictures at slide resolution.

Why layouts by placeholders: an analyst's template (`SLIDE_TEMPLATE`) names and orders its
layouts as it likes, so the title layout is the one with a (centre) title and a subtitle, and
a chart slide uses a title-only layout, else a title-and-content one, whose content area then
holds the chart. The source line is text on the slide; the quotes go to the speaker notes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches, Pt

from briefing.exports.zipfix import atomic_path, normalise_office_zip

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
FIXED_TIME = dt.datetime(2000, 1, 1)
MARGIN = Inches(0.5)
SOURCE_H = Inches(0.45)

#: Placeholders that may stay on a chart slide without holding anything of ours.
_FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
_CONTENT = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.CHART}


class TemplateError(ValueError):
    """A slide template the deck cannot be built on; the message says why."""


def notes_text(sidecar: dict) -> str:
    """Speaker notes: source line, then one line per quote (article, outlet, date, quote)."""
    lines = [sidecar.get("source", "")]
    for q in sidecar.get("quotes", []):
        where = f"{q.get('outlet', '')}, {q.get('date', '')} ({q.get('article', '')})"
        lines.append(f"{where}: “{q.get('quote', '')}”")
    return "\n".join(line for line in lines if line)


def _kinds(layout) -> list[Any]:
    return [ph.placeholder_format.type for ph in layout.placeholders]


def title_layout(prs):
    """The layout for the title slide: a centre title (or title) with a subtitle."""
    for wanted in (PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.TITLE):
        for layout in prs.slide_layouts:
            kinds = _kinds(layout)
            if wanted in kinds and PP_PLACEHOLDER.SUBTITLE in kinds:
                return layout
    return chart_layout(prs)


def chart_layout(prs):
    """The layout for a chart slide: title only, else title and one content area."""
    with_title = [lo for lo in prs.slide_layouts if set(_kinds(lo)) & _TITLES]
    for layout in with_title:
        if not set(_kinds(layout)) - _TITLES - _FURNITURE:
            return layout
    for layout in with_title:
        rest = set(_kinds(layout)) - _TITLES - _FURNITURE
        if rest and rest <= _CONTENT and _kinds(layout).count(next(iter(rest))) == 1:
            return layout
    if with_title:
        return with_title[0]
    raise TemplateError("it has no slide layout with a title placeholder")


def open_template(path: Path | None):
    """The presentation to build on: the analyst's template without its slides, or python-pptx's
    default at 16:9. Raises TemplateError for a file python-pptx cannot use."""
    if path is None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
        return prs
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # python-pptx raises several kinds for a bad package
        raise TemplateError(f"it is not a PowerPoint file python-pptx can open ({exc})") from exc
    chart_layout(prs)  # refuses a template without a title layout
    slide_ids = prs.slides._sldIdLst  # the template's own sample slides are not ours
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    return prs


def _span(shape, prs, top: int, height: int) -> None:
    """Stretch a placeholder across the slide: python-pptx's default layouts are drawn for
    4:3, so their titles would wrap at two-thirds of a 16:9 slide ("...2024-01-" / "19")."""
    shape.left, shape.width = MARGIN, prs.slide_width - 2 * MARGIN
    shape.top, shape.height = top, height


def _chart_area(slide, prs, default: bool) -> tuple[int, int, int, int]:
    """Where the chart goes: the layout's content placeholder (removed), else below the title."""
    for ph in list(slide.placeholders):
        if ph.placeholder_format.type in _CONTENT:
            box = (ph.left, ph.top, ph.width, ph.height)
            ph._element.getparent().remove(ph._element)
            return box
    title = slide.shapes.title
    top = (title.top + title.height) if title is not None and not default else Inches(1.6)
    top = max(top, Inches(0.9))
    height = prs.slide_height - top - SOURCE_H - Inches(0.2)
    return MARGIN, top, prs.slide_width - 2 * MARGIN, height


def _native_chart(slide, spec: dict, box: tuple[int, int, int, int]):
    """A python-pptx chart from a sidecar's spec; its workbook holds the same numbers."""
    data = CategoryChartData(number_format=spec.get("number_format", "#,##0"))
    data.categories = [str(c) for c in spec["categories"]]
    single = len(spec["series"]) == 1
    unit = str(spec.get("axis_title") or "")
    for series in spec["series"]:
        # a lone series is named by the chart's unit line, not by a column code
        name = unit if single and unit else str(series["name"])
        data.add_series(name, [float(v) for v in series["values"]])
    kind = getattr(XL_CHART_TYPE, spec["type"])
    chart = slide.shapes.add_chart(kind, *box, data).chart
    chart.has_legend = not single
    chart.font.size = Pt(14)
    chart.has_title = bool(unit)  # the slide's title is the finding; the chart's, its unit
    if unit:
        chart.chart_title.text_frame.text = unit
        chart.chart_title.text_frame.paragraphs[0].font.size = Pt(14)
        chart.chart_title.text_frame.paragraphs[0].font.bold = False
    plot = chart.plots[0]
    if single:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = spec.get("number_format", "#,##0")
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        chart.value_axis.visible = False
    chart.value_axis.has_major_gridlines = False
    if spec["type"] == "BAR_STACKED":  # memberships: whole counts on the axis
        chart.value_axis.major_unit = 1
        chart.value_axis.tick_labels.number_format = "0"
        chart.value_axis.tick_labels.number_format_is_linked = False
    if spec["type"].startswith("BAR"):
        chart.category_axis.reverse_order = True  # first category (the largest) on top
    return chart


def _picture(slide, prs, path: Path, box: tuple[int, int, int, int]) -> None:
    """A chart PowerPoint cannot draw, as its 16:9 PNG fitted into the area, centred."""
    left, top, width, height = box
    fit_w = min(width, int(height * 16 / 9))
    fit_h = int(fit_w * 9 / 16)
    slide.shapes.add_picture(
        str(path), left + (width - fit_w) // 2, top + (height - fit_h) // 2, fit_w, fit_h
    )


def _source_line(slide, prs, text: str) -> None:
    box = slide.shapes.add_textbox(
        MARGIN, prs.slide_height - SOURCE_H - Inches(0.1), prs.slide_width - 2 * MARGIN, SOURCE_H
    )
    box.name = "Source"
    para = box.text_frame.paragraphs[0]
    para.text = text
    para.font.size = Pt(11)


def write_slides(
    sidecars: list[dict],
    figures_dir: Path,
    out_path: Path,
    *,
    title: str,
    subtitle: str,
    template: Path | None = None,
) -> Path:
    """Write the deck on `template` (python-pptx's default when None); deterministic bytes."""
    prs = open_template(template)
    default = template is None
    first = prs.slides.add_slide(title_layout(prs))
    if first.shapes.title is not None:
        first.shapes.title.text = title
    subtitles = [
        ph for ph in first.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE
    ]
    if subtitles:
        subtitles[0].text = subtitle
    if default:
        _span(first.shapes.title, prs, Inches(2.2), Inches(1.6))
        _span(subtitles[0], prs, Inches(4.0), Inches(1.2))
    layout = chart_layout(prs)
    for side in sidecars:
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = side.get("finding") or side.get("title", "")
        if default:
            slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(28)
            _span(slide.shapes.title, prs, Inches(0.3), Inches(1.2))
        box = _chart_area(slide, prs, default)
        native = side.get("native")
        if native and native.get("categories"):
            _native_chart(slide, native, box)
        else:
            _picture(slide, prs, Path(figures_dir) / side["files"]["png"], box)
        if side.get("source"):
            _source_line(slide, prs, side["source"])
        slide.notes_slide.notes_text_frame.text = notes_text(side)
    _fix_workbook_dates(prs)
    core = prs.core_properties
    core.created = core.modified = core.last_printed = FIXED_TIME
    core.author = core.last_modified_by = "briefing"
    core.revision = 1
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out_path) as tmp:
        prs.save(str(tmp))
        normalise_office_zip(tmp)
    return out_path


_XLSX_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _fix_workbook_dates(prs) -> None:
    """Same inputs, same deck: the workbook inside each native chart is written by xlsxwriter
    with the time of day in its properties and zip entries; both are pinned here."""
    for slide in prs.slides:
        for shape in slide.shapes:
            if not (getattr(shape, "has_chart", False) and shape.has_chart):
                continue
            part = shape.chart.part.chart_workbook.xlsx_part
            if part is None:
                continue
            source = zipfile.ZipFile(io.BytesIO(part.blob))
            target = io.BytesIO()
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
                for info in sorted(source.infolist(), key=lambda i: i.filename):
                    data = source.read(info.filename)
                    if info.filename == "docProps/core.xml":
                        data = _XLSX_DATE.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
                    entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
                    entry.compress_type = zipfile.ZIP_DEFLATED
                    out.writestr(entry, data)
            part._blob = target.getvalue()


def native_charts(path: Path) -> list[dict]:
    """Each native chart in a deck: slide number, title, categories and series values.

    Used by the tests and by `check_deck` to compare what the analyst gets with the tables.
    """
    found = []
    for number, slide in enumerate(Presentation(str(path)).slides, start=1):
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False) and shape.has_chart:
                plot = shape.chart.plots[0]
                found.append(
                    {
                        "slide": number,
                        "title": slide.shapes.title.text if slide.shapes.title else "",
                        "categories": [str(c) for c in plot.categories],
                        "series": {s.name: list(s.values) for s in plot.series},
                        "layout": slide.slide_layout.name,
                    }
                )
    return found


__all__ = ["TemplateError", "native_charts", "notes_text", "write_slides"]
