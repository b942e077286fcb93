"""Bytes to text for files whose encoding nobody told us.

Articles arrive as UTF-8 (with or without BOM), UTF-16 from Windows tools, GB18030/GBK
from Chinese sources and Windows-1252 from old newsroom systems. The order of the tests
matters: a BOM is proof, strict UTF-8 almost never succeeds by accident, GB18030 accepts
many Latin byte pairs so it must look like real Chinese before we believe it, and
Windows-1252 accepts nearly anything so it comes last.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 BOMs start with the UTF-16 LE BOM, so they are tested first.
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

#: charset-normalizer names that mean "a Chinese GB code page"; GB18030 is their superset.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn", "ms936"}
#: Other CJK code pages charset-normalizer may name; trusted only for a strict CJK decode.
_OTHER_CJK = {"big5", "big5hkscs", "cp950"}

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

#: How many bytes the heuristics look at: enough to judge, cheap on a 50 MB file.
_SAMPLE = 64 * 1024


@dataclass(frozen=True)
class Decoded:
    """The decoded text and how we got it (recorded in Article.encoding for audit)."""

    text: str
    encoding: str
    guessed: bool  # True when only a statistical guess (charset-normalizer) decoded it


def has_bom(data: bytes) -> bool:
    """True if the bytes start with a Unicode byte order mark (so NUL bytes are expected)."""
    return any(data.startswith(bom) for bom, _, _ in _BOMS)


def looks_like_utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" if the NUL-byte pattern says UTF-16, else None.

    Mostly-ASCII UTF-16 has a NUL in every other byte; CJK UTF-16 has none, so for those we
    also accept a strict decode whose characters are overwhelmingly CJK.
    """
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) - (len(sample) % 2)]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        codec = "utf-16-le"
    elif even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        sample.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= code <= 0x4DBF  # extension A
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
    )


def cjk_share(text: str) -> float:
    """Share of CJK characters among the non-ASCII, non-space characters of `text`."""
    non_ascii = [ch for ch in text if ord(ch) > 127 and not ch.isspace()]
    if not non_ascii:
        return 0.0
    return sum(1 for ch in non_ascii if _is_cjk(ch)) / len(non_ascii)


def _plausible_gb18030(data: bytes) -> bool:
    """True when the bytes decode strictly as GB18030 into mostly common Chinese.

    Windows-1252 text with curly quotes or accents sometimes decodes as GB18030 too, into
    rare ideographs. Real Chinese text is mostly GB2312 characters, whose two bytes are
    both >= 0xA1, so we require most multi-byte pairs to look like that as well.
    """
    sample = data[:_SAMPLE]
    # Never cut a multi-byte sequence: back up to the last ASCII byte.
    if len(data) > _SAMPLE:
        cut = max(sample.rfind(b"\n"), sample.rfind(b" "))
        if cut > 0:
            sample = sample[:cut]
    try:
        text = sample.decode("gb18030")
    except UnicodeDecodeError:
        return False
    if cjk_share(text) < 0.8:
        return False
    high_pairs = len(re.findall(rb"[\xa1-\xfe][\xa1-\xfe]", sample))
    lead_bytes = len(re.findall(rb"[\x81-\xfe]", sample)) / 2
    return lead_bytes > 0 and high_pairs >= 0.8 * lead_bytes


def _declared_html_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    if name in _GB_FAMILY:
        return "gb18030"
    if name in {"iso-8859-1", "latin-1", "latin1", "windows-1252", "us-ascii", "ascii"}:
        return "cp1252"  # what browsers do, per the WHATWG encoding standard
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded | None:
    """Decode a file's bytes, or return None if no supported encoding fits.

    Order: BOM; UTF-16 without BOM (NUL pattern); strict UTF-8; an HTML `<meta charset>`;
    GB18030 when the bytes look like real Chinese; charset-normalizer (GB family mapped to
    GB18030, Big5 accepted when it decodes to Chinese); Windows-1252; finally whatever
    charset-normalizer guessed, marked `guessed` (the article is reported degraded).
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), name, False)
            except UnicodeDecodeError:
                return None
    utf16 = looks_like_utf16_without_bom(data)
    if utf16:
        try:
            return Decoded(data.decode(utf16), utf16, False)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_html_charset(data)
        if declared and declared not in {"utf-8", "utf_8"}:
            try:
                return Decoded(data.decode(declared), declared, False)
            except (UnicodeDecodeError, LookupError):
                pass
    if _plausible_gb18030(data):
        try:
            return Decoded(data.decode("gb18030"), "gb18030", False)
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    if best is not None and best.encoding in _GB_FAMILY:
        try:
            return Decoded(data.decode("gb18030"), "gb18030", False)
        except UnicodeDecodeError:
            pass
    if best is not None and best.encoding in _OTHER_CJK:
        # Big5 from Hong Kong and Taiwan sources would otherwise "decode" as Windows-1252
        # mojibake; a strict decode into CJK text is good evidence.
        try:
            text = data.decode(best.encoding)
        except UnicodeDecodeError:
            text = ""
        if text and cjk_share(text[:_SAMPLE]) > 0.8:
            return Decoded(text, codecs.lookup(best.encoding).name, False)
    try:
        return Decoded(data.decode("cp1252"), "cp1252", False)
    except UnicodeDecodeError:
        pass
    if best is not None:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            return None
        name = codecs.lookup(best.encoding).name
        # BOM-less UTF-16 Chinese has no NUL bytes to betray it; charset-normalizer finds
        # it, and a strict decode into nearly all CJK is as good as proof.
        if name.startswith("utf-16") and cjk_share(text[:_SAMPLE]) > 0.8:
            return Decoded(text, name, False)
        return Decoded(text, name, True)
    return None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; everything else stays as decoded (offsets refer to it)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
