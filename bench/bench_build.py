"""Benchmark of the whole build against the route a user would try first. Prints one table.

Run from the repository root (`make bench` runs it after the extraction benchmark):

    .venv/bin/python bench/bench_build.py                 # 10,000 generated articles
    .venv/bin/python bench/bench_build.py --articles 2000 # quicker

Rows, measured in one run on this machine:
  1. cold `make report` (venv present, report and caches removed);
  2. no-op `make report`;
  3. `make report` after adding one article (a copy of the articles folder plus one);
  4. the plain route: `jupyter nbconvert --execute --to html` per notebook (parameters
     written into a copy of each notebook, as a user without papermill would), then the
     same HTML is all it gives: no PDF, no combined page;
  5. `quarto render`, if the `quarto` command exists (quarto-cli is not installed here);
  6. extraction throughput and peak memory on a generated corpus, and the full report's time
     on it (bench/synthetic_corpus.py: the real articles' sentence shapes, names and numbers
     varied); quantulum3's numbers are printed by bench/bench_extract.py.
Under rows 1, 3 and 6 the build's own per-step times are printed (extract, claims, each
notebook, html, pdf, exports, publish), so the table says where the remaining time goes.
Nothing is asserted: goals are printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VENV_BIN = ROOT / ".venv" / "bin"


def run(cmd: list[str], **kw) -> tuple[float, str]:
    """Seconds a command takes and its stderr; raises if it fails (a benchmark of a failure
    means nothing)."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, **kw)  # fmt: skip
    return time.perf_counter() - t0, done.stderr.decode(errors="replace")


def make_report(articles: Path, out: Path, processed: Path, steps: list | None = None) -> float:
    """`make report` into `out`, its extracted data in `processed` (never the repo's own);
    the build's own per-step timings are appended to `steps` when given."""
    seconds, stderr = run(["make", "--no-print-directory", "report", f"ARTICLES={articles}",
                           f"OUT={out}", f"PROCESSED={processed}", "FIGURES="])  # fmt: skip
    if steps is not None:
        steps.extend(step_times(stderr))
    return seconds


def step_times(stderr: str) -> list[tuple[str, float]]:
    """(step, seconds) from `briefing build`'s lines "<step>: done in 1.2 s" and
    "<notebook>: executed in 1.2 s" (a notebook's time includes its kernel's start when it
    is the first on its kernel)."""
    found = []
    for line in stderr.splitlines():
        m = re.match(r"briefing build: (.+?): (?:done|executed) in ([0-9.]+) s$", line)
        if m and not m.group(1).startswith("sync "):
            found.append((m.group(1), float(m.group(2))))
    return found


def plain_route(notebooks: list[Path], processed: Path, articles: Path, work: Path) -> float:
    """Per-notebook `jupyter nbconvert --execute --to html`, parameters edited in by hand."""
    import nbformat

    copies = []
    for nb_path in notebooks:
        nb = nbformat.read(nb_path, as_version=4)
        for cell in nb.cells:
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                cell.source = (
                    f"articles_dir = {str(articles)!r}\nprocessed_dir = {str(processed)!r}\n"
                    f"figures_dir = {str(work / 'figures')!r}\ncny_per_usd = 7.1\nas_of = ''\n"
                    "title = 'China metaverse briefing'\n"
                )
        copy = work / nb_path.name
        nbformat.write(nb, copy)
        copies.append(copy)
    t0 = time.perf_counter()
    for copy in copies:
        subprocess.run(
            [str(VENV_BIN / "jupyter"), "nbconvert", "--execute", "--to", "html", str(copy),
             "--output-dir", str(work / "html")],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    return time.perf_counter() - t0


def extraction(directory: Path) -> tuple[float, float, float]:
    """(MB, seconds, peak RSS MB of this process and its workers) of extracting a folder."""
    from briefing.extract.corpus import extract_all

    size = sum(p.stat().st_size for p in directory.glob("*.txt")) / 1e6
    t0 = time.perf_counter()
    extract_all(directory)
    seconds = time.perf_counter() - t0
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return size, seconds, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated corpus size")
    args = parser.parse_args()
    from bench.synthetic_corpus import generate_corpus

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp_name:
        tmp = Path(tmp_name)
        articles = tmp / "articles"
        shutil.copytree(ROOT / "data" / "articles", articles)
        out = tmp / "report"
        processed = tmp / "processed"  # empty: the cold build extracts everything
        cold_steps: list[tuple[str, float]] = []
        cold = make_report(articles, out, processed, cold_steps)
        rows.append(("cold make report (venv present, caches empty)", f"{cold:.1f} s",
                     "goal < 8 s"))  # fmt: skip
        for step, seconds in cold_steps:
            rows.append((f"  cold: {step}", f"{seconds:.1f} s", ""))
        noop = make_report(articles, out, processed)
        rows.append(("no-op make report", f"{noop:.3f} s", "goal < 1 s"))
        shutil.copy(
            ROOT / "tests" / "fixtures" / "inputs" / "new_article.txt"
            if (ROOT / "tests" / "fixtures" / "inputs" / "new_article.txt").exists()
            else next(iter(sorted((ROOT / "data" / "articles").glob("*.txt")))),
            articles / "2024-03-01-one-more.txt",
        )
        (articles / "2024-03-01-one-more.txt").write_text(
            (articles / "2024-03-01-one-more.txt").read_text(encoding="utf-8")
            + "\nZhejiang aims for a metaverse industry worth 300 billion yuan by 2025.\n",
            encoding="utf-8",
        )
        one_steps: list[tuple[str, float]] = []
        one = make_report(articles, out, processed, one_steps)
        rows.append(
            ("make report after adding one article", f"{one:.1f} s",
             f"{100 * one / cold:.0f}% of cold (goal <= 50%)")
        )  # fmt: skip
        rows.append(("  steps rerun", str(len(one_steps)), ", ".join(s for s, _ in one_steps)))
        plain_dir = tmp / "plain"
        (plain_dir / "html").mkdir(parents=True)
        plain = plain_route(
            sorted((ROOT / "notebooks").glob("*.ipynb")), processed, articles,
            plain_dir,
        )  # fmt: skip
        rows.append(
            ("plain route: jupyter nbconvert --execute --to html, per notebook",
             f"{plain:.1f} s", f"cold is {plain / cold:.1f}x faster (goal >= 2x); no PDF")
        )  # fmt: skip
        if shutil.which("quarto"):
            rows.append(("quarto render", "not run", "quarto found but no project set up"))
        else:
            rows.append(("quarto render", "n/a", "quarto-cli not installed here"))

        corpus = tmp / "corpus"
        corpus.mkdir()
        for name, text in generate_corpus(args.articles, 2024):
            (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        mb, seconds, peak = extraction(corpus)
        cores = os.cpu_count() or 1
        rows.append(
            (f"extraction, {args.articles:,} generated articles ({mb:.0f} MB)",
             f"{mb / seconds:.2f} MB/s", f"{mb / seconds / cores:.2f} MB/s per core; "
             f"peak memory {peak:.0f} MB")
        )  # fmt: skip
        big_out = tmp / "big-report"
        t0 = time.perf_counter()
        big_steps: list[tuple[str, float]] = []
        try:
            make_report(corpus, big_out, tmp / "big-processed", big_steps)
            big = f"{time.perf_counter() - t0:.1f} s"
        except subprocess.CalledProcessError as exc:
            big = f"failed: {exc.stderr.decode(errors='replace')[-200:]}"
        peak_all = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rows.append(
            (f"full report on {args.articles:,} articles", big,
             f"goal < 60 s; peak memory of any step {peak_all:.0f} MB (goal < 2 GB)")
        )  # fmt: skip
        for step, seconds in big_steps:
            rows.append((f"  {args.articles:,} articles: {step}", f"{seconds:.1f} s", ""))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>12}  note")
    for name, result, note in rows:
        print(f"{name:<{width}}  {result:>12}  {note}")
    print(json.dumps({"machine_cores": os.cpu_count()}))


if __name__ == "__main__":
    main()
