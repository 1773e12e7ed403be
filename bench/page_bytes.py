"""What saved real pages cost to store: ``python -m bench.page_bytes DIR [DIR ...]``.

For every ``NAME.html`` in the folders, prints the bytes ``blobs`` stores for it as a first
version on its own (compressed whole), as a first version packed against another page of its
site (the site's reference page, as ``blobs.Siblings`` does), and as a later version after a
one-word edit (packed against its own last version), and how much of the page compressed whole
its inline scripts, styles and SVG drawings take. The issue's target is 15 KB a version; the
monitoring-cycle benchmark's pages are our own, and this says what real sites' pages weigh.

A page's site is the host of its canonical link or ``og:url``, else the start of its file name
("cnn_001.html" and "cnn_002.html" are one site). The first page of a site, in name order, is
the reference the others are packed against.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import statistics
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from bench.pages import saved_pages
from newswatch.blobs import Reference, pack, whole_page

TARGET = 15_000
_URL = re.compile(
    rb"""<(?:link[^>]+rel=["']?canonical["']?[^>]*href|meta[^>]+property=["']og:url["'][^>]*"""
    rb"""content)=["']?(https?://[^"'\s>]+)""",
    re.I,
)
# inline code and drawings: a script's or a style's body, an SVG; a JSON-LD block is the
# article's own data and stays
_CODE = re.compile(
    rb"(<script\b(?![^>]*ld\+json)[^>]*>).*?(</script>)|(<style\b[^>]*>).*?(</style>)"
    rb"|(<svg\b[^>]*>).*?(</svg>)",
    re.S | re.I,
)


def site_of(page: Path, data: bytes) -> str:
    found = _URL.search(data[:200_000])
    if found:
        host = urlsplit(found.group(1).decode("ascii", "replace")).hostname or ""
        if host:
            return host  # as newswatch keys a site: its host name
    return re.split(r"[._-]", page.stem)[0]


def without_code(data: bytes) -> bytes:
    """The page with its inline scripts', styles' and drawings' bodies taken out."""
    return _CODE.sub(lambda m: b"".join(g for g in m.groups() if g), data)  # the tags stay


def one_word_edited(data: bytes) -> bytes:
    """The page with one word of its second half changed, as an edit of the article would."""
    at = data.find(b" the ", len(data) // 2)
    if at < 0:
        at = data.find(b" ", len(data) // 2)
        return data[:at] + b" edited" + data[at:] if at >= 0 else data + b" edited"
    return data[:at] + b" a " + data[at + 5 :]


def stored(data: bytes, reference: bytes | None = None) -> int:
    if reference is None:
        return len(pack(data)["data"])
    ref = Reference(hashlib.sha256(reference).hexdigest(), reference)
    return len(pack(data, ref)["data"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    pages = saved_pages(args.folders)
    sites: dict[str, list[tuple[Path, bytes]]] = defaultdict(list)
    for page in pages:
        data = page.read_bytes()
        sites[site_of(page, data)].append((page, data))
    alone, first, edited, code_share = [], [], [], []
    print(f"{'page':40} {'KB':>6} {'whole':>8} {'sibling':>8} {'edited':>7} {'code':>5}")
    for site in sorted(sites):
        reference = sites[site][0][1]
        for page, data in sites[site]:
            whole = stored(data)
            sibling = stored(data, reference) if data is not reference else whole
            edit = stored(one_word_edited(data), data)
            lean = len(whole_page(without_code(data)))
            share = 1 - lean / max(1, whole)
            alone.append(whole)
            first.append(sibling)
            edited.append(edit)
            code_share.append(share)
            shown = f"{sibling:8,}" if data is not reference else f"{'(ref)':>8}"
            print(
                f"{page.name[:40]:40} {len(data) // 1024:6} {whole:8,} {shown} {edit:7,}"
                f" {share:5.0%}"
            )
    if not alone:
        print("no pages")
        return
    count = len(alone)
    many = sum(len(v) > 1 for v in sites.values())
    print(f"{count} pages of {len(sites)} sites ({many} with more than one page)")
    for name, sizes in (("on its own", alone), ("packed against its site's page", first)):
        under = sum(s <= TARGET for s in sizes)
        print(
            f"  first version, {name}: mean {statistics.mean(sizes):,.0f} bytes, median"
            f" {statistics.median(sizes):,.0f}; {under}/{count} at most {TARGET:,}"
        )
    print(
        f"  a version after a one-word edit: mean {statistics.mean(edited):,.0f} bytes, largest"
        f" {max(edited):,}"
    )
    print(
        f"  inline scripts, styles and drawings: {statistics.mean(code_share):.0%} of a page"
        " compressed whole, on average"
    )


if __name__ == "__main__":
    main()
