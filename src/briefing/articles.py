"""Reading a folder of untrusted article files into clean, auditable text.

The folder is whatever people saved: UTF-8, UTF-16 and GB18030 text, HTML pages, Markdown,
PDFs, the odd PNG, duplicates under two names, a manifest with typos. `load_corpus` turns
it into `Article` objects whose `text` is exactly what the extractors see (every offset
refers to it) and a list of `InputProblem`s, one plain sentence per file that was skipped,
degraded or duplicated, for the report's data-quality section. A bad file never raises;
only a missing folder does (`CorpusDirectoryError`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.inputs.decoding import decode_bytes, normalise_newlines
from briefing.inputs.formats import (
    feed_to_text,
    html_to_text,
    markdown_to_text,
    pdf_to_text,
    split_front_matter,
)
from briefing.inputs.manifest import (
    MANIFEST_NAME,
    Manifest,
    ManifestRow,
    file_key,
    parse_date,
    read_manifest,
)
from briefing.inputs.sniff import binary_kind, is_pdf, markup_kind

#: Files larger than this are skipped: no news article is 64 MB of text.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

#: File name suffix -> source_format. Anything else is skipped with a reason.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}

SEVERITIES = ("skipped", "degraded", "duplicate", "warning")


@dataclass(frozen=True)
class ArticleMeta:
    """What we know about an article besides its text; unknowns are None / "unknown"."""

    title: str | None
    outlet: str | None
    author: str | None
    published: dt.date | None
    date_precision: str  # day | month | year | approximate | unknown
    language: str  # en | zh | unknown (manifest, else detected from the text)
    url: str | None
    file: str


@dataclass(frozen=True)
class Article:
    """One article: `text` is the decoded (and for HTML/Markdown/PDF, extracted) prose."""

    id: str
    path: Path
    text: str
    meta: ArticleMeta
    encoding: str
    source_format: str  # txt | html | md | pdf
    sha256: str  # of the text with whitespace runs collapsed: the duplicate key


@dataclass(frozen=True)
class InputProblem:
    """A file (or the manifest) the reader could not use as given, in one clear sentence."""

    file: str
    severity: str  # skipped | degraded | duplicate | warning
    reason: str


@dataclass
class Corpus:
    """The articles, sorted by id, and every problem met while reading them."""

    articles: list[Article] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


class CorpusDirectoryError(FileNotFoundError):
    """The articles folder does not exist or is not a folder: nothing can be built."""


_WHITESPACE = re.compile(r"\s")
_HASH_CHUNK = 1 << 20
_NOT_CJK_IDEOGRAPH = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_NON_LETTER_BYTES = bytes(b for b in range(128) if not chr(b).isalpha())


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode NFC and whitespace runs collapsed to one space.

    Two saves of one article that differ only in newlines, indentation, trailing spaces,
    BOM or encoding hash the same, so the duplicate is counted once. The text is hashed in
    chunks cut at whitespace: a regex substitution over 50 MB took seconds, and one
    `split()` of it would hold millions of words in memory at once.
    """
    hasher = hashlib.sha256()
    first = True
    pos = 0
    while pos < len(text):
        cut = _WHITESPACE.search(text, pos + _HASH_CHUNK)
        end = cut.start() if cut else len(text)
        words = unicodedata.normalize("NFC", text[pos:end]).split()
        if words:
            if not first:
                hasher.update(b" ")
            hasher.update(" ".join(words).encode("utf-8"))
            first = False
        pos = end
    return hasher.hexdigest()


def detect_language(text: str) -> str:
    """ "zh" when CJK ideographs are a real share of the letters, "en" for Latin, else unknown.

    One ideograph carries about a word, so Chinese wins at a 20% share: a Chinese article
    full of English company names is still Chinese, an English one quoting 元宇宙 is not.
    Only the first 20,000 characters are looked at.
    """
    sample = text[:20_000]
    # Counting by deletion (C loops) rather than matching letter by letter: this runs once
    # per article, 10,000 times in the benchmark.
    ascii_bytes = sample.encode("ascii", "ignore")
    latin = len(ascii_bytes.translate(None, _NON_LETTER_BYTES))
    non_ascii = _ASCII_RUN.sub("", sample)
    cjk = len(_NOT_CJK_IDEOGRAPH.sub("", non_ascii))
    if cjk + latin == 0:
        return "unknown"
    return "zh" if cjk >= 0.2 * (cjk + latin) else "en"


def _candidate_files(directory: Path) -> list[os.DirEntry]:
    """Regular files in the folder, hidden ones and the manifest excluded, sorted by name."""
    with os.scandir(directory) as entries:
        files = [
            e
            for e in entries
            if not e.name.startswith(".") and e.name.lower() != MANIFEST_NAME and e.is_file()
        ]
    return sorted(files, key=lambda e: e.name)


def _size_text(n_bytes: int) -> str:
    return f"{n_bytes / (1024 * 1024):.1f} MB"


def _read_head(path: Path, n: int = 8192) -> bytes:
    with path.open("rb") as handle:
        return handle.read(n)


def _extract(
    name: str, data: bytes, source_format: str
) -> tuple[str, str, str, dict[str, str | None], list[InputProblem]] | InputProblem:
    """Bytes -> (text, encoding, source_format, metadata hints, problems) or a skip."""
    problems: list[InputProblem] = []
    hints: dict[str, str | None] = {}
    if is_pdf(data):
        try:
            pdf = pdf_to_text(data)
        except ValueError as exc:
            return InputProblem(name, "skipped", f"{str(exc).capitalize()}; not read.")
        if not pdf.text.strip():
            return InputProblem(
                name, "skipped", "PDF has no text layer (a scan or image?); it was not read."
            )
        if pdf.pages_without_text:
            problems.append(
                InputProblem(
                    name,
                    "degraded",
                    f"{pdf.pages_without_text} of {pdf.pages} PDF pages have no text layer "
                    "and were left out.",
                )
            )
        return normalise_newlines(pdf.text), "pdf", "pdf", hints, problems
    if source_format == "pdf":
        return InputProblem(name, "skipped", "Named .pdf but is not a PDF file; not read.")
    kind = binary_kind(data)
    if kind:
        return InputProblem(name, "skipped", f"binary file ({kind}), not an article.")
    # a .txt file may be saved page source: its <meta charset> then says how to decode it
    sniffed = markup_kind(data[:4096].decode("latin-1")) if source_format == "txt" else None
    decoded = decode_bytes(data, html=source_format == "html" or sniffed in ("html", "feed"))
    if decoded is None:
        return InputProblem(
            name,
            "skipped",
            "Could not be decoded as UTF-8, UTF-16, GB18030 or Windows-1252; not read.",
        )
    if decoded.guessed:
        problems.append(
            InputProblem(
                name,
                "degraded",
                f"Encoding guessed as {decoded.encoding}; some characters may be wrong.",
            )
        )
    text = normalise_newlines(decoded.text)
    if source_format == "txt":
        # saved page source, a feed item or a clipped Markdown page is read as what it is
        source_format = markup_kind(text) or "txt"
        if source_format != "txt":
            problems.append(
                InputProblem(
                    name,
                    "warning",
                    f"Named .txt but is {_MARKUP_NAMES[source_format]}; read as such "
                    "(markup stripped, its title and date used where the manifest has none).",
                )
            )
    if source_format == "feed":
        feed = feed_to_text(text)
        text = feed.text
        hints = {"title": feed.title, "published": feed.published, "url": feed.url}
        source_format = "html"
        if feed.items > 1:
            problems.append(
                InputProblem(
                    name,
                    "degraded",
                    f"A feed of {feed.items} items; only the first was read.",
                )
            )
    elif source_format == "html":
        page = html_to_text(text)
        text = page.text
        hints = {"title": page.title, "published": page.published}
    elif source_format == "md":
        hints, body = split_front_matter(text)
        text = markdown_to_text(body)
    return text, decoded.encoding, source_format, hints, problems


_MARKUP_NAMES = {
    "html": "HTML (saved page source)",
    "feed": "an RSS/Atom feed item",
    "md": "Markdown with front matter",
}

_NAME_DATE = re.compile(r"^((?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)")


def date_from_name(name: str) -> dt.date | None:
    """The date a file name starts with (2024-03-05-wuhan-plan.html), the last resort for an
    article whose manifest row and own metadata give none: relative dates need one."""
    m = _NAME_DATE.match(name)
    return parse_date(m.group(1))[0] if m else None


def _meta(
    name: str, text: str, row: ManifestRow | None, hints: dict[str, str | None]
) -> ArticleMeta:
    """Manifest first; the file's own metadata (HTML <title>/<meta>, Markdown front
    matter) fills what it leaves empty."""
    published = row.published if row else None
    precision = row.date_precision if row else "unknown"
    if published is None and hints.get("published"):
        published, implied = parse_date(hints["published"])
        precision = implied or "unknown"
    if published is None:  # a file saved as 2024-03-05-wuhan-plan.html says when, too
        published = date_from_name(name)
        precision = "day" if published else precision
    language = (row.language if row else None) or detect_language(text)
    return ArticleMeta(
        title=(row.title if row else None) or hints.get("title"),
        outlet=row.outlet if row else None,
        author=(row.author if row else None) or hints.get("author"),
        published=published,
        date_precision=precision,
        language=language,
        url=(row.url if row else None) or hints.get("url"),
        file=name,
    )


def iter_corpus(
    directory: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputProblem]:
    """Stream the folder: yield each Article and each InputProblem as they are found.

    Same semantics as `load_corpus` but holds one file's text at a time (plus one hash per
    article for duplicate detection), so a 10,000-article folder reads in flat memory.
    Files come in sorted name order, so "the first copy" of a duplicate is well defined.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusDirectoryError(f"The articles folder {directory} does not exist.")
    manifest = read_manifest(directory)
    for warning in manifest.warnings:
        yield InputProblem(MANIFEST_NAME, "warning", warning)
    seen_hashes: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    present: set[str] = set()
    for entry in _candidate_files(directory):
        name = entry.name
        present.add(file_key(name))
        try:
            yield from _read_one(Path(entry.path), name, manifest, max_bytes, seen_hashes, seen_ids)
        except Exception as exc:  # one bad file must never stop the build
            reason = f"Unexpected error while reading ({type(exc).__name__}); not read."
            yield InputProblem(name, "skipped", reason)
    for key in sorted(set(manifest.rows) - present):
        yield InputProblem(
            MANIFEST_NAME,
            "warning",
            f"{MANIFEST_NAME} lists '{manifest.rows[key].file}', which is not in the folder.",
        )


def _read_one(
    path: Path,
    name: str,
    manifest: Manifest,
    max_bytes: int,
    seen_hashes: dict[str, str],
    seen_ids: dict[str, str],
) -> Iterator[Article | InputProblem]:
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if suffix not in SUFFIX_FORMATS:
        kind = binary_kind(_read_head(path)) if size else None
        if kind:
            yield InputProblem(name, "skipped", f"binary file ({kind}), not an article.")
        else:
            allowed = ", ".join(SUFFIX_FORMATS)
            yield InputProblem(
                name,
                "skipped",
                f"Unsupported file type '{suffix or '(none)'}': only {allowed} files are read.",
            )
        return
    if size == 0:
        yield InputProblem(name, "skipped", "Empty file (0 bytes); not an article.")
        return
    if size > max_bytes:
        yield InputProblem(
            name,
            "skipped",
            f"File is {_size_text(size)}, over the {_size_text(max_bytes)} size limit; not read.",
        )
        return
    result = _extract(name, path.read_bytes(), SUFFIX_FORMATS[suffix])
    if isinstance(result, InputProblem):
        yield result
        return
    text, encoding, source_format, hints, problems = result
    if not text.strip():
        what = "no article text (only markup)" if source_format != "txt" else "only whitespace"
        yield InputProblem(name, "skipped", f"File contains {what}; not an article.")
        return
    replacements = text.count("\ufffd")
    if replacements:
        problems.append(
            InputProblem(
                name,
                "degraded",
                f"Text contains {replacements} replacement character(s) (U+FFFD): some "
                "characters were lost before the file reached us.",
            )
        )
    digest = content_hash(text)
    if digest in seen_hashes:
        yield InputProblem(
            name,
            "duplicate",
            f"Same text as '{seen_hashes[digest]}'; counted once, under that file.",
        )
        return
    seen_hashes[digest] = name
    article_id = path.stem
    if article_id in seen_ids:
        problems.append(
            InputProblem(
                name,
                "warning",
                f"Id '{article_id}' is already used by '{seen_ids[article_id]}'; this "
                f"article's id is '{name}'.",
            )
        )
        article_id = name
    seen_ids[article_id] = name
    row = manifest.rows.get(file_key(name))
    if row is None and manifest.present:
        problems.append(
            InputProblem(
                name,
                "warning",
                "No manifest row: title and outlet are unknown"
                + (
                    "; the date is taken from the file name."
                    if date_from_name(name)
                    else " and so is the date."
                ),
            )
        )
    yield Article(
        id=article_id,
        path=path,
        text=text,
        meta=_meta(name, text, row, hints),
        encoding=encoding,
        source_format=source_format,
        sha256=digest,
    )
    yield from problems


def load_corpus(directory: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read every article in `directory`; problems are collected, never raised.

    Raises CorpusDirectoryError only when the folder itself is missing.
    """
    corpus = Corpus()
    for item in iter_corpus(directory, max_bytes=max_bytes):
        if isinstance(item, Article):
            corpus.articles.append(item)
        else:
            corpus.problems.append(item)
    corpus.articles.sort(key=lambda a: a.id)
    return corpus


def write_extracted_texts(corpus: Corpus, out_dir: Path | str) -> list[Path]:
    """Save each article's text as `out_dir/<id>.txt` (UTF-8, LF) for audit.

    These are the exact strings the facts' offsets refer to. Files whose content is
    unchanged are not rewritten, so their timestamps keep incremental builds quiet; texts
    of articles no longer in the corpus are removed, so the folder is always this corpus.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for article in corpus.articles:
        target = out / f"{article.id}.txt"
        data = article.text.encode("utf-8")
        if not (target.is_file() and target.read_bytes() == data):
            tmp = target.with_suffix(".txt.tmp")
            tmp.write_bytes(data)
            tmp.replace(target)
        written.append(target)
    for stale in sorted(set(out.glob("*.txt")) - set(written)):
        stale.unlink()  # an article removed from the folder leaves the audit copy too
    return written
