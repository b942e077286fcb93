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
# ## Sources and method

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
from briefing.notebook import load, resolve, setup

setup()  # charts shown as SVG
facts, claims, corpus, problems = load(processed_dir, "facts", "claims", "corpus", "problems")

# %%
articles = sections.sources.articles(facts, corpus=corpus)  # with articles without figures
display(HTML(narrative.sources_paragraph(articles, problems)))

# %%
display(
    HTML(
        narrative.html_table(
            articles,
            {
                "title": "Title",
                "outlet": "Outlet",
                "published": "Date",
                "language": "Language",
                "n_facts": "Figures",
                "reliability": "Reliability note",
            },
            more="Every article read is in the articles folder (and its manifest).",
        )
    )
)

# %%
display(HTML("<h3>Data quality</h3>"))
if len(problems):
    display(HTML(narrative.html_table(problems, {c: c.capitalize() for c in problems.columns})))
else:
    display(HTML(narrative.no_data("No input was skipped or degraded.")))

# %%
display(HTML("<h3>Analyst corrections</h3>"))
display(HTML(narrative.corrections_block(processed_dir)))

# %%
display(HTML("<h3>How well the extractor reads</h3>"))
from briefing.extract import scoring

if not scoring.GOLD_PATH.exists():
    note = "Extractor precision and recall are unavailable: no annotated set."
else:
    gold = scoring.load_gold(scoring.GOLD_PATH)
    gold_articles = set(gold["article"]) & set(facts["article"])
    if not gold_articles:
        note = "None of these articles is in the annotated set: no score."
    else:
        score = scoring.score(facts, gold, articles_dir=resolve(articles_dir))
        note = (
            f"On the {len(gold_articles)} hand-annotated articles the extractor "
            f"finds {len(score.matched)} of {len(score.matched) + len(score.missed)} "
            f"annotated figures: precision {score.precision:.0%}, "
            f"recall {score.recall:.0%}, F1 {score.f1:.0%}."
        )
display(HTML(narrative.no_data(note)))

