"""Is a check's cost flat in the article's history? One article with 2 stored versions and one
with 100: the time of an unchanged check of each (a full 200 answer, so the stored texts are
looked up by fingerprint).

    python -m bench.history BASE_URL FOLDER   (prints [ms with 2, ms with 100] as JSON)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from newswatch import models as m
from newswatch import pipeline
from newswatch.settings import Settings
from newswatch.sources import parse_watchlist
from newswatch.store import add_version, open_store, sync_watchlist

CHECKS = 40


def timed_checks(versions: int, base: str, folder: Path) -> float:
    url = f"{base}/news/2026/11/25/story-0"
    settings = Settings(
        database_url=f"sqlite:///{folder / f'history-{versions}.db'}",
        allow_hosts=["127.0.0.1"],
        host_delay=0,
        extract_workers=0,
    )
    store = open_store(settings.resolved_database_url)
    watchlist = parse_watchlist({"source": [{"name": "one", "url": url}]})
    with store.transaction() as session:
        (article_id,) = sync_watchlist(session, watchlist)
    pipeline.check_batch(store, [article_id], watchlist, settings, "first")
    with store.transaction() as session:  # older versions, as if it had been edited many times
        for number in range(versions - 1):
            add_version(
                session,
                article_id,
                fingerprint=f"{number:064d}",
                headline="old",
                byline=None,
                published=None,
                modified=None,
                text=f"old text {number}",
            )
        session.get_one(m.Article, article_id).etag = None  # full answers, no 304
    started = time.perf_counter()
    for check in range(CHECKS):
        with store.transaction() as session:
            session.get_one(m.Article, article_id).etag = None
        (outcome,) = pipeline.check_batch(store, [article_id], watchlist, settings, f"c{check}")
        assert outcome.outcome == "unchanged", outcome
    return (time.perf_counter() - started) / CHECKS * 1000


def main() -> int:
    base, folder = sys.argv[1], Path(sys.argv[2])
    print(json.dumps([timed_checks(2, base, folder), timed_checks(100, base, folder)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
