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
# ## Caveats

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
single = sections.caveats.single_source(claims)
conflicts = sections.caveats.conflicts(claims, facts)
off_topic = sections.caveats.off_topic(facts)
display(HTML(narrative.caveats_paragraph(single, conflicts, off_topic)))

# %%
display(HTML("<h3>Figures the sources disagree on</h3>"))
display(
    HTML(
        narrative.no_data("No figure is disputed between sources.")
        if conflicts.empty
        else narrative.html_table(
            conflicts,
            {
                "measure": "Measure",
                "entity": "Who",
                "year": "Year",
                "figure": "Figure",
                "outlet": "Outlet",
            },
            link_ids="fact_id",
            facts=facts,
        )
    )
)

# %%
display(HTML("<h3>Figures only one source reports</h3>"))
display(
    HTML(
        narrative.no_data("Every figure has more than one source.")
        if single.empty
        else narrative.html_table(
            single,
            {
                "measure": "Measure",
                "entity": "Who",
                "year": "Year",
                "figure": "Figure",
                "outlet": "Outlet",
            },
            link_ids="fact_id",
            facts=facts,
        )
    )
)

# %%
display(HTML("<h3>Figures marked off-topic and left out</h3>"))
display(
    HTML(
        narrative.no_data("No figure was marked off-topic.")
        if off_topic.empty
        else narrative.html_table(
            off_topic,
            {"text": "Figure", "outlet": "Outlet"},
            link_ids="fact_id",
            facts=facts,
            more=f"Every figure, off-topic ones included, is in {processed_dir}/facts.csv.",
        )
    )
)

# %%
display(HTML("<h3>Annex: every figure with its quote</h3>"))
annex = sections.sources.quote_annex(facts, claims)
display(HTML(narrative.quote_annex_html(annex, len(facts))))
