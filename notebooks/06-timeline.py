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
# ## Timeline

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
facts, events = load(processed_dir, "facts", "events")

# %%
timeline = sections.timeline.table(events)

# %%
display(HTML(narrative.timeline_paragraph(timeline)))

# %%
display(
    HTML(
        narrative.no_data("No dated events to list.")
        if timeline.empty
        else narrative.html_table(
            timeline,
            {
                "date": "Date",
                "label": "What happened",
                "kind": "Kind",
                "actor": "Who",
                "n_sources": "Sources",
            },
            more=f"Every dated event, with the sentence that tells it, is in {processed_dir}/events.csv.",
        )
    )
)

# %%
if len(timeline):
    finding = (
        f"{len(timeline)} dated events from {timeline['date'].min()} to {timeline['date'].max()}"
    )
    fig = charts.timeline(timeline, "date", "label", "kind", precision="precision")
    publish_chart(
        fig,
        "events-timeline",
        figures_dir,
        title=finding,
        subtitle="Date of event",
        source=sections.source_line(facts, timeline["articles"]),
        finding=finding,
        quotes=sorted(set(timeline["sentence"].astype(str))),
        order=6,
    )
