# ruff: noqa: E501  (cells are code strings; their lines are the notebook's lines)
"""Write the nine section notebooks (stored without outputs).

Why a generator: the nine notebooks share the parameters cell and the loading cell; writing
them from one place keeps the pipeline's contract (tagged `parameters` cell, h2 heading
first, thin cells calling briefing.sections / narrative / charts) identical everywhere.
Run: .venv/bin/python notebooks/build_notebooks.py
"""

import hashlib
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).parent

PARAMETERS = """\
articles_dir = "data/articles"  # folder of articles (+ manifest.csv) the facts came from
processed_dir = "data/processed"  # facts.csv, events.csv, input_problems.csv from the extract step
figures_dir = "figures"  # where this notebook's charts are written (SVG, PDF, PNG + sidecar JSON)
cny_per_usd = 7.1  # CNY per USD, used only where an article gives no conversion (> 0)
as_of = ""  # the report's as-of date (ISO yyyy-mm-dd); "" = the latest article date
title = "China's metaverse push, in numbers"  # the briefing's title"""

LOAD = """\
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display
from matplotlib_inline.backend_inline import set_matplotlib_formats

from briefing import charts, narrative, sections
from briefing.claims import merge_claims

facts = pd.read_csv(Path(processed_dir) / "facts.csv")
events_path = Path(processed_dir) / "events.csv"
events = pd.read_csv(events_path) if events_path.exists() else pd.DataFrame()
claims = merge_claims(facts)
set_matplotlib_formats("svg")  # vector charts: crisp in the PDF, CJK text kept as outlines"""


def quotes_of(ids_expr: str) -> str:
    """Code that turns a column of fact-id lists into the quotes saved beside a chart."""
    return f"quotes = sections.quotes_for(facts, {ids_expr})"


SECTIONS: dict[str, tuple[str, list[str]]] = {
    "01-summary": (
        "Summary",
        [
            "from briefing.articles import load_corpus\n"
            "n_articles = len(load_corpus(articles_dir).articles)  # read, with or without figures\n"
            "published = pd.to_datetime(facts['published'], errors='coerce').dropna()\n"
            "latest = published.max().date().isoformat() if len(published) else 'unknown'\n"
            "as_of_text = as_of or latest\n"
            "display(HTML(f'<p class=\"as-of\">{narrative.html_text(title)}: as of '\n"
            "             f'{narrative.html_text(as_of_text)}, from '\n"
            "             f'{n_articles} articles.</p>'))",
            "keys = sections.summary.key_numbers(claims, cny_per_usd, facts)",
            "display(HTML(narrative.key_numbers_block(keys, facts)))",
            "n_conflicts = int(claims['conflict'].sum())\n"
            "n_single = len(sections.caveats.single_source(claims))\n"
            "display(HTML(narrative.summary_paragraph(keys, facts, n_articles, "
            "n_conflicts, n_single)))",
        ],
    ),
    "02-targets": (
        "Market-size targets by province and city",
        [
            "targets = sections.targets.table(claims, cny_per_usd, facts)",
            "display(HTML(narrative.targets_paragraph(targets, facts, cny_per_usd)))",
            "if len(targets):\n    display(HTML(narrative.html_table(targets, {'entity': 'Place', 'year': 'Target year', "
            "'value_cny': 'CNY', 'value_usd': 'USD', 'usd_basis': 'USD basis', "
            "'scope': 'Scope', 'conflict_note': 'Conflict'}, link_ids='fact_ids', facts=facts)))",
            "bars = sections.targets.chartable(targets, facts=facts)\n"
            "if len(bars):\n"
            "    top = bars.iloc[0]\n"
            "    finding = f\"{top['entity']}'s target is the largest\"\n"
            "    fig = charts.hbar(bars, 'label', 'value_cny_bn')\n"
            "    " + quotes_of("bars['fact_ids']") + "\n"
            "    charts.save_figure(fig, 'targets-by-province', figures_dir, title=finding, "
            "subtitle='Market-size target, billion yuan', "
            "source=sections.source_line(facts, sections.articles_of(facts, bars['fact_ids'])), "
            "finding=finding, quotes=quotes, order=2)\n"
            "    display(fig)\n"
            "    plt.close(fig)  # shown once, not again at the end of the cell",
        ],
    ),
    "03-patents": (
        "Patents and trademarks",
        [
            "patents = sections.patents.table(claims)",
            "display(HTML(narrative.patents_paragraph(patents, facts)))",
            "# patents are whole: derived counts and implied totals are shown rounded\n"
            "shown = patents.assign(patents=patents['patents'].round(), implied_total=patents['implied_total'].round())\n"
            "if len(patents):\n    display(HTML(narrative.html_table(shown, {'entity': 'Who', 'patents': 'Patents', "
            "'share_pct': 'Share, %', 'implied_total': 'Implied global total', "
            "'basis': 'Basis'}, link_ids='fact_ids', facts=facts)))",
            "display(HTML(narrative.consistency_note(sections.patents.consistency(patents))))",
            "shares = patents[patents['entity'] != sections.patents.GLOBAL_TOTAL]"
            ".dropna(subset=['share_pct'])\n"
            "if len(shares):\n"
            "    top = shares[~shares['derived'].astype(bool)]"
            ".sort_values('share_pct', ascending=False).iloc[0]\n"
            "    finding = f\"{top['entity']} holds the largest share of metaverse patents\"\n"
            "    has_counts = shares['patents'].notna().all()\n"
            "    fig = charts.share_bars(shares, 'entity', 'patents' if has_counts else 'share_pct', "
            "'share_pct' if has_counts else None)\n"
            "    " + quotes_of("shares['fact_ids']") + "\n"
            "    charts.save_figure(fig, 'patent-shares-by-country', figures_dir, title=finding, "
            "subtitle='Patent applications: count (share of world total)', "
            "source=sections.source_line(facts, sections.articles_of(facts, shares['fact_ids'])), "
            "finding=finding, quotes=quotes, order=3)\n"
            "    display(fig)\n"
            "    plt.close(fig)  # shown once, not again at the end of the cell",
            "trademarks = sections.patents.trademarks(claims)\n"
            "if len(trademarks):\n"
            "    display(HTML(narrative.html_table(trademarks, {'entity': 'Who', 'year': 'Year', "
            "'value': 'Trademark applications'}, link_ids='fact_ids', facts=facts)))",
        ],
    ),
    "04-companies": (
        "Companies and alliances",
        [
            "bodies = sections.companies.table(claims)",
            "display(HTML(narrative.companies_paragraph(bodies, facts)))",
            "if len(bodies):\n    display(HTML(narrative.html_table(bodies, {'body': 'Body', "
            "'member_count': 'Members', 'founding_count': 'Founding members', "
            "'n_sources': 'Sources'}, facts=facts)))",
            "from briefing.articles import load_corpus\n"
            "texts = {a.id: a.text for a in load_corpus(articles_dir).articles}\n"
            "if len(bodies):\n"
            "    members = sections.companies.named_members(\n"
            "        texts, bodies['body'], sections.companies.companies_named\n"
            "    )\n"
            "    grid = sections.companies.matrix(members)\n"
            "    if len(grid):\n"
            "        finding = (f\"{narrative.counted(len(grid), 'company', 'companies')} \"\n"
            '                   f"are named as members of "\n'
            "                   f\"{narrative.counted(grid.shape[1], 'body', 'bodies')}\")\n"
            "        fig = charts.matrix(grid)\n"
            "        charts.save_figure(fig, 'companies-by-body', figures_dir, title=finding, "
            "subtitle='Company named as member of body', "
            "source=sections.source_line(facts, members.loc[members['company'].isin(grid.index), 'article']), "
            "finding=finding, quotes=[], order=4)\n"
            "        display(fig)\n"
            "        plt.close(fig)  # shown once, not again at the end of the cell",
        ],
    ),
    "05-market": (
        "Market and momentum",
        [
            "market = sections.market.table(claims)",
            "display(HTML(narrative.market_paragraph(market, facts)))",
            "if len(market):\n    display(HTML(narrative.html_table(market, {'indicator': 'Indicator', "
            "'entity': 'Who', 'year': 'Year', 'figure': 'Figure', 'n_sources': 'Sources'}, "
            "link_ids='fact_ids', facts=facts)))",
        ],
    ),
    "06-timeline": (
        "Timeline",
        [
            "timeline = sections.timeline.table(events)",
            "display(HTML(narrative.timeline_paragraph(timeline)))",
            "display(HTML(narrative.no_data('No dated events to list.') if timeline.empty else narrative.html_table(timeline, {'date': 'Date', 'label': 'What happened', "
            "'kind': 'Kind', 'actor': 'Who', 'n_sources': 'Sources', 'sentence': 'What the article says'}, "
            "more=f'Every dated event is in {processed_dir}/events.csv.')))",
            "if len(timeline):\n"
            '    finding = f\'{len(timeline)} dated events from {timeline["date"].min()} '
            'to {timeline["date"].max()}\'\n'
            "    fig = charts.timeline(timeline, 'date', 'label', 'kind', precision='precision')\n"
            "    charts.save_figure(fig, 'events-timeline', figures_dir, title=finding, "
            "subtitle='Date of event', source=sections.source_line(facts, timeline['articles']), finding=finding, "
            "quotes=sorted(set(timeline['sentence'].astype(str))), order=6)\n"
            "    display(fig)\n"
            "    plt.close(fig)  # shown once, not again at the end of the cell",
        ],
    ),
    "07-geography": (
        "Geography",
        [
            "# the texts as extracted (HTML and encodings already handled), to count mentions\n"
            "texts = {p.stem: p.read_text(encoding='utf-8') for p in sorted((Path(processed_dir) / 'text').glob('*.txt'))}\n"
            "places = sections.geography.table(claims, texts)",
            "display(HTML(narrative.geography_paragraph(places)))",
            "if len(places):\n    display(HTML(narrative.html_table(places, {'place': 'Place', 'province': "
            "'Province', 'commitments': 'Commitments', 'mentions': 'Mentions'}, "
            "link_ids='fact_ids', facts=facts)))",
            "provinces = sections.geography.by_province(places)\n"
            "if len(places) and provinces['n_commitments'].sum() > 0:\n"
            "    top = provinces.sort_values(['n_commitments', 'province'], "
            "ascending=[False, True]).iloc[0]\n"
            "    n_top = int((provinces['n_commitments'] == top['n_commitments']).sum())\n"
            "    finding = (f\"{top['province']} has the most commitments\" if n_top == 1 "
            "else narrative.and_list(list(provinces.sort_values(['n_commitments', 'province'], "
            "ascending=[False, True])['province'][:n_top])) + ' each carry ' + "
            "narrative.counted(int(top['n_commitments']), 'commitment'))\n"
            "    fig = charts.tile_map(provinces, 'province', 'n_commitments')\n"
            "    " + quotes_of("places['fact_ids']") + "\n"
            "    charts.save_figure(fig, 'commitments-by-province', figures_dir, title=finding, "
            "subtitle='Number of figures committed per province', "
            "source=sections.source_line(facts, sections.articles_of(facts, places['fact_ids'])), "
            "finding=finding, quotes=quotes, order=7)\n"
            "    display(fig)\n"
            "    plt.close(fig)  # shown once, not again at the end of the cell",
        ],
    ),
    "08-sources-and-method": (
        "Sources and method",
        [
            "from briefing.articles import load_corpus\n"
            "corpus = load_corpus(articles_dir).articles  # articles without figures are sources too\n"
            "articles = sections.sources.articles(facts, corpus=corpus)\n"
            "problems = sections.sources.input_problems(processed_dir)\n"
            "display(HTML(narrative.sources_paragraph(articles, problems)))",
            "display(HTML(narrative.html_table(articles, {'title': 'Title', 'outlet': 'Outlet', "
            "'published': 'Date', 'language': 'Language', 'n_facts': 'Figures', "
            "'reliability': 'Reliability note'}, "
            "more='Every article read is in the articles folder (and its manifest).')))",
            "display(HTML('<h3>Data quality</h3>'))\n"
            "if len(problems):\n"
            "    display(HTML(narrative.html_table(problems, {c: c.capitalize() "
            "for c in problems.columns})))\n"
            "else:\n"
            "    display(HTML(narrative.no_data('No input was skipped or degraded.')))",
            "display(HTML('<h3>Analyst corrections</h3>'))\n"
            "display(HTML(narrative.corrections_block(processed_dir)))",
            "display(HTML('<h3>How well the extractor reads</h3>'))\n"
            "try:\n"
            "    from briefing.extract import scoring\n"
            "except ImportError:  # the scoring module is not part of this build\n"
            "    scoring = None\n"
            "if scoring is None or not scoring.GOLD_PATH.exists():\n"
            "    note = 'Extractor precision and recall are unavailable: no annotated set.'\n"
            "else:\n"
            "    gold = scoring.load_gold(scoring.GOLD_PATH)\n"
            "    gold_articles = set(gold['article']) & set(facts['article'])\n"
            "    if not gold_articles:\n"
            "        note = 'None of these articles is in the annotated set: no score.'\n"
            "    else:\n"
            "        score = scoring.score(facts, gold, articles_dir=Path(articles_dir))\n"
            "        note = (\n"
            "            f'On the {len(gold_articles)} hand-annotated articles the extractor '\n"
            "            f'finds {len(score.matched)} of {len(score.matched) + len(score.missed)} '\n"
            "            f'annotated figures: precision {score.precision:.0%}, '\n"
            "            f'recall {score.recall:.0%}, F1 {score.f1:.0%}.'\n"
            "        )\n"
            "display(HTML(narrative.no_data(note)))",
        ],
    ),
    "09-caveats": (
        "Caveats",
        [
            "single = sections.caveats.single_source(claims)\n"
            "conflicts = sections.caveats.conflicts(claims, facts)\n"
            "off_topic = sections.caveats.off_topic(facts)\n"
            "display(HTML(narrative.caveats_paragraph(single, conflicts, off_topic)))",
            "display(HTML('<h3>Figures the sources disagree on</h3>'))\n"
            "display(HTML(narrative.no_data('No figure is disputed between sources.') if conflicts.empty else narrative.html_table(conflicts, {'measure': 'Measure', 'entity': "
            "'Who', 'year': 'Year', 'figure': 'Figure', 'outlet': 'Outlet'}, "
            "link_ids='fact_id', facts=facts)))",
            "display(HTML('<h3>Figures only one source reports</h3>'))\n"
            "display(HTML(narrative.no_data('Every figure has more than one source.') if single.empty else narrative.html_table(single, {'measure': 'Measure', 'entity': "
            "'Who', 'year': 'Year', 'figure': 'Figure', 'outlet': 'Outlet'}, "
            "link_ids='fact_id', facts=facts)))",
            "display(HTML('<h3>Figures marked off-topic and left out</h3>'))\n"
            "display(HTML(narrative.no_data('No figure was marked off-topic.') if off_topic.empty else narrative.html_table(off_topic, {'text': 'Figure', 'outlet': "
            "'Outlet'}, link_ids='fact_id', facts=facts, "
            "more=f'Every figure, off-topic ones included, is in {processed_dir}/facts.csv.')))",
            "display(HTML('<h3>Annex: every figure with its quote</h3>'))\n"
            "annex = sections.sources.quote_annex(facts, claims)\n"
            "display(HTML(narrative.quote_annex_html(annex, len(facts))))",
        ],
    ),
}


def build(name: str, heading: str, cells: list[str]) -> nbformat.NotebookNode:
    parameters = new_code_cell(PARAMETERS)
    parameters.metadata["tags"] = ["parameters"]
    notebook = new_notebook(
        cells=[
            new_markdown_cell(f"## {heading}"),
            parameters,
            new_code_cell(LOAD),
            *(new_code_cell(code) for code in cells),
        ]
    )
    # stable cell ids: regenerating an unchanged notebook leaves it byte for byte the same,
    # so diffs show real changes and the build's notebook cache stays valid
    for i, cell in enumerate(notebook.cells):
        cell.id = hashlib.sha256(f"{name}:{i}".encode()).hexdigest()[:8]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return notebook


def main(out: Path = HERE) -> None:
    """Write the notebooks into `out` (this folder; a test writes elsewhere and compares)."""
    for name, (heading, cells) in SECTIONS.items():
        nbformat.write(build(name, heading, cells), out / f"{name}.ipynb")
    # the house line length: let ruff lay out the generated cells (with the repo's settings)
    ruff = Path(sys.executable).with_name("ruff")
    config = ["--config", str(HERE.parent / "pyproject.toml")]
    subprocess.run([str(ruff), "format", "--quiet", *config, str(out)], check=True)
    subprocess.run([str(ruff), "check", "--quiet", "--fix", *config, str(out)], check=False)


if __name__ == "__main__":
    main()
