"""The report's parameters, checked before any work is done.

A build that fails after a minute because the exchange rate was typed as ``-7`` wastes the
analyst's time and, worse, may leave them unsure which report is current. So every parameter
is validated up front, and each refusal names the parameter and what it accepts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

FORMATS = ("html", "pdf", "slides", "tables")
DEFAULT_TITLE = "China's metaverse push, in numbers"
DEFAULT_CNY_PER_USD = 7.1
DEFAULT_CORRECTIONS = Path("data") / "corrections.csv"  # relative to where the build runs


class ParameterError(ValueError):
    """A parameter the build refuses; `str()` names the parameter and what is accepted."""

    def __init__(self, name: str, problem: str, accepted: str) -> None:
        self.name = name
        super().__init__(f"parameter {name}: {problem}; accepted: {accepted}")


@dataclass(frozen=True)
class BuildParams:
    """Validated parameters of one build (paths are absolute)."""

    articles_dir: Path
    out_dir: Path
    figures_dir: Path
    processed_dir: Path
    cny_per_usd: float = DEFAULT_CNY_PER_USD
    as_of: str = ""
    title: str = DEFAULT_TITLE
    formats: tuple[str, ...] = FORMATS
    publish_figures: Path | None = None  # the slide-ready copy of the charts (figures/)
    corrections: Path | None = None  # the analyst's corrections table (briefing.corrections)
    slide_template: Path | None = None  # the analyst's .pptx whose masters the deck uses

    def notebook_parameters(self) -> dict[str, object]:
        """What papermill injects into every notebook's `parameters` cell."""
        return {
            "articles_dir": str(self.articles_dir),
            "processed_dir": str(self.processed_dir),
            "figures_dir": str(self.figures_dir),
            "cny_per_usd": self.cny_per_usd,
            "as_of": self.as_of,
            "title": self.title,
        }


def parse_rate(raw: str | float) -> float:
    """The CNY per USD rate: a finite number above zero."""
    try:
        rate = float(raw)
    except (TypeError, ValueError):
        raise ParameterError(
            "CNY_PER_USD", f"{raw!r} is not a number", "a number above 0, e.g. 7.1"
        ) from None
    if not math.isfinite(rate) or rate <= 0:
        raise ParameterError(
            "CNY_PER_USD", f"{raw!r} must be above zero", "a number above 0, e.g. 7.1"
        )
    return rate


def parse_as_of(raw: str | None) -> str:
    """The as-of date: empty (the latest article's date) or an ISO date yyyy-mm-dd."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ParameterError(
            "AS_OF", f"{raw!r} is not a date", "an ISO date yyyy-mm-dd, or empty for the latest"
        ) from None


def parse_formats(raw: str | None) -> tuple[str, ...]:
    """Comma-separated output formats; all of them when empty."""
    if not raw or not raw.strip():
        return FORMATS
    wanted = [f.strip().lower() for f in raw.split(",") if f.strip()]
    unknown = sorted(set(wanted) - set(FORMATS))
    if unknown:
        raise ParameterError("FORMATS", f"unknown format {', '.join(unknown)}", ", ".join(FORMATS))
    return tuple(f for f in FORMATS if f in wanted)


def check_articles_dir(raw: str | Path) -> Path:
    """The articles folder must exist and hold at least one file other than the manifest."""
    path = Path(raw).expanduser().resolve()
    if not path.exists():
        raise ParameterError("ARTICLES", f"{raw} does not exist", "a folder of articles")
    if not path.is_dir():
        raise ParameterError("ARTICLES", f"{raw} is not a folder", "a folder of articles")
    files = [
        p for p in path.iterdir() if p.is_file() and p.name != "manifest.csv" and p.name[0] != "."
    ]
    if not files:
        raise ParameterError(
            "ARTICLES", f"{raw} holds no article", "a folder with .txt, .md, .html or .pdf files"
        )
    return path


def check_as_of_against(as_of: str, published: list[date]) -> None:
    """Refuse an as-of date before every article: the report would describe its own future."""
    if as_of and published and date.fromisoformat(as_of) < min(published):
        raise ParameterError(
            "AS_OF",
            f"{as_of} is before every article (the earliest is {min(published).isoformat()})",
            "a date on or after the earliest article's, or empty",
        )


def check_title(raw: str | None) -> str:
    """A title of printable text (it is escaped where shown); empty means the default."""
    title = " ".join((raw or "").split())
    if len(title) > 200:
        raise ParameterError("TITLE", "longer than 200 characters", "a title up to 200 characters")
    return title or DEFAULT_TITLE


def check_corrections(
    raw: str | Path | None, articles_dir: Path, processed_dir: Path | None = None
) -> Path | None:
    """The corrections table, read and validated in full before any work.

    None (not given) means DEFAULT_CORRECTIONS when that file exists; an empty string means
    no corrections. Every row is checked (columns, field, value, encoding) and must name an
    article of `articles_dir`, or one the previous build read (its text in `processed_dir`):
    that one was removed, and its corrections are reported as stale rather than refused.
    Raises briefing.corrections.CorrectionError (a ParameterError) naming row and column.
    """
    from briefing.corrections import check_articles, load_corrections
    from briefing.paths import resolve

    if raw is None:
        path = resolve(DEFAULT_CORRECTIONS).resolve()  # the repository's data/corrections.csv
        if not path.is_file():
            return None
    elif not str(raw).strip():
        return None
    else:
        path = resolve(Path(raw).expanduser()).resolve()
        if not path.is_file():
            raise ParameterError(
                "CORRECTIONS", f"{raw} does not exist", "a corrections CSV, or empty for none"
            )
    rows = load_corrections(path)
    present = [p.stem for p in articles_dir.iterdir() if p.is_file() and p.name != "manifest.csv"]
    removed = [p.stem for p in processed_dir.glob("text/*.txt")] if processed_dir else []
    check_articles(rows, present, removed, source=str(path))
    return path


def check_slide_template(raw: str | Path | None) -> Path | None:
    """SLIDE_TEMPLATE: empty (python-pptx's default deck), or a .pptx python-pptx can open
    that has a layout with a title placeholder. Checked before any work, so a typo in the
    path does not cost a whole build."""
    if raw is None or str(raw).strip() == "":
        return None
    path = Path(str(raw)).expanduser().resolve()
    accepted = "empty, or the path of a .pptx/.potx file with a title layout"
    if not path.is_file():
        raise ParameterError("SLIDE_TEMPLATE", f"{str(raw)!r} is not a file", accepted)
    from briefing.exports.slides import TemplateError, open_template

    try:
        open_template(path)
    except TemplateError as exc:
        raise ParameterError("SLIDE_TEMPLATE", f"{str(raw)!r}: {exc}", accepted) from None
    return path
