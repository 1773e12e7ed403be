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
from newswatch.store import Store, open_store, sync_watchlist
from newswatch.store_pages import get_blob


def stored_per_first_version(
    server: CorpusServer, count: int, per_batch: int, folder: Path, keep_reference: bool
) -> tuple[float, int, list[str]]:
    """(bytes of stored pages per first version, pages stored whole, with the reference kept:
    the times of reading the pages back)."""
    label = "kept" if keep_reference else "dropped"
    settings = Settings(
        database_url=f"sqlite:///{folder / f'trickle-{label}.db'}",
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
    read_times = reading_back(store) if keep_reference else []
    store.close()
    return stored / count, int(whole), read_times


def reading_back(store: Store) -> list[str]:
    """Read every stored page back, each in a session of its own (nothing cached between
    pages), check it against its sha256, and say the mean time per page."""
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
    return [
        f"  reading a page back, {kind}: {sum(times[whole]) / len(times[whole]) * 1000:.2f} ms "
        f"a page ({len(times[whole])} of them)"
        for whole, kind in ((True, "stored whole"), (False, "stored as a delta"))
        if times[whole]
    ]


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
            per_version, whole, read_times = stored_per_first_version(
                server, args.n, args.per_batch, Path(folder), keep
            )
            said = "kept between batches" if keep else "not kept (each batch starts afresh)"
            print(
                f"  site's reference page {said}: {per_version:,.0f} bytes of page per first "
                "version, "
                f"{whole} of {args.n} pages stored whole"
            )
            for line in read_times:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
