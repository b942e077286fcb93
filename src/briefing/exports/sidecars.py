"""Read the figure sidecars (figures_dir/*.json written by charts.save_figure), in the
briefing's order (each sidecar's section number, then its name)."""

from __future__ import annotations

import json
from pathlib import Path


def read_sidecars(figures_dir: Path) -> list[dict]:
    """Sidecars that have a PNG next to them, in report order: `order`, then name."""
    found = []
    for path in sorted(Path(figures_dir).glob("*.json")):
        try:
            side = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        png = side.get("files", {}).get("png") if isinstance(side, dict) else None
        if png and (Path(figures_dir) / png).exists():
            found.append(side)
    return sorted(found, key=_position)


def _position(side: dict) -> tuple[int, str]:
    order = side.get("order")
    return (order if isinstance(order, int) else 10**6, str(side.get("name", "")))
