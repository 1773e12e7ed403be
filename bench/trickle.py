"""Bytes stored per first version when a site's new articles arrive a few at a time, as on a
server that checks every few minutes: each batch holds ``--per-batch`` new articles of one site.
Run twice over the same pages: with the site's reference page kept between batches (what
newswatch does), and without it (each batch's first page of the site stored whole, as before
the reference pages), so the two figures are read side by side. Then every stored page is read
back (as ``newswatch show --raw`` and ``export`` read it) and timed, whole pages and deltas apart.

    python -m bench.trickle [--n 200] [--per-batch 5] [--page-kb 250] [--site-share 0.5]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete, func, select

from bench.corpus import CorpusServer, make_corpus
from newswatch import models as m
from newswatch import pipeline
from newswatch.settings import Settings
from newswatch.sources import parse_watchlist
from newswatch.store import open_store, sync_watchlist
from newswatch.store_pages import get_blob


def database_url(folder: Path, keep_reference: bool) -> str:
    label = "kept" if keep_reference else "dropped"
    return f"sqlite:///{folder / f'trickle-{label}.db'}"


def stored_per_first_version(
    server: CorpusServer, count: int, per_batch: int, folder: Path, keep_reference: bool
) -> tuple[float, int]:
    """(bytes of stored pages per first version, pages stored whole)."""
    settings = Settings(
        database_url=database_url(folder, keep_reference),
        allow_hosts=["127.0.0.1"],
        host_delay=0,
        extract_workers=0,
    )
    store = open_store(settings.resolved_database_url)
    watchlist = parse_watchlist(
        {"source": [{"name": f"a{n}", "url": server.url(n)} for n in range(count)]}
    )
    with store.transaction() as session:
        ids = sync_watchlist(session, watchlist)
    for start in range(0, count, per_batch):
        outcomes = pipeline.check_batch(
            store, ids[start : start + per_batch], watchlist, settings, f"c{start}"
        )
        assert all(o.outcome == "first" for o in outcomes), outcomes
        if not keep_reference:
            with store.transaction() as session:
                session.execute(delete(m.SitePage))
    with store.reading() as session:
        stored = session.scalar(select(func.sum(func.length(m.Blob.data)))) or 0
        whole = session.scalar(select(func.count()).where(m.Blob.base.is_(None))) or 0
    store.close()
    return stored / count, int(whole)


def reading_back(url: str) -> dict[bool, list[float]]:
    """Seconds to read each stored page back, keyed by whether it is stored whole. Each page
    is read in a session of its own (nothing cached between pages) and checked against its
    sha256."""
    store = open_store(url)
    with store.reading() as session:
        pages = session.execute(select(m.Blob.sha256, m.Blob.base.is_(None))).all()
    times: dict[bool, list[float]] = {True: [], False: []}
    for sha, whole in pages:
        started = time.perf_counter()
        with store.reading() as session:
            data = get_blob(session, sha)
        times[whole].append(time.perf_counter() - started)
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            raise RuntimeError(f"stored page {sha} read back wrong")
    store.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="new articles (default 200)")
    parser.add_argument("--per-batch", type=int, default=5, help="of them per batch (5)")
    parser.add_argument("--page-kb", type=int, default=250, help="page weight (250)")
    parser.add_argument("--site-share", type=float, default=0.5, help="shared padding (0.5)")
    args = parser.parse_args(argv)
    corpus = make_corpus(args.n)
    with (
        CorpusServer(corpus, weight_kb=args.page_kb, site_share=args.site_share) as server,
        tempfile.TemporaryDirectory() as folder,
    ):
        weight = (
            f"pages of {args.page_kb} KB, {args.site_share:.0%} of the added weight shared by "
            "every page of the site"
            if args.page_kb
            else "pages of the article's own weight (8-24 KB)"
        )
        print(f"{args.n} first versions, {args.per_batch} a batch, {weight}")
        for keep in (True, False):
            per_version, whole = stored_per_first_version(
                server, args.n, args.per_batch, Path(folder), keep
            )
            said = "kept between batches" if keep else "not kept (each batch starts afresh)"
            print(
                f"  site's reference page {said}: {per_version:,.0f} bytes of page per first "
                "version, "
                f"{whole} of {args.n} pages stored whole"
            )
        # read back as `show --raw` and `export` read, from the run that kept the reference
        for whole, times in reading_back(database_url(Path(folder), True)).items():
            if times:
                kind = "stored whole" if whole else "stored as a delta"
                mean_ms = sum(times) / len(times) * 1000
                print(
                    f"  reading a page back (reference kept), {kind}: {mean_ms:.2f} ms a page "
                    f"({len(times)} of them)"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
