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
from collections.abc import Callable
from dataclasses import dataclass
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


# A site whose first pages in a batch gain nothing from their sibling is left alone after these.
SIBLING_TRIES = 3

Packer = Callable[[bytes, "tuple[str, bytes] | None"], dict[str, Any]]


@dataclass
class Sibling:
    """The page of a site that its other new pages in a batch are packed against."""

    row: dict[str, Any]  # its blob row, stored whole
    data: bytes  # its raw bytes
    tries: int = 0
    hits: int = 0


class Siblings:
    """First versions have no earlier page of their own, but a site's pages share most of their
    bytes (chrome, styles, scripts, the state of its teasers): the first new page of each site
    in a batch is stored whole and the others as deltas against it where that is clearly
    smaller. A site whose first tries all gain nothing is not tried again in the batch."""

    def __init__(self, pack_row: Packer) -> None:
        self._pack = pack_row
        self._by_site: dict[str, Sibling] = {}

    def pack(self, site: str, data: bytes) -> tuple[dict[str, Any], Sibling | None]:
        """The blob row for ``data``, and the sibling it needs when it is a delta."""
        sibling = self._by_site.get(site)
        if sibling is None:
            row = self._pack(data, None)
            self._by_site[site] = Sibling(row, data)
            return row, None
        if sibling.hits == 0 and sibling.tries >= SIBLING_TRIES:
            return self._pack(data, None), None
        sibling.tries += 1
        row = self._pack(data, (sibling.row["sha256"], sibling.data))
        if row["base"] is None:
            return row, None
        sibling.hits += 1
        return row, sibling
