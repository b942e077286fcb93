"""The manifest: one row of metadata per article file, written by people, so fallible.

A bad manifest must never stop a build: a malformed date keeps its row (date unknown),
an unknown column is ignored, rows for absent files are reported. Every such case comes
back as a plain-sentence warning for the report's data-quality section.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefing.inputs.decoding import decode_bytes, normalise_newlines

MANIFEST_NAME = "manifest.csv"

KNOWN_COLUMNS = (
    "file",
    "title",
    "outlet",
    "author",
    "published",
    "date_precision",
    "language",
    "url",
    "seed_id",
    "notes",
)

DATE_PRECISIONS = ("day", "month", "year", "approximate", "unknown")
LANGUAGES = ("en", "zh", "unknown")


@dataclass(frozen=True)
class ManifestRow:
    """One manifest row, cleaned: empty cells are None, the date parsed or None."""

    file: str
    title: str | None
    outlet: str | None
    author: str | None
    published: dt.date | None
    date_precision: str
    language: str | None  # None when the manifest does not say (detected from the text)
    url: str | None
    seed_id: str | None
    notes: str | None


@dataclass
class Manifest:
    """Rows keyed by file name, plus the warnings found while reading them."""

    rows: dict[str, ManifestRow]
    warnings: list[str]
    present: bool


def parse_date(raw: str | None) -> tuple[dt.date | None, str | None]:
    """Parse an ISO date, year-month or year; return (date, precision it implies).

    "2024-01-22" -> day, "2024-01" -> month (first of month), "2024" -> year (1 January).
    A timestamp ("2024-01-22T08:00:00Z") keeps its date. Anything else -> (None, None).
    """
    if not raw:
        return None, None
    raw = raw.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?", raw)
    try:
        if match:
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day), "day"
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", raw)
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), 1), "month"
        if re.fullmatch(r"\d{4}", raw):
            return dt.date(int(raw), 1, 1), "year"
    except ValueError:
        return None, None
    return None, None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def normalise_language(raw: str | None) -> str | None:
    """ "en", "EN-us", "English" -> "en"; "zh-CN", "Chinese", "中文" -> "zh"; else None."""
    if not raw:
        return None
    lowered = raw.strip().lower()
    if lowered.startswith(("zh", "chinese", "中文", "汉语")):
        return "zh"
    if lowered.startswith(("en", "english")):
        return "en"
    return None


def file_key(name: str) -> str:
    """How file names are compared: the base name (a row may say "data/articles/a.txt"),
    NFC-normalised so that names saved on macOS (NFD) still match."""
    base = name.strip().replace("\\", "/").rsplit("/", 1)[-1]
    return unicodedata.normalize("NFC", base)


def read_manifest(directory: Path) -> Manifest:
    """Read `directory/manifest.csv`; never raises on its content."""
    path = directory / MANIFEST_NAME
    if not path.is_file():
        return Manifest(
            {}, [f"{MANIFEST_NAME} is missing: every article's metadata is unknown."], False
        )
    decoded = decode_bytes(path.read_bytes())
    if decoded is None:
        return Manifest({}, [f"{MANIFEST_NAME} could not be decoded and was ignored."], True)
    text = normalise_newlines(decoded.text)
    warnings: list[str] = []
    try:
        records = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        return Manifest({}, [f"{MANIFEST_NAME} is not valid CSV ({exc}) and was ignored."], True)
    if not records:
        return Manifest({}, [f"{MANIFEST_NAME} is empty."], True)
    header = [h.strip().lower() for h in records[0]]
    if "file" not in header:
        return Manifest({}, [f"{MANIFEST_NAME} has no 'file' column and was ignored."], True)
    unknown = [h for h in header if h and h not in KNOWN_COLUMNS]
    if unknown:
        names = ", ".join(repr(h) for h in unknown)
        warnings.append(f"{MANIFEST_NAME} has unknown column(s) {names}, ignored.")
    rows: dict[str, ManifestRow] = {}
    for line_no, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header):
            warnings.append(
                f"{MANIFEST_NAME} line {line_no} has more cells than the header; "
                "the extra cells are ignored."
            )
        cells = {h: (record[i] if i < len(record) else "") for i, h in enumerate(header) if h}
        name = _clean(cells.get("file"))
        if not name:
            warnings.append(f"{MANIFEST_NAME} line {line_no} names no file and was ignored.")
            continue
        key = file_key(name)
        if key in rows:
            warnings.append(
                f"{MANIFEST_NAME} line {line_no} repeats '{name}'; the first row is used."
            )
            continue
        rows[key] = _row(name, cells, line_no, warnings)
    return Manifest(rows, warnings, True)


def _row(name: str, cells: dict[str, str], line_no: int, warnings: list[str]) -> ManifestRow:
    raw_date = _clean(cells.get("published"))
    published, implied = parse_date(raw_date)
    if raw_date and published is None:
        warnings.append(
            f"{MANIFEST_NAME} line {line_no} ('{name}') has an unreadable date "
            f"'{raw_date}'; its date is treated as unknown."
        )
    precision = (_clean(cells.get("date_precision")) or "").lower()
    if precision and precision not in DATE_PRECISIONS:
        warnings.append(
            f"{MANIFEST_NAME} line {line_no} ('{name}') has an unknown date_precision "
            f"'{precision}'; it is inferred from the date instead."
        )
        precision = ""
    if published is None:
        precision = "unknown"
    elif not precision:
        precision = implied or "unknown"
    raw_language = _clean(cells.get("language"))
    language = normalise_language(raw_language)
    if raw_language and language is None and raw_language.lower() != "unknown":
        warnings.append(
            f"{MANIFEST_NAME} line {line_no} ('{name}') has an unknown language "
            f"'{raw_language}'; it is detected from the text instead."
        )
    return ManifestRow(
        file=name,
        title=_clean(cells.get("title")),
        outlet=_clean(cells.get("outlet")),
        author=_clean(cells.get("author")),
        published=published,
        date_precision=precision,
        language=language,
        url=_clean(cells.get("url")),
        seed_id=_clean(cells.get("seed_id")),
        notes=_clean(cells.get("notes")),
    )
