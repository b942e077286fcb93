"""Analyst corrections: fix, exclude or add a figure once, and every rebuild keeps it.

No extractor is perfect, and an analyst who finds a wrong figure must not have to edit code
(the next build would bring the mistake back). Corrections live in a table the analyst edits
by hand (`data/corrections.csv`, or `briefing correct`), one row per decision, and are
applied between extraction and claims on every build.

Why by text and not by offsets: a correction names its figure by article and quote ("250
billion yuan", "3500亿元", and which occurrence of it), which is how an analyst reads the
article. Offsets change whenever the extractor, the HTML reader or the article changes; the
quote survives all three. A correction whose quote is gone is *stale*: reported in the
build's output and the report's method section, never silently dropped. A quote that occurs
more than once without an `occurrence` is *ambiguous* and refused.

The facts table keeps the extractor's reading next to the analyst's: corrected columns hold
the analyst's values (so claims, tables, charts and the deck use them), and the audit
columns (`briefing.schema.CORRECTION_COLUMNS`) say which fields changed, what the extractor
had said, and why. Everything here is a pure function of its inputs except the small
`correct_step` at the end: the build step that reads the processed folder and writes it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from briefing.render.params import ParameterError
from briefing.schema import CORRECTION_COLUMNS, MEASURES, QUALIFIERS

#: Columns of the corrections file, in the order `briefing correct` writes them.
FILE_COLUMNS: tuple[str, ...] = (
    "article",  # file name without extension
    "quote",  # the figure as written in the article: "250 billion yuan", "3500亿元"
    "occurrence",  # which occurrence of the quote in the article (1, 2, ...); empty = the only one
    "field",  # one of FIELDS
    "value",  # the corrected value (for add: the figure's value)
    "unit",  # add rows only
    "entity",  # add rows only
    "year",  # add rows only
    "measure",  # add rows only
    "note",  # why: shown in the report's note and kept in facts.csv
    "by",  # who decided
    "date",  # when (yyyy-mm-dd)
)
REQUIRED_COLUMNS: tuple[str, ...] = ("article", "quote", "field")
#: What a row can correct; `exclude` drops the figure from the report, `add` adds a missed one.
#: The fields of a figure a row can set, one per row (and one `briefing correct` option each).
CORRECTABLE: tuple[str, ...] = (
    "entity",
    "year",
    "measure",
    "value",
    "unit",
    "qualifier",
    "on_topic",
)
FIELDS: tuple[str, ...] = (*CORRECTABLE, "exclude", "add")
#: Columns only an add row fills: the rest of a figure the extractor missed.
ADD_COLUMNS: tuple[str, ...] = ("unit", "entity", "year", "measure")
#: Where the build keeps the extractor's own table and the outcome of every correction.
EXTRACTED_NAME = "facts-extracted.csv"
REPORT_NAME = "corrections-report.csv"
REPORT_COLUMNS: tuple[str, ...] = (
    "row",
    "article",
    "quote",
    "occurrence",
    "field",
    "value",
    "status",  # applied | stale
    "fact_id",
    "reason",
    "note",
    "by",
    "date",
)
ACCEPTED = "a UTF-8 CSV with columns " + ", ".join(FILE_COLUMNS) + " (README: Analyst corrections)"
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}


class CorrectionError(ParameterError):
    """A correction the build refuses (exit code 2); the message names the row and column."""

    def __init__(
        self, problem: str, *, row: int | None = None, column: str | None = None, source: str = ""
    ) -> None:
        where = ", ".join(
            part
            for part in (source, f"row {row}" if row else "", f"column {column}" if column else "")
            if part
        )
        super().__init__("CORRECTIONS", f"{where}: {problem}" if where else problem, ACCEPTED)
        self.problem = problem
        self.row = row
        self.column = column


@dataclass(frozen=True)
class Correction:
    """One validated row of the corrections file; `row` is its line number (header = 1)."""

    row: int
    article: str
    quote: str
    field: str
    value: object = None  # typed: str (entity, measure, unit, qualifier), int, float, bool
    occurrence: int | None = None
    unit: str = ""
    entity: str = ""
    year: int | None = None
    measure: str = ""
    note: str = ""
    by: str = ""
    date: str = ""

    def describe(self) -> str:
        """How build output and refusals name this row."""
        return f'row {self.row} ({self.article}, "{self.quote}", {self.field})'

    def note_text(self) -> str:
        """The note as the audit column and the report show it: why, then who and when."""
        who = ", ".join(p for p in (self.by, self.date) if p)
        return f"{self.note} ({who})" if self.note and who else self.note or who


@dataclass(frozen=True)
class Outcome:
    """What became of one correction on this build."""

    correction: Correction
    status: str  # applied | stale
    fact_id: str = ""
    reason: str = ""


@dataclass(frozen=True)
class CorrectionReport:
    """Every correction's outcome, in file order; stale ones are reported, never dropped."""

    outcomes: tuple[Outcome, ...] = ()

    @property
    def applied(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "applied"]

    @property
    def stale(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "stale"]

    def table(self) -> pd.DataFrame:
        """One row per correction (REPORT_COLUMNS), the form kept in the processed folder."""
        rows = []
        for o in self.outcomes:
            c = o.correction
            rows.append(
                {
                    "row": c.row,
                    "article": c.article,
                    "quote": c.quote,
                    "occurrence": "" if c.occurrence is None else c.occurrence,
                    "field": c.field,
                    "value": "" if c.value is None else _plain(c.value),
                    "status": o.status,
                    "fact_id": o.fact_id,
                    "reason": o.reason,
                    "note": c.note,
                    "by": c.by,
                    "date": c.date,
                }
            )
        return pd.DataFrame(rows, columns=list(REPORT_COLUMNS))

    def lines(self) -> list[str]:
        """Build output: a count, then one line per stale correction."""
        if not self.outcomes:
            return []
        head = f"corrections: {len(self.applied)} applied, {len(self.stale)} stale"
        return [head] + [
            f"stale correction {o.correction.describe()}: {o.reason}" for o in self.stale
        ]


# --- reading and validating the table -------------------------------------------------------


def known_units() -> frozenset[str]:
    """Every unit the extractor writes: currencies, physical units, percent, count, times."""
    from briefing.extract import lexicon as lx

    return frozenset(
        {
            *lx.CURRENCY_PREFIXES.values(),
            *lx.CURRENCY_SUFFIXES_EN.values(),
            *lx.CURRENCY_SUFFIXES_ZH.values(),
            *lx.UNITS_EN.values(),
            *lx.UNITS_ZH.values(),
            "percent",
            "percentage_points",
            "count",
            "times",
        }
    )


def _canonical_entity(name: str) -> str:
    """The reference tables' name when they know it ("河南" -> "Henan"), else as written."""
    from briefing.reference import resolve_org, resolve_place

    return resolve_place(name) or resolve_org(name) or name


def _number(raw: str) -> float | None:
    try:
        number = float(raw.replace(",", "").replace("_", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _year(raw: str) -> int | None:
    number = _number(raw)
    if number is None or not number.is_integer() or not 1900 <= number <= 2100:
        return None
    return int(number)


def parse_value(field: str, raw: str, units: frozenset[str] | None = None) -> object:
    """The typed value of `field` from its text; raises ValueError saying what is accepted."""
    raw = raw.strip()
    if field == "entity":
        if not raw or len(raw) > 200:
            raise ValueError("an entity must be a name (1 to 200 characters)")
        return _canonical_entity(raw)
    if field == "year":
        year = _year(raw)
        if year is None:
            raise ValueError(f"{raw!r} is not a year (an integer from 1900 to 2100)")
        return year
    if field == "measure":
        if raw not in MEASURES:
            raise ValueError(f"{raw!r} is not a measure; accepted: {', '.join(MEASURES)}")
        return raw
    if field in ("value", "add"):
        number = _number(raw)
        if number is None:
            raise ValueError(f"{raw!r} is not a number (fully expanded: 350000000000)")
        return number
    if field == "unit":
        units = known_units() if units is None else units
        if raw not in units:
            raise ValueError(f"{raw!r} is not a known unit; accepted: {', '.join(sorted(units))}")
        return raw
    if field == "qualifier":
        if raw not in QUALIFIERS:
            raise ValueError(f"{raw!r} is not a qualifier; accepted: {', '.join(QUALIFIERS)}")
        return raw
    if field == "on_topic":
        if raw.lower() not in _TRUE | _FALSE:
            raise ValueError(f"{raw!r} is not true or false")
        return raw.lower() in _TRUE
    if field == "exclude":
        if raw and raw.lower() not in _TRUE:
            raise ValueError("an exclude row takes no value (or true)")
        return True
    raise ValueError(f"{field!r} is not a field; accepted: {', '.join(FIELDS)}")


def parse_rows(
    rows: Sequence[Mapping[str, str]], *, source: str = "", first_row: int = 2
) -> list[Correction]:
    """Validate rows of the corrections file (column -> text) into Corrections.

    Each refusal names the row (its line in the file: the header is row 1) and the column.
    """
    units = known_units()
    out: list[Correction] = []
    for index, row in enumerate(rows, start=first_row):
        number = int(row.get("_row") or index)  # read_rows keeps the line numbers
        cell = {k: (row.get(k) or "").strip() for k in FILE_COLUMNS}

        def refuse(column: str, problem: str, number: int = number) -> CorrectionError:
            return CorrectionError(problem, row=number, column=column, source=source)

        for column in REQUIRED_COLUMNS:
            if not cell[column]:
                raise refuse(column, f"{column} is empty")
        field = cell["field"].lower()
        if field not in FIELDS:
            raise refuse(
                "field", f"{cell['field']!r} is not a field; accepted: {', '.join(FIELDS)}"
            )
        occurrence = None
        if cell["occurrence"]:
            occ = _number(cell["occurrence"])
            if occ is None or not occ.is_integer() or occ < 1:
                raise refuse("occurrence", f"{cell['occurrence']!r} is not a whole number >= 1")
            occurrence = int(occ)
        if cell["date"]:
            try:
                date.fromisoformat(cell["date"])
            except ValueError:
                raise refuse("date", f"{cell['date']!r} is not a date yyyy-mm-dd") from None
        extra: dict[str, object] = {}
        if field == "add":
            for column in ("value", "unit", "measure"):
                if not cell[column]:
                    raise refuse(column, f"an add row needs its {column}")
            for column in ADD_COLUMNS:
                if cell[column]:
                    try:
                        extra[column] = parse_value(column, cell[column], units)
                    except ValueError as exc:
                        raise refuse(column, str(exc)) from None
        else:
            for column in ADD_COLUMNS:
                if cell[column]:
                    raise refuse(
                        column, f"only an add row fills {column}; a {field} row puts it in value"
                    )
            if field != "exclude" and not cell["value"]:
                raise refuse("value", f"a {field} correction needs the corrected value")
        try:
            value = parse_value(field, cell["value"], units)
        except ValueError as exc:
            raise refuse("value", str(exc)) from None
        out.append(
            Correction(
                row=number,
                article=cell["article"],
                quote=cell["quote"],
                field=field,
                value=value,
                occurrence=occurrence,
                note=cell["note"],
                by=cell["by"],
                date=cell["date"],
                **extra,  # type: ignore[arg-type]
            )
        )
    _refuse_duplicates(out, source)
    return out


def read_rows(data: bytes, *, source: str = "") -> list[dict[str, str]]:
    """The rows of a corrections file's bytes (UTF-8, BOM allowed), header checked.

    A broken encoding is refused with the row and column of the first bad byte: an editor
    that saved the file as GBK would otherwise turn every Chinese quote into a stale one.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        header = data.split(b"\n", 1)[0].decode("utf-8", "replace").split(",")
        index = before.rsplit(b"\n", 1)[-1].count(b",")
        column = header[index].strip() if index < len(header) else f"#{index + 1}"
        raise CorrectionError(
            f"not UTF-8 (byte {exc.start}); save the file as UTF-8",
            row=line,
            column=column,
            source=source,
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return []
    unknown = [h for h in header if h not in FILE_COLUMNS]
    if unknown:
        raise CorrectionError(
            f"unknown column {unknown[0]!r}", row=1, column=unknown[0], source=source
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorrectionError(
            f"missing column {missing[0]!r}", row=1, column=missing[0], source=source
        )
    if len(set(header)) < len(header):
        raise CorrectionError("a column is named twice", row=1, source=source)
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            raise CorrectionError(
                f"{len(cells)} cells but {len(header)} columns (quote a cell holding a comma)",
                row=number,
                column=f"#{len(header) + 1}",
                source=source,
            )
        rows.append({"_row": str(number), **dict(zip(header, cells, strict=False))})
    return rows


def load_corrections(path: Path | str) -> list[Correction]:
    """Read and validate a corrections file; raises CorrectionError naming row and column."""
    path = Path(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorrectionError(f"cannot read: {exc.strerror}", source=source) from None
    return parse_rows(read_rows(data, source=source), source=source)


def _refuse_duplicates(corrections: Sequence[Correction], source: str) -> None:
    seen: dict[tuple, int] = {}
    for c in corrections:
        key = (c.article, c.quote, c.occurrence or 1, c.field)
        if key in seen:
            raise CorrectionError(
                f"row {seen[key]} already corrects {c.field} of this figure",
                row=c.row,
                column="field",
                source=source,
            )
        seen[key] = c.row


def check_articles(
    corrections: Iterable[Correction],
    present: Iterable[str],
    removed: Iterable[str] = (),
    *,
    source: str = "",
) -> None:
    """Refuse a row naming an article that does not exist (a typo, most likely).

    An article that was read before and is gone now (`removed`: the previous build's texts)
    is not refused: its corrections are reported as stale, so the analyst sees them.
    """
    present, removed = set(present), set(removed)
    for c in corrections:
        if c.article in present or c.article in removed:
            continue
        hint = ""
        stem = Path(c.article).stem
        if stem != c.article and stem in present:
            hint = f" (write {stem!r}: the file name without extension)"
        raise CorrectionError(
            f"no article {c.article!r} in ARTICLES{hint}",
            row=c.row,
            column="article",
            source=source,
        )


# --- finding a correction's figure ----------------------------------------------------------


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place `quote` stands in `text`, in order, as (start, end).

    Runs of white space match any white space (a line break in an article), and a quote
    that starts or ends with a digit does not match inside a longer number: "250 billion"
    is not found in "1,250 billion".
    """
    pieces = quote.split()
    if not pieces:
        return []
    pattern = r"\s+".join(re.escape(p) for p in pieces)
    if pieces[0][0].isdigit():
        pattern = r"(?<!\d)(?<!\d[.,])" + pattern
    if pieces[-1][-1].isdigit():
        pattern += r"(?!\d)(?![.,]\d)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _int(value: object) -> int | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else int(number)


def _blank(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _plain(value: object) -> object:
    """JSON- and CSV-friendly: numpy scalars to Python, whole floats kept as floats."""
    if _blank(value):
        return None
    if hasattr(value, "item"):
        value = value.item()  # type: ignore[union-attr]
    return value


def _original(field: str, value: object) -> object:
    """The extractor's value of a field as the audit column keeps it (typed, None if empty)."""
    value = _plain(value)
    if value is None:
        return None
    if field == "year":
        return _int(value)
    if field == "value":
        return float(value)  # type: ignore[arg-type]
    if field == "on_topic" and isinstance(value, str):
        return value.strip().lower() in _TRUE
    return value


def _overlapping(facts: pd.DataFrame, article: str, span: tuple[int, int]) -> int | None:
    """The index of the fact of `article` that covers most of `span` (first one on a tie)."""
    best, best_overlap = None, 0
    rows = facts.index[facts["article"].astype(str) == article]
    for i in rows:
        start, end = _int(facts.at[i, "start"]), _int(facts.at[i, "end"])
        if start is None or end is None:
            continue
        overlap = min(end, span[1]) - max(start, span[0])
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _sentence(text: str, start: int) -> str:
    from briefing.extract.sentences import sentence_spans

    for span in sentence_spans(text):
        if span.start <= start < span.end:
            return text[span.start : span.end]
    return ""


_PROVENANCE = (
    "title",
    "outlet",
    "published",
    "date_precision",
    "language",
    "url",
    "encoding",
    "source_format",
)


def _added_fact(
    c: Correction, span: tuple[int, int], text: str, facts: pd.DataFrame
) -> dict[str, object]:
    """A facts row for an add correction, provenance copied from the article's other rows."""
    row: dict[str, object] = {col: "" for col in facts.columns}
    same = facts[facts["article"].astype(str) == c.article]
    if len(same):
        for col in _PROVENANCE:
            if col in facts.columns:
                row[col] = same.iloc[0][col]
    row.update(
        {
            "id": f"{c.article}:{span[0]}",
            "article": c.article,
            "start": span[0],
            "end": span[1],
            "text": text[span[0] : span[1]],
            "value": c.value,
            "unit": c.unit,
            "qualifier": "exact",
            "measure": c.measure,
            "entity": c.entity,
            "year": "" if c.year is None else c.year,
            "on_topic": True,
            "sentence": _sentence(text, span[0]),
            "corrected_fields": "add",
            "original": "",
            "correction_note": c.note_text(),
            "excluded": False,
        }
    )
    return row


def _locate(c: Correction, article_texts: Mapping[str, str]) -> tuple[tuple[int, int] | None, str]:
    """The span of a correction's quote, or None and why it is stale; refuses ambiguity."""
    text = article_texts.get(c.article)
    if text is None:
        return None, "the article is no longer in ARTICLES"
    spans = quote_spans(text, c.quote)
    if not spans:
        return None, "the quote is no longer in the article"
    if c.occurrence is None:
        if len(spans) > 1:
            raise CorrectionError(
                f'ambiguous: "{c.quote}" occurs {len(spans)} times in {c.article}; '
                f"say which in column occurrence (1 to {len(spans)})",
                row=c.row,
                column="occurrence",
            )
        return spans[0], ""
    if c.occurrence > len(spans):
        return None, f"the quote now occurs {len(spans)} time(s), not {c.occurrence}"
    return spans[c.occurrence - 1], ""


def apply_corrections(
    facts: pd.DataFrame, corrections: Sequence[Correction], article_texts: Mapping[str, str]
) -> tuple[pd.DataFrame, CorrectionReport]:
    """The facts with every correction applied, and what became of each correction.

    `facts` is the extractor's table (typed, or read as text); `article_texts` maps article
    id to the text its offsets refer to. Add rows are applied first, so a later row may
    correct an added figure. Raises CorrectionError for an ambiguous quote or two rows that
    set the same field of the same figure differently.
    """
    table = facts.copy().reset_index(drop=True)
    for col in CORRECTION_COLUMNS:
        table[col] = False if col == "excluded" else ""
    for col in (
        "entity",
        "year",
        "measure",
        "value",
        "value_high",
        "unit",
        "qualifier",
        "on_topic",
    ):
        if col in table.columns:
            table[col] = table[col].astype(object)
    outcomes: dict[int, Outcome] = {}
    set_by: dict[tuple[int, str], Correction] = {}
    originals: dict[int, dict[str, object]] = {}
    ordered = [c for c in corrections if c.field == "add"] + [
        c for c in corrections if c.field != "add"
    ]
    added = False
    for c in ordered:
        span, reason = _locate(c, article_texts)
        if span is None:
            outcomes[c.row] = Outcome(c, "stale", reason=reason)
            continue
        hit = _overlapping(table, c.article, span)
        if c.field == "add":
            if hit is not None:
                outcomes[c.row] = Outcome(
                    c,
                    "stale",
                    fact_id=str(table.at[hit, "id"]),
                    reason="the extractor now reads this figure: correct its fields instead",
                )
                continue
            row = _added_fact(c, span, article_texts[c.article], table)
            table = pd.concat([table, pd.DataFrame([row])], ignore_index=True)
            outcomes[c.row] = Outcome(c, "applied", fact_id=str(row["id"]))
            added = True
            continue
        if hit is None:
            outcomes[c.row] = Outcome(c, "stale", reason="no extracted figure at the quote")
            continue
        field = "excluded" if c.field == "exclude" else c.field
        earlier = set_by.get((hit, field))
        if earlier is not None:
            raise CorrectionError(
                f"{c.describe()} and {earlier.describe()} both correct {c.field} of the"
                f" figure {table.at[hit, 'id']}",
                row=c.row,
                column="field",
            )
        set_by[(hit, field)] = c
        if field != "excluded":
            originals.setdefault(hit, {})[field] = _original(field, table.at[hit, field])
        table.at[hit, field] = c.value
        if field == "value" and "value_high" in table and not _blank(table.at[hit, "value_high"]):
            # a range corrected to one figure: its upper bound went with it (kept in original)
            originals[hit]["value_high"] = _original("value", table.at[hit, "value_high"])
            table.at[hit, "value_high"] = ""
        fields = [f for f in str(table.at[hit, "corrected_fields"]).split(",") if f]
        table.at[hit, "corrected_fields"] = ",".join([*fields, c.field])
        notes = [n for n in str(table.at[hit, "correction_note"]).split("; ") if n]
        if c.note_text() and c.note_text() not in notes:
            notes.append(c.note_text())
        table.at[hit, "correction_note"] = "; ".join(notes)
        outcomes[c.row] = Outcome(c, "applied", fact_id=str(table.at[hit, "id"]))
    for i, values in originals.items():
        table.at[i, "original"] = json.dumps(values, ensure_ascii=False, sort_keys=True)
    if added:
        order = pd.to_numeric(table["start"], errors="coerce")
        table = (
            table.assign(_start=order)
            .sort_values(["article", "_start"], kind="stable")
            .drop(columns="_start")
            .reset_index(drop=True)
        )
    report = CorrectionReport(tuple(outcomes[c.row] for c in corrections))
    return table, report


def revert(facts: pd.DataFrame) -> pd.DataFrame:
    """The extractor's table back from a corrected one, using its audit columns.

    Why: the build keeps the extractor's table beside the corrected one; should that copy
    be lost, the audit trail alone gives it back, so corrections are never applied twice.
    """
    if "corrected_fields" not in facts.columns:
        return facts.copy()
    fields = facts["corrected_fields"].astype(str)
    table = facts[~fields.str.split(",").map(lambda f: "add" in f)].copy()
    for i in table.index:
        raw = table.at[i, "original"]
        if _blank(raw):
            continue
        for field, value in json.loads(str(raw)).items():
            table[field] = table[field].astype(object)
            table.at[i, field] = "" if value is None else value
    return table.drop(columns=[c for c in CORRECTION_COLUMNS if c in table.columns]).reset_index(
        drop=True
    )


# --- what the report shows ------------------------------------------------------------------


def _shown(value: object) -> str:
    value = _plain(value)
    if value is None:
        return "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def correction_marks(row: Mapping[str, object]) -> str:
    """What a report note says about a corrected figure, from its facts row ("" if none).

    "entity corrected by analyst: Henan (extracted: China)"; an added figure says it was
    added by the analyst. The analyst's note follows.
    """
    fields = [] if _blank(row.get("corrected_fields")) else str(row["corrected_fields"]).split(",")
    if not fields:
        return ""
    originals: dict[str, object] = {}
    if not _blank(row.get("original")):
        try:
            originals = json.loads(str(row["original"]))
        except ValueError:
            originals = {}
    parts = []
    for field in fields:
        if field == "add":
            parts.append("figure added by analyst (the extractor missed it)")
        elif field == "exclude":
            parts.append("excluded by analyst")
        else:
            parts.append(
                f"{field} corrected by analyst: {_shown(row.get(field))}"
                f" (extracted: {_shown(originals.get(field))})"
            )
    note = "" if _blank(row.get("correction_note")) else f" — {row['correction_note']}"
    return "; ".join(parts) + note


def excluded_mask(facts: pd.DataFrame) -> pd.Series:
    """True for the rows an analyst excluded (a facts table without the column: none)."""
    if "excluded" not in facts.columns:
        return pd.Series(False, index=facts.index)
    return facts["excluded"].map(lambda v: str(v).strip().lower() in _TRUE)


def read_report(processed_dir: Path | str) -> pd.DataFrame:
    """The build's corrections report (REPORT_COLUMNS); empty when there were none."""
    path = Path(processed_dir) / REPORT_NAME
    if not path.exists() or path.stat().st_size == 0:
        return pd.DataFrame(columns=list(REPORT_COLUMNS))
    return pd.read_csv(path, dtype=str, keep_default_na=False)


# --- the build step -------------------------------------------------------------------------


def _read_text_table(path: Path) -> pd.DataFrame:
    """A CSV read as text, so that writing it back leaves every untouched cell's bytes."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _write(df: pd.DataFrame, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    df.to_csv(tmp, index=False, lineterminator="\n")
    tmp.replace(path)


def correct_step(processed_dir: Path, corrections_path: Path | None) -> CorrectionReport:
    """The build's corrections step: the extractor's table (EXTRACTED_NAME, which the extract
    step writes and nothing else touches) in, the facts every section reads (facts.csv) and
    each correction's outcome (REPORT_NAME) out. Says each stale correction on stderr."""
    processed_dir = Path(processed_dir)
    raw = _read_text_table(processed_dir / EXTRACTED_NAME)
    corrections = load_corrections(corrections_path) if corrections_path else []
    texts = {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted((processed_dir / "text").glob("*.txt"))
    }
    try:
        corrected, report = apply_corrections(raw, corrections, texts)
    except CorrectionError as exc:  # name the file too
        raise CorrectionError(
            exc.problem, row=exc.row, column=exc.column, source=str(corrections_path)
        ) from None
    _write(corrected, processed_dir / "facts.csv")
    _write(report.table(), processed_dir / REPORT_NAME)
    for line in report.lines():
        print(f"briefing build: {line}", file=sys.stderr, flush=True)
    return report


# --- `briefing correct` ---------------------------------------------------------------------


def command_rows(args: argparse.Namespace) -> list[dict[str, str]]:
    """The file rows one `briefing correct` call stands for: one per corrected field, or
    a single add row (value, unit, entity, year, measure in their own columns)."""
    base = {
        "article": args.article,
        "quote": args.quote,
        "occurrence": str(args.occurrence or ""),
        "note": args.note or "",
        "by": args.by or "",
        "date": args.date or "",
    }
    given = {f: getattr(args, f) for f in CORRECTABLE if getattr(args, f) is not None}
    if args.add:
        extra = set(given) - {"value", *ADD_COLUMNS}
        if extra:
            wrong = sorted(extra)[0].replace("_", "-")
            raise CorrectionError(
                f"--add takes --value, --unit, --entity, --year, --measure, not --{wrong}"
            )
        return [{**base, "field": "add", **{k: str(v) for k, v in given.items()}}]
    rows = [{**base, "field": f, "value": str(v)} for f, v in given.items()]
    if args.exclude:
        rows.append({**base, "field": "exclude", "value": ""})
    if not rows:
        raise CorrectionError("say what to correct: --entity, --year, ..., --exclude or --add")
    return rows


def _current_facts(processed_dir: Path) -> pd.DataFrame:
    raw_path, facts_path = processed_dir / EXTRACTED_NAME, processed_dir / "facts.csv"
    if raw_path.exists():
        return _read_text_table(raw_path)
    if facts_path.exists():
        return revert(_read_text_table(facts_path))
    raise CorrectionError(f"no facts in {processed_dir}: run `briefing build` first")


def append_rows(path: Path, rows: Sequence[Mapping[str, str]]) -> None:
    """Append rows to the corrections file (created with FILE_COLUMNS when missing).

    A hand-made file whose header lacks a column the new rows fill is rewritten with the
    full header; otherwise the analyst's own lines are left exactly as they are.
    """
    header: list[str] = []
    data = path.read_bytes() if path.exists() else b""
    if data.strip():
        header = [
            h.strip().lower() for h in next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        ]
    filled = {k for row in rows for k, v in row.items() if v and k in FILE_COLUMNS}
    if header and filled <= set(header):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, header, extrasaction="ignore", lineterminator="\n")
        writer.writerows(rows)
        lead = b"" if data.endswith(b"\n") else b"\n"
        path.write_bytes(data + lead + buffer.getvalue().encode("utf-8"))
        return
    old = read_rows(data) if header else []
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, FILE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows([*old, *rows])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    tmp.replace(path)


def run_correct(args: argparse.Namespace) -> int:
    """`briefing correct`: validate a correction against the current facts, then append it.

    The quote must be in the article (once, or say which occurrence), a field correction
    must land on an extracted figure, and an add must not double one the extractor reads.
    Exit 2 with a message naming what is wrong; the file is then unchanged.
    """
    import sys

    path = Path(args.corrections)
    processed = Path(args.processed)
    try:
        existing = load_corrections(path) if path.exists() else []
        new_rows = command_rows(args)
        first = max((c.row for c in existing), default=1) + 1
        new = parse_rows(new_rows, source="the command", first_row=first)
        _refuse_duplicates([*existing, *new], str(path))
        text_path = processed / "text" / f"{new[0].article}.txt"
        if not text_path.is_file():
            raise CorrectionError(
                f"no article {new[0].article!r} in {processed}/text (file name without"
                " extension; run `briefing build` after adding an article)",
                column="article",
            )
        texts = {new[0].article: text_path.read_text(encoding="utf-8")}
        mine = [c for c in existing if c.article == new[0].article]
        _, report = apply_corrections(_current_facts(processed), [*mine, *new], texts)
        for outcome in report.outcomes[len(mine) :]:
            if outcome.status != "applied":
                raise CorrectionError(f"{outcome.reason}", column="quote")
    except ParameterError as exc:
        print(f"briefing correct: {exc}", file=sys.stderr)
        return 2
    append_rows(path, new_rows)
    for outcome in report.outcomes[len(mine) :]:
        c = outcome.correction
        print(f"{path}: {c.field} of {outcome.fact_id} ({c.quote}) -> {_shown(c.value)}")
    return 0


def add_correct_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `briefing correct`, and the function that runs it."""
    p = parser
    p.add_argument("article", help="article: file name without extension")
    p.add_argument("quote", help='the figure as written, e.g. "250 billion yuan"')
    p.add_argument("--occurrence", type=int, help="which occurrence of the quote (1, 2, ...)")
    for name in CORRECTABLE:
        p.add_argument(f"--{name.replace('_', '-')}", dest=name, help=f"the corrected {name}")
    p.add_argument("--exclude", action="store_true", help="leave the figure out of the report")
    p.add_argument("--add", action="store_true", help="add a figure the extractor missed")
    p.add_argument("--note", default="", help="why (shown in the report's note)")
    p.add_argument("--by", default="", help="who decided")
    p.add_argument("--date", default=date.today().isoformat(), help="when (default today)")
    p.add_argument("--corrections", default="data/corrections.csv", help="the corrections file")
    p.add_argument("--processed", default="data/processed", help="the extracted data folder")
    p.set_defaults(func=run_correct)
