"""The benchmark corpus generator (bench/synthetic_corpus.py) is deterministic and realistic."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from briefing.extract.quantities import find_quantities

_PATH = Path(__file__).resolve().parent.parent / "bench" / "synthetic_corpus.py"
_spec = importlib.util.spec_from_file_location("synthetic_corpus", _PATH)
assert _spec is not None and _spec.loader is not None
synthetic_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic_corpus)


def test_same_seed_same_articles_and_another_seed_other_articles() -> None:
    first = list(synthetic_corpus.generate_corpus(5, seed=3))
    assert first == list(synthetic_corpus.generate_corpus(5, seed=3))
    assert first != list(synthetic_corpus.generate_corpus(5, seed=4))


def test_articles_are_about_five_kilobytes_and_hold_figures() -> None:
    articles = list(synthetic_corpus.generate_corpus(20, seed=0))
    sizes = [len(text.encode("utf-8")) for _, text in articles]
    assert 4000 <= sum(sizes) / len(sizes) <= 7000
    assert sum(len(find_quantities(text)) for _, text in articles) > 40


def test_write_corpus_writes_files_and_a_manifest(tmp_path: Path) -> None:
    out = synthetic_corpus.write_corpus(tmp_path / "corpus", 3, seed=1)
    assert sorted(p.name for p in out.iterdir()) == [
        "manifest.csv",
        "synthetic-1-00000.txt",
        "synthetic-1-00001.txt",
        "synthetic-1-00002.txt",
    ]
    assert (out / "manifest.csv").read_text(encoding="utf-8").startswith("file,title,outlet")
