"""`briefing build`: articles in, a self-contained HTML and a PDF briefing out.

The build is the step graph of briefing.render.graph run under one rule
(briefing.render.steps): a step reruns only when what it reads, its parameters or its
code changed, or when what it wrote is missing or damaged. The report's parts are built in
`<processed>/build/` and OUT is replaced in one swap only when every step succeeded, so a
failed cell or a Ctrl-C never leaves a half-written report and the previous one stays.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from briefing.paths import resolve
from briefing.render import actions as A
from briefing.render import graph as G
from briefing.render import params as P
from briefing.render.steps import Step, StepStore, run_graph

NOTEBOOKS_DIR = G.REPO_DIR / "notebooks"


class BuildError(RuntimeError):
    """A step failed; the message says which notebook, which cell and what error."""


class Reporter:
    """Prints one line per step on the terminal's stderr, also while fd 2 is lent to the
    kernels' log (ipykernel's start-up warnings go there, not to the terminal)."""

    def __init__(self) -> None:
        self.fd: int | None = None  # the terminal's stderr while fd 2 points at the log

    def __call__(self, message: str) -> None:
        line = f"briefing build: {message}\n".encode(errors="replace")
        if self.fd is not None:
            os.write(self.fd, line)
        else:
            sys.stderr.buffer.write(line)
            sys.stderr.flush()

    @contextlib.contextmanager
    def quiet(self, log_path: Path) -> Iterator[None]:
        """Send fd 2 (inherited by kernels) to `log_path` while the block runs."""
        sys.stderr.flush()
        saved = os.dup(2)
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("ab") as log:
            os.dup2(log.fileno(), 2)
            self.fd = saved
            try:
                yield
            finally:
                os.dup2(saved, 2)
                os.close(saved)
                self.fd = None


def validate(args: argparse.Namespace) -> P.BuildParams:
    """Check every parameter before any work; raises ParameterError naming the parameter.
    Relative paths are taken from the repository root, as in the notebooks."""
    articles = P.check_articles_dir(resolve(args.articles))
    rate = P.parse_rate(args.cny_per_usd)
    as_of = P.parse_as_of(args.as_of)
    formats = P.parse_formats(args.formats)
    title = P.check_title(args.title)
    out = resolve(args.out).resolve()
    processed = (
        resolve(args.processed).resolve()
        if args.processed
        else out.parent / (out.name + ".processed")
    )
    figures = getattr(args, "figures", "")
    slide_template = P.check_slide_template(getattr(args, "slide_template", ""))
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
        publish_figures=resolve(figures).resolve() if figures else None,
        corrections=corrections,
        slide_template=slide_template,
    )


def _run_notebooks(params: P.BuildParams, say: Reporter, steps: list[Step]) -> None:
    """The runner of the notebook steps: all dirty notebooks at once, on two kernels."""
    keys = params.notebook_parameters().keys()
    for step in steps:
        step.run()  # writes the notebook to execute, empties its figures folder
    jobs = [
        (Path(s.params["source"]), Path(s.params["target"]), {k: s.params[k] for k in keys})
        for s in steps
    ]
    date = params.as_of or A.corpus_summary(params.processed_dir)[1]
    with say.quiet(params.processed_dir / "kernels.log"):
        try:  # on failure or Ctrl-C, queued notebooks are dropped, running ones stopped
            A.run_notebooks(jobs, G.REPO_DIR, say, date)
        except Exception as exc:
            from briefing.render.kernels import NotebookFailed

            if isinstance(exc, NotebookFailed):
                raise BuildError(str(exc)) from None
            raise


def build(params: P.BuildParams, notebooks: list[Path] | None = None) -> Path:
    """The whole build; returns OUT. Raises BuildError or ParameterError; OUT untouched then."""
    say = Reporter()
    total = time.perf_counter()
    store = StepStore(params.processed_dir / ".steps")
    run_graph(G.data_steps(params), store, say)
    for file, severity, reason in A.input_problems(params.processed_dir):
        say(f"input {severity}: {file}: {reason}")
    P.check_as_of_against(params.as_of, A.published_dates(params.processed_dir))
    notebooks = sorted(notebooks if notebooks is not None else NOTEBOOKS_DIR.glob("*.ipynb"))
    run_graph(
        G.report_steps(params, notebooks),
        store,
        say,
        run_many={"notebook": lambda steps: _run_notebooks(params, say, steps)},
    )
    say(f"done in {time.perf_counter() - total:.1f} s -> {params.out_dir}")
    return params.out_dir


def run_build(args: argparse.Namespace) -> int:
    """Entry point of `briefing build`; exit 2 for a refused parameter, 1 for a failed step,
    130 when interrupted (Ctrl-C or SIGTERM): in every case OUT is left as it was."""

    def interrupted(signum, frame):  # SIGTERM unwinds like Ctrl-C, so temp folders are removed
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    say = Reporter()
    try:
        params = validate(args)
        build(params)
    except P.ParameterError as exc:
        say(str(exc))
        return 2
    except BuildError as exc:
        say(f"FAILED, previous report left untouched\n{exc}")
        return 1
    except KeyboardInterrupt:
        say("interrupted, previous report left untouched")
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of `briefing build`, and the function that runs it. Each also reads an
    environment variable (BRIEFING_ARTICLES, ...): `make report` passes its parameters
    that way, so a value is never pasted into shell code."""

    def option(flag: str, default: str, text: str) -> None:
        env = "BRIEFING_" + flag.lstrip("-").replace("-", "_").upper()
        parser.add_argument(flag, default=os.environ.get(env, default), help=f"{text} (${env})")

    option("--articles", "data/articles", "folder of articles")
    option("--out", "report", "output folder (replaced atomically)")
    option("--processed", "data/processed", "extracted data folder")
    option("--figures", "", "also copy every chart here (make report: figures/)")
    option("--cny-per-usd", str(P.DEFAULT_CNY_PER_USD), "CNY per USD")
    option("--as-of", "", "ISO date, empty = latest article")
    option("--title", "", "report title")
    option("--formats", "", f"comma list of {','.join(P.FORMATS)}")
    option("--slide-template", "", "a .pptx whose masters and layouts the deck uses")
    parser.add_argument(  # None: data/corrections.csv when it exists
        "--corrections",
        default=os.environ.get("BRIEFING_CORRECTIONS"),
        help=f"analyst corrections CSV (default {P.DEFAULT_CORRECTIONS} if present;"
        " '' = none) ($BRIEFING_CORRECTIONS)",
    )
    parser.set_defaults(func=run_build)
