"""Raw page bytes as stored: compressed whole, or as a delta against another page.

A news page changes little from one version to the next: the chrome, the scripts and the site's
state blob stay, the article's edit is a few sentences. A later version is therefore stored as a
zstd frame that takes the earlier page's bytes as its dictionary, usually a few hundred bytes
where the page compressed whole is 30 to 60 KB. A first version has no earlier page of its own,
but a site's pages share much of their bytes: it is packed against a sibling, the site's
reference page (a recent page of the site stored whole, named in ``site_page``) or else a page
of the same site in the batch, and the article's next version against that delta. No page is
more than two deltas from one stored whole, so reading any page takes at most three
decompressions; a delta that saves little is stored whole instead.
"""

from __future__ import annotations

import hashlib
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import zstandard

# A page stored whole: zstd at level 6 packs real news pages 5-30 % smaller than zlib did, in
# less time (a 250 KB page: 44 KB in 2 ms against 58 KB in 5 ms).
WHOLE_LEVEL = 6
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
# Level 1 finds too few matches across a page of a few hundred KB; level 6 packs a sibling's
# delta a sixth smaller for about three times the CPU, and no better time or memory was measured
# for it (bench/RESULTS.md, seventh round).
ZSTD_LEVEL = 3
# Level 3's window (2 MB) and hash tables cannot reach back over a bigger page and its reference:
# an edit of a 2.5 MB page packed at level 3 against its last version came out at 600 KB, and was
# stored whole (740 KB). Past this many bytes of reference and page, level 5 with a window over
# both packs the same edit in about 1.3 KB for 15 ms.
LARGE_PAIR = 1 << 21
LARGE_LEVEL = 5
MAX_WINDOW_LOG = 27  # what a zstd decoder accepts without being told more (128 MB)
# A delta at most this share of the page is kept without compressing the page whole to compare.
CLEARLY_SMALL = 1 / 16
# ... otherwise it is kept when at most this share of the page compressed whole.
SMALLER = 3 / 4
# A site whose first pages in a batch gain nothing from their sibling is left alone after these.
SIBLING_TRIES = 3
# The sites of a batch whose references keep their compressors (the ones used last): 8 MB.
KEPT_COMPRESSORS = 4


def _dictionary(reference: bytes) -> zstandard.ZstdCompressionDict:
    return zstandard.ZstdCompressionDict(reference, dict_type=zstandard.DICT_TYPE_RAWCONTENT)


@dataclass
class Reference:
    """A stored page that other pages are packed against: its sha256 and raw bytes."""

    sha256: str
    data: bytes
    ratio: float | None = None  # its size compressed whole ÷ its size, when known
    # A compressor is about 2 MB, and making one costs more than a page's delta where freed
    # memory goes back to the system (the warm runner): a reference many pages are packed
    # against keeps its own until ``release``.
    keep_compressor: bool = False
    _compressor: zstandard.ZstdCompressor | None = field(default=None, repr=False, compare=False)

    def compress(self, data: bytes) -> bytes:
        """``data`` as a zstd frame that needs this page's bytes to be read."""
        total = len(self.data) + len(data)
        if total > LARGE_PAIR:  # a window over the reference and the page; not kept (rare)
            params = zstandard.ZstdCompressionParameters.from_level(
                LARGE_LEVEL, window_log=min(MAX_WINDOW_LOG, total.bit_length())
            )
            large = zstandard.ZstdCompressor(
                dict_data=_dictionary(self.data), compression_params=params
            )
            return large.compress(data)
        compressor = self._compressor or zstandard.ZstdCompressor(
            level=ZSTD_LEVEL, dict_data=_dictionary(self.data)
        )
        if self.keep_compressor:
            self._compressor = compressor
        return compressor.compress(data)

    @property
    def holds_compressor(self) -> bool:
        return self._compressor is not None

    def release(self) -> None:
        """Let the compressor go (the reference may still pack pages, making one each time)."""
        self._compressor = None


def pack(data: bytes, reference: Reference | None = None) -> dict[str, Any]:
    """The columns of a blob row for ``data``: its sha256, size, packed bytes and, when stored as
    a delta, the sha256 of the whole page ``reference`` it was packed against."""
    row: dict[str, Any] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    if reference is None or reference.sha256 == row["sha256"]:
        return row | {"data": whole_page(data), "base": None}
    delta = reference.compress(data)
    if len(delta) <= len(data) * CLEARLY_SMALL:
        return row | {"data": delta, "base": reference.sha256}
    # A page compresses about as well as its reference: where the reference's ratio is known,
    # estimating the page's whole size saves compressing it unless it is to be stored whole.
    whole = None if reference.ratio is not None else whole_page(data)
    estimate = len(whole) if whole is not None else len(data) * (reference.ratio or 0.0)
    if len(delta) <= estimate * SMALLER:
        return row | {"data": delta, "base": reference.sha256}
    if whole is None:
        whole = whole_page(data)
    return row | {"data": whole, "base": None}


_local = threading.local()


def whole_page(data: bytes) -> bytes:
    """``data`` compressed on its own (a compressor per thread: making one costs more than a
    small page's compression)."""
    compressor = getattr(_local, "compressor", None)
    if compressor is None:
        compressor = _local.compressor = zstandard.ZstdCompressor(level=WHOLE_LEVEL)
    return compressor.compress(data)


def unpack(packed: bytes, reference: bytes | None = None) -> bytes:
    """The raw bytes again: ``reference`` is the base page's bytes for a delta, None otherwise.
    A page stored whole is a zstd frame, or zlib's where it was stored before zstd."""
    if reference is None:
        if packed.startswith(ZSTD_MAGIC):
            decompressor = getattr(_local, "decompressor", None)
            if decompressor is None:
                decompressor = _local.decompressor = zstandard.ZstdDecompressor()
            return decompressor.decompress(packed)
        return zlib.decompress(packed)
    return zstandard.ZstdDecompressor(dict_data=_dictionary(reference)).decompress(packed)


Packer = Callable[[bytes, "Reference | None"], dict[str, Any]]
Lookup = Callable[[str], "Reference | None"]


@dataclass
class Sibling:
    """The page of a site that its other new pages in a batch are packed against."""

    row: dict[str, Any] | None  # its blob row, stored whole; None: in the store already
    reference: Reference
    tries: int = 0
    hits: int = 0


class Siblings:
    """A site's new pages in a batch are packed against one page of the site where that is
    clearly smaller: the site's reference page in the store (``lookup``), or else the first
    new page of the site in the batch, stored whole and made the site's reference. A
    reference whose first tries all gain nothing (the site's layout changed) gives way to the
    next page, stored whole; a new page of the batch that does as badly is left at that."""

    def __init__(self, pack_row: Packer, lookup: Lookup | None = None) -> None:
        self._pack = pack_row
        self._lookup = lookup
        self._by_site: dict[str, Sibling] = {}
        self._in_use: OrderedDict[str, Reference] = OrderedDict()  # the last used, last
        self.made: dict[str, str] = {}  # site -> sha256 of the page made its reference

    def pack(self, site: str, data: bytes) -> tuple[dict[str, Any], Sibling | None]:
        """The blob row for ``data``, and the sibling it needs when it is a delta."""
        sibling = self._by_site.get(site)
        if sibling is None and self._lookup is not None and site not in self.made:
            stored = self._lookup(site)
            if stored is not None:
                stored.keep_compressor = True
                sibling = self._by_site[site] = Sibling(None, stored)
        if sibling is not None and sibling.hits == 0 and sibling.tries >= SIBLING_TRIES:
            if sibling.row is not None:
                sibling.reference.release()
                return self._pack(data, None), None
            sibling = None  # the stored reference is stale: this page takes its place
        if sibling is None:
            row = self._pack(data, None)
            ratio = len(row["data"]) / max(1, len(data))
            reference = Reference(row["sha256"], data, ratio, keep_compressor=True)
            self._by_site[site] = Sibling(row, reference)
            self.made[site] = row["sha256"]
            return row, None
        sibling.tries += 1
        self._using(site, sibling.reference)
        row = self._pack(data, sibling.reference)
        if row["base"] is None:
            return row, None
        sibling.hits += 1
        return row, sibling

    def _using(self, site: str, reference: Reference) -> None:
        """Keep the compressors of the sites used last; the others make one when next used."""
        self._in_use[site] = reference
        self._in_use.move_to_end(site)
        while len(self._in_use) > KEPT_COMPRESSORS:
            self._in_use.popitem(last=False)[1].release()
