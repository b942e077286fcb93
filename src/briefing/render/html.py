"""One self-contained HTML page from the executed notebooks.

nbconvert's lab/classic templates pull require.js and MathJax from CDNs; the `basic`
template emits only the cells, so the page shell (head, CSS, title block, table of contents)
is written here and nothing in it refers to the network.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nh3

from briefing.render.notes import cite_once

TEMPLATES = Path(__file__).resolve().parent / "templates"
_HEADING = re.compile(r"<h([23])([^>]*)>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


# Defence in depth: the notebooks escape every article string, but if a bug ever let markup
# through, no script, frame, form, event handler or javascript: URL may survive into the page.
# nh3 (the Rust sanitiser ammonia) parses the body as a browser would and keeps only what
# the briefing uses: its tags, its classes and ids, links within the page, embedded images.
_TAGS = nh3.ALLOWED_TAGS | {"main", "section"}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "role"},
    "col": {"style", "span"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
_URL_SCHEMES = {"http", "https", "mailto", "data"}


def neutralise(markup: str) -> str:
    """Remove any script, event handler, frame, form or javascript: URL from generated markup
    (and anything else the briefing does not use), keeping its text."""
    return nh3.clean(
        markup,
        tags=_TAGS,
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel=None,
        filter_style_properties={"width"},
        strip_comments=True,
    )


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


def add_toc(body: str) -> tuple[str, list[dict[str, str]]]:
    """Give every h2/h3 a fresh id; return the body and the table of contents' entries
    (level, slug, text), which the page template writes out escaped."""
    seen: set[str] = set()
    items: list[dict[str, str]] = []

    def anchor(m: re.Match) -> str:
        level, attrs, inner = m.group(1), m.group(2), m.group(3)
        inner = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", inner, flags=re.S)
        text = html.unescape(_TAG.sub("", inner)).strip()
        slug = _slug(text, seen)
        attrs = re.sub(r'\sid="[^"]*"', "", attrs)
        items.append({"level": level, "slug": slug, "text": text})
        return f'<h{level} id="{slug}"{attrs}>{inner}</h{level}>'

    return _HEADING.sub(anchor, body), items


def _template():
    """The page template: Jinja2 with autoescaping on, so the title, the date and the table
    of contents are escaped by the library; only the cleaned body is marked safe."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template("page.html.j2")


def notebook_body(path: Path) -> str:
    """One executed notebook as cleaned HTML cells (no code, prompts or stderr). Bodies are
    made one notebook at a time, so a rebuild converts only the notebooks that ran again."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(combined_notebook([path]))
    return neutralise(body)


def page(bodies: list[str], *, title: str, as_of: str, n_sources: int) -> str:
    """The briefing page around the notebooks' bodies: inline CSS, contents, no scripts."""
    from markupsafe import Markup

    body, toc = add_toc("".join(bodies))
    body = unlink_missing(body)
    body, _, _ = cite_once(body)
    css = "\n".join(
        (TEMPLATES / name).read_text(encoding="utf-8")
        for name in ("briefing.css", "sections.css")
        if (TEMPLATES / name).exists()
    )
    return _template().render(
        title=title,
        as_of=as_of,
        n_sources=n_sources,
        toc=toc,
        css=Markup(css),  # our own file, not article text
        body=Markup(body),  # each notebook's cells cleaned by nh3 (notebook_body)
    )


def render_html(paths: list[Path], *, title: str, as_of: str, n_sources: int) -> str:
    """The briefing page from executed notebooks: embedded images, no code, no scripts."""
    return page([notebook_body(p) for p in paths], title=title, as_of=as_of, n_sources=n_sources)
