"""A page's bytes as text, decoded the way a browser would: a byte-order mark first, then the
HTTP charset, the page's own meta charset or XML declaration, then detection. A page that only
changed its encoding reads as the same text."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # Browsers read latin-1 labels as windows-1252 (WHATWG encoding standard).
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


# an XHTML page may open with an XML declaration that names its encoding
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode in a browser's order: BOM, HTTP charset, meta charset, then detection."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, errors="replace")
    wide = _utf16_without_bom(body[:512])  # before any declaration: UTF-8 would accept it
    if wide is not None:
        return body.decode(wide, errors="replace")
    candidates: list[str | None] = []
    if content_type:
        match = re.search(r"charset\s*=\s*([^;\s]+)", content_type, re.I)
        candidates.append(_known_codec(match.group(1)) if match else None)
    for declared in (_META_CHARSET.search(body[:4096]), _XML_ENCODING.match(body)):
        name = declared.group(1).decode("ascii", "ignore") if declared else None
        candidates.append(_known_codec(name))
    for candidate in candidates:
        if candidate is not None:
            try:
                return body.decode(candidate)
            except UnicodeDecodeError:
                continue  # a wrong declared charset: fall through to detection, as browsers do
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    return str(best) if best is not None else body.decode("cp1252", errors="replace")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 with no byte-order mark: every other byte of ASCII markup is NUL, which UTF-8
    would take for text ("<" NUL "h" NUL "t" NUL ...)."""
    if len(head) < 16 or head.count(0) < len(head) // 3:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    return "utf-16-le" if odd > 2 * even else "utf-16-be" if even > 2 * odd else None
