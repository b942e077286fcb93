# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.7
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# ## Market-size targets by province and city

# %% tags=["parameters"]
articles_dir = "data/articles"  # folder of articles (+ manifest.csv) the facts came from
processed_dir = "data/processed"  # facts.csv, events.csv, input_problems.csv from the extract step
figures_dir = "figures"  # where this notebook's charts are written (SVG, PDF, PNG + sidecar JSON)
cny_per_usd = 7.1  # CNY per USD, used only where an article gives no conversion (> 0)
as_of = ""  # the report's as-of date (ISO yyyy-mm-dd); "" = the latest article date
title = "China's metaverse push, in numbers"  # the briefing's title

# %%
from IPython.display import HTML, display

from briefing import charts, narrative, sections
from briefing.notebook import load, publish_chart, setup

setup()  # charts shown as SVG
# this section shows market-size targets: it reads those claims and their articles
facts, claims = load(processed_dir, "facts", "claims", measures=["market_size_target"])

# %%
targets = sections.targets.table(claims, cny_per_usd, facts)

# %%
display(HTML(narrative.targets_paragraph(targets, facts, cny_per_usd)))

# %%
if len(targets):
    display(
        HTML(
            narrative.html_table(
                targets,
                {
                    "entity": "Place",
                    "year": "Target year",
                    "value_cny": "CNY",
                    "value_usd": "USD",
                    "usd_basis": "USD basis",
                    "scope": "Scope",
                    "conflict_note": "Conflict",
                },
                link_ids="fact_ids",
                facts=facts,
            )
        )
    )

# %%
bars = sections.targets.chartable(targets, facts=facts)
if len(bars):
    top = bars.iloc[0]
    finding = f"{top['entity']}'s target is the largest"
    fig = charts.hbar(bars, "label", "value_cny_bn")
    quotes = sections.quotes_for(facts, bars["fact_ids"])
    publish_chart(
        fig,
        "targets-by-province",
        figures_dir,
        title=finding,
        subtitle="Market-size target, billion yuan",
        source=sections.source_line(facts, sections.articles_of(facts, bars["fact_ids"])),
        finding=finding,
        quotes=quotes,
        order=2,
    )
