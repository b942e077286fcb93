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
# ## Patents and trademarks

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
# this section shows patents and trademarks: it reads those claims and their articles
facts, claims = load(
    processed_dir, "facts", "claims", measures=["patents", "patent_share", "trademark_applications"]
)

# %%
patents = sections.patents.table(claims)

# %%
display(HTML(narrative.patents_paragraph(patents, facts)))

# %%
# patents are whole: derived counts and implied totals are shown rounded
shown = patents.assign(
    patents=patents["patents"].round(), implied_total=patents["implied_total"].round()
)
if len(patents):
    display(
        HTML(
            narrative.html_table(
                shown,
                {
                    "entity": "Who",
                    "patents": "Patents",
                    "share_pct": "Share, %",
                    "implied_total": "Implied global total",
                    "basis": "Basis",
                },
                link_ids="fact_ids",
                facts=facts,
            )
        )
    )

# %%
display(HTML(narrative.consistency_note(sections.patents.consistency(patents))))

# %%
shares = patents[patents["entity"] != sections.patents.GLOBAL_TOTAL].dropna(subset=["share_pct"])
if len(shares):
    top = shares[~shares["derived"].astype(bool)].sort_values("share_pct", ascending=False).iloc[0]
    finding = f"{top['entity']} holds the largest share of metaverse patents"
    has_counts = shares["patents"].notna().all()
    fig = charts.share_bars(
        shares,
        "entity",
        "patents" if has_counts else "share_pct",
        "share_pct" if has_counts else None,
    )
    quotes = sections.quotes_for(facts, shares["fact_ids"])
    publish_chart(
        fig,
        "patent-shares-by-country",
        figures_dir,
        title=finding,
        subtitle="Patent applications: count (share of world total)",
        source=sections.source_line(facts, sections.articles_of(facts, shares["fact_ids"])),
        finding=finding,
        quotes=quotes,
        order=3,
    )

# %%
trademarks = sections.patents.trademarks(claims)
if len(trademarks):
    display(
        HTML(
            narrative.html_table(
                trademarks,
                {"entity": "Who", "year": "Year", "value": "Trademark applications"},
                link_ids="fact_ids",
                facts=facts,
            )
        )
    )
