"""`briefing build`: articles in, a self-contained HTML and a PDF briefing out.

Steps: validate parameters, extract facts, apply the analyst's corrections
(briefing.corrections), execute the section notebooks with papermill,
render HTML (nbconvert) and PDF (WeasyPrint). Everything is written into a temporary folder
beside OUT and swapped into place only when every step succeeded, so a failed cell or a
Ctrl-C never leaves a half-written report and the previous one stays untouched.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

from briefing.render import params as P
from briefing.render.fingerprint import (
    REPO_DIR,
    extractor_fingerprint,
    hash_files,
    hash_json,
    package_fingerprint,
)
from briefing.render.kernels import NotebookFailed, run_notebooks

NOTEBOOKS_DIR = REPO_DIR / "notebooks"
CACHE_NAME = ".build-cache.json"
FIGURES_MAP_NAME = ".figures-by-notebook.json"  # which charts each executed notebook wrote


class BuildError(RuntimeError):
    """A step failed; the message says which notebook, which cell and what error."""


_LOG_FD: int | None = None  # the terminal's stderr while fd 2 is lent to the kernels' log


def _say(message: str) -> None:
    line = f"briefing build: {message}\n".encode(errors="replace")
    if _LOG_FD is not None:
        os.write(_LOG_FD, line)
    else:
        sys.stderr.buffer.write(line)
        sys.stderr.flush()


@contextlib.contextmanager
def _kernels_quiet(log_path: Path):
    """Send the kernels' own stderr (ipykernel's start-up warnings) to a log file, not the
    terminal: the build prints one line per step, not a wall of kernel noise."""
    global _LOG_FD
    sys.stderr.flush()
    saved = os.dup(2)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        os.dup2(log.fileno(), 2)
        _LOG_FD = saved
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            _LOG_FD = None


def validate(args: argparse.Namespace) -> P.BuildParams:
    """Check every parameter before any work; raises ParameterError naming the parameter."""
    articles = P.check_articles_dir(args.articles)
    rate = P.parse_rate(args.cny_per_usd)
    as_of = P.parse_as_of(args.as_of)
    formats = P.parse_formats(args.formats)
    title = P.check_title(args.title)
    slide_template = P.check_slide_template(getattr(args, "slide_template", ""))
    out = Path(args.out).expanduser().resolve()
    processed = (
        Path(args.processed).expanduser().resolve()
        if args.processed
        else out.parent / (out.name + ".processed")
    )
    corrections = P.check_corrections(getattr(args, "corrections", None), articles, processed)
    return P.BuildParams(
        articles_dir=articles,
        out_dir=out,
        figures_dir=out / "figures",
        processed_dir=processed,
        cny_per_usd=rate,
        as_of=as_of,
        title=title,
        formats=formats,
        publish_figures=(
            Path(args.figures).expanduser().resolve() if getattr(args, "figures", "") else None
        ),
        corrections=corrections,
        slide_template=slide_template,
    )


_LATEST = ""  # the latest article's date, the as-of date when none is given


def _write_csv(df, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    df.to_csv(tmp, index=False, lineterminator="\n")
    tmp.replace(path)


def extract(params: P.BuildParams) -> tuple[int, list]:
    """Facts, events, input problems and audit texts into processed_dir; cached by content."""
    import pandas as pd

    from briefing.articles import load_corpus, write_extracted_texts

    corpus = load_corpus(params.articles_dir)
    if not corpus.articles:
        raise P.ParameterError(
            "ARTICLES", f"{params.articles_dir} holds no readable article", "a folder with articles"
        )
    published = [a.meta.published for a in corpus.articles if getattr(a.meta, "published", None)]
    published = [d for d in published if hasattr(d, "isoformat")]
    P.check_as_of_against(params.as_of, published)
    global _LATEST
    _LATEST = max(published).isoformat() if published else ""
    out = params.processed_dir
    out.mkdir(parents=True, exist_ok=True)
    key = hash_json(
        {"articles": sorted(a.sha256 for a in corpus.articles), "code": extractor_fingerprint()}
    )
    problems = pd.DataFrame(
        [(p.file, p.severity, p.reason) for p in corpus.problems],
        columns=["file", "severity", "reason"],
    ).sort_values(["file", "reason"])
    _write_csv(problems, out / "input_problems.csv")
    write_extracted_texts(corpus, out / "text")
    stamp = out / ".extract-key"
    if stamp.exists() and stamp.read_text() == key and (out / "facts.csv").exists():
        _say(f"extract: {len(corpus.articles)} articles unchanged, cached")
        return len(corpus.articles), corpus.problems
    started = time.perf_counter()
    try:
        from briefing.extract.corpus import extract_all
    except ImportError:  # the extractor has not landed: an empty table with the schema columns
        from briefing.schema import FACT_COLUMNS

        _say("extract: extractor not available, writing an empty facts table")
        _write_csv(pd.DataFrame(columns=list(FACT_COLUMNS)), out / "facts.csv")
    else:
        facts, events, _ = extract_all(params.articles_dir)
        _write_csv(facts, out / "facts.csv")
        _write_csv(events, out / "events.csv")
    stamp.write_text(key)
    _say(f"extract: {len(corpus.articles)} articles, {time.perf_counter() - started:.1f} s")
    return len(corpus.articles), corpus.problems


def _notebook_key(nb: Path, params: P.BuildParams, data_key: str, code_key: str) -> str:
    """What a notebook's output depends on; the figures path is a temp folder, so left out."""
    parameters = {k: v for k, v in params.notebook_parameters().items() if k != "figures_dir"}
    return hash_json(
        {"nb": hash_files([nb]), "data": data_key, "code": code_key, "params": parameters}
    )


def execute_notebooks(
    notebooks: list[Path], params: P.BuildParams, work: Path, previous: Path | None
) -> list[Path]:
    """Run each notebook (on two long-lived kernels, see kernels.py); reuse the previous
    executed copy when nothing it depends on changed."""
    target_dir = work / "notebooks"
    target_dir.mkdir(parents=True, exist_ok=True)
    data_key = hash_files(params.processed_dir.glob("*.csv"))
    code_key = package_fingerprint()
    figures = params.figures_dir
    figures.mkdir(parents=True, exist_ok=True)
    old_cache, old_figures = {}, {}
    if previous and (previous / CACHE_NAME).exists():
        old_cache = json.loads((previous / CACHE_NAME).read_text())
    if previous and (previous / FIGURES_MAP_NAME).exists():
        old_figures = json.loads((previous / FIGURES_MAP_NAME).read_text())
    new_cache: dict[str, str] = {}
    new_figures: dict[str, list[str]] = {}
    todo: list[Path] = []

    def own_figures(nb: Path) -> Path:
        folder = work / f".figures-{nb.stem}"
        folder.mkdir(exist_ok=True)
        return folder

    for nb in notebooks:
        key = _notebook_key(nb, params, data_key, code_key)
        new_cache[nb.name] = key
        old_copy = previous / "notebooks" / nb.name if previous else None
        old_charts = old_figures.get(nb.name, [])
        if (
            old_cache.get(nb.name) == key
            and old_copy
            and old_copy.exists()
            and all((previous / "figures" / f).exists() for f in old_charts)
        ):
            shutil.copy2(old_copy, target_dir / nb.name)
            for name in old_charts:  # only its own charts: a renamed or dropped chart goes
                shutil.copy2(previous / "figures" / name, figures / name)
            new_figures[nb.name] = old_charts
            _say(f"{nb.name}: unchanged, reused")
        else:
            todo.append(nb)
    # charts shown inline carry a creation date; matplotlib takes it from SOURCE_DATE_EPOCH
    # when set, so the report's date makes every build of the same inputs byte-identical
    os.environ["SOURCE_DATE_EPOCH"] = _epoch(params.as_of or _LATEST)
    with _kernels_quiet(params.processed_dir / "kernels.log"):
        try:  # on failure or Ctrl-C, queued notebooks are dropped, running ones stopped
            run_notebooks(
                [(nb, target_dir / nb.name) for nb in todo],
                lambda nb: {**params.notebook_parameters(), "figures_dir": str(own_figures(nb))},
                REPO_DIR,
                workers=min(2, os.cpu_count() or 1) if len(todo) > 1 else 1,
                on_done=lambda name, seconds: _say(f"{name}: {seconds:.1f} s"),
            )
        except NotebookFailed as exc:
            raise BuildError(str(exc)) from None
    for nb in todo:  # each notebook's charts, now known by name, join the report's folder
        written = sorted(p.name for p in own_figures(nb).iterdir())
        for name in written:
            (own_figures(nb) / name).replace(figures / name)
        own_figures(nb).rmdir()
        new_figures[nb.name] = written
    (work / CACHE_NAME).write_text(json.dumps(new_cache, sort_keys=True, indent=1))
    (work / FIGURES_MAP_NAME).write_text(json.dumps(new_figures, sort_keys=True, indent=1))
    return [target_dir / nb.name for nb in notebooks]


def _epoch(day: str) -> str:
    """Seconds since 1970 at midnight UTC of an ISO date ("" or unreadable: 0)."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(day[:10]).replace(tzinfo=dt.UTC)
    except ValueError:
        return "0"
    return str(int(moment.timestamp()))


def _swap(work: Path, out: Path) -> None:
    """Replace OUT by the finished work folder with renames (old kept until the new is in)."""
    old = out.with_name(out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    work.rename(out)
    if old.exists():
        shutil.rmtree(old)


def _publish(source: Path, target: Path) -> None:
    """Mirror the report's charts into the slide-ready folder (figures/), swapped whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        shutil.copytree(source, staging, dirs_exist_ok=True)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def build(params: P.BuildParams, notebooks: list[Path] | None = None) -> Path:
    """The whole build; returns OUT. Raises BuildError or ParameterError; OUT untouched then."""
    from briefing.render import html as H

    total = time.perf_counter()
    n_articles, problems = extract(params)
    from briefing.corrections import correct_processed  # its own step: facts in, facts out

    for line in correct_processed(params.processed_dir, params.corrections).lines():
        _say(line)
    for p in problems:
        _say(f"input {p.severity}: {p.file}: {p.reason}")
    notebooks = sorted(notebooks if notebooks is not None else NOTEBOOKS_DIR.glob("*.ipynb"))
    out = params.out_dir
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        staged = P.BuildParams(**{**params.__dict__, "figures_dir": work / "figures"})
        executed = execute_notebooks(notebooks, staged, work, out if out.exists() else None)
        started = time.perf_counter()
        render_key = hash_json(
            {
                "notebooks": (work / CACHE_NAME).read_text(),
                "formats": params.formats,
                "n": n_articles,
                "title": params.title,
                "as_of": params.as_of,
            }
        )
        names = [f"briefing.{f}" for f in ("html", "pdf") if f in params.formats]
        old_key = out / ".render-key"
        if (
            old_key.exists()
            and old_key.read_text() == render_key
            and all((out / n).exists() for n in names)
        ):
            for name in names:
                shutil.copy2(out / name, work / name)
            _say("render: inputs unchanged, reused")
        else:
            page = H.render_html(
                executed, title=params.title, as_of=params.as_of or _LATEST, n_sources=n_articles
            )
            if "html" in params.formats:
                (work / "briefing.html").write_text(page, encoding="utf-8")
            if "pdf" in params.formats:
                from briefing.render.pdf import render_pdf

                render_pdf(page, work / "briefing.pdf")
            _say(f"render: {time.perf_counter() - started:.1f} s")
        (work / ".render-key").write_text(render_key)
        try:
            from briefing.exports import build_all
        except ImportError:
            pass
        else:  # the deck's title slide says what the report's title block says
            info = {
                "title": params.title,
                "as_of": params.as_of or _LATEST,
                "n_articles": n_articles,
            }
            (params.processed_dir / "build_info.json").write_text(
                json.dumps(info, ensure_ascii=False, sort_keys=True), encoding="utf-8"
            )
            build_all(
                work / "figures", params.processed_dir, work, slide_template=params.slide_template
            )
        _swap(work, out)
        if params.publish_figures:
            _publish(out / "figures", params.publish_figures)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    _say(f"done in {time.perf_counter() - total:.1f} s -> {out}")
    return out


def run_build(args: argparse.Namespace) -> int:
    """Entry point of `briefing build`; exit 2 for a refused parameter, 1 for a failed step,
    130 when interrupted (Ctrl-C or SIGTERM): in every case OUT is left as it was."""

    def interrupted(signum, frame):  # SIGTERM unwinds like Ctrl-C, so temp folders are removed
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        params = validate(args)
        build(params)
    except P.ParameterError as exc:
        _say(str(exc))
        return 2
    except BuildError as exc:
        _say(f"FAILED, previous report left untouched\n{exc}")
        return 1
    except KeyboardInterrupt:
        _say("interrupted, previous report left untouched")
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `briefing build`, and the function that runs it."""
    parser.add_argument("--articles", default="data/articles", help="folder of articles")
    parser.add_argument("--out", default="report", help="output folder (replaced atomically)")
    parser.add_argument("--processed", default="data/processed", help="extracted data folder")
    parser.add_argument(
        "--figures", default="", help="also copy every chart here (make report: figures/)"
    )
    parser.add_argument("--cny-per-usd", default=str(P.DEFAULT_CNY_PER_USD), help="CNY per USD")
    parser.add_argument("--as-of", default="", help="ISO date, empty = latest article")
    parser.add_argument("--title", default="", help="report title")
    parser.add_argument("--formats", default="", help=f"comma list of {','.join(P.FORMATS)}")
    parser.add_argument(
        "--slide-template", default="", help="a .pptx whose masters and layouts the deck uses"
    )
    parser.add_argument(
        "--corrections",
        default=None,
        help=f"analyst corrections CSV (default {P.DEFAULT_CORRECTIONS} if present; '' = none)",
    )
    parser.set_defaults(func=run_build)
