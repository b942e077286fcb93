"""Plain text out of HTML, Markdown and PDF articles.

Extractors must see prose, not markup: a figure inside `<script>` or a navigation menu is
not a figure of the article, and `**250** billion` must read as "250 billion". Every fact's
offsets refer to the text these functions return, which the pipeline saves for audit.
"""

from __future__ import annotations

import email.utils
import io
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from markdown_it import MarkdownIt

#: Elements that hold page furniture or code, never article prose.
_DROPPED_TAGS = (
    "nav",
    "aside",
    "script",
    "style",
    "noscript",
    "form",
    "iframe",
    "template",
    "svg",
    "canvas",
    "object",
    "embed",
    "button",
    "select",
    "textarea",
    "input",
    "head",
)

#: Elements that start a new paragraph in the extracted text.
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "blockquote", "body", "caption", "dd", "details", "div"),
        *("dl", "dt", "fieldset", "figcaption", "figure", "header", "footer", "hr", "li"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "main", "ol", "p", "pre", "section"),
        *("summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "html"),
    }
)

_CELL_TAGS = frozenset({"td", "th"})

_META_DATE_NAMES = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
)

_SPACES = re.compile(r"[ \t\f\v\r\n\u00a0]+")


@dataclass
class HtmlExtract:
    """The prose of an HTML page plus the metadata its `<head>` offers."""

    text: str
    title: str | None = None
    published: str | None = None  # raw string from a <meta>, parsed by the manifest rules
    dropped: list[str] = field(default_factory=list)


def _meta_content(soup: BeautifulSoup, names: tuple[str, ...]) -> str | None:
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in names and meta.get("content"):
            return str(meta["content"]).strip() or None
    return None


def _blocks(node: Tag, out: list[str], buffer: list[str]) -> None:
    """Depth-first walk: inline text accumulates in `buffer`, block elements flush it."""
    for child in node.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, Comment) and type(child) is NavigableString:
                # Source newlines are layout, not content: only <br> breaks a line.
                buffer.append(_SPACES.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name == "br":
            buffer.append("\n")
        elif name == "pre":
            _flush(out, buffer)
            out.append(child.get_text().strip("\n"))
        elif name == "table" and _header_cells(child):
            _flush(out, buffer)
            out.extend(_html_table_lines(child))
        elif name in _BLOCK_TAGS:
            _flush(out, buffer)
            _blocks(child, out, buffer)
            _flush(out, buffer)
        elif name in _CELL_TAGS:
            buffer.append(" ")
            _blocks(child, out, buffer)
            buffer.append(" ")
        elif name == "img":
            continue
        else:
            _blocks(child, out, buffer)


# ---------------------------------------------------------------- tables
#: A unit in a column header ("Target (yuan)", "规模（亿元）", "Share (%)"): it belongs to
#: every figure of the column, so it is written after each of them.
_HEADER_UNIT = re.compile(r"^(?P<label>.*?)\s*[(（](?P<unit>[^()（）]{1,20})[)）]\s*$")
_BARE_NUMBER = re.compile(
    r"^[~≈约約]?\s*[0-9０-９][0-9０-９,.，．]*\s*(?:[a-zA-Z]{0,8}|[万萬亿億])?$"
)


def table_lines(header: list[str], rows: list[list[str]]) -> list[str]:
    """A table with a header row as one line per row, each cell named by its column:
    "Region: Shanghai; Target: 350 billion yuan; Year: 2025." A figure then stands in a
    sentence with its label, unit, place and year, as in prose."""
    labels, units = [], []
    for cell in header:
        m = _HEADER_UNIT.match(cell)
        labels.append(m.group("label") if m and m.group("label") else cell)
        units.append(m.group("unit").strip() if m else "")
    lines = []
    for row in rows:
        parts = []
        for i, cell in enumerate(row):
            if not cell:
                continue
            unit = units[i] if i < len(units) else ""
            if unit and _BARE_NUMBER.match(cell):
                glue = "" if unit[0] in "%％" or "\u4e00" <= unit[0] <= "\u9fff" else " "
                cell = f"{cell}{glue}{unit}"
            label = labels[i] if i < len(labels) else ""
            parts.append(f"{label}: {cell}" if label else cell)
        if parts:
            lines.append("; ".join(parts) + ".")
    return lines


def _cell_text(cell: Tag) -> str:
    return _SPACES.sub(" ", cell.get_text(" ")).strip()


def _rows(table: Tag) -> list[Tag]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _header_cells(table: Tag) -> list[str]:
    """The header row's cells: the first row when it is all <th> (or in <thead>)."""
    rows = _rows(table)
    if not rows:
        return []
    cells = rows[0].find_all(["td", "th"], recursive=False)
    in_head = rows[0].find_parent("thead") is not None
    if cells and (in_head or all(c.name == "th" for c in cells)):
        return [_cell_text(c) for c in cells]
    return []


def _html_table_lines(table: Tag) -> list[str]:
    rows = _rows(table)
    body = [[_cell_text(c) for c in tr.find_all(["td", "th"], recursive=False)] for tr in rows[1:]]
    return table_lines(_header_cells(table), body)


def _flush(out: list[str], buffer: list[str]) -> None:
    if not buffer:
        return
    lines = "".join(buffer).split("\n")
    buffer.clear()
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in lines).strip()
    text = re.sub(r"\n{2,}", "\n", text)
    if text:
        out.append(text)


def html_to_text(markup: str) -> HtmlExtract:
    """Extract an article's prose: headings, paragraphs, list items, table cells.

    Navigation, asides, scripts, styles, forms, iframes and comments are dropped; so are a
    page's `<header>`/`<footer>` unless they sit inside `<article>` or `<main>` (where a
    header holds the article's own headline). Blocks are separated by a blank line.
    """
    soup = BeautifulSoup(markup, "lxml")
    title_tag = soup.find("title")
    title = _SPACES.sub(" ", title_tag.get_text()).strip() if title_tag else None
    title = _meta_content(soup, ("og:title",)) or title or None
    published = _meta_content(soup, _META_DATE_NAMES)
    dropped: list[str] = []
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROPPED_TAGS):
        if not tag.decomposed:
            dropped.append(tag.name)
            tag.decompose()
    for tag in soup.find_all(["header", "footer"]):
        if tag.decomposed or tag.find_parent(["article", "main"]):
            continue
        dropped.append(tag.name)
        tag.decompose()
    out: list[str] = []
    buffer: list[str] = []
    _blocks(soup, out, buffer)
    _flush(out, buffer)
    return HtmlExtract("\n\n".join(out), title, published, sorted(set(dropped)))


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_KEYS = {
    "title": "title",
    "date": "published",
    "published": "published",
    "author": "author",
    "url": "url",
    "source": "url",
    "link": "url",
}


def split_front_matter(source: str) -> tuple[dict[str, str | None], str]:
    """Separate a leading YAML front-matter block (`---` ... `---`) from Markdown.

    Web clippers save title, date and URL there; without this they would be read as a
    paragraph of article text. Only flat `key: value` lines are read (no YAML library:
    the values are untrusted and only ever used as strings).
    """
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    hints: dict[str, str | None] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        field_name = _FRONT_MATTER_KEYS.get(key.strip().lower())
        if sep and field_name and field_name not in hints:
            hints[field_name] = value.strip().strip("\"'").strip() or None
    return hints, source[match.end() :]


_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline_text(children: list) -> str:
    parts: list[str] = []
    for token in children or []:
        if token.type in {"text", "code_inline"}:
            parts.append(token.content)
        elif token.type in {"softbreak", "hardbreak"}:
            parts.append("\n")
        elif token.type == "image":
            continue  # alt text of an image is not prose
        elif token.type == "html_inline":
            continue  # raw tags are markup, never text
    return "".join(parts)


def markdown_to_text(source: str) -> str:
    """Strip Markdown to plain prose with markdown-it-py's tokens.

    Headings, paragraphs, list items, quotes and table cells keep their text; emphasis and
    link syntax disappear but link text stays; images, code fences, indented code and raw
    HTML blocks are dropped. Blocks are separated by a blank line.
    """
    tokens = _MARKDOWN.parse(source)
    out: list[str] = []
    row: list[str] = []
    header: list[str] = []
    body: list[list[str]] = []
    in_cell = False
    for token in tokens:
        if token.type in {"tr_open"}:
            row = []
        elif token.type in {"th_open", "td_open"}:
            in_cell = True
        elif token.type in {"th_close", "td_close"}:
            in_cell = False
        elif token.type == "tr_close":
            if not header:
                header = row  # a Markdown table always opens with its header row
            else:
                body.append(row)
        elif token.type == "table_close":
            out.extend(table_lines(header, body))
            header, body = [], []
        elif token.type == "inline":
            text = _inline_text(token.children).strip()
            if in_cell:
                row.append(text)
            elif text:
                out.append(text)
    return "\n\n".join(out)


@dataclass
class PdfExtract:
    """A PDF's text layer, page by page, and how many pages had none."""

    text: str
    pages: int
    pages_without_text: int


def pdf_to_text(data: bytes) -> PdfExtract:
    """Read a PDF's text layer with pypdf; pages are separated by a blank line.

    Raises ValueError with a readable reason for encrypted or broken files, so the caller
    can record the file as skipped.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValueError("the PDF is encrypted")
        texts = [(page.extract_text() or "").strip() for page in reader.pages]
    except (PdfReadError, OSError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ValueError(f"the PDF cannot be read ({type(exc).__name__})") from exc
    pages = [t for t in texts if t]
    return PdfExtract("\n\n".join(pages), len(texts), len(texts) - len(pages))


# ---------------------------------------------------------------- feeds
def _rfc822_to_iso(raw: str | None) -> str | None:
    """RSS dates ("Tue, 05 Mar 2024 08:00:00 +0800") as ISO, which the manifest rules read;
    an ISO date (Atom) passes through."""
    if not raw:
        return None
    raw = raw.strip()
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return raw


@dataclass
class FeedExtract(HtmlExtract):
    """The first item of an RSS/Atom feed: its prose and metadata, and how many it had."""

    items: int = 1
    url: str | None = None


def feed_to_text(markup: str) -> FeedExtract:
    """Read an RSS item or Atom entry (or the first of a feed's): title, date, link, and the
    content (content:encoded, content, description or summary), whose HTML is reduced to
    prose like a page's. Feed furniture (channel title, guid, categories) is not text."""
    soup = BeautifulSoup(markup, "xml")
    items = soup.find_all(["item", "entry"])
    item = items[0] if items else soup

    def first(*names: str) -> Tag | None:
        # the first element with text, never a media:content/media:title (image metadata)
        for name in names:
            for found in item.find_all(name):
                if found.prefix != "media" and (found.get_text().strip() or found.get("href")):
                    return found
        return None

    title_tag = first("title")
    date_tag = first("pubDate", "published", "updated", "dc:date", "date")
    link_tag = first("link")
    body_tag = first("encoded", "content", "description", "summary")
    body = body_tag.get_text() if body_tag is not None else ""
    page = html_to_text(body) if "<" in body else HtmlExtract(_SPACES.sub(" ", body).strip())
    link = None
    if link_tag is not None:
        link = (link_tag.get("href") or link_tag.get_text() or "").strip() or None
    title = _SPACES.sub(" ", title_tag.get_text()).strip() if title_tag is not None else None
    published = _rfc822_to_iso(date_tag.get_text()) if date_tag is not None else None
    # the headline opens the text, as a page's <h1> does
    text = page.text if not title else f"{title}\n\n{page.text}".strip()
    return FeedExtract(text, title or None, published, page.dropped, len(items) or 1, link)
