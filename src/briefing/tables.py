"""The processed tables: what the build's data steps write and what the notebooks read.

Why one module: the section notebooks used to read facts.csv, events.csv and the article
folder themselves and re-merge the claims each (nine merges per build, three re-reads of
the articles). Now the extract and claims steps write each table once, and a notebook asks
for the tables it needs by name with `load(processed_dir, "facts", "claims")`. The names a
notebook asks for are also what the build reads to decide whether the notebook must run
again (see briefing.render.graph), so the declaration cannot drift from the code.
"""

from __future__ import annotations

import csv
import datetime as dt
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.paths import resolve

if TYPE_CHECKING:  # pandas is imported when a table is read: a no-op build never needs it
    import pandas as pd

FACTS = "facts.csv"
EVENTS = "events.csv"
PROBLEMS = "input_problems.csv"
ARTICLES = "articles.csv"  # one row per article read (metadata only), with or without figures
CLAIMS = "claims.pkl"  # pickled: the claims' list cells do not round-trip through CSV
TEXTS = "text"  # the extracted text of each article, as the facts' offsets refer to it

ARTICLE_FIELDS = ("id", "title", "outlet", "published", "date_precision", "language", "file")


class TablesMissing(FileNotFoundError):
    """A processed table is not there yet; shown in a notebook as one line, no traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython shows these lines instead
        return [str(self)]


def _facts(folder: Path) -> pd.DataFrame:
    import pandas as pd

    return pd.read_csv(folder / FACTS)


def _events(folder: Path) -> pd.DataFrame:
    import pandas as pd

    path = folder / EVENTS
    return pd.read_csv(path) if path.exists() else pd.DataFrame()


def _claims(folder: Path) -> pd.DataFrame:
    path = folder / CLAIMS
    if not path.exists():  # a folder written by `briefing extract` alone: merge here
        from briefing.claims import merge_claims

        return merge_claims(_facts(folder))
    with path.open("rb") as fh:
        return pickle.load(fh)


def _corpus(folder: Path) -> list:
    """The articles read (metadata only, text empty): sources list articles without figures."""
    from briefing.articles import Article, ArticleMeta

    path = folder / ARTICLES
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        Article(
            id=row["id"],
            path=Path(row["file"]),
            text="",
            meta=ArticleMeta(
                title=row["title"] or None,
                outlet=row["outlet"] or None,
                author=None,
                published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
                date_precision=row["date_precision"],
                language=row["language"],
                url=None,
                file=row["file"],
            ),
            encoding="",
            source_format="",
            sha256="",
        )
        for row in rows
    ]


def _problems(folder: Path) -> pd.DataFrame:
    from briefing.sections.sources import input_problems

    return input_problems(folder)


def _texts(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / TEXTS).glob("*.txt"))}


# name -> (file or folder it is read from, loader)
TABLES: dict[str, tuple[str, Callable[[Path], object]]] = {
    "facts": (FACTS, _facts),
    "events": (EVENTS, _events),
    "claims": (CLAIMS, _claims),
    "corpus": (ARTICLES, _corpus),
    "texts": (TEXTS, _texts),
    "problems": (PROBLEMS, _problems),
}


def load(processed_dir: str | Path, *names: str, measures: Sequence[str] | None = None) -> tuple:
    """The named tables from `processed_dir` (relative paths: from the repository root), in
    the order asked. Raises TablesMissing, in one line, when the build has not run yet.

    `measures` narrows "claims" to those measures and "facts" to the articles they cite
    (see `view`): a section that shows only patents declares so, and the build then
    re-executes it only when the patents figures or their articles change.
    """
    folder = resolve(processed_dir)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise KeyError(f"unknown table {', '.join(unknown)}; known: {', '.join(TABLES)}")
    if not (folder / FACTS).exists():
        raise TablesMissing(
            f"No processed tables in {folder}: run `make report` first (it writes them)."
        )
    loaded = {name: TABLES[name][1](folder) for name in names}
    if measures is not None:
        facts = loaded["facts"] if "facts" in loaded else _facts(folder)
        claims = loaded["claims"] if "claims" in loaded else _claims(folder)
        narrow_facts, narrow_claims = view(facts, claims, measures)
        loaded.update({k: v for k, v in (("facts", narrow_facts), ("claims", narrow_claims))
                       if k in loaded})  # fmt: skip
    return tuple(loaded[name] for name in names)


def view(facts: pd.DataFrame, claims: pd.DataFrame, measures: Sequence[str]) -> tuple:
    """(facts, claims) as a section showing only `measures` sees them: the claims of those
    measures, and every fact of the articles they cite (a figure's quote, outlet and date,
    and the article's own currency conversions, are looked up there)."""
    narrow = claims[claims["measure"].isin(list(measures))].reset_index(drop=True)
    cited = {str(i) for ids in narrow["fact_ids"] for i in ids}
    articles = set(facts.loc[facts["id"].astype(str).isin(cited), "article"])
    return facts[facts["article"].isin(articles)].reset_index(drop=True), narrow


def write_views(facts_csv: Path, claims_file: Path, wanted: dict[str, Sequence[str]],
                folder: Path) -> None:  # fmt: skip
    """One file per section with declared measures, holding its view as text: the build
    compares these to decide which sections changed. Unchanged views are not rewritten."""
    import pandas as pd

    facts = pd.read_csv(facts_csv)
    with claims_file.open("rb") as fh:
        claims = pickle.load(fh)
    folder.mkdir(parents=True, exist_ok=True)
    for name, measures in wanted.items():
        narrow_facts, narrow_claims = view(facts, claims, measures)
        text = narrow_facts.to_csv(index=False) + "\n" + narrow_claims.to_csv(index=False)
        target = folder / f"{name}.csv"
        if not (target.exists() and target.read_text(encoding="utf-8") == text):
            target.write_text(text, encoding="utf-8")
    for stale in set(folder.glob("*.csv")) - {folder / f"{n}.csv" for n in wanted}:
        stale.unlink()


def files_of(names: Sequence[str]) -> list[str]:
    """The files (relative to processed_dir) behind the named tables: a notebook's inputs."""
    return sorted({TABLES[n][0] for n in names if n in TABLES})


def write_claims(facts_csv: Path, target: Path) -> None:
    """Merge the facts into claims once per build, for every notebook and export to read."""
    import pandas as pd

    from briefing.claims import merge_claims

    claims = merge_claims(pd.read_csv(facts_csv))
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(claims, fh, protocol=5)
    tmp.replace(target)


def write_articles(articles: Sequence, target: Path) -> None:
    """One row per article read (ARTICLE_FIELDS), so no notebook re-reads the folder."""
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(ARTICLE_FIELDS)
        for a in articles:
            m = a.meta
            published = m.published.isoformat() if m.published else ""
            row = (a.id, m.title, m.outlet, published, m.date_precision, m.language, m.file)
            writer.writerow(["" if v is None else v for v in row])
    tmp.replace(target)
