"""One check of a batch of articles, stage by stage: fetch, extract, store, diff, claims, alerts.

Plain functions, no Prefect: the monitoring flow runs ``check_batch`` as a task, and tests and
benchmarks call it directly. Network waits overlap (a small pool of threads fetches while the
main thread extracts and records); what each check leaves in the store is written by
``newswatch.recording``: one transaction per article with news, one per batch for the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, TypeAlias

import requests
from sqlalchemy import select

from newswatch import models as m
from newswatch import store as st
from newswatch.checks import First, Job, Outcome, Quiet
from newswatch.discover import canonical_url
from newswatch.examine import Examined, Stored, examine
from newswatch.examine import preload as preload_libraries
from newswatch.extract import Extracted, ExtractionError, extract_or_error
from newswatch.fetch import FetchError, FetchOptions, FetchResult, fetch, make_session
from newswatch.hosts import HostGate, Politeness
from newswatch.recording import Recorder
from newswatch.settings import Settings
from newswatch.sources import Watchlist

__all__ = ["Outcome", "check_batch", "cycle_outcomes", "fetch_options", "politeness"]


def fetch_options(settings: Settings) -> FetchOptions:
    return FetchOptions(
        user_agent=settings.full_user_agent,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
        max_bytes=settings.max_bytes,
        allow_hosts=tuple(settings.allow_hosts),
    )


def politeness(settings: Settings) -> Politeness:
    return Politeness(
        min_delay=settings.host_delay,
        max_concurrent=settings.host_concurrency,
        obey_robots=settings.obey_robots,
    )


def batch_size_for(first_captures: int, due: int, settings: Settings) -> int:
    """Articles per batch (one Prefect task run) in a run of ``due`` articles, ``first_captures``
    of them never stored. A batch of revisits is cheap to check, and each task run costs the
    Prefect server CPU to record: where revisits are most of the run, its batches are bigger."""
    if first_captures * 2 >= due:
        return max(1, settings.batch_size)
    return max(1, settings.batch_size, settings.revisit_batch_size)


def check_batch(
    store: st.Store, article_ids: list[int], watchlist: Watchlist, settings: Settings, cycle: str
) -> list[Outcome]:
    """Check each article once in this cycle; an article already checked in it (or claimed by
    another run) is skipped, so a retried batch only repeats what failed."""
    recorder = Recorder(store, watchlist, settings, cycle)
    outcomes: dict[int, Outcome] = {}
    jobs = _load(store, watchlist, cycle, article_ids, outcomes)
    options = fetch_options(settings)
    workers = max(1, min(settings.fetch_workers, len(jobs)))
    quiet: list[Quiet] = []
    firsts: list[First] = []
    pool = extraction_pool(settings.extract_workers) if len(jobs) >= 4 else None
    with make_session(options, pool_maxsize=workers) as http:
        fetcher = Fetcher(options, http, HostGate(store, politeness(settings)))
        for job, examined in _pages(fetcher, jobs, workers, pool, recorder.stored):
            outcome = _settle(recorder, job, examined, quiet, firsts)
            if outcome is not None:
                outcomes[job.article_id] = outcome
    for outcome in recorder.quiet(quiet) + recorder.firsts(firsts):
        outcomes[outcome.article_id] = outcome
    return [outcomes[i] for i in article_ids if i in outcomes]


_POOL: ProcessPoolExecutor | None = None
_POOL_LOCK = threading.Lock()
# After the pool broke (a worker killed, out of memory), extraction runs in the checking process
# for a while, then a new pool is tried: a long-lived runner must not lose its workers for good.
POOL_RETRY_SECONDS = 600.0
_pool_broken_until = 0.0


def extraction_pool(workers: int, *, preload: bool = False) -> ProcessPoolExecutor | None:
    """Processes that extract text while this one fetches and records (extraction is CPU work,
    which threads cannot share). Started once, on first use, all at once; none with
    ``workers`` = 0, nor for ``POOL_RETRY_SECONDS`` after the pool broke. With ``preload`` (a
    long-lived runner), the workers import the extraction and comparison libraries as they
    start; a run of its own process leaves that to the first page that needs them."""
    global _POOL
    if workers <= 0 or time.monotonic() < _pool_broken_until:
        return None
    with _POOL_LOCK:
        if _POOL is None:
            # spawn, not fork: this process runs threads (Prefect, database pools)
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            with _main_module_hidden():
                # a spawning pool starts a process on each submit until it has them all
                for _ in range(workers):
                    pool.submit(preload_libraries if preload else os.getpid)
            _POOL = pool
        return _POOL


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Hide where ``__main__`` came from while extraction workers start.

    A spawned process first runs its parent's main module again (as ``__mp_main__``), so that
    functions defined there can be unpickled. Here that module is the CLI, Prefect's engine or
    a serve script, and each worker would import Prefect, SQLAlchemy and the whole pipeline
    (a second or two of CPU and tens of MB each) to run one function of ``newswatch.extract``,
    which needs nothing from it. Without a file or a module name to go by, multiprocessing
    leaves the main module alone."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved: dict[str, object] = {
        name: main.__dict__[name] for name in ("__file__", "__spec__") if name in main.__dict__
    }
    main.__dict__.pop("__file__", None)
    main.__dict__["__spec__"] = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


def _disable_pool() -> None:
    global _POOL, _pool_broken_until
    with _POOL_LOCK:
        _pool_broken_until = time.monotonic() + POOL_RETRY_SECONDS
        if _POOL is not None:
            _POOL.shutdown(wait=False, cancel_futures=True)
            _POOL = None


Extraction: TypeAlias = Extracted | ExtractionError | None


def _extract(job: Job) -> Extraction:
    result = job.result
    if result is None or result.error is not None or result.not_modified or result.body is None:
        return None
    return extract_or_error(
        result.body,
        job.url,
        result.headers.get("content-type"),
        job.spec.selector if job.spec else None,
    )


def _pages(
    fetcher: Fetcher,
    jobs: list[Job],
    workers: int,
    pool: ProcessPoolExecutor | None,
    stored: Callable[[Job], Stored | None],
) -> Iterator[tuple[Job, Examined]]:
    """Fetch in a few threads; extract, and compare a new text with the stored one, in other
    processes when there is a pool (here otherwise, where the recording compares). Each job
    comes back with its page as soon as both are done, in no particular order: a page is
    recorded (or its bytes let go) while others are still on the way, not held to the end."""
    if workers == 1 and pool is None:
        for job in map(fetcher.run, jobs):
            yield job, Examined(_extract(job))
        return
    finished: queue.SimpleQueue[Future[Any]] = queue.SimpleQueue()
    examining: dict[Future[Any], Job] = {}
    with ThreadPoolExecutor(workers, thread_name_prefix="fetch") as network:
        for job in jobs:
            network.submit(fetcher.run, job).add_done_callback(finished.put)
        waiting = len(jobs)
        while waiting:
            done = finished.get()
            waiting -= 1
            examined_job = examining.pop(done, None)
            if examined_job is not None:
                try:
                    examined = done.result()
                except BrokenProcessPool:
                    # the pool could not start or lost a worker: do the work here, and here
                    # only until a new pool is tried
                    _disable_pool()
                    examined = Examined(_extract(examined_job))
                yield examined_job, examined
                continue
            job = done.result()
            needs_text = job.result is not None and job.result.ok and job.result.body is not None
            if pool is not None and needs_text:
                assert job.result is not None and job.result.body is not None
                try:
                    future = pool.submit(
                        examine,
                        job.result.body,
                        job.url,
                        job.result.headers.get("content-type"),
                        job.spec.selector if job.spec else None,
                        stored(job),
                    )
                except BrokenProcessPool:  # a worker died since the pool's last use
                    _disable_pool()
                    pool = None
                else:
                    examining[future] = job  # before the callback, which may run at once
                    future.add_done_callback(finished.put)
                    waiting += 1
                    continue
            yield job, Examined(_extract(job))


# what a check needs of its article, read as plain rows (the ORM's objects are not needed here)
_JOB_COLUMNS = select(
    m.Article.id,
    m.Article.url,
    m.Article.etag,
    m.Article.last_modified,
    m.Article.status,
    m.Article.source_id,
    m.Article.created_at,
    m.Article.born_at,
    m.Article.last_changed_at,
    m.Article.current_version_id,
    m.Article.canonical_url,
    m.Article.claimed_by,
    m.Article.claimed_until,
    m.Article.next_check_at,
)


def _load(
    store: st.Store, watchlist: Watchlist, cycle: str, ids: list[int], outcomes: dict[int, Outcome]
) -> list[Job]:
    """What the store knows of the batch's articles, in two queries; decides the skips."""
    now = m.utcnow()
    jobs = []
    with store.reading() as session:
        rows = {a.id: a for a in session.execute(_JOB_COLUMNS.where(m.Article.id.in_(ids)))}
        names = dict(session.execute(select(m.Source.id, m.Source.name)).all())
        current = {a.current_version_id for a in rows.values() if a.current_version_id}
        numbers = (
            dict(
                session.execute(
                    select(m.Version.id, m.Version.number).where(m.Version.id.in_(current))
                ).all()
            )
            if current
            else {}
        )
        tried: dict[int, list[tuple[str, dict[str, str]]]] = {}
        for article_id, outcome, headers in session.execute(
            select(m.Capture.article_id, m.Capture.outcome, m.Capture.headers).where(
                m.Capture.article_id.in_(ids), m.Capture.cycle == cycle
            )
        ):
            tried.setdefault(article_id, []).append((outcome, headers or {}))
    for article_id in ids:
        article = rows.get(article_id)
        if article is None:
            continue
        previous = tried.get(article_id, [])
        taken = (
            article.claimed_by not in (None, cycle)
            and article.claimed_until is not None
            and article.claimed_until > now
        )
        if taken or any(outcome != "error" for outcome, _ in previous):
            # done in this run already, or another run has it
            outcomes[article_id] = Outcome(article_id, article.url, "skipped")
            continue
        asked_to_wait = any("retry-after" in headers for _, headers in previous)
        if asked_to_wait and article.next_check_at is not None and article.next_check_at > now:
            # the site asked for a pause (Retry-After): not again in this cycle
            outcomes[article_id] = Outcome(
                article_id, article.url, "deferred", error="waiting for Retry-After"
            )
            continue
        spec = None
        if article.source_id is not None and article.source_id in names:
            try:
                spec = watchlist.by_name(names[article.source_id])
            except KeyError:
                spec = None
        jobs.append(
            Job(
                article.id,
                article.url,
                article.etag,
                article.last_modified,
                article.status,
                spec,
                article.created_at,
                article.born_at,
                article.last_changed_at,
                article.current_version_id,
                numbers.get(article.current_version_id or -1),
                article.canonical_url,
            )
        )
    return jobs


class Fetcher:
    """The network part of a check, safe to run in several threads."""

    def __init__(self, options: FetchOptions, http: requests.Session, gate: HostGate) -> None:
        self.options = options
        self.http = http
        self.gate = gate
        self._robots = threading.Lock()

    def run(self, job: Job) -> Job:
        try:
            with self._robots:  # one thread reads a host's robots.txt; the others wait for it
                allowed = self.gate.robots_allows(job.url, self._fetch_robots)
            if not allowed:
                job.error = "disallowed by robots.txt for the newswatch user agent"
                return job
            lease = self.gate.acquire(job.url)
        except FetchError as exc:
            job.error, job.transient = exc.reason, exc.transient
            return job
        try:
            job.result = fetch(
                job.url,
                self.options,
                etag=job.etag,
                last_modified=job.last_modified,
                session=self.http,
            )
        finally:
            self.gate.release(lease)
        if job.result.retry_after:
            self.gate.defer(job.url, job.result.retry_after)
        return job

    def _fetch_robots(self, robots_url: str) -> FetchResult:
        return fetch(robots_url, self.options, session=self.http)


def _settle(
    recorder: Recorder,
    job: Job,
    examined: Examined,
    quiet: list[Quiet],
    firsts: list[First],
) -> Outcome | None:
    """Record one fetched article; unchanged ones and first versions wait for the batch's bulk
    writes, without the page's bytes (unchanged) or with them compressed (first versions)."""
    page, result = examined.page, job.result
    if result is None:
        return recorder.failure(job, None, job.error or "not fetched", job.transient)
    if result.error is not None:
        return recorder.failure(job, result, result.error, result.transient)
    recovering = job.status == "failing"  # its recovery is told: recorded on its own
    if result.not_modified:
        if recovering:
            return recorder.not_modified(job, result)
        job.result = result.without_body()
        quiet.append(
            Quiet(
                job, job.result, job.current_version_id, job.current_version_number, "not-modified"
            )
        )
        return None
    if isinstance(page, ExtractionError):
        return recorder.failure(job, result, f"no article text: {page}", False, keep_body=True)
    assert page is not None and result.body is not None
    if job.current_version_id is None and not recovering:
        first = First.of(job, result, page, recorder.siblings)
        job.result = first.result
        firsts.append(first)
        return None
    known = None if recovering else recorder.known_version(job.article_id, page.fingerprint)
    if known is not None and _same_canonical(page.canonical_url, result.final_url, job):
        job.result = result.without_body()
        quiet.append(Quiet(job, job.result, known[0], known[1], "unchanged"))
        return None
    return recorder.page(job, result, page, looked_up=not recovering, examined=examined)


def _same_canonical(named: str | None, final_url: str, job: Job) -> bool:
    """The page still names the URL it is tracked under (or none): nothing to reconcile."""
    if not named:
        return True
    try:
        canonical = canonical_url(named, final_url)
    except ValueError:
        return True
    return canonical in (job.url, job.canonical_url)


def cycle_outcomes(outcomes: list[Outcome]) -> dict[str, int]:
    counts: dict[str, int] = {
        "checked": 0,
        "changed": 0,
        "unchanged": 0,
        "failed": 0,
        "first": 0,
        "alerts queued": 0,
    }
    for outcome in outcomes:
        counts["checked"] += outcome.outcome not in ("skipped", "deferred")
        if outcome.outcome in ("unchanged", "not-modified"):
            counts["unchanged"] += 1
        elif outcome.outcome == "deferred":
            counts["failed"] += 1
        elif outcome.outcome in counts:
            counts[outcome.outcome] += 1
        counts["alerts queued"] += outcome.alerts
    return counts
