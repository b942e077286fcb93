"""Figure gallery: figures/README.md (markdown) and gallery_html (escaped, embedded thumbnails)."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from briefing.exports.sidecars import read_sidecars
from briefing.exports.zipfix import atomic_write


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def gallery_markdown(figures_dir: Path) -> str:
    """Markdown table: thumbnail, title, files (relative links), one row per sidecar."""
    lines = ["# Figures", "", "Generated from the sidecars (*.json); do not edit by hand.", ""]
    lines += ["| Thumbnail | Title | Files |", "|---|---|---|"]
    for side in read_sidecars(figures_dir):
        files = side["files"]
        listed = {**files, "json": f"{side.get('name', Path(files['png']).stem)}.json"}
        links = ", ".join(f"[{kind}]({name})" for kind, name in sorted(listed.items()))
        png = files["png"]
        thumb = f'<a href="{png}"><img src="{png}" width="240" alt="thumbnail"></a>'
        lines.append(f"| {thumb} | {_md(side.get('title', ''))} | {links} |")
    return "\n".join(lines) + "\n"


def write_gallery(figures_dir: Path) -> Path:
    """(Re)write figures_dir/README.md."""
    path = Path(figures_dir) / "README.md"
    atomic_write(path, gallery_markdown(figures_dir).encode("utf-8"))
    return path


def gallery_html(figures_dir: Path) -> str:
    """HTML figure list with PNGs as data URIs; every text from sidecars is escaped."""
    parts = ['<div class="figure-gallery">']
    for side in read_sidecars(figures_dir):
        data = base64.b64encode((Path(figures_dir) / side["files"]["png"]).read_bytes()).decode(
            "ascii"
        )
        title = html.escape(side.get("title", ""))
        source = html.escape(side.get("source", ""))
        parts.append(
            f'<figure><img src="data:image/png;base64,{data}" alt="{title}" width="480">'
            f"<figcaption>{title}<br><small>{source}</small></figcaption></figure>"
        )
    parts.append("</div>")
    return "\n".join(parts)
