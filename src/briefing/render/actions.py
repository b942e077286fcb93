"""What each build step does. Which files it reads and writes is said in graph.py.

Each action takes plain paths and values and writes its outputs, each file renamed into
place when complete; none decides whether it should run (that is the step protocol's job,
briefing.render.steps) and none keeps state between calls.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefing import tables as T
from briefing.render import params as P


def extract(
    articles_dir: Path, processed: Path, code_key: str, *, facts_name: str = T.FACTS
) -> None:
    """Facts, events, input problems, the list of articles and their texts, into processed/.

    The folder is read once. Each article's rows are kept in a cache keyed by its text, its
    metadata and the extractor's code (`code_key`), so adding one article to a folder
    extracts one article; the cache holds only the current folder's articles.
    """
    from briefing.articles import load_corpus, write_extracted_texts
    from briefing.extract.corpus import events_frame, extract_rows, facts_frame

    corpus = load_corpus(articles_dir)
    if not corpus.articles:
        raise P.ParameterError(
            "ARTICLES", f"{articles_dir} holds no readable article", "a folder with articles"
        )
    processed.mkdir(parents=True, exist_ok=True)
    problems = sorted((p.file, p.severity, p.reason) for p in corpus.problems)
    _write_rows(processed / T.PROBLEMS, ("file", "severity", "reason"), problems)
    T.write_articles(corpus.articles, processed / T.ARTICLES)
    write_extracted_texts(corpus, processed / T.TEXTS)
    cache_file = processed / ".cache" / "extract.pkl"
    cached = _read_cache(cache_file)
    keys = {a.id: _article_key(a, code_key) for a in corpus.articles}
    todo = [a for a in corpus.articles if keys[a.id] not in cached]
    facts, events = extract_rows(todo)
    fresh: dict[str, tuple[list, list]] = {keys[a.id]: ([], []) for a in todo}
    for rows, slot in ((facts, 0), (events, 1)):
        for row in rows:
            fresh[keys[row["article"]]][slot].append(row)
    rows_of = {k: cached.get(k) or fresh[k] for k in keys.values()}
    _write_cache(cache_file, rows_of)
    for df, name in (
        (facts_frame([r for k in keys.values() for r in rows_of[k][0]]), facts_name),
        (events_frame([r for k in keys.values() for r in rows_of[k][1]]), T.EVENTS),
    ):
        tmp = processed / (name + ".tmp")
        df.to_csv(tmp, index=False, lineterminator="\n")
        tmp.replace(processed / name)


def _article_key(article, code_key: str) -> str:
    """What an article's rows depend on: its id, text, metadata and the extractor's code."""
    import dataclasses
    import hashlib
    import json

    parts = [article.id, article.text, dataclasses.asdict(article.meta), article.encoding,
             article.source_format, code_key]  # fmt: skip
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _read_cache(path: Path) -> dict:
    """The cached rows by article key ({} when missing or unreadable: it is only a cache)."""
    import pickle

    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        return {}
    return cached if isinstance(cached, dict) else {}


def _write_cache(path: Path, rows_of: dict) -> None:
    import pickle

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(rows_of, fh, protocol=5)
    tmp.replace(path)


def _write_rows(path: Path, header: tuple[str, ...], rows: list[tuple]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    tmp.replace(path)


def corpus_summary(processed: Path) -> tuple[int, str]:
    """(articles read, latest publication date or "") from processed/articles.csv."""
    path = processed / T.ARTICLES
    if not path.exists():
        return 0, ""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    dates = [r["published"] for r in rows if r["published"]]
    return len(rows), max(dates, default="")


def published_dates(processed: Path) -> list[dt.date]:
    """Every article's publication date (for the AS_OF check)."""
    path = processed / T.ARTICLES
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [dt.date.fromisoformat(r["published"]) for r in csv.DictReader(fh) if r["published"]]


def input_problems(processed: Path) -> list[tuple[str, str, str]]:
    """(file, severity, reason) of every input the reader skipped or degraded."""
    path = processed / T.PROBLEMS
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["file"], r["severity"], r["reason"]) for r in csv.DictReader(fh)]


def epoch(day: str) -> str:
    """Seconds since 1970 at midnight UTC of an ISO date ("" or unreadable: 0). Charts shown
    inline carry a creation date that matplotlib takes from SOURCE_DATE_EPOCH when set, so
    the report's date makes every build of the same inputs byte-identical."""
    try:
        moment = dt.datetime.fromisoformat(day[:10]).replace(tzinfo=dt.UTC)
    except ValueError:
        return "0"
    return str(int(moment.timestamp()))


def write_source(notebook: Path, source: Path) -> None:
    """The notebook to execute, from its text twin when it has one (never its outputs)."""
    import nbformat

    from briefing.render.twins import source_notebook

    source.parent.mkdir(parents=True, exist_ok=True)
    tmp = source.with_name(source.name + ".tmp")
    nbformat.write(source_notebook(notebook), tmp)
    tmp.replace(source)


def prepare_run(target: Path, figures: Path) -> None:
    """Make room for a notebook's run: its output folder, and an empty figures folder, so a
    chart the notebook no longer draws does not linger."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(figures, ignore_errors=True)
    figures.mkdir(parents=True)


def render_body(executed: Path, target: Path) -> None:
    """One executed notebook's cleaned HTML cells (briefing.render.html.notebook_body)."""
    from briefing.render.html import notebook_body

    _write_text(target, notebook_body(executed))


def render_html(bodies: list[Path], target: Path, title: str, as_of: str, n: int) -> None:
    """The briefing page from the notebooks' bodies, in their order."""
    from briefing.render.html import page

    parts = [b.read_text(encoding="utf-8") for b in bodies]
    _write_text(target, page(parts, title=title, as_of=as_of, n_sources=n))


def _write_text(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)


def render_pdf(html_file: Path, target: Path) -> None:
    """The A4 PDF of the briefing page (WeasyPrint)."""
    from briefing.render.pdf import render_pdf as pdf_of

    pdf_of(html_file.read_text(encoding="utf-8"), target)


def exports(
    figure_dirs: list[Path],
    processed: Path,
    target: Path,
    info: dict,
    slide_template: Path | None = None,
) -> None:
    """Every chart in one folder (with its gallery), the slide deck and the facts tables."""
    import json

    from briefing.exports import build_all

    shutil.rmtree(target, ignore_errors=True)
    figures = target / "figures"
    figures.mkdir(parents=True)
    for folder in figure_dirs:
        for chart in sorted(folder.iterdir()):
            shutil.copy2(chart, figures / chart.name)
    (processed / "build_info.json").write_text(  # the deck's title slide: the report's title
        json.dumps(info, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    build_all(figures, processed, target, slide_template=slide_template)


def publish(files: dict[str, Path], out: Path) -> None:
    """Replace OUT by a folder holding `files` ({name in OUT: file or folder}), atomically:
    written beside OUT, then swapped in by renames, so OUT is never half-written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        for name, source in files.items():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, work / name)
            else:
                shutil.copy2(source, work / name)
        swap(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def publish_folder(source: Path, target: Path) -> None:
    """Replace `target` by a copy of the folder `source`, atomically (the charts for slides)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        shutil.copytree(source, work, dirs_exist_ok=True)
        swap(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def swap(work: Path, out: Path) -> None:
    """Replace `out` by `work` with renames (the old one kept until the new one is in)."""
    old = out.with_name(out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    work.rename(out)
    if old.exists():
        shutil.rmtree(old)


def run_notebooks(
    jobs: list[tuple[Path, Path, dict]], cwd: Path, say: Callable[[str], None], date: str
) -> None:
    """Execute (source, target, parameters) notebooks on up to two long-lived kernels."""
    from briefing.render.kernels import run_notebooks as run

    os.environ["SOURCE_DATE_EPOCH"] = epoch(date)  # the kernels inherit it
    by_source = {source: parameters for source, _, parameters in jobs}
    run(
        [(source, target) for source, target, _ in jobs],
        lambda source: by_source[source],
        cwd,
        workers=min(2, os.cpu_count() or 1) if len(jobs) > 1 else 1,
        on_done=lambda name, seconds: say(f"{Path(name).stem}: executed in {seconds:.1f} s"),
    )
