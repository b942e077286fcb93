"""facts.csv and facts.xlsx: every merged claim with its sources, for Excel users.

CSV is UTF-8 *with* BOM: Excel on Windows otherwise opens it as ANSI and turns
Chinese into mojibake; pandas, Python and LibreOffice read the BOM fine.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from briefing.claims import merge_claims
from briefing.exports.zipfix import atomic_path, atomic_write, normalise_office_zip

# One workbook sheet per measure group (measures from briefing.schema.MEASURES);
# anything unlisted goes to "other", and every claim is also on "all".
GROUPS = {
    "targets & market": {
        "market_size_target",
        "market_size",
        "growth_rate",
        "investment",
        "gdp_share",
    },
    "patents": {"patents", "patent_share", "trademark_applications"},
    "companies & members": {"companies", "members"},
}
ALL_SHEET = "all"
MAX_WIDTH = 60
WRAP_COLUMNS = {"quotes", "texts", "conflict_note", "sentence", "text"}
FIXED_TIME = dt.datetime(2000, 1, 1)


def group_of(measure: object) -> str:
    """The workbook sheet a measure belongs to ("other" for anything unlisted)."""
    for group, measures in GROUPS.items():
        if measure in measures:
            return group
    return "other"


def _flat(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return " | ".join("" if v is None else str(v) for v in value)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return value


def load_claims(processed_dir: Path) -> pd.DataFrame:
    """Merged claims: the build's claims step output (processed_dir/claims.pkl, merged once
    per build), else merged here from processed_dir/facts.csv.

    WHY not claims.csv: its list cells do not round-trip through CSV.
    """
    from briefing import tables

    if (Path(processed_dir) / tables.CLAIMS).exists():
        return tables.load(processed_dir, "claims")[0]
    facts_path = Path(processed_dir) / "facts.csv"
    if not facts_path.exists():
        return pd.DataFrame()
    facts = pd.read_csv(facts_path, encoding="utf-8-sig", keep_default_na=False, na_values=[""])
    return merge_claims(facts)


def flat_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with list cells joined by " | " and a `group` column, sorted by group."""
    if claims.empty:
        return pd.DataFrame(columns=["group", "claim_id"])
    table = claims.copy()
    for column in table.columns:
        table[column] = table[column].map(_flat)
    table.insert(0, "group", claims["measure"].map(group_of))
    table["year"] = table["year"].astype(str)
    return table.sort_values(
        ["group", "measure", "entity", "year", "claim_id"], kind="stable"
    ).reset_index(drop=True)


def sources_table(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per (claim, article): article, outlet, published, fact id, quote."""
    rows = []
    for claim in claims.itertuples(index=False):
        c = claim._asdict()
        articles, outlets, published = c["articles"] or [], c["outlets"] or [], c["published"] or []
        for i, article in enumerate(articles):
            rows.append(
                {
                    "claim_id": c["claim_id"],
                    "article": article,
                    "outlet": _flat(outlets[i] if i < len(outlets) else ""),
                    "published": _flat(published[i] if i < len(published) else ""),
                }
            )
    table = pd.DataFrame(rows, columns=["claim_id", "article", "outlet", "published"])
    return table.sort_values(["article", "claim_id"], kind="stable").reset_index(drop=True)


def _sheet(wb: Workbook, title: str, table: pd.DataFrame) -> None:
    ws = wb.create_sheet(title=title[:31])
    ws.append([str(c) for c in table.columns])
    for row in table.itertuples(index=False):
        ws.append([_flat(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for idx, column in enumerate(table.columns, start=1):
        letter = get_column_letter(idx)
        longest = max([len(str(column))] + [len(str(v)) for v in table[column]])
        width = min(max(8, longest + 2), MAX_WIDTH)
        ws.column_dimensions[letter].width = width
        if column in WRAP_COLUMNS and longest + 2 > MAX_WIDTH:
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_facts(claims: pd.DataFrame, out_dir: Path) -> tuple[Path, Path]:
    """Write out_dir/facts.csv (UTF-8 BOM) and out_dir/facts.xlsx; deterministic bytes."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    flat = flat_claims(claims)
    csv_path, xlsx_path = out_dir / "facts.csv", out_dir / "facts.xlsx"
    atomic_write(csv_path, flat.to_csv(index=False, lineterminator="\n").encode("utf-8-sig"))
    wb = Workbook()
    wb.remove(wb.active)
    for group in [*GROUPS, "other"]:
        _sheet(wb, group, flat[flat["group"] == group] if len(flat) else flat)
    _sheet(wb, ALL_SHEET, flat)
    _sheet(
        wb, "sources", sources_table(claims) if len(claims) else pd.DataFrame(columns=["claim_id"])
    )
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "briefing"
    with atomic_path(xlsx_path) as tmp:
        wb.save(str(tmp))
        normalise_office_zip(tmp)
    return csv_path, xlsx_path
