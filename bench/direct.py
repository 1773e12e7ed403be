"""One monitoring cycle with the stages called directly, without Prefect: the yardstick for
Prefect's share. Same steps as flows/monitor.py: sync, scan, claim, batches, delivery.

    python -m bench.direct SOURCES_FILE     one cycle, in a process of its own
    python -m bench.direct --serve          cycles in one warm process: it starts its extraction
                                            processes, prints "ready", then runs a cycle for each
                                            sources file read from stdin and prints "done"
"""

from __future__ import annotations

import sys
from pathlib import Path

from flows.common import memory_given_back
from newswatch import models as m
from newswatch import pipeline
from newswatch.alerts import deliver_pending
from newswatch.scan import scan_sources
from newswatch.settings import Settings
from newswatch.sources import load_watchlist
from newswatch.store import (
    Store,
    claim_due_articles,
    first_captures_claimed,
    open_store,
    source_ids,
    sync_watchlist,
)


def one_cycle(store: Store, settings: Settings, sources: Path) -> None:
    watchlist = load_watchlist(sources)
    cycle = f"direct-{m.utcnow():%H%M%S%f}"
    with store.transaction() as session:
        sync_watchlist(session, watchlist)
        ids = source_ids(session)
    scan_sources(store, watchlist, settings)
    with store.transaction() as session:
        due = claim_due_articles(
            session,
            cycle,
            m.utcnow(),
            settings.max_per_cycle,
            True,
            [ids[s.name] for s in watchlist.enabled_sources()],
        )
        fresh = first_captures_claimed(session, cycle)
    size = pipeline.batch_size_for(fresh, len(due), settings)
    for start in range(0, len(due), size):
        pipeline.check_batch(store, due[start : start + size], watchlist, settings, cycle)
    deliver_pending(store, settings)


def main() -> int:
    settings = Settings()
    store = open_store(settings.resolved_database_url)
    if sys.argv[1:] != ["--serve"]:
        one_cycle(store, settings, Path(sys.argv[1]))
        return 0
    # as the warm runner does: its extraction processes, and its memory setting (freed large
    # blocks go back to the system, which makes large allocations dearer)
    pipeline.extraction_pool(settings.extract_workers, preload=True)
    memory_given_back()
    print("ready", flush=True)
    for line in sys.stdin:
        one_cycle(store, settings, Path(line.strip()))
        print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
