"""`make report` takes any file name as an article and any text as a parameter.

Article names with spaces, quotes, : ; # % $ \\ ` ( ), Chinese or a leading dash, and OUT,
PROCESSED and FIGURES folders with spaces, build with every article's figures in the report;
a title holding quotes, backticks and $( ) is shown as text and runs nothing; a truncated
processed table is rebuilt, not reused.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).parents[1]
NAMES = [
    "China: Hubei plan.txt", "plan;v2.txt", "quote's \"dq\".txt", "hash#pct%.txt",
    "dollar$x.txt", "back\\slash`tick`.txt", "(paren).txt", "上海 元宇宙.txt",
    "-leading dash.txt",
]  # fmt: skip
PROVINCES = ["Zhejiang", "Hubei", "Hunan", "Anhui", "Jiangxi", "Shaanxi", "Yunnan", "Guizhou",
             "Hebei"]  # fmt: skip
TITLE = 'The "metaverse" push `touch pwned` $$(id)'  # make's $$ is one $


def _make(tmp: Path, articles: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), "report", f"ARTICLES={articles}",
         f"OUT={tmp / 'out put'}", f"PROCESSED={tmp / 'pro cessed'}",
         f"FIGURES={tmp / 'fig ures'}", f"TITLE={TITLE}", "FORMATS=html"],
        cwd=tmp, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_odd_names_spaced_folders_and_a_hostile_title(tmp_path):
    articles = tmp_path / "my articles"
    articles.mkdir()
    seeds = sorted((REPO / "data" / "articles").glob("*.txt"))
    for i, (name, province) in enumerate(zip(NAMES, PROVINCES, strict=True)):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        text += f"\n{province} aims for a metaverse industry worth {100 + 10 * i} billion yuan"
        text += " by 2025.\n"
        (articles / name).write_text(text, encoding="utf-8")
    built = _make(tmp_path, articles)
    assert built.returncode == 0, built.stderr[-2000:]
    assert not (tmp_path / "pwned").exists() and not (REPO / "pwned").exists()
    page = (tmp_path / "out put" / "briefing.html").read_text(encoding="utf-8")
    title = html.unescape(page.split("<title>", 1)[1].split("</title>", 1)[0])
    assert title == 'The "metaverse" push `touch pwned` $(id)'  # text, escaped, not run
    assert "uid=" not in page
    for province in PROVINCES:
        assert province in page, province
    assert (tmp_path / "fig ures" / "targets-by-province.svg").exists()

    facts = tmp_path / "pro cessed" / "facts.csv"
    whole = facts.read_bytes()
    facts.write_bytes(whole[:200])
    again = _make(tmp_path, articles)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "correct: runs (an output is missing or was changed)" in again.stderr  # its table
    assert facts.read_bytes() == whole
    shutil.rmtree(tmp_path / "out put")
    assert _make(tmp_path, articles).returncode == 0
    assert (tmp_path / "out put" / "briefing.html").read_text(encoding="utf-8") == page
