"""Raw page bytes as stored: compressed whole, or as a delta against an earlier page.

A news page changes little from one version to the next: the chrome, the scripts and the site's
state blob stay, the article's edit is a few sentences. A later version is therefore stored as a
zstd frame that takes the earlier page's bytes as its dictionary, usually a few hundred bytes
where the page compressed whole is 30 to 60 KB. The page a delta refers to is always one stored
whole, so reading any page takes at most two decompressions; a delta that saves little is stored
whole instead, and later versions then refer to that one.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import Any

import zstandard

ZLIB_LEVEL = 6
# Level 1 finds too few matches across a page of a few hundred KB; above 3 costs more CPU for
# deltas that are already a few hundred bytes.
ZSTD_LEVEL = 3
# A delta at most this share of the page is kept without trying the whole page.
CLEARLY_SMALL = 1 / 16


def _dictionary(reference: bytes) -> zstandard.ZstdCompressionDict:
    return zstandard.ZstdCompressionDict(reference, dict_type=zstandard.DICT_TYPE_RAWCONTENT)


def pack_delta(data: bytes, reference: bytes) -> bytes:
    """``data`` as a zstd frame that needs ``reference``'s bytes to be read."""
    compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL, dict_data=_dictionary(reference))
    return compressor.compress(data)


def pack(data: bytes, reference: tuple[str, bytes] | None = None) -> dict[str, Any]:
    """The columns of a blob row for ``data``: its sha256, size, packed bytes and, when stored as
    a delta, the sha256 of the whole page ``reference`` (digest, bytes) it was packed against."""
    row: dict[str, Any] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    if reference is not None and reference[0] != row["sha256"]:
        delta = pack_delta(data, reference[1])
        if len(delta) <= len(data) * CLEARLY_SMALL:
            return row | {"data": delta, "base": reference[0]}
        whole = zlib.compress(data, ZLIB_LEVEL)
        if 2 * len(delta) <= len(whole):
            return row | {"data": delta, "base": reference[0]}
        return row | {"data": whole, "base": None}
    return row | {"data": zlib.compress(data, ZLIB_LEVEL), "base": None}


def unpack(packed: bytes, reference: bytes | None = None) -> bytes:
    """The raw bytes again: ``reference`` is the base page's bytes for a delta, None otherwise."""
    if reference is None:
        return zlib.decompress(packed)
    return zstandard.ZstdDecompressor(dict_data=_dictionary(reference)).decompress(packed)
