"""One rule decides whether a build step reruns: stat first, content hash when stats changed,
and an output missing or changed since the step wrote it makes the step run again."""

import os
from pathlib import Path

import pytest

from briefing.render.steps import Step, StepStore, check_graph, run_graph


def _copy_step(source: Path, target: Path, runs: list[str], **params) -> Step:
    def run() -> None:
        runs.append("copy")
        target.write_text(source.read_text().upper())

    return Step("copy", inputs=(source,), outputs=(target,), run=run, params=params)


@pytest.fixture
def setup(tmp_path):
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_text("hello")
    runs: list[str] = []
    store = StepStore(tmp_path / ".steps")
    step = _copy_step(source, target, runs)
    run_graph([step], store, lambda m: None)
    return source, target, runs, store, step


def test_a_step_runs_once_then_is_reused(setup):
    _, target, runs, store, step = setup
    assert runs == ["copy"] and target.read_text() == "HELLO"
    assert store.why_dirty(step) == ""
    assert run_graph([step], store, lambda m: None) == []


def test_touching_an_input_without_changing_it_reruns_nothing(setup):
    source, _, runs, store, step = setup
    os.utime(source, ns=(1, 1))
    assert store.why_dirty(step) == ""
    assert runs == ["copy"]


def test_changed_input_parameter_or_damaged_output_reruns(setup):
    source, target, runs, store, step = setup
    source.write_text("hello, world")
    assert store.why_dirty(step) == "inputs changed"
    run_graph([step], store, lambda m: None)
    target.write_text("HELLO")  # truncated by hand
    assert store.why_dirty(step) == "an output is missing or was changed"
    target.unlink()
    assert store.why_dirty(step) == "an output is missing or was changed"
    other = _copy_step(source, target, runs, rate=7.3)
    assert store.why_dirty(other) == "parameters changed"


def test_a_file_added_to_an_input_folder_counts(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("a")
    runs: list[str] = []
    step = Step("list", inputs=(folder,), outputs=(), run=lambda: runs.append("ran"))
    store = StepStore(tmp_path / ".steps")
    run_graph([step], store, lambda m: None)
    (folder / "b; c: d.txt").write_text("b")
    assert store.why_dirty(step) == "inputs changed"


def test_a_failed_step_leaves_no_record_and_runs_again(tmp_path):
    def boom() -> None:
        raise RuntimeError("failed")

    step = Step("boom", inputs=(), outputs=(tmp_path / "x",), run=boom)
    store = StepStore(tmp_path / ".steps")
    with pytest.raises(RuntimeError):
        run_graph([step], store, lambda m: None)
    assert store.why_dirty(step) == "never run"


def test_a_graph_that_reads_before_it_writes_is_refused(tmp_path):
    a = Step("a", inputs=(tmp_path / "b.out",), outputs=(tmp_path / "a.out",), run=lambda: None)
    b = Step("b", inputs=(), outputs=(tmp_path / "b.out",), run=lambda: None)
    check_graph([b, a])
    with pytest.raises(ValueError, match="written later"):
        check_graph([a, b])
