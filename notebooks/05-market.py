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
# ## Market and momentum

# %% tags=["parameters"]
articles_dir = "data/articles"  # folder of articles (+ manifest.csv) the facts came from
processed_dir = "data/processed"  # facts.csv, events.csv, input_problems.csv from the extract step
figures_dir = "figures"  # where this notebook's charts are written (SVG, PDF, PNG + sidecar JSON)
cny_per_usd = 7.1  # CNY per USD, used only where an article gives no conversion (> 0)
as_of = ""  # the report's as-of date (ISO yyyy-mm-dd); "" = the latest article date
title = "China's metaverse push, in numbers"  # the briefing's title

# %%
from IPython.display import HTML, display

from briefing import narrative, sections
from briefing.notebook import load, setup

setup()  # charts shown as SVG
facts, claims = load(processed_dir, "facts", "claims")

# %%
market = sections.market.table(claims)

# %%
display(HTML(narrative.market_paragraph(market, facts)))

# %%
if len(market):
    display(
        HTML(
            narrative.html_table(
                market,
                {
                    "indicator": "Indicator",
                    "entity": "Who",
                    "year": "Year",
                    "figure": "Figure",
                    "n_sources": "Sources",
                },
                link_ids="fact_ids",
                facts=facts,
            )
        )
    )
