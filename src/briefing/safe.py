"""The only doors through which article text, titles and manifest fields enter HTML.

Everything an article or the manifest says is untrusted: a title may be
`<script>alert(1)</script>`, a URL may be `javascript:...`, a "word" may be 5,000
characters long. The narrative and table helpers build HTML only through these functions,
so escaping is decided in one tested place rather than at every call site.

Long words: `html_text` inserts `<wbr>` (a break opportunity that adds no character, so
copy-paste and search still see the word whole) into unbroken runs longer than
`LONG_WORD` characters. It works in browsers and in WeasyPrint without any CSS; a
stylesheet's `overflow-wrap: anywhere` is still welcome for narrow table cells.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

#: Runs of non-space characters longer than this get break opportunities...
LONG_WORD = 32
#: ...every this many characters.
WORD_CHUNK = 16

_UNBROKEN = re.compile(rf"\S{{{LONG_WORD + 1},}}")
_SAFE_SCHEMES = frozenset({"http", "https"})
# WHATWG URL parsing removes tab and newline anywhere and C0 controls/space at both ends;
# browsers do it, so we do it before judging the scheme ("java\tscript:" is javascript:).
_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def html_text(value: object) -> str:
    """Escape any value for HTML text content (quotes too), breaking very long words.

    None becomes "". `<`, `>`, `&`, `"` and `'` are escaped; then `<wbr>` is inserted
    between escaped chunks of long unbroken runs, never inside an entity.
    """
    if value is None:
        return ""
    text = str(value)
    out: list[str] = []
    pos = 0
    for match in _UNBROKEN.finditer(text):
        out.append(_escape(text[pos : match.start()]))
        word = match.group()
        chunks = [word[i : i + WORD_CHUNK] for i in range(0, len(word), WORD_CHUNK)]
        out.append("<wbr>".join(_escape(chunk) for chunk in chunks))
        pos = match.end()
    out.append(_escape(text[pos:]))
    return "".join(out)


def html_attr(value: object) -> str:
    """Escape any value for a double- or single-quoted HTML attribute. None becomes ""."""
    if value is None:
        return ""
    return _escape(str(value))


def safe_url(value: object) -> str | None:
    """Return the URL if it is an absolute http(s) URL with a host, else None.

    `javascript:`, `data:`, `vbscript:`, relative and scheme-less URLs are rejected,
    including disguises a browser would see through: upper case, leading spaces or control
    characters, tabs and newlines inside the scheme, and HTML entities (`&#106;avascript:`,
    `javascript&colon;`). The result still needs `html_attr` when put in an attribute.
    """
    if not isinstance(value, str):
        return None
    url = value
    for _ in range(3):  # entities may be nested: &amp;#106; -> &#106; -> j
        unescaped = html.unescape(url)
        if unescaped == url:
            break
        url = unescaped
    url = _TAB_NEWLINE.sub("", url).strip(_C0_OR_SPACE)
    if not url or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.hostname:
        return None
    return url.replace(" ", "%20")


def html_link(url: object, text: object) -> str:
    """An `<a>` to a safe URL with escaped text, or just the escaped text if the URL is unsafe.

    `rel="noopener noreferrer"` because the target is a third-party site.
    """
    target = safe_url(url)
    label = html_text(text)
    if target is None:
        return label
    return f'<a href="{html_attr(target)}" rel="noopener noreferrer">{label}</a>'
