"""extract_folder and `briefing extract`: one row per figure, with provenance, deterministic."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
import pytest

from briefing.extract.corpus import add_extract_arguments, extract_folder
from briefing.extract.events import EVENT_COLUMNS
from briefing.schema import FACT_COLUMNS

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


@pytest.fixture(scope="module")
def facts() -> pd.DataFrame:
    return extract_folder(ARTICLES)


def test_columns_are_the_fact_contract(facts: pd.DataFrame) -> None:
    assert tuple(facts.columns) == FACT_COLUMNS


def test_every_row_quotes_its_article(facts: pd.DataFrame) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt")}
    for row in facts.itertuples():
        assert texts[row.article][row.start : row.end] == row.text


def test_rows_sorted_by_article_then_offset(facts: pd.DataFrame) -> None:
    assert list(facts[["article", "start"]].itertuples(index=False)) == sorted(
        facts[["article", "start"]].itertuples(index=False)
    )


def test_provenance_comes_from_the_manifest(facts: pd.DataFrame) -> None:
    row = facts[facts.article == "2023-07-05-china-mobile-metaverse-alliance"].iloc[0]
    assert row.published == "2023-07-05"
    assert row.source_format == "txt"
    assert row.encoding.startswith("utf")


def test_cli_writes_facts_and_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_extract_arguments(parser)
    out, events = tmp_path / "facts.csv", tmp_path / "events.csv"
    args = parser.parse_args([str(ARTICLES), "--out", str(out), "--events", str(events)])
    assert args.func(args) == 0
    written = pd.read_csv(out)
    assert tuple(written.columns) == FACT_COLUMNS and len(written) > 20
    assert tuple(pd.read_csv(events).columns) == EVENT_COLUMNS
    assert "5 articles" in capsys.readouterr().err


def test_cli_missing_folder_is_an_error_code(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    add_extract_arguments(parser)
    args = parser.parse_args([str(tmp_path / "nope"), "--out", str(tmp_path / "f.csv")])
    assert args.func(args) == 2


def test_parallel_and_sequential_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.extract import corpus

    sequential = corpus.extract_folder(ARTICLES, workers=1)
    monkeypatch.setattr(corpus, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(corpus, "CHUNK_ARTICLES", 2)
    parallel = corpus.extract_folder(ARTICLES, workers=2)
    pd.testing.assert_frame_equal(sequential, parallel)
