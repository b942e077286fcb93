"""Rerun with new data: the briefing's tables and prose follow the articles.

These run the real extractor on a temporary copy of data/articles, then the same section
and narrative code the notebooks call. They stop short of `briefing build` (papermill,
nbconvert, WeasyPrint), which was not in the tree when they were written; the chart data
they check is the table each chart is drawn from (sections.targets.chartable).
"""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from briefing import narrative
from briefing.claims import merge_claims
from briefing.extract.corpus import extract_all
from briefing.sections import caveats, summary, targets

pytestmark = pytest.mark.slow

ARTICLES = Path(__file__).parents[1] / "data" / "articles"
NEW_ID = "2024-06-01-newswire-zhejiang-metaverse"
NEW_TEXT = """Zhejiang unveils metaverse plan

Hangzhou, June 1, 2024 - Zhejiang province released an action plan for the metaverse \
industry on Friday. Zhejiang aims to achieve a metaverse market size of 400 billion yuan \
by 2025.

According to a new industry report, as many as 16,800 metaverse-related patents were filed \
in China from 2011 to 2022, accounting for 30% of the global total.
"""
NEW_MANIFEST_ROW = (
    f"{NEW_ID}.txt,Zhejiang unveils metaverse plan,Example Newswire,,2024-06-01,day,en,,,"
    "test article\n"
)


def _briefing(articles_dir: Path) -> dict:
    facts, _events, _n = extract_all(articles_dir, workers=1)
    claims = merge_claims(facts)
    table = targets.table(claims, 7.1, facts)
    keys = summary.key_numbers(claims, 7.1, facts)
    conflicts = caveats.conflicts(claims, facts)
    return {
        "facts": facts,
        "chart": targets.chartable(table),
        "summary": narrative.summary_paragraph(
            keys, facts, facts["article"].nunique(), int(claims["conflict"].sum()),
            len(caveats.single_source(claims)),
        ),
        "conflicts": conflicts,
    }  # fmt: skip


@pytest.fixture(scope="module")
def before() -> dict:
    return _briefing(ARTICLES)


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES, folder)
    return folder


def test_a_new_article_changes_the_targets_chart_the_summary_and_the_caveats(tmp_path, before):
    folder = _copy(tmp_path)
    (folder / f"{NEW_ID}.txt").write_text(NEW_TEXT, encoding="utf-8")
    with (folder / "manifest.csv").open("a", encoding="utf-8") as manifest:
        manifest.write(NEW_MANIFEST_ROW)
    after = _briefing(folder)

    assert "Zhejiang" not in set(before["chart"]["entity"])
    top = after["chart"].iloc[0]
    assert (top["entity"], top["value_cny"]) == ("Zhejiang", 400e9)
    assert "Zhejiang" in after["summary"] and "Zhejiang" not in before["summary"]

    def patent_disputes(result: dict) -> pd.DataFrame:
        c = result["conflicts"]
        return c[(c["measure"] == "patents") & (c["entity"] == "China")]

    assert patent_disputes(before).empty
    disputed = patent_disputes(after)
    assert set(disputed["outlet"]) >= {"Example Newswire"}
    assert {"up to 14,291", "up to 16,800"} <= set(disputed["figure"])


def test_removing_an_article_removes_its_figures(tmp_path, before):
    folder = _copy(tmp_path)
    gone = "2024-01-22-cryptonomist-miit-metaverse-working-group"
    (folder / f"{gone}.txt").unlink()
    after = _briefing(folder)

    assert gone in set(before["facts"]["article"])
    assert gone not in set(after["facts"]["article"])
    assert "Sichuan" in set(before["chart"]["entity"])
    assert "Sichuan" not in set(after["chart"]["entity"])
    assert "Sichuan" not in after["summary"]
