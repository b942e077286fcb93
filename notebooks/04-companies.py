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
# ## Companies and alliances

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
bodies = sections.companies.table(claims)

# %%
display(HTML(narrative.companies_paragraph(bodies, facts)))

# %%
if len(bodies):
    display(
        HTML(
            narrative.html_table(
                bodies,
                {
                    "body": "Body",
                    "member_count": "Members",
                    "founding_count": "Founding members",
                    "n_sources": "Sources",
                },
                facts=facts,
            )
        )
    )

# %%
if len(bodies):
    members = sections.companies.named_members(
        texts, bodies["body"], sections.companies.companies_named
    )
    grid = sections.companies.matrix(members)
    if len(grid):
        finding = (
            f"{narrative.counted(len(grid), 'company', 'companies')} "
            f"are named as members of "
            f"{narrative.counted(grid.shape[1], 'body', 'bodies')}"
        )
        fig = charts.matrix(grid)
        publish_chart(
            fig,
            "companies-by-body",
            figures_dir,
            title=finding,
            subtitle="Company named as member of body",
            source=sections.source_line(
                facts, members.loc[members["company"].isin(grid.index), "article"]
            ),
            finding=finding,
            quotes=[],
            order=4,
        )
