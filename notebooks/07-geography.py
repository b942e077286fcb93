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
# ## Geography

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
facts, claims, texts = load(processed_dir, "facts", "claims", "texts")

# %%
places = sections.geography.table(claims, texts)

# %%
display(HTML(narrative.geography_paragraph(places)))

# %%
if len(places):
    display(
        HTML(
            narrative.html_table(
                places,
                {
                    "place": "Place",
                    "province": "Province",
                    "commitments": "Commitments",
                    "mentions": "Mentions",
                },
                link_ids="fact_ids",
                facts=facts,
            )
        )
    )

# %%
provinces = sections.geography.by_province(places)
if len(places) and provinces["n_commitments"].sum() > 0:
    top = provinces.sort_values(["n_commitments", "province"], ascending=[False, True]).iloc[0]
    n_top = int((provinces["n_commitments"] == top["n_commitments"]).sum())
    finding = (
        f"{top['province']} has the most commitments"
        if n_top == 1
        else narrative.and_list(
            list(
                provinces.sort_values(["n_commitments", "province"], ascending=[False, True])[
                    "province"
                ][:n_top]
            )
        )
        + " each carry "
        + narrative.counted(int(top["n_commitments"]), "commitment")
    )
    fig = charts.tile_map(provinces, "province", "n_commitments")
    quotes = sections.quotes_for(facts, places["fact_ids"])
    publish_chart(
        fig,
        "commitments-by-province",
        figures_dir,
        title=finding,
        subtitle="Number of figures committed per province",
        source=sections.source_line(facts, sections.articles_of(facts, places["fact_ids"])),
        finding=finding,
        quotes=quotes,
        order=7,
    )
