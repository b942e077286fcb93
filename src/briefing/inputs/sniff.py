"""Recognising binary files before anyone tries to read them as text, and markup saved as text.

A PNG renamed to .txt decodes "successfully" as Windows-1252 into garbage, and that garbage
would then be searched for figures. Magic numbers name the common formats so the
data-quality section can say what the file was.
"""

from __future__ import annotations

import re

from briefing.inputs.decoding import has_bom, looks_like_utf16_without_bom

#: Leading bytes of formats that are never articles (PDF is handled separately).
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media file (WebP/WAV/AVI)"),
    (b"BM", "BMP image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "executable (ELF)"),
    (b"MZ", "executable (Windows)"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"ID3", "MP3 audio"),
)

PDF_MAGIC = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    """True if the bytes are a PDF (the header may follow a little junk, as readers allow)."""
    return PDF_MAGIC in data[:1024]


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of `data`, or None if it may be text.

    NUL bytes mean binary unless a BOM or the UTF-16 NUL pattern explains them.
    """
    # "BM" and "MZ" are also how ordinary text can start ("MZ Group said..."), so the
    # two-byte magics only count when the rest of the sample also looks binary.
    head = data[:8192]
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic) and (len(magic) > 2 or b"\x00" in head):
            return kind
    if b"\x00" in head and not has_bom(data) and not looks_like_utf16_without_bom(data):
        return "unknown binary format (contains NUL bytes)"
    return None


# ---------------------------------------------------------------- markup saved as .txt
#: Page source: a doctype or <html> first (after a BOM, blanks or an XML declaration).
_PROLOGUE = r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
_HTML_START = re.compile(_PROLOGUE + r"<(?:!doctype\s+html|html)\b", re.I | re.S)
#: A feed or one item of it: <rss>, <feed> (Atom), <item>, <entry>, <channel>.
_FEED_START = re.compile(_PROLOGUE + r"<(?:rss|feed|channel|item|entry)\b", re.I | re.S)
#: Tags that only a saved web page is made of.
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|img|h[1-6]|li|ul|ol|table|tr|td|script|style|meta|link|head|body"
    r"|article|section|header|footer|nav|figure|em|strong)\b[^<>]{0,400}>",
    re.I,
)
_HTML_CLOSING = re.compile(r"</(?:p|div|span|a|li|h[1-6]|td|article|section)>", re.I)
#: YAML front matter with the metadata keys web clippers write (title, date).
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?:[^\n]*\n){0,40}?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_MATTER_KEY = re.compile(r"^(?:title|date|published)\s*:", re.I | re.M)
#: How many page tags, closing tags among them, make a .txt file a page rather than an article
#: that quotes a tag or two ("the <p> element").
MIN_TAGS = 8


def markup_kind(text: str) -> str | None:
    """What a .txt file really is, when it is markup: "html" (saved page source), "feed" (an
    RSS or Atom feed or item), "md" (Markdown with YAML front matter); None for plain text.

    Saved pages and clipped articles arrive named .txt; read as plain text, their tags and
    attribute values (width="1024", data-size="800,600", ids, timestamps) would be searched
    for figures and their front matter read as a paragraph.
    """
    head = text[:4096]
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if _FRONT_MATTER.match(head):
        block = _FRONT_MATTER.match(head).group()
        if _FRONT_MATTER_KEY.search(block):
            return "md"
    sample = text[:65536]
    if len(_HTML_TAG.findall(sample)) >= MIN_TAGS and _HTML_CLOSING.search(sample):
        return "html"
    return None
