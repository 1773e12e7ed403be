"""Being a good citizen towards each host, across every worker: politeness and robots.txt.

The state lives in the database (``host`` and ``host_lease`` tables), so it holds however many
workers fetch at once, on PostgreSQL and SQLite alike:

- at most ``max_concurrent`` requests in flight to one host, each a lease that expires by
  itself if its worker dies;
- at least ``min_delay`` seconds between two request starts to one host (or the host's own
  robots.txt Crawl-delay, when longer), and a host that answered 429 or 503 with Retry-After
  is left alone for that long;
- robots.txt fetched once a day per host and honoured for the ``newswatch`` user agent
  (RFC 9309: a 4xx robots.txt allows everything, an unreachable one disallows for now).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib import robotparser
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch.fetch import FetchError, FetchResult
from newswatch.store import Store

ROBOTS_TTL = timedelta(hours=24)
ROBOTS_AGENT = "newswatch"
ROBOTS_MAX_CHARS = 500_000


class HostBusy(FetchError):
    """No slot for this host before the deadline: try again later."""


@dataclass(frozen=True)
class Politeness:
    min_delay: float = 1.0
    max_concurrent: int = 2
    lease_seconds: float = 120.0
    obey_robots: bool = True
    max_wait: float = 60.0  # give up on a host (for this check) after waiting this long


@dataclass(frozen=True)
class Lease:
    """A request slot on a host: a row shared by every worker, or a slot in this process."""

    host: str
    id: int | None
    slot: threading.BoundedSemaphore | None


def host_of(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


def _ensure_host(session: Session, name: str) -> None:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(m.Host).values(name=name).on_conflict_do_nothing())


# Request slots per host for this process, when no delay has to be kept (see _local_slot).
_LOCAL_SLOTS: dict[str, threading.BoundedSemaphore] = {}
_LOCAL_LOCK = threading.Lock()


class HostGate:
    def __init__(
        self,
        store: Store,
        policy: Politeness,
        clock: Callable[[], datetime] = m.utcnow,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.policy = policy
        self.clock = clock
        self.sleep = sleep
        self._robots: dict[str, robotparser.RobotFileParser | None] = {}
        self._local = _LOCAL_SLOTS  # shared by every gate of this process (concurrent batches)
        self._lock = _LOCAL_LOCK

    # --- politeness ---------------------------------------------------------------------------

    def _local_slot(self, name: str) -> threading.BoundedSemaphore | None:
        """With no delay to keep between requests (NEWSWATCH_HOST_DELAY=0, no Crawl-delay, no
        Retry-After pending), only the number of requests in flight is limited, and that in
        this process: no database round trip per request."""
        if self.policy.min_delay > 0:
            return None
        with self._lock:
            if name not in self._local:
                with self.store.reading() as session:
                    host = session.get(m.Host, name)
                    busy = host is not None and (
                        (host.crawl_delay or 0) > 0
                        or (
                            host.next_request_at is not None and host.next_request_at > self.clock()
                        )
                    )
                if busy:
                    return None
                self._local[name] = threading.BoundedSemaphore(self.policy.max_concurrent)
            return self._local[name]

    def acquire(self, url: str) -> Lease:
        """Wait for a free slot on the URL's host and take it."""
        name = host_of(url)
        local = self._local_slot(name)
        if local is not None:
            if not local.acquire(timeout=self.policy.max_wait):
                raise HostBusy(
                    f"{name} is busy: no request slot within "
                    f"{self.policy.max_wait:.0f} s (politeness limits)",
                    transient=True,
                )
            return Lease(name, None, local)
        return Lease(name, self._acquire_shared(name), None)

    def _acquire_shared(self, name: str) -> int:
        waited = 0.0
        while True:
            wait = self._try_acquire(name)
            if isinstance(wait, int):
                return wait
            if waited + wait > self.policy.max_wait:
                raise HostBusy(
                    f"{name} is busy: no request slot within {self.policy.max_wait:.0f}"
                    " s (politeness limits)",
                    transient=True,
                )
            self.sleep(wait)
            waited += wait

    def _try_acquire(self, name: str) -> int | float:
        now = self.clock()
        with self.store.transaction() as session:
            _ensure_host(session, name)
            # Writing to the host row first serialises acquirers of one host on both PostgreSQL
            # (row lock) and SQLite (the database write lock).
            session.execute(update(m.Host).where(m.Host.name == name).values(name=m.Host.name))
            host = session.get_one(m.Host, name, populate_existing=True)
            session.execute(
                delete(m.HostLease).where(m.HostLease.host == name, m.HostLease.expires_at <= now)
            )
            active = (
                session.scalar(
                    select(func.count()).select_from(m.HostLease).where(m.HostLease.host == name)
                )
                or 0
            )
            ready_at = host.next_request_at or now
            if active >= self.policy.max_concurrent:
                return max(0.05, min(1.0, self.policy.min_delay))
            if ready_at > now:
                return max(0.01, (ready_at - now).total_seconds())
            delay = max(self.policy.min_delay, host.crawl_delay or 0.0)
            host.next_request_at = now + timedelta(seconds=delay)
            lease = m.HostLease(
                host=name, expires_at=now + timedelta(seconds=self.policy.lease_seconds)
            )
            session.add(lease)
            session.flush()
            return int(lease.id)

    def release(self, lease: Lease) -> None:
        if lease.slot is not None:
            lease.slot.release()
            return
        with self.store.transaction() as session:
            session.execute(delete(m.HostLease).where(m.HostLease.id == lease.id))

    def defer(self, url: str, seconds: float) -> None:
        """The host asked us to wait (Retry-After): no request to it before then."""
        name = host_of(url)
        with self._lock:
            self._local.pop(name, None)  # from now on this host goes through the database
        until = self.clock() + timedelta(seconds=min(seconds, 24 * 3600))
        with self.store.transaction() as session:
            _ensure_host(session, name)
            host = session.get_one(m.Host, name)
            if host.next_request_at is None or host.next_request_at < until:
                host.next_request_at = until

    # --- robots.txt -------------------------------------------------------------------------

    def robots_allows(self, url: str, fetch_robots: Callable[[str], FetchResult]) -> bool:
        """Whether robots.txt lets newswatch fetch ``url``; raises FetchError (transient) when
        the host's robots.txt cannot be read."""
        if not self.policy.obey_robots:
            return True
        name = host_of(url)
        if name not in self._robots:
            self._robots[name] = self._load_robots(url, name, fetch_robots)
        parser = self._robots[name]
        if parser is not None and parser.crawl_delay(ROBOTS_AGENT):
            with self._lock:
                self._local.pop(name, None)  # the site asks for a delay: keep it across workers
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(
        self, url: str, name: str, fetch_robots: Callable[[str], FetchResult]
    ) -> robotparser.RobotFileParser | None:
        now = self.clock()
        with self.store.reading() as session:
            host = session.get(m.Host, name)
            fresh = (
                host is not None
                and host.robots_fetched_at is not None
                and (now - host.robots_fetched_at < ROBOTS_TTL)
            )
            if fresh and host is not None:
                return _parser(host.robots_status, host.robots_txt)
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        result = fetch_robots(robots_url)
        if result.status is None or result.status >= 500 or result.status == 429:
            raise FetchError(
                f"robots.txt of {name} unavailable ({result.error}); not fetching"
                " until it can be read",
                transient=True,
            )
        text = (result.body or b"").decode("utf-8", errors="replace")[:ROBOTS_MAX_CHARS]
        parser = _parser(result.status, text)
        delay = parser.crawl_delay(ROBOTS_AGENT) if parser is not None else None
        with self.store.transaction() as session:
            _ensure_host(session, name)
            host = session.get_one(m.Host, name)
            host.robots_status, host.robots_txt, host.robots_fetched_at = result.status, text, now
            host.crawl_delay = float(delay) if delay else None
        return parser


def _parser(status: int | None, text: str | None) -> robotparser.RobotFileParser | None:
    """None means everything is allowed (no robots.txt, or a 4xx answer)."""
    if status is None or status >= 400 or not text:
        return None
    parser = robotparser.RobotFileParser()
    parser.parse(text.splitlines())
    return parser
