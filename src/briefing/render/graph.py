"""The build's step graph, in one place: which step reads what and writes what.

    articles/ ──extract──> facts-extracted.csv events.csv articles.csv input_problems.csv
                           text/
    facts-extracted.csv + CORRECTIONS ──correct──> facts.csv corrections-report.csv
    facts.csv ──claims──> claims.pkl
    facts.csv + claims.pkl ──views──> build/views/<name>.csv (the sections that declare
                                      their measures: what they see of facts and claims)
    notebooks/<name>.py (synced with .ipynb) ──source <name>──> build/sources/<name>.ipynb
    the source + the tables it loads ──notebook <name>──> build/notebooks/<name>.ipynb,
                                                         build/figures/<name>/
    each executed notebook ──body <name>──> build/bodies/<name>.html
    the bodies ──html──> build/briefing.html ──pdf──> build/briefing.pdf
    charts + claims (+ SLIDE_TEMPLATE) ──exports──> build/exports/ (figures/, deck, tables)
    everything asked for ──publish──> OUT (and figures──publish figures──> FIGURES)

Every step follows briefing.render.steps: it reruns when an input, a parameter or its own
code changed, or when an output is missing or was changed since it was written.

Adding a step: write what it does (a function of paths and values; actions.py, or the
module it belongs to), then add a `Step` to `data_steps` or `report_steps` with its inputs
(data files and the code that shapes its output), its outputs and its parameters, and point
the steps that read its outputs at them. The "correct" step is the model: it slots between
extraction and claims by taking the extractor's table (facts-extracted.csv) and writing
facts.csv, the table the claims step and every notebook read; nothing else had to change.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

from briefing import corrections as C
from briefing import tables as T
from briefing.paths import PACKAGE_DIR
from briefing.render import actions as A
from briefing.render.params import BuildParams
from briefing.render.steps import Step, params_hash, snapshot
from briefing.render.twins import twin_of

REPO_DIR = PACKAGE_DIR.parent.parent
REFERENCE_DIR = REPO_DIR / "data" / "reference"

# the code each step's output depends on: editing it reruns the step
EXTRACT_CODE = (
    *(PACKAGE_DIR / p for p in ("extract", "inputs", "articles.py", "schema.py", "reference.py")),
    *(PACKAGE_DIR / p for p in ("textnorm.py", "refdata", "tables.py")),
    REFERENCE_DIR,
)
CORRECT_CODE = (PACKAGE_DIR / "corrections.py", PACKAGE_DIR / "schema.py")
CLAIMS_CODE = tuple(PACKAGE_DIR / p for p in ("claims.py", "schema.py", "tables.py"))
_NOT_NOTEBOOK_CODE = {"render", "exports", "cli.py", "__pycache__"}
HTML_CODE = (
    PACKAGE_DIR / "render" / "html.py",
    PACKAGE_DIR / "render" / "notes.py",
    PACKAGE_DIR / "render" / "templates",
)
PDF_CODE = (PACKAGE_DIR / "render" / "pdf.py",)
EXPORTS_CODE = (PACKAGE_DIR / "exports",)


def notebook_code() -> tuple[Path, ...]:
    """What a section notebook may call: the package, less the build and export code."""
    own = sorted(p for p in PACKAGE_DIR.iterdir() if p.name not in _NOT_NOTEBOOK_CODE)
    return (*own, REFERENCE_DIR)


def code_key(paths: tuple[Path, ...]) -> str:
    """One hash of the code under `paths` (keys the extraction cache of each article)."""
    files = snapshot(paths)
    return params_hash({name: entry[2] for name, entry in files.items()})


def _load_calls(notebook: Path) -> list[ast.Call]:
    """The `load(processed_dir, ...)` calls in a notebook's code (its text twin's, when any)."""
    source = twin_of(notebook)
    if source.exists():
        code = source.read_text(encoding="utf-8")
    else:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = "\n".join(
            "".join(c["source"]) for c in cells if c["cell_type"] == "code"
        )  # magics would not parse; the section notebooks have none
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", ""))
        == "load"
    ]


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List):
        return [s for element in node.elts for s in _strings(element)]
    return []


def tables_read(notebook: Path) -> list[str]:
    """The table names a notebook passes to `load(processed_dir, "facts", ...)`: its
    declared inputs. A notebook that loads none by name depends on every table."""
    names = {s for call in _load_calls(notebook) for a in call.args[1:] for s in _strings(a)}
    return sorted(names) if names else sorted(T.TABLES)


def measures_read(notebook: Path) -> list[str] | None:
    """The measures a notebook narrows its claims to (`load(..., measures=(...))`), or None
    when it reads them all."""
    found = [
        s for call in _load_calls(notebook) for k in call.keywords if k.arg == "measures"
        for s in _strings(k.value)
    ]  # fmt: skip
    return sorted(set(found)) if found else None


def build_dir(params: BuildParams) -> Path:
    """Where the report's parts are built and kept between builds (beside the data)."""
    return params.processed_dir / "build"


def data_steps(params: BuildParams) -> list[Step]:
    """Extraction and claims: the processed tables every section reads."""
    p = params.processed_dir
    return [
        Step(
            "extract",
            inputs=(params.articles_dir, *EXTRACT_CODE),
            outputs=(
                p / C.EXTRACTED_NAME,
                p / T.EVENTS,
                p / T.ARTICLES,
                p / T.PROBLEMS,
                p / T.TEXTS,
            ),
            run=lambda: A.extract(
                params.articles_dir, p, code_key(EXTRACT_CODE), facts_name=C.EXTRACTED_NAME
            ),
        ),
        # the analyst's corrections: the extractor's facts in, the facts every section reads out
        Step(
            "correct",
            inputs=(
                p / C.EXTRACTED_NAME,
                p / T.TEXTS,
                *((params.corrections,) if params.corrections else ()),
                *CORRECT_CODE,
            ),
            outputs=(p / T.FACTS, p / C.REPORT_NAME),
            params={"corrections": str(params.corrections or "")},
            run=lambda: C.correct_step(p, params.corrections),
        ),
        Step(
            "claims",
            inputs=(p / T.FACTS, *CLAIMS_CODE),
            outputs=(p / T.CLAIMS,),
            run=lambda: T.write_claims(p / T.FACTS, p / T.CLAIMS),
        ),
    ]


def views_dir(params: BuildParams) -> Path:
    """Where the views of the sections that declare their measures are kept."""
    return build_dir(params) / "views"


def table_inputs(notebook: Path, params: BuildParams) -> list[Path]:
    """The files a notebook's output depends on: the tables it loads, and for a notebook
    that narrows its claims to some measures, its view instead of the whole facts and
    claims tables."""
    names = tables_read(notebook)
    extra: list[Path] = []
    if measures_read(notebook) is not None:
        names = [n for n in names if n not in ("facts", "claims")]
        extra = [views_dir(params) / f"{notebook.stem}.csv"]
    return [*(params.processed_dir / f for f in T.files_of(names)), *extra]


def source_step(notebook: Path, params: BuildParams) -> Step:
    """The notebook to execute, made from its text twin (or the .ipynb when it has none)
    only when that changed."""
    own = twin_of(notebook) if twin_of(notebook).exists() else notebook
    source = build_dir(params) / "sources" / notebook.name
    return Step(
        f"source {notebook.stem}",
        inputs=(own,),
        outputs=(source,),
        run=lambda: A.write_source(notebook, source),
    )


def notebook_step(notebook: Path, params: BuildParams) -> Step:
    """One section notebook: it reruns when its text, a table it loads, the package or a
    parameter changed; it writes its executed copy and its own figures folder. Notebook
    steps are run together by the build's notebook runner (two kernels)."""
    build = build_dir(params)
    figures = build / "figures" / notebook.stem
    target = build / "notebooks" / notebook.name
    source = build / "sources" / notebook.name
    parameters = {**params.notebook_parameters(), "figures_dir": str(figures)}
    return Step(
        f"notebook {notebook.stem}",
        inputs=(source, *table_inputs(notebook, params), *notebook_code()),
        outputs=(target, figures),
        run=lambda: A.prepare_run(target, figures),
        params={**parameters, "source": str(source), "target": str(target)},
        kind="notebook",
    )


def body_step(notebook: Path, executed: Path, body: Path) -> Step:
    """A notebook's cleaned HTML: a rerun notebook whose output is the same gives the same
    body, so the page and the PDF after it are not made again."""
    return Step(
        f"body {notebook.stem}",
        inputs=(executed, *HTML_CODE),
        outputs=(body,),
        run=lambda: A.render_body(executed, body),
    )


def sync_step(notebook: Path, params: BuildParams) -> Step:
    """Bring a notebook and its text twin in step (the newer wins) before it is run."""
    from briefing.render.twins import sync

    return Step(
        f"sync {notebook.stem}",
        inputs=(notebook, twin_of(notebook)),
        outputs=(),
        run=lambda: sync(notebook),
    )


def report_steps(params: BuildParams, notebooks: list[Path]) -> list[Step]:
    """The notebooks, the page, the PDF, the exports and the publishing of OUT."""
    build = build_dir(params)
    executed = [build / "notebooks" / nb.name for nb in notebooks]
    figure_dirs = [build / "figures" / nb.stem for nb in notebooks]
    html, pdf, exported = build / "briefing.html", build / "briefing.pdf", build / "exports"
    articles = params.processed_dir / T.ARTICLES
    report = {"title": params.title, "as_of": params.as_of}

    def summary() -> dict:
        n, latest = A.corpus_summary(params.processed_dir)
        return {"title": params.title, "as_of": params.as_of or latest, "n_articles": n}

    steps = [sync_step(nb, params) for nb in notebooks if twin_of(nb).exists()]
    steps += [source_step(nb, params) for nb in notebooks]
    wanted = {nb.stem: m for nb in notebooks if (m := measures_read(nb)) is not None}
    if wanted:
        p = params.processed_dir
        steps.append(
            Step(
                "views",
                inputs=(p / T.FACTS, p / T.CLAIMS, PACKAGE_DIR / "tables.py"),
                outputs=(views_dir(params),),
                run=lambda: T.write_views(p / T.FACTS, p / T.CLAIMS, wanted, views_dir(params)),
                params={"measures": wanted},
            )
        )
    steps += [notebook_step(nb, params) for nb in notebooks]
    bodies = [build / "bodies" / f"{nb.stem}.html" for nb in notebooks]
    for nb, copy, body in zip(notebooks, executed, bodies, strict=True):
        steps.append(body_step(nb, copy, body))
    steps.append(
        Step(
            "html",
            inputs=(*bodies, articles, *HTML_CODE),
            outputs=(html,),
            run=lambda: A.render_html(
                bodies,
                html,
                params.title,
                summary()["as_of"],
                summary()["n_articles"],
            ),
            params=report,
        )
    )
    if "pdf" in params.formats:
        steps.append(
            Step(
                "pdf", inputs=(html, *PDF_CODE), outputs=(pdf,), run=lambda: A.render_pdf(html, pdf)
            )
        )
    steps.append(
        Step(
            "exports",
            inputs=(
                *figure_dirs,
                params.processed_dir / T.CLAIMS,
                articles,
                *((params.slide_template,) if params.slide_template else ()),
                *EXPORTS_CODE,
            ),
            outputs=(exported,),
            run=lambda: A.exports(
                figure_dirs, params.processed_dir, exported, summary(), params.slide_template
            ),
            params={**report, "slide_template": str(params.slide_template or "")},
        )
    )
    published: dict[str, Path] = {}
    if "html" in params.formats:
        published["briefing.html"] = html
    if "pdf" in params.formats:
        published["briefing.pdf"] = pdf
    for name in ("briefing-slides.pptx", "facts.csv", "facts.xlsx", "figures"):
        published[name] = exported / name
    for nb, copy in zip(notebooks, executed, strict=True):
        published[f"notebooks/{nb.name}"] = copy
    steps.append(
        Step(
            "publish",
            inputs=tuple(published.values()),
            outputs=(params.out_dir,),
            run=lambda: A.publish(published, params.out_dir),
            params={"files": sorted(published)},
        )
    )
    if params.publish_figures:
        steps.append(
            Step(
                "publish figures",
                inputs=(exported / "figures",),
                outputs=(params.publish_figures,),
                run=lambda: A.publish_folder(exported / "figures", params.publish_figures),
            )
        )
    return steps
