"""One self-contained HTML page from the executed notebooks.

nbconvert's lab/classic templates pull require.js and MathJax from CDNs; the `basic`
template emits only the cells, so the page shell (head, CSS, title block, table of contents)
is written here and nothing in it refers to the network.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from briefing.render.notes import cite_once

TEMPLATES = Path(__file__).resolve().parent / "templates"
_HEADING = re.compile(r"<h([23])([^>]*)>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


# Defence in depth: the notebooks escape every article string, but if a bug ever let markup
# through, no script, frame, event handler or javascript: URL may survive into the page.
_ACTIVE = (
    re.compile(r"<script\b.*?</script\s*>", re.S | re.I),
    re.compile(r"<script\b[^>]*>", re.I),
    re.compile(r"<(iframe|object|embed|link|meta|base|form)\b[^>]*>", re.I),
)
_ATTR = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?"""
_TAG_OPEN = re.compile(rf"<([a-zA-Z][\w:-]*)((?:{_ATTR})*)(\s*/?)>")
_ONE_ATTR = re.compile(_ATTR)
_JS_URL = re.compile(r"""(href|src|xlink:href)\s*=\s*(["'])\s*javascript:[^"']*\2""", re.I)


def _drop_handlers(tag: re.Match[str]) -> str:
    """A start tag without its on* event-handler attributes (parsed attribute by attribute)."""
    attrs = [a for a in _ONE_ATTR.findall(tag.group(2)) if not a.strip().lower().startswith("on")]
    return f"<{tag.group(1)}{''.join(attrs)}{tag.group(3)}>"


def neutralise(markup: str) -> str:
    """Remove any script, event handler, frame or javascript: URL from generated markup."""
    for pattern in _ACTIVE:
        markup = pattern.sub("", markup)
    markup = _TAG_OPEN.sub(_drop_handlers, markup)
    return _JS_URL.sub(r"\1=\2#\2", markup)


_ID = re.compile(r'\sid="([^"]+)"')
_FACT_LINK = re.compile(r'<a class="fact" href="#([^"]+)"')


def unlink_missing(body: str) -> str:
    """Links to a quote the appendix does not list (a large corpus) lose their href, keeping
    the quote in their tooltip and footnote: no link in the page leads nowhere."""
    ids = set(_ID.findall(body))
    return _FACT_LINK.sub(lambda m: m.group(0) if m.group(1) in ids else '<a class="fact"', body)


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
        # cells that show nothing (parameters, imports) are left out, and ids are numbered:
        # papermill gives its injected cell a random id, which would make pages differ
        nb.cells = [c for c in nb.cells if c.cell_type != "code" or c.outputs]
        for i, cell in enumerate(nb.cells):
            cell.id = f"{path.stem}-{i}"
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
    body = neutralise(body)
    body, toc = add_toc(body)
    body = unlink_missing(body)
    body, _, _ = cite_once(body)
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
