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
# ## Summary

# %% tags=["parameters"]
articles_dir = "data/articles"  # folder of articles (+ manifest.csv) the facts came from
processed_dir = "data/processed"  # facts.csv, events.csv, input_problems.csv from the extract step
figures_dir = "figures"  # where this notebook's charts are written (SVG, PDF, PNG + sidecar JSON)
cny_per_usd = 7.1  # CNY per USD, used only where an article gives no conversion (> 0)
as_of = ""  # the report's as-of date (ISO yyyy-mm-dd); "" = the latest article date
title = "China's metaverse push, in numbers"  # the briefing's title

# %%
import pandas as pd
from IPython.display import HTML, display

from briefing import narrative, sections
from briefing.notebook import load, setup

setup()  # charts shown as SVG
facts, claims, corpus = load(processed_dir, "facts", "claims", "corpus")

# %%
n_articles = len(corpus)  # every article read, with or without figures
published = pd.to_datetime(facts["published"], errors="coerce").dropna()
latest = published.max().date().isoformat() if len(published) else "unknown"
as_of_text = as_of or latest
display(
    HTML(
        f'<p class="as-of">{narrative.html_text(title)}: as of '
        f"{narrative.html_text(as_of_text)}, from "
        f"{n_articles} articles.</p>"
    )
)

# %%
keys = sections.summary.key_numbers(claims, cny_per_usd, facts)

# %%
display(HTML(narrative.key_numbers_block(keys, facts)))

# %%
n_conflicts = int(claims["conflict"].sum())
n_single = len(sections.caveats.single_source(claims))
display(HTML(narrative.summary_paragraph(keys, facts, n_articles, n_conflicts, n_single)))
