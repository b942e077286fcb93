"""One self-contained HTML page from the executed notebooks.

nbconvert's lab/classic templates pull require.js and MathJax from CDNs; the `basic`
template emits only the cells, so the page shell (head, CSS, title block, table of contents)
is written here and nothing in it refers to the network.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"
_HEADING = re.compile(r"<h([23])([^>]*)>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def combined_notebook(paths: list[Path]):
    """All cells of the executed notebooks in order, without stderr or warning outputs."""
    import nbformat

    merged = None
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = [
                    o
                    for o in cell.outputs
                    if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
                    and o.get("output_type") != "error"
                ]
        if merged is None:
            merged = nb
        else:
            merged.cells.extend(nb.cells)
    return merged or nbformat.v4.new_notebook()


def _slug(text: str, seen: set[str]) -> str:
    base = re.sub(r"[^\w]+", "-", text.lower(), flags=re.U).strip("-") or "section"
    slug, n = base, 2
    while slug in seen:
        slug, n = f"{base}-{n}", n + 1
    seen.add(slug)
    return slug


def add_toc(body: str) -> tuple[str, str]:
    """Give every h2/h3 a fresh id and return (body, table-of-contents HTML)."""
    seen: set[str] = set()
    items: list[str] = []

    def anchor(m: re.Match) -> str:
        level, attrs, inner = m.group(1), m.group(2), m.group(3)
        inner = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", inner, flags=re.S)
        text = html.unescape(_TAG.sub("", inner)).strip()
        slug = _slug(text, seen)
        attrs = re.sub(r'\sid="[^"]*"', "", attrs)
        items.append(f'<li class="toc-h{level}"><a href="#{slug}">{html.escape(text)}</a></li>')
        return f'<h{level} id="{slug}"{attrs}>{inner}</h{level}>'

    body = _HEADING.sub(anchor, body)
    toc = (
        '<nav class="toc"><h2 class="toc-title">Contents</h2><ul>' + "".join(items) + "</ul></nav>"
    )
    return body, toc


def render_html(paths: list[Path], *, title: str, as_of: str, n_sources: int) -> str:
    """The briefing page: inline CSS, embedded images, no code, no prompts, no scripts."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(combined_notebook(paths))
    body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S | re.I)
    body, toc = add_toc(body)
    css = "\n".join(
        (TEMPLATES / name).read_text(encoding="utf-8")
        for name in ("briefing.css", "sections.css")
        if (TEMPLATES / name).exists()
    )
    as_of_text = html.escape(as_of) if as_of else "latest article"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n"
        f'<header class="title-block"><h1>{html.escape(title)}</h1>\n'
        f'<p class="meta">As of {as_of_text} · {n_sources} sources</p></header>\n'
        f"{toc}\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
