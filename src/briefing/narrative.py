"""Prose and key numbers rendered from the data, every number linked to its quote.

Why a module and not f-strings in notebooks: each number the briefing prints must (1) come
from the tables, (2) link to the sentence it was read from (HTML) or footnote it (PDF), and
(3) carry article text only through escaping. Doing that in one place keeps the notebooks to
one readable line per sentence and makes the rules testable.

A linked number looks like
`<a class="fact" href="#fact-ID" title="quote">250 billion yuan<span class="fn">“quote” —
Outlet, 2024-01-22</span></a>`; the facts appendix (section 8) carries the matching
`id="fact-ID"` anchors. On screen `.fn` is hidden (the title attribute is the tooltip); in
print the pipeline's CSS turns it into a footnote.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Mapping, Sequence

import pandas as pd

from briefing import numfmt
from briefing.corrections import CORRECTABLE, correction_marks, read_report
from briefing.safe import html_attr, html_text
from briefing.schema import CORRECTION_COLUMNS, MEASURE_NAMES
from briefing.sections._common import as_list, format_amount, is_blank, year_text
from briefing.sections.patents import Consistency

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")


def fact_anchor(fact_id: object) -> str:
    """An HTML-safe, unique anchor for a fact id ("fact-2024-01-22-x-2868-1a2b3c").

    The readable part is the id with unsafe characters replaced; the hash keeps ids apart
    that differ only in those characters (Chinese file names, for instance).
    """
    raw = str(fact_id)
    slug = _UNSAFE_ID.sub("-", raw).strip("-")[:80] or "x"
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:6]
    return f"fact-{slug}-{digest}"


#: What a note needs to say that an analyst corrected a figure, and from what: the audit
#: columns and the fields a correction can set.
_CORRECTION_NOTE_COLUMNS = (*CORRECTION_COLUMNS[:3], *CORRECTABLE)


def _provenance(facts: pd.DataFrame, fact_id: object) -> dict | None:
    """The quote, outlet, date (and any analyst correction) of one fact. One vectorised row
    lookup: building a dict of every fact per link made a large corpus's tables quadratic
    (minutes at 100,000 facts)."""
    if facts is None or facts.empty or "id" not in facts.columns:
        return None
    wanted = ("id", "sentence", "outlet", "published", *_CORRECTION_NOTE_COLUMNS)
    cols = [c for c in wanted if c in facts.columns]
    rows = facts.loc[facts["id"].eq(str(fact_id)), cols]  # ids are "article:start" strings
    return rows.iloc[0].to_dict() if len(rows) else None


def number_link(figure: str, fact_id: object, facts: pd.DataFrame) -> str:
    """`figure` as a link to its fact's anchor, with the quote as tooltip and footnote.

    An unknown fact id yields the escaped figure without a link (never a dangling href).
    """
    source = _provenance(facts, fact_id) if not is_blank(fact_id) else None
    if source is None:
        return f'<span class="fact">{html_text(figure)}</span>'
    quote = "" if is_blank(source.get("sentence")) else str(source["sentence"])
    outlet = "unknown outlet" if is_blank(source.get("outlet")) else str(source["outlet"])
    date = "" if is_blank(source.get("published")) else f", {source['published']}"
    note = f"“{quote}” — {outlet}{date}"
    marks = correction_marks(source)  # "entity corrected by analyst: Henan (extracted: China)"
    if marks:
        note += f" [{marks}]"
    return (
        f'<a class="fact" href="#{fact_anchor(fact_id)}" title="{html_attr(note)}">'
        f'{html_text(figure)}<span class="fn">{html_text(note)}</span></a>'
    )


def no_data(message: str) -> str:
    """A generated "nothing found" paragraph, so an empty section reads as a finding."""
    return f'<p class="no-data">{html_text(message)}</p>'


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _first_id(fact_ids: object) -> str:
    ids = as_list(fact_ids)
    return str(ids[0]) if ids else ""


#: Rows a report table shows before it says how many more there are and where they are: the
#: body of the briefing must not grow with the corpus (a thousand articles still read in
#: under ten pages), so tables show their leading rows and the annex holds the rest.
TABLE_LIMIT = 12


def html_table(
    table: pd.DataFrame,
    columns: Mapping[str, str],
    *,
    link_ids: str | None = None,
    anchor_ids: str | None = None,
    facts: pd.DataFrame | None = None,
    css_class: str = "briefing-table",
    limit: int | None = TABLE_LIMIT,
    more: str = "Every figure is in the annex and in facts.csv and facts.xlsx.",
) -> str:
    """An escaped HTML table of `columns` (column -> header) of `table`.

    `link_ids`: a column of fact ids; the first displayed column links to its fact.
    `anchor_ids`: a column of fact ids; each row gets the fact's anchor id (the appendix).
    Floats are shown without trailing ".0"; NaN shows as an empty cell.
    `limit`: at most this many rows, then a note saying how many there are and where (`more`):
    a corpus of thousands of articles must still give a briefing, not a phone book.
    """
    columns = _shown_columns(table, columns)
    note = ""
    if limit is not None and len(table) > limit:
        note = (
            f'<p class="note">The first {limit:,} rows are shown, and'
            f" {len(table) - limit:,} more. {html_text(more)}</p>"
        )
        table = table.head(limit)
    head = "".join(f"<th>{html_text(h)}</th>" for h in columns.values())
    body = []
    first = next(iter(columns))
    for row in table.to_dict("records"):
        cells = []
        for col in columns:
            value = row.get(col)
            text = _display(col, value, row)
            if col == first and link_ids and facts is not None:
                cells.append(f"<td>{number_link(text, _first_id(row.get(link_ids)), facts)}</td>")
            else:
                cells.append(f"<td>{html_text(text)}</td>")
        attr = f' id="{fact_anchor(row[anchor_ids])}"' if anchor_ids else ""
        body.append(f"<tr{attr}>{''.join(cells)}</tr>")
    return (
        f'<table class="{html_attr(css_class)}">{_colgroup(table, columns)}'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}"
    )


def _shown_columns(table: pd.DataFrame, columns: Mapping[str, str]) -> dict[str, str]:
    """The columns worth a reader's width: one empty in every row (no scope, no conflict
    anywhere) is left out; the first column always stays, it names the row."""
    rows = table.to_dict("records")
    first = next(iter(columns), None)
    return {
        col: header
        for col, header in columns.items()
        if col == first or any(_display(col, r.get(col), r) for r in rows)
    }


#: About how many characters of table text fit across the printed page (A4, 8.5 pt, cell
#: padding taken off: measured on the rendered PDF); screens are wider, so widths that fit
#: here fit there.
TABLE_LINE_CHARS = 115
#: Longer words (codes, URLs) may break: a quote column needs the room more.
LONGEST_UNBROKEN = 11


def _colgroup(table: pd.DataFrame, columns: Mapping[str, str]) -> str:
    """Column widths from the content, so tables can use a fixed layout.

    WeasyPrint's automatic table layout measures every cell several times and made the PDF
    of the facts appendix take most of a minute; with widths given up front it takes seconds.
    Each column first gets room for its longest word (up to LONGEST_UNBROKEN characters) and
    its header, so that names and dates are not broken mid-word ("Guangzh-ou"); what is left
    of the line goes to the columns with longer texts (quotes), in proportion to their
    typical length.
    """
    floors, wants = [], []
    for col, header in columns.items():
        rows = table.to_dict("records")
        texts = [_display(col, r.get(col), r) for r in rows] if col in table else []
        typical = sum(len(t) for t in texts) / len(texts) if texts else 0.0
        words = [w for t in texts for w in t.split()]
        longest = max(words, key=len, default="")
        # digits run wider than the average character the line is counted in (2022-02-15)
        wide = 1.15 if sum(c.isdigit() for c in longest) * 2 >= len(longest) > 0 else 1.0
        floor = max(min(len(longest), LONGEST_UNBROKEN) * wide, len(header), 3) + 1.5
        floors.append(floor)
        wants.append(max(min(typical, 60.0), floor))
    if floors:
        floors[0] += 2.0  # the first column carries the footnote or link number
        wants[0] = max(wants[0], floors[0])
    spare = TABLE_LINE_CHARS - sum(floors)
    extra = [w - f for w, f in zip(wants, floors, strict=True)]
    if sum(wants) <= TABLE_LINE_CHARS or spare <= 0 or sum(extra) <= 0:
        widths = wants if spare > 0 else floors  # everything fits: in proportion to needs
    else:
        widths = [f + spare * e / sum(extra) for f, e in zip(floors, extra, strict=True)]
    total = sum(widths) or 1.0
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
    return f"<colgroup>{cols}</colgroup>"


#: Columns of numbers that are names, not quantities: no thousands separator (2022, not 2,022).
PLAIN_NUMBER_COLUMNS = frozenset({"year"})
#: Columns that hold money, by currency: written compactly (¥350bn), never to the unit.
MONEY_COLUMNS = {"value_cny": "CNY", "value_usd": "USD"}
#: Columns of percentages.
PERCENT_COLUMNS = frozenset({"share_pct", "pct"})


def _display(column: str, value: object, row: Mapping[str, object] | None = None) -> str:
    """A cell as the reader sees it: years without separators, measures by their names,
    money compact (a dollar value we converted at the report's rate marked ≈), counts with
    separators and no spurious decimals."""
    if column == "measure" and isinstance(value, str):
        return MEASURE_NAMES.get(value, value)
    if column in MONEY_COLUMNS and isinstance(value, float | int) and not is_blank(value):
        row = row or {}
        # the currency the source did not state is ours, unless the article converted it
        stated = row.get("unit_reported", "CNY")
        converted = MONEY_COLUMNS[column] != stated and not (
            column == "value_usd" and row.get("usd_basis") == "article" and stated == "CNY"
        )
        return numfmt.money(float(value), MONEY_COLUMNS[column], converted=converted)
    if column in PERCENT_COLUMNS and isinstance(value, float | int) and not is_blank(value):
        return numfmt.percent(float(value))
    return _cell(value, grouping=column not in PLAIN_NUMBER_COLUMNS)


def _cell(value: object, *, grouping: bool = True) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v, grouping=grouping) for v in value)
    if is_blank(value):
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        value = float(value)
        if not grouping:
            return str(int(value)) if value.is_integer() else numfmt.plain(value)
        return numfmt.big_count(value) if abs(value) >= 1e6 else numfmt.count(value)
    return str(value)


# --- section 1: summary -------------------------------------------------------------------


def key_numbers_block(keys: pd.DataFrame, facts: pd.DataFrame) -> str:
    """The highlighted block of key numbers: big figure, label under it, each linked."""
    if keys.empty:
        return no_data("No key figures were found in these articles.")
    cells = [
        f'<td class="key-number"><div class="kn-figure">'
        f"{number_link(k['figure'], k['fact_id'], facts)}</div>"
        f'<div class="kn-label">{html_text(k["label"])}</div></td>'
        for k in keys.to_dict("records")
    ]
    # a table, not a grid: WeasyPrint floats a table cell's footnotes to the page foot (a grid
    # item prints them in place), and four to a row keep page 1 to the briefing in brief
    rows = "".join(
        f"<tr>{''.join(cells[i : i + KEY_NUMBERS_PER_ROW])}</tr>"
        for i in range(0, len(cells), KEY_NUMBERS_PER_ROW)
    )
    return f'<table class="key-numbers"><tbody>{rows}</tbody></table>'


#: Key numbers side by side on page 1 (A4 portrait at 10 pt fits four short figures).
KEY_NUMBERS_PER_ROW = 4


def summary_paragraph(
    keys: pd.DataFrame,
    facts: pd.DataFrame,
    n_articles: int,
    n_conflicts: int,
    n_single: int,
) -> str:
    """One paragraph reading the key numbers, generated from whichever of them exist."""
    if keys.empty:
        return no_data(f"The {n_articles} articles read yield no figures about the topic.")
    by_key = {k["key"]: k for k in keys.to_dict("records")}
    parts = [f"{n_articles} articles were read."]

    def link(key: str) -> str:
        return number_link(by_key[key]["figure"], by_key[key]["fact_id"], facts)

    if "largest_target" in by_key:
        label = html_text(by_key["largest_target"]["label"])
        parts.append(f"The largest market-size target is {label}: {link('largest_target')}.")
    shares = [k for k in by_key if k.startswith("patent_share:")]
    if shares:
        said = [f"{html_text(k.split(':', 1)[1])} {link(k)}" for k in shares]
        parts.append(f"Shares of metaverse-related patents: {_join(said)}.")
    if "largest_body" in by_key:
        parts.append(
            f"The largest industry body counts {link('largest_body')} "
            f"{html_text(by_key['largest_body']['label'])}."
        )
    if "companies" in by_key:
        parts.append(
            f"The headline company count: {link('companies')} "
            f"{html_text(by_key['companies']['label'])}."
        )
    caution = (
        f"{n_conflicts} figure{'s are' if n_conflicts != 1 else ' is'} disputed between sources"
        if n_conflicts
        else "no figure is disputed between sources"
    )
    parts.append(
        f"Most figures rest on a single source ({n_single} single-source claims) and {caution}; "
        "see the caveats."
    )
    return f'<p class="summary">{" ".join(parts)}</p>'


# --- section 2: targets -------------------------------------------------------------------


_SCOPE_WORDS = {
    "core": "for its core metaverse industry",
    "related": "for the related industries it is to drive",
    "digital economy": "for its digital economy",
}


def targets_paragraph(targets: pd.DataFrame, facts: pd.DataFrame, cny_per_usd: float) -> str:
    """Who targets how much by when, largest first, USD basis stated."""
    agreed = targets[targets["value_cny"].notna()] if len(targets) else targets
    if agreed.empty:
        return no_data("No market-size targets were found in these articles.")
    sentences = []
    for t in agreed.head(5).to_dict("records"):
        year = year_text(t["year"])
        cny = number_link(
            format_amount(t["value_cny"], "CNY", t["qualifier"]), _first_id(t["fact_ids"]), facts
        )
        usd = format_amount(t["value_usd"], "USD", converted=t["usd_basis"] != "article")
        basis = (
            "the article's own conversion"
            if t["usd_basis"] == "article"
            else f"at {cny_per_usd:g} CNY per USD"
        )
        scope = _SCOPE_WORDS.get(str(t.get("scope") or ""), "")
        sentences.append(
            f"{html_text(t['entity'])} aims for {cny} ({html_text(usd)}, {html_text(basis)})"
            + (f" by {year}" if year else "")
            + (f" {scope}" if scope else "")
        )
    text = "; ".join(sentences) + "."
    n_conflict = int(targets["conflict"].sum())
    if n_conflict:
        text += (
            f" {counted(n_conflict, 'target')} {'is' if n_conflict == 1 else 'are'} disputed"
            " between sources and shown in the caveats."
        )
    found = "was" if len(agreed) == 1 else "were"
    return f"<p>{counted(len(agreed), 'market-size target')} {found} found. {text}</p>"


# --- section 3: patents -------------------------------------------------------------------


def patents_paragraph(patents: pd.DataFrame, facts: pd.DataFrame) -> str:
    reported = patents[~patents["derived"].astype(bool)] if len(patents) else patents
    if reported.empty:
        return no_data("No patent counts or shares were found in these articles.")
    said = []
    for row in reported.to_dict("records"):
        ids = as_list(row["fact_ids"])
        bits = []
        if not math.isnan(row["patents"]):
            bits.append(
                number_link(format_amount(row["patents"], "count"), ids[0] if ids else "", facts)
            )
        if not math.isnan(row["share_pct"]):
            bits.append(
                number_link(
                    format_amount(row["share_pct"], "percent"), ids[-1] if ids else "", facts
                )
            )
        said.append(f"{html_text(row['entity'])}: {' at '.join(bits)}")
    derived = patents[patents["derived"].astype(bool)]
    extra = ""
    if len(derived):
        words = [
            f"{html_text(r['entity'])} {html_text(_about_count(r['patents']))}"
            f" ({html_text(format_amount(r['share_pct'], 'percent'))})"
            for r in derived.to_dict("records")
        ]
        extra = f" Derived, not reported: {_join(words)}."
    return f"<p>Metaverse-related patents — {'; '.join(said)}.{extra}</p>"


def consistency_note(check: Consistency | None) -> str:
    """The counts-vs-shares check as a note: consistent or not, with the implied totals."""
    if check is None:
        return no_data(
            "Fewer than two sources give both a patent count and a share: "
            "no consistency check possible."
        )
    totals = _join(
        [
            f"{html_text(e)} implies {format_amount(round(t), 'count')}"
            for e, t in sorted(check.totals.items())
        ]
    )
    verdict = "consistent" if check.consistent else "NOT consistent"
    return (
        '<p class="note">Check: each count divided by its share gives the global total it '
        f"implies; {totals}. The totals differ by {check.spread:.1%}, so the counts and shares "
        f"are {verdict}.</p>"
    )


def _about_count(value: float) -> str:
    return "" if math.isnan(value) else format_amount(round(value), "count", "about")


def _count_link(value: float, fact_ids: object, facts: pd.DataFrame) -> str:
    return number_link(format_amount(value, "count"), _first_id(fact_ids), facts)


# --- section 4: companies -----------------------------------------------------------------


def companies_paragraph(bodies: pd.DataFrame, facts: pd.DataFrame) -> str:
    if bodies.empty:
        return no_data("No alliance, association or working group with a member count was found.")
    said = []
    for b in bodies.head(BODIES_SPELLED_OUT).to_dict("records"):
        bits = []
        if not math.isnan(b["member_count"]):
            bits.append(_count_link(b["member_count"], b["member_count_ids"], facts) + " members")
        if not math.isnan(b["founding_count"]):
            bits.append(
                _count_link(b["founding_count"], b["founding_count_ids"], facts) + " founders"
            )
        said.append(f"{html_text(b['body'])} ({', '.join(bits)})")
    more = len(bodies) - len(said)
    tail = f"; {counted(more, 'other body', 'other bodies')} in the table" if more else ""
    return f"<p>{len(bodies)} industry bodies with counts: {'; '.join(said)}{tail}.</p>"


#: Bodies the companies paragraph names (the table lists more): the prose must not grow
#: with the corpus (a thousand articles named 39 bodies in a paragraph of two pages' notes).
BODIES_SPELLED_OUT = 5


# --- section 5: market --------------------------------------------------------------------


def market_paragraph(market: pd.DataFrame, facts: pd.DataFrame) -> str:
    if market.empty:
        return no_data("No market size, growth, trademark or company-count figures were found.")
    lines = []
    for m in market.head(8).to_dict("records"):
        year = f" ({m['year']})" if m["year"] else ""
        lines.append(
            f"{html_text(m['indicator'])}, "
            f"{html_text(m['entity'] or 'unspecified')}{html_text(year)}: "
            f"{number_link(m['figure'], _first_id(m['fact_ids']), facts)}"
        )
    return "<ul class='market'>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


# --- section 6 and 7 ----------------------------------------------------------------------


def timeline_paragraph(timeline: pd.DataFrame) -> str:
    """How many events, over which span, the latest one said in words (its label), and how
    many were told by more than one article: a reader learns what happened, not only when."""
    if timeline.empty:
        return no_data("No dated events were found in these articles.")
    first, last = timeline.iloc[0], timeline.iloc[-1]
    text = (
        f"<p>{counted(len(timeline), 'dated event')}, from {html_text(first['date'])} to "
        f"{html_text(last['date'])}."
    )
    if "label" in timeline and str(last.get("label") or ""):
        text += f" The latest: {html_text(last['label'])} ({html_text(last['date'])})."
    if "n_sources" in timeline:
        several = int((timeline["n_sources"] > 1).sum())
        if several:
            verb = "is" if several == 1 else "are"
            text += f" {counted(several, 'event')} {verb} told by more than one article."
    return text + "</p>"


#: Places whose commitments the geography paragraph spells out; the table has the rest.
GEOGRAPHY_PLACES_SPELLED_OUT = 5


def _first(items: list[str], n: int) -> list[str]:
    """The first n items, and "k more" for the rest (the table lists them all)."""
    return items if len(items) <= n else [*items[:n], f"{len(items) - n} more"]


def geography_paragraph(places: pd.DataFrame) -> str:
    if places.empty:
        return no_data("No Chinese province or city was found in these articles.")
    committed = places[places["n_commitments"] > 0]
    shown = [html_text(p) for p in places["place"].head(12)]
    rest = len(places) - len(shown)
    named = and_list([*shown, counted(rest, "other")]) if rest else and_list(shown)
    provinces = places["province"].dropna().nunique()
    text = (
        f"<p>{counted(len(places), 'place')} in {counted(provinces, 'province-level division')}"
        f" {'appears' if len(places) == 1 else 'appear'}, those with figures first: {named}."
    )
    if len(committed):
        listed = committed.head(GEOGRAPHY_PLACES_SPELLED_OUT)
        said = "; ".join(
            f"{html_text(r['place'])}: {html_text(_join(_first(list(r['commitments']), 3)))}"
            for r in listed.to_dict("records")
        )
        text += f" Figures attributed to a place: {said}"
        more = len(committed) - len(listed)
        text += f"; {counted(more, 'other place')} with figures are in the table." if more else "."
    return text + "</p>"


# --- section 8 and 9 ----------------------------------------------------------------------


def sources_paragraph(articles: pd.DataFrame, problems: pd.DataFrame) -> str:
    if articles.empty:
        return no_data("No article yielded any figure.")
    outlets = sorted({str(o) for o in articles["outlet"] if not is_blank(o)})
    text = (
        f"<p>{counted(len(articles), 'article')} from {counted(len(outlets), 'outlet')} "
        f"({html_text(_join(outlets))}), published {html_text(articles['published'].min())} "
        f"to {html_text(articles['published'].max())}."
    )
    text += (
        f" {counted(len(problems), 'input')} {'was' if len(problems) == 1 else 'were'}"
        " skipped or degraded (listed below).</p>"
        if len(problems)
        else " No input was skipped or degraded.</p>"
    )
    return text


def quote_annex_html(annex: pd.DataFrame, n_facts: int) -> str:
    """The annex as a list of quotes, each with the figures read from it: every figure keeps
    its anchor, and the quote is marked so that the page can print "see note k" for a quote
    already printed as a footnote. A list, not a table: on paper it runs in two columns of
    small type, and a thousand figures still take a few pages."""
    if annex.empty:
        return no_data("No figures were found in these articles.")
    shown = sum(len(as_list(ids)) for ids in annex["ids"])
    note = appendix_note(shown, n_facts)
    items = []
    for row in annex.to_dict("records"):
        ids = [str(i) for i in as_list(row["ids"])]
        anchors = "".join(f'<span id="{fact_anchor(i)}"></span>' for i in ids[1:])
        items.append(
            f'<li id="{fact_anchor(ids[0])}">{anchors}'
            f'<span class="annex-figures">{html_text(row["figures"])}</span> '
            f'<span class="annex-source">{html_text(row["source"])}</span> '
            f'<span class="annex-quote">“{html_text(row["quote"])}”</span></li>'
        )
    return f'{note}<ol class="annex">{"".join(items)}</ol>'


def corrections_block(processed_dir: object) -> str:
    """The method section's account of the analyst's corrections: how many were applied,
    and every stale one (its quote no longer found) listed, so none is silently dropped."""
    report = read_report(str(processed_dir))
    if report.empty:
        return no_data("No analyst correction was made to the extracted figures.")
    stale = report[report["status"] == "stale"]
    n_applied = int((report["status"] == "applied").sum())
    text = (
        f"<p>{counted(n_applied, 'analyst correction')} applied to the extracted figures"
        " (each marked in its figure's note; facts.csv keeps the extractor's values beside"
        " them)."
    )
    if stale.empty:
        return text + " No correction is stale.</p>"
    text += (
        f" {counted(len(stale), 'correction')} no longer"
        f" {'matches' if len(stale) == 1 else 'match'} any figure and"
        f" {'was' if len(stale) == 1 else 'were'} not applied:</p>"
    )
    return text + html_table(
        stale,
        {
            "row": "Row",
            "article": "Article",
            "quote": "Quote",
            "field": "Field",
            "value": "Value",
            "reason": "Why stale",
        },
        limit=None,
    )


def appendix_note(shown: int, total: int) -> str:
    """Say so when the appendix keeps to part of the figures (a large corpus), else nothing."""
    if shown >= total:
        return ""
    return no_data(
        f"The appendix lists {shown:,} of {total:,} figures: on-topic first, the most reported"
        " first. Every figure is in facts.csv and facts.xlsx beside this report."
    )


def caveats_paragraph(
    single: pd.DataFrame, conflicts: pd.DataFrame, off_topic: pd.DataFrame
) -> str:
    n_conflict = conflicts["claim_id"].nunique() if len(conflicts) else 0
    n_single, n_off = len(single), len(off_topic)
    disputed = (
        "no figure is disputed between sources"
        if n_conflict == 0
        else f"{counted(n_conflict, 'figure')} {'is' if n_conflict == 1 else 'are'} disputed"
        " between sources (shown side by side, never averaged)"
    )
    return (
        f"<p>{counted(n_single, 'figure')} {'rests' if n_single == 1 else 'rest'} on a single"
        f" source; {disputed}; {counted(n_off, 'figure')} {'was' if n_off == 1 else 'were'}"
        " marked off-topic and left out.</p>"
    )


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 body", "2 bodies": chart titles read as sentences, not as "body(ies)"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def and_list(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
